import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FilterActions, Pagination, SelectFilter, SortHeader } from '~/components/list-controls';
import { TableCaption, TableWrap } from '~/components/table-wrap';
import { requireInstitution } from '~/modules/auth/guards.server';
import { listPersons } from '~/modules/parties/queries.server';
import { PrivacyNav } from '~/modules/privacy/components/privacy-nav';
import { RequestStatusBadge } from '~/modules/privacy/components/request-labels';
import { countOverdueRequests, countPendingCorrections, listRequests } from '~/modules/privacy/queries.server';
import { REQUEST_KINDS, REQUEST_STATES } from '~/modules/privacy/rules';
import { REQUEST_SORTS, requestFiltersSchema } from '~/modules/privacy/schema';
import { useDays } from '~/modules/stakeholders/components/labels';
import { today } from '~/utils/dates';
import { parseListParams } from '~/utils/list-params';

const PERSON_MATCHES = 10;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, can } = await requireInstitution(request, params);
  const searchParams = new URL(request.url).searchParams;
  const list = parseListParams(searchParams, REQUEST_SORTS, { sort: 'dueOn' });
  const filters = requestFiltersSchema.parse(Object.fromEntries(searchParams));
  const find = searchParams.get('find')?.trim().slice(0, 200) || null;
  const day = today();
  const [page, overdue, pendingCorrections, persons] = await Promise.all([
    listRequests(institution.id, filters, list, day),
    countOverdueRequests(institution.id, day),
    countPendingCorrections(institution.id),
    find && can.write
      ? listPersons(institution.id, { show: 'all' }, { page: 1, perPage: PERSON_MATCHES, offset: 0, sort: 'familyName', dir: 'asc', q: find })
      : Promise.resolve(null),
  ]);
  return json({ institution, can, ...page, params: list, filters, overdue, pendingCorrections, find, persons });
}

export default function PrivacyRequests() {
  const { t } = useTranslation('privacy');
  const { day } = useDays();
  const { institution, can, rows, total, params, filters, overdue, pendingCorrections, find, persons } = useLoaderData<typeof loader>();
  const base = `/i/${institution.id}`;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('requests.title')}</h1>
          <p className="subtitle">{t('requests.intro')}</p>
        </div>
        {can.write ? (
          <div className="page-actions">
            <Link className="button" to={`${base}/privacy/requests/new`}>{t('requests.new')}</Link>
          </div>
        ) : null}
      </div>
      <PrivacyNav institutionId={institution.id} pendingCorrections={pendingCorrections} />

      {overdue > 0 ? (
        <div className="notice notice-danger" role="status">
          {t('requests.overdueNotice', { count: overdue })}{' '}
          {filters.state !== 'overdue' ? <Link to="?state=overdue">{t('requests.showOverdue')}</Link> : null}
        </div>
      ) : null}

      {can.write ? (
        <section className="card" aria-labelledby="find-heading">
          <h2 id="find-heading">{t('find.title')}</h2>
          <p className="muted">{t('find.intro')}</p>
          <Form method="get" className="filters" role="search">
            <div className="field">
              <label htmlFor="privacy-find">{t('find.label')}</label>
              <input id="privacy-find" type="search" name="find" defaultValue={find ?? ''} />
            </div>
            <button type="submit" className="button-secondary">{t('common:actions.search')}</button>
          </Form>
          {persons ? (
            persons.rows.length === 0 ? <p className="empty">{t('find.none')}</p> : (
              <ul className="list">
                {persons.rows.map((p) => (
                  <li key={p.id}>
                    <Link to={`${base}/privacy/persons/${p.id}`}>{p.displayName}</Link>
                    <span className="muted">{[p.email, p.city].filter(Boolean).join(' · ')}</span>
                  </li>
                ))}
              </ul>
            )
          ) : null}
        </section>
      ) : null}

      <Form method="get" className="filters" aria-label={t('requests.filters')}>
        <input type="hidden" name="sort" value={params.sort} />
        <input type="hidden" name="dir" value={params.dir} />
        <SelectFilter id="request-state" name="state" label={t('requests.state')} value={filters.state}
          options={REQUEST_STATES.map((s) => ({ value: s, label: t(`requests.states.${s}`) }))} />
        <SelectFilter id="request-kind" name="kind" label={t('fields.kind')} value={filters.kind} any={t('requests.allKinds')}
          options={REQUEST_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
        <FilterActions />
      </Form>

      {rows.length === 0 ? (
        <p className="empty">{t('requests.none')}</p>
      ) : (
        <>
          <TableWrap>
            <table>
              <TableCaption>{t('requests.caption', { count: total })}</TableCaption>
              <thead>
                <tr>
                  <SortHeader column="receivedOn" current={params}>{t('fields.receivedOn')}</SortHeader>
                  <SortHeader column="kind" current={params}>{t('fields.kind')}</SortHeader>
                  <th scope="col">{t('fields.requester')}</th>
                  <SortHeader column="dueOn" current={params}>{t('fields.dueOn')}</SortHeader>
                  <SortHeader column="status" current={params}>{t('fields.status')}</SortHeader>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <td><Link to={`${base}/privacy/requests/${r.id}`}>{day(r.receivedOn)}</Link></td>
                    <td>{t(`kinds.${r.kind}`)}</td>
                    <td>{r.requester}</td>
                    <td>
                      {day(r.effectiveDueOn)}
                      {r.extendedTo ? <> <span className="badge badge-muted">{t('requests.extended')}</span></> : null}
                    </td>
                    <td><RequestStatusBadge status={r.status} overdue={r.overdue} /></td>
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
