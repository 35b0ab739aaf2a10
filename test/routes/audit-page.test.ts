import { beforeAll, describe, expect, it } from 'vitest';
import { userActor } from '~/modules/audit/actor';
import { listHistory } from '~/modules/audit/queries.server';
import { updateInstitution } from '~/modules/institutions/mutations.server';
import { loader } from '~/routes/_app.i.$institutionId.audit';
import { AuditEvent } from '~/utils/db.server';
import { grant, makeAdmin, makeInstitution, makeMember, makeUser, type TestUser } from '../support/factories';
import { jsonOf, responseOf, routeArgs, signedInRequest } from '../support/requests';

type Row = { id: number; institutionId: number | null; entity: string; entityId: string | null; actorUserId: number | null; action: string; occurredAt: string; changes: Record<string, unknown> | null };
type Page = { rows: Row[]; total: number; errors: Record<string, string>; options: { entities: string[]; actors: { id: number | 'system'; label: string }[] } };

let college: { id: number; name: string };
let other: { id: number; name: string };
let manager: TestUser;
let secretary: TestUser;
let supervisor: TestUser;
let outsider: TestUser;
let admin: TestUser;

/** An event at a chosen instant: the trail is append-only, so tests place history where they need it. */
const event = (institutionId: number, occurredAt: string, extra: Partial<Row> & { actorLabel?: string } = {}) =>
  AuditEvent.create({
    occurredAt: new Date(occurredAt), actorUserId: null, actorLabel: 'system', institutionId,
    entity: 'stakeholder', entityId: '1', action: 'update', changes: { name: ['A', 'B'] }, ...extra,
  } as never);

async function trail(user: TestUser, institutionId: number, query = '') {
  const request = await signedInRequest(user, `/i/${institutionId}/audit${query}`);
  return responseOf(loader(routeArgs(request, { institutionId: String(institutionId) })));
}

beforeAll(async () => {
  college = await makeInstitution({ name: 'Vecht College' });
  other = await makeInstitution({ name: 'Rijn Wonen' });
  manager = await makeMember(college, 'manager');
  secretary = await makeMember(college, 'secretary');
  supervisor = await makeMember(college, 'supervisor');
  outsider = await makeMember(other, 'manager');
  admin = await makeAdmin();
  // The manager renames the college: an event by a person, in the college.
  await updateInstitution(userActor(manager), college.id, { name: 'Vecht College Utrecht', sector: 'vocational-education', version: 0, active: true });
  // Winter and summer time around the Amsterdam day boundaries (the suite runs in Pacific/Kiritimati).
  await event(college.id, '2026-01-14T22:59:00Z', { entityId: '10' }); // 14 Jan, 23:59 in Amsterdam
  await event(college.id, '2026-01-14T23:00:00Z', { entityId: '11' }); // 15 Jan, 00:00
  await event(college.id, '2026-07-31T21:59:00Z', { entityId: '12' }); // 31 Jul, 23:59 (summer time)
  await event(college.id, '2026-07-31T22:00:00Z', { entityId: '13' }); // 1 Aug, 00:00
  await event(other.id, '2026-01-15T12:00:00Z', { entityId: '99', entity: 'agreement' });
  // Enough events to fill more than one page.
  for (let i = 0; i < 30; i += 1) await event(college.id, `2025-06-01T10:${String(i).padStart(2, '0')}:00Z`, { entity: 'obligation', entityId: String(100 + i) });
});

describe('the audit page of an institution', () => {
  it('shows a manager their institution’s events, newest first, and never another institution’s', async () => {
    const response = await trail(manager, college.id);
    expect(response.status).toBe(200);
    const page = await jsonOf<Page>(response);
    const all = await AuditEvent.count({ where: { institutionId: college.id } });
    expect(page.total).toBe(all);
    expect(page.rows).toHaveLength(Math.min(all, 50));
    expect(page.rows.every((row) => row.institutionId === college.id)).toBe(true);
    const instants = page.rows.map((row) => row.occurredAt);
    expect([...instants].sort().reverse()).toEqual(instants);
    expect(page.options.entities).not.toContain('agreement');
    expect(page.options.entities).toEqual(expect.arrayContaining(['institution', 'membership', 'obligation', 'stakeholder']));
  });

  it('filters by entity', async () => {
    const page = await jsonOf<Page>(await trail(manager, college.id, '?entity=obligation'));
    expect(page.total).toBe(30);
    expect(new Set(page.rows.map((r) => r.entity))).toEqual(new Set(['obligation']));
  });

  it('filters by actor, a user or the system', async () => {
    const byManager = await jsonOf<Page>(await trail(manager, college.id, `?actor=${manager.id}`));
    expect(byManager.rows.map((r) => [r.entity, r.action])).toEqual([['institution', 'update']]);
    expect(byManager.rows[0]!.changes).toEqual({ name: ['Vecht College', 'Vecht College Utrecht'] });
    expect(byManager.options.actors).toEqual(expect.arrayContaining([expect.objectContaining({ id: manager.id }), { id: 'system', label: 'system' }]));
    const bySystem = await jsonOf<Page>(await trail(manager, college.id, '?actor=system'));
    expect(bySystem.rows.every((r) => r.actorUserId === null)).toBe(true);
    expect(bySystem.total).toBe(await AuditEvent.count({ where: { institutionId: college.id, actorUserId: null } }));
  });

  it('filters by period in Amsterdam days, both ends inclusive', async () => {
    const ids = async (query: string) => (await jsonOf<Page>(await trail(manager, college.id, query))).rows.map((r) => r.entityId).sort();
    expect(await ids('?entity=stakeholder&from=2026-01-15&to=2026-01-15')).toEqual(['11']);
    expect(await ids('?entity=stakeholder&to=2026-01-14')).toEqual(['10']);
    expect(await ids('?entity=stakeholder&from=2026-07-31&to=2026-07-31')).toEqual(['12']);
    expect(await ids('?entity=stakeholder&from=2026-08-01')).toEqual(['13']);
    expect(await ids('?entity=stakeholder&from=2026-01-14&to=2026-08-01')).toEqual(['10', '11', '12', '13']);
  });

  it('pages in SQL', async () => {
    const first = await jsonOf<Page>(await trail(manager, college.id, '?entity=obligation&perPage=25'));
    const second = await jsonOf<Page>(await trail(manager, college.id, '?entity=obligation&perPage=25&page=2'));
    expect(first.rows).toHaveLength(25);
    expect(second.rows).toHaveLength(5);
    expect(second.total).toBe(30);
    const seen = new Set([...first.rows, ...second.rows].map((r) => r.id));
    expect(seen.size).toBe(30);
    const ascending = await jsonOf<Page>(await trail(manager, college.id, '?entity=obligation&sort=occurredAt&dir=asc'));
    expect(ascending.rows[0]!.entityId).toBe('100');
  });

  it('answers bad filters with a message beside the field and leaves them out of the query', async () => {
    const page = await jsonOf<Page>(await trail(manager, college.id, '?from=2026-02-30&to=yesterday&actor=someone&entity=DROP%20TABLE'));
    expect(page.errors).toEqual({ from: 'common:errors.invalidDate', to: 'common:errors.invalidDate', actor: 'common:errors.invalidChoice', entity: 'common:errors.invalidChoice' });
    expect(page.total).toBe(await AuditEvent.count({ where: { institutionId: college.id } }));
    const reversed = await jsonOf<Page>(await trail(manager, college.id, '?from=2026-08-01&to=2026-01-01'));
    expect(reversed.errors).toEqual({ to: 'audit:filters.toBeforeFrom' });
  });

  it('is refused to a secretary and a supervisor of the institution (403)', async () => {
    expect((await trail(secretary, college.id)).status).toBe(403);
    expect((await trail(supervisor, college.id)).status).toBe(403);
  });

  it('does not exist for a user of another institution (404), nor for an unknown one', async () => {
    expect((await trail(outsider, college.id)).status).toBe(404);
    expect((await trail(manager, other.id)).status).toBe(404);
    expect((await trail(manager, 999_999)).status).toBe(404);
    const nobody = await makeUser();
    expect((await trail(nobody, college.id)).status).toBe(404);
  });

  it('is open to administrators', async () => {
    expect((await trail(admin, college.id)).status).toBe(200);
  });

  it('sends a signed-out visitor to sign in', async () => {
    const response = await responseOf(loader(routeArgs(new Request(`http://localhost/i/${college.id}/audit`), { institutionId: String(college.id) })));
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe(`/login?redirectTo=%2Fi%2F${college.id}%2Faudit`);
  });
});

describe('the history of one record', () => {
  it('lists its events newest first, only within the given institution', async () => {
    const history = await listHistory(college.id, 'institution', college.id);
    expect(history.rows.map((r) => r.action)).toEqual(['update', 'create']);
    expect(history.more).toBe(false);
    // The same record id asked for under another institution shows nothing.
    expect((await listHistory(other.id, 'institution', college.id)).rows).toEqual([]);
  });

  it('of a user holds events outside institutions', async () => {
    const user = await makeUser();
    await grant(user, college, 'secretary');
    const history = await listHistory(null, 'user', user.id);
    expect(history.rows.map((r) => r.action)).toEqual(['create']);
    expect(history.rows[0]!.changes).toMatchObject({ email: [null, user.email] });
  });
});
