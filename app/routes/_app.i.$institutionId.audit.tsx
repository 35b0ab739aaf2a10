import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AuditFiltersForm, AuditTable } from '~/modules/audit/components/audit-trail';
import { listAuditEvents, listAuditFilterOptions } from '~/modules/audit/queries.server';
import { AUDIT_SORTS, parseAuditFilters } from '~/modules/audit/schema';
import { requireInstitution } from '~/modules/auth/guards.server';
import { parseListParams } from '~/utils/list-params';

// Managers and administrators: the trail shows who changed what, including other people's work.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution } = await requireInstitution(request, params, 'manage');
  const searchParams = new URL(request.url).searchParams;
  const list = parseListParams(searchParams, AUDIT_SORTS, { sort: 'occurredAt', dir: 'desc', perPage: 50 });
  const { filters, errors } = parseAuditFilters(searchParams);
  const [page, options] = await Promise.all([listAuditEvents(institution.id, filters, list), listAuditFilterOptions(institution.id)]);
  return json({ institution, ...page, params: list, filters, errors, options });
}

export default function InstitutionAudit() {
  const { t } = useTranslation('audit');
  const { institution, rows, total, params, filters, errors, options } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('trail.title')}</h1>
          <p className="subtitle">{t('trail.intro', { institution: institution.name })}</p>
        </div>
      </div>
      <AuditFiltersForm filters={filters} errors={errors} options={options} sort={params} />
      <AuditTable rows={rows} total={total} params={params} />
    </>
  );
}
