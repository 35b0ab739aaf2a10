import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormError, SelectField, TextAreaField, useFormState } from '~/components/form';
import { CheckboxField, IntentButton, stateFor } from '~/components/form-extras';
import { TableCaption, TableWrap } from '~/components/table-wrap';
import { requireInstitution } from '~/modules/auth/guards.server';
import { addressLine, Fact } from '~/modules/parties/components/party-view';
import { erasePerson } from '~/modules/privacy/erasure.server';
import { sendPortalLink, setLegalHold } from '~/modules/privacy/mutations.server';
import { getPrivacyPerson } from '~/modules/privacy/queries.server';
import { RequestStatusBadge } from '~/modules/privacy/components/request-labels';
import { PORTAL_LINK_VALID_DAYS, PORTAL_SESSION_MINUTES } from '~/modules/privacy/rules';
import { eraseSchema, legalHoldSchema, portalAddressOf, portalLinkSchema } from '~/modules/privacy/schema';
import { useDays } from '~/modules/stakeholders/components/labels';
import { attempt, invalidForm } from '~/utils/action-errors.server';
import { today } from '~/utils/dates';
import { forbidden, notFound } from '~/utils/errors';
import { formValues, parseForm } from '~/utils/forms';
import { formatInstant } from '~/utils/instants';
import { idParam } from '~/utils/route-params';
import { redirectWithToast } from '~/utils/session.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution, can } = await requireInstitution(request, params);
  const view = await getPrivacyPerson(institution.id, idParam(params.personId), today());
  if (!view) throw notFound();
  return json({ institution, can, ...view });
}

const intentSchema = z.object({ intent: z.enum(['send-link', 'legal-hold', 'lift-legal-hold', 'erase']) });
// Holding and erasing are the manager's decisions (as merging is); sending a link is everyday work.
const MANAGE_INTENTS = new Set(['legal-hold', 'lift-legal-hold', 'erase']);

export async function action({ request, params }: ActionFunctionArgs) {
  const { institution, actor, can } = await requireInstitution(request, params, 'write');
  const personId = idParam(params.personId);
  const formData = await request.formData();
  const values = formValues(formData);
  const intent = intentSchema.safeParse({ intent: formData.get('intent') });
  if (!intent.success) return invalidForm({}, values, 'common:errors.invalid');
  if (MANAGE_INTENTS.has(intent.data.intent) && !can.manage) throw forbidden();
  const one = { institutionId: institution.id, personId };
  const done = (toast: string) => () => redirectWithToast(request, new URL(request.url).pathname, toast);

  switch (intent.data.intent) {
    case 'send-link': {
      const form = parseForm(portalLinkSchema, formData);
      if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
      return attempt(values, () => sendPortalLink(actor, { ...one, address: portalAddressOf(form.data.address) }), done('privacy:toast.linkSent'));
    }
    case 'legal-hold': {
      const form = parseForm(legalHoldSchema, formData);
      if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
      return attempt(values, () => setLegalHold(actor, { ...one, reason: form.data.reason }), done('privacy:toast.holdRecorded'));
    }
    case 'lift-legal-hold':
      return attempt(values, () => setLegalHold(actor, { ...one, reason: null }), done('privacy:toast.holdLifted'));
    case 'erase': {
      const form = parseForm(eraseSchema, formData);
      if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
      return attempt(values, () => erasePerson(actor, one), done('privacy:toast.erased'));
    }
  }
}

export default function PersonPrivacyPage() {
  const { t, i18n } = useTranslation('privacy');
  const { day } = useDays();
  const { institution, can, person, addresses, portalLinks, requests, pendingProposals } = useLoaderData<typeof loader>();
  const state = useFormState();
  const base = `/i/${institution.id}`;
  const locale = i18n.language === 'en' ? 'en' : 'nl';
  const erased = person.erasedAt !== null;
  const merged = person.mergedIntoId !== null;
  return (
    <>
      <p className="breadcrumbs"><Link to={`${base}/privacy`}>{t('requests.title')}</Link></p>
      <div className="page-header">
        <div>
          <h1>{t('person.title', { name: person.displayName })}</h1>
          <p className="subtitle">
            {erased ? <span className="badge badge-muted">{t('person.erased', { when: formatInstant(person.erasedAt!, locale) })}</span> : t('person.intro')}
          </p>
        </div>
        <div className="page-actions">
          <Link className="button-secondary button" to={`${base}/parties/persons/${person.id}`}>{t('person.toDirectory')}</Link>
          {can.write ? <Link className="button-secondary button" to={`${base}/privacy/requests/new?personId=${person.id}`}>{t('requests.new')}</Link> : null}
        </div>
      </div>

      {merged ? <p className="notice notice-info">{t('person.mergedAway')} <Link to={`${base}/privacy/persons/${person.mergedIntoId}`}>{t('person.toSurvivor')}</Link></p> : null}

      <div className="grid grid-2">
        <section className="card" aria-labelledby="held-heading">
          <h2 id="held-heading">{t('person.held')}</h2>
          <dl className="facts">
            <Fact label={t('fields.email')}>{person.email}</Fact>
            <Fact label={t('fields.phone')}>{person.phone}</Fact>
            <Fact label={t('fields.address')}>{addressLine(person)}</Fact>
            <Fact label={t('fields.source')}>{person.source}</Fact>
            <Fact label={t('fields.legalBasis')}>{person.legalBasis ? t(`parties:legalBases.${person.legalBasis}`) : null}</Fact>
            <Fact label={t('fields.lastVerifiedOn')}>{person.lastVerifiedOn ? day(person.lastVerifiedOn) : null}</Fact>
          </dl>
          {can.write && !erased ? (
            <p className="form-actions">
              <Link className="button" to={`${base}/privacy/persons/${person.id}/access`}>{t('access.open')}</Link>
              <a className="button button-secondary" href={`${base}/privacy/persons/${person.id}/access.json`} download>{t('access.downloadJson')}</a>
            </p>
          ) : null}
          {pendingProposals > 0 ? <p><Link to={`${base}/privacy/corrections`}>{t('person.pendingProposals', { count: pendingProposals })}</Link></p> : null}
        </section>

        <section className="card" aria-labelledby="hold-heading">
          <h2 id="hold-heading">{t('hold.title')}</h2>
          {person.legalHold ? (
            <div className="notice notice-warn">
              <strong>{t('hold.active')}</strong>
              <p className="prewrap">{person.legalHold}</p>
            </div>
          ) : <p className="muted">{t('hold.none')}</p>}
          {can.manage && !erased ? (
            person.legalHold ? (
              <Form method="post" className="inline-form">
                <IntentButton intent="lift-legal-hold" className="button-secondary">{t('hold.lift')}</IntentButton>
              </Form>
            ) : (
              <Form method="post" className="stack" noValidate>
                <FormError message={stateFor(state, 'legal-hold').formError} />
                <TextAreaField name="reason" label={t('hold.reason')} hint={t('hold.reasonHint')} required rows={2} state={stateFor(state, 'legal-hold')} />
                <div className="form-actions">
                  <IntentButton intent="legal-hold" className="button-secondary">{t('hold.record')}</IntentButton>
                </div>
              </Form>
            )
          ) : null}
        </section>
      </div>

      {!erased && !merged ? (
        <section className="card" aria-labelledby="portal-heading">
          <h2 id="portal-heading">{t('portalLink.title')}</h2>
          <p className="muted">{t('portalLink.intro', { days: PORTAL_LINK_VALID_DAYS, minutes: PORTAL_SESSION_MINUTES })}</p>
          {can.write ? (
            addresses.length === 0 ? <p className="notice notice-info">{t('portalLink.noAddress')}</p> : (
              <Form method="post" className="stack" noValidate>
                <FormError message={stateFor(state, 'send-link').formError} />
                <SelectField
                  name="address" label={t('portalLink.address')} required state={stateFor(state, 'send-link')}
                  defaultValue={addresses[0]?.value}
                  options={addresses.map((a) => ({ value: a.value, label: a.organisation ? t('portalLink.businessAddress', { email: a.email, organisation: a.organisation }) : t('portalLink.privateAddress', { email: a.email }) }))}
                />
                <div className="form-actions">
                  <IntentButton intent="send-link">{t('portalLink.send')}</IntentButton>
                </div>
              </Form>
            )
          ) : null}
          {portalLinks.length > 0 ? (
            <TableWrap>
              <table>
                <TableCaption>{t('portalLink.sent')}</TableCaption>
                <thead>
                  <tr>
                    <th scope="col">{t('portalLink.sentAt')}</th>
                    <th scope="col">{t('portalLink.sentBy')}</th>
                    <th scope="col">{t('portalLink.state')}</th>
                  </tr>
                </thead>
                <tbody>
                  {portalLinks.map((l) => (
                    <tr key={l.id}>
                      <td>{formatInstant(l.sentAt, locale)}</td>
                      <td>{l.sentBy ?? t('common:none')}</td>
                      <td>
                        {l.usedAt ? t('portalLink.states.used', { when: formatInstant(l.usedAt, locale) })
                          : l.revokedAt ? t('portalLink.states.revoked')
                            : l.expired ? t('portalLink.states.expired')
                              : t('portalLink.states.waiting', { until: formatInstant(l.expiresAt, locale) })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          ) : null}
        </section>
      ) : null}

      <section className="card" aria-labelledby="requests-heading">
        <h2 id="requests-heading">{t('person.requests')}</h2>
        {requests.length === 0 ? <p className="empty">{t('person.noRequests')}</p> : (
          <ul className="list">
            {requests.map((r) => (
              <li key={r.id}>
                <Link to={`${base}/privacy/requests/${r.id}`}>{t(`kinds.${r.kind}`)} · {day(r.receivedOn)}</Link>
                <span><RequestStatusBadge status={r.status} overdue={r.overdue} /></span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {can.manage && !erased && !merged ? (
        <section className="card" aria-labelledby="erase-heading">
          <h2 id="erase-heading">{t('erase.title')}</h2>
          <p>{t('erase.intro')}</p>
          <ul>
            <li>{t('erase.clears')}</li>
            <li>{t('erase.keeps')}</li>
            <li>{t('erase.redacts')}</li>
          </ul>
          {person.legalHold ? <p className="notice notice-warn" role="status">{t('erase.legalHold')}</p> : null}
          <Form method="post" className="stack" noValidate>
            <FormError message={stateFor(state, 'erase').formError} />
            <CheckboxField name="confirm" label={t('erase.confirm', { name: person.displayName })} state={stateFor(state, 'erase')} />
            <div className="form-actions">
              <IntentButton intent="erase" className="button-danger">{t('erase.submit')}</IntentButton>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}
