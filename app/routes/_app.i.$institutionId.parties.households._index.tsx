import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Pagination, SortHeader } from '~/components/list-controls';
import { TableCaption, TableWrap } from '~/components/table-wrap';
import { requireInstitution } from '~/modules/auth/guards.server';
import { DirectoryFilters } from '~/modules/parties/components/directory';
import { listHouseholds } from '~/modules/parties/queries.server';
import { activityFilter, HOUSEHOLD_SORTS } from '~/modules/parties/schema';
import { AreaNav } from '~/modules/stakeholders/components/area-nav';
import { parseListParams } from '~/utils/list-params';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, can } = await requireInstitution(request, params);
  const searchParams = new URL(request.url).searchParams;
  const list = parseListParams(searchParams, HOUSEHOLD_SORTS, { sort: 'name' });
  const show = activityFilter(searchParams);
  const page = await listHouseholds(institution.id, { show }, list);
  return json({ institution, can, ...page, params: list, show });
}

export default function Households() {
  const { t } = useTranslation('parties');
  const { institution, can, rows, total, params, show } = useLoaderData<typeof loader>();
  const base = `/i/${institution.id}/parties`;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('households.title')}</h1>
          <p className="subtitle">{t('households.intro')}</p>
        </div>
        {can.write ? <div className="page-actions"><Link className="button" to={`${base}/households/new`}>{t('households.new')}</Link></div> : null}
      </div>
      <AreaNav institutionId={institution.id} />
      <DirectoryFilters label={t('households.search')} q={params.q} show={show} sort={params} />
      {rows.length === 0 ? <p className="empty">{t('households.none')}</p> : (
        <>
          <TableWrap>
            <table>
              <TableCaption>{t('households.caption', { count: total })}</TableCaption>
              <thead>
                <tr>
                  <SortHeader column="name" current={params}>{t('fields.householdName')}</SortHeader>
                  <SortHeader column="postcode" current={params}>{t('fields.address')}</SortHeader>
                  <th scope="col">{t('fields.segment')}</th>
                  <th scope="col" className="number">{t('fields.members')}</th>
                  <th scope="col">{t('fields.householdStatus')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((h) => (
                  <tr key={h.id}>
                    <td><Link to={`${base}/households/${h.id}`}>{h.name}</Link></td>
                    <td>{[h.postcode, h.houseNumber, h.city].filter(Boolean).join(' ') || t('common:none')}</td>
                    <td>{h.segment ?? t('common:none')}</td>
                    <td className="number">{h.members}</td>
                    <td>{t(`householdStatuses.${h.status}`)}</td>
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
