import { redirect } from '@remix-run/node';
import { commitSession, getSession } from '~/utils/session.server';
import type { SessionUser } from './queries.server';

/** Starts a fresh session for the user (their language setting, if any, comes with it) and redirects. */
export async function startSession(request: Request, user: SessionUser, redirectTo: string, toast?: string) {
  const session = await getSession(request);
  session.set('userId', user.id);
  session.set('issuedAt', Date.now());
  if (user.locale) session.set('lng', user.locale);
  if (toast) session.flash('toast', toast);
  return redirect(redirectTo, { headers: { 'Set-Cookie': await commitSession(session) } });
}
