import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormError, TextField, useFormState } from '~/components/form';
import { IntentButton, stateFor } from '~/components/form-extras';
import { Pagination } from '~/components/list-controls';
import { TableCaption, TableWrap } from '~/components/table-wrap';
import { requireInstitution } from '~/modules/auth/guards.server';
import { PrivacyNav } from '~/modules/privacy/components/privacy-nav';
import { acceptCorrection, rejectCorrection } from '~/modules/privacy/mutations.server';
import { countPendingCorrections, listProposals } from '~/modules/privacy/queries.server';
import { acceptSchema, PROPOSAL_STATUSES, proposalFiltersSchema, rejectSchema } from '~/modules/privacy/schema';
import { attempt, invalidForm } from '~/utils/action-errors.server';
import { formValues, parseForm } from '~/utils/forms';
import { formatInstant } from '~/utils/instants';
import { parseListParams } from '~/utils/list-params';
import { redirectWithToast } from '~/utils/session.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, can } = await requireInstitution(request, params);
  const searchParams = new URL(request.url).searchParams;
  const list = parseListParams(searchParams, ['createdAt'], { sort: 'createdAt' });
  const filters = proposalFiltersSchema.parse(Object.fromEntries(searchParams));
  const [page, pendingCorrections] = await Promise.all([
    listProposals(institution.id, filters, list),
    countPendingCorrections(institution.id),
  ]);
  return json({ institution, can, ...page, params: list, filters, pendingCorrections });
}

const intentSchema = z.object({ intent: z.enum(['accept', 'reject']) });

export async function action({ request, params }: ActionFunctionArgs) {
  const { institution, actor } = await requireInstitution(request, params, 'write');
  const formData = await request.formData();
  const values = formValues(formData);
  const intent = intentSchema.safeParse({ intent: formData.get('intent') });
  if (!intent.success) return invalidForm({}, values, 'common:errors.invalid');
  const back = () => {
    const url = new URL(request.url);
    return redirectWithToast(request, `${url.pathname}${url.search}`, `privacy:toast.${intent.data.intent === 'accept' ? 'correctionAccepted' : 'correctionRejected'}`);
  };
  if (intent.data.intent === 'accept') {
    const form = parseForm(acceptSchema, formData);
    if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
    return attempt(values, () => acceptCorrection(actor, { institutionId: institution.id, ...form.data }), back);
  }
  const form = parseForm(rejectSchema, formData);
  if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
  return attempt(values, () => rejectCorrection(actor, { institutionId: institution.id, ...form.data }), back);
}

export default function CorrectionQueue() {
  const { t, i18n } = useTranslation('privacy');
  const { institution, can, rows, total, params, filters, pendingCorrections } = useLoaderData<typeof loader>();
  const state = useFormState();
  const locale = i18n.language === 'en' ? 'en' : 'nl';
  const base = `/i/${institution.id}`;
  const none = t('common:none');
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('corrections.title')}</h1>
          <p className="subtitle">{t('corrections.intro')}</p>
        </div>
      </div>
      <PrivacyNav institutionId={institution.id} pendingCorrections={pendingCorrections} />

      <Form method="get" className="filters" aria-label={t('corrections.filters')}>
        <div className="field">
          <label htmlFor="correction-status">{t('fields.status')}</label>
          <select id="correction-status" name="status" defaultValue={filters.status}>
            {PROPOSAL_STATUSES.map((s) => <option key={s} value={s}>{t(`corrections.statuses.${s}`)}</option>)}
          </select>
        </div>
        <button type="submit" className="button-secondary">{t('common:actions.filter')}</button>
      </Form>

      {rows.length === 0 ? <p className="empty">{t(filters.status === 'pending' ? 'corrections.nonePending' : 'corrections.none')}</p> : (
        <>
          <p className="muted">{t('corrections.count', { count: total })}</p>
          {rows.map((p) => {
            const match = { proposalId: String(p.id) };
            const own = (intent: string) => stateFor(state, intent, match);
            return (
              <section key={p.id} className="card" aria-labelledby={`proposal-${p.id}`}>
                <div className="card-header">
                  <h2 id={`proposal-${p.id}`}>
                    <Link to={`${base}/privacy/persons/${p.person.id}`}>{p.person.name}</Link>
                  </h2>
                  <span className="muted">
                    {t('corrections.proposedAt', { when: formatInstant(p.createdAt, locale) })}{' '}
                    <span className={`badge ${p.status === 'pending' ? 'badge-warn' : p.status === 'accepted' ? 'badge-ok' : 'badge-muted'}`}>{t(`corrections.statuses.${p.status}`)}</span>
                  </span>
                </div>
                {p.fields.length > 0 ? (
                  <TableWrap>
                    <table>
                      <TableCaption className="visually-hidden">{t('corrections.changes')}</TableCaption>
                      <thead>
                        <tr>
                          <th scope="col">{t('corrections.field')}</th>
                          <th scope="col">{t('corrections.current')}</th>
                          <th scope="col">{t('corrections.proposed')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {p.fields.map((f) => (
                          <tr key={f.field}>
                            <th scope="row">{t(`fields.${f.field}`)}</th>
                            <td>{f.current ?? none}</td>
                            <td>{f.proposed ?? <em>{t('corrections.remove')}</em>}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableWrap>
                ) : null}
                {p.message ? <blockquote className="prewrap">{p.message}</blockquote> : null}
                {p.status !== 'pending' ? (
                  <p className="muted">
                    {t('corrections.reviewed', { who: p.reviewedBy ?? none, when: p.reviewedAt ? formatInstant(p.reviewedAt, locale) : none })}
                    {p.reviewNote ? <> — <span className="prewrap">{p.reviewNote}</span></> : null}
                  </p>
                ) : can.write && !p.person.erased ? (
                  <div className="form-row">
                    <Form method="post" className="inline-form">
                      <FormError message={own('accept').formError} />
                      <input type="hidden" name="proposalId" value={p.id} />
                      <IntentButton intent="accept" match={match}>{t('corrections.accept')}</IntentButton>
                    </Form>
                    <Form method="post" className="stack" noValidate>
                      <FormError message={own('reject').formError} />
                      <input type="hidden" name="proposalId" value={p.id} />
                      <TextField name="reason" label={t('corrections.rejectReason')} hint={t('corrections.rejectHint')} required state={own('reject')} />
                      <div className="form-actions">
                        <IntentButton intent="reject" match={match} className="button-secondary">{t('corrections.reject')}</IntentButton>
                      </div>
                    </Form>
                  </div>
                ) : null}
              </section>
            );
          })}
          <Pagination page={params.page} perPage={params.perPage} total={total} />
        </>
      )}
    </>
  );
}
