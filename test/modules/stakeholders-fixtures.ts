import { SYSTEM_ACTOR } from '~/modules/audit/actor';
import { createHousehold, createOrganisation, createPerson, createPosition } from '~/modules/parties/mutations.server';
import type { HouseholdInput, OrganisationInput, PersonInput } from '~/modules/parties/schema';
import { recordEngagement } from '~/modules/stakeholders/engagement-mutations.server';
import { createStakeholder, recordAssessment } from '~/modules/stakeholders/mutations.server';
import type { EngagementInput, StakeholderCreateInput } from '~/modules/stakeholders/schema';
import { Agreement, AgreementParty, Obligation, ObligationStakeholder } from '~/utils/db.server';
import { makeAdmin, makeInstitution, makeMember } from '../support/factories';

/**
 * Parties, stakeholders and engagements built through this area's own mutations as the `system`
 * actor — the same calls the demo seed makes. Every helper says which institution it writes to.
 */
type Institution = { id: number };

export async function makeOrganisation(institution: Institution, overrides: Partial<OrganisationInput> = {}) {
  const input: OrganisationInput = { name: 'Gemeente Horizon', kind: 'municipality', verified: true, ...overrides };
  return createOrganisation(SYSTEM_ACTOR, { institutionId: institution.id, ...input, createAnyway: true });
}

export async function makePerson(institution: Institution, overrides: Partial<PersonInput> = {}) {
  const name = overrides.familyName ? { familyName: overrides.familyName } : { givenName: 'Jan', tussenvoegsel: 'de', familyName: 'Vries' };
  const input: PersonInput = { ...name, verified: true, ...overrides };
  return createPerson(SYSTEM_ACTOR, { institutionId: institution.id, ...input, createAnyway: true });
}

export async function makeHousehold(institution: Institution, overrides: Partial<HouseholdInput> = {}) {
  const input: HouseholdInput = { name: 'Familie Bakker', status: 'active', verified: true, postcode: '1234 AB', houseNumber: '1', ...overrides };
  return createHousehold(SYSTEM_ACTOR, { institutionId: institution.id, ...input });
}

export async function makePosition(institution: Institution, person: { id: number }, organisation: { id: number }, title = 'Wethouder', dates: { startsOn?: string; endsOn?: string } = {}) {
  return createPosition(SYSTEM_ACTOR, { institutionId: institution.id, personId: person.id, organisationId: organisation.id, title, ...dates });
}

export async function makeRegisteredStakeholder(
  institution: Institution,
  party: { kind: 'organisation' | 'person' | 'household'; id: number },
  overrides: Partial<Omit<StakeholderCreateInput, 'partyKind' | 'partyId'>> = {},
) {
  return createStakeholder(SYSTEM_ACTOR, {
    institutionId: institution.id, partyKind: party.kind, partyId: party.id, category: 'government', tier: 'a', status: 'active', ...overrides,
  });
}

/** An organisation that is a stakeholder, in one call. */
export async function makeOrganisationStakeholder(
  institution: Institution,
  name: string,
  overrides: Partial<Omit<StakeholderCreateInput, 'partyKind' | 'partyId'>> = {},
  organisation: Partial<OrganisationInput> = {},
) {
  const party = await makeOrganisation(institution, { name, ...organisation });
  const stakeholder = await makeRegisteredStakeholder(institution, { kind: 'organisation', id: party.id }, overrides);
  return { organisationId: party.id, id: stakeholder.id, name };
}

export function assess(institution: Institution, stakeholder: { id: number }, values: { assessedOn: string; power: number; interest: number; legitimacy?: boolean; urgency?: boolean }) {
  return recordAssessment(SYSTEM_ACTOR, {
    institutionId: institution.id, stakeholderId: stakeholder.id, legitimacy: false, urgency: false, ...values,
  });
}

export function engage(institution: Institution, input: Partial<EngagementInput> & { stakeholderIds: number[] }) {
  return recordEngagement(SYSTEM_ACTOR, {
    institutionId: institution.id, occurredOn: '2026-01-15', channel: 'meeting', direction: 'mutual', subject: 'Overleg',
    participants: [], interestIds: [], confirmParticipants: false, ...input,
  });
}

/** An agreement and an obligation that name the stakeholder (written straight to their tables: another area's records). */
export async function linkCommitments(institution: Institution, stakeholder: { id: number }) {
  const agreement = await Agreement.create({
    institutionId: institution.id, title: 'Prestatieafspraken 2026', kind: 'performance-agreement', direction: 'mutual', goals: null,
    startsOn: '2026-01-01', endsOn: null, reviewOn: null, ownerUserId: null,
  });
  await AgreementParty.create({ agreementId: agreement.id, stakeholderId: stakeholder.id });
  const obligation = await Obligation.create({
    institutionId: institution.id, agreementId: null, title: 'Jaarverslag', description: null, forum: null, form: 'report', basis: null,
    responsibleUserId: null, leadTimeDays: 0, recurrenceKind: 'once', recurrenceInterval: null, recurrenceDay: null,
    recurrenceMonthDay: null, startsOn: '2026-06-30', endsOn: null,
  });
  await ObligationStakeholder.create({ obligationId: obligation.id, stakeholderId: stakeholder.id });
  return { agreementId: agreement.id, obligationId: obligation.id };
}

/** Two institutions and every role: the cast of the authorisation tests. */
export async function makeCast() {
  const college = await makeInstitution({ name: 'ROC Vecht', sector: 'vocational-education' });
  const corporation = await makeInstitution({ name: 'Woonstede', sector: 'housing' });
  const [secretary, manager, supervisor, otherSecretary, admin] = await Promise.all([
    makeMember(college, 'secretary', { name: 'Sanne Secretaris' }),
    makeMember(college, 'manager', { name: 'Mark Manager' }),
    makeMember(college, 'supervisor', { name: 'Sofie Toezicht' }),
    makeMember(corporation, 'secretary', { name: 'Olaf Other' }),
    makeAdmin({ name: 'Ada Admin' }),
  ]);
  return { college, corporation, secretary, manager, supervisor, otherSecretary, admin };
}
