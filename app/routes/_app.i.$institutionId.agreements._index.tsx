import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FilterActions, Pagination, SelectFilter, SortHeader } from '~/components/list-controls';
import { TableCaption, TableWrap } from '~/components/table-wrap';
import { AgreementStatusBadge } from '~/modules/agreements/components/agreement-form';
import { listAgreements } from '~/modules/agreements/queries.server';
import { AGREEMENT_KINDS, AGREEMENT_STATUSES, reviewState } from '~/modules/agreements/rules';
import { AGREEMENT_SORTS, agreementFiltersSchema } from '~/modules/agreements/schema';
import { requireInstitution } from '~/modules/auth/guards.server';
import { useDateLocale } from '~/modules/obligations/components/moment-status';
import { listStakeholderOptions } from '~/modules/obligations/people.server';
import { formatDay, today } from '~/utils/dates';
import { parseListParams } from '~/utils/list-params';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, can } = await requireInstitution(request, params);
  const searchParams = new URL(request.url).searchParams;
  const list = parseListParams(searchParams, AGREEMENT_SORTS, { sort: 'title' });
  const filters = agreementFiltersSchema.parse(Object.fromEntries(searchParams));
  const [page, stakeholders] = await Promise.all([listAgreements(institution.id, filters, list), listStakeholderOptions(institution.id)]);
  return json({ institution, can, ...page, params: list, filters, stakeholders, today: today() });
}

export default function Agreements() {
  const { t } = useTranslation('agreements');
  const locale = useDateLocale();
  const { institution, can, rows, total, params, filters, stakeholders, today: day } = useLoaderData<typeof loader>();
  const base = `/i/${institution.id}/agreements`;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('list.title')}</h1>
          <p className="subtitle">{t('list.intro')}</p>
        </div>
        {can.write ? <div className="page-actions"><Link className="button" to={`${base}/new`}>{t('list.new')}</Link></div> : null}
      </div>

      <Form method="get" className="filters" aria-label={t('list.filters')}>
        <input type="hidden" name="sort" value={params.sort} />
        <input type="hidden" name="dir" value={params.dir} />
        <div className="field">
          <label htmlFor="agreement-q">{t('list.search')}</label>
          <input id="agreement-q" type="search" name="q" defaultValue={params.q ?? ''} />
        </div>
        <SelectFilter id="agreement-status" name="status" label={t('list.status')} value={filters.status} any={t('list.anyStatus')}
          options={AGREEMENT_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))} />
        <SelectFilter id="agreement-kind" name="kind" label={t('form.kind')} value={filters.kind} any={t('list.anyKind')}
          options={AGREEMENT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
        <SelectFilter id="agreement-stakeholder" name="stakeholderId" label={t('list.stakeholder')} value={filters.stakeholderId} any={t('list.anyStakeholder')}
          options={stakeholders.map((s) => ({ value: s.id, label: s.label }))} />
        <FilterActions />
      </Form>

      {rows.length === 0 ? (
        <p className="empty">{t('list.none')}</p>
      ) : (
        <>
          <TableWrap>
            <table>
              <TableCaption>{t('list.caption', { count: total })}</TableCaption>
              <thead>
                <tr>
                  <SortHeader column="title" current={params}>{t('list.columns.title')}</SortHeader>
                  <th scope="col">{t('list.columns.parties')}</th>
                  <th scope="col">{t('list.columns.kind')}</th>
                  <SortHeader column="status" current={params}>{t('list.columns.status')}</SortHeader>
                  <SortHeader column="startsOn" current={params}>{t('list.columns.startsOn')}</SortHeader>
                  <SortHeader column="endsOn" current={params}>{t('list.columns.endsOn')}</SortHeader>
                  <SortHeader column="reviewOn" current={params}>{t('list.columns.reviewOn')}</SortHeader>
                  <th scope="col">{t('list.columns.owner')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((a) => {
                  const review = a.status === 'draft' || a.status === 'active' ? reviewState(a.reviewOn, day, 30) : 'none';
                  return (
                    <tr key={a.id}>
                      <td><Link to={`${base}/${a.id}`}>{a.title}</Link></td>
                      <td>{a.parties.map((p) => p.name).join(', ')}</td>
                      <td>{t(`kinds.${a.kind}`)} · {t(`directions.${a.direction}`)}</td>
                      <td><AgreementStatusBadge status={a.status} /></td>
                      <td>{formatDay(a.startsOn, locale)}</td>
                      <td>{a.endsOn ? formatDay(a.endsOn, locale) : t('common:none')}</td>
                      <td>
                        {a.reviewOn ? formatDay(a.reviewOn, locale) : t('common:none')}
                        {review === 'overdue' ? <> <span className="badge badge-danger">{t('review.overdue')}</span></> : null}
                        {review === 'coming-due' ? <> <span className="badge badge-warn">{t('review.comingDue')}</span></> : null}
                      </td>
                      <td>{a.ownerName ?? t('common:none')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
          <Pagination page={params.page} perPage={params.perPage} total={total} />
        </>
      )}
    </>
  );
}
