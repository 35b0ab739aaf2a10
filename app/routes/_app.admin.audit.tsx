import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AuditFiltersForm, AuditTable } from '~/modules/audit/components/audit-trail';
import { listAllAuditEvents, listAuditFilterOptions } from '~/modules/audit/queries.server';
import { AUDIT_SORTS, parseAuditFilters } from '~/modules/audit/schema';
import { requireAdmin } from '~/modules/auth/guards.server';
import { parseListParams } from '~/utils/list-params';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const searchParams = new URL(request.url).searchParams;
  const list = parseListParams(searchParams, AUDIT_SORTS, { sort: 'occurredAt', dir: 'desc', perPage: 50 });
  const { filters, errors } = parseAuditFilters(searchParams);
  const [page, options] = await Promise.all([listAllAuditEvents(filters, list), listAuditFilterOptions('all')]);
  return json({ ...page, params: list, filters, errors, options });
}

export default function SystemAudit() {
  const { t } = useTranslation('audit');
  const { rows, total, params, filters, errors, options } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('system.title')}</h1>
          <p className="subtitle">{t('system.intro')}</p>
        </div>
      </div>
      <AuditFiltersForm filters={filters} errors={errors} options={options} sort={params} />
      <AuditTable rows={rows} total={total} params={params} showInstitution />
    </>
  );
}
