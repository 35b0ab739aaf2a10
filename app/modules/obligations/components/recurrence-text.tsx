import { useTranslation } from 'react-i18next';
import { formatDay, monthName } from '~/utils/dates';
import type { Recurrence } from '../rules';
import { useDateLocale } from './moment-status';

/** "Every 3 months on day 15", "Every year on 30 June", "Once, due 1 July 2026". */
export function RecurrenceText({ recurrence, startsOn }: { recurrence: Recurrence; startsOn: string }) {
  const { t } = useTranslation('obligations');
  const locale = useDateLocale();
  switch (recurrence.kind) {
    case 'once':
      return <>{t('recurrence.once', { date: formatDay(startsOn, locale) })}</>;
    case 'monthly':
      return <>{t('recurrence.monthly', { count: recurrence.interval, day: recurrence.day })}</>;
    case 'yearly': {
      const day = Number(recurrence.monthDay.slice(3));
      const date = `${day} ${monthName(`2024-${recurrence.monthDay.slice(0, 2)}-01`, locale, 'long')}`;
      return <>{t('recurrence.yearly', { count: recurrence.interval, date })}</>;
    }
  }
}
