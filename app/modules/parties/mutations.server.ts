import type { Transaction } from 'sequelize';
import type { Actor } from '~/modules/audit/actor';
import { diffChanges, type Changes } from '~/modules/audit/changes';
import { recordAudit } from '~/modules/audit/mutations.server';
import {
  Household, HouseholdMember, inTransaction, Organisation, Person, Position, Stakeholder, UniqueConstraintError,
} from '~/utils/db.server';
import { today } from '~/utils/dates';
import { DomainError } from '~/utils/errors';
import { findOrganisationMatches, findPersonMatches, type PartyMatch } from './queries.server';
import { organisationNameKey, personDisplayName, personNameKey } from './rules';
import type {
  HouseholdInput, OrganisationInput, PartyKind, PersonInput, PositionCreateInput, PositionUpdateInput,
} from './schema';

/**
 * Thrown by a create when likely duplicates exist and the user has not chosen "create anyway":
 * the form shows the matches with their reasons.
 */
export class DuplicatesFound extends DomainError {
  constructor(readonly matches: PartyMatch[]) {
    super('conflict', 'parties:duplicates.found');
  }
}

type InInstitution = { institutionId: number };

const notFound = () => new DomainError('not-found', 'common:errors.notFound');
const conflict = () => new DomainError('conflict', 'common:errors.conflict');
const mergedAway = () => new DomainError('conflict', 'parties:errors.mergedAway');

function checkVersion(stored: number, submitted: number) {
  if (stored !== submitted) throw conflict();
}

const PARTY_COLUMN = { organisation: 'organisationId', person: 'personId', household: 'householdId' } as const;

/**
 * The register sorts and searches on the stakeholder's copy of its party's name, so a rename
 * updates it in the same transaction (and says so in the stakeholder's history).
 */
export async function renameStakeholderOf(
  transaction: Transaction, actor: Actor, institutionId: number, kind: PartyKind, partyId: number, displayName: string,
): Promise<void> {
  const stakeholder = await Stakeholder.findOne({ where: { institutionId, [PARTY_COLUMN[kind]]: partyId }, transaction });
  const name = displayName.slice(0, 200);
  if (!stakeholder || stakeholder.name === name) return;
  const before = stakeholder.name;
  await stakeholder.update({ name }, { transaction });
  await recordAudit(transaction, actor, {
    institutionId, entity: 'stakeholder', entityId: stakeholder.id, action: 'update', changes: { name: [before, name] },
  });
}

/** What the audit trail notes about a create despite likely duplicates: which records, and why. */
const overriddenMatches = (matches: PartyMatch[]): Changes =>
  matches.length ? { possibleDuplicates: [null, matches.map((m) => `#${m.id} ${m.label} (${m.reasons.join(', ')})`)] } : {};

// ---------------------------------------------------------------- persons

function personValues(input: PersonInput) {
  return {
    givenName: input.givenName ?? null,
    tussenvoegsel: input.tussenvoegsel ?? null,
    familyName: input.familyName,
    initials: input.initials ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    street: input.street ?? null,
    houseNumber: input.houseNumber ?? null,
    postcode: input.postcode ?? null,
    city: input.city ?? null,
    source: input.source ?? null,
    legalBasis: input.legalBasis ?? null,
  };
}

function personSnapshot(person: Person) {
  return {
    givenName: person.givenName, tussenvoegsel: person.tussenvoegsel, familyName: person.familyName, initials: person.initials,
    email: person.email, phone: person.phone, street: person.street, houseNumber: person.houseNumber, postcode: person.postcode,
    city: person.city, source: person.source, legalBasis: person.legalBasis, lastVerifiedOn: person.lastVerifiedOn,
  };
}

export type CreatePersonInput = PersonInput & InInstitution & { createAnyway?: boolean };

/**
 * Creates a person unless likely duplicates exist: then `DuplicatesFound`, and only an explicit
 * `createAnyway` goes ahead — recorded in the audit trail with the matches that were overridden.
 */
export async function createPerson(actor: Actor, input: CreatePersonInput): Promise<{ id: number }> {
  const matches = await findPersonMatches(input.institutionId, input);
  if (matches.length && !input.createAnyway) throw new DuplicatesFound(matches);
  return inTransaction((transaction) => createPersonIn(transaction, actor, input, matches));
}

/**
 * createPerson inside the caller's transaction, the duplicate decision already taken: `matches`
 * are the likely duplicates the user chose to create despite (an import writes many in one commit).
 */
export async function createPersonIn(
  transaction: Transaction, actor: Actor, input: PersonInput & InInstitution, matches: PartyMatch[],
): Promise<{ id: number }> {
  const values = { ...personValues(input), lastVerifiedOn: input.verified ? today() : null };
  const person = await Person.create(
    { institutionId: input.institutionId, ...values, nameKey: personNameKey(values) },
    { transaction },
  );
  await recordAudit(transaction, actor, {
    institutionId: input.institutionId, entity: 'person', entityId: person.id,
    action: matches.length ? 'create-anyway' : 'create',
    changes: { ...diffChanges(null, values), ...overriddenMatches(matches) },
  });
  return { id: person.id };
}

async function findPerson(transaction: Transaction, institutionId: number, personId: number) {
  const person = await Person.findOne({ where: { id: personId, institutionId }, transaction });
  if (!person) throw notFound();
  return person;
}

export type UpdatePersonInput = PersonInput & InInstitution & { personId: number; version: number };

export async function updatePerson(actor: Actor, input: UpdatePersonInput): Promise<void> {
  await inTransaction((transaction) => updatePersonIn(transaction, actor, input));
}

/**
 * updatePerson inside the caller's transaction: accepting a stakeholder's correction (privacy)
 * changes the person and settles the proposal in one commit.
 */
export async function updatePersonIn(transaction: Transaction, actor: Actor, input: UpdatePersonInput): Promise<void> {
  const person = await findPerson(transaction, input.institutionId, input.personId);
  if (person.mergedIntoId) throw mergedAway();
  checkVersion(person.version, input.version);
  const before = personSnapshot(person);
  const after = { ...personValues(input), lastVerifiedOn: input.verified ? today() : person.lastVerifiedOn };
  await person.update({ ...after, nameKey: personNameKey(after) }, { transaction });
  await recordAudit(transaction, actor, {
    institutionId: input.institutionId, entity: 'person', entityId: person.id, action: 'update', changes: diffChanges(before, after),
  });
  if (personDisplayName(before) !== personDisplayName(after)) {
    await renameStakeholderOf(transaction, actor, input.institutionId, 'person', person.id, personDisplayName(after));
  }
}

/** A vCard carries personal data out of the register: the trail says who took it, and in what form. */
export async function recordPersonExport(actor: Actor, input: InInstitution & { personId: number; format: 'vcard' }): Promise<void> {
  await inTransaction((transaction) =>
    recordAudit(transaction, actor, {
      institutionId: input.institutionId, entity: 'person', entityId: input.personId, action: 'export', changes: { format: [null, input.format] },
    }));
}

// ---------------------------------------------------------------- organisations

function organisationValues(input: OrganisationInput) {
  return {
    name: input.name,
    kind: input.kind,
    kvkNumber: input.kvkNumber ?? null,
    street: input.street ?? null,
    houseNumber: input.houseNumber ?? null,
    postcode: input.postcode ?? null,
    city: input.city ?? null,
    website: input.website ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    notes: input.notes ?? null,
    source: input.source ?? null,
  };
}

function organisationSnapshot(o: Organisation) {
  return {
    name: o.name, kind: o.kind, kvkNumber: o.kvkNumber, street: o.street, houseNumber: o.houseNumber, postcode: o.postcode,
    city: o.city, website: o.website, email: o.email, phone: o.phone, notes: o.notes, source: o.source, lastVerifiedOn: o.lastVerifiedOn,
  };
}

const kvkTaken = () => new DomainError('invalid', 'parties:errors.kvkTaken', { kvkNumber: 'parties:errors.kvkTaken' });

/** The KvK number is unique within the institution; the database says so as the last line. */
async function withKvkCheck<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UniqueConstraintError) throw kvkTaken();
    throw error;
  }
}

export type CreateOrganisationInput = OrganisationInput & InInstitution & { createAnyway?: boolean };

export async function createOrganisation(actor: Actor, input: CreateOrganisationInput): Promise<{ id: number }> {
  const matches = await findOrganisationMatches(input.institutionId, input);
  if (matches.length && !input.createAnyway) throw new DuplicatesFound(matches);
  return withKvkCheck(() => inTransaction((transaction) => createOrganisationIn(transaction, actor, input, matches)));
}

/** createOrganisation inside the caller's transaction, the duplicate decision already taken (see createPersonIn). */
export async function createOrganisationIn(
  transaction: Transaction, actor: Actor, input: OrganisationInput & InInstitution, matches: PartyMatch[],
): Promise<{ id: number }> {
  const values = { ...organisationValues(input), lastVerifiedOn: input.verified ? today() : null };
  const organisation = await Organisation.create(
    { institutionId: input.institutionId, ...values, nameKey: organisationNameKey(values.name) },
    { transaction },
  );
  await recordAudit(transaction, actor, {
    institutionId: input.institutionId, entity: 'organisation', entityId: organisation.id,
    action: matches.length ? 'create-anyway' : 'create',
    changes: { ...diffChanges(null, values), ...overriddenMatches(matches) },
  });
  return { id: organisation.id };
}

async function findOrganisation(transaction: Transaction, institutionId: number, organisationId: number) {
  const organisation = await Organisation.findOne({ where: { id: organisationId, institutionId }, transaction });
  if (!organisation) throw notFound();
  return organisation;
}

export type UpdateOrganisationInput = OrganisationInput & InInstitution & { organisationId: number; version: number };

export async function updateOrganisation(actor: Actor, input: UpdateOrganisationInput): Promise<void> {
  await withKvkCheck(() => inTransaction((transaction) => updateOrganisationIn(transaction, actor, input)));
}

/** updateOrganisation inside the caller's transaction: an import completes records in its own commit. */
export async function updateOrganisationIn(transaction: Transaction, actor: Actor, input: UpdateOrganisationInput): Promise<void> {
  const organisation = await findOrganisation(transaction, input.institutionId, input.organisationId);
  if (organisation.mergedIntoId) throw mergedAway();
  checkVersion(organisation.version, input.version);
  const before = organisationSnapshot(organisation);
  const after = { ...organisationValues(input), lastVerifiedOn: input.verified ? today() : organisation.lastVerifiedOn };
  await organisation.update({ ...after, nameKey: organisationNameKey(after.name) }, { transaction });
  await recordAudit(transaction, actor, {
    institutionId: input.institutionId, entity: 'organisation', entityId: organisation.id, action: 'update',
    changes: diffChanges(before, after),
  });
  if (before.name !== after.name) {
    await renameStakeholderOf(transaction, actor, input.institutionId, 'organisation', organisation.id, after.name);
  }
}

// ---------------------------------------------------------------- active, verified

type PartyRef = InInstitution & { kind: 'person' | 'organisation'; id: number };

/** What a person and an organisation share, so one function can write either. */
export type PartyRecord = (Person | Organisation) & {
  update(values: Record<string, unknown>, options: { transaction: Transaction }): Promise<unknown>;
  set(values: Record<string, unknown>): void;
};

async function findActivatable(transaction: Transaction, ref: PartyRef): Promise<PartyRecord> {
  const party = ref.kind === 'person'
    ? await findPerson(transaction, ref.institutionId, ref.id)
    : await findOrganisation(transaction, ref.institutionId, ref.id);
  return party as PartyRecord;
}

/**
 * Deactivates or reactivates a person or organisation: never a delete, the history stays. A
 * merged-away record stays inactive.
 */
export async function setPartyActive(actor: Actor, input: PartyRef & { active: boolean; version: number }): Promise<void> {
  await inTransaction(async (transaction) => {
    const party = await findActivatable(transaction, input);
    if (party.mergedIntoId) throw mergedAway();
    checkVersion(party.version, input.version);
    if (party.active === input.active) return;
    await party.update({ active: input.active }, { transaction });
    await recordAudit(transaction, actor, {
      institutionId: input.institutionId, entity: input.kind, entityId: party.id, action: input.active ? 'reactivate' : 'deactivate',
      changes: { active: [!input.active, input.active] },
    });
  });
}

/** "These details are still right": last verified becomes today. */
export async function verifyParty(actor: Actor, input: PartyRef): Promise<void> {
  await inTransaction(async (transaction) => {
    const party = await findActivatable(transaction, input);
    await markVerified(transaction, actor, input.institutionId, input.kind, party);
  });
}

/** Sets last verified to today inside the caller's transaction (recording a contact uses it too). */
export async function markVerified(
  transaction: Transaction, actor: Actor, institutionId: number, kind: 'person' | 'organisation', party: PartyRecord,
): Promise<void> {
  const day = today();
  if (party.lastVerifiedOn === day) return;
  const before = party.lastVerifiedOn;
  await party.update({ lastVerifiedOn: day }, { transaction });
  await recordAudit(transaction, actor, {
    institutionId, entity: kind, entityId: party.id, action: 'verify', changes: { lastVerifiedOn: [before, day] },
  });
}

// ---------------------------------------------------------------- households

function householdValues(input: HouseholdInput) {
  return {
    name: input.name,
    street: input.street ?? null,
    houseNumber: input.houseNumber ?? null,
    postcode: input.postcode ?? null,
    city: input.city ?? null,
    segment: input.segment ?? null,
    status: input.status,
    source: input.source ?? null,
  };
}

export async function createHousehold(actor: Actor, input: HouseholdInput & InInstitution): Promise<{ id: number }> {
  return inTransaction(async (transaction) => {
    const values = { ...householdValues(input), lastVerifiedOn: input.verified ? today() : null };
    const household = await Household.create({ institutionId: input.institutionId, ...values }, { transaction });
    await recordAudit(transaction, actor, {
      institutionId: input.institutionId, entity: 'household', entityId: household.id, action: 'create', changes: diffChanges(null, values),
    });
    return { id: household.id };
  });
}

async function findHousehold(transaction: Transaction, institutionId: number, householdId: number) {
  const household = await Household.findOne({ where: { id: householdId, institutionId }, transaction });
  if (!household) throw notFound();
  return household;
}

export async function updateHousehold(actor: Actor, input: HouseholdInput & InInstitution & { householdId: number; version: number }): Promise<void> {
  await inTransaction(async (transaction) => {
    const household = await findHousehold(transaction, input.institutionId, input.householdId);
    checkVersion(household.version, input.version);
    const before = { ...householdValues({ ...household.get({ plain: true }) } as unknown as HouseholdInput), lastVerifiedOn: household.lastVerifiedOn };
    const after = { ...householdValues(input), lastVerifiedOn: input.verified ? today() : household.lastVerifiedOn };
    await household.update(after, { transaction });
    await recordAudit(transaction, actor, {
      institutionId: input.institutionId, entity: 'household', entityId: household.id, action: 'update', changes: diffChanges(before, after),
    });
    if (before.name !== after.name) {
      await renameStakeholderOf(transaction, actor, input.institutionId, 'household', household.id, after.name);
    }
  });
}

export async function addHouseholdMember(
  actor: Actor,
  input: InInstitution & { householdId: number; personId: number; relation?: string },
): Promise<void> {
  await inTransaction(async (transaction) => {
    await findHousehold(transaction, input.institutionId, input.householdId);
    const person = await findPerson(transaction, input.institutionId, input.personId);
    if (!person.active) throw new DomainError('invalid', 'parties:errors.personInactive', { personId: 'parties:errors.personInactive' });
    const existing = await HouseholdMember.findOne({ where: { householdId: input.householdId, personId: input.personId }, transaction });
    if (existing) throw new DomainError('invalid', 'parties:errors.alreadyMember', { personId: 'parties:errors.alreadyMember' });
    await HouseholdMember.create({ householdId: input.householdId, personId: input.personId, relation: input.relation ?? null }, { transaction });
    await recordAudit(transaction, actor, {
      institutionId: input.institutionId, entity: 'household', entityId: input.householdId, action: 'update',
      changes: { member: [null, `#${person.id} ${personDisplayName(person)}`] },
    });
  });
}

export async function removeHouseholdMember(actor: Actor, input: InInstitution & { householdId: number; membershipId: number }): Promise<void> {
  await inTransaction(async (transaction) => {
    await findHousehold(transaction, input.institutionId, input.householdId);
    const membership = await HouseholdMember.findOne({
      where: { id: input.membershipId, householdId: input.householdId },
      include: [{ model: Person, as: 'person' }],
      transaction,
    });
    if (!membership) throw notFound();
    const person = membership.get('person') as Person;
    await membership.destroy({ transaction });
    await recordAudit(transaction, actor, {
      institutionId: input.institutionId, entity: 'household', entityId: input.householdId, action: 'update',
      changes: { member: [`#${person.id} ${personDisplayName(person)}`, null] },
    });
  });
}

// ---------------------------------------------------------------- positions

function positionValues(input: PositionUpdateInput) {
  return {
    title: input.title,
    startsOn: input.startsOn ?? null,
    endsOn: input.endsOn ?? null,
    businessEmail: input.businessEmail ?? null,
    businessPhone: input.businessPhone ?? null,
  };
}

/** A person's position at an organisation; both must be in the institution and active. */
export async function createPosition(actor: Actor, input: Omit<PositionCreateInput, 'version'> & InInstitution): Promise<{ id: number }> {
  return inTransaction((transaction) => createPositionIn(transaction, actor, input));
}

/** createPosition inside the caller's transaction. */
export async function createPositionIn(
  transaction: Transaction, actor: Actor, input: Omit<PositionCreateInput, 'version'> & InInstitution,
): Promise<{ id: number }> {
  const person = await findPerson(transaction, input.institutionId, input.personId);
  const organisation = await findOrganisation(transaction, input.institutionId, input.organisationId);
  const fieldErrors: Record<string, string> = {};
  if (!person.active) fieldErrors.personId = 'parties:errors.personInactive';
  if (!organisation.active) fieldErrors.organisationId = 'parties:errors.organisationInactive';
  if (Object.keys(fieldErrors).length) throw new DomainError('invalid', 'common:errors.invalid', fieldErrors);
  const values = positionValues({ ...input, version: 0 });
  const position = await Position.create(
    { institutionId: input.institutionId, personId: person.id, organisationId: organisation.id, ...values },
    { transaction },
  );
  await recordAudit(transaction, actor, {
    institutionId: input.institutionId, entity: 'position', entityId: position.id, action: 'create',
    changes: diffChanges(null, { person: `#${person.id} ${personDisplayName(person)}`, organisation: `#${organisation.id} ${organisation.name}`, ...values }),
  });
  return { id: position.id };
}

export async function updatePosition(actor: Actor, input: PositionUpdateInput & InInstitution & { positionId: number }): Promise<void> {
  await inTransaction(async (transaction) => {
    const position = await Position.findOne({ where: { id: input.positionId, institutionId: input.institutionId }, transaction });
    if (!position) throw notFound();
    checkVersion(position.version, input.version);
    const before = {
      title: position.title, startsOn: position.startsOn, endsOn: position.endsOn, businessEmail: position.businessEmail,
      businessPhone: position.businessPhone,
    };
    const after = positionValues(input);
    await position.update(after, { transaction });
    await recordAudit(transaction, actor, {
      institutionId: input.institutionId, entity: 'position', entityId: position.id, action: 'update', changes: diffChanges(before, after),
    });
  });
}
