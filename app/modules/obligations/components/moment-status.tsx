import { useTranslation } from 'react-i18next';
import type { DateLocale } from '~/utils/dates';
import type { MomentStatus } from '../rules';

const BADGE: Record<MomentStatus, string> = {
  planned: 'badge-info',
  'due-soon': 'badge-warn',
  overdue: 'badge-danger',
  rendered: 'badge-ok',
  'rendered-late': 'badge-warn',
  waived: 'badge-muted',
};

/** A moment's derived status as a coloured label (the colour is never the only signal: the word is there). */
export function MomentStatusBadge({ status }: { status: MomentStatus }) {
  const { t } = useTranslation('obligations');
  return <span className={`badge ${BADGE[status]}`}>{t(`status.${status}`)}</span>;
}

/** The date locale of the page's language. */
export function useDateLocale(): DateLocale {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'nl';
}
