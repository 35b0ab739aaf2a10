import { literal, type Transaction } from 'sequelize';
import { termProblems } from '~/modules/agreements/rules';
import type { Actor } from '~/modules/audit/actor';
import { diffChanges, type Changes } from '~/modules/audit/changes';
import { recordAudit } from '~/modules/audit/mutations.server';
import {
  Agreement, db, inTransaction, Obligation, ObligationProvision, ObligationStakeholder, Op, ReportingMoment,
} from '~/utils/db.server';
import { addDays, compareDays, today as currentDay, minDay, type Day } from '~/utils/dates';
import { DomainError } from '~/utils/errors';
import { addAttachment, removeAttachment, type Upload } from './attachments.server';
import { assertMember, assertStakeholders, assertVersion, saveVersioned, WRITE_ROLES } from './people.server';
import { assertProvisions } from './provisions.server';
import {
  expandRecurrence, horizonEnd, momentUid, planRegeneration, recurrenceColumns, recurrenceFromColumns, remindFrom,
  type Moment, type ReportsOn,
} from './rules';
import type { ObligationInput, ObligationUpdateInput } from './schema';

type InInstitution = { institutionId: number };
type OneObligation = InInstitution & { obligationId: number };
type OneMoment = InInstitution & { momentId: number };

export type Materialised = { created: number; updated: number; removed: number; remindersMoved: number };

// ---------------------------------------------------------------------------------------------
// Reporting moments from the recurrence

function wantedMoments(obligation: Obligation, today: Day): Moment[] {
  if (!obligation.active) return [];
  return expandRecurrence(
    {
      recurrence: recurrenceFromColumns(obligation),
      startsOn: obligation.startsOn,
      endsOn: obligation.endsOn,
      reportsOn: obligation.reportsOn as ReportsOn,
    },
    { through: horizonEnd(today) },
  );
}

const newMoment = (obligation: Obligation, moment: Moment) => ({
  uid: momentUid(obligation.id, moment.periodStart),
  institutionId: obligation.institutionId,
  obligationId: obligation.id,
  dueOn: moment.dueOn,
  remindFrom: remindFrom(moment.dueOn, obligation.leadTimeDays),
  periodStart: moment.periodStart,
  periodEnd: moment.periodEnd,
  renderedOn: null,
  renderedByUserId: null,
  note: null,
  waivedOn: null,
  waivedByUserId: null,
  waiveReason: null,
});

/**
 * Brings an obligation's stored moments in line with its recurrence through the horizon, inside
 * the caller's transaction. A new obligation gets every moment from its start (past ones overdue);
 * afterwards planRegeneration decides: rendered and waived moments never change, a moment for the
 * same period keeps its id and UID. Open moments get their reminder day from the current lead time.
 */
async function materialise(transaction: Transaction, obligation: Obligation, today: Day, isNew: boolean): Promise<Materialised> {
  const wanted = wantedMoments(obligation, today);
  const result: Materialised = { created: 0, updated: 0, removed: 0, remindersMoved: 0 };
  if (isNew) {
    if (wanted.length) await ReportingMoment.bulkCreate(wanted.map((m) => newMoment(obligation, m)), { transaction });
    return { ...result, created: wanted.length };
  }
  const existing = await ReportingMoment.findAll({ where: { obligationId: obligation.id }, transaction });
  const plan = planRegeneration(
    existing.map((m) => ({ id: m.id, dueOn: m.dueOn, periodStart: m.periodStart, periodEnd: m.periodEnd, renderedOn: m.renderedOn, waivedOn: m.waivedOn })),
    wanted,
    today,
  );
  // Removals first: a period freed by one moment may be taken by another.
  if (plan.remove.length) await ReportingMoment.destroy({ where: { id: { [Op.in]: plan.remove }, obligationId: obligation.id }, transaction });
  for (const change of plan.update) {
    // A new version: an open form on the moment reloads rather than records against the old date,
    // and calendar clients see a higher SEQUENCE.
    await ReportingMoment.update(
      {
        dueOn: change.dueOn, periodStart: change.periodStart, periodEnd: change.periodEnd,
        remindFrom: remindFrom(change.dueOn, obligation.leadTimeDays), version: literal('version + 1') as unknown as number,
      },
      { where: { id: change.id, obligationId: obligation.id }, transaction },
    );
  }
  if (plan.create.length) await ReportingMoment.bulkCreate(plan.create.map((m) => newMoment(obligation, m)), { transaction });

  // A changed lead time moves the reminder day of every moment still open.
  const updated = new Set(plan.update.map((u) => u.id));
  for (const moment of existing) {
    if (updated.has(moment.id) || plan.remove.includes(moment.id) || moment.renderedOn || moment.waivedOn) continue;
    const reminder = remindFrom(moment.dueOn, obligation.leadTimeDays);
    if (moment.remindFrom !== reminder) {
      await ReportingMoment.update({ remindFrom: reminder }, { where: { id: moment.id }, transaction });
      result.remindersMoved++;
    }
  }
  return { ...result, created: plan.create.length, updated: plan.update.length, removed: plan.remove.length };
}

async function auditMaterialised(transaction: Transaction, actor: Actor, obligation: Obligation, result: Materialised, action: string) {
  const changes: Changes = {};
  for (const key of ['created', 'updated', 'removed', 'remindersMoved'] as const) {
    if (result[key] > 0) changes[key] = [null, result[key]];
  }
  if (Object.keys(changes).length === 0) return;
  await recordAudit(transaction, actor, { institutionId: obligation.institutionId, entity: 'obligation', entityId: obligation.id, action, changes });
}

// ---------------------------------------------------------------------------------------------
// Obligations

async function findObligation(transaction: Transaction, { institutionId, obligationId }: OneObligation): Promise<Obligation> {
  const obligation = await Obligation.findOne({ where: { id: obligationId, institutionId }, transaction });
  if (!obligation) throw new DomainError('not-found', 'common:errors.notFound');
  return obligation;
}

/** Refuses an agreement of another institution, and a span outside the agreement's term. */
async function assertAgreementTerm(transaction: Transaction, institutionId: number, input: ObligationInput): Promise<void> {
  if (input.agreementId === null) return;
  const agreement = await Agreement.findOne({ where: { id: input.agreementId, institutionId }, transaction });
  if (!agreement) throw new DomainError('invalid', 'common:errors.invalidChoice', { agreementId: 'common:errors.invalidChoice' });
  // A one-off lies inside the term when its due date does.
  const span = { startsOn: input.startsOn, endsOn: input.recurrence.kind === 'once' ? input.startsOn : input.endsOn };
  const problems = termProblems({ startsOn: agreement.startsOn, endsOn: agreement.endsOn }, span);
  const errors: Record<string, string> = {};
  if (problems.startsOn) errors.startsOn = 'obligations:form.beforeAgreementStart';
  if (problems.endsOn === 'after-term') errors.endsOn = 'obligations:form.afterAgreementEnd';
  if (problems.endsOn === 'needs-end') errors.endsOn = 'obligations:form.agreementNeedsEnd';
  if (Object.keys(errors).length) throw new DomainError('invalid', 'obligations:form.outsideAgreementTerm', errors);
}

async function assertReferences(transaction: Transaction, institutionId: number, input: ObligationInput): Promise<void> {
  await assertStakeholders(transaction, institutionId, input.stakeholderIds);
  await assertProvisions(transaction, institutionId, input.provisionIds);
  await assertMember(transaction, institutionId, input.responsibleUserId, 'responsibleUserId', WRITE_ROLES);
  await assertAgreementTerm(transaction, institutionId, input);
}

const columnsOf = (input: ObligationInput) => ({
  agreementId: input.agreementId,
  title: input.title,
  description: input.description,
  forum: input.forum,
  form: input.form,
  basis: input.basis,
  responsibleUserId: input.responsibleUserId,
  leadTimeDays: input.leadTimeDays,
  ...recurrenceColumns(input.recurrence),
  startsOn: input.startsOn,
  endsOn: input.endsOn,
  reportsOn: input.reportsOn,
});

const sortedIds = (ids: number[]) => [...ids].sort((a, b) => a - b);

async function linkedIds(transaction: Transaction, obligationId: number) {
  const [stakeholders, provisions] = await Promise.all([
    ObligationStakeholder.findAll({ where: { obligationId }, attributes: ['stakeholderId'], transaction }),
    ObligationProvision.findAll({ where: { obligationId }, attributes: ['provisionId'], transaction }),
  ]);
  return { stakeholderIds: sortedIds(stakeholders.map((s) => s.stakeholderId)), provisionIds: sortedIds(provisions.map((p) => p.provisionId)) };
}

async function setLinks(transaction: Transaction, obligationId: number, before: { stakeholderIds: number[]; provisionIds: number[] }, input: ObligationInput) {
  const goneStakeholders = before.stakeholderIds.filter((id) => !input.stakeholderIds.includes(id));
  const newStakeholders = input.stakeholderIds.filter((id) => !before.stakeholderIds.includes(id));
  if (goneStakeholders.length) await ObligationStakeholder.destroy({ where: { obligationId, stakeholderId: { [Op.in]: goneStakeholders } }, transaction });
  if (newStakeholders.length) await ObligationStakeholder.bulkCreate(newStakeholders.map((stakeholderId) => ({ obligationId, stakeholderId })), { transaction });
  const goneProvisions = before.provisionIds.filter((id) => !input.provisionIds.includes(id));
  const newProvisions = input.provisionIds.filter((id) => !before.provisionIds.includes(id));
  if (goneProvisions.length) await ObligationProvision.destroy({ where: { obligationId, provisionId: { [Op.in]: goneProvisions } }, transaction });
  if (newProvisions.length) await ObligationProvision.bulkCreate(newProvisions.map((provisionId) => ({ obligationId, provisionId })), { transaction });
}

const AUDITED_FIELDS = [
  'agreementId', 'title', 'description', 'forum', 'form', 'basis', 'responsibleUserId', 'leadTimeDays', 'recurrenceKind',
  'recurrenceInterval', 'recurrenceDay', 'recurrenceMonthDay', 'startsOn', 'endsOn', 'reportsOn', 'active',
] as const;

const snapshot = (o: Obligation, links: { stakeholderIds: number[]; provisionIds: number[] }) => ({
  ...Object.fromEntries(AUDITED_FIELDS.map((field) => [field, o[field]])),
  stakeholderIds: sortedIds(links.stakeholderIds),
  provisionIds: sortedIds(links.provisionIds),
});

/** A new obligation, its links and its moments through the horizon: one transaction, audited. */
export async function createObligation(actor: Actor, input: InInstitution & ObligationInput, today: Day = currentDay()): Promise<{ id: number; moments: number }> {
  return inTransaction(async (transaction) => {
    await assertReferences(transaction, input.institutionId, input);
    const obligation = await Obligation.create({ institutionId: input.institutionId, ...columnsOf(input), active: true }, { transaction });
    const links = { stakeholderIds: input.stakeholderIds, provisionIds: input.provisionIds };
    await setLinks(transaction, obligation.id, { stakeholderIds: [], provisionIds: [] }, input);
    await recordAudit(transaction, actor, {
      institutionId: input.institutionId, entity: 'obligation', entityId: obligation.id, action: 'create',
      changes: diffChanges(null, snapshot(obligation, links)),
    });
    const result = await materialise(transaction, obligation, today, true);
    await auditMaterialised(transaction, actor, obligation, result, 'materialise');
    return { id: obligation.id, moments: result.created };
  });
}

/**
 * Saves the obligation form (a stale version is a conflict) and regenerates its future, unrendered
 * moments in the same transaction.
 */
export async function updateObligation(actor: Actor, input: OneObligation & ObligationUpdateInput, today: Day = currentDay()): Promise<Materialised> {
  return inTransaction(async (transaction) => {
    const obligation = await findObligation(transaction, input);
    assertVersion(obligation, input.version);
    await assertReferences(transaction, input.institutionId, input);
    const beforeLinks = await linkedIds(transaction, obligation.id);
    const before = snapshot(obligation, beforeLinks);
    obligation.set(columnsOf(input));
    await saveVersioned(obligation, transaction);
    await setLinks(transaction, obligation.id, beforeLinks, input);
    await recordAudit(transaction, actor, {
      institutionId: input.institutionId, entity: 'obligation', entityId: obligation.id, action: 'update',
      changes: diffChanges(before, snapshot(obligation, { stakeholderIds: input.stakeholderIds, provisionIds: input.provisionIds })),
    });
    const result = await materialise(transaction, obligation, today, false);
    await auditMaterialised(transaction, actor, obligation, result, 'regenerate');
    return result;
  });
}

/**
 * Ends or resumes an obligation. Ended: its future open moments go (rendered, waived and overdue
 * ones stay on the record); resumed: they come back through the horizon.
 */
export async function setObligationActive(actor: Actor, input: OneObligation & { active: boolean; version: number }, today: Day = currentDay()): Promise<Materialised> {
  return inTransaction(async (transaction) => {
    const obligation = await findObligation(transaction, input);
    assertVersion(obligation, input.version);
    if (obligation.active === input.active) return { created: 0, updated: 0, removed: 0, remindersMoved: 0 };
    const was = obligation.active;
    obligation.active = input.active;
    await saveVersioned(obligation, transaction);
    await recordAudit(transaction, actor, {
      institutionId: input.institutionId, entity: 'obligation', entityId: obligation.id, action: input.active ? 'resume' : 'end',
      changes: { active: [was, input.active] },
    });
    const result = await materialise(transaction, obligation, today, false);
    await auditMaterialised(transaction, actor, obligation, result, 'regenerate');
    return result;
  });
}

/**
 * Ends an obligation on `endsOn` inside the caller's transaction (its agreement is being closed),
 * audited as the obligation's own update. One that runs past that day gets it as its end; one that
 * starts after it (a one-off due after it, too) cannot end before its start, so it is no longer
 * active. Its open moments due after `endsOn` go, also those already overdue: they fall after the
 * end. Rendered and waived moments, and those due on or before `endsOn`, stay. Null when nothing
 * changed (inactive, or already ending by then).
 */
export async function endObligationOn(
  transaction: Transaction, actor: Actor, input: OneObligation & { endsOn: Day }, today: Day = currentDay(),
): Promise<Materialised | null> {
  const obligation = await findObligation(transaction, input);
  if (!obligation.active) return null;
  const once = obligation.recurrenceKind === 'once';
  const startsLater = compareDays(obligation.startsOn, input.endsOn) > 0;
  if (!startsLater && (once || (obligation.endsOn !== null && compareDays(obligation.endsOn, input.endsOn) <= 0))) return null;
  const links = await linkedIds(transaction, obligation.id);
  const before = snapshot(obligation, links);
  if (startsLater) obligation.active = false;
  else obligation.endsOn = input.endsOn;
  await saveVersioned(obligation, transaction);
  await recordAudit(transaction, actor, {
    institutionId: obligation.institutionId, entity: 'obligation', entityId: obligation.id, action: 'update',
    changes: diffChanges(before, snapshot(obligation, links)),
  });
  // Regeneration keeps what lies before its day as history: from the day after the end when that
  // is earlier than today, so the open moments between the end and today go too.
  const result = await materialise(transaction, obligation, minDay(today, addDays(input.endsOn, 1)), false);
  await auditMaterialised(transaction, actor, obligation, result, 'regenerate');
  return result;
}

/**
 * Rolls every active obligation's moments forward to the horizon (the daily `moments:extend`).
 * Idempotent: a second run on the same day finds nothing to do. One short transaction per obligation.
 */
export async function extendMoments(actor: Actor, today: Day = currentDay()): Promise<{ obligations: number } & Materialised> {
  // A script's first query: open the pool (and bind the models) before using them.
  await db();
  const ids = (await Obligation.findAll({ where: { active: true }, attributes: ['id'], order: [['id', 'ASC']] })).map((o) => o.id);
  const total: { obligations: number } & Materialised = { obligations: ids.length, created: 0, updated: 0, removed: 0, remindersMoved: 0 };
  for (const id of ids) {
    const result = await inTransaction(async (transaction) => {
      const obligation = await Obligation.findOne({ where: { id, active: true }, transaction });
      if (!obligation) return null;
      const outcome = await materialise(transaction, obligation, today, false);
      await auditMaterialised(transaction, actor, obligation, outcome, 'extend');
      return outcome;
    });
    if (!result) continue;
    total.created += result.created;
    total.updated += result.updated;
    total.removed += result.removed;
    total.remindersMoved += result.remindersMoved;
  }
  return total;
}

// ---------------------------------------------------------------------------------------------
// Rendering account

async function findMoment(transaction: Transaction, { institutionId, momentId }: OneMoment): Promise<ReportingMoment> {
  const moment = await ReportingMoment.findOne({ where: { id: momentId, institutionId }, transaction });
  if (!moment) throw new DomainError('not-found', 'common:errors.notFound');
  return moment;
}

const momentFacts = (m: ReportingMoment) => ({
  renderedOn: m.renderedOn, renderedByUserId: m.renderedByUserId, note: m.note,
  waivedOn: m.waivedOn, waivedByUserId: m.waivedByUserId, waiveReason: m.waiveReason,
});

async function auditMoment(transaction: Transaction, actor: Actor, moment: ReportingMoment, action: string, before: ReturnType<typeof momentFacts>) {
  await recordAudit(transaction, actor, {
    institutionId: moment.institutionId, entity: 'reporting-moment', entityId: moment.id, action,
    changes: diffChanges(before, momentFacts(moment)),
  });
}

export type Evidence = { title?: string; url?: string; upload?: Upload | null };

export type RenderingInput = OneMoment & {
  renderedOn: Day;
  /** Who rendered account; the actor when left out. */
  renderedByUserId?: number | null;
  note?: string | null;
  version: number;
  evidence?: Evidence;
};

/** Records that account was rendered (not on a future day), with a note and optional evidence. */
export async function recordRendering(actor: Actor, input: RenderingInput, today: Day = currentDay()): Promise<void> {
  if (compareDays(input.renderedOn, today) > 0) {
    throw new DomainError('invalid', 'obligations:moment.renderedInFuture', { renderedOn: 'obligations:moment.renderedInFuture' });
  }
  await inTransaction(async (transaction) => {
    const moment = await findMoment(transaction, input);
    assertVersion(moment, input.version);
    if (moment.waivedOn) throw new DomainError('conflict', 'obligations:moment.alreadyWaived');
    const renderedBy = input.renderedByUserId ?? actor.userId;
    await assertMember(transaction, input.institutionId, input.renderedByUserId, 'renderedByUserId', WRITE_ROLES);
    const before = momentFacts(moment);
    moment.set({ renderedOn: input.renderedOn, renderedByUserId: renderedBy, note: input.note ?? null });
    await saveVersioned(moment, transaction);
    await auditMoment(transaction, actor, moment, before.renderedOn ? 'update-rendering' : 'render', before);
    const { evidence } = input;
    if (evidence && (evidence.upload || evidence.url)) {
      await addAttachment(transaction, actor, { institutionId: input.institutionId, reportingMomentId: moment.id }, evidence);
    }
  });
}

/** Takes a rendering back: the moment is open again (its evidence stays attached). */
export async function undoRendering(actor: Actor, input: OneMoment & { version: number }): Promise<void> {
  await inTransaction(async (transaction) => {
    const moment = await findMoment(transaction, input);
    assertVersion(moment, input.version);
    if (!moment.renderedOn) throw new DomainError('conflict', 'obligations:moment.notRendered');
    const before = momentFacts(moment);
    moment.set({ renderedOn: null, renderedByUserId: null });
    await saveVersioned(moment, transaction);
    await auditMoment(transaction, actor, moment, 'undo-render', before);
  });
}

/** Waives a moment with a reason (managers: the route's guard asks for `manage`). */
export async function waiveMoment(actor: Actor, input: OneMoment & { reason: string; version: number }, today: Day = currentDay()): Promise<void> {
  await inTransaction(async (transaction) => {
    const moment = await findMoment(transaction, input);
    assertVersion(moment, input.version);
    if (moment.renderedOn) throw new DomainError('conflict', 'obligations:moment.alreadyRendered');
    if (moment.waivedOn) throw new DomainError('conflict', 'obligations:moment.alreadyWaived');
    const before = momentFacts(moment);
    moment.set({ waivedOn: today, waivedByUserId: actor.userId, waiveReason: input.reason });
    await saveVersioned(moment, transaction);
    await auditMoment(transaction, actor, moment, 'waive', before);
  });
}

export async function undoWaiver(actor: Actor, input: OneMoment & { version: number }): Promise<void> {
  await inTransaction(async (transaction) => {
    const moment = await findMoment(transaction, input);
    assertVersion(moment, input.version);
    if (!moment.waivedOn) throw new DomainError('conflict', 'obligations:moment.notWaived');
    const before = momentFacts(moment);
    moment.set({ waivedOn: null, waivedByUserId: null, waiveReason: null });
    await saveVersioned(moment, transaction);
    await auditMoment(transaction, actor, moment, 'undo-waive', before);
  });
}

/** Evidence (a file or a link) for a moment, rendered or not yet. */
export async function addEvidence(actor: Actor, input: OneMoment & Evidence): Promise<{ id: number }> {
  return inTransaction(async (transaction) => {
    const moment = await findMoment(transaction, input);
    const id = await addAttachment(transaction, actor, { institutionId: input.institutionId, reportingMomentId: moment.id }, input);
    return { id };
  });
}

export async function removeEvidence(actor: Actor, input: OneMoment & { attachmentId: number }): Promise<void> {
  await inTransaction(async (transaction) => {
    const moment = await findMoment(transaction, input);
    await removeAttachment(transaction, actor, { institutionId: input.institutionId, reportingMomentId: moment.id }, input.attachmentId);
  });
}

// ---------------------------------------------------------------------------------------------
// Exports leave a trace too

/** Records that someone took the moments list out of the app (CSV, XLSX or ICS), with what was selected. */
export async function recordMomentsExport(actor: Actor, input: InInstitution & { format: 'csv' | 'xlsx' | 'ics'; rows: number; filters: Record<string, unknown> }): Promise<void> {
  await inTransaction((transaction) =>
    recordAudit(transaction, actor, {
      institutionId: input.institutionId, entity: 'reporting-moment', entityId: null, action: 'export',
      changes: { format: [null, input.format], rows: [null, input.rows], filters: [null, input.filters] },
    }),
  );
}
