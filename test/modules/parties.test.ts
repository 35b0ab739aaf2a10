import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '~/modules/audit/actor';
import {
  addHouseholdMember, createOrganisation, createPerson, createPosition, DuplicatesFound, setPartyActive, updateHousehold,
  updateOrganisation, updatePerson, updatePosition, verifyParty,
} from '~/modules/parties/mutations.server';
import { findPersonMatches, getOrganisation, getPerson, listUnverified } from '~/modules/parties/queries.server';
import { organisationSchema, personCreateSchema, positionCreateSchema } from '~/modules/parties/schema';
import { AuditEvent, Organisation, Person, Position, Stakeholder } from '~/utils/db.server';
import { DomainError } from '~/utils/errors';
import { makeInstitution } from '../support/factories';
import {
  engage, makeHousehold, makeOrganisation, makeOrganisationStakeholder, makePerson, makePosition, makeRegisteredStakeholder,
} from './stakeholders-fixtures';

let college: { id: number };
let other: { id: number };

beforeAll(async () => {
  college = await makeInstitution();
  other = await makeInstitution();
});

afterEach(() => {
  delete process.env.HORIZON_TODAY;
});

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  return Object.fromEntries(data);
};

describe('a person is stored once', () => {
  it('stores the normalised name key and the postcode as 1234 AB', async () => {
    const parsed = personCreateSchema.parse(form({ givenName: 'Jan Willem', tussenvoegsel: 'van der', familyName: 'Berg', postcode: '3511ab', houseNumber: '12 a' }));
    expect(parsed).toMatchObject({ postcode: '3511 AB', houseNumber: '12A' });
    const { id } = await createPerson(SYSTEM_ACTOR, { institutionId: college.id, ...parsed });
    const person = await Person.findByPk(id);
    expect(person).toMatchObject({ nameKey: 'berg|jw', postcode: '3511 AB', houseNumber: '12A' });
  });

  it('shows likely duplicates with their reasons before creating, and creates only when asked to anyway', async () => {
    const existing = await makePerson(college, { givenName: 'Pieter', tussenvoegsel: 'van den', familyName: 'Heuvel', email: 'p.heuvel@utrecht.nl', postcode: '3500 AA', houseNumber: '7' });
    const before = await Person.count({ where: { institutionId: college.id } });
    const attempt = createPerson(SYSTEM_ACTOR, {
      institutionId: college.id, initials: 'P.', tussenvoegsel: 'v.d.', familyName: 'Heuvel', email: 'P.Heuvel@utrecht.nl', verified: false,
    });
    await expect(attempt).rejects.toBeInstanceOf(DuplicatesFound);
    const error = (await attempt.catch((e: unknown) => e)) as DuplicatesFound;
    expect(error.matches).toEqual([expect.objectContaining({ id: existing.id, label: 'Pieter van den Heuvel', reasons: ['name', 'email'] })]);
    expect(await Person.count({ where: { institutionId: college.id } })).toBe(before);

    const created = await createPerson(SYSTEM_ACTOR, {
      institutionId: college.id, initials: 'P.', tussenvoegsel: 'v.d.', familyName: 'Heuvel', email: 'p.heuvel@utrecht.nl', verified: false, createAnyway: true,
    });
    const event = await AuditEvent.findOne({ where: { entity: 'person', entityId: String(created.id) } });
    expect(event!.action).toBe('create-anyway');
    expect(event!.changes!.possibleDuplicates![1]).toEqual([`#${existing.id} Pieter van den Heuvel (name, email)`]);
  });

  it('finds a person by the business email of a position, and never one of another institution', async () => {
    const person = await makePerson(college, { givenName: 'Fatima', familyName: 'El Amrani' });
    const organisation = await makeOrganisation(college, { name: 'Gemeente Zeist' });
    await createPosition(SYSTEM_ACTOR, { institutionId: college.id, personId: person.id, organisationId: organisation.id, title: 'Wethouder', businessEmail: 'f.elamrani@zeist.nl' });
    await makePerson(other, { givenName: 'Fatima', familyName: 'El Amrani' });
    const matches = await findPersonMatches(college.id, { familyName: 'Someone', givenName: 'Else', email: 'f.elamrani@zeist.nl' });
    expect(matches.map((m) => [m.id, m.reasons])).toEqual([[person.id, ['email']]]);
    const byName = await findPersonMatches(college.id, { familyName: 'el amrani', initials: 'F' });
    expect(byName.map((m) => m.id)).toEqual([person.id]);
  });

  it('keeps the name key and the stakeholder’s name up to date on a rename, in the same transaction', async () => {
    const person = await makePerson(college, { givenName: 'Els', familyName: 'Jansen' });
    const stakeholder = await makeRegisteredStakeholder(college, { kind: 'person', id: person.id }, { category: 'community' });
    const stored = await Person.findByPk(person.id);
    await updatePerson(SYSTEM_ACTOR, {
      institutionId: college.id, personId: person.id, version: stored!.version, givenName: 'Els', familyName: 'Jansen-de Vries', verified: false,
    });
    expect(await Person.findByPk(person.id)).toMatchObject({ nameKey: 'jansen vries|e' });
    expect(await Stakeholder.findByPk(stakeholder.id)).toMatchObject({ name: 'Els Jansen-de Vries' });
    const events = await AuditEvent.findAll({ where: { entity: 'stakeholder', entityId: String(stakeholder.id), action: 'update' } });
    expect(events.map((e) => e.changes)).toEqual([{ name: ['Els Jansen', 'Els Jansen-de Vries'] }]);
  });

  it('refuses a stale edit instead of overwriting someone else’s', async () => {
    const person = await makePerson(college, { givenName: 'Kees', familyName: 'Smit' });
    await updatePerson(SYSTEM_ACTOR, { institutionId: college.id, personId: person.id, version: 0, givenName: 'Kees', familyName: 'Smit', phone: '0201234567', verified: false });
    await expect(updatePerson(SYSTEM_ACTOR, { institutionId: college.id, personId: person.id, version: 0, givenName: 'Cornelis', familyName: 'Smit', verified: false }))
      .rejects.toMatchObject({ code: 'conflict' });
    expect(await Person.findByPk(person.id)).toMatchObject({ givenName: 'Kees', phone: '0201234567' });
  });

  it('does not reach another institution’s person', async () => {
    const foreign = await makePerson(other, { givenName: 'Olga', familyName: 'Vreemd' });
    await expect(updatePerson(SYSTEM_ACTOR, { institutionId: college.id, personId: foreign.id, version: 0, familyName: 'X', verified: false }))
      .rejects.toMatchObject({ code: 'not-found' });
    expect(await getPerson(college.id, foreign.id)).toBeNull();
  });
});

describe('organisations', () => {
  it('refuses a KvK number that is not 8 digits and a malformed postcode, email or phone at the field', () => {
    const result = organisationSchema.safeParse(form({ name: 'X', kind: 'company', kvkNumber: '1234567', postcode: '123 AB', email: 'nope', phone: 'call me' }));
    expect(result.success).toBe(false);
    const fields = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(fields).toMatchObject({
      kvkNumber: 'common:errors.kvkNumber', postcode: 'parties:errors.postcode', email: 'common:errors.invalidEmail', phone: 'parties:errors.phone',
    });
  });

  it('catches a duplicate by KvK number, and a KvK number stays unique even when creating anyway', async () => {
    const first = await makeOrganisation(college, { name: 'Bouwbedrijf Jansen B.V.', kvkNumber: '12345678' });
    await expect(createOrganisation(SYSTEM_ACTOR, { institutionId: college.id, name: 'Jansen Bouw', kind: 'company', kvkNumber: '12345678', verified: false }))
      .rejects.toMatchObject({ matches: [expect.objectContaining({ id: first.id, reasons: ['kvk'] })] });
    await expect(createOrganisation(SYSTEM_ACTOR, { institutionId: college.id, name: 'Jansen Bouw', kind: 'company', kvkNumber: '12345678', verified: false, createAnyway: true }))
      .rejects.toMatchObject({ code: 'invalid', fieldErrors: { kvkNumber: 'parties:errors.kvkTaken' } });
    // Another institution keeps its own directory: the same KvK number is no duplicate there.
    await expect(makeOrganisation(other, { name: 'Bouwbedrijf Jansen B.V.', kvkNumber: '12345678' })).resolves.toMatchObject({ id: expect.any(Number) });
  });

  it('renames the stakeholder with the organisation', async () => {
    const { organisationId, id } = await makeOrganisationStakeholder(college, 'Gemeente Oud');
    const organisation = await Organisation.findByPk(organisationId);
    await updateOrganisation(SYSTEM_ACTOR, { institutionId: college.id, organisationId, version: organisation!.version, name: 'Gemeente Nieuw', kind: 'municipality', verified: false });
    expect(await Stakeholder.findByPk(id)).toMatchObject({ name: 'Gemeente Nieuw' });
    expect(await Organisation.findByPk(organisationId)).toMatchObject({ nameKey: 'gemeente nieuw' });
  });
});

describe('positions', () => {
  it('refuses an end before the start at the field', () => {
    const result = positionCreateSchema.safeParse(form({ personId: '1', organisationId: '1', title: 'Voorzitter', startsOn: '2026-03-01', endsOn: '2026-02-28' }));
    expect(result.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['endsOn', 'parties:errors.endBeforeStart']]);
  });

  it('refuses a position at a deactivated organisation and writes nothing', async () => {
    const person = await makePerson(college, { givenName: 'Ali', familyName: 'Yilmaz' });
    const organisation = await makeOrganisation(college, { name: 'Opgeheven Stichting' });
    await setPartyActive(SYSTEM_ACTOR, { institutionId: college.id, kind: 'organisation', id: organisation.id, active: false, version: 0 });
    const before = await Position.count();
    await expect(makePosition(college, person, organisation)).rejects.toMatchObject({
      code: 'invalid', fieldErrors: { organisationId: 'parties:errors.organisationInactive' },
    });
    expect(await Position.count()).toBe(before);
  });

  it('refuses an organisation of another institution as not found', async () => {
    const person = await makePerson(college, { givenName: 'Ali', familyName: 'Demir' });
    const foreign = await makeOrganisation(other, { name: 'Elders BV' });
    await expect(makePosition(college, person, foreign)).rejects.toBeInstanceOf(DomainError);
    await expect(makePosition(college, person, foreign)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('shows people current and past on the organisation, and contacts through a position on its timeline', async () => {
    process.env.HORIZON_TODAY = '2026-06-01';
    const organisation = await makeOrganisation(college, { name: 'Huurdersbond Vecht' });
    const current = await makePerson(college, { givenName: 'Sara', familyName: 'Kok' });
    const former = await makePerson(college, { givenName: 'Tom', familyName: 'Kok' });
    const currentPosition = await makePosition(college, current, organisation, 'Voorzitter', { startsOn: '2025-01-01' });
    const formerPosition = await makePosition(college, former, organisation, 'Voorzitter', { startsOn: '2020-01-01', endsOn: '2024-12-31' });
    const elsewhere = await makeOrganisationStakeholder(college, 'Gemeente Vecht');
    await engage(college, {
      stakeholderIds: [elsewhere.id], subject: 'Bod 2027', occurredOn: '2026-05-20',
      participants: [{ kind: 'position', id: currentPosition.id }],
    });
    const view = await getOrganisation(college.id, organisation.id);
    expect(view!.people.map((p) => [p.personName, p.current])).toEqual([['Sara Kok', true], ['Tom Kok', false]]);
    expect(view!.timeline.map((item) => item.kind === 'engagement' ? `engagement ${item.subject}` : `${item.kind} ${'personName' in item ? item.personName : ''}`)).toEqual([
      'engagement Bod 2027', 'position-start Sara Kok', 'position-end Tom Kok', 'position-start Tom Kok',
    ]);
    await updatePosition(SYSTEM_ACTOR, { institutionId: college.id, positionId: formerPosition.id, version: 0, title: 'Oud-voorzitter', startsOn: '2020-01-01', endsOn: '2024-12-31' });
    expect((await Position.findByPk(formerPosition.id))!.title).toBe('Oud-voorzitter');
  });
});

describe('households', () => {
  it('adds a member once and renames the household’s stakeholder with it', async () => {
    const household = await makeHousehold(college, { name: 'Familie de Wit' });
    const person = await makePerson(college, { givenName: 'Anouk', tussenvoegsel: 'de', familyName: 'Wit' });
    await addHouseholdMember(SYSTEM_ACTOR, { institutionId: college.id, householdId: household.id, personId: person.id, relation: 'bewoner' });
    await expect(addHouseholdMember(SYSTEM_ACTOR, { institutionId: college.id, householdId: household.id, personId: person.id }))
      .rejects.toMatchObject({ fieldErrors: { personId: 'parties:errors.alreadyMember' } });
    const stakeholder = await makeRegisteredStakeholder(college, { kind: 'household', id: household.id }, { category: 'community' });
    await updateHousehold(SYSTEM_ACTOR, { institutionId: college.id, householdId: household.id, version: 0, name: 'Huishouden De Wit', status: 'active', postcode: '1234 AB', houseNumber: '1', verified: false });
    expect(await Stakeholder.findByPk(stakeholder.id)).toMatchObject({ name: 'Huishouden De Wit' });
  });
});

describe('data currency', () => {
  it('lists active records nobody confirmed for twelve months or ever, oldest first, until someone confirms them', async () => {
    const institution = await makeInstitution();
    process.env.HORIZON_TODAY = '2024-01-10';
    const stale = await makePerson(institution, { givenName: 'Oud', familyName: 'Gegeven' });
    process.env.HORIZON_TODAY = '2025-03-01';
    const fresh = await makePerson(institution, { givenName: 'Vers', familyName: 'Gegeven' });
    const never = await makeOrganisation(institution, { name: 'Nooit Bevestigd', verified: false });
    process.env.HORIZON_TODAY = '2026-02-01';
    const page = await listUnverified(institution.id, {}, { perPage: 25, offset: 0 });
    expect(page.cutoff).toBe('2025-02-01');
    expect(page.rows.map((r) => [r.kind, r.id, r.name, r.lastVerifiedOn])).toEqual([
      ['organisation', never.id, 'Nooit Bevestigd', null],
      ['person', stale.id, 'Oud Gegeven', '2024-01-10'],
    ]);
    expect(page.total).toBe(2);
    expect(page.rows.some((r) => r.id === fresh.id && r.kind === 'person')).toBe(false);

    await verifyParty(SYSTEM_ACTOR, { institutionId: institution.id, kind: 'person', id: stale.id });
    const after = await listUnverified(institution.id, { kind: 'person' }, { perPage: 25, offset: 0 });
    expect(after.total).toBe(0);
    const event = await AuditEvent.findOne({ where: { entity: 'person', entityId: String(stale.id), action: 'verify' } });
    expect(event!.changes).toEqual({ lastVerifiedOn: ['2024-01-10', '2026-02-01'] });
  });
});
