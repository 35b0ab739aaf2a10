import { createCookie, createCookieSessionStorage, redirect, type Session } from '@remix-run/node';
import { env, secureCookies } from './env.server';

/** How long a signed-in session lasts without signing in again. */
export const SESSION_MAX_AGE_SECONDS = 60 * 60 * 12;

export type SessionData = {
  userId: number;
  /** When the session was issued (ms): sessions older than the user's sessions_valid_after are void. */
  issuedAt: number;
  lng: string;
};
export type FlashData = { toast: string };

let storage: ReturnType<typeof createCookieSessionStorage<SessionData, FlashData>> | null = null;

// Created on first use, so configuration is read at request time and a missing secret is reported then.
export function sessionStorage() {
  storage ??= createCookieSessionStorage<SessionData, FlashData>({
    cookie: {
      name: '__horizon_session',
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: secureCookies(),
      secrets: [env().SESSION_SECRET],
      maxAge: SESSION_MAX_AGE_SECONDS,
    },
  });
  return storage;
}

export function getSession(request: Request): Promise<Session<SessionData, FlashData>> {
  return sessionStorage().getSession(request.headers.get('Cookie'));
}

export function commitSession(session: Session<SessionData, FlashData>): Promise<string> {
  return sessionStorage().commitSession(session);
}

export function destroySession(session: Session<SessionData, FlashData>): Promise<string> {
  return sessionStorage().destroySession(session);
}

/** The language of a visitor who is not signed in. */
export const languageCookie = createCookie('horizon_lng', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

/** Redirects with a one-time message shown on the next page (a message key of the catalogue). */
export async function redirectWithToast(request: Request, to: string, toast: string, headers: HeadersInit = {}) {
  const session = await getSession(request);
  session.flash('toast', toast);
  const responseHeaders = new Headers(headers);
  responseHeaders.append('Set-Cookie', await commitSession(session));
  return redirect(to, { headers: responseHeaders });
}

/** Only remembers which institution to open at `/`; it grants nothing. */
export const lastInstitutionCookie = createCookie('horizon_last_institution', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 180,
});
