import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormError, SubmitButton, useFormState } from '~/components/form';
import { requireInstitution } from '~/modules/auth/guards.server';
import { afterCreate } from '~/modules/parties/paths';
import { HouseholdFields, VerifiedField } from '~/modules/parties/components/party-fields';
import { createHousehold } from '~/modules/parties/mutations.server';
import { householdSchema } from '~/modules/parties/schema';
import { attempt, invalidForm } from '~/utils/action-errors.server';
import { formValues, parseForm } from '~/utils/forms';
import { redirectWithToast } from '~/utils/session.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { institution } = await requireInstitution(request, params, 'write');
  return json({ institution });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { institution, actor } = await requireInstitution(request, params, 'write');
  const formData = await request.formData();
  const form = parseForm(householdSchema, formData);
  if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
  const then = new URL(request.url).searchParams.get('then');
  return attempt(formValues(formData), () => createHousehold(actor, { institutionId: institution.id, ...form.data }), (created) =>
    redirectWithToast(request, afterCreate(institution.id, 'household', created.id, then), 'parties:toast.householdCreated'));
}

export default function NewHousehold() {
  const { t } = useTranslation('parties');
  const { institution } = useLoaderData<typeof loader>();
  const state = useFormState();
  return (
    <div className="main-narrow">
      <p className="breadcrumbs"><Link to={`/i/${institution.id}/parties/households`}>{t('households.title')}</Link></p>
      <h1>{t('households.newTitle')}</h1>
      <Form method="post" className="card stack" noValidate>
        <FormError message={state.formError} />
        <HouseholdFields state={state} />
        <VerifiedField defaultChecked state={state} />
        <div className="form-actions">
          <SubmitButton pendingLabel={t('common:actions.saving')}>{t('households.create')}</SubmitButton>
          <Link to={`/i/${institution.id}/parties/households`}>{t('common:actions.cancel')}</Link>
        </div>
      </Form>
    </div>
  );
}
