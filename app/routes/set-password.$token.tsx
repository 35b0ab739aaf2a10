import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormError, SubmitButton, TextField, useFormState } from '~/components/form';
import { findUsableToken, setPasswordWithToken } from '~/modules/auth/mutations.server';
import { setPasswordSchema } from '~/modules/auth/schema';
import { startSession } from '~/modules/auth/session-flow.server';
import { attempt } from '~/utils/action-errors.server';
import { parseForm } from '~/utils/forms';

// Public: the hashed, expiring, one-time token is the authorisation.
export async function loader({ params }: LoaderFunctionArgs) {
  const found = await findUsableToken(params.token ?? '');
  if (!found) return json({ valid: false as const }, { status: 404 });
  return json({ valid: true as const, name: found.user.name, email: found.user.email });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = parseForm(setPasswordSchema, await request.formData());
  if (!form.success) return json({ errors: form.errors, values: form.values }, { status: 400 });
  // An expired, used or forged link: the mutation refuses it with 404 and auth:invite.invalid.
  return attempt({}, () => setPasswordWithToken(params.token ?? '', form.data.password), (user) =>
    startSession(request, user, '/', 'toast.signedIn'));
}

export default function SetPassword() {
  const { t } = useTranslation('auth');
  const data = useLoaderData<typeof loader>();
  const state = useFormState();
  if (!data.valid) {
    return (
      <main className="centered-page" id="main">
        <h1>{t('invite.invalidTitle')}</h1>
        <p>{t('invite.invalid')}</p>
        <p><Link to="/login">{t('signIn.submit')}</Link></p>
      </main>
    );
  }
  return (
    <main className="centered-page" id="main">
      <div className="card">
        <h1>{t('invite.title')}</h1>
        <p>{t('invite.intro', { name: data.name, email: data.email })}</p>
        <Form method="post" className="stack" noValidate>
          <FormError message={state.formError} />
          <input type="email" name="username" autoComplete="username" value={data.email} readOnly hidden />
          <TextField name="password" type="password" label={t('invite.password')} autoComplete="new-password" required state={state} />
          <TextField name="confirm" type="password" label={t('invite.confirm')} autoComplete="new-password" required state={state} />
          <div className="form-actions">
            <SubmitButton>{t('invite.submit')}</SubmitButton>
          </div>
        </Form>
      </div>
    </main>
  );
}
