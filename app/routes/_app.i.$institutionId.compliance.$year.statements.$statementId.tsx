import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormError, SelectField, useFormState } from '~/components/form';
import { IntentButton, stateFor } from '~/components/form-extras';
import { History } from '~/modules/audit/components/history';
import { listHistory } from '~/modules/audit/queries.server';
import { requireInstitution } from '~/modules/auth/guards.server';
import { CoverageNotice, FlagList, HealthBadge, RegimeLabel, StatementStatusBadge } from '~/modules/governance/components/labels';
import { StatementForm } from '~/modules/governance/components/statement-form';
import { addStatementEvidence, removeStatementEvidence, saveStatement } from '~/modules/governance/mutations.server';
import { mayEditStatements } from '~/modules/governance/policy';
import { getNeighbours, getStatement, getYearState, listEvidenceOptions } from '~/modules/governance/queries.server';
import { addEvidenceSchema, EVIDENCE_KINDS, parseYearParam, removeEvidenceSchema, statementSchema } from '~/modules/governance/schema';
import { MomentStatusBadge, useDateLocale } from '~/modules/obligations/components/moment-status';
import { attempt, invalidForm } from '~/utils/action-errors.server';
import { formatDay, today } from '~/utils/dates';
import { notFound } from '~/utils/errors';
import { formValues, parseForm } from '~/utils/forms';
import { idParam } from '~/utils/route-params';
import { redirectWithToast } from '~/utils/session.server';

function targetOf(params: { year?: string; statementId?: string }) {
  const year = parseYearParam(params.year);
  if (year === null) throw notFound();
  return { year, statementId: idParam(params.statementId) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, can } = await requireInstitution(request, params);
  const { year, statementId } = targetOf(params);
  const day = today();
  const statement = await getStatement(institution.id, statementId, day);
  // A statement lives under its own year's URL only.
  if (!statement || statement.year !== year) throw notFound();
  const state = await getYearState(institution.id, year);
  const editable = mayEditStatements(can, { opened: Boolean(state), locked: Boolean(state?.locked) });
  const [options, neighbours, history] = await Promise.all([
    editable ? listEvidenceOptions(institution.id, year) : Promise.resolve(null),
    getNeighbours(institution.id, year, statementId, day),
    listHistory(institution.id, 'compliance-statement', statementId),
  ]);
  return json({ institution, can, year, statement, locked: Boolean(state?.locked), editable, options, neighbours, history });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { institution, actor } = await requireInstitution(request, params, 'write');
  const { year, statementId } = targetOf(params);
  const formData = await request.formData();
  const values = formValues(formData);
  const target = { institutionId: institution.id, statementId, year };
  const back = (toast: string) => () => redirectWithToast(request, `/i/${institution.id}/compliance/${year}/statements/${statementId}`, toast);
  switch (formData.get('intent')) {
    case 'save': {
      const form = parseForm(statementSchema, formData);
      if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
      return attempt(values, () => saveStatement(actor, { ...target, ...form.data }), back('compliance:toast.saved'));
    }
    case 'add-evidence': {
      const form = parseForm(addEvidenceSchema, formData);
      if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
      return attempt(values, () => addStatementEvidence(actor, { ...target, ...form.data }), back('compliance:toast.evidenceAdded'));
    }
    case 'remove-evidence': {
      const form = parseForm(removeEvidenceSchema, formData);
      if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
      return attempt(values, () => removeStatementEvidence(actor, { ...target, ...form.data }), back('compliance:toast.evidenceRemoved'));
    }
    default:
      return invalidForm({}, values, 'common:errors.invalid');
  }
}

const EVIDENCE_PATH = { obligation: 'obligations', moment: 'moments', agreement: 'agreements', engagement: 'engagements' } as const;

export default function StatementPage() {
  const { t, i18n } = useTranslation('compliance');
  const locale = useDateLocale();
  const language = i18n.language === 'en' ? 'en' : 'nl';
  const { institution, year, statement: s, locked, editable, options, neighbours, history } = useLoaderData<typeof loader>();
  const formState = useFormState();
  const yearBase = `/i/${institution.id}/compliance/${year}`;
  const saveState = stateFor(formState, 'save');
  return (
    <>
      <p className="breadcrumbs"><Link to={yearBase}>{t('overview.title', { year })}</Link></p>
      <div className="page-header">
        <div>
          <h1>{s.target.number} {s.target.title[language]}</h1>
          <p className="subtitle">
            {s.code.title[language]} {s.code.version} · {t('overview.principleShort', { number: s.principle.number, title: s.principle.title[language] })} · <RegimeLabel regime={s.target.regime} />
          </p>
        </div>
        <nav className="page-actions" aria-label={t('statement.neighbours')}>
          {neighbours.previous ? <Link className="button button-secondary" to={`${yearBase}/statements/${neighbours.previous}`} rel="prev">{t('statement.previous')}</Link> : null}
          {neighbours.next ? <Link className="button button-secondary" to={`${yearBase}/statements/${neighbours.next}`} rel="next">{t('statement.next')}</Link> : null}
        </nav>
      </div>
      <CoverageNotice coverage={s.code.coverage} provisions={s.provisionsListed} />
      {s.target.kind === 'principle' ? <p className="notice notice-info">{t('statement.onPrinciple')}</p> : null}
      {s.summary ? <p className="provision-summary">{s.summary[language]}</p> : null}
      {locked ? <div className="notice notice-info" role="status">{t('statement.locked')}</div> : null}
      {s.needsReview ? <div className="notice notice-warn">{t('statement.needsReview')}</div> : null}
      <FlagList flags={s.flags} />

      <div className="grid grid-2">
        <section className="card" aria-labelledby="statement-form">
          <h2 id="statement-form">{t('statement.title')}</h2>
          {editable ? (
            <StatementForm statement={s} regime={s.target.regime} state={saveState} />
          ) : (
            <dl className="facts">
              <dt>{t('columns.status')}</dt>
              <dd><StatementStatusBadge status={s.status} /></dd>
              <dt>{t('columns.explanation')}</dt>
              <dd className="prewrap">{s.explanation ?? t('common:none')}</dd>
            </dl>
          )}
        </section>

        <section className="card" aria-labelledby="statement-evidence">
          <h2 id="statement-evidence">{t('evidence.title')}</h2>
          <p><HealthBadge health={s.health} tally={s.tally} /></p>
          <p className="muted">{t('evidence.healthExplained', { year })}</p>
          {s.moments.length > 0 ? (
            <table className="compact">
              <caption>{t('evidence.momentsCaption')}</caption>
              <thead><tr><th scope="col">{t('evidence.dueOn')}</th><th scope="col">{t('evidence.obligation')}</th><th scope="col">{t('columns.status')}</th></tr></thead>
              <tbody>
                {s.moments.map((m) => (
                  <tr key={m.id}>
                    <td><Link to={`/i/${institution.id}/moments/${m.id}`}>{formatDay(m.dueOn, locale)}</Link></td>
                    <td>{m.obligation.title}</td>
                    <td><MomentStatusBadge status={m.status} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}

          <h3>{t('evidence.linked')}</h3>
          <FormError message={stateFor(formState, 'remove-evidence').formError} />
          {s.evidence.length === 0 ? <p className="empty">{t('evidence.none')}</p> : (
            <ul className="list">
              {s.evidence.map((e) => (
                <li key={e.id}>
                  <span>
                    <span className="badge badge-muted">{t(`evidence.kinds.${e.kind}`)}</span>{' '}
                    <Link to={`/i/${institution.id}/${EVIDENCE_PATH[e.kind]}/${e.targetId}`}>{e.label}</Link>
                    {e.detail ? <span className="muted"> · {formatDay(e.detail, locale)}</span> : null}
                  </span>
                  {editable ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="evidenceId" value={e.id} />
                      <IntentButton intent="remove-evidence" match={{ evidenceId: String(e.id) }} className="button-secondary button-small">{t('evidence.remove')}</IntentButton>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          )}

          {editable && options ? EVIDENCE_KINDS.map((kind) => {
            const kindState = stateFor(formState, 'add-evidence', { kind });
            if (options[kind].length === 0) return null;
            return (
              <Form key={kind} method="post" className="inline-fields evidence-form">
                <FormError message={kindState.formError} />
                <input type="hidden" name="kind" value={kind} />
                <SelectField
                  name="targetId"
                  label={t(`evidence.add.${kind}`)}
                  emptyLabel={t('evidence.choose')}
                  options={options[kind].map((o) => ({ value: String(o.id), label: o.label }))}
                  state={kindState}
                />
                <IntentButton intent="add-evidence" match={{ kind }} className="button-secondary button-small">{t('evidence.link')}</IntentButton>
              </Form>
            );
          }) : null}
        </section>
      </div>

      <History events={history.rows} more={history.more} moreHref={`/i/${institution.id}/audit?entity=compliance-statement&entityId=${s.id}`} />
    </>
  );
}
