import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormError, TextAreaField, TextField, useFormState } from '~/components/form';
import { CheckboxField, IntentButton, stateFor } from '~/components/form-extras';
import { AgreementStatusBadge } from '~/modules/agreements/components/agreement-form';
import { addAgreementDocument, changeAgreementStatus, removeAgreementDocument } from '~/modules/agreements/mutations.server';
import { getAgreement } from '~/modules/agreements/queries.server';
import { allowedTransitions, isClosing, isReopening, reviewState } from '~/modules/agreements/rules';
import { agreementStatusSchema, documentSchema, removeDocumentSchema } from '~/modules/agreements/schema';
import { History } from '~/modules/audit/components/history';
import { listHistory } from '~/modules/audit/queries.server';
import { requireInstitution } from '~/modules/auth/guards.server';
import { readUpload, readUploadForm, UploadTooLargeError } from '~/modules/obligations/attachments.server';
import { AttachmentFields, AttachmentList } from '~/modules/obligations/components/attachments';
import { useDateLocale } from '~/modules/obligations/components/moment-status';
import { attempt, invalidForm } from '~/utils/action-errors.server';
import { formatDay, today } from '~/utils/dates';
import { notFound } from '~/utils/errors';
import { formValues, parseForm } from '~/utils/forms';
import { idParam } from '~/utils/route-params';
import { redirectWithToast } from '~/utils/session.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, can } = await requireInstitution(request, params);
  const agreement = await getAgreement(institution.id, idParam(params.agreementId));
  if (!agreement) throw notFound();
  const history = await listHistory(institution.id, 'agreement', agreement.id);
  return json({ institution, can, agreement, history, today: today() });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { institution, actor } = await requireInstitution(request, params, 'write');
  const agreementId = idParam(params.agreementId);
  let formData: FormData;
  try {
    formData = await readUploadForm(request);
  } catch (error) {
    if (error instanceof UploadTooLargeError) return invalidForm({}, {}, 'obligations:attachments.requestTooLarge');
    throw error;
  }
  const values = formValues(formData);
  const target = { institutionId: institution.id, agreementId };
  const back = (toast: string) => () => redirectWithToast(request, `/i/${institution.id}/agreements/${agreementId}`, toast);
  switch (formData.get('intent')) {
    case 'status': {
      const form = parseForm(agreementStatusSchema, formData);
      if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
      return attempt(values, () => changeAgreementStatus(actor, { ...target, ...form.data }), back('agreements:toast.statusChanged'));
    }
    case 'add-document': {
      const form = parseForm(documentSchema, formData);
      const file = await readUpload(formData, 'file');
      const nothing = form.success && !file.upload && !file.error && !form.data.url;
      if (!form.success || file.error || nothing) {
        const errors = {
          ...(form.success ? {} : form.errors),
          ...(file.error ? { file: file.error } : nothing ? { file: 'obligations:attachments.fileOrLink' } : {}),
        };
        return invalidForm(errors, form.success ? values : form.values, 'common:errors.invalid');
      }
      return attempt(values, () => addAgreementDocument(actor, { ...target, ...form.data, upload: file.upload }), back('agreements:toast.documentAdded'));
    }
    case 'remove-document': {
      const form = parseForm(removeDocumentSchema, formData);
      if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
      return attempt(values, () => removeAgreementDocument(actor, { ...target, ...form.data }), back('agreements:toast.documentRemoved'));
    }
    default:
      return invalidForm({}, values, 'agreements:unknownIntent');
  }
}

export default function AgreementPage() {
  const { t } = useTranslation('agreements');
  const locale = useDateLocale();
  const { institution, can, agreement: a, history, today: day } = useLoaderData<typeof loader>();
  const state = useFormState();
  const statusState = stateFor(state, 'status');
  const documentState = stateFor(state, 'add-document');
  const otherError = ['status', 'add-document'].includes(String(state.values.intent ?? '')) ? undefined : state.formError;
  const base = `/i/${institution.id}`;
  const review = a.status === 'draft' || a.status === 'active' ? reviewState(a.reviewOn, day, 30) : 'none';
  const transitions = allowedTransitions(a.status);
  const canClose = transitions.some((to) => isClosing(a.status, to));
  const running = a.obligations.filter((o) => o.active);
  return (
    <>
      <p className="breadcrumbs"><Link to={`${base}/agreements`}>{t('list.title')}</Link></p>
      <div className="page-header">
        <div>
          <h1>{a.title}</h1>
          <p className="subtitle"><AgreementStatusBadge status={a.status} /> {t(`kinds.${a.kind}`)} · {t(`directions.${a.direction}`)}</p>
        </div>
        {can.write ? (
          <div className="page-actions">
            <Link className="button button-secondary" to={`${base}/obligations/new?agreementId=${a.id}`}>{t('detail.addObligation')}</Link>
            <Link className="button" to={`${base}/agreements/${a.id}/edit`}>{t('common:actions.edit')}</Link>
          </div>
        ) : null}
      </div>
      <FormError message={otherError} />
      {review === 'overdue' ? <div className="notice notice-danger">{t('review.overdueNotice', { date: formatDay(a.reviewOn!, locale) })}</div> : null}
      {review === 'coming-due' ? <div className="notice notice-warn">{t('review.comingDueNotice', { date: formatDay(a.reviewOn!, locale) })}</div> : null}

      <div className="grid grid-2">
        <section className="card" aria-labelledby="agreement-facts">
          <h2 id="agreement-facts">{t('detail.facts')}</h2>
          <dl className="facts">
            <dt>{t('form.stakeholders')}</dt>
            <dd>
              {a.parties.map((p, i) => (
                <span key={p.id}>{i > 0 ? ', ' : ''}<Link to={`${base}/stakeholders/${p.id}`}>{p.name}</Link></span>
              ))}
            </dd>
            <dt>{t('form.startsOn')}</dt>
            <dd>{formatDay(a.startsOn, locale)}</dd>
            <dt>{t('form.endsOn')}</dt>
            <dd>{a.endsOn ? formatDay(a.endsOn, locale) : t('detail.openEnded')}</dd>
            <dt>{t('form.reviewOn')}</dt>
            <dd>{a.reviewOn ? formatDay(a.reviewOn, locale) : t('common:none')}</dd>
            <dt>{t('form.owner')}</dt>
            <dd>{a.ownerName ?? t('common:none')}</dd>
          </dl>
          {a.goals ? (
            <>
              <h3>{t('form.goals')}</h3>
              <p className="prewrap">{a.goals}</p>
            </>
          ) : null}
        </section>

        <section className="card" aria-labelledby="agreement-status">
          <h2 id="agreement-status">{t('detail.status')}</h2>
          <p>{t(`statusExplained.${a.status}`)}</p>
          {can.write && transitions.length > 0 ? (
            <Form method="post" className="stack" noValidate>
              <FormError message={statusState.formError} />
              <input type="hidden" name="version" value={a.version} />
              {canClose ? (
                <>
                  <TextField name="closedOn" type="date" label={t('close.closedOn')} hint={t('close.closedOnHint')} defaultValue={day} state={statusState} />
                  {running.length > 0 ? (
                    <>
                      <p>{t('close.running', { count: running.length })}</p>
                      {running.map((o) => <input key={o.id} type="hidden" name="obligationIds" value={o.id} />)}
                      <CheckboxField
                        name="endObligations"
                        label={t('close.endObligations', { count: running.length })}
                        hint={t('close.endObligationsHint')}
                        defaultChecked
                        state={statusState}
                      />
                    </>
                  ) : null}
                </>
              ) : null}
              {transitions.some((to) => isReopening(a.status, to)) && a.obligations.length > 0 ? <p className="hint">{t('close.reopenHint')}</p> : null}
              <TextAreaField name="reason" label={t('detail.reason')} hint={t('detail.reasonHint')} rows={2} state={statusState} />
              <div className="form-actions">
                {transitions.map((to) => (
                  <button key={to} type="submit" name="status" value={to} className={to === 'terminated' ? 'button-danger' : isReopening(a.status, to) ? 'button-secondary' : undefined}>
                    {t(isReopening(a.status, to) ? 'transitions.reopen' : `transitions.${to}`)}
                  </button>
                ))}
                <input type="hidden" name="intent" value="status" />
              </div>
            </Form>
          ) : null}
        </section>
      </div>

      <section className="card" aria-labelledby="agreement-obligations">
        <h2 id="agreement-obligations">{t('detail.obligations')}</h2>
        {a.obligations.length === 0 ? (
          <p className="empty">{t('detail.noObligations')}</p>
        ) : (
          <ul className="list">
            {a.obligations.map((o) => (
              <li key={o.id}>
                <Link to={`${base}/obligations/${o.id}`}>{o.title}</Link>
                <span className="muted">
                  {t(`obligations:forms.${o.form}`)}
                  {o.active ? (o.endsOn ? ` · ${t('detail.until', { date: formatDay(o.endsOn, locale) })}` : '') : ` · ${t('obligations:list.ended')}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="agreement-documents">
        <h2 id="agreement-documents">{t('detail.documents')}</h2>
        <AttachmentList
          attachments={a.documents}
          downloadHref={(id) => `${base}/agreements/${a.id}/documents/${id}`}
          removeIntent={can.write ? 'remove-document' : undefined}
        />
        {can.write ? (
          <Form method="post" encType="multipart/form-data" className="stack" noValidate>
            <FormError message={documentState.formError} />
            <AttachmentFields state={documentState} legend={t('detail.addDocument')} />
            <div className="form-actions">
              <IntentButton intent="add-document" className="button-secondary">{t('detail.addDocumentButton')}</IntentButton>
            </div>
          </Form>
        ) : null}
      </section>

      <History events={history.rows} more={history.more} moreHref={`${base}/audit?entity=agreement&entityId=${a.id}`} />
    </>
  );
}
