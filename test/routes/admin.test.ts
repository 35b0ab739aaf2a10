import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '~/modules/audit/actor';
import { deactivateUser } from '~/modules/users/mutations.server';
import { action as editInstitution, loader as institutionPage } from '~/routes/_app.admin.institutions.$institutionId';
import { loader as institutionsPage } from '~/routes/_app.admin.institutions._index';
import { action as createInstitution } from '~/routes/_app.admin.institutions.new';
import { loader as outboxMessagePage } from '~/routes/_app.admin.outbox.$messageId';
import { loader as outboxPage } from '~/routes/_app.admin.outbox._index';
import { action as userAction, loader as userPage } from '~/routes/_app.admin.users.$userId';
import { loader as usersPage } from '~/routes/_app.admin.users._index';
import { action as inviteAction } from '~/routes/_app.admin.users.new';
import { AuditEvent, Institution, MailMessage, Membership, User } from '~/utils/db.server';
import { grant, makeAdmin, makeInstitution, makeInvitedUser, makeMember, makeUser, type TestUser } from '../support/factories';
import { anonymousRequest, jsonOf, responseOf, routeArgs, signedInRequest, type FormInput } from '../support/requests';

type Failure = { errors: Record<string, string>; values: Record<string, unknown>; formError?: string };
type RouteModule = { loader?: (args: never) => unknown; action?: (args: never) => unknown };

let admin: TestUser;
let college: { id: number; name: string };

beforeAll(async () => {
  admin = await makeAdmin();
  college = await makeInstitution({ name: 'Vecht College' });
});

const post = async (user: TestUser, url: string, form: FormInput, params: Record<string, string> = {}, fn: (args: never) => unknown) =>
  responseOf(fn(routeArgs(await signedInRequest(user, url, { form }), params) as never));

const userForm = (user: TestUser, target: { id: number }, form: FormInput) =>
  post(user, `/admin/users/${target.id}`, form, { userId: String(target.id) }, userAction as never);

describe('every /admin route', () => {
  const files = readdirSync(path.resolve('app/routes')).filter((f) => f.startsWith('_app.admin')).sort();

  it('is found', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it.each(files)('%s answers a non-administrator 403 on its loader and action', async (file) => {
    const route = (await import(`~/routes/${file.replace(/\.tsx?$/, '')}`)) as RouteModule;
    const member = await makeMember(college, 'manager');
    const params = { institutionId: String(college.id), userId: String(member.id), messageId: '1' };
    expect(route.loader).toBeDefined();
    const loaded = await responseOf((route.loader as (args: unknown) => unknown)(routeArgs(await signedInRequest(member, '/admin'), params)));
    expect(loaded.status).toBe(403);
    if (route.action) {
      const form = { intent: 'grant-admin', name: 'X', sector: 'housing', email: 'x@horizon.test', isAdmin: 'on', version: 0 };
      const acted = await responseOf((route.action as (args: unknown) => unknown)(routeArgs(await signedInRequest(member, '/admin', { form }), params)));
      expect(acted.status).toBe(403);
    }
    expect((await User.findByPk(member.id))!.isAdmin).toBe(false);
  });

  it.each(files)('%s sends a signed-out visitor to sign in', async (file) => {
    const route = (await import(`~/routes/${file.replace(/\.tsx?$/, '')}`)) as RouteModule;
    const response = await responseOf((route.loader as (args: unknown) => unknown)(routeArgs(anonymousRequest('/admin'), { institutionId: '1', userId: '1', messageId: '1' })));
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toMatch(/^\/login/);
  });
});

describe('institutions', () => {
  const create = (form: FormInput) => post(admin, '/admin/institutions/new', form, {}, createInstitution as never);

  it('are created, audited, and listed', async () => {
    const response = await create({ name: 'Dijk Zorg', sector: 'healthcare', kvkNumber: '1234 5678', city: 'Zwolle', website: 'https://dijkzorg.example' });
    expect(response.status).toBe(302);
    const created = await Institution.findOne({ where: { name: 'Dijk Zorg' } });
    expect(created).toMatchObject({ kvkNumber: '12345678', city: 'Zwolle' });
    expect(response.headers.get('Location')).toBe(`/admin/institutions/${created!.id}`);
    const event = await AuditEvent.findOne({ where: { entity: 'institution', entityId: String(created!.id), action: 'create' } });
    expect(event).toMatchObject({ actorUserId: admin.id, institutionId: created!.id });

    const search = async (q: string) =>
      (await jsonOf<{ rows: { name: string }[] }>(
        await responseOf(institutionsPage(routeArgs(await signedInRequest(admin, `/admin/institutions?q=${encodeURIComponent(q)}`), {}))),
      )).rows.map((r) => r.name);
    // Case does not matter, on SQLite and PostgreSQL alike; % and _ are plain characters, not wildcards.
    expect(await search('dijk')).toEqual(['Dijk Zorg']);
    expect(await search('DIJK Z')).toEqual(['Dijk Zorg']);
    expect(await search('%')).toEqual([]);
    expect(await search('D_jk')).toEqual([]);
  });

  it('with a bad KvK number: 400, a message beside the field, what was typed kept, nothing written', async () => {
    const [institutions, events] = [await Institution.count(), await AuditEvent.count()];
    const response = await create({ name: 'Kwetsbaar', sector: 'housing', kvkNumber: '1234' });
    expect(response.status).toBe(400);
    const body = await jsonOf<Failure>(response);
    expect(body.errors).toEqual({ kvkNumber: 'common:errors.kvkNumber' });
    expect(body.values).toMatchObject({ name: 'Kwetsbaar', kvkNumber: '1234' });
    expect(await Institution.count()).toBe(institutions);
    expect(await AuditEvent.count()).toBe(events);
  });

  it('with an empty form: 400 with a message for each required field', async () => {
    const body = await jsonOf<Failure>(await create({}));
    expect(body.errors).toMatchObject({ name: 'common:errors.required', sector: 'common:errors.invalidChoice' });
  });

  it('with a KvK number another institution has: a field error, nothing written', async () => {
    await makeInstitution({ name: 'Eerste', kvkNumber: '87654321' });
    const count = await Institution.count();
    const response = await create({ name: 'Tweede', sector: 'housing', kvkNumber: '87654321' });
    expect(response.status).toBe(422);
    expect((await jsonOf<Failure>(response)).errors).toEqual({ kvkNumber: 'admin:institutions.kvkTaken' });
    expect(await Institution.count()).toBe(count);
  });

  it('are edited with a version check: a stale form gets a clear conflict message and writes nothing', async () => {
    const target = await makeInstitution({ name: 'Oud' });
    const edit = (form: FormInput) =>
      post(admin, `/admin/institutions/${target.id}`, form, { institutionId: String(target.id) }, editInstitution as never);
    const saved = await edit({ name: 'Nieuw', sector: 'housing', version: 0, active: 'on' });
    expect(saved.status).toBe(302);
    expect(await Institution.findByPk(target.id)).toMatchObject({ name: 'Nieuw', sector: 'housing', version: 1 });
    const events = await AuditEvent.count();

    const stale = await edit({ name: 'Te laat', sector: 'housing', version: 0, active: 'on' });
    expect(stale.status).toBe(409);
    expect(await jsonOf<Failure>(stale)).toMatchObject({ formError: 'common:errors.conflict', values: { name: 'Te laat' } });
    expect((await Institution.findByPk(target.id))!.name).toBe('Nieuw');
    expect(await AuditEvent.count()).toBe(events);

    const page = await jsonOf<{ institution: { name: string }; history: { rows: { action: string; changes: unknown }[] } }>(
      await responseOf(institutionPage(routeArgs(await signedInRequest(admin, `/admin/institutions/${target.id}`), { institutionId: String(target.id) }))),
    );
    expect(page.history.rows[0]).toMatchObject({ action: 'update', changes: { name: ['Oud', 'Nieuw'], sector: ['vocational-education', 'housing'] } });
  });

  it('that do not exist answer 404', async () => {
    const request = await signedInRequest(admin, '/admin/institutions/999999');
    expect((await responseOf(institutionPage(routeArgs(request, { institutionId: '999999' })))).status).toBe(404);
    expect((await responseOf(institutionPage(routeArgs(request, { institutionId: 'abc' })))).status).toBe(404);
  });
});

describe('users', () => {
  it('are invited by email: the set-password link goes to the outbox, readable there', async () => {
    const response = await post(admin, '/admin/users/new', { name: 'Sanne de Vries', email: 'Sanne@Vecht.example' }, {}, inviteAction as never);
    expect(response.status).toBe(302);
    const user = await User.findOne({ where: { email: 'sanne@vecht.example' } });
    expect(user).toMatchObject({ name: 'Sanne de Vries', isAdmin: false, passwordHash: null });
    expect(response.headers.get('Location')).toBe(`/admin/users/${user!.id}`);

    const outbox = await jsonOf<{ rows: { id: number; to: string; kind: string }[] }>(
      await responseOf(outboxPage(routeArgs(await signedInRequest(admin, '/admin/outbox?q=sanne'), {}))),
    );
    expect(outbox.rows).toHaveLength(1);
    expect(outbox.rows[0]).toMatchObject({ to: 'sanne@vecht.example', kind: 'invite' });
    const message = await jsonOf<{ message: { text: string; subject: string; status: string } }>(
      await responseOf(outboxMessagePage(routeArgs(await signedInRequest(admin, `/admin/outbox/${outbox.rows[0]!.id}`), { messageId: String(outbox.rows[0]!.id) }))),
    );
    expect(message.message.text).toMatch(/\/set-password\/[A-Za-z0-9_-]{20,}/);
    expect(message.message.status).toBe('stored');
  });

  it('cannot be invited twice with the same email', async () => {
    const existing = await makeUser();
    const response = await post(admin, '/admin/users/new', { name: 'Twee', email: existing.email }, {}, inviteAction as never);
    expect(response.status).toBe(422);
    expect((await jsonOf<Failure>(response)).errors).toEqual({ email: 'admin:users.emailTaken' });
  });

  it('are listed with search and paging in the URL', async () => {
    for (let i = 0; i < 26; i += 1) await makeInvitedUser({ name: `Pager ${String(i).padStart(2, '0')}` });
    const list = async (query: string) =>
      jsonOf<{ rows: { name: string }[]; total: number }>(await responseOf(usersPage(routeArgs(await signedInRequest(admin, `/admin/users${query}`), {}))));
    const first = await list('?q=pager&sort=name&dir=asc');
    expect(first.total).toBe(26);
    expect(first.rows).toHaveLength(25);
    expect(first.rows[0]!.name).toBe('Pager 00');
    const second = await list('?q=pager&sort=name&dir=asc&page=2');
    expect(second.rows.map((r) => r.name)).toEqual(['Pager 25']);
    const descending = await list('?q=pager&sort=name&dir=desc');
    expect(descending.rows[0]!.name).toBe('Pager 25');
  });

  it('show their details and memberships; the grant form offers only active institutions they are not in', async () => {
    const member = await makeMember(college, 'secretary');
    const closed = await makeInstitution({ name: 'Gesloten' });
    await Institution.update({ active: false }, { where: { id: closed.id } });
    const page = await jsonOf<{ memberships: { institutionId: number }[]; grantable: { id: number }[] }>(
      await responseOf(userPage(routeArgs(await signedInRequest(admin, `/admin/users/${member.id}`), { userId: String(member.id) }))),
    );
    expect(page.memberships.map((m) => m.institutionId)).toEqual([college.id]);
    const offered = page.grantable.map((i) => i.id);
    expect(offered).not.toContain(college.id);
    expect(offered).not.toContain(closed.id);
  });
});

describe('memberships', () => {
  it('granted with an institution id the form did not offer: a field error, nothing written', async () => {
    const user = await makeUser();
    const closed = await makeInstitution({ name: 'Inactief' });
    await Institution.update({ active: false }, { where: { id: closed.id } });
    const events = await AuditEvent.count();
    for (const institutionId of ['999999', String(closed.id), 'abc']) {
      const response = await userForm(admin, user, { intent: 'grant-membership', institutionId, role: 'manager' });
      expect([400, 422]).toContain(response.status);
      expect((await jsonOf<Failure>(response)).errors.institutionId).toBe('common:errors.invalidChoice');
    }
    const badRole = await userForm(admin, user, { intent: 'grant-membership', institutionId: String(college.id), role: 'owner' });
    expect(badRole.status).toBe(400);
    expect((await jsonOf<Failure>(badRole)).errors).toEqual({ role: 'common:errors.invalidChoice' });
    expect(await Membership.count({ where: { userId: user.id } })).toBe(0);
    expect(await AuditEvent.count()).toBe(events);
  });

  it('of another user cannot be changed or revoked through this user’s page', async () => {
    const user = await makeUser();
    const other = await makeMember(college, 'secretary');
    const membership = await Membership.findOne({ where: { userId: other.id } });
    const changed = await userForm(admin, user, { intent: 'change-role', membershipId: membership!.id, role: 'manager' });
    expect(changed.status).toBe(404);
    const revoked = await userForm(admin, user, { intent: 'revoke-membership', membershipId: membership!.id });
    expect(revoked.status).toBe(404);
    expect(await Membership.findByPk(membership!.id)).toMatchObject({ role: 'secretary' });
  });

  it('answer an unknown intent with 400 and write nothing', async () => {
    const user = await makeUser();
    const response = await userForm(admin, user, { intent: 'delete-everything' });
    expect(response.status).toBe(400);
    expect((await jsonOf<Failure>(response)).formError).toBe('admin:errors.unknownIntent');
  });
});

describe('the last administrator', () => {
  it('cannot remove their own administrator flag or deactivate themself', async () => {
    // Only one active administrator may remain for this test: the others are deactivated first.
    const solo = await makeAdmin();
    const others = await User.findAll({ where: { isAdmin: true, active: true } });
    for (const other of others) if (other.id !== solo.id) await deactivateUser(SYSTEM_ACTOR, other.id);
    const events = await AuditEvent.count();

    for (const intent of ['revoke-admin', 'deactivate']) {
      const response = await userForm(solo, solo, { intent });
      expect(response.status).toBe(409);
      expect((await jsonOf<Failure>(response)).formError).toBe('admin:users.lastAdmin');
    }
    expect(await User.findByPk(solo.id)).toMatchObject({ isAdmin: true, active: true });
    expect(await AuditEvent.count()).toBe(events);
  });
});

describe('every administrator action', () => {
  it('writes an audit event with the administrator as actor', async () => {
    const actorAdmin = await makeAdmin();
    const target = await makeUser();
    const second = await makeInstitution({ name: 'Tweede College' });
    await grant(target, college, 'secretary');
    const membership = () => Membership.findOne({ where: { userId: target.id, institutionId: college.id } });

    const steps: { form: () => Promise<FormInput>; entity: string; action: string }[] = [
      { form: async () => ({ intent: 'grant-admin' }), entity: 'user', action: 'update' },
      { form: async () => ({ intent: 'revoke-admin' }), entity: 'user', action: 'update' },
      { form: async () => ({ intent: 'reinvite' }), entity: 'user', action: 'reinvite' },
      { form: async () => ({ intent: 'deactivate' }), entity: 'user', action: 'deactivate' },
      { form: async () => ({ intent: 'reactivate' }), entity: 'user', action: 'reactivate' },
      { form: async () => ({ intent: 'grant-membership', institutionId: second.id, role: 'supervisor' }), entity: 'membership', action: 'grant' },
      { form: async () => ({ intent: 'change-role', membershipId: (await membership())!.id, role: 'manager' }), entity: 'membership', action: 'update' },
      { form: async () => ({ intent: 'revoke-membership', membershipId: (await membership())!.id }), entity: 'membership', action: 'revoke' },
    ];
    for (const step of steps) {
      const before = await AuditEvent.max<number, AuditEvent>('id');
      const form = await step.form();
      const response = await userForm(actorAdmin, target, form);
      expect(response.status, JSON.stringify(form)).toBe(302);
      const written = await AuditEvent.findAll({ where: { actorUserId: actorAdmin.id }, order: [['id', 'DESC']], limit: 1 });
      expect(written[0]!.id).toBeGreaterThan(before);
      expect(written[0]).toMatchObject({ entity: step.entity, action: step.action });
    }

    const created = await post(actorAdmin, '/admin/institutions/new', { name: 'Audit College', sector: 'university' }, {}, createInstitution as never);
    expect(created.status).toBe(302);
    const invited = await post(actorAdmin, '/admin/users/new', { name: 'Nieuw', email: 'nieuw@horizon.test' }, {}, inviteAction as never);
    expect(invited.status).toBe(302);
    const id = Number(created.headers.get('Location')!.split('/').pop());
    const edited = await post(actorAdmin, `/admin/institutions/${id}`, { name: 'Audit College', sector: 'university', city: 'Delft', version: 0, active: 'on' }, { institutionId: String(id) }, editInstitution as never);
    expect(edited.status).toBe(302);
    const actions = (await AuditEvent.findAll({ where: { actorUserId: actorAdmin.id }, order: [['id', 'ASC']] })).map((e) => `${e.entity}:${e.action}`);
    expect(actions).toEqual([
      'user:update', 'user:update', 'user:reinvite', 'user:deactivate', 'user:reactivate',
      'membership:grant', 'membership:update', 'membership:revoke',
      'institution:create', 'user:invite', 'institution:update',
    ]);
    expect(await MailMessage.count({ where: { toAddress: target.email } })).toBe(1);
  });
});
