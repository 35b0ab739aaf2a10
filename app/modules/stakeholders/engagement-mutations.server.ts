import type { Transaction } from 'sequelize';
import type { Actor } from '~/modules/audit/actor';
import { diffChanges } from '~/modules/audit/changes';
import { recordAudit } from '~/modules/audit/mutations.server';
import { markVerified, type PartyRecord } from '~/modules/parties/mutations.server';
import { personDisplayName } from '~/modules/parties/rules';
import {
  Engagement, EngagementInterest, EngagementParticipant, EngagementStakeholder, Interest, inTransaction, Person, Position,
  Stakeholder,
} from '~/utils/db.server';
import { compareDays, today } from '~/utils/dates';
import { DomainError } from '~/utils/errors';
import { isOwnerCandidate } from './queries.server';
import type { EngagementInput, ParticipantRef } from './schema';

type InInstitution = { institutionId: number };

const notFoundAt = (field: string) =>
  new DomainError('not-found', 'stakeholders:errors.linkNotFound', { [field]: 'stakeholders:errors.linkNotFound' });

type ResolvedLinks = {
  stakeholders: Stakeholder[];
  participants: { person: Person; positionId: number | null; label: string }[];
  interests: Interest[];
};

/**
 * Every id the form sent, looked up with the institution in the WHERE: one from elsewhere is not
 * found (404). A person chosen both privately and in a position takes part once, in the position.
 */
async function resolveLinks(transaction: Transaction, institutionId: number, input: EngagementInput): Promise<ResolvedLinks> {
  const stakeholderIds = [...new Set(input.stakeholderIds)];
  const stakeholders = await Stakeholder.findAll({ where: { id: stakeholderIds, institutionId }, transaction });
  if (stakeholders.length !== stakeholderIds.length) throw notFoundAt('stakeholderIds');

  const positionIds = input.participants.filter((p: ParticipantRef) => p.kind === 'position').map((p) => p.id);
  const personIds = input.participants.filter((p: ParticipantRef) => p.kind === 'person').map((p) => p.id);
  const positions = positionIds.length
    ? await Position.findAll({ where: { id: positionIds, institutionId }, include: [{ model: Person, as: 'person' }], transaction })
    : [];
  if (positions.length !== new Set(positionIds).size) throw notFoundAt('participants');
  const persons = personIds.length ? await Person.findAll({ where: { id: personIds, institutionId }, transaction }) : [];
  if (persons.length !== new Set(personIds).size) throw notFoundAt('participants');
  const participants = new Map<number, ResolvedLinks['participants'][number]>();
  for (const position of positions) {
    const person = position.get('person') as Person;
    participants.set(person.id, { person, positionId: position.id, label: `${personDisplayName(person)} (${position.title})` });
  }
  for (const person of persons) {
    if (!participants.has(person.id)) participants.set(person.id, { person, positionId: null, label: personDisplayName(person) });
  }

  const interestIds = [...new Set(input.interestIds)];
  const interests = interestIds.length ? await Interest.findAll({ where: { id: interestIds, institutionId }, transaction }) : [];
  if (interests.length !== interestIds.length) throw notFoundAt('interestIds');
  // A linked interest is one of the stakeholders the contact was with.
  if (interests.some((i) => !stakeholderIds.includes(i.stakeholderId))) {
    throw new DomainError('invalid', 'common:errors.invalid', { interestIds: 'stakeholders:errors.interestNotOfStakeholders' });
  }
  return { stakeholders, participants: [...participants.values()], interests };
}

async function checkFollowUpOwner(institutionId: number, userId: number | undefined) {
  if (userId && !(await isOwnerCandidate(institutionId, userId))) throw notFoundAt('followUpOwnerUserId');
}

function engagementValues(input: EngagementInput) {
  return {
    occurredOn: input.occurredOn,
    channel: input.channel,
    direction: input.direction,
    subject: input.subject,
    summary: input.summary ?? null,
    followUp: input.followUp ?? null,
    followUpOwnerUserId: input.followUp ? (input.followUpOwnerUserId ?? null) : null,
    followUpDueOn: input.followUp ? (input.followUpDueOn ?? null) : null,
  };
}

/** What the audit trail says about the links: names, so it reads without looking anything up. */
const linkSummary = (links: ResolvedLinks) => ({
  stakeholders: links.stakeholders.map((s) => s.name).sort(),
  participants: links.participants.map((p) => p.label).sort(),
  interests: links.interests.map((i) => i.title).sort(),
});

async function writeLinks(transaction: Transaction, engagementId: number, links: ResolvedLinks) {
  const createdAt = new Date();
  await EngagementStakeholder.bulkCreate(links.stakeholders.map((s) => ({ engagementId, stakeholderId: s.id, createdAt })), { transaction });
  await EngagementParticipant.bulkCreate(
    links.participants.map((p) => ({ engagementId, personId: p.person.id, positionId: p.positionId, createdAt })),
    { transaction },
  );
  await EngagementInterest.bulkCreate(links.interests.map((i) => ({ engagementId, interestId: i.id, createdAt })), { transaction });
}

/** When asked, the contact confirms its participants' details: their last verified becomes today. */
async function confirmParticipants(transaction: Transaction, actor: Actor, institutionId: number, links: ResolvedLinks) {
  for (const { person } of links.participants) {
    await markVerified(transaction, actor, institutionId, 'person', person as PartyRecord);
  }
}

/** Records a contact (contactmoment) with its stakeholders, participants, interests and follow-up. */
export async function recordEngagement(actor: Actor, input: EngagementInput & InInstitution): Promise<{ id: number }> {
  await checkFollowUpOwner(input.institutionId, input.followUpOwnerUserId);
  return inTransaction(async (transaction) => {
    const links = await resolveLinks(transaction, input.institutionId, input);
    const values = engagementValues(input);
    const engagement = await Engagement.create(
      { institutionId: input.institutionId, ...values, followUpDoneOn: null, recordedByUserId: actor.userId },
      { transaction },
    );
    await writeLinks(transaction, engagement.id, links);
    await recordAudit(transaction, actor, {
      institutionId: input.institutionId, entity: 'engagement', entityId: engagement.id, action: 'create',
      changes: diffChanges(null, { ...values, ...linkSummary(links) }),
    });
    if (input.confirmParticipants) await confirmParticipants(transaction, actor, input.institutionId, links);
    return { id: engagement.id };
  });
}

async function findEngagement(transaction: Transaction, institutionId: number, engagementId: number) {
  const engagement = await Engagement.findOne({ where: { id: engagementId, institutionId }, transaction });
  if (!engagement) throw new DomainError('not-found', 'common:errors.notFound');
  return engagement;
}

/** Corrects a recorded contact; its links are replaced by the ones now chosen. */
export async function updateEngagement(
  actor: Actor,
  input: EngagementInput & InInstitution & { engagementId: number; version: number },
): Promise<void> {
  await checkFollowUpOwner(input.institutionId, input.followUpOwnerUserId);
  await inTransaction(async (transaction) => {
    const engagement = await findEngagement(transaction, input.institutionId, input.engagementId);
    if (engagement.version !== input.version) throw new DomainError('conflict', 'common:errors.conflict');
    if (engagement.followUpDoneOn && compareDays(engagement.followUpDoneOn, input.occurredOn) < 0) {
      throw new DomainError('invalid', 'common:errors.invalid', { occurredOn: 'stakeholders:errors.afterFollowUpDone' });
    }
    const before = await currentLinkSummary(transaction, engagement.id);
    const links = await resolveLinks(transaction, input.institutionId, input);
    const beforeValues = {
      occurredOn: engagement.occurredOn, channel: engagement.channel, direction: engagement.direction, subject: engagement.subject,
      summary: engagement.summary, followUp: engagement.followUp, followUpOwnerUserId: engagement.followUpOwnerUserId,
      followUpDueOn: engagement.followUpDueOn,
    };
    const values = engagementValues(input);
    await engagement.update(values, { transaction });
    const where = { where: { engagementId: engagement.id }, transaction };
    await Promise.all([EngagementStakeholder.destroy(where), EngagementParticipant.destroy(where), EngagementInterest.destroy(where)]);
    await writeLinks(transaction, engagement.id, links);
    await recordAudit(transaction, actor, {
      institutionId: input.institutionId, entity: 'engagement', entityId: engagement.id, action: 'update',
      changes: diffChanges({ ...beforeValues, ...before }, { ...values, ...linkSummary(links) }),
    });
    if (input.confirmParticipants) await confirmParticipants(transaction, actor, input.institutionId, links);
  });
}

async function currentLinkSummary(transaction: Transaction, engagementId: number) {
  const [stakeholders, participants, interests] = await Promise.all([
    EngagementStakeholder.findAll({ where: { engagementId }, include: [{ model: Stakeholder, as: 'stakeholder' }], transaction }),
    EngagementParticipant.findAll({ where: { engagementId }, include: [{ model: Person, as: 'person' }, { model: Position, as: 'position' }], transaction }),
    EngagementInterest.findAll({ where: { engagementId }, include: [{ model: Interest, as: 'interest' }], transaction }),
  ]);
  return {
    stakeholders: stakeholders.map((s) => (s.get('stakeholder') as Stakeholder).name).sort(),
    participants: participants.map((p) => {
      const position = p.get('position') as Position | null;
      const name = personDisplayName(p.get('person') as Person);
      return position ? `${name} (${position.title})` : name;
    }).sort(),
    interests: interests.map((i) => (i.get('interest') as Interest).title).sort(),
  };
}

/** Ticks off an engagement's follow-up: done today. */
export async function completeFollowUp(actor: Actor, input: InInstitution & { engagementId: number }): Promise<void> {
  await inTransaction(async (transaction) => {
    const engagement = await findEngagement(transaction, input.institutionId, input.engagementId);
    if (!engagement.followUp) throw new DomainError('invalid', 'stakeholders:errors.noFollowUp');
    if (engagement.followUpDoneOn) return;
    const day = today();
    await engagement.update({ followUpDoneOn: day }, { transaction });
    await recordAudit(transaction, actor, {
      institutionId: input.institutionId, entity: 'engagement', entityId: engagement.id, action: 'update',
      changes: { followUpDoneOn: [null, day] },
    });
  });
}
