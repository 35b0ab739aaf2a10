import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Pagination } from '~/components/list-controls';
import { TableCaption, TableWrap } from '~/components/table-wrap';
import { requireInstitution } from '~/modules/auth/guards.server';
import { partyPath } from '~/modules/parties/paths';
import { checkFrom, isDuplicateCheck, monthsFrom, type QualityCheck } from '~/modules/quality/checks';
import { listDuplicatePairs, listQualityCheck, type DuplicatePair, type QualityRow } from '~/modules/quality/queries.server';
import { useDays } from '~/modules/stakeholders/components/labels';
import { notFound } from '~/utils/errors';
import { parseListParams } from '~/utils/list-params';

// One check of the report: its rows, paged, each with the page that fixes it.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, can } = await requireInstitution(request, params);
  const check = checkFrom(params.check);
  if (!check) throw notFound();
  const searchParams = new URL(request.url).searchParams;
  const months = monthsFrom(searchParams);
  const list = parseListParams(searchParams, ['name'] as const, { sort: 'name', perPage: 50 });
  const page = isDuplicateCheck(check)
    ? { kind: 'pairs' as const, ...(await listDuplicatePairs(institution.id, check, list)) }
    : { kind: 'rows' as const, ...(await listQualityCheck(institution.id, check, { months }, list)) };
  return json({ institution, can, check, months, page, params: list });
}

type Check = QualityCheck;

/** Where a row is put right, and what that link says. */
function fixOf(institutionId: number, check: Check, row: QualityRow): { to: string; label: string } {
  const base = `/i/${institutionId}`;
  if (check === 'persons-not-verified') return { to: partyPath(institutionId, 'person', row.id), label: 'fix.verify' };
  if (check.startsWith('persons-')) return { to: `${partyPath(institutionId, 'person', row.id)}/edit`, label: 'fix.edit' };
  if (check === 'organisations-without-kvk') return { to: `${partyPath(institutionId, 'organisation', row.id)}/edit`, label: 'fix.edit' };
  if (check === 'stakeholders-unassessed') return { to: `${base}/stakeholders/${row.id}/salience`, label: 'fix.assess' };
  if (check === 'stakeholders-contacts-left') return { to: `${base}/parties/positions/new?organisationId=${row.partyId}`, label: 'fix.addPosition' };
  return { to: `${base}/stakeholders/${row.id}`, label: 'fix.setOwner' };
}

function nameLink(institutionId: number, check: Check, row: QualityRow) {
  if (check.startsWith('persons-')) return partyPath(institutionId, 'person', row.id);
  if (check.startsWith('organisations-')) return partyPath(institutionId, 'organisation', row.id);
  return `/i/${institutionId}/stakeholders/${row.id}`;
}

/** The second column: what the check is about, for this row. */
function Detail({ check, value }: { check: Check; value: string | null }) {
  const { t } = useTranslation('quality');
  const { day } = useDays();
  if (check === 'persons-not-verified') return value ? <>{day(value)}</> : <span className="muted">{t('never')}</span>;
  if (!value) return <span className="muted">{t('common:none')}</span>;
  return <>{check.startsWith('stakeholders-') ? t(`stakeholders:categories.${value}`) : value}</>;
}

function Pairs({ rows, kind, institutionId, canMerge }: { rows: DuplicatePair[]; kind: 'person' | 'organisation'; institutionId: number; canMerge: boolean }) {
  const { t } = useTranslation('quality');
  const href = (id: number) => partyPath(institutionId, kind, id);
  return (
    <table>
      <TableCaption className="visually-hidden">{t(`checks.duplicate-${kind === 'person' ? 'persons' : 'organisations'}.label`)}</TableCaption>
      <thead>
        <tr>
          <th scope="col">{t('pairs.first')}</th>
          <th scope="col">{t('pairs.second')}</th>
          <th scope="col">{t('pairs.reasons')}</th>
          <th scope="col">{t('pairs.fix')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((pair) => (
          <tr key={`${pair.a.id}-${pair.b.id}`}>
            <td><Link to={href(pair.a.id)}>{pair.a.name}</Link></td>
            <td><Link to={href(pair.b.id)}>{pair.b.name}</Link></td>
            <td>{pair.reasons.map((r) => <span key={r} className="badge badge-warn reason">{t(`parties:duplicates.reasons.${r}`)}</span>)}</td>
            <td>
              {canMerge
                ? <Link to={`${href(pair.b.id)}/merge?survivorId=${pair.a.id}`}>{t('fix.merge')}</Link>
                : <span className="muted">{t('fix.mergeByManager')}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function DataQualityCheck() {
  const { t } = useTranslation('quality');
  const { institution, can, check, months, page, params } = useLoaderData<typeof loader>();
  const base = `/i/${institution.id}`;
  const label = t(`checks.${check}.label`, { count: months });
  return (
    <>
      <p className="breadcrumbs"><Link to={`${base}/data-quality?months=${months}`}>{t('title')}</Link></p>
      <div className="page-header">
        <div>
          <h1>{label}</h1>
          <p className="subtitle">{t(`checks.${check}.hint`)}</p>
        </div>
      </div>
      {page.total === 0 ? <p className="empty">{t('none')}</p> : (
        <>
          <TableWrap>
            {page.kind === 'pairs' ? (
              <Pairs rows={page.rows} kind={check === 'duplicate-persons' ? 'person' : 'organisation'} institutionId={institution.id} canMerge={can.manage} />
            ) : (
              <table>
                <TableCaption>{t('caption', { count: page.total })}</TableCaption>
                <thead>
                  <tr>
                    <th scope="col">{t('columns.name')}</th>
                    <th scope="col">{t(`details.${check}`)}</th>
                    {can.write ? <th scope="col">{t('columns.fix')}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {page.rows.map((row) => {
                    const fix = fixOf(institution.id, check, row);
                    return (
                      <tr key={row.id}>
                        <td><Link to={nameLink(institution.id, check, row)}>{row.name}</Link></td>
                        <td><Detail check={check} value={row.detail} /></td>
                        {can.write ? <td><Link to={fix.to}>{t(fix.label)}</Link></td> : null}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </TableWrap>
          <Pagination page={params.page} perPage={params.perPage} total={page.total} />
        </>
      )}
    </>
  );
}
