import { useTranslation } from 'react-i18next';
import { monthName, type Day } from '~/utils/dates';
import { completenessScore } from '../checks';
import { TableCaption, TableWrap } from '~/components/table-wrap';

type Row = { month: string; takenOn: Day; personsTotal: number; personsComplete: number };

const WIDTH = 160;
const HEIGHT = 32;

/** A line of the scores (0–100 %), no axes: the table beside it carries the numbers. */
function Sparkline({ scores }: { scores: (number | null)[] }) {
  const points = scores.flatMap((score, i) => (score === null ? [] : [
    `${scores.length === 1 ? WIDTH / 2 : (i / (scores.length - 1)) * WIDTH},${HEIGHT - (score / 100) * HEIGHT}`,
  ]));
  if (points.length === 0) return null;
  return (
    <svg className="sparkline" width={WIDTH} height={HEIGHT} viewBox={`-2 -2 ${WIDTH + 4} ${HEIGHT + 4}`} aria-hidden="true" focusable="false">
      <polyline points={points.join(' ')} fill="none" stroke="currentColor" strokeWidth="2" />
      {points.length === 1 ? <circle cx={points[0]!.split(',')[0]} cy={points[0]!.split(',')[1]} r="2.5" fill="currentColor" /> : null}
    </svg>
  );
}

/** The completeness score month by month, from the stored monthly snapshots (oldest first). */
export function CompletenessTrend({ rows }: { rows: Row[] }) {
  const { t, i18n } = useTranslation('quality');
  const locale = i18n.language === 'en' ? 'en' : 'nl';
  const scores = rows.map((r) => completenessScore(r.personsComplete, r.personsTotal));
  return (
    <section className="card" aria-labelledby="quality-trend">
      <h2 id="quality-trend">{t('trend.title')}</h2>
      <p className="muted">{t('trend.hint')}</p>
      <Sparkline scores={scores} />
      <TableWrap>
        <table>
          <TableCaption className="visually-hidden">{t('trend.title')}</TableCaption>
          <thead>
            <tr>
              <th scope="col">{t('trend.month')}</th>
              <th scope="col">{t('trend.score')}</th>
              <th scope="col">{t('trend.persons')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={row.month}>
                <th scope="row">{monthName(`${row.month}-01` as Day, locale, 'long')} {row.month.slice(0, 4)}</th>
                <td>{scores[i] === null ? t('common:none') : `${scores[i]}%`}</td>
                <td>{t('trend.complete', { complete: row.personsComplete, total: row.personsTotal })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
