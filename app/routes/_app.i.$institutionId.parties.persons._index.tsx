import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Pagination, SortHeader } from '~/components/list-controls';
import { TableCaption, TableWrap } from '~/components/table-wrap';
import { requireInstitution } from '~/modules/auth/guards.server';
import { DirectoryFilters } from '~/modules/parties/components/directory';
import { listPersons } from '~/modules/parties/queries.server';
import { activityFilter, PERSON_SORTS } from '~/modules/parties/schema';
import { AreaNav } from '~/modules/stakeholders/components/area-nav';
import { useDays } from '~/modules/stakeholders/components/labels';
import { parseListParams } from '~/utils/list-params';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, can } = await requireInstitution(request, params);
  const searchParams = new URL(request.url).searchParams;
  const list = parseListParams(searchParams, PERSON_SORTS, { sort: 'familyName' });
  const show = activityFilter(searchParams);
  const page = await listPersons(institution.id, { show }, list);
  return json({ institution, can, ...page, params: list, show });
}

export default function Persons() {
  const { t } = useTranslation('parties');
  const { day } = useDays();
  const { institution, can, rows, total, params, show } = useLoaderData<typeof loader>();
  const base = `/i/${institution.id}/parties`;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('persons.title')}</h1>
          <p className="subtitle">{t('persons.intro')}</p>
        </div>
        {can.write ? <div className="page-actions"><Link className="button" to={`${base}/persons/new`}>{t('persons.new')}</Link></div> : null}
      </div>
      <AreaNav institutionId={institution.id} />
      <DirectoryFilters label={t('persons.search')} q={params.q} show={show} sort={params} />
      {rows.length === 0 ? <p className="empty">{t('persons.none')}</p> : (
        <>
          <TableWrap>
            <table>
              <TableCaption>{t('persons.caption', { count: total })}</TableCaption>
              <thead>
                <tr>
                  <SortHeader column="familyName" current={params}>{t('fields.name')}</SortHeader>
                  <th scope="col">{t('fields.positions')}</th>
                  <th scope="col">{t('fields.email')}</th>
                  <th scope="col">{t('fields.city')}</th>
                  <SortHeader column="lastVerifiedOn" current={params}>{t('fields.lastVerifiedOn')}</SortHeader>
                </tr>
              </thead>
              <tbody>
                {rows.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link to={`${base}/persons/${p.id}`}>{p.displayName}</Link>
                      {p.mergedIntoId ? <> <span className="badge badge-muted">{t('status.merged')}</span></> : !p.active ? <> <span className="badge badge-muted">{t('status.inactive')}</span></> : null}
                    </td>
                    <td>
                      {p.positions.length === 0 ? t('common:none') : p.positions.map((position) => (
                        <div key={position.id}>{position.title}, <Link to={`${base}/organisations/${position.organisationId}`}>{position.organisationName}</Link></div>
                      ))}
                    </td>
                    <td>{p.email ?? t('common:none')}</td>
                    <td>{p.city ?? t('common:none')}</td>
                    <td>{day(p.lastVerifiedOn)}</td>
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
