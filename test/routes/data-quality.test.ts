import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '~/modules/audit/actor';
import { setPartyActive } from '~/modules/parties/mutations.server';
import { completenessScore } from '~/modules/quality/checks';
import { takeQualitySnapshot } from '~/modules/quality/mutations.server';
import { countQuality, duplicateOrganisations, duplicatePersons } from '~/modules/quality/queries.server';
import * as checkRoute from '~/routes/_app.i.$institutionId.data-quality.$check';
import * as overviewRoute from '~/routes/_app.i.$institutionId.data-quality._index';
import { addDays, addMonths, today } from '~/utils/dates';
import { AuditEvent, Person, QualitySnapshot } from '~/utils/db.server';
import {
  assess, makeOrganisation, makePerson, makePosition, makeRegisteredStakeholder,
} from '../modules/stakeholders-fixtures';
import { makeInstitution, makeMember, type TestUser } from '../support/factories';
import { jsonOf, responseOf, routeArgs, signedInRequest } from '../support/requests';

type Handler = (args: ReturnType<typeof routeArgs>) => unknown;
type Institution = { id: number };

const complete = { source: 'Regio-overleg', legalBasis: 'public-task' as const, verified: true };

/**
 * The same messy register in any institution: each record is there to be counted by exactly the
 * checks its comment names, so the expected counts below can be read off this list.
 */
async function messyRegister(institution: Institution, owner: TestUser) {
  const day = today();
  // Complete: counted nowhere.
  const anna = await makePerson(institution, { ...complete, givenName: 'Anna', familyName: 'Jansen', email: 'anna@example.nl' });
  // Duplicate of Anna by name and email; otherwise complete.
  const annaAgain = await makePerson(institution, { ...complete, initials: 'A.', familyName: 'Jansen', email: 'ANNA@example.nl' });
  // Without source.
  await makePerson(institution, { ...complete, source: undefined, familyName: 'Bronloos', email: 'b@example.nl' });
  // Without legal basis, never verified, without contact.
  await makePerson(institution, { ...complete, legalBasis: undefined, verified: false, familyName: 'Onbekend' });
  // Verified 13 months ago: stale at 12 months, not at 24.
  const stale = await makePerson(institution, { ...complete, familyName: 'Oud', phone: '030 123 4567' });
  await Person.update({ lastVerifiedOn: addMonths(day, -13) }, { where: { id: stale.id } });
  // Reached only through a current position's business email: has contact data.
  const working = await makePerson(institution, { ...complete, familyName: 'Werk' });
  // Only an ended position with a business email: without contact.
  const left = await makePerson(institution, { ...complete, familyName: 'Vertrokken' });
  // Deactivated, and missing everything: counted nowhere.
  const gone = await makePerson(institution, { familyName: 'Weg', verified: false });
  await setPartyActive(SYSTEM_ACTOR, { institutionId: institution.id, kind: 'person', id: gone.id, active: false, version: 0 });
  // A shared address is a household, not a duplicate.
  await makePerson(institution, { ...complete, givenName: 'Kees', familyName: 'Smit', email: 'k@example.nl', postcode: '1234 AB', houseNumber: '5' });
  await makePerson(institution, { ...complete, givenName: 'Lies', familyName: 'Bakker', email: 'l@example.nl', postcode: '1234 AB', houseNumber: '5' });

  // With KvK, assessed, owned, a current contact: counted nowhere.
  const municipality = await makeOrganisation(institution, { name: 'Gemeente Zwolle', kvkNumber: '11112222' });
  // Without KvK (×2) and a likely duplicate pair by normalised name.
  const woonbond = await makeOrganisation(institution, { name: 'Stichting De Woonbond', kind: 'tenants-association' });
  const woonbondAgain = await makeOrganisation(institution, { name: 'Woonbond', kind: 'tenants-association' });
  await makePosition(institution, working, municipality, 'Beleidsadviseur');
  await Person.sequelize!.query('UPDATE positions SET business_email = :email WHERE person_id = :id', { replacements: { email: 'werk@zwolle.nl', id: working.id } });
  await makePosition(institution, left, woonbond, 'Voorzitter', { startsOn: addDays(day, -400), endsOn: addDays(day, -30) });
  await Person.sequelize!.query('UPDATE positions SET business_email = :email WHERE person_id = :id', { replacements: { email: 'v@woonbond.nl', id: left.id } });

  const municipalityStakeholder = await makeRegisteredStakeholder(institution, { kind: 'organisation', id: municipality.id }, { ownerUserId: owner.id });
  await assess(institution, municipalityStakeholder, { assessedOn: day, power: 4, interest: 4 });
  // Unassessed, without owner, contacts all left.
  const woonbondStakeholder = await makeRegisteredStakeholder(institution, { kind: 'organisation', id: woonbond.id }, { category: 'client-representation' });
  // Ended: counted nowhere.
  await makeRegisteredStakeholder(institution, { kind: 'organisation', id: woonbondAgain.id }, { status: 'ended' });
  return { anna, annaAgain, stale, woonbond, woonbondAgain, woonbondStakeholder };
}

let college: Institution;
let other: Institution;
let members: Record<'secretary' | 'manager' | 'supervisor' | 'otherSecretary', TestUser>;
let register: Awaited<ReturnType<typeof messyRegister>>;

beforeAll(async () => {
  college = await makeInstitution({ name: 'ROC Kwaliteit' });
  other = await makeInstitution({ name: 'Woonstichting Elders' });
  members = {
    secretary: await makeMember(college, 'secretary'),
    manager: await makeMember(college, 'manager'),
    supervisor: await makeMember(college, 'supervisor'),
    otherSecretary: await makeMember(other, 'secretary'),
  };
  register = await messyRegister(college, members.secretary);
  // The other institution holds the same mess, and more of it: none of it may count here.
  await messyRegister(other, members.otherSecretary);
  await makePerson(other, { familyName: 'Jansen', givenName: 'Anna', email: 'anna@example.nl' });
});

const EXPECTED = {
  'persons-without-source': 1,
  'persons-without-legal-basis': 1,
  'persons-not-verified': 2,
  'persons-without-contact': 2,
  'duplicate-persons': 1,
  'organisations-without-kvk': 2,
  'duplicate-organisations': 1,
  'stakeholders-unassessed': 1,
  'stakeholders-without-owner': 1,
  'stakeholders-contacts-left': 1,
};

describe('the data-quality counts', () => {
  it('match the constructed register exactly, and never include another institution’s rows', async () => {
    const counts = await countQuality(college.id, { months: 12 });
    expect(counts).toMatchObject({ ...EXPECTED, personsTotal: 9 });
    // Complete: Anna, A. Jansen, Werk, Smit, Bakker.
    expect(counts.personsComplete).toBe(5);
  });

  it('take the months of “not verified” from the report', async () => {
    expect((await countQuality(college.id, { months: 24 }))['persons-not-verified']).toBe(1);
  });

  it('pair likely duplicates by the register’s rules, within the institution', async () => {
    const persons = await duplicatePersons(college.id);
    expect(persons).toEqual([{ a: { id: register.anna.id, name: 'Anna Jansen' }, b: { id: register.annaAgain.id, name: 'A. Jansen' }, reasons: ['name', 'email'] }]);
    const organisations = await duplicateOrganisations(college.id);
    expect(organisations).toEqual([{
      a: { id: register.woonbond.id, name: 'Stichting De Woonbond' }, b: { id: register.woonbondAgain.id, name: 'Woonbond' }, reasons: ['name'],
    }]);
  });
});

async function call(handler: Handler, user: { id: number }, url: string, params: Record<string, string> = {}) {
  const request = await signedInRequest(user, `/i/${college.id}/data-quality${url}`);
  return responseOf(handler(routeArgs(request, { institutionId: String(college.id), ...params })));
}

describe('the report pages', () => {
  it('show the counts to every member, the supervisor too', async () => {
    for (const user of [members.secretary, members.manager, members.supervisor]) {
      const response = await call(overviewRoute.loader as Handler, user, '');
      expect(response.status).toBe(200);
      expect((await jsonOf<{ counts: Record<string, number> }>(response)).counts).toMatchObject(EXPECTED);
    }
  });

  it('list a check’s rows with the institution’s records only', async () => {
    const response = await call(checkRoute.loader as Handler, members.secretary, '/stakeholders-contacts-left', { check: 'stakeholders-contacts-left' });
    const body = await jsonOf<{ page: { total: number; rows: { id: number; name: string; partyId: number }[] } }>(response);
    expect(body.page).toEqual({ kind: 'rows', total: 1, rows: [expect.objectContaining({ id: register.woonbondStakeholder.id, partyId: register.woonbond.id })] });

    const stale = await call(checkRoute.loader as Handler, members.secretary, '/persons-not-verified?months=12', { check: 'persons-not-verified' });
    const staleBody = await jsonOf<{ page: { rows: { name: string; detail: string | null }[] } }>(stale);
    expect(staleBody.page.rows).toEqual([
      { id: expect.any(Number), name: 'Onbekend', detail: null },
      { id: register.stale.id, name: 'Oud', detail: addMonths(today(), -13) },
    ]);

    const pairs = await call(checkRoute.loader as Handler, members.manager, '/duplicate-persons', { check: 'duplicate-persons' });
    expect((await jsonOf<{ page: { kind: string; total: number } }>(pairs)).page).toMatchObject({ kind: 'pairs', total: 1 });
  });

  it('answer an unknown check 404, and a member of another institution 404', async () => {
    expect((await call(checkRoute.loader as Handler, members.secretary, '/everything', { check: 'everything' })).status).toBe(404);
    expect((await call(overviewRoute.loader as Handler, members.otherSecretary, '')).status).toBe(404);
    expect((await call(checkRoute.loader as Handler, members.otherSecretary, '/duplicate-persons', { check: 'duplicate-persons' })).status).toBe(404);
  });
});

describe('the completeness trend', () => {
  it('stores this month’s score as derived today, once per institution and month, by the system', async () => {
    const institution = await makeInstitution({ name: 'Stichting Trend' });
    await messyRegister(institution, await makeMember(institution, 'secretary'));
    expect(await takeQualitySnapshot(SYSTEM_ACTOR, institution.id)).toEqual({ created: true });
    const derived = await countQuality(institution.id, { months: 12 });
    const stored = await QualitySnapshot.findAll({ where: { institutionId: institution.id } });
    expect(stored.map((s) => ({ month: s.month, takenOn: s.takenOn, personsTotal: s.personsTotal, personsComplete: s.personsComplete }))).toEqual([
      { month: today().slice(0, 7), takenOn: today(), personsTotal: derived.personsTotal, personsComplete: derived.personsComplete },
    ]);
    expect(completenessScore(stored[0]!.personsComplete, stored[0]!.personsTotal)).toBe(completenessScore(derived.personsComplete, derived.personsTotal));
    expect(completenessScore(5, 9)).toBe(56);

    // Run again (the script twice, a second view): nothing more is written.
    await makePerson(institution, { ...complete, familyName: 'Later', email: 'later@example.nl' });
    expect(await takeQualitySnapshot(SYSTEM_ACTOR, institution.id)).toEqual({ created: false });
    expect(await QualitySnapshot.count({ where: { institutionId: institution.id } })).toBe(1);
    const events = await AuditEvent.findAll({ where: { institutionId: institution.id, entity: 'quality-snapshot' } });
    expect(events.map((e) => [e.action, e.actorLabel, e.entityId])).toEqual([['create', 'system', String(stored[0]!.id)]]);
  });

  it('is taken on viewing the report when the month has none, and the report shows the last 12 months', async () => {
    await QualitySnapshot.destroy({ where: { institutionId: college.id } });
    const month = (monthsAgo: number) => addMonths(today(), -monthsAgo).slice(0, 7);
    await QualitySnapshot.bulkCreate([
      { institutionId: college.id, month: month(12), takenOn: addMonths(today(), -12), personsTotal: 4, personsComplete: 1 },
      { institutionId: college.id, month: month(11), takenOn: addMonths(today(), -11), personsTotal: 4, personsComplete: 2 },
      { institutionId: college.id, month: month(2), takenOn: addMonths(today(), -2), personsTotal: 8, personsComplete: 6 },
    ]);
    const response = await call(overviewRoute.loader as Handler, members.supervisor, '');
    const body = await jsonOf<{ trend: { month: string; personsTotal: number; personsComplete: number }[] }>(response);
    const counts = await countQuality(college.id, { months: 12 });
    expect(body.trend).toEqual([
      expect.objectContaining({ month: month(11), personsComplete: 2 }),
      expect.objectContaining({ month: month(2), personsComplete: 6 }),
      expect.objectContaining({ month: month(0), personsTotal: counts.personsTotal, personsComplete: counts.personsComplete }),
    ]);
    await call(overviewRoute.loader as Handler, members.secretary, '');
    expect(await QualitySnapshot.count({ where: { institutionId: college.id, month: month(0) } })).toBe(1);
    // The other institution's report took its own, never this one's.
    await call(overviewRoute.loader as Handler, members.otherSecretary, '', { institutionId: String(other.id) });
    expect(await QualitySnapshot.count({ where: { institutionId: college.id } })).toBe(4);
    expect(await QualitySnapshot.count({ where: { institutionId: other.id, month: month(0) } })).toBe(1);
  });
});
