import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormError, SubmitButton, TextField, useFormState } from '~/components/form';
import { CheckboxField } from '~/components/form-extras';
import { requireAdmin } from '~/modules/auth/guards.server';
import { inviteUser } from '~/modules/users/mutations.server';
import { inviteSchema } from '~/modules/users/schema';
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
  const form = parseForm(inviteSchema, formData);
  if (!form.success) return invalidForm(form.errors, form.values, 'common:errors.invalid');
  return attempt(formValues(formData), () => inviteUser(actor, form.data), (invited) =>
    redirectWithToast(request, `/admin/users/${invited.id}`, 'admin:users.toast.invited'));
}

export default function InviteUser() {
  const { t } = useTranslation('admin');
  const state = useFormState();
  return (
    <div className="main-narrow">
      <p className="breadcrumbs"><Link to="/admin/users">{t('users.title')}</Link></p>
      <h1>{t('users.inviteTitle')}</h1>
      <p>{t('users.inviteIntro')}</p>
      <Form method="post" className="card stack" noValidate>
        <FormError message={state.formError} />
        <TextField name="name" label={t('users.name')} autoComplete="off" required state={state} />
        <TextField name="email" type="email" label={t('users.email')} autoComplete="off" required state={state} />
        <CheckboxField name="isAdmin" label={t('users.makeAdministrator')} hint={t('users.administratorHint')} state={state} />
        <div className="form-actions">
          <SubmitButton pendingLabel={t('users.inviting')}>{t('users.sendInvite')}</SubmitButton>
          <Link to="/admin/users">{t('common:actions.cancel')}</Link>
        </div>
      </Form>
    </div>
  );
}
