import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormError, SubmitButton, useFormState } from '~/components/form';
import { requireInstitution } from '~/modules/auth/guards.server';
import { HouseholdFields, VerifiedField } from '~/modules/parties/components/party-fields';
import { updateHousehold } from '~/modules/parties/mutations.server';
import { getHousehold } from '~/modules/parties/queries.server';
import { householdUpdateSchema } from '~/modules/parties/schema';
import { attempt, invalidForm } from '~/utils/action-errors.server';
import { notFound } from '~/utils/errors';
import { formValues, parseForm } from '~/utils/forms';
import { idParam } from '~/utils/route-params';
import { redirectWithToast } from '~/utils/session.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution } = await requireInstitution(request, params, 'write');
  const view = await getHousehold(institution.id, idParam(params.householdId));
  if (!view) throw notFound();
  return json({ institution, household: view.household });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { institution, actor } = await requireInstitution(request, params, 'write');
  const householdId = idParam(params.householdId);
  const formData = await request.formData();
  const form = parseForm(householdUpdateSchema, formData);
  if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
  return attempt(formValues(formData), () => updateHousehold(actor, { institutionId: institution.id, householdId, ...form.data }), () =>
    redirectWithToast(request, `/i/${institution.id}/parties/households/${householdId}`, 'common:toast.saved'));
}

export default function EditHousehold() {
  const { t } = useTranslation('parties');
  const { institution, household } = useLoaderData<typeof loader>();
  const state = useFormState();
  const back = `/i/${institution.id}/parties/households/${household.id}`;
  return (
    <div className="main-narrow">
      <p className="breadcrumbs"><Link to={back}>{household.name}</Link></p>
      <h1>{t('households.editTitle', { name: household.name })}</h1>
      <Form method="post" className="card stack" noValidate>
        <FormError message={state.formError} />
        <input type="hidden" name="version" value={household.version} />
        <HouseholdFields household={household} state={state} />
        <VerifiedField defaultChecked={false} state={state} />
        <div className="form-actions">
          <SubmitButton pendingLabel={t('common:actions.saving')}>{t('common:actions.save')}</SubmitButton>
          <Link to={back}>{t('common:actions.cancel')}</Link>
        </div>
      </Form>
    </div>
  );
}
