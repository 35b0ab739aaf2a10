import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FilterActions, type FilterOption, SelectFilter } from '~/components/list-controls';
import { requireInstitution } from '~/modules/auth/guards.server';
import { AreaNav } from '~/modules/stakeholders/components/area-nav';
import { DistributionChart } from '~/modules/stakeholders/components/charts';
import { RegisterTable } from '~/modules/stakeholders/components/register-table';
import { listOwnerOptions, listStakeholders } from '~/modules/stakeholders/queries.server';
import { CATEGORIES, MITCHELL_CLASSES, QUADRANTS, STAKEHOLDER_STATUSES, TIERS } from '~/modules/stakeholders/rules';
import { parseStakeholderFilters, STAKEHOLDER_SORTS } from '~/modules/stakeholders/schema';
import { parseListParams } from '~/utils/list-params';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, can } = await requireInstitution(request, params);
  const searchParams = new URL(request.url).searchParams;
  const list = parseListParams(searchParams, STAKEHOLDER_SORTS, { sort: 'name' });
  const filters = parseStakeholderFilters(searchParams);
  const [page, owners] = await Promise.all([listStakeholders(institution.id, filters, list), listOwnerOptions(institution.id)]);
  return json({ institution, can, ...page, params: list, filters, owners });
}

export default function StakeholderRegister() {
  const { t } = useTranslation('stakeholders');
  const { search } = useLocation();
  const { institution, can, rows, total, params, filters, distribution, owners } = useLoaderData<typeof loader>();
  const base = `/i/${institution.id}`;
  // The export takes exactly this URL's filters and order (paging aside: it is the whole list).
  const exportParams = new URLSearchParams(search);
  exportParams.delete('page');
  exportParams.delete('perPage');
  const exportQuery = exportParams.toString();
  const select = (name: string, label: string, value: string | number | undefined, options: FilterOption[], all: string) => (
    <SelectFilter id={`filter-${name}`} name={name} label={label} value={value} options={options} any={all} />
  );
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('register.title')}</h1>
          <p className="subtitle">{t('register.intro', { institution: institution.name })}</p>
        </div>
        <div className="page-actions">
          <Link className="button button-secondary" reloadDocument to={`${base}/stakeholders.csv${exportQuery ? `?${exportQuery}` : ''}`}>
            {t('register.exportCsv')}
          </Link>
          {can.write ? <Link className="button" to={`${base}/stakeholders/new`}>{t('register.new')}</Link> : null}
        </div>
      </div>
      <AreaNav institutionId={institution.id} />

      <Form method="get" className="filters" role="search" aria-label={t('register.filters')}>
        <input type="hidden" name="sort" value={params.sort} />
        <input type="hidden" name="dir" value={params.dir} />
        <div className="field">
          <label htmlFor="filter-q">{t('register.search')}</label>
          <input id="filter-q" type="search" name="q" defaultValue={params.q ?? ''} />
        </div>
        {select('category', t('fields.category'), filters.category, CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) })), t('register.all'))}
        {select('tier', t('fields.tier'), filters.tier, TIERS.map((c) => ({ value: c, label: t(`tiers.${c}`) })), t('register.all'))}
        {select('quadrant', t('fields.quadrant'), filters.quadrant, [...QUADRANTS, 'unassessed'].map((c) => ({ value: c, label: t(`quadrants.${c}`) })), t('register.all'))}
        {select('mitchellClass', t('fields.mitchellClass'), filters.mitchellClass, MITCHELL_CLASSES.map((c) => ({ value: c, label: t(`mitchell.${c}`) })), t('register.all'))}
        {select('owner', t('fields.owner'), filters.owner, [{ value: 'none', label: t('register.noOwner') }, ...owners.map((o) => ({ value: String(o.id), label: o.name }))], t('register.anyone'))}
        {select('status', t('fields.status'), filters.status, STAKEHOLDER_STATUSES.map((c) => ({ value: c, label: t(`statuses.${c}`) })), t('register.all'))}
        <FilterActions />
      </Form>

      <RegisterTable institutionId={institution.id} rows={rows} total={total} params={params} />

      <div className="grid grid-2 register-charts">
        <DistributionChart id="tier-chart" title={t('charts.tiers')} rows={distribution.tiers} label={(key) => t(`tiers.${key}`)} />
        <DistributionChart id="category-chart" title={t('charts.categories')} rows={distribution.categories} label={(key) => t(`categories.${key}`)} />
      </div>
    </>
  );
}
