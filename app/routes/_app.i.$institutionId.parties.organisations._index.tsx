import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Pagination, SortHeader } from '~/components/list-controls';
import { TableCaption, TableWrap } from '~/components/table-wrap';
import { requireInstitution } from '~/modules/auth/guards.server';
import { DirectoryFilters } from '~/modules/parties/components/directory';
import { listOrganisations } from '~/modules/parties/queries.server';
import { activityFilter, ORGANISATION_KINDS, ORGANISATION_SORTS, organisationKindFilter } from '~/modules/parties/schema';
import { AreaNav } from '~/modules/stakeholders/components/area-nav';
import { useDays } from '~/modules/stakeholders/components/labels';
import { parseListParams } from '~/utils/list-params';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, can } = await requireInstitution(request, params);
  const searchParams = new URL(request.url).searchParams;
  const list = parseListParams(searchParams, ORGANISATION_SORTS, { sort: 'name' });
  const filters = { show: activityFilter(searchParams), kind: organisationKindFilter(searchParams) };
  const page = await listOrganisations(institution.id, filters, list);
  return json({ institution, can, ...page, params: list, filters });
}

export default function Organisations() {
  const { t } = useTranslation('parties');
  const { day } = useDays();
  const { institution, can, rows, total, params, filters } = useLoaderData<typeof loader>();
  const base = `/i/${institution.id}/parties`;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('organisations.title')}</h1>
          <p className="subtitle">{t('organisations.intro')}</p>
        </div>
        {can.write ? <div className="page-actions"><Link className="button" to={`${base}/organisations/new`}>{t('organisations.new')}</Link></div> : null}
      </div>
      <AreaNav institutionId={institution.id} />
      <DirectoryFilters label={t('organisations.search')} q={params.q} show={filters.show} sort={params}>
        <div className="field">
          <label htmlFor="organisation-kind">{t('fields.kind')}</label>
          <select id="organisation-kind" name="kind" defaultValue={filters.kind ?? ''}>
            <option value="">{t('filters.allKinds')}</option>
            {ORGANISATION_KINDS.map((kind) => <option key={kind} value={kind}>{t(`kinds.${kind}`)}</option>)}
          </select>
        </div>
      </DirectoryFilters>
      {rows.length === 0 ? <p className="empty">{t('organisations.none')}</p> : (
        <>
          <TableWrap>
            <table>
              <TableCaption>{t('organisations.caption', { count: total })}</TableCaption>
              <thead>
                <tr>
                  <SortHeader column="name" current={params}>{t('fields.organisationName')}</SortHeader>
                  <SortHeader column="kind" current={params}>{t('fields.kind')}</SortHeader>
                  <th scope="col">{t('fields.kvkNumber')}</th>
                  <th scope="col">{t('fields.city')}</th>
                  <SortHeader column="lastVerifiedOn" current={params}>{t('fields.lastVerifiedOn')}</SortHeader>
                </tr>
              </thead>
              <tbody>
                {rows.map((o) => (
                  <tr key={o.id}>
                    <td>
                      <Link to={`${base}/organisations/${o.id}`}>{o.name}</Link>
                      {o.mergedIntoId ? <> <span className="badge badge-muted">{t('status.merged')}</span></> : !o.active ? <> <span className="badge badge-muted">{t('status.inactive')}</span></> : null}
                    </td>
                    <td>{t(`kinds.${o.kind}`)}</td>
                    <td>{o.kvkNumber ?? t('common:none')}</td>
                    <td>{o.city ?? t('common:none')}</td>
                    <td>{day(o.lastVerifiedOn)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <Pagination page={params.page} perPage={params.perPage} total={total} />
        </>
      )}
    </>
  );
}
