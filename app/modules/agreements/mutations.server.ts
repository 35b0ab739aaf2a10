import type { Transaction } from 'sequelize';
import type { Actor } from '~/modules/audit/actor';
import { diffChanges } from '~/modules/audit/changes';
import { recordAudit } from '~/modules/audit/mutations.server';
import { addAttachment, removeAttachment, type Upload } from '~/modules/obligations/attachments.server';
import { endObligationOn } from '~/modules/obligations/mutations.server';
import { assertMember, assertStakeholders, assertVersion, saveVersioned } from '~/modules/obligations/people.server';
import { Agreement, AgreementParty, inTransaction, Obligation, Op } from '~/utils/db.server';
import { compareDays, today as currentDay, type Day } from '~/utils/dates';
import { DomainError } from '~/utils/errors';
import { canTransition, isClosing, termProblems, transitionAction, type AgreementStatus } from './rules';
import type { AgreementInput, AgreementStatusInput, AgreementUpdateInput } from './schema';

type InInstitution = { institutionId: number };
type OneAgreement = InInstitution & { agreementId: number };

const snapshot = (a: Agreement, stakeholderIds: number[]) => ({
  title: a.title, kind: a.kind, direction: a.direction, goals: a.goals, startsOn: a.startsOn, endsOn: a.endsOn,
  reviewOn: a.reviewOn, ownerUserId: a.ownerUserId, status: a.status, stakeholderIds: [...stakeholderIds].sort((x, y) => x - y),
});

async function findAgreement(transaction: Transaction, { institutionId, agreementId }: OneAgreement): Promise<Agreement> {
  const agreement = await Agreement.findOne({ where: { id: agreementId, institutionId }, transaction });
  if (!agreement) throw new DomainError('not-found', 'common:errors.notFound');
  return agreement;
}

async function partyIds(transaction: Transaction, agreementId: number): Promise<number[]> {
  const links = await AgreementParty.findAll({ where: { agreementId }, attributes: ['stakeholderId'], transaction });
  return links.map((l) => l.stakeholderId);
}

async function setParties(transaction: Transaction, agreementId: number, before: number[], after: number[]): Promise<void> {
  const removed = before.filter((id) => !after.includes(id));
  const added = after.filter((id) => !before.includes(id));
  if (removed.length) await AgreementParty.destroy({ where: { agreementId, stakeholderId: { [Op.in]: removed } }, transaction });
  if (added.length) await AgreementParty.bulkCreate(added.map((stakeholderId) => ({ agreementId, stakeholderId })), { transaction });
}

const fieldsOf = (input: AgreementInput) => ({
  title: input.title,
  kind: input.kind,
  direction: input.direction,
  goals: input.goals ?? null,
  startsOn: input.startsOn,
  endsOn: input.endsOn ?? null,
  reviewOn: input.reviewOn ?? null,
  ownerUserId: input.ownerUserId ?? null,
});

async function assertReferences(transaction: Transaction, institutionId: number, input: AgreementInput): Promise<void> {
  await assertStakeholders(transaction, institutionId, input.stakeholderIds);
  await assertMember(transaction, institutionId, input.ownerUserId, 'ownerUserId');
}

/** A new agreement (draft) with its parties. */
export async function createAgreement(actor: Actor, input: InInstitution & AgreementInput): Promise<{ id: number }> {
  return inTransaction(async (transaction) => {
    await assertReferences(transaction, input.institutionId, input);
    const agreement = await Agreement.create({ institutionId: input.institutionId, ...fieldsOf(input), status: 'draft' }, { transaction });
    await setParties(transaction, agreement.id, [], input.stakeholderIds);
    await recordAudit(transaction, actor, {
      institutionId: input.institutionId, entity: 'agreement', entityId: agreement.id, action: 'create',
      changes: diffChanges(null, snapshot(agreement, input.stakeholderIds)),
    });
    return { id: agreement.id };
  });
}

/**
 * Saves the agreement form. The term may not shrink past an obligation that hangs under it: that
 * obligation would fall outside the agreement.
 */
export async function updateAgreement(actor: Actor, input: OneAgreement & AgreementUpdateInput): Promise<void> {
  await inTransaction(async (transaction) => {
    const agreement = await findAgreement(transaction, input);
    assertVersion(agreement, input.version);
    await assertReferences(transaction, input.institutionId, input);
    const beforeParties = await partyIds(transaction, agreement.id);
    const before = snapshot(agreement, beforeParties);

    const obligations = await Obligation.findAll({ where: { agreementId: agreement.id, institutionId: input.institutionId }, transaction });
    const term = { startsOn: input.startsOn, endsOn: input.endsOn ?? null };
    const outside = obligations.filter((o) => Object.keys(termProblems(term, { startsOn: o.startsOn, endsOn: o.endsOn })).length > 0);
    if (outside.length > 0) {
      const field = outside.some((o) => termProblems(term, { startsOn: o.startsOn, endsOn: o.endsOn }).startsOn) ? 'startsOn' : 'endsOn';
      throw new DomainError('invalid', 'agreements:form.obligationsOutsideTerm', { [field]: 'agreements:form.obligationsOutsideTerm' });
    }

    agreement.set(fieldsOf(input));
    await saveVersioned(agreement, transaction);
    await setParties(transaction, agreement.id, beforeParties, input.stakeholderIds);
    const changes = diffChanges(before, snapshot(agreement, input.stakeholderIds));
    await recordAudit(transaction, actor, { institutionId: input.institutionId, entity: 'agreement', entityId: agreement.id, action: 'update', changes });
  });
}

/**
 * draft → active → fulfilled | terminated | expired, and reopening; any other step is refused.
 * Closing may end the listed obligations under the agreement on the closing day, in the same
 * transaction. Reopening restarts none of them: the secretary edits each obligation that goes on.
 */
export async function changeAgreementStatus(actor: Actor, input: OneAgreement & AgreementStatusInput, today: Day = currentDay()): Promise<void> {
  await inTransaction(async (transaction) => {
    const agreement = await findAgreement(transaction, input);
    assertVersion(agreement, input.version);
    const from = agreement.status as AgreementStatus;
    if (!canTransition(from, input.status)) {
      throw new DomainError('invalid', 'agreements:status.notAllowed', { status: 'agreements:status.notAllowed' });
    }
    const closing = isClosing(from, input.status);
    const closedOn = input.closedOn ?? today;
    if (closing && compareDays(closedOn, agreement.startsOn) < 0) {
      throw new DomainError('invalid', 'agreements:close.beforeStart', { closedOn: 'agreements:close.beforeStart' });
    }
    const toEnd = closing ? await obligationsToEnd(transaction, input, input.endObligationIds ?? []) : [];

    agreement.status = input.status;
    await saveVersioned(agreement, transaction);
    await recordAudit(transaction, actor, {
      institutionId: input.institutionId, entity: 'agreement', entityId: agreement.id, action: transitionAction(from, input.status),
      changes: {
        status: [from, input.status],
        ...(closing ? { closedOn: [null, closedOn] } : {}),
        ...(input.reason ? { reason: [null, input.reason] } : {}),
      },
    });
    for (const obligationId of toEnd) {
      await endObligationOn(transaction, actor, { institutionId: input.institutionId, obligationId, endsOn: closedOn }, today);
    }
  });
}

/** The obligations to end must hang under this agreement, in this institution; anything else is refused whole. */
async function obligationsToEnd(transaction: Transaction, { institutionId, agreementId }: OneAgreement, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const found = await Obligation.findAll({ where: { id: { [Op.in]: ids }, institutionId, agreementId }, attributes: ['id'], order: [['id', 'ASC']], transaction });
  if (found.length !== new Set(ids).size) {
    throw new DomainError('invalid', 'agreements:close.unknownObligation', { endObligations: 'agreements:close.unknownObligation' });
  }
  return found.map((o) => o.id);
}

/** A document (a file or a link) for the agreement. */
export async function addAgreementDocument(
  actor: Actor, input: OneAgreement & { title?: string; url?: string; upload?: Upload | null },
): Promise<{ id: number }> {
  return inTransaction(async (transaction) => {
    await findAgreement(transaction, input);
    const id = await addAttachment(transaction, actor, { institutionId: input.institutionId, agreementId: input.agreementId }, input);
    return { id };
  });
}

export async function removeAgreementDocument(actor: Actor, input: OneAgreement & { attachmentId: number }): Promise<void> {
  await inTransaction(async (transaction) => {
    await findAgreement(transaction, input);
    await removeAttachment(transaction, actor, { institutionId: input.institutionId, agreementId: input.agreementId }, input.attachmentId);
  });
}
