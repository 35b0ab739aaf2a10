import { beforeAll, describe, expect, it } from 'vitest';
import * as personsRoute from '~/routes/_app.i.$institutionId.parties.persons._index';
import * as newPersonRoute from '~/routes/_app.i.$institutionId.parties.persons.new';
import * as personRoute from '~/routes/_app.i.$institutionId.parties.persons.$personId';
import * as editPersonRoute from '~/routes/_app.i.$institutionId.parties.persons.$personId_.edit';
import * as mergePersonRoute from '~/routes/_app.i.$institutionId.parties.persons.$personId_.merge';
import * as newOrganisationRoute from '~/routes/_app.i.$institutionId.parties.organisations.new';
import * as organisationRoute from '~/routes/_app.i.$institutionId.parties.organisations.$organisationId';
import * as mergeOrganisationRoute from '~/routes/_app.i.$institutionId.parties.organisations.$organisationId_.merge';
import * as organisationsRoute from '~/routes/_app.i.$institutionId.parties.organisations._index';
import * as newPositionRoute from '~/routes/_app.i.$institutionId.parties.positions.new';
import * as householdRoute from '~/routes/_app.i.$institutionId.parties.households.$householdId';
import * as dataCurrencyRoute from '~/routes/_app.i.$institutionId.data-currency';
import { AuditEvent, HouseholdMember, Organisation, Person, Position } from '~/utils/db.server';
import { jsonOf, responseOf, routeArgs, signedInRequest } from '../support/requests';
import { makeCast, makeHousehold, makeOrganisation, makePerson } from '../modules/stakeholders-fixtures';

type Cast = Awaited<ReturnType<typeof makeCast>>;
let cast: Cast;

const params = (extra: Record<string, string> = {}) => ({ institutionId: String(cast.college.id), ...extra });
const path = (p: string) => `/i/${cast.college.id}${p}`;
type Handler = (args: ReturnType<typeof routeArgs>) => unknown;

async function call(handler: Handler, user: { id: number }, url: string, extraParams: Record<string, string> = {}, form?: Record<string, unknown>) {
  const request = await signedInRequest(user, path(url), form ? { form: form as never } : {});
  return responseOf(handler(routeArgs(request, params(extraParams))));
}

beforeAll(async () => {
  cast = await makeCast();
});

describe('adding a person', () => {
  it('normalises the postcode and redirects to the new person', async () => {
    const response = await call(newPersonRoute.action as Handler, cast.secretary, '/parties/persons/new', {}, {
      givenName: 'Lotte', familyName: 'Hendriks', postcode: '3511ab', houseNumber: '4', email: 'Lotte@Example.nl', verified: 'on',
    });
    expect(response.status).toBe(302);
    const person = await Person.findOne({ where: { institutionId: cast.college.id, familyName: 'Hendriks' } });
    expect(person).toMatchObject({ postcode: '3511 AB', email: 'lotte@example.nl', nameKey: 'hendriks|l' });
    expect(response.headers.get('Location')).toBe(path(`/parties/persons/${person!.id}`));
  });

  it('shows likely duplicates with reasons (409, nothing written) and creates anyway when asked, audited as such', async () => {
    const existing = await makePerson(cast.college, { givenName: 'Johannes', tussenvoegsel: 'van der', familyName: 'Meer' });
    const form = { initials: 'J.', tussenvoegsel: 'v.d.', familyName: 'Meer', city: 'Utrecht' };
    const before = await Person.count();
    const first = await call(newPersonRoute.action as Handler, cast.secretary, '/parties/persons/new', {}, form);
    expect(first.status).toBe(409);
    const body = await jsonOf<{ duplicates: { id: number; reasons: string[] }[]; values: Record<string, string> }>(first);
    expect(body.duplicates).toEqual([expect.objectContaining({ id: existing.id, label: 'Johannes van der Meer', reasons: ['name'] })]);
    expect(body.values).toMatchObject(form);
    expect(await Person.count()).toBe(before);

    const anyway = await call(newPersonRoute.action as Handler, cast.secretary, '/parties/persons/new', {}, { ...form, createAnyway: 'on' });
    expect(anyway.status).toBe(302);
    const created = await Person.findOne({ where: { institutionId: cast.college.id, initials: 'J.', familyName: 'Meer' } });
    expect(await AuditEvent.count({ where: { entity: 'person', entityId: String(created!.id), action: 'create-anyway' } })).toBe(1);
  });

  it('continues to the stakeholder form when it was added for that', async () => {
    const response = await call(newOrganisationRoute.action as Handler, cast.secretary, '/parties/organisations/new?then=stakeholder', {}, { name: 'Sportbedrijf Route', kind: 'company' });
    const organisation = await Organisation.findOne({ where: { name: 'Sportbedrijf Route' } });
    expect(response.headers.get('Location')).toBe(path(`/stakeholders/new?kind=organisation&partyId=${organisation!.id}`));
  });

  it.each([
    [{ postcode: '1234' }, { postcode: 'parties:errors.postcode' }],
    [{ postcode: '0123 AB' }, { postcode: 'parties:errors.postcode' }],
    [{ email: 'not-an-address' }, { email: 'common:errors.invalidEmail' }],
    [{ phone: '12-34' }, { phone: 'parties:errors.phone' }],
    [{ familyName: '' }, { familyName: 'common:errors.required' }],
    [{ houseNumber: '4', postcode: '' }, { postcode: 'parties:errors.postcodeWithNumber' }],
  ])('refuses %j at the field, keeps the input, writes nothing', async (overrides, errors) => {
    const before = await Person.count();
    const form = { givenName: 'Typed', familyName: 'Kept', ...overrides };
    const response = await call(newPersonRoute.action as Handler, cast.secretary, '/parties/persons/new', {}, form);
    expect(response.status).toBe(400);
    const body = await jsonOf<{ errors: Record<string, string>; values: Record<string, string> }>(response);
    expect(body.errors).toEqual(errors);
    expect(body.values).toMatchObject({ givenName: 'Typed' });
    expect(await Person.count()).toBe(before);
  });

  it.each([
    [{ kvkNumber: '1234567' }, { kvkNumber: 'common:errors.kvkNumber' }],
    [{ kvkNumber: '123456789' }, { kvkNumber: 'common:errors.kvkNumber' }],
    [{ website: 'www.example.nl' }, { website: 'common:errors.invalidUrl' }],
    [{ kind: 'pirates' }, { kind: 'common:errors.invalidChoice' }],
  ])('refuses the organisation %j at the field and writes nothing', async (overrides, errors) => {
    const before = await Organisation.count();
    const response = await call(newOrganisationRoute.action as Handler, cast.secretary, '/parties/organisations/new', {}, { name: 'Fout BV', kind: 'company', ...overrides });
    expect(response.status).toBe(400);
    expect((await jsonOf<{ errors: Record<string, string> }>(response)).errors).toEqual(errors);
    expect(await Organisation.count()).toBe(before);
  });

  it('a supervisor may look but not add (403), another institution’s member gets 404', async () => {
    expect((await call(personsRoute.loader as Handler, cast.supervisor, '/parties/persons')).status).toBe(200);
    expect((await call(newPersonRoute.loader as Handler, cast.supervisor, '/parties/persons/new')).status).toBe(403);
    expect((await call(newPersonRoute.action as Handler, cast.supervisor, '/parties/persons/new', {}, { familyName: 'Toezicht' })).status).toBe(403);
    expect((await call(personsRoute.loader as Handler, cast.otherSecretary, '/parties/persons')).status).toBe(404);
    expect(await Person.count({ where: { familyName: 'Toezicht' } })).toBe(0);
  });
});

describe('records of another institution are not there', () => {
  it('by URL: person, organisation and household pages are 404', async () => {
    const person = await makePerson(cast.corporation, { givenName: 'Elders', familyName: 'Persoon' });
    const organisation = await makeOrganisation(cast.corporation, { name: 'Elders Organisatie' });
    const household = await makeHousehold(cast.corporation, { name: 'Elders Huishouden' });
    expect((await call(personRoute.loader as Handler, cast.secretary, `/parties/persons/${person.id}`, { personId: String(person.id) })).status).toBe(404);
    expect((await call(editPersonRoute.action as Handler, cast.secretary, `/parties/persons/${person.id}/edit`, { personId: String(person.id) }, { familyName: 'X', version: 0 })).status).toBe(404);
    expect((await call(organisationRoute.loader as Handler, cast.secretary, `/parties/organisations/${organisation.id}`, { organisationId: String(organisation.id) })).status).toBe(404);
    expect((await call(organisationRoute.action as Handler, cast.secretary, `/parties/organisations/${organisation.id}`, { organisationId: String(organisation.id) }, { intent: 'deactivate', version: 0 })).status).toBe(404);
    expect((await call(householdRoute.loader as Handler, cast.secretary, `/parties/households/${household.id}`, { householdId: String(household.id) })).status).toBe(404);
    expect(await Person.findByPk(person.id)).toMatchObject({ familyName: 'Persoon' });
    expect(await Organisation.findByPk(organisation.id)).toMatchObject({ active: true });
  });

  it('by form field: a position at their organisation, a member from their directory', async () => {
    const mine = await makePerson(cast.college, { givenName: 'Mijn', familyName: 'Persoon' });
    const theirs = await makeOrganisation(cast.corporation, { name: 'Hun Organisatie' });
    const before = await Position.count();
    const response = await call(newPositionRoute.action as Handler, cast.secretary, '/parties/positions/new', {}, { personId: mine.id, organisationId: theirs.id, title: 'Voorzitter' });
    expect(response.status).toBe(404);
    expect(await Position.count()).toBe(before);

    const household = await makeHousehold(cast.college, { name: 'Mijn Huishouden' });
    const stranger = await makePerson(cast.corporation, { givenName: 'Hun', familyName: 'Persoon' });
    const member = await call(householdRoute.action as Handler, cast.secretary, `/parties/households/${household.id}`, { householdId: String(household.id) }, { intent: 'add-member', personId: stranger.id });
    expect(member.status).toBe(404);
    expect(await HouseholdMember.count({ where: { householdId: household.id } })).toBe(0);
  });

  it('a position ending before it starts, or at a deactivated organisation, is refused at the field', async () => {
    const person = await makePerson(cast.college, { givenName: 'Nina', familyName: 'Functie' });
    const organisation = await makeOrganisation(cast.college, { name: 'Gesloten Stichting' });
    const early = await call(newPositionRoute.action as Handler, cast.secretary, '/parties/positions/new', {}, {
      personId: person.id, organisationId: organisation.id, title: 'Lid', startsOn: '2026-05-01', endsOn: '2026-04-30',
    });
    expect(early.status).toBe(400);
    expect((await jsonOf<{ errors: Record<string, string> }>(early)).errors).toEqual({ endsOn: 'parties:errors.endBeforeStart' });
    expect((await call(organisationRoute.action as Handler, cast.secretary, `/parties/organisations/${organisation.id}`, { organisationId: String(organisation.id) }, { intent: 'deactivate', version: 0 })).status).toBe(302);
    const closed = await call(newPositionRoute.action as Handler, cast.secretary, '/parties/positions/new', {}, { personId: person.id, organisationId: organisation.id, title: 'Lid' });
    expect(closed.status).toBe(422);
    expect((await jsonOf<{ errors: Record<string, string> }>(closed)).errors).toEqual({ organisationId: 'parties:errors.organisationInactive' });
    expect(await Position.count({ where: { personId: person.id } })).toBe(0);
  });
});

describe('merging through the page (managers only)', () => {
  it('secretaries and supervisors get 403; a manager sees the preview and merges', async () => {
    const survivor = await makePerson(cast.college, { givenName: 'Pieter', familyName: 'Samen' });
    const duplicate = await makePerson(cast.college, { initials: 'P.', familyName: 'Samen', email: 'p.samen@example.nl' });
    const p = { personId: String(duplicate.id) };
    const url = `/parties/persons/${duplicate.id}/merge`;
    for (const user of [cast.secretary, cast.supervisor]) {
      expect((await call(mergePersonRoute.loader as Handler, user, url, p)).status).toBe(403);
      expect((await call(mergePersonRoute.action as Handler, user, url, p, { survivorId: survivor.id, confirm: 'on' })).status).toBe(403);
    }
    const page = await jsonOf<{ likely: { id: number }[]; preview: { survivor: { id: number }; filledFields: Record<string, string> } | null }>(
      await call(mergePersonRoute.loader as Handler, cast.manager, `${url}?survivorId=${survivor.id}`, p),
    );
    expect(page.likely.map((m) => m.id)).toContain(survivor.id);
    expect(page.preview).toMatchObject({ survivor: { id: survivor.id }, filledFields: { email: 'p.samen@example.nl' } });

    const unconfirmed = await call(mergePersonRoute.action as Handler, cast.manager, url, p, { survivorId: survivor.id });
    expect(unconfirmed.status).toBe(400);
    expect(await Person.findByPk(duplicate.id)).toMatchObject({ mergedIntoId: null });

    const merged = await call(mergePersonRoute.action as Handler, cast.manager, url, p, { survivorId: survivor.id, confirm: 'on' });
    expect(merged.status).toBe(302);
    expect(merged.headers.get('Location')).toBe(path(`/parties/persons/${survivor.id}`));
    expect(await Person.findByPk(duplicate.id)).toMatchObject({ mergedIntoId: survivor.id, active: false });
  });

  it('refuses a merge into itself (422) or into another institution’s record (404), with a reason at the field', async () => {
    const organisation = await makeOrganisation(cast.college, { name: 'Eigen Vereniging' });
    const theirs = await makeOrganisation(cast.corporation, { name: 'Eigen Vereniging' });
    const p = { organisationId: String(organisation.id) };
    const url = `/parties/organisations/${organisation.id}/merge`;
    const self = await call(mergeOrganisationRoute.action as Handler, cast.manager, url, p, { survivorId: organisation.id, confirm: 'on' });
    expect(self.status).toBe(422);
    expect((await jsonOf<{ errors: Record<string, string> }>(self)).errors).toEqual({ survivorId: 'parties:merge.self' });
    const cross = await call(mergeOrganisationRoute.action as Handler, cast.manager, url, p, { survivorId: theirs.id, confirm: 'on' });
    expect(cross.status).toBe(404);
    expect((await jsonOf<{ errors: Record<string, string> }>(cross)).errors).toEqual({ survivorId: 'parties:merge.survivorNotFound' });
    const preview = await jsonOf<{ preview: unknown; previewError: string }>(await call(mergeOrganisationRoute.loader as Handler, cast.manager, `${url}?survivorId=${theirs.id}`, p));
    expect(preview).toMatchObject({ preview: null, previewError: 'parties:merge.survivorNotFound' });
    expect(await Organisation.findByPk(organisation.id)).toMatchObject({ active: true, mergedIntoId: null });
    expect(await Organisation.findByPk(theirs.id)).toMatchObject({ active: true, mergedIntoId: null });
  });
});

describe('lists and data currency', () => {
  it('filter organisations by kind and search in SQL, scoped to the institution', async () => {
    await makeOrganisation(cast.college, { name: 'Provincie Route', kind: 'province' });
    await makeOrganisation(cast.corporation, { name: 'Provincie Elders', kind: 'province' });
    const data = await jsonOf<{ rows: { name: string }[]; total: number }>(await call(organisationsRoute.loader as Handler, cast.supervisor, '/parties/organisations?kind=province&q=provincie'));
    expect(data.rows.map((r) => r.name)).toEqual(['Provincie Route']);
  });

  it('shows the records nobody confirmed, to any member', async () => {
    const stale = await makePerson(cast.college, { givenName: 'Nooit', familyName: 'Bevestigd', verified: false });
    const data = await jsonOf<{ rows: { kind: string; id: number }[] }>(await call(dataCurrencyRoute.loader as Handler, cast.supervisor, '/data-currency?kind=person'));
    expect(data.rows).toContainEqual(expect.objectContaining({ kind: 'person', id: stale.id }));
    expect((await call(dataCurrencyRoute.loader as Handler, cast.otherSecretary, '/data-currency')).status).toBe(404);
  });

  it('confirms a person’s details from the person page', async () => {
    const person = await makePerson(cast.college, { givenName: 'Te', familyName: 'Bevestigen', verified: false });
    const response = await call(personRoute.action as Handler, cast.secretary, `/parties/persons/${person.id}`, { personId: String(person.id) }, { intent: 'verify', version: 0 });
    expect(response.status).toBe(302);
    expect((await Person.findByPk(person.id))!.lastVerifiedOn).not.toBeNull();
    expect((await call(personRoute.action as Handler, cast.supervisor, `/parties/persons/${person.id}`, { personId: String(person.id) }, { intent: 'verify', version: 0 })).status).toBe(403);
  });
});
