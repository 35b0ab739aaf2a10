import { json, redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Pagination, SearchForm } from '~/components/list-controls';
import { CHOOSE_PARAM } from '~/modules/auth/paths';
import { requireUser } from '~/modules/auth/guards.server';
import { getMembership, listMembershipsPage } from '~/modules/auth/queries.server';
import { parseListParams } from '~/utils/list-params';
import { lastInstitutionCookie } from '~/utils/session.server';

/**
 * `/`: back to the institution used last, straight into the only one, or a chooser — the chooser
 * also when asked for (`?choose=1`, the sidebar's "All institutions"). It pages and searches the
 * user's memberships in SQL: a supervisor may have hundreds.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  const searchParams = new URL(request.url).searchParams;
  const list = parseListParams(searchParams, ['name'], { sort: 'name' });
  const choosing = searchParams.has(CHOOSE_PARAM) || list.q !== undefined || list.page > 1;
  if (!choosing) {
    const last = Number(await lastInstitutionCookie.parse(request.headers.get('Cookie')));
    if (Number.isSafeInteger(last) && last > 0 && (await getMembership(user.id, last))) throw redirect(`/i/${last}`);
  }
  const page = await listMembershipsPage(user.id, { q: list.q, limit: list.perPage, offset: list.offset });
  if (!choosing && page.total === 1 && !user.isAdmin) throw redirect(`/i/${page.rows[0]!.institutionId}`);
  return json({ memberships: page.rows, total: page.total, list: { page: list.page, perPage: list.perPage, q: list.q ?? null }, isAdmin: user.isAdmin });
}

export default function ChooseInstitution() {
  const { t } = useTranslation(['auth', 'common']);
  const { memberships, total, list, isAdmin } = useLoaderData<typeof loader>();
  const nothing = total === 0 && !list.q;
  return (
    <div className="main-narrow">
      <h1>{t('choose.title')}</h1>
      {nothing ? <p>{t('choose.none')}</p> : <p>{t('choose.intro')}</p>}
      {nothing ? null : (
        <>
          <SearchForm label={t('choose.search')} defaultValue={list.q ?? ''} keep={{ [CHOOSE_PARAM]: '1' }} />
          {total === 0 ? <p className="empty">{t('choose.noMatch', { q: list.q })}</p> : (
            <ul className="list card" aria-label={t('choose.listLabel', { count: total })}>
              {memberships.map((m) => (
                <li key={m.institutionId}>
                  <Link to={`/i/${m.institutionId}`}>{m.institutionName}</Link>
                  <span className="muted">{t(`common:roles.${m.role}`)} · {t(`common:sectors.${m.sector}`)}</span>
                </li>
              ))}
            </ul>
          )}
          <Pagination page={list.page} perPage={list.perPage} total={total} label={t('choose.pages')} />
        </>
      )}
      {isAdmin ? <p className="muted">{t('choose.adminHint')}</p> : null}
    </div>
  );
}
