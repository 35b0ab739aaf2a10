import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { isLanguage } from '~/i18n/config';
import { optionalUser } from '~/modules/auth/guards.server';
import { setOwnLanguage } from '~/modules/auth/mutations.server';
import { safeRedirect } from '~/modules/auth/schema';
import { userActor } from '~/modules/audit/actor';
import { commitSession, getSession, languageCookie } from '~/utils/session.server';

// Public: a visitor on the sign-in page may switch too. Signed in, the choice is saved as the
// user's setting (and in the session); otherwise it lives in a cookie.
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const lng = form.get('lng');
  const to = safeRedirect(form.get('redirectTo'));
  if (!isLanguage(lng)) return redirect(to);

  const user = await optionalUser(request);
  const headers = new Headers();
  headers.append('Set-Cookie', await languageCookie.serialize(lng));
  if (user) {
    await setOwnLanguage(userActor(user), lng);
    const session = await getSession(request);
    session.set('lng', lng);
    headers.append('Set-Cookie', await commitSession(session));
  }
  return redirect(to, { headers });
}

export const loader = () => redirect('/');
