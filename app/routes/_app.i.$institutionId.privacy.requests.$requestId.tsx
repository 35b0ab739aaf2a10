import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormError, SelectField, TextAreaField, TextField, useFormState } from '~/components/form';
import { IntentButton, stateFor } from '~/components/form-extras';
import { History } from '~/modules/audit/components/history';
import { listHistory } from '~/modules/audit/queries.server';
import { requireInstitution } from '~/modules/auth/guards.server';
import { Fact } from '~/modules/parties/components/party-view';
import { RequestStatusBadge } from '~/modules/privacy/components/request-labels';
import { closeRequest, extendRequest, startRequest } from '~/modules/privacy/mutations.server';
import { getRequest } from '~/modules/privacy/queries.server';
import { canExtend, CLOSED_REQUEST_STATUSES, extendedDueOn, isOpenStatus } from '~/modules/privacy/rules';
import { requestCloseSchema, requestExtendSchema, requestStartSchema } from '~/modules/privacy/schema';
import { useDays } from '~/modules/stakeholders/components/labels';
import { attempt, invalidForm } from '~/utils/action-errors.server';
import { today } from '~/utils/dates';
import { notFound } from '~/utils/errors';
import { formValues, parseForm } from '~/utils/forms';
import { idParam } from '~/utils/route-params';
import { redirectWithToast } from '~/utils/session.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, can } = await requireInstitution(request, params);
  const requestId = idParam(params.requestId);
  const day = today();
  const detail = await getRequest(institution.id, requestId, day);
  if (!detail) throw notFound();
  const history = await listHistory(institution.id, 'data-subject-request', requestId);
  return json({
    institution, can, request: detail, history, today: day,
    extension: { verdict: canExtend(detail, day), to: extendedDueOn(detail.receivedOn) },
  });
}

const intentSchema = z.object({ intent: z.enum(['start', 'extend', 'close']) });

export async function action({ request, params }: ActionFunctionArgs) {
  const { institution, actor } = await requireInstitution(request, params, 'write');
  const requestId = idParam(params.requestId);
  const formData = await request.formData();
  const intent = intentSchema.safeParse({ intent: formData.get('intent') });
  if (!intent.success) return invalidForm({}, formValues(formData), 'common:errors.invalid');
  const one = { institutionId: institution.id, requestId };
  const done = (toast: string) => () => redirectWithToast(request, new URL(request.url).pathname, toast);

  if (intent.data.intent === 'start') {
    const form = parseForm(requestStartSchema, formData);
    if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
    return attempt(formValues(formData), () => startRequest(actor, { ...one, ...form.data }), done('privacy:toast.requestStarted'));
  }
  if (intent.data.intent === 'extend') {
    const form = parseForm(requestExtendSchema, formData);
    if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
    return attempt(formValues(formData), () => extendRequest(actor, { ...one, ...form.data }), done('privacy:toast.requestExtended'));
  }
  const form = parseForm(requestCloseSchema, formData);
  if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
  return attempt(formValues(formData), () => closeRequest(actor, { ...one, ...form.data }), done('privacy:toast.requestClosed'));
}

export default function RequestPage() {
  const { t } = useTranslation('privacy');
  const { day } = useDays();
  const { institution, can, request: r, history, today, extension } = useLoaderData<typeof loader>();
  const state = useFormState();
  const base = `/i/${institution.id}`;
  const open = isOpenStatus(r.status);
  return (
    <>
      <p className="breadcrumbs"><Link to={`${base}/privacy`}>{t('requests.title')}</Link></p>
      <div className="page-header">
        <div>
          <h1>{t('requests.detailTitle', { kind: t(`kinds.${r.kind}`), requester: r.requester })}</h1>
          <p className="subtitle"><RequestStatusBadge status={r.status} overdue={r.overdue} /></p>
        </div>
        {can.write && open && r.status === 'open' ? (
          <div className="page-actions">
            <Form method="post" className="inline-form">
              <input type="hidden" name="version" value={r.version} />
              <IntentButton intent="start" className="button-secondary">{t('requests.start')}</IntentButton>
            </Form>
          </div>
        ) : null}
      </div>
      <FormError message={stateFor(state, 'start').formError} />

      <div className="grid grid-2">
        <section className="card" aria-labelledby="facts-heading">
          <h2 id="facts-heading">{t('requests.facts')}</h2>
          <dl className="facts">
            <Fact label={t('fields.kind')}>{t(`kinds.${r.kind}`)}</Fact>
            <Fact label={t('fields.requester')}>{r.requester}</Fact>
            <Fact label={t('fields.person')}>
              {r.person ? <Link to={`${base}/privacy/persons/${r.person.id}`}>{r.person.name}</Link> : null}
            </Fact>
            <Fact label={t('fields.receivedOn')}>{day(r.receivedOn)}</Fact>
            <Fact label={t('fields.dueOn')}>{day(r.dueOn)}</Fact>
            {r.extendedTo ? <Fact label={t('fields.extendedTo')}>{day(r.extendedTo)}</Fact> : null}
            {r.extensionReason ? <Fact label={t('fields.extensionReason')}><span className="prewrap">{r.extensionReason}</span></Fact> : null}
            <Fact label={t('fields.handledBy')}>{r.handledBy?.name}</Fact>
            {r.closedOn ? <Fact label={t('fields.closedOn')}>{day(r.closedOn)}</Fact> : null}
            {r.outcome ? <Fact label={t('fields.outcome')}><span className="prewrap">{r.outcome}</span></Fact> : null}
          </dl>
          {r.person && can.write ? (
            <p><Link to={`${base}/privacy/persons/${r.person.id}`}>{t(`requests.next.${r.kind}`, { defaultValue: t('requests.next.default') })}</Link></p>
          ) : null}
        </section>

        {can.write && open ? (
          <div className="stack">
            {extension.verdict === 'ok' ? (
              <section className="card" aria-labelledby="extend-heading">
                <h2 id="extend-heading">{t('requests.extendTitle')}</h2>
                <p className="muted">{t('requests.extendIntro', { date: day(extension.to) })}</p>
                <Form method="post" className="stack" noValidate>
                  <FormError message={stateFor(state, 'extend').formError} />
                  <input type="hidden" name="version" value={r.version} />
                  <TextAreaField name="reason" label={t('fields.extensionReason')} required rows={3} state={stateFor(state, 'extend')} />
                  <div className="form-actions">
                    <IntentButton intent="extend" className="button-secondary">{t('requests.extend')}</IntentButton>
                  </div>
                </Form>
              </section>
            ) : null}
            {extension.verdict === 'too-late' ? <p className="notice notice-warn">{t('requests.extensionTooLate')}</p> : null}

            <section className="card" aria-labelledby="close-heading">
              <h2 id="close-heading">{t('requests.closeTitle')}</h2>
              <Form method="post" className="stack" noValidate>
                <FormError message={stateFor(state, 'close').formError} />
                <input type="hidden" name="version" value={r.version} />
                <SelectField
                  name="status" label={t('requests.closeAs')} required state={stateFor(state, 'close')} defaultValue="completed"
                  options={CLOSED_REQUEST_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
                />
                <TextAreaField name="outcome" label={t('fields.outcome')} hint={t('requests.outcomeHint')} required rows={4} state={stateFor(state, 'close')} />
                <TextField name="closedOn" type="date" label={t('fields.closedOn')} required max={today} defaultValue={today} state={stateFor(state, 'close')} />
                <div className="form-actions">
                  <IntentButton intent="close">{t('requests.close')}</IntentButton>
                </div>
              </Form>
            </section>
          </div>
        ) : null}
      </div>

      <History events={history.rows} more={history.more} moreHref={can.manage ? `${base}/audit?entity=data-subject-request&entityId=${r.id}` : undefined} />
    </>
  );
}
