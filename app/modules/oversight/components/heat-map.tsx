import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { STATEMENT_STATUSES, type StatementStatus, type StatusCounts } from '~/modules/governance/rules';
import { complianceYearPath } from '../paths';
import { TableCaption, TableWrap } from '~/components/table-wrap';

type LocalisedText = { nl: string; en: string };

export type HeatMapView = {
  targets: { key: string; number: string; title: LocalisedText; counts: StatusCounts }[];
  columns: { id: number; name: string }[];
  cells: Record<string, StatementStatus>;
};

// The count columns come first, so they show without scrolling; a rule sets them off from the page's institutions.
const countClass = (i: number) => `number heat-count${i === STATEMENT_STATUSES.length - 1 ? ' heat-divider' : ''}`;

/**
 * Provisions (rows) × institutions (columns) as a table: each cell is coloured by its status and
 * says it in a short mark (explained in the legend) with the full word for screen readers, so
 * colour is never the only signal. The first columns count every institution in scope, not only this page's.
 */
export function HeatMap({ map, year, language }: { map: HeatMapView; year: number; language: 'nl' | 'en' }) {
  const { t } = useTranslation('oversight');
  return (
    <TableWrap>
      <table className="heat-map">
        <TableCaption>{t('heatMap.caption', { provisions: map.targets.length, institutions: map.columns.length })}</TableCaption>
        <thead>
          <tr>
            <th scope="col">{t('heatMap.provision')}</th>
            {STATEMENT_STATUSES.map((status, i) => (
              <th key={status} scope="col" className={countClass(i)} title={t(`statuses.${status}`)}>
                <span aria-hidden="true">{t(`statusMarks.${status}`)}</span>
                <span className="visually-hidden">{t('heatMap.countOf', { status: t(`statuses.${status}`) })}</span>
              </th>
            ))}
            {map.columns.map((column) => (
              <th key={column.id} scope="col" className="heat-institution">
                <Link to={complianceYearPath(column.id, year)}>{column.name}</Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {map.targets.map((target) => (
            <tr key={target.key}>
              <th scope="row" className="heat-target">
                <strong>{target.number}</strong> <span className="muted">{target.title[language]}</span>
              </th>
              {STATEMENT_STATUSES.map((status, i) => (
                <td key={status} className={countClass(i)}>{target.counts[status]}</td>
              ))}
              {map.columns.map((column) => {
                const status = map.cells[`${target.key}:${column.id}`];
                return status ? (
                  <td key={column.id} className={`heat-cell heat-${status}`}>
                    <span aria-hidden="true">{t(`statusMarks.${status}`)}</span>
                    <span className="visually-hidden">{t(`statuses.${status}`)}</span>
                  </td>
                ) : (
                  <td key={column.id} className="heat-cell heat-none">
                    <span aria-hidden="true">·</span>
                    <span className="visually-hidden">{t('heatMap.noStatement')}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** The marks and colours of the heat map, explained once above it. */
export function HeatMapLegend() {
  const { t } = useTranslation('oversight');
  return (
    <ul className="heat-legend" aria-label={t('heatMap.legend')}>
      {STATEMENT_STATUSES.map((status) => (
        <li key={status}>
          <span className={`heat-cell heat-${status}`} aria-hidden="true">{t(`statusMarks.${status}`)}</span> {t(`statuses.${status}`)}
        </li>
      ))}
    </ul>
  );
}
