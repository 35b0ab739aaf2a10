import { useTranslation } from 'react-i18next';
import { formatDay, type DateLocale } from '~/utils/dates';

/** The date locale of the page's language, and a formatter for calendar days (a dash for none). */
export function useDays() {
  const { i18n, t } = useTranslation();
  const locale: DateLocale = i18n.language === 'en' ? 'en' : 'nl';
  return { locale, day: (value: string | null | undefined) => (value ? formatDay(value, locale) : t('common:none')) };
}

const QUADRANT_BADGE: Record<string, string> = {
  'manage-closely': 'badge-danger',
  'keep-satisfied': 'badge-warn',
  'keep-informed': 'badge-info',
  monitor: 'badge-muted',
};

/** The Mendelow quadrant as a label; the word carries the meaning, the colour only helps. */
export function QuadrantBadge({ quadrant }: { quadrant: string | null }) {
  const { t } = useTranslation('stakeholders');
  if (!quadrant) return <span className="badge badge-muted">{t('quadrants.unassessed')}</span>;
  return <span className={`badge ${QUADRANT_BADGE[quadrant] ?? 'badge-muted'}`}>{t(`quadrants.${quadrant}`)}</span>;
}

export function TierBadge({ tier }: { tier: string }) {
  const { t } = useTranslation('stakeholders');
  return <span className={`badge tier-badge tier-${tier}`}>{t(`tiers.${tier}`)}</span>;
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('stakeholders');
  const tone = status === 'active' ? 'badge-ok' : status === 'dormant' ? 'badge-warn' : 'badge-muted';
  return <span className={`badge ${tone}`}>{t(`statuses.${status}`)}</span>;
}

/** The Mitchell class; `short` leaves out the attributes (they are in the title for a hover). */
export function MitchellLabel({ value, short = false }: { value: string | null; short?: boolean }) {
  const { t } = useTranslation('stakeholders');
  if (!value) return <>{t('common:none')}</>;
  return short ? <span title={t(`mitchell.${value}`)}>{t(`mitchellShort.${value}`)}</span> : <>{t(`mitchell.${value}`)}</>;
}
