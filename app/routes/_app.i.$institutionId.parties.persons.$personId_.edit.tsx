import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormError, SubmitButton, useFormState } from '~/components/form';
import { requireInstitution } from '~/modules/auth/guards.server';
import { PersonFields, VerifiedField } from '~/modules/parties/components/party-fields';
import { updatePerson } from '~/modules/parties/mutations.server';
import { getPerson } from '~/modules/parties/queries.server';
import { personUpdateSchema } from '~/modules/parties/schema';
import { attempt, invalidForm } from '~/utils/action-errors.server';
import { notFound } from '~/utils/errors';
import { formValues, parseForm } from '~/utils/forms';
import { idParam } from '~/utils/route-params';
import { redirectWithToast } from '~/utils/session.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution } = await requireInstitution(request, params, 'write');
  const view = await getPerson(institution.id, idParam(params.personId));
  if (!view || view.person.mergedIntoId) throw notFound();
  return json({ institution, person: view.person });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { institution, actor } = await requireInstitution(request, params, 'write');
  const personId = idParam(params.personId);
  const formData = await request.formData();
  const form = parseForm(personUpdateSchema, formData);
  if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
  return attempt(formValues(formData), () => updatePerson(actor, { institutionId: institution.id, personId, ...form.data }), () =>
    redirectWithToast(request, `/i/${institution.id}/parties/persons/${personId}`, 'common:toast.saved'));
}

export default function EditPerson() {
  const { t } = useTranslation('parties');
  const { institution, person } = useLoaderData<typeof loader>();
  const state = useFormState();
  const back = `/i/${institution.id}/parties/persons/${person.id}`;
  return (
    <div className="main-narrow">
      <p className="breadcrumbs"><Link to={back}>{person.displayName}</Link></p>
      <h1>{t('persons.editTitle', { name: person.displayName })}</h1>
      <Form method="post" className="card stack" noValidate>
        <FormError message={state.formError} />
        <input type="hidden" name="version" value={person.version} />
        <PersonFields person={person} state={state} />
        <VerifiedField defaultChecked={false} state={state} />
        <div className="form-actions">
          <SubmitButton pendingLabel={t('common:actions.saving')}>{t('common:actions.save')}</SubmitButton>
          <Link to={back}>{t('common:actions.cancel')}</Link>
        </div>
      </Form>
    </div>
  );
}
