import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData, useLocation, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FilterActions, Pagination, SelectFilter, SortHeader, withParams } from '~/components/list-controls';
import { TableCaption, TableWrap } from '~/components/table-wrap';
import { requireOversight } from '~/modules/auth/guards.server';
import { sharePercent, STATEMENT_FLAGS, type StatementStatus } from '~/modules/governance/rules';
import { SECTORS } from '~/modules/institutions/schema';
import { useDateLocale } from '~/modules/obligations/components/moment-status';
import { OverdueTrendChart, ShareBars } from '~/modules/oversight/components/charts';
import { HeatMap, HeatMapLegend } from '~/modules/oversight/components/heat-map';
import { complianceYearPath, statementPath } from '~/modules/oversight/paths';
import {
  getDefaultYear, getHeatMap, getOverdueTrend, listOversightCodes, listOversightInstitutions, listToReview,
} from '~/modules/oversight/queries.server';
import { TREND_MONTHS } from '~/modules/oversight/rules';
import {
  DEVIATIONS_PER_PAGE, HEAT_MAP_COLUMNS, INSTITUTION_SORTS, MAX_YEAR, MIN_YEAR, oversightFiltersSchema,
} from '~/modules/oversight/schema';
import { formatDay, monthName, today, yearOf, type DateLocale } from '~/utils/dates';
import { formatInstant } from '~/utils/instants';
import { parseListParams } from '~/utils/list-params';

/** How many years back the year filter offers, counted from this year. */
const YEARS_BACK = 6;

/**
 * The supervisor dashboard: read-only, across the institutions of the user's memberships (any
 * role; administrators: every active one). This route has no action; nothing here changes data.
 * A user without memberships gets the page with an empty state, not a 404: /oversight is in
 * everyone's navigation, and it exists for them too, it just has nothing to show.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, membershipCount, allInstitutions } = await requireOversight(request);
  if (!allInstitutions && membershipCount === 0) return json({ empty: true as const });

  const searchParams = new URL(request.url).searchParams;
  const filters = oversightFiltersSchema.parse(Object.fromEntries(searchParams));
  const list = parseListParams(searchParams, INSTITUTION_SORTS, { sort: 'name' });
  const day = today();
  const scope = { userId: user.id, all: allInstitutions, sector: filters.sector };
  const year = filters.year ?? (await getDefaultYear(scope, yearOf(day)));

  const [{ rows: institutions, totals }, trend, codes, review] = await Promise.all([
    listOversightInstitutions(scope, year, day, list),
    getOverdueTrend(scope, day),
    listOversightCodes(scope, year),
    listToReview(scope, year, day, { limit: DEVIATIONS_PER_PAGE, offset: (filters.dpage - 1) * DEVIATIONS_PER_PAGE, flag: filters.flag }),
  ]);
  // The heat map shows one code version: the one asked for, else the one most institutions share.
  const code = codes.find((c) => c.id === filters.code) ?? codes[0] ?? null;
  const heatMap = code
    ? await getHeatMap(scope, code.id, year, { limit: HEAT_MAP_COLUMNS, offset: (filters.hpage - 1) * HEAT_MAP_COLUMNS })
    : null;

  const thisYear = yearOf(day);
  const years = Array.from({ length: YEARS_BACK + 1 }, (_, i) => thisYear - i).filter((y) => y >= MIN_YEAR && y <= MAX_YEAR);
  if (!years.includes(year)) years.push(year);

  return json({
    empty: false as const,
    allInstitutions,
    today: day,
    year,
    years: years.sort((a, b) => b - a),
    filters: { sector: filters.sector ?? null, flag: filters.flag ?? null, dpage: filters.dpage, hpage: filters.hpage },
    list,
    institutions,
    totals,
    trend,
    codes,
    code,
    heatMap,
    review,
  });
}

export default function Oversight() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation('oversight');
  if (data.empty) {
    return (
      <>
        <h1>{t('title')}</h1>
        <p className="empty">{t('noMemberships')}</p>
      </>
    );
  }
  return <Dashboard data={data} />;
}

type DashboardData = Exclude<ReturnType<typeof useLoaderData<typeof loader>>, { empty: true }>;

function percentText(share: number | null, locale: DateLocale, none: string): string {
  const percent = sharePercent(share);
  return percent === null ? none : `${percent.toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB')}%`;
}

function Dashboard({ data }: { data: DashboardData }) {
  const { t, i18n } = useTranslation('oversight');
  const locale = useDateLocale();
  const language = i18n.language === 'en' ? 'en' : 'nl';
  const { pathname } = useLocation();
  const navigation = useNavigation();
  const { year, totals, list } = data;
  const none = t('none');
  const keep = { sort: list.sort, dir: list.dir };

  return (
    <div className={navigation.state === 'loading' && navigation.location?.pathname === pathname ? 'pending' : undefined}>
      <div className="page-header">
        <div>
          <h1>{t('title')}</h1>
          <p className="subtitle">{data.allInstitutions ? t('scopeAll') : t('scopeMemberships')}</p>
        </div>
      </div>

      <Form method="get" className="filters" aria-label={t('filters.label')}>
        {Object.entries(keep).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
        <SelectFilter id="oversight-year" name="year" label={t('filters.year')} value={year}
          options={data.years.map((y) => ({ value: y, label: String(y) }))} />
        <SelectFilter id="oversight-sector" name="sector" label={t('filters.sector')} value={data.filters.sector} any={t('filters.allSectors')}
          options={SECTORS.map((s) => ({ value: s, label: t(`common:sectors.${s}`) }))} />
        <FilterActions />
      </Form>

      {totals.institutions === 0 ? (
        <p className="empty">{t('noInstitutions')}</p>
      ) : (
        <>
          <ul className="stats plain" aria-label={t('totals.label', { year })}>
            <li className="stat"><span className="stat-value">{totals.institutions}</span> <span className="stat-label">{t('totals.institutions')}</span></li>
            <li className="stat"><span className="stat-value">{percentText(totals.share, locale, none)}</span> <span className="stat-label">{t('totals.share', { year })}</span></li>
            <li className="stat"><span className="stat-value">{t('totals.approvedOf', { approved: totals.approved, total: totals.institutions })}</span> <span className="stat-label">{t('totals.approved', { year })}</span></li>
            <li className="stat"><span className="stat-value">{totals.deviations}</span> <span className="stat-label">{t('totals.deviations', { year })}</span></li>
            <li className={`stat${totals.overdue > 0 ? ' stat-danger' : ''}`}><span className="stat-value">{totals.overdue}</span> <span className="stat-label">{t('totals.overdue')}</span></li>
            <li className={`stat${totals.dueSoon > 0 ? ' stat-warn' : ''}`}><span className="stat-value">{totals.dueSoon}</span> <span className="stat-label">{t('totals.dueSoon')}</span></li>
          </ul>

          <InstitutionsSection data={data} locale={locale} none={none} />
          <TrendSection data={data} locale={locale} />
          <HeatMapSection data={data} language={language} />
          <ReviewSection data={data} language={language} />
        </>
      )}
    </div>
  );
}

function InstitutionsSection({ data, locale, none }: { data: DashboardData; locale: DateLocale; none: string }) {
  const { t } = useTranslation('oversight');
  const { year, institutions, list, totals } = data;
  const bars = institutions.filter((r) => r.share !== null).map((r) => ({ name: r.name, percent: sharePercent(r.share) ?? 0 }));
  return (
    <section className="card" aria-labelledby="oversight-institutions">
      <h2 id="oversight-institutions">{t('institutions.title', { year })}</h2>
      <p className="muted">{t('institutions.intro')}</p>
      <div className="chart-with-table">
        {bars.length > 0 ? <ShareBars rows={bars} /> : null}
        <TableWrap>
          <table>
            <TableCaption>{t('institutions.caption', { year, count: totals.institutions })}</TableCaption>
            <thead>
              <tr>
                <SortHeader column="name" current={list}>{t('institutions.name')}</SortHeader>
                <th scope="col">{t('institutions.sector')}</th>
                <th scope="col">{t('institutions.role')}</th>
                <SortHeader column="share" current={list} className="number">{t('institutions.share')}</SortHeader>
                <SortHeader column="approved" current={list}>{t('institutions.approved')}</SortHeader>
                <SortHeader column="deviations" current={list} className="number">{t('institutions.deviations')}</SortHeader>
                <SortHeader column="overdue" current={list} className="number">{t('institutions.overdue')}</SortHeader>
                <SortHeader column="dueSoon" current={list} className="number">{t('institutions.dueSoon')}</SortHeader>
              </tr>
            </thead>
            <tbody>
              {institutions.map((row) => (
                <tr key={row.id}>
                  <th scope="row"><Link to={`/i/${row.id}`}>{row.name}</Link></th>
                  <td>{t(`common:sectors.${row.sector}`)}</td>
                  <td>{t(`common:roles.${row.role}`)}</td>
                  <td className="number">
                    {row.statements > 0 ? <Link to={complianceYearPath(row.id, year)}>{percentText(row.share, locale, none)}</Link> : <span className="muted">{t('institutions.noStatements')}</span>}
                  </td>
                  <td>
                    {row.approvedAt
                      ? <span className="badge badge-ok">{t('institutions.approvedOn', { when: formatInstant(row.approvedAt, locale) })}</span>
                      : <span className="badge badge-muted">{t('institutions.notApproved')}</span>}
                  </td>
                  <td className="number">{row.deviations}</td>
                  <td className="number">{row.overdue > 0 ? <span className="badge badge-danger">{row.overdue}</span> : 0}</td>
                  <td className="number">{row.dueSoon > 0 ? <span className="badge badge-warn">{row.dueSoon}</span> : 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </div>
      <Pagination page={list.page} perPage={list.perPage} total={totals.institutions} label={t('institutions.pages')} />
    </section>
  );
}

function TrendSection({ data, locale }: { data: DashboardData; locale: DateLocale }) {
  const { t } = useTranslation('oversight');
  const points = data.trend.map((p) => ({ ...p, label: `${monthName(`${p.month}-01`, locale, 'short')} ${p.month.slice(0, 4)}` }));
  return (
    <section className="card" aria-labelledby="oversight-trend">
      <h2 id="oversight-trend">{t('trend.title', { months: TREND_MONTHS })}</h2>
      <p className="muted">{t('trend.definition', { today: formatDay(data.today, locale) })}</p>
      <div className="chart-with-table">
        <OverdueTrendChart points={points} />
        <table className="compact">
          <caption>{t('trend.caption')}</caption>
          <thead>
            <tr><th scope="col">{t('trend.month')}</th><th scope="col">{t('trend.asOf')}</th><th scope="col" className="number">{t('trend.overdue')}</th></tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.month}><th scope="row">{p.label}</th><td>{formatDay(p.asOf, locale)}</td><td className="number">{p.overdue}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function HeatMapSection({ data, language }: { data: DashboardData; language: 'nl' | 'en' }) {
  const { t } = useTranslation('oversight');
  const { code, codes, heatMap, year } = data;
  return (
    <section className="card" aria-labelledby="oversight-heat-map">
      <h2 id="oversight-heat-map">{t('heatMap.title', { year })}</h2>
      {!code || !heatMap ? (
        <p className="empty">{t('heatMap.empty', { year })}</p>
      ) : (
        <>
          <p className="muted">{t('heatMap.intro')}</p>
          {codes.length > 1 ? (
            <Form method="get" className="filters" aria-label={t('heatMap.chooseCode')}>
              {Object.entries({ year: String(year), sector: data.filters.sector, sort: data.list.sort, dir: data.list.dir }).map(([name, value]) =>
                value ? <input key={name} type="hidden" name={name} value={value} /> : null)}
              <SelectFilter id="oversight-code" name="code" label={t('heatMap.code')} value={code.id}
                options={codes.map((c) => ({ value: c.id, label: t('heatMap.codeOption', { title: c.title[language], version: c.version, count: c.institutions }) }))} />
              <button type="submit" className="button-secondary">{t('heatMap.show')}</button>
            </Form>
          ) : (
            <p>{t('heatMap.codeOption', { title: code.title[language], version: code.version, count: code.institutions })}</p>
          )}
          {code.coverage === 'partial' ? <p className="notice notice-info">{t('heatMap.partial', { count: heatMap.targets.length })}</p> : null}
          <HeatMapLegend />
          <HeatMap map={heatMap} year={year} language={language} />
          <Pagination page={data.filters.hpage} perPage={HEAT_MAP_COLUMNS} total={code.institutions} param="hpage" label={t('heatMap.pages')} />
        </>
      )}
    </section>
  );
}

/**
 * Deviations and flags to review: statements that explain a deviation or comply in part, and
 * statements the compliance rules flag; the flags narrow the list through the URL (`flag`), each
 * with its count over the whole scope.
 */
function ReviewSection({ data, language }: { data: DashboardData; language: 'nl' | 'en' }) {
  const { t } = useTranslation('oversight');
  const { search } = useLocation();
  const { review, year } = data;
  const current = data.filters.flag;
  const choices = [
    { flag: undefined, label: t('deviations.all', { count: review.counts.statements }) },
    ...STATEMENT_FLAGS.map((flag) => ({ flag, label: t('deviations.flagCount', { flag: t(`flags.${flag}`), count: review.counts.flags[flag] }) })),
  ];
  return (
    <section className="card" aria-labelledby="oversight-deviations">
      <h2 id="oversight-deviations">{t('deviations.title', { year })}</h2>
      <p className="muted">{t('deviations.intro')}</p>
      {review.counts.statements === 0 ? (
        <p className="empty">{t('deviations.empty', { year })}</p>
      ) : (
        <>
          <nav className="tabs area-nav" aria-label={t('deviations.byFlag')}>
            {choices.map((choice) => (
              <Link
                key={choice.flag ?? 'all'}
                to={withParams(search, { flag: choice.flag, dpage: undefined })}
                aria-current={(choice.flag ?? null) === current ? 'page' : undefined}
              >
                {choice.label}
              </Link>
            ))}
          </nav>
          {current && review.total === 0 ? (
            <p className="empty">{t('deviations.noneFlagged', { flag: t(`flags.${current}`), year })}</p>
          ) : (
            <>
              <TableWrap>
                <table>
                  <TableCaption>{t('deviations.caption', { count: review.total, year })}</TableCaption>
                  <thead>
                    <tr>
                      <th scope="col">{t('deviations.institution')}</th>
                      <th scope="col">{t('deviations.provision')}</th>
                      <th scope="col">{t('deviations.status')}</th>
                      <th scope="col">{t('deviations.explanation')}</th>
                      <th scope="col"><span className="visually-hidden">{t('deviations.open')}</span></th>
                    </tr>
                  </thead>
                  <tbody>
                    {review.rows.map((row) => (
                      <tr key={row.statementId}>
                        <td>{row.institutionName}</td>
                        <td>
                          <strong>{row.number}</strong> {row.title[language]}
                          <div className="muted">{t('deviations.code', { title: row.code.title[language], version: row.code.version })}</div>
                        </td>
                        <td>
                          <span className={`badge ${STATUS_BADGE[row.status]}`}>{t(`statuses.${row.status}`)}</span>
                          {row.needsReview ? <> <span className="badge badge-info">{t('deviations.needsReview')}</span></> : null}
                          {row.flags.map((flag) => <div key={flag}><span className="badge badge-warn">{t(`flags.${flag}`)}</span></div>)}
                        </td>
                        <td className="prewrap">{row.explanation ? `${row.explanation}${row.truncated ? '…' : ''}` : <span className="muted">{t('deviations.noExplanation')}</span>}</td>
                        <td>
                          <Link to={statementPath(row, year)}>
                            {t('deviations.review')}<span className="visually-hidden"> {t('deviations.reviewWhat', { number: row.number, institution: row.institutionName })}</span>
                          </Link>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
              <Pagination page={data.filters.dpage} perPage={DEVIATIONS_PER_PAGE} total={review.total} param="dpage" label={t('deviations.pages')} />
            </>
          )}
        </>
      )}
    </section>
  );
}

// A deviation stands out most; a statement listed for a flag alone is shown plainly.
const STATUS_BADGE: Record<StatementStatus, string> = {
  explains: 'badge-danger', partially: 'badge-warn', complies: 'badge-muted', 'not-applicable': 'badge-muted', 'not-assessed': 'badge-muted',
};

export const ErrorBoundary = GeneralErrorBoundary;
