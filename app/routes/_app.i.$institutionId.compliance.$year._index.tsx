import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError, SelectField, TextAreaField, useFormState } from '~/components/form';
import { CheckboxField, IntentButton, stateFor } from '~/components/form-extras';
import { TableCaption, TableWrap } from '~/components/table-wrap';
import { History } from '~/modules/audit/components/history';
import { listHistory } from '~/modules/audit/queries.server';
import { requireInstitution } from '~/modules/auth/guards.server';
import { CoverageNotice, FlagList, HealthBadge, RegimeLabel, ShareValue, StatementStatusBadge } from '~/modules/governance/components/labels';
import { PrincipleShareChart } from '~/modules/governance/components/share-chart';
import { approveYear, copyFromLastYear, openYear, unlockYear } from '~/modules/governance/mutations.server';
import { mayApprove, mayEditStatements, mayOpenYear, mayUnlock } from '~/modules/governance/policy';
import {
  countEngagementsByCategory, countMomentsInYear, countYearAttention, getYearShares, getYearState, listStatements, listYearTargets,
} from '~/modules/governance/queries.server';
import { EVIDENCE_HEALTHS, STATEMENT_FLAGS, STATEMENT_STATUSES } from '~/modules/governance/rules';
import { approveYearSchema, openYearSchema, overviewSearch, parseOverviewFilters, parseYearParam, unlockYearSchema } from '~/modules/governance/schema';
import { MomentStatusBadge } from '~/modules/obligations/components/moment-status';
import { MOMENT_STATUSES } from '~/modules/obligations/rules';
import { attempt, invalidForm } from '~/utils/action-errors.server';
import { today } from '~/utils/dates';
import { forbidden, notFound } from '~/utils/errors';
import { formValues, parseForm } from '~/utils/forms';
import { formatInstant } from '~/utils/instants';
import { redirectWithToast } from '~/utils/session.server';

function yearOf(params: { year?: string }): number {
  const year = parseYearParam(params.year);
  if (year === null) throw notFound();
  return year;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, can } = await requireInstitution(request, params);
  const year = yearOf(params);
  const day = today();
  const filters = parseOverviewFilters(new URL(request.url).searchParams);
  const state = await getYearState(institution.id, year);
  const [rows, shares, attention, moments, engagements, targets, history] = await Promise.all([
    state ? listStatements(institution.id, year, filters, day) : Promise.resolve([]),
    getYearShares(institution.id, year),
    countYearAttention(institution.id, year, day),
    countMomentsInYear(institution.id, year, day),
    countEngagementsByCategory(institution.id, year),
    state ? Promise.resolve([]) : listYearTargets(institution.id, year),
    listHistory(institution.id, 'compliance-year', year),
  ]);
  return json({
    institution, can, year, state, filters, search: overviewSearch(filters), rows, shares, attention, moments, engagements,
    targets: targets.length, history,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { institution, actor, can } = await requireInstitution(request, params, 'write');
  const year = yearOf(params);
  const formData = await request.formData();
  const values = formValues(formData);
  const target = { institutionId: institution.id, year };
  const back = (toast: string) => () => redirectWithToast(request, `/i/${institution.id}/compliance/${year}`, toast);
  switch (formData.get('intent')) {
    case 'approve': {
      if (!can.manage) throw forbidden();
      const form = parseForm(approveYearSchema, formData);
      if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
      return attempt(values, () => approveYear(actor, { ...target, ...form.data }), back('compliance:toast.approved'));
    }
    case 'unlock': {
      if (!can.manage) throw forbidden();
      const form = parseForm(unlockYearSchema, formData);
      if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
      return attempt(values, () => unlockYear(actor, { ...target, ...form.data }), back('compliance:toast.unlocked'));
    }
    case 'open-year': {
      // The year is the page's own, whatever the form says.
      const form = parseForm(openYearSchema, withYear(formData, year));
      if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
      return attempt(values, () => (form.data.start === 'copy' ? copyFromLastYear(actor, target) : openYear(actor, target)),
        back(form.data.start === 'copy' ? 'compliance:toast.copied' : 'compliance:toast.opened'));
    }
    default:
      return invalidForm({}, values, 'common:errors.invalid');
  }
}

function withYear(formData: FormData, year: number): FormData {
  const copy = new FormData();
  for (const [key, value] of formData.entries()) copy.append(key, value);
  copy.set('year', String(year));
  return copy;
}

const clip = (text: string, max = 220) => (text.length > max ? `${text.slice(0, max).trimEnd()}…` : text);

export default function ComplianceYearPage() {
  const { t, i18n } = useTranslation('compliance');
  const language = i18n.language === 'en' ? 'en' : 'nl';
  const data = useLoaderData<typeof loader>();
  const { institution, can, year, state: yearState, filters, search, rows, shares, attention, moments, engagements, history } = data;
  const formState = useFormState();
  const base = `/i/${institution.id}/compliance`;
  const yearBase = `${base}/${year}`;
  const year$ = { opened: Boolean(yearState), locked: Boolean(yearState?.locked) };
  const editable = mayEditStatements(can, year$);
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const openState = stateFor(formState, 'open-year');
  const unlockState = stateFor(formState, 'unlock');
  let lastPrinciple: number | null = null;

  return (
    <>
      <p className="breadcrumbs"><Link to={base}>{t('index.title')}</Link></p>
      <div className="page-header">
        <div>
          <h1>{t('overview.title', { year })}</h1>
          <p className="subtitle">
            {institution.name} ·{' '}
            {yearState?.locked ? <span className="badge badge-ok">{t('year.approved')}</span> : yearState ? <span className="badge badge-info">{t('year.open')}</span> : <span className="badge badge-muted">{t('year.notOpened')}</span>}
          </p>
        </div>
        {yearState ? (
          <div className="page-actions">
            <Link className="button" to={`${yearBase}/jaarverslag`}>{t('overview.chapter')}</Link>
            <a className="button button-secondary" href={`${yearBase}/overview.csv${search}`} download>{t('common:actions.downloadCsv')}</a>
            <a className="button button-secondary" href={`${yearBase}/overview.xlsx${search}`} download>{t('common:actions.downloadXlsx')}</a>
          </div>
        ) : null}
      </div>
      <FormError message={formState.formError && !['open-year', 'unlock'].includes(String(formState.values.intent)) ? formState.formError : undefined} />

      {yearState?.locked ? (
        <div className="notice notice-ok" role="status">
          {t('year.lockedNotice', { name: yearState.approvedBy ?? t('report.someone'), when: formatInstant(yearState.approvedAt!, language) })}
        </div>
      ) : null}

      {!yearState ? (
        <section className="card" aria-labelledby="open-year">
          <h2 id="open-year">{t('year.notOpenedTitle', { year })}</h2>
          <p>{data.targets > 0 ? t('year.openExplained', { count: data.targets }) : t('year.noCodesExplained')}</p>
          {mayOpenYear(can, year$) && data.targets > 0 ? (
            <Form method="post" className="form-actions">
              <FormError message={openState.formError} />
              <input type="hidden" name="year" value={year} />
              <input type="hidden" name="start" value="empty" />
              <IntentButton intent="open-year">{t('index.startEmpty')}</IntentButton>
            </Form>
          ) : null}
          {mayOpenYear(can, year$) && data.targets > 0 ? (
            <Form method="post" className="form-actions">
              <input type="hidden" name="year" value={year} />
              <input type="hidden" name="start" value="copy" />
              <IntentButton intent="open-year" className="button-secondary">{t('index.startCopy')}</IntentButton>
            </Form>
          ) : null}
          {data.targets === 0 ? <p><Link to={base}>{t('year.adoptFirst')}</Link></p> : null}
        </section>
      ) : null}

      {yearState ? (
        <>
          <ul className="stats plain" aria-label={t('overview.tiles')}>
            <li className="stat"><span className="stat-value"><ShareValue share={shares.share} /></span><span className="stat-label">{t('overview.shareTotal')}</span></li>
            <li><Link className={`stat${shares.counts['not-assessed'] ? ' stat-warn' : ''}`} to={`?status=not-assessed`}><span className="stat-value">{shares.counts['not-assessed']}</span><span className="stat-label">{t('status.not-assessed')}</span></Link></li>
            <li><Link className={`stat${attention.review ? ' stat-warn' : ''}`} to="?review=1"><span className="stat-value">{attention.review}</span><span className="stat-label">{t('overview.toReview')}</span></Link></li>
            <li><Link className={`stat${attention.flagged ? ' stat-danger' : ''}`} to="?flag=any"><span className="stat-value">{attention.flagged}</span><span className="stat-label">{t('overview.flagged')}</span></Link></li>
          </ul>

          {shares.codes.map((code) => (
            <section key={code.code.id} className="card" aria-labelledby={`shares-${code.code.id}`}>
              <h2 id={`shares-${code.code.id}`}>{code.code.title[language]} <span className="muted">{code.code.version}</span></h2>
              <CoverageNotice coverage={code.code.coverage} provisions={code.provisionsListed} />
              <PrincipleShareChart code={code} />
              <p className="muted">{t('overview.shareRule')}</p>
            </section>
          ))}

          <div className="grid grid-2">
            <section className="card" aria-labelledby="year-moments">
              <h2 id="year-moments">{t('overview.moments', { year })}</h2>
              <table className="compact">
                <caption>{t('overview.momentsCaption')}</caption>
                <tbody>
                  {MOMENT_STATUSES.map((status) => (
                    <tr key={status}><th scope="row"><MomentStatusBadge status={status} /></th><td className="number">{moments[status]}</td></tr>
                  ))}
                </tbody>
              </table>
            </section>
            <section className="card" aria-labelledby="year-engagements">
              <h2 id="year-engagements">{t('overview.engagements', { year })}</h2>
              {engagements.length === 0 ? <p className="empty">{t('overview.noEngagements')}</p> : (
                <table className="compact">
                  <caption>{t('overview.engagementsCaption')}</caption>
                  <tbody>
                    {engagements.map((e) => (
                      <tr key={e.category}><th scope="row">{t(`stakeholders:categories.${e.category}`, { defaultValue: e.category })}</th><td className="number">{e.engagements}</td></tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          </div>

          <Form method="get" className="filters" role="search" aria-label={t('overview.filters')}>
            <SelectField name="status" label={t('columns.status')} emptyLabel={t('overview.all')} defaultValue={filters.status ?? ''}
              options={STATEMENT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
            <SelectField name="health" label={t('columns.health')} emptyLabel={t('overview.all')} defaultValue={filters.health ?? ''}
              options={EVIDENCE_HEALTHS.map((h) => ({ value: h, label: t(`health.${h}`) }))} />
            <SelectField name="flag" label={t('columns.flags')} emptyLabel={t('overview.all')} defaultValue={filters.flag ?? ''}
              options={[{ value: 'any', label: t('overview.anyFlag') }, ...STATEMENT_FLAGS.map((f) => ({ value: f, label: t(`flags.${f}`) }))]} />
            {shares.codes.length > 1 ? (
              <SelectField name="code" label={t('columns.code')} emptyLabel={t('overview.all')} defaultValue={filters.codeId ? String(filters.codeId) : ''}
                options={shares.codes.map((c) => ({ value: String(c.code.id), label: `${c.code.title[language]} (${c.code.version})` }))} />
            ) : null}
            {filters.provisionId ? <input type="hidden" name="provision" value={filters.provisionId} /> : null}
            <CheckboxField name="review" label={t('overview.onlyToReview')} defaultChecked={filters.review} />
            <div className="form-actions">
              <button type="submit" className="button-secondary">{t('common:actions.filter')}</button>
              {filtered ? <Link to={yearBase}>{t('common:actions.clearFilters')}</Link> : null}
            </div>
          </Form>

          <section aria-labelledby="statements-title">
            <h2 id="statements-title">{t('overview.statements')}</h2>
            {rows.length === 0 ? <p className="empty">{filtered ? t('overview.noMatches') : t('overview.noStatements')}</p> : (
              <TableWrap>
                <table className="statements">
                  <TableCaption>{t('overview.statementsCaption', { count: rows.length })}</TableCaption>
                  <thead>
                    <tr>
                      <th scope="col">{t('columns.number')}</th>
                      <th scope="col">{t('columns.title')}</th>
                      <th scope="col">{t('columns.status')}</th>
                      <th scope="col">{t('columns.explanation')}</th>
                      <th scope="col">{t('columns.health')}</th>
                      <th scope="col">{t('columns.flags')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((row) => {
                      const heading = row.principle.id !== lastPrinciple;
                      lastPrinciple = row.principle.id;
                      return (
                        <Fragment key={row.id}>
                          {heading ? (
                            <tr className="principle-row">
                              <th scope="colgroup" colSpan={6}>{t('overview.principleHeading', { number: row.principle.number, title: row.principle.title[language], code: row.code.title[language] })}</th>
                            </tr>
                          ) : null}
                          <tr>
                            <td>{row.target.number}</td>
                            <td>
                              <Link to={`${yearBase}/statements/${row.id}`}>{row.target.title[language]}</Link>{' '}
                              <RegimeLabel regime={row.target.regime} />
                              {row.needsReview ? <> <span className="badge badge-warn">{t('overview.review')}</span></> : null}
                            </td>
                            <td><StatementStatusBadge status={row.status} /></td>
                            <td className="prewrap">{row.explanation ? clip(row.explanation) : <span className="muted">{t('common:none')}</span>}</td>
                            <td><HealthBadge health={row.health} tally={row.tally} /></td>
                            <td><FlagList flags={row.flags} /></td>
                          </tr>
                        </Fragment>
                      );
                    })}
                  </tbody>
                </table>
              </TableWrap>
            )}
          </section>

          {editable ? (
            <section className="card no-print" aria-labelledby="year-add">
              <h2 id="year-add">{t('year.refreshTitle')}</h2>
              <p className="muted">{t('year.refreshExplained')}</p>
              <Form method="post">
                <input type="hidden" name="start" value="empty" />
                <IntentButton intent="open-year" className="button-secondary">{t('year.refresh')}</IntentButton>
              </Form>
            </section>
          ) : null}

          {mayApprove(can, year$) ? (
            <section className="card no-print" aria-labelledby="year-approve">
              <h2 id="year-approve">{t('year.approveTitle')}</h2>
              <p>{t('year.approveExplained')}</p>
              <Form method="post">
                <input type="hidden" name="version" value={yearState.version} />
                <IntentButton intent="approve">{t('year.approve')}</IntentButton>
              </Form>
            </section>
          ) : null}

          {mayUnlock(can, year$) ? (
            <section className="card no-print" aria-labelledby="year-unlock">
              <h2 id="year-unlock">{t('year.unlockTitle')}</h2>
              <p>{t('year.unlockExplained')}</p>
              <Form method="post" className="stack">
                <FormError message={unlockState.formError} />
                <input type="hidden" name="version" value={yearState.version} />
                <TextAreaField name="reason" label={t('year.reason')} rows={3} state={unlockState} required />
                <div className="form-actions"><IntentButton intent="unlock" className="button-danger">{t('year.unlock')}</IntentButton></div>
              </Form>
            </section>
          ) : null}
        </>
      ) : null}

      <div className="no-print"><History events={history.rows} more={history.more} moreHref={`/i/${institution.id}/audit?entity=compliance-year&entityId=${year}`} /></div>
    </>
  );
}
