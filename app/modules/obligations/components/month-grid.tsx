import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { addDays, differenceInDays, endOfMonthDay, monthName, yearOf } from '~/utils/dates';
import type { MomentListItem } from './moment-table';
import { useDateLocale } from './moment-status';
import { TableCaption, TableWrap } from '~/components/table-wrap';

const STATUS_CLASS: Record<string, string> = {
  planned: 'info', 'due-soon': 'warn', overdue: 'danger', rendered: 'ok', 'rendered-late': 'warn', waived: 'muted',
};

/** 0 = Monday … 6 = Sunday; 1 January 2024 was a Monday. */
const weekday = (day: string) => ((differenceInDays(day, '2024-01-01') % 7) + 7) % 7;

/** The weeks (Monday first) that cover the month of `monthStart`, as rows of days (null outside the month). */
export function monthWeeks(monthStart: string): (string | null)[][] {
  const last = endOfMonthDay(monthStart);
  const days: (string | null)[] = Array.from({ length: weekday(monthStart) }, () => null);
  for (let day = monthStart; day <= last; day = addDays(day, 1)) days.push(day);
  while (days.length % 7 !== 0) days.push(null);
  return Array.from({ length: days.length / 7 }, (_, i) => days.slice(i * 7, i * 7 + 7));
}

/** What the grid shows of a moment: the loader sends only this (a busy month has hundreds). */
export type MonthGridMoment = Pick<MomentListItem, 'id' | 'institutionId' | 'dueOn' | 'status'> & { obligation: { title: string } };

/** A month as a table of weeks; each day lists its moments with their status. */
export function MonthGrid({ monthStart, moments, today }: { monthStart: string; moments: MonthGridMoment[]; today: string }) {
  const { t } = useTranslation('calendar');
  const locale = useDateLocale();
  const byDay = new Map<string, MonthGridMoment[]>();
  for (const m of moments) {
    const day = byDay.get(m.dueOn);
    if (day) day.push(m);
    else byDay.set(m.dueOn, [m]);
  }
  // One translation per status, not one per moment (a busy month has hundreds).
  const statusLabel = new Map(Object.keys(STATUS_CLASS).map((s) => [s, t(`obligations:status.${s}`)]));
  const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
  return (
    <TableWrap>
      <table className="month-grid">
        <TableCaption>{t('month.caption', { month: monthName(monthStart, locale, 'long'), year: yearOf(monthStart), count: moments.length })}</TableCaption>
        <thead>
          <tr>
            {weekdays.map((d) => (
              <th key={d} scope="col"><abbr title={t(`weekdays.${d}.long`)}>{t(`weekdays.${d}.short`)}</abbr></th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(monthStart).map((week, i) => (
            <tr key={i}>
              {week.map((day, j) => (
                <td key={day ?? `empty-${i}-${j}`} className={day === today ? 'month-today' : day ? undefined : 'month-outside'}>
                  {day ? (
                    <>
                      <time dateTime={day} className="month-day">{Number(day.slice(8))}</time>
                      <ul className="month-moments">
                        {(byDay.get(day) ?? []).map((m) => (
                          <li key={m.id} className={`month-moment month-moment-${STATUS_CLASS[m.status]}`}>
                            <Link to={`/i/${m.institutionId}/moments/${m.id}`}>{m.obligation.title}</Link>
                            <span className="visually-hidden"> ({statusLabel.get(m.status)})</span>
                          </li>
                        ))}
                      </ul>
                    </>
                  ) : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
