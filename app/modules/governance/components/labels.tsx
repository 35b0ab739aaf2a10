import { useTranslation } from 'react-i18next';
import type { Coverage } from '../library-schema';
import { sharePercent, type EvidenceHealth, type EvidenceTally, type Regime, type StatementFlag, type StatementStatus } from '../rules';

const STATUS_BADGE: Record<StatementStatus, string> = {
  complies: 'badge-ok',
  partially: 'badge-warn',
  explains: 'badge-info',
  'not-applicable': 'badge-muted',
  'not-assessed': '',
};

/** A statement's status as a coloured label; the word is always there, never only the colour. */
export function StatementStatusBadge({ status }: { status: StatementStatus }) {
  const { t } = useTranslation('compliance');
  return <span className={`badge ${STATUS_BADGE[status]}`}>{t(`status.${status}`)}</span>;
}

const HEALTH_BADGE: Record<EvidenceHealth, string> = {
  'on-time': 'badge-ok',
  late: 'badge-warn',
  overdue: 'badge-danger',
  none: 'badge-muted',
};

/** Evidence health, with the moments behind it when there are any. */
export function HealthBadge({ health, tally }: { health: EvidenceHealth; tally?: EvidenceTally }) {
  const { t } = useTranslation('compliance');
  const moments = tally ? tally.onTime + tally.late + tally.overdue + tally.pending : 0;
  return (
    <span>
      <span className={`badge ${HEALTH_BADGE[health]}`}>{t(`health.${health}`)}</span>
      {tally && moments > 0 ? <span className="muted tally"> {t('health.tally', { onTime: tally.onTime, late: tally.late, overdue: tally.overdue, pending: tally.pending })}</span> : null}
    </span>
  );
}

export function FlagList({ flags }: { flags: readonly StatementFlag[] }) {
  const { t } = useTranslation('compliance');
  if (flags.length === 0) return null;
  return (
    <ul className="flag-list">
      {flags.map((flag) => <li key={flag}><span className="badge badge-danger">{t(`flags.${flag}`)}</span></li>)}
    </ul>
  );
}

export function RegimeLabel({ regime }: { regime: Regime | null }) {
  const { t } = useTranslation('governance');
  return <span className="badge badge-muted">{t(`governance:regimes.${regime ?? 'unspecified'}`)}</span>;
}

/** A share as "83,3 %" in the page's language; a dash when nothing counts. */
export function ShareValue({ share }: { share: number | null }) {
  const { i18n } = useTranslation();
  const percent = sharePercent(share);
  if (percent === null) return <span className="muted">—</span>;
  return <>{new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 }).format(percent)}%</>;
}

/**
 * Honesty about the libraries (GOVERNANCE-FACTS.md): wherever a partial library's provisions
 * show, it says that it lists only some of them.
 */
export function CoverageNotice({ coverage, provisions }: { coverage: Coverage; provisions: number }) {
  const { t } = useTranslation('governance');
  if (coverage !== 'partial') return null;
  return <p className="notice notice-warn coverage-notice">{t('governance:coverage.partialNotice', { count: provisions })}</p>;
}
