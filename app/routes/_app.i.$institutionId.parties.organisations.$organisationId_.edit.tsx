import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormError, SubmitButton, useFormState } from '~/components/form';
import { requireInstitution } from '~/modules/auth/guards.server';
import { OrganisationFields, VerifiedField } from '~/modules/parties/components/party-fields';
import { updateOrganisation } from '~/modules/parties/mutations.server';
import { getOrganisation } from '~/modules/parties/queries.server';
import { organisationUpdateSchema } from '~/modules/parties/schema';
import { attempt, invalidForm } from '~/utils/action-errors.server';
import { notFound } from '~/utils/errors';
import { formValues, parseForm } from '~/utils/forms';
import { idParam } from '~/utils/route-params';
import { redirectWithToast } from '~/utils/session.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution } = await requireInstitution(request, params, 'write');
  const view = await getOrganisation(institution.id, idParam(params.organisationId));
  if (!view || view.organisation.mergedIntoId) throw notFound();
  return json({ institution, organisation: view.organisation });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { institution, actor } = await requireInstitution(request, params, 'write');
  const organisationId = idParam(params.organisationId);
  const formData = await request.formData();
  const form = parseForm(organisationUpdateSchema, formData);
  if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
  return attempt(formValues(formData), () => updateOrganisation(actor, { institutionId: institution.id, organisationId, ...form.data }), () =>
    redirectWithToast(request, `/i/${institution.id}/parties/organisations/${organisationId}`, 'common:toast.saved'));
}

export default function EditOrganisation() {
  const { t } = useTranslation('parties');
  const { institution, organisation } = useLoaderData<typeof loader>();
  const state = useFormState();
  const back = `/i/${institution.id}/parties/organisations/${organisation.id}`;
  return (
    <div className="main-narrow">
      <p className="breadcrumbs"><Link to={back}>{organisation.name}</Link></p>
      <h1>{t('organisations.editTitle', { name: organisation.name })}</h1>
      <Form method="post" className="card stack" noValidate>
        <FormError message={state.formError} />
        <input type="hidden" name="version" value={organisation.version} />
        <OrganisationFields organisation={organisation} state={state} />
        <VerifiedField defaultChecked={false} state={state} />
        <div className="form-actions">
          <SubmitButton pendingLabel={t('common:actions.saving')}>{t('common:actions.save')}</SubmitButton>
          <Link to={back}>{t('common:actions.cancel')}</Link>
        </div>
      </Form>
    </div>
  );
}
