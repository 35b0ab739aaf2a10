import { SYSTEM_ACTOR } from '~/modules/audit/actor';
import { createAgreement } from '~/modules/agreements/mutations.server';
import { createObligation } from '~/modules/obligations/mutations.server';
import type { ObligationInput } from '~/modules/obligations/schema';
import { Organisation, Stakeholder } from '~/utils/db.server';
import type { Day } from '~/utils/dates';
import { makeAdmin, makeInstitution, makeMember } from '../support/factories';
import { BASE_URL, sessionCookie } from '../support/requests';

/**
 * Test data for agreements, obligations and the calendar. Stakeholders are written straight into
 * the register's tables (the register's own mutations are another area's); the rest goes through
 * this area's mutations, as the demo seed does.
 */
let sequence = 0;

export async function makeStakeholder(institution: { id: number }, name = `Stakeholder ${++sequence}`): Promise<{ id: number; name: string }> {
  const organisation = await Organisation.create({
    institutionId: institution.id, name, nameKey: name.toLowerCase(), kind: 'municipality', kvkNumber: null, street: null,
    houseNumber: null, postcode: null, city: null, website: null, email: null, phone: null, notes: null, source: null,
    lastVerifiedOn: null, mergedIntoId: null,
  });
  const stakeholder = await Stakeholder.create({
    institutionId: institution.id, partyKind: 'organisation', organisationId: organisation.id, personId: null, householdId: null,
    name, category: 'government', tier: 'a', tierRationale: null, ownerUserId: null, description: null, power: null,
    interest: null, quadrant: null, mitchellClass: null, assessedOn: null,
  });
  return { id: stakeholder.id, name };
}

/** Two institutions and every role: the cast of the authorisation tests. */
export async function makeWorld() {
  const college = await makeInstitution({ name: 'ROC Horizon', sector: 'vocational-education' });
  const corporation = await makeInstitution({ name: 'Woonstede', sector: 'housing' });
  // One after another: concurrent SQLite writers would only wait on each other's lock.
  const secretary = await makeMember(college, 'secretary', { name: 'Sanne Secretaris' });
  const manager = await makeMember(college, 'manager', { name: 'Mark Manager' });
  const supervisor = await makeMember(college, 'supervisor', { name: 'Sofie Toezicht' });
  const otherSecretary = await makeMember(corporation, 'secretary', { name: 'Olaf Other' });
  const admin = await makeAdmin({ name: 'Ada Admin' });
  const municipality = await makeStakeholder(college, 'Gemeente Horizon');
  const studentCouncil = await makeStakeholder(college, 'Studentenraad');
  const foreignStakeholder = await makeStakeholder(corporation, 'Huurdersvereniging');
  return { college, corporation, secretary, manager, supervisor, otherSecretary, admin, municipality, studentCouncil, foreignStakeholder };
}
export type World = Awaited<ReturnType<typeof makeWorld>>;

export function obligationInput(overrides: Partial<ObligationInput> & { responsibleUserId: number }): ObligationInput {
  return {
    title: 'Quarterly report to the supervisory board',
    description: null,
    stakeholderIds: [],
    forum: 'Raad van toezicht',
    form: 'report',
    basis: null,
    provisionIds: [],
    leadTimeDays: 14,
    recurrence: { kind: 'monthly', interval: 3, day: 15 },
    startsOn: '2026-01-01',
    endsOn: null,
    reportsOn: 'previous',
    agreementId: null,
    ...overrides,
  };
}

export async function makeObligation(institution: { id: number }, overrides: Partial<ObligationInput> & { responsibleUserId: number }, today: Day) {
  return createObligation(SYSTEM_ACTOR, { institutionId: institution.id, ...obligationInput(overrides) }, today);
}

export async function makeAgreement(institution: { id: number }, stakeholderIds: number[], overrides: { startsOn?: Day; endsOn?: Day; title?: string } = {}) {
  return createAgreement(SYSTEM_ACTOR, {
    institutionId: institution.id,
    title: overrides.title ?? 'Prestatieafspraken 2026–2029',
    kind: 'performance-agreement',
    direction: 'mutual',
    startsOn: overrides.startsOn ?? '2026-01-01',
    endsOn: overrides.endsOn,
    stakeholderIds,
  });
}

/** A multipart POST from a signed-in user, as a browser sends a form with a file input. */
export async function multipartRequest(
  user: { id: number }, path: string, fields: Record<string, string>, files: Record<string, File> = {},
): Promise<Request> {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  for (const [name, file] of Object.entries(files)) body.append(name, file);
  return new Request(new URL(path, BASE_URL), { method: 'POST', body, headers: { Cookie: await sessionCookie(user) } });
}
