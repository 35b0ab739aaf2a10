import { json, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '~/components/form';
import { LanguageSwitch } from '~/components/language-switch';
import { checkPortalToken, openPortalLink } from '~/modules/privacy/mutations.server';
import { startPortalSession } from '~/modules/privacy/portal-session.server';
import { PORTAL_SESSION_MINUTES, type LinkState } from '~/modules/privacy/rules';

/**
 * Public: the portal link a stakeholder contact received. Following it (GET) only tells whether it
 * still works — mail scanners fetch links, so a GET must not spend it; the button (POST) spends it
 * and opens a portal session. A forged token is 404; an expired, used or withdrawn one 410.
 */
const statusOf = (state: LinkState) => (state === 'valid' ? 200 : state === 'forged' ? 404 : 410);

export const meta: MetaFunction = () => [{ title: 'Horizon' }, { name: 'robots', content: 'noindex' }];

// The token is in the URL: never pass it on as a referrer, never keep the page in a cache.
export const headers: HeadersFunction = () => ({ 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store' });

export async function loader({ params }: LoaderFunctionArgs) {
  const state = await checkPortalToken(params.token ?? '');
  return json({ state }, { status: statusOf(state), headers: { 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store' } });
}

export async function action({ params }: ActionFunctionArgs) {
  const opened = await openPortalLink(params.token ?? '');
  if (opened.state !== 'valid') return json({ state: opened.state }, { status: statusOf(opened.state) });
  return redirect('/portal', { headers: { 'Set-Cookie': await startPortalSession(opened.linkId, opened.sessionEndsAt) } });
}

export default function PortalLanding() {
  const { t } = useTranslation('privacy');
  const loaded = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const state = acted?.state ?? loaded.state;
  return (
    <main className="centered-page" id="main">
      <LanguageSwitch compact />
      <div className="card">
        {state === 'valid' ? (
          <>
            <h1>{t('portal.landing.title')}</h1>
            <p>{t('portal.landing.intro', { minutes: PORTAL_SESSION_MINUTES })}</p>
            <Form method="post">
              <SubmitButton>{t('portal.landing.open')}</SubmitButton>
            </Form>
          </>
        ) : (
          <>
            <h1>{t(`portal.linkStates.${state}.title`)}</h1>
            <p>{t(`portal.linkStates.${state}.body`)}</p>
          </>
        )}
      </div>
    </main>
  );
}
