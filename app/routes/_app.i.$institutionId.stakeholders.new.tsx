import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormError, SubmitButton, useFormState } from '~/components/form';
import { requireInstitution } from '~/modules/auth/guards.server';
import { getPartySummary, searchPartiesWithoutStakeholder } from '~/modules/parties/queries.server';
import { PARTY_KINDS, type PartyKind } from '~/modules/parties/schema';
import { AreaNav } from '~/modules/stakeholders/components/area-nav';
import { StakeholderFields } from '~/modules/stakeholders/components/stakeholder-fields';
import { createStakeholder } from '~/modules/stakeholders/mutations.server';
import { listOwnerOptions } from '~/modules/stakeholders/queries.server';
import { stakeholderCreateSchema } from '~/modules/stakeholders/schema';
import { attempt, invalidForm } from '~/utils/action-errors.server';
import { notFound } from '~/utils/errors';
import { formValues, parseForm } from '~/utils/forms';
import { redirectWithToast } from '~/utils/session.server';

const PARTY_PATHS: Record<PartyKind, string> = { organisation: 'organisations', person: 'persons', household: 'households' };

/**
 * Two steps: find the party in the directory (or create it there first and come back), then say
 * what kind of stakeholder it is. The party in the URL must be this institution's.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution } = await requireInstitution(request, params, 'write');
  const searchParams = new URL(request.url).searchParams;
  const kind = (PARTY_KINDS as readonly string[]).includes(searchParams.get('kind') ?? '') ? (searchParams.get('kind') as PartyKind) : 'organisation';
  const rawPartyId = searchParams.get('partyId');
  const q = searchParams.get('q')?.trim().slice(0, 100) ?? '';
  if (rawPartyId) {
    const party = /^\d+$/.test(rawPartyId) ? await getPartySummary(institution.id, kind, Number(rawPartyId)) : null;
    if (!party) throw notFound();
    return json({ institution, kind, q, party, candidates: [], owners: await listOwnerOptions(institution.id) });
  }
  const candidates = await searchPartiesWithoutStakeholder(institution.id, kind, q || undefined);
  return json({ institution, kind, q, party: null, candidates, owners: [] });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { institution, actor } = await requireInstitution(request, params, 'write');
  const formData = await request.formData();
  const form = parseForm(stakeholderCreateSchema, formData);
  if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
  return attempt(formValues(formData), () => createStakeholder(actor, { institutionId: institution.id, ...form.data }), (created) =>
    redirectWithToast(request, `/i/${institution.id}/stakeholders/${created.id}`, 'stakeholders:toast.created'));
}

export default function NewStakeholder() {
  const { t } = useTranslation('stakeholders');
  const { institution, kind, q, party, candidates, owners } = useLoaderData<typeof loader>();
  const state = useFormState();
  const base = `/i/${institution.id}`;
  return (
    <>
      <p className="breadcrumbs"><Link to={`${base}/stakeholders`}>{t('register.title')}</Link></p>
      <h1>{t('new.title')}</h1>
      <AreaNav institutionId={institution.id} />
      {party ? (
        <div className="main-narrow">
          <Form method="post" className="card stack" noValidate>
            <h2>{t('new.aboutParty', { name: party.name })}</h2>
            <p className="muted">{t(`partyKinds.${party.kind}`)} · <Link to={`?kind=${kind}`}>{t('new.chooseOther')}</Link></p>
            <FormError message={state.formError} />
            <input type="hidden" name="partyKind" value={party.kind} />
            <input type="hidden" name="partyId" value={party.id} />
            {state.errors.partyId ? <p className="error" role="alert">{t(state.errors.partyId)}</p> : null}
            <StakeholderFields owners={owners} state={state} />
            <div className="form-actions">
              <SubmitButton pendingLabel={t('common:actions.saving')}>{t('new.create')}</SubmitButton>
              <Link to={`${base}/stakeholders`}>{t('common:actions.cancel')}</Link>
            </div>
          </Form>
        </div>
      ) : (
        <div className="main-narrow">
          <p>{t('new.intro')}</p>
          <Form method="get" className="filters" role="search" aria-label={t('new.findParty')}>
            <div className="field">
              <label htmlFor="party-kind">{t('new.kind')}</label>
              <select id="party-kind" name="kind" defaultValue={kind}>
                {PARTY_KINDS.map((k) => <option key={k} value={k}>{t(`partyKinds.${k}`)}</option>)}
              </select>
            </div>
            <div className="field">
              <label htmlFor="party-q">{t('new.search')}</label>
              <input id="party-q" type="search" name="q" defaultValue={q} />
            </div>
            <button type="submit">{t('common:actions.search')}</button>
          </Form>
          <section className="card" aria-labelledby="candidates-heading">
            <h2 id="candidates-heading">{t('new.candidates', { kind: t(`partyKinds.${kind}`) })}</h2>
            {candidates.length === 0 ? <p className="empty">{t('new.noCandidates')}</p> : (
              <ul className="list">
                {candidates.map((c) => (
                  <li key={c.id}>
                    <span>{c.label}{c.detail ? <span className="muted"> · {c.detail}</span> : null}</span>
                    <Link className="button button-small" to={`?kind=${kind}&partyId=${c.id}`}>{t('new.choose')}</Link>
                  </li>
                ))}
              </ul>
            )}
            <p>
              {t('new.notThere')}{' '}
              <Link to={`${base}/parties/${PARTY_PATHS[kind]}/new?then=stakeholder`}>{t(`new.createParty.${kind}`)}</Link>
            </p>
          </section>
        </div>
      )}
    </>
  );
}
