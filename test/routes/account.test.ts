import { afterEach, describe, expect, it, vi } from 'vitest';
import { SYSTEM_ACTOR } from '~/modules/audit/actor';
import { signIn } from '~/modules/auth/mutations.server';
import { MAX_ACCOUNT_FAILURES, THROTTLE_WINDOW_MINUTES } from '~/modules/auth/rules';
import { regenerateCalendarFeed } from '~/modules/obligations/calendar-feed.server';
import { action, loader } from '~/routes/_app.account';
import { AuditEvent, SignInFailure, User } from '~/utils/db.server';
import { makeInstitution, makeMember, makeUser } from '../support/factories';
import { anonymousRequest, buildRequest, cookiesFrom, jsonOf, responseOf, routeArgs, sessionCookie, sessionSetCookie } from '../support/requests';

type Failure = { errors: Record<string, string>; values: Record<string, unknown>; formError?: string };

const submit = (cookie: string, form: Record<string, string>) => responseOf(action(routeArgs(buildRequest('/account', { form, cookie }))));
const page = (cookie: string) => responseOf(loader(routeArgs(buildRequest('/account', { cookie }))));

describe('/account', () => {
  it('shows the signed-in user their details and memberships', async () => {
    const college = await makeInstitution({ name: 'Vecht College' });
    const user = await makeMember(college, 'secretary', { name: 'Sanne de Vries' });
    const response = await page(await sessionCookie(user));
    expect(response.status).toBe(200);
    expect(await jsonOf(response)).toMatchObject({
      user: { name: 'Sanne de Vries', email: user.email, isAdmin: false },
      memberships: [{ institutionId: college.id, institutionName: 'Vecht College', role: 'secretary' }],
    });
  });

  it('tells whether the user has a personal calendar feed, for the feed card', async () => {
    const user = await makeUser();
    const cookie = await sessionCookie(user);
    expect(await jsonOf(await page(cookie))).toMatchObject({ hasFeed: false });
    await regenerateCalendarFeed(SYSTEM_ACTOR, user.id);
    expect(await jsonOf(await page(cookie))).toMatchObject({ hasFeed: true });
  });

  it('needs a session', async () => {
    const response = await responseOf(loader(routeArgs(anonymousRequest('/account'))));
    expect(response.headers.get('Location')).toBe('/login?redirectTo=%2Faccount');
  });

  it('changes the password: this session stays signed in, other sessions end, the change is audited', async () => {
    const user = await makeUser({ password: 'the old password' });
    const thisDevice = await sessionCookie(user, { issuedAt: Date.now() - 1000 });
    const otherDevice = await sessionCookie(user, { issuedAt: Date.now() - 1000 });

    const response = await submit(thisDevice, { intent: 'change-password', currentPassword: 'the old password', password: 'the new password', confirm: 'the new password' });
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/account');
    expect(sessionSetCookie(response)).toBeDefined();

    expect((await page(cookiesFrom(response))).status).toBe(200);
    const other = await page(otherDevice);
    expect(other.status).toBe(302);
    expect(other.headers.get('Location')).toMatch(/^\/login/);

    expect((await signIn({ email: user.email, password: 'the new password' }, '192.0.2.50')).ok).toBe(true);
    expect((await signIn({ email: user.email, password: 'the old password' }, '192.0.2.50')).ok).toBe(false);
    expect(await AuditEvent.findOne({ where: { entity: 'user', entityId: String(user.id), action: 'change-password' } })).toMatchObject({
      actorUserId: user.id, changes: { password: ['•••', '•••'] },
    });
  });

  it('refuses a wrong current password beside its field, keeping the session and the password', async () => {
    const user = await makeUser({ password: 'the old password' });
    const cookie = await sessionCookie(user);
    const response = await submit(cookie, { intent: 'change-password', currentPassword: 'a guess at it', password: 'the new password', confirm: 'the new password' });
    expect(response.status).toBe(422);
    const body = await jsonOf<Failure>(response);
    expect(body.errors).toEqual({ currentPassword: 'auth:errors.currentPasswordWrong' });
    // Passwords never travel back to the browser.
    expect(body.values).toEqual({ intent: 'change-password' });
    expect((await page(cookie)).status).toBe(200);
    expect((await signIn({ email: user.email, password: 'the old password' }, '192.0.2.51')).ok).toBe(true);
  });

  describe('throttling of the current password (the sign-in count of the account)', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    const change = (cookie: string, currentPassword: string) =>
      submit(cookie, { intent: 'change-password', currentPassword, password: 'the new password', confirm: 'the new password' });
    const failUntilLocked = async (cookie: string) => {
      for (let i = 0; i < MAX_ACCOUNT_FAILURES; i += 1) expect((await change(cookie, `guess ${i}`)).status).toBe(422);
    };
    const failuresOf = (user: { email: string }) => SignInFailure.count({ where: { scope: 'account', subject: user.email } });

    it('once over the limit refuses even the right password with 429 beside the field, writing nothing', async () => {
      const user = await makeUser({ password: 'the old password' });
      const cookie = await sessionCookie(user, { issuedAt: Date.now() - 1000 });
      const otherDevice = await sessionCookie(user, { issuedAt: Date.now() - 1000 });
      const before = await User.findByPk(user.id);
      await failUntilLocked(cookie);

      const response = await change(cookie, 'the old password');
      expect(response.status).toBe(429);
      expect(await jsonOf<Failure>(response)).toEqual({
        errors: { currentPassword: 'auth:signIn.throttled' }, values: { intent: 'change-password' }, formError: 'auth:signIn.throttled',
      });
      const after = await User.findByPk(user.id);
      expect(after!.passwordHash).toBe(before!.passwordHash);
      expect(after!.sessionsValidAfter).toEqual(before!.sessionsValidAfter);
      expect((await page(otherDevice)).status).toBe(200);
      expect(await AuditEvent.count({ where: { entity: 'user', entityId: String(user.id), action: 'change-password' } })).toBe(0);
      // A refused attempt is not another failure, and the session itself is left alone.
      expect(await failuresOf(user)).toBe(MAX_ACCOUNT_FAILURES);
      expect((await page(cookie)).status).toBe(200);
      // The same count as /login: the account cannot be signed into either until the window passes.
      expect(await signIn({ email: user.email, password: 'the old password' }, '192.0.2.60')).toEqual({ ok: false, reason: 'throttled' });
    });

    it('after the window accepts the right password and clears the account’s failures', async () => {
      const user = await makeUser({ password: 'the old password' });
      const cookie = await sessionCookie(user);
      await failUntilLocked(cookie);

      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.now() + (THROTTLE_WINDOW_MINUTES + 1) * 60_000);
      const response = await change(cookie, 'the old password');
      expect(response.status).toBe(302);
      expect(await failuresOf(user)).toBe(0);
      expect((await signIn({ email: user.email, password: 'the new password' }, '192.0.2.61')).ok).toBe(true);
    });

    it('a right password below the limit clears the failures, as a successful sign-in does', async () => {
      const user = await makeUser({ password: 'the old password' });
      const cookie = await sessionCookie(user);
      expect((await change(cookie, 'a guess')).status).toBe(422);
      expect(await failuresOf(user)).toBe(1);
      expect((await change(cookie, 'the old password')).status).toBe(302);
      expect(await failuresOf(user)).toBe(0);
    });

    it('failures of one account do not lock another', async () => {
      const locked = await makeUser({ password: 'the old password' });
      const other = await makeUser({ password: 'the old password' });
      await failUntilLocked(await sessionCookie(locked));
      expect((await change(await sessionCookie(other), 'the old password')).status).toBe(302);
    });
  });

  it('answers a bad password form with 400 and field messages, writing nothing', async () => {
    const user = await makeUser({ password: 'the old password' });
    const before = (await User.findByPk(user.id))!.passwordHash;
    const response = await submit(await sessionCookie(user), { intent: 'change-password', currentPassword: '', password: 'short', confirm: 'other' });
    expect(response.status).toBe(400);
    expect((await jsonOf<Failure>(response)).errors).toMatchObject({ currentPassword: 'auth:errors.passwordRequired', password: 'auth:errors.passwordTooShort' });
    expect((await User.findByPk(user.id))!.passwordHash).toBe(before);
  });

  it('saves the language as the user’s setting, in the session and in the cookie', async () => {
    const user = await makeUser({ locale: 'nl' });
    const response = await submit(await sessionCookie(user, { lng: 'nl' }), { intent: 'language', lng: 'en' });
    expect(response.status).toBe(302);
    expect((await User.findByPk(user.id))!.locale).toBe('en');
    expect(response.headers.getSetCookie().some((c) => c.startsWith('horizon_lng='))).toBe(true);
    const after = await jsonOf<{ language: string }>(await page(cookiesFrom(response)));
    expect(after.language).toBe('en');
    expect(await AuditEvent.findOne({ where: { entity: 'user', entityId: String(user.id), action: 'update' } })).toMatchObject({ changes: { locale: ['nl', 'en'] } });
  });

  it('refuses a language it does not have', async () => {
    const user = await makeUser({ locale: 'nl' });
    const response = await submit(await sessionCookie(user), { intent: 'language', lng: 'de' });
    expect(response.status).toBe(400);
    expect((await jsonOf<Failure>(response)).errors).toEqual({ lng: 'common:errors.invalidChoice' });
    expect((await User.findByPk(user.id))!.locale).toBe('nl');
  });
});
