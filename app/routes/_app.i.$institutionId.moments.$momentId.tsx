import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormError, SelectField, TextAreaField, TextField, useFormState } from '~/components/form';
import { IntentButton, stateFor } from '~/components/form-extras';
import { History } from '~/modules/audit/components/history';
import { listHistory } from '~/modules/audit/queries.server';
import { requireInstitution } from '~/modules/auth/guards.server';
import { readUpload, readUploadForm, UploadTooLargeError } from '~/modules/obligations/attachments.server';
import { AttachmentFields, AttachmentList } from '~/modules/obligations/components/attachments';
import { MomentStatusBadge, useDateLocale } from '~/modules/obligations/components/moment-status';
import {
  addEvidence, recordRendering, removeEvidence, undoRendering, undoWaiver, waiveMoment,
} from '~/modules/obligations/mutations.server';
import { listMemberOptions, WRITE_ROLES } from '~/modules/obligations/people.server';
import { getMoment } from '~/modules/obligations/queries.server';
import { periodLabel } from '~/modules/obligations/rules';
import { evidenceSchema, removeEvidenceSchema, renderSchema, versionOnlySchema, waiveSchema } from '~/modules/obligations/schema';
import { attempt, invalidForm } from '~/utils/action-errors.server';
import { formatDay, today } from '~/utils/dates';
import { forbidden, notFound } from '~/utils/errors';
import { formValues, parseForm } from '~/utils/forms';
import { idParam } from '~/utils/route-params';
import { redirectWithToast } from '~/utils/session.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, can, user } = await requireInstitution(request, params);
  const day = today();
  const moment = await getMoment(institution.id, idParam(params.momentId), day);
  if (!moment) throw notFound();
  const [members, history] = await Promise.all([
    listMemberOptions(institution.id, WRITE_ROLES),
    listHistory(institution.id, 'reporting-moment', moment.id),
  ]);
  return json({ institution, can, moment, members, history, today: day, userId: user.id });
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Every change here needs `write`; waiving and undoing a waiver need `manage` on top.
  const { institution, actor, can } = await requireInstitution(request, params, 'write');
  const momentId = idParam(params.momentId);
  let formData: FormData;
  try {
    formData = await readUploadForm(request);
  } catch (error) {
    if (error instanceof UploadTooLargeError) return invalidForm({}, {}, 'obligations:attachments.requestTooLarge');
    throw error;
  }
  const values = formValues(formData);
  const intent = formData.get('intent');
  const target = { institutionId: institution.id, momentId };
  const back = (toast: string) => () => redirectWithToast(request, `/i/${institution.id}/moments/${momentId}`, toast);

  switch (intent) {
    case 'render': {
      const day = today();
      const form = parseForm(renderSchema(day), formData);
      const file = await readUpload(formData, 'evidenceFile');
      if (!form.success || file.error) {
        const errors = { ...(form.success ? {} : form.errors), ...(file.error ? { evidenceFile: file.error } : {}) };
        return invalidForm(errors, form.success ? values : form.values, 'common:errors.invalid');
      }
      const { evidenceTitle, evidenceUrl, ...rendering } = form.data;
      return attempt(values, () => recordRendering(actor, {
        ...target, ...rendering, evidence: { title: evidenceTitle, url: evidenceUrl, upload: file.upload },
      }, day), back('obligations:toast.rendered'));
    }
    case 'undo-render': {
      const form = parseForm(versionOnlySchema, formData);
      if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
      return attempt(values, () => undoRendering(actor, { ...target, ...form.data }), back('obligations:toast.renderingUndone'));
    }
    case 'waive': {
      if (!can.manage) throw forbidden();
      const form = parseForm(waiveSchema, formData);
      if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
      return attempt(values, () => waiveMoment(actor, { ...target, ...form.data }), back('obligations:toast.waived'));
    }
    case 'undo-waive': {
      if (!can.manage) throw forbidden();
      const form = parseForm(versionOnlySchema, formData);
      if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
      return attempt(values, () => undoWaiver(actor, { ...target, ...form.data }), back('obligations:toast.waiverUndone'));
    }
    case 'add-evidence': {
      const form = parseForm(evidenceSchema, formData);
      const file = await readUpload(formData, 'evidenceFile');
      const nothing = form.success && !file.upload && !file.error && !form.data.evidenceUrl;
      if (!form.success || file.error || nothing) {
        const errors = {
          ...(form.success ? {} : form.errors),
          ...(file.error ? { evidenceFile: file.error } : nothing ? { evidenceFile: 'obligations:attachments.fileOrLink' } : {}),
        };
        return invalidForm(errors, form.success ? values : form.values, 'common:errors.invalid');
      }
      return attempt(values, () => addEvidence(actor, {
        ...target, title: form.data.evidenceTitle, url: form.data.evidenceUrl, upload: file.upload,
      }), back('obligations:toast.evidenceAdded'));
    }
    case 'remove-evidence': {
      const form = parseForm(removeEvidenceSchema, formData);
      if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
      return attempt(values, () => removeEvidence(actor, { ...target, ...form.data }), back('obligations:toast.evidenceRemoved'));
    }
    default:
      return invalidForm({}, values, 'obligations:moment.unknownIntent');
  }
}

export default function MomentPage() {
  const { t, i18n } = useTranslation('obligations');
  const locale = useDateLocale();
  const language = i18n.language === 'en' ? 'en' : 'nl';
  const { institution, can, moment: m, members, history, today: day, userId } = useLoaderData<typeof loader>();
  const state = useFormState();
  const renderState = stateFor(state, 'render');
  const waiveState = stateFor(state, 'waive');
  const evidenceState = stateFor(state, 'add-evidence');
  const otherError = ['render', 'waive', 'add-evidence'].includes(String(state.values.intent ?? '')) ? undefined : state.formError;
  const base = `/i/${institution.id}`;
  const period = periodLabel(m.periodStart, m.periodEnd, locale);
  const open = !m.renderedOn && !m.waivedOn;
  return (
    <>
      <p className="breadcrumbs">
        <Link to={`${base}/calendar`}>{t('calendar:title')}</Link> › <Link to={`${base}/obligations/${m.obligation.id}`}>{m.obligation.title}</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>{t('moment.title', { obligation: m.obligation.title, period })}</h1>
          <p className="subtitle">
            <MomentStatusBadge status={m.status} /> {t('moment.dueOn', { date: formatDay(m.dueOn, locale) })}
          </p>
        </div>
      </div>
      <FormError message={otherError} />

      <div className="grid grid-2">
        <section className="card" aria-labelledby="moment-facts">
          <h2 id="moment-facts">{t('moment.facts')}</h2>
          <dl className="facts">
            <dt>{t('detail.dueOn')}</dt>
            <dd>{formatDay(m.dueOn, locale)}</dd>
            <dt>{t('moment.remindFrom')}</dt>
            <dd>{formatDay(m.remindFrom, locale)} ({t('detail.leadTimeDays', { count: m.leadTimeDays })})</dd>
            <dt>{t('detail.period')}</dt>
            <dd>{period} ({t(`reportsOn.${m.reportsOn}`)})</dd>
            <dt>{t('form.toWhom')}</dt>
            <dd>
              {m.stakeholders.map((s, i) => (
                <span key={s.id}>{i > 0 ? ', ' : ''}<Link to={`${base}/stakeholders/${s.id}`}>{s.name}</Link></span>
              ))}
              {m.obligation.forum ? <>{m.stakeholders.length ? ', ' : ''}{m.obligation.forum}</> : null}
              {m.stakeholders.length === 0 && !m.obligation.forum ? t('common:none') : null}
            </dd>
            <dt>{t('form.form')}</dt>
            <dd>{t(`forms.${m.obligation.form}`)}</dd>
            <dt>{t('form.responsible')}</dt>
            <dd>{m.responsible?.name ?? t('common:none')}</dd>
            <dt>{t('form.obligation')}</dt>
            <dd><Link to={`${base}/obligations/${m.obligation.id}`}>{m.obligation.title}</Link></dd>
            <dt>{t('form.agreement')}</dt>
            <dd>{m.agreement ? <Link to={`${base}/agreements/${m.agreement.id}`}>{m.agreement.title}</Link> : t('common:none')}</dd>
            <dt>{t('form.basis')}</dt>
            <dd>{m.basis ?? t('common:none')}</dd>
            <dt>{t('form.provisions')}</dt>
            <dd>
              {m.provisions.length === 0 ? t('common:none') : m.provisions.map((p, i) => (
                <span key={p.id}>{i > 0 ? '; ' : ''}<Link to={`${base}/compliance?provision=${p.id}`}>{p.codeTitle[language]} {p.number}</Link></span>
              ))}
            </dd>
          </dl>
        </section>

        <section className="card" aria-labelledby="moment-account">
          <h2 id="moment-account">{t('moment.account')}</h2>
          {m.renderedOn ? (
            <>
              <p>{t('moment.renderedBy', { date: formatDay(m.renderedOn, locale), name: m.renderedBy?.name ?? t('attachments.someone') })}</p>
              {m.note ? <p className="prewrap">{m.note}</p> : null}
              {can.write ? (
                <Form method="post">
                  <input type="hidden" name="version" value={m.version} />
                  <IntentButton intent="undo-render" className="button-secondary">{t('moment.undoRender')}</IntentButton>
                </Form>
              ) : null}
            </>
          ) : null}
          {m.waivedOn ? (
            <>
              <p>{t('moment.waivedBy', { date: formatDay(m.waivedOn, locale), name: m.waivedBy ?? t('attachments.someone') })}</p>
              <p className="prewrap">{m.waiveReason}</p>
              {can.manage ? (
                <Form method="post">
                  <input type="hidden" name="version" value={m.version} />
                  <IntentButton intent="undo-waive" className="button-secondary">{t('moment.undoWaive')}</IntentButton>
                </Form>
              ) : null}
            </>
          ) : null}
          {open ? <p>{t(`moment.openExplained.${m.status}`)}</p> : null}
        </section>
      </div>

      {can.write && !m.waivedOn ? (
        <section className="card" aria-labelledby="moment-render">
          <h2 id="moment-render">{m.renderedOn ? t('moment.correctRendering') : t('moment.render')}</h2>
          <Form method="post" encType="multipart/form-data" className="stack" noValidate>
            <FormError message={renderState.formError} />
            <input type="hidden" name="version" value={m.version} />
            <div className="form-row">
              <TextField
                name="renderedOn" type="date" max={day} label={t('moment.renderedOn')} hint={t('moment.renderedOnHint')} required
                defaultValue={m.renderedOn ?? day} state={renderState}
              />
              <SelectField
                name="renderedByUserId" label={t('moment.renderedByLabel')} state={renderState}
                defaultValue={m.renderedBy?.id ?? (members.some((x) => x.id === userId) ? userId : undefined)}
                emptyLabel={t('moment.me')}
                options={members.map((x) => ({ value: String(x.id), label: x.label }))}
              />
            </div>
            <TextAreaField name="note" label={t('moment.note')} hint={t('moment.noteHint')} defaultValue={m.note} rows={3} state={renderState} />
            <AttachmentFields prefix="evidence" state={renderState} legend={t('moment.evidenceWithRendering')} />
            <div className="form-actions">
              <IntentButton intent="render">{m.renderedOn ? t('moment.saveRendering') : t('moment.recordRendering')}</IntentButton>
            </div>
          </Form>
        </section>
      ) : null}

      {can.manage && open ? (
        <section className="card" aria-labelledby="moment-waive">
          <h2 id="moment-waive">{t('moment.waive')}</h2>
          <p className="muted">{t('moment.waiveExplained')}</p>
          <Form method="post" className="stack" noValidate>
            <FormError message={waiveState.formError} />
            <input type="hidden" name="version" value={m.version} />
            <TextAreaField name="reason" label={t('moment.waiveReason')} required rows={2} state={waiveState} />
            <div className="form-actions">
              <IntentButton intent="waive" className="button-secondary">{t('moment.waiveButton')}</IntentButton>
            </div>
          </Form>
        </section>
      ) : null}

      <section className="card" aria-labelledby="moment-evidence">
        <h2 id="moment-evidence">{t('moment.evidence')}</h2>
        <AttachmentList
          attachments={m.evidence}
          downloadHref={(id) => `${base}/moments/${m.id}/evidence/${id}`}
          removeIntent={can.write ? 'remove-evidence' : undefined}
        />
        {can.write ? (
          <Form method="post" encType="multipart/form-data" className="stack" noValidate>
            <FormError message={evidenceState.formError} />
            <AttachmentFields prefix="evidence" state={evidenceState} legend={t('moment.addEvidence')} />
            <div className="form-actions">
              <IntentButton intent="add-evidence" className="button-secondary">{t('moment.addEvidenceButton')}</IntentButton>
            </div>
          </Form>
        ) : null}
      </section>

      <History events={history.rows} more={history.more} moreHref={`${base}/audit?entity=reporting-moment&entityId=${m.id}`} />
    </>
  );
}
