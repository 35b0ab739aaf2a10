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

// Each badge's markup given its label, so a table of many rows can translate each value once
// (RegisterTable) and still draw the same badge as the components below.
export const quadrantBadge = (quadrant: string | null, label: string) => (
  <span className={`badge ${(quadrant && QUADRANT_BADGE[quadrant]) || 'badge-muted'}`}>{label}</span>
);
export const tierBadge = (tier: string, label: string) => <span className={`badge tier-badge tier-${tier}`}>{label}</span>;
export const statusBadge = (status: string, label: string) => (
  <span className={`badge ${status === 'active' ? 'badge-ok' : status === 'dormant' ? 'badge-warn' : 'badge-muted'}`}>{label}</span>
);

/** The Mendelow quadrant as a label; the word carries the meaning, the colour only helps. */
export function QuadrantBadge({ quadrant }: { quadrant: string | null }) {
  const { t } = useTranslation('stakeholders');
  return quadrantBadge(quadrant, t(quadrant ? `quadrants.${quadrant}` : 'quadrants.unassessed'));
}

export function TierBadge({ tier }: { tier: string }) {
  const { t } = useTranslation('stakeholders');
  return tierBadge(tier, t(`tiers.${tier}`));
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('stakeholders');
  return statusBadge(status, t(`statuses.${status}`));
}

/** The Mitchell class; `short` leaves out the attributes (they are in the title for a hover). */
export function MitchellLabel({ value, short = false }: { value: string | null; short?: boolean }) {
  const { t } = useTranslation('stakeholders');
  if (!value) return <>{t('common:none')}</>;
  return short ? <span title={t(`mitchell.${value}`)}>{t(`mitchellShort.${value}`)}</span> : <>{t(`mitchell.${value}`)}</>;
}
