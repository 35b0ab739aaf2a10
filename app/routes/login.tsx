import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormError, SubmitButton, TextField, useFormState } from '~/components/form';
import { LanguageSwitch } from '~/components/language-switch';
import { optionalUser } from '~/modules/auth/guards.server';
import { signIn } from '~/modules/auth/mutations.server';
import { safeRedirect, signInSchema } from '~/modules/auth/schema';
import { startSession } from '~/modules/auth/session-flow.server';
import { parseForm } from '~/utils/forms';

export const meta: MetaFunction = () => [{ title: 'Horizon' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get('redirectTo'));
  if (await optionalUser(request)) throw redirect(redirectTo);
  return json({ redirectTo });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = parseForm(signInSchema, await request.formData());
  if (!form.success) return json({ errors: form.errors, values: form.values }, { status: 400 });
  const result = await signIn(form.data, context.clientAddress ?? 'unknown');
  if (!result.ok) {
    const formError = result.reason === 'throttled' ? 'auth:signIn.throttled' : 'auth:signIn.invalid';
    return json({ errors: {}, values: { email: form.data.email }, formError }, { status: result.reason === 'throttled' ? 429 : 400 });
  }
  return startSession(request, result.user, safeRedirect(form.data.redirectTo), 'toast.signedIn');
}

export default function Login() {
  const { t } = useTranslation('auth');
  const { redirectTo } = useLoaderData<typeof loader>();
  const state = useFormState();
  return (
    <main className="centered-page" id="main">
      <p className="brand" aria-hidden="true" style={{ color: 'var(--accent-strong)' }}>
        <span className="brand-mark" style={{ background: 'var(--accent-strong)' }} /> {t('common:appName')}
      </p>
      <div className="card">
        <h1>{t('signIn.title')}</h1>
        <p className="muted">{t('signIn.intro')}</p>
        <Form method="post" className="stack" noValidate>
          <FormError message={state.formError} />
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <TextField name="email" type="email" label={t('signIn.email')} autoComplete="username" required state={state} />
          <TextField name="password" type="password" label={t('signIn.password')} autoComplete="current-password" required state={state} />
          <div className="form-actions">
            <SubmitButton pendingLabel={t('signIn.pending')}>{t('signIn.submit')}</SubmitButton>
          </div>
        </Form>
      </div>
      <p className="muted"><small>{t('signIn.demoHint')}</small></p>
      <LanguageSwitch />
    </main>
  );
}
