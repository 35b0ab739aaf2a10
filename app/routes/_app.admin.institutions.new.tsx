import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormError, SubmitButton, useFormState } from '~/components/form';
import { requireAdmin } from '~/modules/auth/guards.server';
import { InstitutionFields } from '~/modules/institutions/components/institution-fields';
import { createInstitution } from '~/modules/institutions/mutations.server';
import { institutionSchema } from '~/modules/institutions/schema';
import { attempt, invalidForm } from '~/utils/action-errors.server';
import { formValues, parseForm } from '~/utils/forms';
import { redirectWithToast } from '~/utils/session.server';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireAdmin(request);
  const formData = await request.formData();
  const form = parseForm(institutionSchema, formData);
  if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
  return attempt(formValues(formData), () => createInstitution(actor, form.data), (created) =>
    redirectWithToast(request, `/admin/institutions/${created.id}`, 'admin:institutions.created'));
}

export default function NewInstitution() {
  const { t } = useTranslation('admin');
  const state = useFormState();
  return (
    <div className="main-narrow">
      <p className="breadcrumbs"><Link to="/admin/institutions">{t('institutions.title')}</Link></p>
      <h1>{t('institutions.newTitle')}</h1>
      <Form method="post" className="card stack" noValidate>
        <FormError message={state.formError} />
        <InstitutionFields state={state} />
        <div className="form-actions">
          <SubmitButton pendingLabel={t('common:actions.saving')}>{t('institutions.create')}</SubmitButton>
          <Link to="/admin/institutions">{t('common:actions.cancel')}</Link>
        </div>
      </Form>
    </div>
  );
}
