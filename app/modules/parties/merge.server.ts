import type { Transaction } from 'sequelize';
import type { Actor } from '~/modules/audit/actor';
import type { Changes } from '~/modules/audit/changes';
import { recordAudit } from '~/modules/audit/mutations.server';
import { refreshLatestSalience } from '~/modules/stakeholders/salience.server';
import {
  AgreementParty, CorrectionProposal, DataSubjectRequest, EngagementParticipant, EngagementStakeholder, HouseholdMember,
  Interest, inTransaction, ObligationStakeholder, Organisation, Person, PortalLink, Position, SalienceAssessment, Stakeholder,
} from '~/utils/db.server';
import { maxDay } from '~/utils/dates';
import { DomainError } from '~/utils/errors';
import { renameStakeholderOf, type PartyRecord } from './mutations.server';
import { organisationNameKey, personDisplayName, personNameKey } from './rules';

/**
 * Merging folds a duplicate person or organisation into the one that stays (the survivor): its
 * positions, stakeholder relationship, engagement participation, household memberships and
 * privacy records move; fields the survivor lacks are taken over; the merged record is
 * deactivated and points to the survivor. Audit events stay where they are — the merge is
 * recorded on both records, so each history tells where the other went.
 */
export type MergeKind = 'person' | 'organisation';

export type MergePreview = {
  source: { id: number; label: string };
  survivor: { id: number; label: string };
  positions: number;
  householdMemberships: number;
  engagementParticipations: number;
  /** `moves`: the survivor takes the stakeholder record over; `folds`: both had one, they become one. */
  stakeholder: 'none' | 'moves' | 'folds';
  folded: { assessments: number; interests: number; engagements: number; agreements: number; obligations: number } | null;
  privacyRecords: number;
  /** Fields the survivor lacks and takes over, with the value it gets. */
  filledFields: Record<string, string>;
};

type MergeInput = { institutionId: number; sourceId: number; survivorId: number };

const label = (kind: MergeKind, record: Person | Organisation) =>
  kind === 'person' ? personDisplayName(record as Person) : (record as Organisation).name;

async function loadPair(kind: MergeKind, input: MergeInput, transaction?: Transaction) {
  if (input.sourceId === input.survivorId) {
    throw new DomainError('invalid', 'parties:merge.self', { survivorId: 'parties:merge.self' });
  }
  const find = (id: number) =>
    kind === 'person'
      ? Person.findOne({ where: { id, institutionId: input.institutionId }, transaction })
      : Organisation.findOne({ where: { id, institutionId: input.institutionId }, transaction });
  const [source, survivor] = (await Promise.all([find(input.sourceId), find(input.survivorId)])) as [PartyRecord | null, PartyRecord | null];
  if (!source) throw new DomainError('not-found', 'common:errors.notFound');
  // Another institution's record is not there to merge into: refused with a reason, as a 404.
  if (!survivor) throw new DomainError('not-found', 'parties:merge.survivorNotFound', { survivorId: 'parties:merge.survivorNotFound' });
  if (source.mergedIntoId) throw new DomainError('conflict', 'parties:errors.mergedAway');
  if (survivor.mergedIntoId || !survivor.active) {
    throw new DomainError('invalid', 'parties:merge.survivorInactive', { survivorId: 'parties:merge.survivorInactive' });
  }
  return { source, survivor };
}

// Fields taken over when the survivor has none; an address only as a whole, never mixed.
const PERSON_FILL = ['givenName', 'initials', 'email', 'phone', 'source', 'legalBasis'] as const;
const ORGANISATION_FILL = ['kvkNumber', 'website', 'email', 'phone', 'source', 'notes'] as const;
const ADDRESS = ['street', 'houseNumber', 'postcode', 'city'] as const;

function filledFields(kind: MergeKind, source: Person | Organisation, survivor: Person | Organisation): Record<string, string> {
  const read = (record: Person | Organisation, field: string) => (record.get(field) as string | null) ?? null;
  const filled: Record<string, string> = {};
  for (const field of kind === 'person' ? PERSON_FILL : ORGANISATION_FILL) {
    const value = read(source, field);
    if (value && !read(survivor, field)) filled[field] = value;
  }
  if (ADDRESS.every((field) => !read(survivor, field))) {
    for (const field of ADDRESS) {
      const value = read(source, field);
      if (value) filled[field] = value;
    }
  }
  return filled;
}

const PARTY_COLUMN = { person: 'personId', organisation: 'organisationId' } as const;

async function stakeholdersOf(kind: MergeKind, input: MergeInput, transaction?: Transaction) {
  const column = PARTY_COLUMN[kind];
  const [from, into] = await Promise.all([
    Stakeholder.findOne({ where: { institutionId: input.institutionId, [column]: input.sourceId }, transaction }),
    Stakeholder.findOne({ where: { institutionId: input.institutionId, [column]: input.survivorId }, transaction }),
  ]);
  return { from, into };
}

/** What a merge would move, for the confirmation page. Nothing is written. */
export async function getMergePreview(kind: MergeKind, input: MergeInput): Promise<MergePreview> {
  const { source, survivor } = await loadPair(kind, input);
  const { from, into } = await stakeholdersOf(kind, input);
  const personId = input.sourceId;
  const [positions, householdMemberships, engagementParticipations, privacyRecords, folded] = await Promise.all([
    Position.count({ where: { institutionId: input.institutionId, [PARTY_COLUMN[kind]]: input.sourceId } }),
    kind === 'person' ? HouseholdMember.count({ where: { personId } }) : Promise.resolve(0),
    kind === 'person' ? EngagementParticipant.count({ where: { personId } }) : Promise.resolve(0),
    kind === 'person'
      ? Promise.all([
        DataSubjectRequest.count({ where: { personId, institutionId: input.institutionId } }),
        PortalLink.count({ where: { personId, institutionId: input.institutionId } }),
        CorrectionProposal.count({ where: { personId, institutionId: input.institutionId } }),
      ]).then((counts) => counts.reduce((a, b) => a + b, 0))
      : Promise.resolve(0),
    from && into
      ? Promise.all([
        SalienceAssessment.count({ where: { stakeholderId: from.id } }),
        Interest.count({ where: { stakeholderId: from.id } }),
        EngagementStakeholder.count({ where: { stakeholderId: from.id } }),
        AgreementParty.count({ where: { stakeholderId: from.id } }),
        ObligationStakeholder.count({ where: { stakeholderId: from.id } }),
      ]).then(([assessments, interests, engagements, agreements, obligations]) => ({ assessments, interests, engagements, agreements, obligations }))
      : Promise.resolve(null),
  ]);
  return {
    source: { id: source.id, label: label(kind, source) },
    survivor: { id: survivor.id, label: label(kind, survivor) },
    positions,
    householdMemberships,
    engagementParticipations,
    stakeholder: !from ? 'none' : into ? 'folds' : 'moves',
    folded,
    privacyRecords,
    filledFields: filledFields(kind, source, survivor),
  };
}

/**
 * Re-points rows of a link table from one owner to another; where the survivor is already linked
 * to the same thing (unique pair), the duplicate link is removed instead. Returns how many moved.
 */
async function relink<M extends { get(key: string): unknown; update(values: object, options: object): Promise<unknown>; destroy(options: object): Promise<void> }>(
  transaction: Transaction,
  rows: M[],
  ownerField: string,
  pairField: string,
  survivorId: number,
  existingPairs: Set<unknown>,
): Promise<number> {
  let moved = 0;
  for (const row of rows) {
    if (existingPairs.has(row.get(pairField))) {
      await row.destroy({ transaction });
    } else {
      await row.update({ [ownerField]: survivorId }, { transaction });
      existingPairs.add(row.get(pairField));
    }
    moved += 1;
  }
  return moved;
}

/** Moves or folds the merged party's stakeholder record into the survivor's. */
async function moveStakeholder(
  transaction: Transaction, actor: Actor, kind: MergeKind, input: MergeInput, survivorName: string,
): Promise<Changes> {
  const column = PARTY_COLUMN[kind];
  const { from, into } = await stakeholdersOf(kind, input, transaction);
  if (!from) return {};
  if (!into) {
    const beforeName = from.name;
    await from.update({ [column]: input.survivorId, name: survivorName.slice(0, 200) }, { transaction });
    await recordAudit(transaction, actor, {
      institutionId: input.institutionId, entity: 'stakeholder', entityId: from.id, action: 'update',
      changes: { [column]: [input.sourceId, input.survivorId], ...(beforeName !== from.name ? { name: [beforeName, from.name] } : {}) },
    });
    return { stakeholder: [null, `#${from.id} moved`] };
  }

  const where = { stakeholderId: from.id };
  const [assessments] = await SalienceAssessment.update({ stakeholderId: into.id }, { where, transaction });
  const [interests] = await Interest.update({ stakeholderId: into.id }, { where, transaction });
  const pairsOf = async (model: typeof EngagementStakeholder | typeof AgreementParty | typeof ObligationStakeholder, pairField: string) =>
    new Set((await (model as typeof EngagementStakeholder).findAll({ where: { stakeholderId: into.id }, transaction })).map((r) => r.get(pairField)));
  const engagements = await relink(transaction, await EngagementStakeholder.findAll({ where, transaction }), 'stakeholderId', 'engagementId', into.id, await pairsOf(EngagementStakeholder, 'engagementId'));
  const agreements = await relink(transaction, await AgreementParty.findAll({ where, transaction }), 'stakeholderId', 'agreementId', into.id, await pairsOf(AgreementParty, 'agreementId'));
  const obligations = await relink(transaction, await ObligationStakeholder.findAll({ where, transaction }), 'stakeholderId', 'obligationId', into.id, await pairsOf(ObligationStakeholder, 'obligationId'));

  // The survivor's own classification stays; what it lacks is taken over.
  const takeOver: Record<string, unknown> = {};
  if (!into.description && from.description) takeOver.description = from.description;
  if (!into.tierRationale && from.tierRationale) takeOver.tierRationale = from.tierRationale;
  if (!into.ownerUserId && from.ownerUserId) takeOver.ownerUserId = from.ownerUserId;
  if (Object.keys(takeOver).length) await into.update(takeOver, { transaction });
  await refreshLatestSalience(transaction, into);

  await from.destroy({ transaction });
  const moved = { assessments, interests, engagements, agreements, obligations };
  await recordAudit(transaction, actor, {
    institutionId: input.institutionId, entity: 'stakeholder', entityId: from.id, action: 'merge',
    changes: { mergedIntoId: [null, into.id], name: [from.name, null] },
  });
  await recordAudit(transaction, actor, {
    institutionId: input.institutionId, entity: 'stakeholder', entityId: into.id, action: 'merge',
    changes: { mergedFrom: [null, `#${from.id} ${from.name}`], moved: [null, moved] },
  });
  return { stakeholder: [null, `#${from.id} folded into #${into.id}`] };
}

async function mergeParties(actor: Actor, kind: MergeKind, input: MergeInput): Promise<{ survivorId: number }> {
  return inTransaction(async (transaction) => {
    const { source, survivor } = await loadPair(kind, input, transaction);
    const moved: Record<string, number> = {};
    const { institutionId } = input;

    [moved.positions] = await Position.update(
      { [PARTY_COLUMN[kind]]: survivor.id },
      { where: { institutionId, [PARTY_COLUMN[kind]]: source.id }, transaction },
    );

    if (kind === 'person') {
      const households = new Set((await HouseholdMember.findAll({ where: { personId: survivor.id }, transaction })).map((m) => m.householdId));
      moved.householdMemberships = await relink(
        transaction, await HouseholdMember.findAll({ where: { personId: source.id }, transaction }), 'personId', 'householdId', survivor.id, households,
      );
      // Both took part in the same contact: one participant stays, keeping the position if only the duplicate had it.
      const survivorRows = await EngagementParticipant.findAll({ where: { personId: survivor.id }, transaction });
      const byEngagement = new Map(survivorRows.map((r) => [r.engagementId, r]));
      const sourceRows = await EngagementParticipant.findAll({ where: { personId: source.id }, transaction });
      for (const row of sourceRows) {
        const kept = byEngagement.get(row.engagementId);
        if (kept) {
          if (!kept.positionId && row.positionId) await kept.update({ positionId: row.positionId }, { transaction });
          await row.destroy({ transaction });
        } else {
          await row.update({ personId: survivor.id }, { transaction });
        }
      }
      moved.engagementParticipations = sourceRows.length;
      const privacyWhere = { where: { personId: source.id, institutionId }, transaction };
      const [requests] = await DataSubjectRequest.update({ personId: survivor.id }, privacyWhere);
      const [links] = await PortalLink.update({ personId: survivor.id }, privacyWhere);
      const [proposals] = await CorrectionProposal.update({ personId: survivor.id }, privacyWhere);
      moved.privacyRecords = requests + links + proposals;
    }

    // Fields the survivor lacks. A KvK number is unique: it leaves the merged record first.
    const filled = filledFields(kind, source, survivor);
    if (filled.kvkNumber) await source.update({ kvkNumber: null }, { transaction });
    const survivorBefore = label(kind, survivor);
    const lastVerifiedOn = [source.lastVerifiedOn, survivor.lastVerifiedOn].filter((d): d is string => Boolean(d));
    const verified = lastVerifiedOn.length ? maxDay(lastVerifiedOn[0]!, ...lastVerifiedOn.slice(1)) : null;
    const survivorChanges: Changes = Object.fromEntries(Object.entries(filled).map(([field, value]) => [field, [null, value]]));
    if (verified !== survivor.lastVerifiedOn) survivorChanges.lastVerifiedOn = [survivor.lastVerifiedOn, verified];
    survivor.set({ ...filled, lastVerifiedOn: verified });
    if (kind === 'person') {
      const person = survivor as Person;
      person.set({ nameKey: personNameKey(person) });
    } else {
      survivor.set({ nameKey: organisationNameKey((survivor as Organisation).name) });
    }
    await survivor.save({ transaction });
    const survivorName = label(kind, survivor);
    if (survivorName !== survivorBefore) await renameStakeholderOf(transaction, actor, institutionId, kind, survivor.id, survivorName);

    const stakeholderChanges = await moveStakeholder(transaction, actor, kind, input, survivorName);

    const wasActive = source.active;
    await source.update({ active: false, mergedIntoId: survivor.id }, { transaction });

    await recordAudit(transaction, actor, {
      institutionId, entity: kind, entityId: survivor.id, action: 'merge',
      changes: { mergedFrom: [null, `#${source.id} ${label(kind, source)}`], moved: [null, moved], ...stakeholderChanges, ...survivorChanges },
    });
    await recordAudit(transaction, actor, {
      institutionId, entity: kind, entityId: source.id, action: 'merge',
      changes: { mergedIntoId: [null, survivor.id], ...(wasActive ? { active: [true, false] } : {}), ...(filled.kvkNumber ? { kvkNumber: [filled.kvkNumber, null] } : {}) },
    });
    return { survivorId: survivor.id };
  });
}

/** Manager only (the route's guard): folds person `sourceId` into `survivorId`. */
export function mergePersons(actor: Actor, input: MergeInput): Promise<{ survivorId: number }> {
  return mergeParties(actor, 'person', input);
}

export function mergeOrganisations(actor: Actor, input: MergeInput): Promise<{ survivorId: number }> {
  return mergeParties(actor, 'organisation', input);
}
