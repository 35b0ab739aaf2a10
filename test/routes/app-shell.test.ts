import { beforeAll, describe, expect, it } from 'vitest';
import { CHOOSER_PATH } from '~/modules/auth/paths';
import * as chooserRoute from '~/routes/_app._index';
import * as shellRoute from '~/routes/_app';
import { Institution } from '~/utils/db.server';
import { lastInstitutionCookie } from '~/utils/session.server';
import { grant, makeInstitution, makeUser, type TestUser } from '../support/factories';
import { cookiePair, jsonOf, responseOf, routeArgs, signedInRequest } from '../support/requests';

/**
 * The signed-in shell's sidebar and the institution chooser at `/`, for users with a few
 * memberships and with many: the sidebar stays a handful of links whatever the number, the
 * chooser pages and searches them, and neither shows an institution the user is not a member of.
 */

type Summary = { institutionId: number; institutionName: string };
type Shell = { institutions: { listed: Summary[]; total: number } };
type Chooser = { memberships: Summary[]; total: number };

const MANY = 30;
let many: TestUser;
let few: TestUser;
let eight: TestUser;
let theirs: { id: number; name: string }[];
let notTheirs: { id: number; name: string };

beforeAll(async () => {
  many = await makeUser({ name: 'Mila Many' });
  theirs = [];
  // Created out of name order: the lists sort by name in SQL.
  for (let i = MANY; i >= 1; i--) {
    const institution = await makeInstitution({ name: `Shell ${String(i).padStart(2, '0')} College` });
    await grant(many, institution, i % 3 ? 'supervisor' : 'manager');
    theirs.unshift(institution);
  }
  // A membership of an institution that was closed down counts nowhere.
  const closed = await makeInstitution({ name: 'Shell 00 Closed' });
  await grant(many, closed, 'supervisor');
  await Institution.update({ active: false }, { where: { id: closed.id } });
  notTheirs = await makeInstitution({ name: 'Shell 99 Elsewhere' });

  few = await makeUser({ name: 'Fien Few' });
  for (const institution of theirs.slice(0, 3)) await grant(few, institution, 'secretary');
  eight = await makeUser({ name: 'Acht Acht' });
  for (const institution of theirs.slice(0, shellRoute.SIDEBAR_INSTITUTIONS)) await grant(eight, institution, 'secretary');
});

async function shell(user: TestUser, path: string, options: { params?: Record<string, string>; cookie?: string } = {}): Promise<Shell> {
  const request = await signedInRequest(user, path, { cookie: options.cookie });
  const response = await responseOf(shellRoute.loader(routeArgs(request, options.params ?? {})));
  expect(response.status).toBe(200);
  return jsonOf<Shell>(response);
}

async function choose(user: TestUser, search: string, cookie?: string) {
  const request = await signedInRequest(user, `/${search}`, { cookie });
  return responseOf(chooserRoute.loader(routeArgs(request)));
}

const lastCookie = async (id: number) => cookiePair(await lastInstitutionCookie.serialize(String(id)));
const names = (rows: Summary[]) => rows.map((r) => r.institutionName);

describe('the sidebar', () => {
  it('lists every institution of a user with a few, by name', async () => {
    const { institutions } = await shell(few, '/account');
    expect(names(institutions.listed)).toEqual(['Shell 01 College', 'Shell 02 College', 'Shell 03 College']);
    expect(institutions.total).toBe(3);
  });

  it(`still lists all ${shellRoute.SIDEBAR_INSTITUTIONS} at the limit`, async () => {
    const { institutions } = await shell(eight, '/account');
    expect(institutions.listed).toHaveLength(shellRoute.SIDEBAR_INSTITUTIONS);
    expect(institutions.total).toBe(shellRoute.SIDEBAR_INSTITUTIONS);
  });

  it(`gives a user with ${MANY} the institution of the page and the count, not ${MANY} links`, async () => {
    const page = theirs[17]!;
    const { institutions } = await shell(many, `/i/${page.id}/stakeholders`, { params: { institutionId: String(page.id) } });
    expect(institutions).toEqual({ listed: [expect.objectContaining({ institutionId: page.id, institutionName: page.name })], total: MANY });
  });

  it('elsewhere, the institution used last', async () => {
    const last = theirs[4]!;
    const { institutions } = await shell(many, '/oversight', { cookie: await lastCookie(last.id) });
    expect(institutions).toEqual({ listed: [expect.objectContaining({ institutionId: last.id })], total: MANY });
  });

  it('with neither, only the count (the link to the chooser)', async () => {
    expect((await shell(many, '/account')).institutions).toEqual({ listed: [], total: MANY });
  });

  it('never names an institution the user is not a member of, nor a closed one', async () => {
    const viaPage = await shell(many, `/i/${notTheirs.id}`, { params: { institutionId: String(notTheirs.id) } });
    const viaCookie = await shell(many, '/account', { cookie: await lastCookie(notTheirs.id) });
    expect([viaPage.institutions, viaCookie.institutions]).toEqual([{ listed: [], total: MANY }, { listed: [], total: MANY }]);
  });
});

describe('the chooser', () => {
  it('is where the sidebar\'s link leads, even with an institution used last', async () => {
    const response = await choose(many, CHOOSER_PATH.slice(1), await lastCookie(theirs[0]!.id));
    expect(response.status).toBe(200);
    const { memberships, total } = await jsonOf<Chooser>(response);
    expect(total).toBe(MANY);
    expect(names(memberships)).toEqual(theirs.slice(0, 25).map((i) => i.name));
  });

  it('pages them in SQL', async () => {
    const { memberships, total } = await jsonOf<Chooser>(await choose(many, '?choose=1&page=2'));
    expect(total).toBe(MANY);
    expect(names(memberships)).toEqual(theirs.slice(25).map((i) => i.name));
  });

  it('searches them by name, the user\'s % and _ taken literally', async () => {
    const found = await jsonOf<Chooser>(await choose(many, '?choose=1&q=shell%202'));
    expect(names(found.memberships)).toEqual(theirs.slice(19, 29).map((i) => i.name));
    expect(found.total).toBe(10);
    expect((await jsonOf<Chooser>(await choose(many, '?choose=1&q=%25'))).total).toBe(0);
    expect((await jsonOf<Chooser>(await choose(many, '?choose=1&q=Elsewhere'))).total).toBe(0);
  });

  it('otherwise sends a user back to the institution used last, or into their only one', async () => {
    const back = await choose(many, '', await lastCookie(theirs[6]!.id));
    expect([back.status, back.headers.get('Location')]).toEqual([302, `/i/${theirs[6]!.id}`]);
    // Not to one they are not a member of: then they choose.
    expect((await choose(many, '', await lastCookie(notTheirs.id))).status).toBe(200);
    const single = await makeUser();
    await grant(single, theirs[0]!, 'secretary');
    const only = await choose(single, '');
    expect([only.status, only.headers.get('Location')]).toEqual([302, `/i/${theirs[0]!.id}`]);
    expect((await choose(single, '?choose=1')).status).toBe(200);
  });
});
