import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '~/modules/audit/actor';
import { deactivateUser } from '~/modules/users/mutations.server';
import { action as loginAction, loader as loginLoader } from '~/routes/login';
import { action as logoutAction } from '~/routes/logout';
import { loader as appLoader } from '~/routes/_app';
import { AuditEvent, closeDb, SignInFailure } from '~/utils/db.server';
import { makeUser } from '../support/factories';
import { anonymousRequest, buildRequest, cookiesFrom, jsonOf, responseOf, routeArgs, sessionCookie, sessionSetCookie, signedInRequest } from '../support/requests';

const signIn = (form: Record<string, string>, clientAddress: string) =>
  responseOf(loginAction(routeArgs(anonymousRequest('/login', { form }), {}, clientAddress)));

describe('sign-in', () => {
  it('with the right password starts a session and goes where the visitor was headed', async () => {
    const user = await makeUser({ password: 'right password 1' });
    const response = await signIn({ email: user.email.toUpperCase(), password: 'right password 1', redirectTo: '/account' }, '198.51.100.1');
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/account');
    const cookie = sessionSetCookie(response);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    // The new cookie is a working session.
    const shell = await responseOf(appLoader(routeArgs(buildRequest('/', { cookie: cookiesFrom(response) }))));
    expect(shell.status).toBe(200);
    expect(await AuditEvent.count({ where: { entity: 'user', entityId: String(user.id), action: 'sign-in' } })).toBe(1);
  });

  it('refuses an open redirect after sign-in', async () => {
    const user = await makeUser({ password: 'right password 1' });
    const response = await signIn({ email: user.email, password: 'right password 1', redirectTo: '//evil.example' }, '198.51.100.2');
    expect(response.headers.get('Location')).toBe('/');
  });

  it('gives a wrong password and an unknown email the same 400 answer, without a session', async () => {
    const user = await makeUser();
    const wrong = await signIn({ email: user.email, password: 'not the password' }, '198.51.100.3');
    const unknown = await signIn({ email: 'nobody@horizon.test', password: 'not the password' }, '198.51.100.3');
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    const [wrongBody, unknownBody] = [await jsonOf(wrong), await jsonOf(unknown)];
    expect(wrongBody).toEqual({ errors: {}, values: { email: user.email }, formError: 'auth:signIn.invalid' });
    expect(unknownBody).toEqual({ ...wrongBody, values: { email: 'nobody@horizon.test' } });
    expect(sessionSetCookie(wrong)).toBeUndefined();
    expect(sessionSetCookie(unknown)).toBeUndefined();
  });

  it('answers an empty form with field messages and status 400', async () => {
    const response = await signIn({ email: '', password: '' }, '198.51.100.4');
    expect(response.status).toBe(400);
    const body = await jsonOf<{ errors: Record<string, string> }>(response);
    expect(body.errors).toMatchObject({ email: 'auth:errors.emailRequired', password: 'auth:errors.passwordRequired' });
  });

  it('refuses a deactivated user, with the same answer, and ends the session they already had', async () => {
    const user = await makeUser({ password: 'right password 1' });
    const cookie = await sessionCookie(user);
    expect((await responseOf(appLoader(routeArgs(buildRequest('/', { cookie }))))).status).toBe(200);

    await deactivateUser(SYSTEM_ACTOR, user.id);

    const attempt = await signIn({ email: user.email, password: 'right password 1' }, '198.51.100.5');
    expect(attempt.status).toBe(400);
    expect((await jsonOf(attempt)).formError).toBe('auth:signIn.invalid');
    const existing = await responseOf(appLoader(routeArgs(buildRequest('/stakeholders', { cookie }))));
    expect(existing.status).toBe(302);
    expect(existing.headers.get('Location')).toBe('/login?redirectTo=%2Fstakeholders');
    expect(sessionSetCookie(existing)).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/i);
  });

  it('after five failures refuses even the right password, also after a restart', async () => {
    const user = await makeUser({ password: 'right password 1' });
    for (let i = 0; i < 5; i += 1) {
      expect((await signIn({ email: user.email, password: `wrong ${i}` }, '198.51.100.6')).status).toBe(400);
    }
    const sixth = await signIn({ email: user.email, password: 'right password 1' }, '198.51.100.6');
    expect(sixth.status).toBe(429);
    expect((await jsonOf(sixth)).formError).toBe('auth:signIn.throttled');
    expect(sessionSetCookie(sixth)).toBeUndefined();

    // A restart: the pool closes and the next request opens a new one. The count lives in the database.
    await closeDb();
    const afterRestart = await signIn({ email: user.email, password: 'right password 1' }, '198.51.100.7');
    expect(afterRestart.status).toBe(429);
    expect(await SignInFailure.count({ where: { scope: 'account', subject: user.email } })).toBe(5);
  });

  it('sends a signed-in visitor of /login on to the app', async () => {
    const user = await makeUser();
    const response = await responseOf(loginLoader(routeArgs(await signedInRequest(user, '/login?redirectTo=/account'))));
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/account');
  });
});

describe('sign-out', () => {
  it('destroys the session cookie and is on the record', async () => {
    const user = await makeUser();
    const response = await responseOf(logoutAction(routeArgs(await signedInRequest(user, '/logout', { method: 'POST' }))));
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/login');
    expect(sessionSetCookie(response)).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/i);
    // What the browser keeps after signing out is no session at all.
    const after = await responseOf(appLoader(routeArgs(buildRequest('/', { cookie: cookiesFrom(response) }))));
    expect(after.status).toBe(302);
    expect(after.headers.get('Location')).toBe('/login');
    const event = await AuditEvent.findOne({ where: { entity: 'user', entityId: String(user.id), action: 'sign-out' } });
    expect(event?.actorUserId).toBe(user.id);
  });

  it('needs a session', async () => {
    const response = await responseOf(logoutAction(routeArgs(anonymousRequest('/logout', { method: 'POST' }))));
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/login?redirectTo=%2Flogout');
  });
});
