import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormError, SelectField, TextField, useFormState } from '~/components/form';
import { IntentButton, stateFor } from '~/components/form-extras';
import { LANGUAGES } from '~/i18n/config';
import { getLocale } from '~/i18n/i18next.server';
import { requireUser } from '~/modules/auth/guards.server';
import { changePassword, setOwnLanguage } from '~/modules/auth/mutations.server';
import { listMemberships } from '~/modules/auth/queries.server';
import { changePasswordSchema, languageSchema } from '~/modules/auth/schema';
import { startSession } from '~/modules/auth/session-flow.server';
import { hasCalendarFeed } from '~/modules/obligations/calendar-feed.server';
import { CalendarFeed } from '~/modules/obligations/components/calendar-feed';
import { attempt, invalidForm } from '~/utils/action-errors.server';
import { formValues, parseForm } from '~/utils/forms';
import { commitSession, getSession, languageCookie } from '~/utils/session.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  const [memberships, language, hasFeed] = await Promise.all([listMemberships(user.id), getLocale(request), hasCalendarFeed(user.id)]);
  return json({ user: { name: user.name, email: user.email, isAdmin: user.isAdmin }, memberships, language, hasFeed });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, actor } = await requireUser(request);
  const formData = await request.formData();
  const values = formValues(formData);
  switch (formData.get('intent')) {
    case 'change-password': {
      const form = parseForm(changePasswordSchema, formData);
      if (!form.success) return invalidForm(form.errors, form.values);
      // Changing the password ends every session (sessions_valid_after); this one is issued anew.
      return attempt(values, () => changePassword(actor, form.data), () =>
        startSession(request, user, '/account', 'auth:account.passwordChanged'));
    }
    case 'language': {
      const form = parseForm(languageSchema, formData);
      if (!form.success) return invalidForm(form.errors, form.values);
      // The same effect as /language: the user's setting, the session, and the cookie for after sign-out.
      await setOwnLanguage(actor, form.data.lng);
      const session = await getSession(request);
      session.set('lng', form.data.lng);
      session.flash('toast', 'auth:account.languageChanged');
      const headers = new Headers();
      headers.append('Set-Cookie', await languageCookie.serialize(form.data.lng));
      headers.append('Set-Cookie', await commitSession(session));
      return redirect('/account', { headers });
    }
    default:
      return invalidForm({}, values, 'auth:account.unknownIntent');
  }
}

export default function Account() {
  const { t } = useTranslation('auth');
  const { user, memberships, language, hasFeed } = useLoaderData<typeof loader>();
  const state = useFormState();
  const passwordState = stateFor(state, 'change-password');
  const languageState = stateFor(state, 'language');
  return (
    <div className="main-narrow">
      <h1>{t('account.title')}</h1>
      <section className="card" aria-labelledby="details-heading">
        <h2 id="details-heading">{t('account.details')}</h2>
        <dl className="facts">
          <dt>{t('account.name')}</dt>
          <dd>{user.name}</dd>
          <dt>{t('account.email')}</dt>
          <dd>{user.email}</dd>
          {user.isAdmin ? (
            <>
              <dt>{t('account.administrator')}</dt>
              <dd>{t('common:yes')}</dd>
            </>
          ) : null}
        </dl>
      </section>

      <section className="card" aria-labelledby="memberships-heading">
        <h2 id="memberships-heading">{t('account.memberships')}</h2>
        {memberships.length === 0 ? (
          <p className="empty">{t('account.noMemberships')}</p>
        ) : (
          <ul className="list">
            {memberships.map((m) => (
              <li key={m.institutionId}>
                <Link to={`/i/${m.institutionId}`}>{m.institutionName}</Link>
                <span className="muted">{t(`common:roles.${m.role}`)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {/* The personal ICS feed posts to /calendar-feed, which keeps its own action. */}
      <CalendarFeed hasFeed={hasFeed} />

      <section className="card" aria-labelledby="password-heading">
        <h2 id="password-heading">{t('account.passwordTitle')}</h2>
        <Form method="post" className="stack" noValidate>
          <FormError message={passwordState.formError} />
          <input type="email" name="username" autoComplete="username" value={user.email} readOnly hidden />
          <TextField name="currentPassword" type="password" label={t('account.currentPassword')} autoComplete="current-password" required state={passwordState} />
          <TextField name="password" type="password" label={t('account.newPassword')} hint={t('account.passwordHint')} autoComplete="new-password" required state={passwordState} />
          <TextField name="confirm" type="password" label={t('account.confirm')} autoComplete="new-password" required state={passwordState} />
          <div className="form-actions">
            <IntentButton intent="change-password">{t('account.changePassword')}</IntentButton>
          </div>
        </Form>
      </section>

      <section className="card" aria-labelledby="language-heading">
        <h2 id="language-heading">{t('account.languageTitle')}</h2>
        <Form method="post" className="stack" key={language}>
          <FormError message={languageState.formError} />
          <SelectField
            name="lng"
            label={t('account.languageLabel')}
            hint={t('account.languageHint')}
            options={LANGUAGES.map((lng) => ({ value: lng, label: t(`common:language.${lng}`) }))}
            defaultValue={language}
            state={languageState}
          />
          <div className="form-actions">
            <IntentButton intent="language">{t('account.saveLanguage')}</IntentButton>
          </div>
        </Form>
      </section>
    </div>
  );
}
