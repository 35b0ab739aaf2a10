import { json, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormError, TextAreaField, TextField, useFormState } from '~/components/form';
import { IntentButton } from '~/components/form-extras';
import { LanguageSwitch } from '~/components/language-switch';
import { TableCaption, TableWrap } from '~/components/table-wrap';
import { addressLine, Fact } from '~/modules/parties/components/party-view';
import { proposeCorrection } from '~/modules/privacy/mutations.server';
import { endPortalSession, getPortalContact } from '~/modules/privacy/portal-session.server';
import { getPortalView, type PortalMoment } from '~/modules/privacy/queries.server';
import { CORRECTABLE_FIELDS } from '~/modules/privacy/rules';
import { correctionSchema } from '~/modules/privacy/schema';
import { useDays } from '~/modules/stakeholders/components/labels';
import { attempt, invalidForm } from '~/utils/action-errors.server';
import { today } from '~/utils/dates';
import { formValues, parseForm } from '~/utils/forms';
import { formatInstant } from '~/utils/instants';

/**
 * Public, but only with a portal session (the cookie a followed link sets, scoped to /portal):
 * the contact's own data, their organisations' relationship, agreements and reporting moments,
 * and the correction form. Nothing here takes an id from the request: the session's link decides.
 */
export const meta: MetaFunction = () => [{ title: 'Horizon' }, { name: 'robots', content: 'noindex' }];
export const headers: HeadersFunction = () => ({ 'Cache-Control': 'no-store' });

const ended = () => json({ ended: true as const }, { status: 401, headers: { 'Cache-Control': 'no-store' } });

export async function loader({ request }: LoaderFunctionArgs) {
  const contact = await getPortalContact(request);
  if (!contact) return ended();
  const view = await getPortalView(contact.institutionId, contact.personId, today());
  if (!view) return ended();
  return json({ ended: false as const, view, sessionEndsAt: contact.expiresAt }, { headers: { 'Cache-Control': 'no-store' } });
}

const intentSchema = z.object({ intent: z.enum(['propose', 'leave']) });

export async function action({ request }: ActionFunctionArgs) {
  const contact = await getPortalContact(request);
  if (!contact) return ended();
  const formData = await request.formData();
  const values = formValues(formData);
  const intent = intentSchema.safeParse({ intent: formData.get('intent') });
  if (!intent.success) return invalidForm({}, values, 'common:errors.invalid');
  if (intent.data.intent === 'leave') {
    return redirect('/portal', { headers: { 'Set-Cookie': await endPortalSession(request) } });
  }
  const form = parseForm(correctionSchema, formData);
  if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
  return attempt(values, () => proposeCorrection(contact, form.data), () => redirect('/portal?sent=1'));
}

function MomentTable({ caption, moments, rendered }: { caption: string; moments: PortalMoment[]; rendered: boolean }) {
  const { t } = useTranslation('privacy');
  const { day } = useDays();
  if (moments.length === 0) return <p className="empty">{t(rendered ? 'portal.noRendered' : 'portal.noUpcoming')}</p>;
  return (
    <TableWrap>
      <table>
        <TableCaption>{caption}</TableCaption>
        <thead>
          <tr>
            <th scope="col">{t('portal.moment')}</th>
            <th scope="col">{t('portal.period')}</th>
            <th scope="col">{t('fields.dueOn')}</th>
            <th scope="col">{t(rendered ? 'portal.renderedOn' : 'fields.status')}</th>
          </tr>
        </thead>
        <tbody>
          {moments.map((m) => (
            <tr key={m.id}>
              <td>{m.title} <span className="muted">({t(`obligations:forms.${m.form}`)})</span></td>
              <td>{day(m.periodStart)} – {day(m.periodEnd)}</td>
              <td>{day(m.dueOn)}</td>
              <td>{rendered ? `${day(m.renderedOn)} · ${t(`obligations:status.${m.status}`)}` : t(`obligations:status.${m.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export default function Portal() {
  const { t, i18n } = useTranslation('privacy');
  const { day } = useDays();
  const data = useLoaderData<typeof loader>();
  const state = useFormState();
  const [searchParams] = useSearchParams();
  const locale = i18n.language === 'en' ? 'en' : 'nl';
  if (data.ended) {
    return (
      <main className="centered-page" id="main">
        <LanguageSwitch compact />
        <div className="card">
          <h1>{t('portal.ended.title')}</h1>
          <p>{t('portal.ended.body')}</p>
        </div>
      </main>
    );
  }
  const { view, sessionEndsAt } = data;
  const person = view.person;
  return (
    <main className="main main-narrow" id="main">
      <div className="page-header">
        <div>
          <h1>{t('portal.title', { institution: view.institution.name })}</h1>
          <p className="subtitle">{t('portal.intro', { name: person.displayName, until: formatInstant(sessionEndsAt, locale) })}</p>
        </div>
        <div className="page-actions">
          <LanguageSwitch compact />
          <Form method="post" className="inline-form">
            <IntentButton intent="leave" className="button-secondary">{t('portal.leave')}</IntentButton>
          </Form>
        </div>
      </div>
      {searchParams.get('sent') ? <p className="notice notice-ok" role="status">{t('portal.sent')}</p> : null}

      <section className="card" aria-labelledby="portal-details">
        <h2 id="portal-details">{t('portal.details')}</h2>
        <dl className="facts">
          <Fact label={t('fields.name')}>{person.displayName}</Fact>
          <Fact label={t('fields.email')}>{person.email}</Fact>
          <Fact label={t('fields.phone')}>{person.phone}</Fact>
          <Fact label={t('fields.address')}>{addressLine(person)}</Fact>
          <Fact label={t('fields.source')}>{person.source}</Fact>
          <Fact label={t('fields.legalBasis')}>{person.legalBasis ? t(`parties:legalBases.${person.legalBasis}`) : null}</Fact>
          <Fact label={t('fields.lastVerifiedOn')}>{person.lastVerifiedOn ? day(person.lastVerifiedOn) : null}</Fact>
        </dl>
        {view.positions.length > 0 ? (
          <>
            <h3>{t('access.positions')}</h3>
            <ul className="list">
              {view.positions.map((p) => (
                <li key={p.id}>
                  <span>{p.title}, {p.organisation}<div className="muted">{[p.businessEmail, p.businessPhone].filter(Boolean).join(' · ')}</div></span>
                  <span className="muted">{day(p.startsOn)} – {p.endsOn ? day(p.endsOn) : t('access.now')}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section className="card" aria-labelledby="portal-relationship">
        <h2 id="portal-relationship">{t('portal.relationship', { institution: view.institution.name })}</h2>
        {view.relationships.length === 0 ? <p className="empty">{t('portal.noRelationship')}</p> : (
          <ul className="list">
            {view.relationships.map((r) => (
              <li key={r.id}>
                <span>{r.name}<div className="muted">{t(`access.via.${r.via}`)}</div></span>
                <span className="muted">{t(`stakeholders:categories.${r.category}`)} · {t(`stakeholders:statuses.${r.status}`)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="portal-agreements">
        <h2 id="portal-agreements">{t('portal.agreements')}</h2>
        {view.agreements.length === 0 ? <p className="empty">{t('portal.noAgreements')}</p> : (
          <ul className="list">
            {view.agreements.map((a) => (
              <li key={a.id}>
                <span>
                  <strong>{a.title}</strong>
                  <div className="muted">{t(`agreements:kinds.${a.kind}`)} · {t(`agreements:directions.${a.direction}`)} · {a.with.join(', ')}</div>
                  {a.goals ? <p className="prewrap">{a.goals}</p> : null}
                </span>
                <span className="muted">{day(a.startsOn)} – {a.endsOn ? day(a.endsOn) : t('access.now')} · {t(`agreements:statuses.${a.status}`)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="portal-moments">
        <h2 id="portal-moments">{t('portal.moments')}</h2>
        <MomentTable caption={t('portal.upcoming')} moments={view.moments.upcoming} rendered={false} />
        <MomentTable caption={t('portal.rendered')} moments={view.moments.rendered} rendered />
      </section>

      <section className="card" aria-labelledby="portal-correct">
        <h2 id="portal-correct">{t('portal.correctTitle')}</h2>
        <p className="muted">{t('portal.correctIntro')}</p>
        <Form method="post" className="stack" noValidate>
          <FormError message={state.formError} />
          <div className="grid grid-2">
            {CORRECTABLE_FIELDS.map((field) => (
              <TextField
                key={field} name={field} label={t(`fields.${field}`)} state={state} defaultValue={person[field]}
                type={field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text'}
                required={field === 'familyName'}
              />
            ))}
          </div>
          <TextAreaField name="message" label={t('portal.message')} hint={t('portal.messageHint')} rows={3} state={state} />
          <div className="form-actions">
            <IntentButton intent="propose">{t('portal.propose')}</IntentButton>
          </div>
        </Form>
        {view.proposals.length > 0 ? (
          <>
            <h3>{t('portal.yourProposals')}</h3>
            <ul className="list">
              {view.proposals.map((p) => (
                <li key={p.id}>
                  <span>{formatInstant(p.createdAt, locale)} · {p.fields.map((f) => t(`fields.${f}`)).join(', ') || t('portal.messageOnly')}
                    {p.reviewNote ? <div className="muted prewrap">{p.reviewNote}</div> : null}
                  </span>
                  <span className="muted">{t(`corrections.statuses.${p.status}`)}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </main>
  );
}
