import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormError, SelectField, SubmitButton, useFormState } from '~/components/form';
import { requireInstitution } from '~/modules/auth/guards.server';
import { PositionFields } from '~/modules/parties/components/party-fields';
import { createPosition } from '~/modules/parties/mutations.server';
import { getPartySummary, listOrganisationOptions, listPersonOptions } from '~/modules/parties/queries.server';
import { positionCreateSchema } from '~/modules/parties/schema';
import { attempt, invalidForm } from '~/utils/action-errors.server';
import { notFound } from '~/utils/errors';
import { formValues, parseForm } from '~/utils/forms';
import { redirectWithToast } from '~/utils/session.server';

/** A party fixed by the URL (`?personId=` or `?organisationId=`): it must be this institution's. */
async function fixedParty(institutionId: number, kind: 'person' | 'organisation', raw: string | null) {
  if (!raw) return null;
  const party = /^\d+$/.test(raw) ? await getPartySummary(institutionId, kind, Number(raw)) : null;
  if (!party) throw notFound();
  return party;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution } = await requireInstitution(request, params, 'write');
  const searchParams = new URL(request.url).searchParams;
  const [person, organisation] = await Promise.all([
    fixedParty(institution.id, 'person', searchParams.get('personId')),
    fixedParty(institution.id, 'organisation', searchParams.get('organisationId')),
  ]);
  const [persons, organisations] = await Promise.all([
    person ? Promise.resolve([]) : listPersonOptions(institution.id),
    organisation ? Promise.resolve([]) : listOrganisationOptions(institution.id),
  ]);
  return json({ institution, person, organisation, persons, organisations });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { institution, actor } = await requireInstitution(request, params, 'write');
  const formData = await request.formData();
  const form = parseForm(positionCreateSchema, formData);
  if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
  // Back to where the user came from: the organisation's page when it was fixed, else the person's.
  const fromOrganisation = new URL(request.url).searchParams.has('organisationId');
  const back = fromOrganisation
    ? `/i/${institution.id}/parties/organisations/${form.data.organisationId}`
    : `/i/${institution.id}/parties/persons/${form.data.personId}`;
  return attempt(formValues(formData), () => createPosition(actor, { institutionId: institution.id, ...form.data }), () =>
    redirectWithToast(request, back, 'parties:toast.positionCreated'));
}

export default function NewPosition() {
  const { t } = useTranslation('parties');
  const { institution, person, organisation, persons, organisations } = useLoaderData<typeof loader>();
  const state = useFormState();
  const base = `/i/${institution.id}/parties`;
  const back = organisation ? `${base}/organisations/${organisation.id}` : person ? `${base}/persons/${person.id}` : `${base}/persons`;
  return (
    <div className="main-narrow">
      <p className="breadcrumbs"><Link to={back}>{organisation?.name ?? person?.name ?? t('persons.title')}</Link></p>
      <h1>{t('positions.newTitle')}</h1>
      <p className="subtitle">{t('positions.newIntro')}</p>
      <Form method="post" className="card stack" noValidate>
        <FormError message={state.formError} />
        {person ? (
          <>
            <input type="hidden" name="personId" value={person.id} />
            <p><strong>{t('fields.person')}:</strong> {person.name}</p>
            {state.errors.personId ? <p className="error">{t(state.errors.personId)}</p> : null}
          </>
        ) : (
          <SelectField name="personId" label={t('fields.person')} emptyLabel={t('positions.choosePerson')} required
            options={persons.map((p) => ({ value: String(p.id), label: p.city ? `${p.label} (${p.city})` : p.label }))} state={state} />
        )}
        {organisation ? (
          <>
            <input type="hidden" name="organisationId" value={organisation.id} />
            <p><strong>{t('fields.organisation')}:</strong> {organisation.name}</p>
            {state.errors.organisationId ? <p className="error">{t(state.errors.organisationId)}</p> : null}
          </>
        ) : (
          <SelectField name="organisationId" label={t('fields.organisation')} emptyLabel={t('positions.chooseOrganisation')} required
            hint={t('hints.organisationActive')}
            options={organisations.map((o) => ({ value: String(o.id), label: o.city ? `${o.label} (${o.city})` : o.label }))} state={state} />
        )}
        <PositionFields state={state} />
        <div className="form-actions">
          <SubmitButton pendingLabel={t('common:actions.saving')}>{t('positions.create')}</SubmitButton>
          <Link to={back}>{t('common:actions.cancel')}</Link>
        </div>
      </Form>
    </div>
  );
}
