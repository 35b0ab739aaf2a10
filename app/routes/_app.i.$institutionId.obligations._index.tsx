import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FilterActions, Pagination, SelectFilter, SortHeader } from '~/components/list-controls';
import { TableCaption, TableWrap } from '~/components/table-wrap';
import { requireInstitution } from '~/modules/auth/guards.server';
import { RecurrenceText } from '~/modules/obligations/components/recurrence-text';
import { useDateLocale } from '~/modules/obligations/components/moment-status';
import { listMemberOptions, WRITE_ROLES } from '~/modules/obligations/people.server';
import { listObligations } from '~/modules/obligations/queries.server';
import { OBLIGATION_FORMS } from '~/modules/obligations/rules';
import { OBLIGATION_SORTS, obligationFiltersSchema } from '~/modules/obligations/schema';
import { formatDay } from '~/utils/dates';
import { parseListParams } from '~/utils/list-params';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, can } = await requireInstitution(request, params);
  const searchParams = new URL(request.url).searchParams;
  const list = parseListParams(searchParams, OBLIGATION_SORTS, { sort: 'title' });
  const filters = obligationFiltersSchema.parse(Object.fromEntries(searchParams));
  const [page, members] = await Promise.all([
    listObligations(institution.id, filters, list),
    listMemberOptions(institution.id, WRITE_ROLES),
  ]);
  return json({ institution, can, ...page, params: list, filters, members });
}

export default function Obligations() {
  const { t } = useTranslation('obligations');
  const locale = useDateLocale();
  const { institution, can, rows, total, params, filters, members } = useLoaderData<typeof loader>();
  const base = `/i/${institution.id}`;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('list.title')}</h1>
          <p className="subtitle">{t('list.intro')}</p>
        </div>
        <div className="page-actions">
          <Link className="button-secondary button" to={`${base}/calendar`}>{t('list.toCalendar')}</Link>
          {can.write ? <Link className="button" to={`${base}/obligations/new`}>{t('list.new')}</Link> : null}
        </div>
      </div>

      <Form method="get" className="filters" aria-label={t('list.filters')}>
        <input type="hidden" name="sort" value={params.sort} />
        <input type="hidden" name="dir" value={params.dir} />
        <div className="field">
          <label htmlFor="obligation-q">{t('list.search')}</label>
          <input id="obligation-q" type="search" name="q" defaultValue={params.q ?? ''} />
        </div>
        <SelectFilter id="obligation-form" name="form" label={t('form.form')} value={filters.form} any={t('list.allForms')}
          options={OBLIGATION_FORMS.map((f) => ({ value: f, label: t(`forms.${f}`) }))} />
        <SelectFilter id="obligation-responsible" name="responsible" label={t('form.responsible')} value={filters.responsible} any={t('list.anyone')}
          options={members.map((m) => ({ value: m.id, label: m.label }))} />
        <SelectFilter id="obligation-state" name="state" label={t('list.state')} value={filters.state}
          options={(['active', 'inactive', 'all'] as const).map((s) => ({ value: s, label: t(`list.states.${s}`) }))} />
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
                  <th scope="col">{t('list.columns.toWhom')}</th>
                  <SortHeader column="form" current={params}>{t('list.columns.form')}</SortHeader>
                  <th scope="col">{t('list.columns.recurrence')}</th>
                  <th scope="col">{t('list.columns.responsible')}</th>
                  <th scope="col">{t('list.columns.nextDue')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((o) => (
                  <tr key={o.id}>
                    <td>
                      <Link to={`${base}/obligations/${o.id}`}>{o.title}</Link>
                      {!o.active ? <> <span className="badge badge-muted">{t('list.ended')}</span></> : null}
                      {o.agreement ? <div className="muted">{t('list.underAgreement', { title: o.agreement.title })}</div> : null}
                    </td>
                    <td>{[...o.stakeholders.map((s) => s.name), ...(o.forum ? [o.forum] : [])].join(', ') || t('common:none')}</td>
                    <td>{t(`forms.${o.form}`)}</td>
                    <td><RecurrenceText recurrence={o.recurrence} startsOn={o.startsOn} /></td>
                    <td>{o.responsibleName ?? t('common:none')}</td>
                    <td>{o.nextDueOn ? formatDay(o.nextDueOn, locale) : t('common:none')}</td>
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
