import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { SortHeader } from '~/components/list-controls';
import { TableCaption, TableWrap } from '~/components/table-wrap';
import { formatDay } from '~/utils/dates';
import { periodLabel, type MomentStatus, type ObligationForm } from '../rules';
import { MomentStatusBadge, useDateLocale } from './moment-status';

/** A reporting moment as lists show it (the plain shape of the calendar query's rows). */
export type MomentListItem = {
  id: number;
  institutionId: number;
  dueOn: string;
  periodStart: string;
  periodEnd: string;
  renderedOn: string | null;
  status: MomentStatus;
  obligation: { id: number; title: string; form: ObligationForm; forum: string | null };
  responsible: { id: number; name: string } | null;
  agreement: { id: number; title: string } | null;
  stakeholders: { id: number; name: string }[];
};

/**
 * Moments as a table: due date, status, obligation and period, to whom, responsible, agreement —
 * each linking to its page. With `sort`, the due date, obligation and status headers sort via the URL.
 */
export function MomentTable({ rows, caption, sort }: { rows: MomentListItem[]; caption: string; sort?: { sort: string; dir: 'asc' | 'desc' } }) {
  const { t } = useTranslation('calendar');
  const locale = useDateLocale();
  const header = (column: string, label: string) =>
    sort ? <SortHeader column={column} current={sort}>{label}</SortHeader> : <th scope="col">{label}</th>;
  return (
    <TableWrap>
      <table>
        <TableCaption>{caption}</TableCaption>
        <thead>
          <tr>
            {header('dueOn', t('columns.dueOn'))}
            {header('status', t('columns.status'))}
            {header('obligation', t('columns.obligation'))}
            <th scope="col">{t('columns.toWhom')}</th>
            <th scope="col">{t('columns.responsible')}</th>
            <th scope="col">{t('columns.agreement')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => {
            const base = `/i/${m.institutionId}`;
            return (
              <tr key={m.id}>
                <td><Link to={`${base}/moments/${m.id}`}>{formatDay(m.dueOn, locale)}</Link></td>
                <td><MomentStatusBadge status={m.status} /></td>
                <td>
                  <Link to={`${base}/obligations/${m.obligation.id}`}>{m.obligation.title}</Link>
                  <div className="muted">{periodLabel(m.periodStart, m.periodEnd, locale)}</div>
                </td>
                <td>
                  {m.stakeholders.map((s, i) => (
                    <span key={s.id}>{i > 0 ? ', ' : ''}<Link to={`${base}/stakeholders/${s.id}`}>{s.name}</Link></span>
                  ))}
                  {m.obligation.forum ? <>{m.stakeholders.length ? ', ' : ''}{m.obligation.forum}</> : null}
                </td>
                <td>{m.responsible?.name ?? t('common:none')}</td>
                <td>{m.agreement ? <Link to={`${base}/agreements/${m.agreement.id}`}>{m.agreement.title}</Link> : t('common:none')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}
