import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FilterActions, Pagination, SelectFilter } from '~/components/list-controls';
import { TableCaption, TableWrap } from '~/components/table-wrap';
import { requireInstitution } from '~/modules/auth/guards.server';
import { listUnverified } from '~/modules/parties/queries.server';
import { AreaNav } from '~/modules/stakeholders/components/area-nav';
import { useDays } from '~/modules/stakeholders/components/labels';
import { parseListParams } from '~/utils/list-params';

const kindFilter = z.enum(['person', 'organisation']).optional().catch(undefined);

// Persons and organisations nobody has confirmed for twelve months: the list to work through.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution } = await requireInstitution(request, params);
  const searchParams = new URL(request.url).searchParams;
  const list = parseListParams(searchParams, ['lastVerifiedOn'] as const, { sort: 'lastVerifiedOn', perPage: 50 });
  const kind = kindFilter.parse(searchParams.get('kind') || undefined);
  const page = await listUnverified(institution.id, { kind }, list);
  return json({ institution, ...page, params: list, kind: kind ?? null });
}

export default function DataCurrency() {
  const { t } = useTranslation('parties');
  const { day } = useDays();
  const { institution, rows, total, cutoff, params, kind } = useLoaderData<typeof loader>();
  const base = `/i/${institution.id}/parties`;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('currency.title')}</h1>
          <p className="subtitle">{t('currency.intro', { day: day(cutoff) })}</p>
        </div>
      </div>
      <AreaNav institutionId={institution.id} />
      <Form method="get" className="filters" aria-label={t('currency.filter')}>
        <SelectFilter id="currency-kind" name="kind" label={t('currency.kind')} value={kind} any={t('currency.both')}
          options={[{ value: 'person', label: t('currency.persons') }, { value: 'organisation', label: t('currency.organisations') }]} />
        <FilterActions />
      </Form>
      {rows.length === 0 ? <p className="empty">{t('currency.none')}</p> : (
        <>
          <TableWrap>
            <table>
              <TableCaption>{t('currency.caption', { count: total })}</TableCaption>
              <thead>
                <tr>
                  <th scope="col">{t('fields.name')}</th>
                  <th scope="col">{t('currency.kind')}</th>
                  <th scope="col">{t('fields.lastVerifiedOn')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={`${r.kind}-${r.id}`}>
                    <td><Link to={`${base}/${r.kind === 'person' ? 'persons' : 'organisations'}/${r.id}`}>{r.name}</Link></td>
                    <td>{t(`currency.kinds.${r.kind}`)}</td>
                    <td>{r.lastVerifiedOn ? day(r.lastVerifiedOn) : <span className="badge badge-warn">{t('verify.never')}</span>}</td>
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
