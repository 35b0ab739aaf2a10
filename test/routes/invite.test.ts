import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '~/modules/audit/actor';
import { reinviteUser } from '~/modules/users/mutations.server';
import { action, loader } from '~/routes/set-password.$token';
import { AuditEvent, AuthToken, User } from '~/utils/db.server';
import { makeInvitedUser } from '../support/factories';
import { anonymousRequest, jsonOf, responseOf, routeArgs, sessionSetCookie } from '../support/requests';

const GOOD = { password: 'a good long password', confirm: 'a good long password' };

const open = (token: string) => responseOf(loader(routeArgs(anonymousRequest(`/set-password/${token}`), { token })));
const submit = (token: string, form: Record<string, string>) =>
  responseOf(action(routeArgs(anonymousRequest(`/set-password/${token}`, { form }), { token })));

async function passwordHashOf(userId: number) {
  return (await User.findByPk(userId))!.passwordHash;
}

describe('an invite link', () => {
  it('works once: the password is set and a session starts', async () => {
    const invited = await makeInvitedUser();
    const page = await open(invited.token);
    expect(page.status).toBe(200);
    expect(await jsonOf(page)).toMatchObject({ valid: true, email: invited.email });

    const used = await submit(invited.token, GOOD);
    expect(used.status).toBe(302);
    expect(used.headers.get('Location')).toBe('/');
    expect(sessionSetCookie(used)).toBeDefined();
    expect(await passwordHashOf(invited.id)).toMatch(/^scrypt\$/);
    expect(await AuditEvent.count({ where: { entity: 'user', entityId: String(invited.id), action: 'set-password' } })).toBe(1);
  });

  it('is refused the second time, on the page and on submit', async () => {
    const invited = await makeInvitedUser();
    expect((await submit(invited.token, GOOD)).status).toBe(302);
    const hash = await passwordHashOf(invited.id);

    expect((await open(invited.token)).status).toBe(404);
    const again = await submit(invited.token, { password: 'another long password', confirm: 'another long password' });
    expect(again.status).toBe(404);
    expect((await jsonOf(again)).formError).toBe('auth:invite.invalid');
    expect(sessionSetCookie(again)).toBeUndefined();
    expect(await passwordHashOf(invited.id)).toBe(hash);
  });

  it('is refused once expired', async () => {
    const invited = await makeInvitedUser();
    await AuthToken.update({ expiresAt: new Date(Date.now() - 60_000) }, { where: { userId: invited.id } });
    expect((await open(invited.token)).status).toBe(404);
    expect((await submit(invited.token, GOOD)).status).toBe(404);
    expect(await passwordHashOf(invited.id)).toBeNull();
  });

  it('is refused when forged', async () => {
    const invited = await makeInvitedUser();
    const forged = randomBytes(32).toString('base64url');
    expect((await open(forged)).status).toBe(404);
    expect((await submit(forged, GOOD)).status).toBe(404);
    // A token's hash is not a token either.
    const stored = await AuthToken.findOne({ where: { userId: invited.id } });
    expect((await open(stored!.tokenHash)).status).toBe(404);
    expect(await passwordHashOf(invited.id)).toBeNull();
  });

  it('stops working when a new one is sent', async () => {
    const invited = await makeInvitedUser();
    const link = await reinviteUser(SYSTEM_ACTOR, invited.id);
    expect((await open(invited.token)).status).toBe(404);
    const fresh = link.split('/set-password/')[1]!;
    expect((await open(fresh)).status).toBe(200);
  });

  it('answers a bad form with field messages and 400, writing nothing and keeping the link usable', async () => {
    const invited = await makeInvitedUser();
    const auditBefore = await AuditEvent.count();
    const short = await submit(invited.token, { password: 'short', confirm: 'short' });
    expect(short.status).toBe(400);
    expect((await jsonOf<{ errors: Record<string, string> }>(short)).errors).toEqual({ password: 'auth:errors.passwordTooShort' });
    const differ = await submit(invited.token, { password: 'a good long password', confirm: 'a different password' });
    expect(differ.status).toBe(400);
    const body = await jsonOf<{ errors: Record<string, string>; values: Record<string, string> }>(differ);
    expect(body.errors).toEqual({ confirm: 'auth:errors.passwordsDiffer' });
    // Passwords are never sent back to the browser.
    expect(body.values).toEqual({});
    const empty = await submit(invited.token, {});
    expect(empty.status).toBe(400);

    expect(await passwordHashOf(invited.id)).toBeNull();
    expect((await AuthToken.findOne({ where: { userId: invited.id } }))!.usedAt).toBeNull();
    expect(await AuditEvent.count()).toBe(auditBefore);
    expect((await open(invited.token)).status).toBe(200);
  });
});
