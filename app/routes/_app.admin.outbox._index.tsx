import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Pagination, SearchForm, SortHeader } from '~/components/list-controls';
import { TableCaption, TableWrap } from '~/components/table-wrap';
import { requireAdmin } from '~/modules/auth/guards.server';
import { MailStatus } from '~/modules/users/components/mail-status';
import { listOutbox, OUTBOX_SORTS } from '~/modules/users/queries.server';
import { formatInstant } from '~/utils/instants';
import { parseListParams } from '~/utils/list-params';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  // Newest first unless asked otherwise.
  const params = parseListParams(new URL(request.url).searchParams, OUTBOX_SORTS, { sort: 'createdAt', dir: 'desc' });
  const page = await listOutbox(params);
  return json({ ...page, params });
}

export default function Outbox() {
  const { t, i18n } = useTranslation('admin');
  const { rows, total, params } = useLoaderData<typeof loader>();
  const locale = i18n.language === 'en' ? 'en' : 'nl';
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('outbox.title')}</h1>
          <p className="subtitle">{t('outbox.intro')}</p>
        </div>
      </div>
      <SearchForm key={params.q ?? ''} label={t('outbox.search')} defaultValue={params.q} keep={{ dir: params.dir }} />
      {rows.length === 0 ? (
        <p className="empty">{params.q ? t('outbox.noneFound') : t('outbox.none')}</p>
      ) : (
        <TableWrap>
          <table>
            <TableCaption>{t('outbox.caption', { total })}</TableCaption>
            <thead>
              <tr>
                <SortHeader column="createdAt" current={params}>{t('outbox.createdAt')}</SortHeader>
                <th scope="col">{t('outbox.to')}</th>
                <th scope="col">{t('outbox.subject')}</th>
                <th scope="col">{t('outbox.kind')}</th>
                <th scope="col">{t('outbox.status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td><time dateTime={row.createdAt}>{formatInstant(row.createdAt, locale)}</time></td>
                  <td>{row.to}</td>
                  <td><Link to={`/admin/outbox/${row.id}`}>{row.subject}</Link></td>
                  <td>{t(`outbox.kinds.${row.kind}`, { defaultValue: row.kind })}</td>
                  <td><MailStatus status={row.status} /></td>
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
