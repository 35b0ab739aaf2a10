import type { Transaction } from 'sequelize';
import type { Actor } from '~/modules/audit/actor';
import { diffChanges } from '~/modules/audit/changes';
import { recordAudit } from '~/modules/audit/mutations.server';
import { personDisplayName } from '~/modules/parties/rules';
import {
  Household, Interest, inTransaction, Organisation, Person, SalienceAssessment, Stakeholder, Theme, UniqueConstraintError,
} from '~/utils/db.server';
import { compareDays } from '~/utils/dates';
import { DomainError } from '~/utils/errors';
import type { PartyKind } from '~/modules/parties/schema';
import { isOwnerCandidate } from './queries.server';
import { salienceOf } from './rules';
import type { AssessmentInput, InterestInput, StakeholderCreateInput, StakeholderUpdateInput } from './schema';

type InInstitution = { institutionId: number };

const notFound = () => new DomainError('not-found', 'common:errors.notFound');

export async function findStakeholder(transaction: Transaction, institutionId: number, stakeholderId: number): Promise<Stakeholder> {
  const stakeholder = await Stakeholder.findOne({ where: { id: stakeholderId, institutionId }, transaction });
  if (!stakeholder) throw notFound();
  return stakeholder;
}

/** An owner from a form must be a secretary or manager of this institution; anyone else is not found here. */
async function checkOwner(institutionId: number, ownerUserId: number | undefined) {
  if (ownerUserId && !(await isOwnerCandidate(institutionId, ownerUserId))) {
    throw new DomainError('not-found', 'stakeholders:errors.ownerNotFound', { ownerUserId: 'stakeholders:errors.ownerNotFound' });
  }
}

/** The party in this institution, with the name the register shows; another institution's is not found. */
async function findParty(transaction: Transaction, institutionId: number, kind: PartyKind, partyId: number) {
  const notHere = () => new DomainError('not-found', 'stakeholders:errors.partyNotFound', { partyId: 'stakeholders:errors.partyNotFound' });
  if (kind === 'organisation') {
    const o = await Organisation.findOne({ where: { id: partyId, institutionId }, transaction });
    if (!o) throw notHere();
    return { name: o.name, active: o.active, column: 'organisationId' as const };
  }
  if (kind === 'person') {
    const p = await Person.findOne({ where: { id: partyId, institutionId }, transaction });
    if (!p) throw notHere();
    return { name: personDisplayName(p), active: p.active, column: 'personId' as const };
  }
  const h = await Household.findOne({ where: { id: partyId, institutionId }, transaction });
  if (!h) throw notHere();
  return { name: h.name, active: h.status !== 'inactive', column: 'householdId' as const };
}

function stakeholderValues(input: Omit<StakeholderUpdateInput, 'version'>) {
  return {
    category: input.category,
    tier: input.tier,
    tierRationale: input.tierRationale ?? null,
    ownerUserId: input.ownerUserId ?? null,
    status: input.status,
    description: input.description ?? null,
  };
}

/** Makes a party of the directory a stakeholder of the institution (once per party). */
export async function createStakeholder(actor: Actor, input: StakeholderCreateInput & InInstitution): Promise<{ id: number }> {
  await checkOwner(input.institutionId, input.ownerUserId);
  try {
    return await inTransaction(async (transaction) => {
      const party = await findParty(transaction, input.institutionId, input.partyKind, input.partyId);
      if (!party.active) throw new DomainError('invalid', 'stakeholders:errors.partyInactive', { partyId: 'stakeholders:errors.partyInactive' });
      const values = stakeholderValues(input);
      const stakeholder = await Stakeholder.create(
        {
          institutionId: input.institutionId, partyKind: input.partyKind, organisationId: null, personId: null, householdId: null,
          [party.column]: input.partyId, name: party.name.slice(0, 200), ...values,
          power: null, interest: null, quadrant: null, mitchellClass: null, assessedOn: null,
        },
        { transaction },
      );
      await recordAudit(transaction, actor, {
        institutionId: input.institutionId, entity: 'stakeholder', entityId: stakeholder.id, action: 'create',
        changes: diffChanges(null, { name: stakeholder.name, partyKind: input.partyKind, ...values }),
      });
      return { id: stakeholder.id };
    });
  } catch (error) {
    if (error instanceof UniqueConstraintError) {
      throw new DomainError('invalid', 'stakeholders:errors.alreadyStakeholder', { partyId: 'stakeholders:errors.alreadyStakeholder' });
    }
    throw error;
  }
}

export async function updateStakeholder(
  actor: Actor,
  input: StakeholderUpdateInput & InInstitution & { stakeholderId: number },
): Promise<void> {
  await checkOwner(input.institutionId, input.ownerUserId);
  await inTransaction(async (transaction) => {
    const stakeholder = await findStakeholder(transaction, input.institutionId, input.stakeholderId);
    if (stakeholder.version !== input.version) throw new DomainError('conflict', 'common:errors.conflict');
    const before = stakeholderValues({
      ...stakeholder.get({ plain: true }),
      tierRationale: stakeholder.tierRationale ?? undefined,
      ownerUserId: stakeholder.ownerUserId ?? undefined,
      description: stakeholder.description ?? undefined,
    } as StakeholderUpdateInput);
    const after = stakeholderValues(input);
    await stakeholder.update(after, { transaction });
    await recordAudit(transaction, actor, {
      institutionId: input.institutionId, entity: 'stakeholder', entityId: stakeholder.id, action: 'update', changes: diffChanges(before, after),
    });
  });
}

/**
 * Records a dated salience assessment. Its quadrant and class are computed here and stored with
 * it; the stakeholder's copy (what the register filters on) changes only when this is now the
 * latest — a back-dated assessment joins the history without overwriting a newer one.
 */
export async function recordAssessment(
  actor: Actor,
  input: AssessmentInput & InInstitution & { stakeholderId: number },
): Promise<{ id: number; latest: boolean }> {
  return inTransaction(async (transaction) => {
    const stakeholder = await findStakeholder(transaction, input.institutionId, input.stakeholderId);
    const salience = salienceOf(input);
    const assessment = await SalienceAssessment.create(
      {
        institutionId: input.institutionId, stakeholderId: stakeholder.id, assessedOn: input.assessedOn, power: input.power,
        interest: input.interest, legitimacy: input.legitimacy, urgency: input.urgency, ...salience, note: input.note ?? null,
        assessedByUserId: actor.userId,
      },
      { transaction },
    );
    // Same day as the stored latest: the one recorded last wins, as in LATEST_FIRST.
    const latest = stakeholder.assessedOn === null || compareDays(input.assessedOn, stakeholder.assessedOn) >= 0;
    if (latest) {
      await stakeholder.update(
        { power: input.power, interest: input.interest, ...salience, assessedOn: input.assessedOn },
        { transaction },
      );
    }
    await recordAudit(transaction, actor, {
      institutionId: input.institutionId, entity: 'stakeholder', entityId: stakeholder.id, action: 'assess',
      changes: {
        assessedOn: [null, input.assessedOn], power: [null, input.power], interest: [null, input.interest],
        legitimacy: [null, input.legitimacy], urgency: [null, input.urgency], quadrant: [null, salience.quadrant],
        mitchellClass: [null, salience.mitchellClass], ...(input.note ? { note: [null, input.note] } : {}),
      },
    });
    return { id: assessment.id, latest };
  });
}

// ---------------------------------------------------------------- interests

/** A theme from a form: this institution's, or not found. */
async function checkTheme(transaction: Transaction, institutionId: number, themeId: number | undefined) {
  if (!themeId) return null;
  const theme = await Theme.findOne({ where: { id: themeId, institutionId }, transaction });
  if (!theme) throw new DomainError('not-found', 'stakeholders:errors.themeNotFound', { themeId: 'stakeholders:errors.themeNotFound' });
  return theme;
}

function interestValues(input: InterestInput) {
  return {
    title: input.title,
    description: input.description ?? null,
    themeId: input.themeId ?? null,
    priority: input.priority,
    since: input.since ?? null,
    status: input.status,
  };
}

export async function createInterest(actor: Actor, input: InterestInput & InInstitution & { stakeholderId: number }): Promise<{ id: number }> {
  return inTransaction(async (transaction) => {
    const stakeholder = await findStakeholder(transaction, input.institutionId, input.stakeholderId);
    const theme = await checkTheme(transaction, input.institutionId, input.themeId);
    const values = interestValues(input);
    const interest = await Interest.create({ institutionId: input.institutionId, stakeholderId: stakeholder.id, ...values }, { transaction });
    await recordAudit(transaction, actor, {
      institutionId: input.institutionId, entity: 'interest', entityId: interest.id, action: 'create',
      changes: diffChanges(null, { stakeholder: `#${stakeholder.id} ${stakeholder.name}`, ...values, themeId: theme?.name ?? null }),
    });
    return { id: interest.id };
  });
}

export async function updateInterest(
  actor: Actor,
  input: InterestInput & InInstitution & { interestId: number; version: number; stakeholderId?: number },
): Promise<void> {
  await inTransaction(async (transaction) => {
    const interest = await Interest.findOne({
      where: { id: input.interestId, institutionId: input.institutionId, ...(input.stakeholderId ? { stakeholderId: input.stakeholderId } : {}) },
      transaction,
    });
    if (!interest) throw notFound();
    if (interest.version !== input.version) throw new DomainError('conflict', 'common:errors.conflict');
    await checkTheme(transaction, input.institutionId, input.themeId);
    const before = {
      title: interest.title, description: interest.description, themeId: interest.themeId, priority: interest.priority,
      since: interest.since, status: interest.status,
    };
    const after = interestValues(input);
    await interest.update(after, { transaction });
    await recordAudit(transaction, actor, {
      institutionId: input.institutionId, entity: 'interest', entityId: interest.id, action: 'update', changes: diffChanges(before, after),
    });
  });
}

// ---------------------------------------------------------------- themes (managers)

const themeTaken = () => new DomainError('invalid', 'stakeholders:errors.themeTaken', { name: 'stakeholders:errors.themeTaken' });

export async function createTheme(actor: Actor, input: InInstitution & { name: string }): Promise<{ id: number }> {
  try {
    return await inTransaction(async (transaction) => {
      const last = (await Theme.max('position', { where: { institutionId: input.institutionId }, transaction })) as number | null;
      const theme = await Theme.create({ institutionId: input.institutionId, name: input.name, position: (last ?? 0) + 1 }, { transaction });
      await recordAudit(transaction, actor, {
        institutionId: input.institutionId, entity: 'theme', entityId: theme.id, action: 'create', changes: { name: [null, input.name] },
      });
      return { id: theme.id };
    });
  } catch (error) {
    if (error instanceof UniqueConstraintError) throw themeTaken();
    throw error;
  }
}

/** Renames or retires a theme; a retired theme keeps its interests but is no longer offered. */
export async function updateTheme(actor: Actor, input: InInstitution & { themeId: number; name: string; active: boolean }): Promise<void> {
  try {
    await inTransaction(async (transaction) => {
      const theme = await Theme.findOne({ where: { id: input.themeId, institutionId: input.institutionId }, transaction });
      if (!theme) throw notFound();
      const before = { name: theme.name, active: theme.active };
      const after = { name: input.name, active: input.active };
      await theme.update(after, { transaction });
      await recordAudit(transaction, actor, {
        institutionId: input.institutionId, entity: 'theme', entityId: theme.id, action: 'update', changes: diffChanges(before, after),
      });
    });
  } catch (error) {
    if (error instanceof UniqueConstraintError) throw themeTaken();
    throw error;
  }
}

/** Moves a theme one place up or down in the institution's list. */
export async function moveTheme(actor: Actor, input: InInstitution & { themeId: number; direction: 'up' | 'down' }): Promise<void> {
  await inTransaction(async (transaction) => {
    const themes = await Theme.findAll({
      where: { institutionId: input.institutionId }, order: [['position', 'ASC'], ['name', 'ASC'], ['id', 'ASC']], transaction,
    });
    const index = themes.findIndex((t) => t.id === input.themeId);
    if (index < 0) throw notFound();
    const other = input.direction === 'up' ? index - 1 : index + 1;
    if (other < 0 || other >= themes.length) return;
    [themes[index], themes[other]] = [themes[other]!, themes[index]!];
    for (const [position, theme] of themes.entries()) {
      if (theme.position !== position + 1) await theme.update({ position: position + 1 }, { transaction });
    }
    await recordAudit(transaction, actor, {
      institutionId: input.institutionId, entity: 'theme', entityId: input.themeId, action: 'update',
      changes: { position: [index + 1, other + 1] },
    });
  });
}
