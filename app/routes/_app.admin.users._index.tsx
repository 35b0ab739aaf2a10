import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Pagination, SearchForm, SortHeader } from '~/components/list-controls';
import { TableCaption, TableWrap } from '~/components/table-wrap';
import { requireAdmin } from '~/modules/auth/guards.server';
import { UserStatus } from '~/modules/users/components/user-status';
import { listUsers, USER_SORTS } from '~/modules/users/queries.server';
import { parseListParams } from '~/utils/list-params';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const params = parseListParams(new URL(request.url).searchParams, USER_SORTS, { sort: 'name' });
  const page = await listUsers(params);
  return json({ ...page, params });
}

export default function AdminUsers() {
  const { t } = useTranslation('admin');
  const { rows, total, params } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <h1>{t('users.title')}</h1>
        <div className="page-actions"><Link className="button" to="/admin/users/new">{t('users.invite')}</Link></div>
      </div>
      <SearchForm key={params.q ?? ''} label={t('users.search')} defaultValue={params.q} keep={{ sort: params.sort, dir: params.dir }} />
      {rows.length === 0 ? (
        <p className="empty">{params.q ? t('users.noneFound') : t('users.none')}</p>
      ) : (
        <TableWrap>
          <table>
            <TableCaption>{t('users.caption', { total })}</TableCaption>
            <thead>
              <tr>
                <SortHeader column="name" current={params}>{t('users.name')}</SortHeader>
                <SortHeader column="email" current={params}>{t('users.email')}</SortHeader>
                <th scope="col">{t('users.administrator')}</th>
                <th scope="col">{t('users.status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td><Link to={`/admin/users/${row.id}`}>{row.name}</Link></td>
                  <td>{row.email}</td>
                  <td>{row.isAdmin ? t('common:yes') : t('common:no')}</td>
                  <td><UserStatus user={row} /></td>
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
