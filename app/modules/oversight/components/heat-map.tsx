import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { STATEMENT_STATUSES, type StatementStatus, type StatusCounts } from '~/modules/governance/rules';
import { complianceYearPath } from '../paths';

type LocalisedText = { nl: string; en: string };

export type HeatMapView = {
  targets: { key: string; number: string; title: LocalisedText; counts: StatusCounts }[];
  columns: { id: number; name: string }[];
  cells: Record<string, StatementStatus>;
};

/**
 * Provisions (rows) × institutions (columns) as a table: each cell is coloured by its status and
 * says it in a short mark with the full word for screen readers and on hover, so colour is never
 * the only signal. The last columns count every institution in scope, not only this page's.
 */
export function HeatMap({ map, year, language }: { map: HeatMapView; year: number; language: 'nl' | 'en' }) {
  const { t } = useTranslation('oversight');
  return (
    <div className="table-wrap">
      <table className="heat-map">
        <caption>{t('heatMap.caption', { provisions: map.targets.length, institutions: map.columns.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('heatMap.provision')}</th>
            {map.columns.map((column) => (
              <th key={column.id} scope="col" className="heat-institution">
                <Link to={complianceYearPath(column.id, year)}>{column.name}</Link>
              </th>
            ))}
            {STATEMENT_STATUSES.map((status) => (
              <th key={status} scope="col" className="number" title={t(`statuses.${status}`)}>
                <span aria-hidden="true">{t(`statusMarks.${status}`)}</span>
                <span className="visually-hidden">{t('heatMap.countOf', { status: t(`statuses.${status}`) })}</span>
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
              {map.columns.map((column) => {
                const status = map.cells[`${target.key}:${column.id}`];
                return status ? (
                  <td key={column.id} className={`heat-cell heat-${status}`} title={t(`statuses.${status}`)}>
                    <span aria-hidden="true">{t(`statusMarks.${status}`)}</span>
                    <span className="visually-hidden">{t(`statuses.${status}`)}</span>
                  </td>
                ) : (
                  <td key={column.id} className="heat-cell heat-none" title={t('heatMap.noStatement')}>
                    <span aria-hidden="true">·</span>
                    <span className="visually-hidden">{t('heatMap.noStatement')}</span>
                  </td>
                );
              })}
              {STATEMENT_STATUSES.map((status) => (
                <td key={status} className="number">{target.counts[status]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
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
