import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '~/modules/audit/actor';
import { requireInstitution, requireUser } from '~/modules/auth/guards.server';
import { deactivateUser } from '~/modules/users/mutations.server';
import { db } from '~/utils/db.server';
import { inViewScope } from '~/utils/view-scope.server';
import { makeInstitution, makeMember, type TestUser } from '../support/factories';
import { responseOf, signedInRequest } from '../support/requests';

/**
 * One page view runs several loaders, each with its own copy of the Request; the server runs the
 * view in a scope (scripts/serve.js → inViewScope). The guards read the session user and the
 * membership once per view — and still check each loader's capability, and read afresh for a new
 * view, an action, or outside a scope.
 */

let institution: { id: number };
let secretary: TestUser;

beforeAll(async () => {
  institution = await makeInstitution();
  secretary = await makeMember(institution, 'secretary');
});

/** The statements run from here on that read users and memberships (the guards' reads). */
let statements: string[] = [];
const guardReads = () => ({
  users: statements.filter((sql) => /FROM users\b/.test(sql)).length,
  memberships: statements.filter((sql) => /JOIN memberships\b/.test(sql)).length,
});
async function countStatements() {
  statements = [];
  (await db()).addHook('afterQuery', 'guards-per-view', (_options, query) => {
    // The statement a query ran is kept on it (not in AbstractQuery's declared type).
    statements.push((query as unknown as { sql?: string }).sql ?? '');
  });
}
afterEach(async () => {
  (await db()).removeHook('afterQuery', 'guards-per-view');
});

/** What Remix does for each loader of one view: a new Request like it. */
const loaderCopy = (request: Request) => new Request(request.url, { method: request.method, headers: request.headers });

describe('the guards within one page view', () => {
  it('read the user and the membership once for all loaders of a GET', async () => {
    await countStatements();
    const view = await signedInRequest(secretary, `/i/${institution.id}`);
    const params = { institutionId: String(institution.id) };
    const [shell, layout, page] = await inViewScope(() => Promise.all([
      requireUser(loaderCopy(view)), requireInstitution(loaderCopy(view), params), requireInstitution(loaderCopy(view), params, 'write'),
    ]));
    expect([shell.user.id, layout.role, page.role]).toEqual([secretary.id, 'secretary', 'secretary']);
    expect(guardReads()).toEqual({ users: 1, memberships: 1 });

    // The next view reads again; so does a call outside any view.
    await inViewScope(() => requireInstitution(loaderCopy(view), params));
    expect(guardReads()).toEqual({ users: 2, memberships: 2 });
    await requireInstitution(loaderCopy(view), params);
    await requireInstitution(loaderCopy(view), params);
    expect(guardReads()).toEqual({ users: 4, memberships: 4 });
  });

  it('still check each loader\'s capability, and another institution of the same view is its own question', async () => {
    const view = await signedInRequest(secretary, `/i/${institution.id}`);
    const elsewhere = await makeInstitution();
    await inViewScope(async () => {
      await requireInstitution(loaderCopy(view), { institutionId: String(institution.id) });
      expect((await responseOf(requireInstitution(loaderCopy(view), { institutionId: String(institution.id) }, 'manage'))).status).toBe(403);
      expect((await responseOf(requireInstitution(loaderCopy(view), { institutionId: String(elsewhere.id) }))).status).toBe(404);
    });
  });

  it('read afresh for every call of an action (it may change the user)', async () => {
    await countStatements();
    const post = await signedInRequest(secretary, `/i/${institution.id}`, { form: { intent: 'x' } });
    await inViewScope(async () => {
      await requireUser(loaderCopy(post));
      await requireUser(loaderCopy(post));
    });
    expect(guardReads().users).toBe(2);
  });

  it('a user deactivated before the view is turned away by every loader of it', async () => {
    const leaver = await makeMember(institution, 'secretary');
    const view = await signedInRequest(leaver, `/i/${institution.id}`);
    await deactivateUser(SYSTEM_ACTOR, leaver.id);
    await inViewScope(async () => {
      for (const request of [loaderCopy(view), loaderCopy(view)]) expect((await responseOf(requireUser(request))).status).toBe(302);
    });
  });
});
