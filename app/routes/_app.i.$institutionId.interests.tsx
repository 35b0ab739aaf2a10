import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FilterActions, Pagination, SelectFilter } from '~/components/list-controls';
import { requireInstitution } from '~/modules/auth/guards.server';
import { AreaNav } from '~/modules/stakeholders/components/area-nav';
import { listInterestsByTheme, listThemes, type InterestListRow } from '~/modules/stakeholders/queries.server';
import { INTEREST_STATUS_FILTERS } from '~/modules/stakeholders/schema';
import { parseListParams } from '~/utils/list-params';

const filterSchema = z.object({
  theme: z.union([z.literal('none'), z.coerce.number().int().positive()]).optional().catch(undefined),
  status: z.enum(INTEREST_STATUS_FILTERS).catch('active'),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, can } = await requireInstitution(request, params);
  const searchParams = new URL(request.url).searchParams;
  const list = parseListParams(searchParams, ['theme'] as const, { sort: 'theme', perPage: 100 });
  const filters = filterSchema.parse({ theme: searchParams.get('theme') || undefined, status: searchParams.get('status') || 'active' });
  const [page, themes] = await Promise.all([
    listInterestsByTheme(institution.id, { themeId: filters.theme, status: filters.status, q: list.q }, list),
    listThemes(institution.id),
  ]);
  return json({ institution, can, ...page, params: list, filters, themes });
}

/** The page's interests in groups of consecutive rows with the same theme (the query sorts by theme). */
function groupByTheme(rows: InterestListRow[]) {
  const groups: { themeId: number | null; themeName: string | null; rows: InterestListRow[] }[] = [];
  for (const row of rows) {
    const last = groups[groups.length - 1];
    if (last && last.themeId === row.themeId) last.rows.push(row);
    else groups.push({ themeId: row.themeId, themeName: row.themeName, rows: [row] });
  }
  return groups;
}

export default function Interests() {
  const { t } = useTranslation('stakeholders');
  const { institution, can, rows, total, params, filters, themes } = useLoaderData<typeof loader>();
  const base = `/i/${institution.id}`;
  const shared = themes.filter((theme) => theme.stakeholders > 0);
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('interests.allTitle')}</h1>
          <p className="subtitle">{t('interests.allIntro')}</p>
        </div>
        {can.manage ? <div className="page-actions"><Link className="button button-secondary" to={`${base}/themes`}>{t('themes.manage')}</Link></div> : null}
      </div>
      <AreaNav institutionId={institution.id} />

      <section className="card" aria-labelledby="shared-heading">
        <h2 id="shared-heading">{t('interests.sharedTitle')}</h2>
        {shared.length === 0 ? <p className="empty">{t('interests.noShared')}</p> : (
          <table className="compact">
            <caption className="visually-hidden">{t('interests.sharedTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('fields.theme')}</th>
                <th scope="col" className="number">{t('interests.stakeholderCount')}</th>
                <th scope="col" className="number">{t('interests.interestCount')}</th>
              </tr>
            </thead>
            <tbody>
              {shared.map((theme) => (
                <tr key={theme.id}>
                  <td><Link to={`?theme=${theme.id}`}>{theme.name}</Link>{theme.active ? null : <> <span className="badge badge-muted">{t('themes.retired')}</span></>}</td>
                  <td className="number">{theme.stakeholders}</td>
                  <td className="number">{theme.interests}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <Form method="get" className="filters" role="search" aria-label={t('interests.filters')}>
        <div className="field">
          <label htmlFor="interest-q">{t('interests.search')}</label>
          <input id="interest-q" type="search" name="q" defaultValue={params.q ?? ''} />
        </div>
        <SelectFilter id="interest-theme" name="theme" label={t('fields.theme')} value={filters.theme} any={t('register.all')}
          options={[...themes.map((theme) => ({ value: theme.id, label: theme.name })), { value: 'none', label: t('interests.noTheme') }]} />
        <SelectFilter id="interest-status" name="status" label={t('fields.interestStatus')} value={filters.status}
          options={INTEREST_STATUS_FILTERS.map((s) => ({ value: s, label: s === 'all' ? t('register.all') : t(`interestStatuses.${s}`) }))} />
        <FilterActions />
      </Form>

      {rows.length === 0 ? <p className="empty">{t('interests.noneAll')}</p> : groupByTheme(rows).map((group) => (
        <section key={`${group.themeId ?? 'none'}-${group.rows[0]!.id}`} className="card" aria-labelledby={`theme-${group.themeId ?? 'none'}-${group.rows[0]!.id}`}>
          <h2 id={`theme-${group.themeId ?? 'none'}-${group.rows[0]!.id}`}>{group.themeName ?? t('interests.noTheme')}</h2>
          <p className="muted">{t('interests.sharedBy', { count: new Set(group.rows.map((r) => r.stakeholderId)).size })}</p>
          <ul className="list">
            {group.rows.map((interest) => (
              <li key={interest.id}>
                <span>
                  <strong>{interest.title}</strong>{' '}
                  <span className="muted">— <Link to={`${base}/stakeholders/${interest.stakeholderId}/interests`}>{interest.stakeholderName}</Link></span>
                  {interest.description ? <div>{interest.description}</div> : null}
                </span>
                <span>
                  <span className={`badge ${interest.priority === 'high' ? 'badge-danger' : interest.priority === 'medium' ? 'badge-info' : 'badge-muted'}`}>{t(`priorities.${interest.priority}`)}</span>
                  {interest.status !== 'active' ? <> <span className="badge badge-muted">{t(`interestStatuses.${interest.status}`)}</span></> : null}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <Pagination page={params.page} perPage={params.perPage} total={total} />
    </>
  );
}
