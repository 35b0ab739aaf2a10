import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Pagination, SearchForm, SortHeader } from '~/components/list-controls';
import { TableCaption, TableWrap } from '~/components/table-wrap';
import { requireAdmin } from '~/modules/auth/guards.server';
import { INSTITUTION_SORTS, listInstitutions } from '~/modules/institutions/queries.server';
import { parseListParams } from '~/utils/list-params';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const params = parseListParams(new URL(request.url).searchParams, INSTITUTION_SORTS, { sort: 'name' });
  const page = await listInstitutions(params);
  return json({ ...page, params });
}

export default function AdminInstitutions() {
  const { t } = useTranslation('admin');
  const { rows, total, params } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <h1>{t('institutions.title')}</h1>
        <div className="page-actions"><Link className="button" to="/admin/institutions/new">{t('institutions.new')}</Link></div>
      </div>
      <SearchForm key={params.q ?? ''} label={t('institutions.search')} defaultValue={params.q} keep={{ sort: params.sort, dir: params.dir }} />
      {rows.length === 0 ? (
        <p className="empty">{params.q ? t('institutions.noneFound') : t('institutions.none')}</p>
      ) : (
        <TableWrap>
          <table>
            <TableCaption>{t('institutions.caption', { total })}</TableCaption>
            <thead>
              <tr>
                <SortHeader column="name" current={params}>{t('institutions.name')}</SortHeader>
                <SortHeader column="sector" current={params}>{t('institutions.sector')}</SortHeader>
                <th scope="col">{t('institutions.kvkNumber')}</th>
                <th scope="col">{t('institutions.city')}</th>
                <th scope="col" className="number">{t('institutions.members')}</th>
                <th scope="col">{t('institutions.status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td><Link to={`/admin/institutions/${row.id}`}>{row.name}</Link></td>
                  <td>{t(`common:sectors.${row.sector}`)}</td>
                  <td>{row.kvkNumber ?? t('common:none')}</td>
                  <td>{row.city ?? t('common:none')}</td>
                  <td className="number">{row.memberCount}</td>
                  <td>
                    {row.active
                      ? <span className="badge badge-ok">{t('institutions.active')}</span>
                      : <span className="badge badge-muted">{t('institutions.inactive')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <Pagination page={params.page} perPage={params.perPage} total={total} />
    </>
  );
}
