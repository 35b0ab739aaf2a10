import type { Transaction } from 'sequelize';
import type { Actor } from '~/modules/audit/actor';
import { diffChanges } from '~/modules/audit/changes';
import { recordAudit } from '~/modules/audit/mutations.server';
import { assertVersion, saveVersioned } from '~/modules/obligations/people.server';
import {
  Agreement, CodeAdoption, CodePrinciple, CodeProvision, ComplianceStatement, ComplianceYear, Engagement, GovernanceCode, inTransaction,
  Obligation, ObligationProvision, Op, ReportingMoment, StatementEvidence,
} from '~/utils/db.server';
import type { Day } from '~/utils/dates';
import { DomainError } from '~/utils/errors';
import type { CodeLibrary } from './library-schema';
import { listYearTargets } from './queries.server';
import {
  complianceShare, copiedStatement, countStatuses, effectiveRegime, explanationRequired, type Regime, type StatementStatus,
} from './rules';
import type { AddEvidenceInput, EvidenceKind, StatementInput } from './schema';

export type ImportResult = { codeId: number; created: boolean; changed: boolean; principles: number; provisions: number };

/** Applies values to a row and saves only if something differs; reports whether it did. */
async function saveIfChanged(row: { set(values: object): unknown; changed(): false | string[]; save(options: object): Promise<unknown> }, values: object, transaction: Transaction) {
  row.set(values);
  if (!row.changed()) return false;
  await row.save({ transaction });
  return true;
}

/** Numbers that are in use by statements or obligations cannot silently disappear from a library. */
async function assertRemovable(transaction: Transaction, principleIds: number[], provisionIds: number[]) {
  const [statements, links] = await Promise.all([
    ComplianceStatement.count({
      where: { [Op.or]: [{ principleId: principleIds }, { provisionId: provisionIds }] },
      transaction,
    }),
    ObligationProvision.count({ where: { provisionId: provisionIds }, transaction }),
  ]);
  if (statements + links > 0) throw new DomainError('conflict', 'governance:import.removesUsedProvisions');
}

/**
 * Imports a validated library file: a new key+version is created, an existing one updated in place
 * (principles and provisions matched by number, so statements and links keep pointing at them).
 * One transaction: a failure leaves the library as it was.
 */
export async function importCodeLibrary(actor: Actor, library: CodeLibrary): Promise<ImportResult> {
  return inTransaction(async (transaction) => {
    const fields = {
      title: library.title,
      issuer: library.issuer,
      sectors: [...library.sectors],
      validFrom: library.validFrom,
      validUntil: library.validUntil,
      sourceUrl: library.sourceUrl,
      coverage: library.coverage,
    };
    let code = await GovernanceCode.findOne({ where: { key: library.key, version: library.version }, transaction });
    const created = !code;
    let changed = created;
    if (code) changed = (await saveIfChanged(code, fields, transaction)) || changed;
    else code = await GovernanceCode.create({ key: library.key, version: library.version, ...fields }, { transaction });

    const existingPrinciples = new Map(
      (await CodePrinciple.findAll({ where: { codeId: code.id }, transaction })).map((p) => [p.number, p]),
    );
    const existingProvisions = new Map(
      (await CodeProvision.findAll({ where: { codeId: code.id }, transaction })).map((p) => [p.number, p]),
    );
    const keptPrinciples = new Set<string>();
    const keptProvisions = new Set<string>();
    let provisionPosition = 0;

    for (const [index, principle] of library.principles.entries()) {
      keptPrinciples.add(principle.number);
      const values = { title: principle.title, summary: principle.summary ?? null, regime: principle.regime ?? null, position: index };
      let row = existingPrinciples.get(principle.number);
      if (row) changed = (await saveIfChanged(row, values, transaction)) || changed;
      else {
        row = await CodePrinciple.create({ codeId: code.id, number: principle.number, ...values }, { transaction });
        changed = true;
      }

      for (const provision of principle.provisions) {
        keptProvisions.add(provision.number);
        const provisionValues = {
          principleId: row.id,
          title: provision.title,
          summary: provision.summary ?? null,
          regime: provision.regime,
          addressee: provision.addressee ?? null,
          tags: [...provision.tags],
          position: provisionPosition++,
        };
        const existing = existingProvisions.get(provision.number);
        if (existing) changed = (await saveIfChanged(existing, provisionValues, transaction)) || changed;
        else {
          await CodeProvision.create({ codeId: code.id, number: provision.number, ...provisionValues }, { transaction });
          changed = true;
        }
      }
    }

    const goneProvisions = [...existingProvisions.values()].filter((p) => !keptProvisions.has(p.number));
    const gonePrinciples = [...existingPrinciples.values()].filter((p) => !keptPrinciples.has(p.number));
    if (goneProvisions.length + gonePrinciples.length > 0) {
      await assertRemovable(transaction, gonePrinciples.map((p) => p.id), goneProvisions.map((p) => p.id));
      await CodeProvision.destroy({ where: { id: goneProvisions.map((p) => p.id) }, transaction });
      await CodePrinciple.destroy({ where: { id: gonePrinciples.map((p) => p.id) }, transaction });
      changed = true;
    }

    const principles = library.principles.length;
    const provisions = keptProvisions.size;
    // Importing the same file again writes nothing, not even an audit event.
    if (!changed) return { codeId: code.id, created, changed, principles, provisions };
    await recordAudit(transaction, actor, {
      institutionId: null,
      entity: 'governance-code',
      entityId: code.id,
      action: created ? 'import' : 'reimport',
      changes: {
        key: [null, `${library.key}@${library.version}`],
        principles: [created ? null : existingPrinciples.size, principles],
        provisions: [created ? null : existingProvisions.size, provisions],
        coverage: [null, library.coverage],
      },
    });
    return { codeId: code.id, created, changed, principles, provisions };
  });
}

// ---------------------------------------------------------------------------------------------
// Adoptions: which code versions an institution reports on, from when

type InInstitution = { institutionId: number };

/**
 * Brings the statements of every opened, unlocked year of the institution in line with its
 * adoptions: a statement for each new target; a statement that fell out of scope is removed only
 * while nobody has said anything in it (an approved year is never touched).
 */
async function reconcileOpenYears(transaction: Transaction, actor: Actor, institutionId: number): Promise<void> {
  const years = await ComplianceYear.findAll({ where: { institutionId, approvedAt: null }, transaction });
  for (const year of years) await reconcileYear(transaction, actor, institutionId, year.year);
}

const isPristine = (s: ComplianceStatement, evidenceCount: number) =>
  s.status === 'not-assessed' && !s.explanation && !s.needsReview && evidenceCount === 0;

async function reconcileYear(transaction: Transaction, actor: Actor, institutionId: number, year: number): Promise<{ created: number; removed: number }> {
  const targets = await listYearTargets(institutionId, year, transaction);
  const existing = await ComplianceStatement.findAll({ where: { institutionId, year }, transaction });
  const key = (kind: string, id: number | null) => `${kind}:${id}`;
  const wanted = new Set(targets.map((t) => key(t.kind, t.id)));
  const have = new Set(existing.map((s) => (s.provisionId !== null ? key('provision', s.provisionId) : key('principle', s.principleId))));
  const missing = targets.filter((t) => !have.has(key(t.kind, t.id)));
  if (missing.length) {
    await ComplianceStatement.bulkCreate(missing.map((t) => ({
      institutionId, year, codeId: t.codeId,
      provisionId: t.kind === 'provision' ? t.id : null,
      principleId: t.kind === 'principle' ? t.id : null,
      status: 'not-assessed', explanation: null, needsReview: false, updatedByUserId: null,
    })), { transaction });
  }
  const outOfScope = existing.filter((s) => !wanted.has(s.provisionId !== null ? key('provision', s.provisionId) : key('principle', s.principleId)));
  const evidence = outOfScope.length
    ? await StatementEvidence.findAll({ where: { statementId: { [Op.in]: outOfScope.map((s) => s.id) } }, attributes: ['statementId'], transaction })
    : [];
  const removable = outOfScope.filter((s) => isPristine(s, evidence.filter((e) => e.statementId === s.id).length));
  if (removable.length) await ComplianceStatement.destroy({ where: { id: { [Op.in]: removable.map((s) => s.id) } }, transaction });
  if (missing.length + removable.length > 0) {
    await recordAudit(transaction, actor, {
      institutionId, entity: 'compliance-year', entityId: year, action: 'reconcile',
      changes: {
        ...(missing.length ? { statementsAdded: [null, missing.length] } : {}),
        ...(removable.length ? { statementsRemoved: [null, removable.length] } : {}),
      },
    });
  }
  return { created: missing.length, removed: removable.length };
}

/** A manager (or admin) adopts a code version for the institution from a day; opened years get its statements. */
export async function adoptCode(actor: Actor, input: InInstitution & { codeId: number; adoptedFrom: Day }): Promise<{ id: number }> {
  return inTransaction(async (transaction) => {
    const code = await GovernanceCode.findByPk(input.codeId, { transaction });
    if (!code) throw new DomainError('invalid', 'common:errors.invalidChoice', { codeId: 'common:errors.invalidChoice' });
    if (code.validUntil && input.adoptedFrom > code.validUntil) {
      throw new DomainError('invalid', 'compliance:adoption.afterCodeEnds', { adoptedFrom: 'compliance:adoption.afterCodeEnds' });
    }
    const existing = await CodeAdoption.findOne({ where: { institutionId: input.institutionId, codeId: code.id }, transaction });
    if (existing) throw new DomainError('invalid', 'compliance:adoption.alreadyAdopted', { codeId: 'compliance:adoption.alreadyAdopted' });
    const adoption = await CodeAdoption.create({ institutionId: input.institutionId, codeId: code.id, adoptedFrom: input.adoptedFrom, adoptedUntil: null }, { transaction });
    await recordAudit(transaction, actor, {
      institutionId: input.institutionId, entity: 'code-adoption', entityId: adoption.id, action: 'adopt',
      changes: { code: [null, `${code.key}@${code.version}`], adoptedFrom: [null, input.adoptedFrom] },
    });
    await reconcileOpenYears(transaction, actor, input.institutionId);
    return { id: adoption.id };
  });
}

/** Ends an adoption on a day (its last day under the code); statements of later years leave with it. */
export async function endAdoption(actor: Actor, input: InInstitution & { adoptionId: number; adoptedUntil: Day }): Promise<void> {
  await inTransaction(async (transaction) => {
    const adoption = await CodeAdoption.findOne({ where: { id: input.adoptionId, institutionId: input.institutionId }, transaction });
    if (!adoption) throw new DomainError('not-found', 'common:errors.notFound');
    if (input.adoptedUntil < adoption.adoptedFrom) {
      throw new DomainError('invalid', 'compliance:adoption.untilBeforeFrom', { adoptedUntil: 'compliance:adoption.untilBeforeFrom' });
    }
    const before = adoption.adoptedUntil;
    adoption.adoptedUntil = input.adoptedUntil;
    await adoption.save({ transaction });
    await recordAudit(transaction, actor, {
      institutionId: input.institutionId, entity: 'code-adoption', entityId: adoption.id, action: 'end',
      changes: { adoptedUntil: [before, input.adoptedUntil] },
    });
    await reconcileOpenYears(transaction, actor, input.institutionId);
  });
}

// ---------------------------------------------------------------------------------------------
// Years: open, copy from last year, approve and lock, unlock

/**
 * The year's row, locked for this transaction (PostgreSQL: FOR UPDATE), so an approval and an
 * edit of the same year never both commit. Null when the year was never opened.
 */
function findYear(transaction: Transaction, institutionId: number, year: number) {
  return ComplianceYear.findOne({ where: { institutionId, year }, transaction, lock: transaction.LOCK.UPDATE });
}

/** An approved year is read-only until a manager unlocks it. */
async function assertYearOpen(transaction: Transaction, institutionId: number, year: number): Promise<ComplianceYear> {
  const row = await findYear(transaction, institutionId, year);
  if (!row) throw new DomainError('not-found', 'common:errors.notFound');
  if (row.approvedAt) throw new DomainError('conflict', 'compliance:year.locked');
  return row;
}

async function openYearIn(transaction: Transaction, actor: Actor, institutionId: number, year: number): Promise<{ created: number }> {
  let row = await findYear(transaction, institutionId, year);
  if (row?.approvedAt) throw new DomainError('conflict', 'compliance:year.locked');
  const targets = await listYearTargets(institutionId, year, transaction);
  if (targets.length === 0) throw new DomainError('invalid', 'compliance:year.noCodes', { year: 'compliance:year.noCodes' });
  if (!row) {
    row = await ComplianceYear.create({ institutionId, year, approvedAt: null, approvedByUserId: null }, { transaction });
    await recordAudit(transaction, actor, { institutionId, entity: 'compliance-year', entityId: year, action: 'open', changes: null });
  }
  return { created: (await reconcileYear(transaction, actor, institutionId, year)).created };
}

/**
 * Opens a year: one statement, not assessed, per provision (or bare principle) of each code
 * version adopted and valid in it. Opening an opened year adds what is missing and nothing else.
 */
export async function openYear(actor: Actor, input: InInstitution & { year: number }): Promise<{ created: number }> {
  return inTransaction((transaction) => openYearIn(transaction, actor, input.institutionId, input.year));
}

/** A statement's place in a code, stable across versions of that code: key, kind and number. */
async function targetKeys(transaction: Transaction, statements: ComplianceStatement[]): Promise<Map<number, string>> {
  const codeIds = [...new Set(statements.map((s) => s.codeId))];
  const provisionIds = statements.flatMap((s) => (s.provisionId !== null ? [s.provisionId] : []));
  const principleIds = statements.flatMap((s) => (s.principleId !== null ? [s.principleId] : []));
  const [codes, provisions, principles] = await Promise.all([
    GovernanceCode.findAll({ where: { id: { [Op.in]: codeIds } }, attributes: ['id', 'key'], transaction }),
    CodeProvision.findAll({ where: { id: { [Op.in]: provisionIds } }, attributes: ['id', 'number'], transaction }),
    CodePrinciple.findAll({ where: { id: { [Op.in]: principleIds } }, attributes: ['id', 'number'], transaction }),
  ]);
  const codeKey = new Map(codes.map((c) => [c.id, c.key]));
  const provisionNumber = new Map(provisions.map((p) => [p.id, p.number]));
  const principleNumber = new Map(principles.map((p) => [p.id, p.number]));
  return new Map(statements.map((s) => [
    s.id,
    s.provisionId !== null
      ? `${codeKey.get(s.codeId)}|provision|${provisionNumber.get(s.provisionId)}`
      : `${codeKey.get(s.codeId)}|principle|${principleNumber.get(s.principleId!)}`,
  ]));
}

/**
 * "Start from last year": opens the year and fills every statement nobody has touched yet with
 * last year's status, explanation and evidence, each marked to be reviewed. Statements are matched
 * by code and number, so a new version of the same code carries over too. Last year's moments are
 * not carried: they were last year's proof.
 */
export async function copyFromLastYear(actor: Actor, input: InInstitution & { year: number }): Promise<{ created: number; copied: number }> {
  return inTransaction(async (transaction) => {
    const { institutionId, year } = input;
    const last = await ComplianceStatement.findAll({ where: { institutionId, year: year - 1 }, transaction });
    if (last.length === 0) throw new DomainError('invalid', 'compliance:year.nothingToCopy', { start: 'compliance:year.nothingToCopy' });
    const { created } = await openYearIn(transaction, actor, institutionId, year);
    const current = await ComplianceStatement.findAll({ where: { institutionId, year }, transaction });
    const [lastKeys, currentKeys] = await Promise.all([targetKeys(transaction, last), targetKeys(transaction, current)]);
    const lastByKey = new Map(last.map((s) => [lastKeys.get(s.id)!, s]));
    const evidence = await StatementEvidence.findAll({ where: { statementId: { [Op.in]: [...last.map((s) => s.id), ...current.map((s) => s.id)] } }, transaction });
    let copied = 0;
    for (const statement of current) {
      const source = lastByKey.get(currentKeys.get(statement.id)!);
      if (!source || !isPristine(statement, evidence.filter((e) => e.statementId === statement.id).length)) continue;
      const before = { status: statement.status, explanation: statement.explanation, needsReview: statement.needsReview };
      statement.set({ ...copiedStatement({ status: source.status as StatementStatus, explanation: source.explanation }), updatedByUserId: actor.userId });
      await saveVersioned(statement, transaction);
      const links = evidence.filter((e) => e.statementId === source.id && e.reportingMomentId === null);
      if (links.length) {
        await StatementEvidence.bulkCreate(links.map((e) => ({
          statementId: statement.id, obligationId: e.obligationId, reportingMomentId: null, agreementId: e.agreementId, engagementId: e.engagementId,
        })), { transaction });
      }
      await recordAudit(transaction, actor, {
        institutionId, entity: 'compliance-statement', entityId: statement.id, action: 'copy-from-last-year',
        changes: { ...diffChanges(before, { status: statement.status, explanation: statement.explanation, needsReview: true }), evidence: [null, links.length] },
      });
      copied++;
    }
    await recordAudit(transaction, actor, {
      institutionId, entity: 'compliance-year', entityId: year, action: 'copy-from-last-year', changes: { copied: [null, copied] },
    });
    return { created, copied };
  });
}

/** A manager approves the year: every statement is then locked. Nothing may still be unassessed or unreviewed. */
export async function approveYear(actor: Actor, input: InInstitution & { year: number; version: number }): Promise<void> {
  await inTransaction(async (transaction) => {
    const row = await findYear(transaction, input.institutionId, input.year);
    if (!row) throw new DomainError('not-found', 'common:errors.notFound');
    assertVersion(row, input.version);
    if (row.approvedAt) throw new DomainError('conflict', 'compliance:year.locked');
    const statements = await ComplianceStatement.findAll({ where: { institutionId: input.institutionId, year: input.year }, attributes: ['status', 'needsReview'], transaction });
    if (statements.length === 0) throw new DomainError('invalid', 'compliance:year.nothingToApprove');
    if (statements.some((s) => s.status === 'not-assessed' || s.needsReview)) throw new DomainError('invalid', 'compliance:year.incomplete');
    const share = complianceShare(countStatuses(statements.map((s) => s.status as StatementStatus)));
    row.set({ approvedAt: new Date(), approvedByUserId: actor.userId });
    await saveVersioned(row, transaction);
    await recordAudit(transaction, actor, {
      institutionId: input.institutionId, entity: 'compliance-year', entityId: input.year, action: 'approve',
      changes: { approvedAt: [null, row.approvedAt!.toISOString()], statements: [null, statements.length], share: [null, share] },
    });
  });
}

/** A manager unlocks an approved year, saying why; the reason stays in the audit trail. */
export async function unlockYear(actor: Actor, input: InInstitution & { year: number; version: number; reason: string }): Promise<void> {
  await inTransaction(async (transaction) => {
    const row = await findYear(transaction, input.institutionId, input.year);
    if (!row) throw new DomainError('not-found', 'common:errors.notFound');
    assertVersion(row, input.version);
    if (!row.approvedAt) throw new DomainError('conflict', 'compliance:year.notApproved');
    const approvedAt = row.approvedAt.toISOString();
    row.set({ approvedAt: null, approvedByUserId: null });
    await saveVersioned(row, transaction);
    await recordAudit(transaction, actor, {
      institutionId: input.institutionId, entity: 'compliance-year', entityId: input.year, action: 'unlock',
      changes: { approvedAt: [approvedAt, null], reason: [null, input.reason] },
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Statements and their evidence

/** A statement of the institution; with `year`, only if it belongs to that year (the page's URL). */
type OneStatement = InInstitution & { statementId: number; year?: number };

async function findStatement(transaction: Transaction, { institutionId, statementId, year }: OneStatement): Promise<ComplianceStatement> {
  const statement = await ComplianceStatement.findOne({ where: { id: statementId, institutionId, ...(year === undefined ? {} : { year }) }, transaction });
  if (!statement) throw new DomainError('not-found', 'common:errors.notFound');
  return statement;
}

/** The regime a statement is judged by: its provision's, or its bare principle's. */
async function regimeOf(transaction: Transaction, statement: ComplianceStatement): Promise<Regime> {
  if (statement.provisionId !== null) {
    const provision = await CodeProvision.findByPk(statement.provisionId, { attributes: ['regime'], transaction });
    return provision!.regime as Regime;
  }
  const principle = await CodePrinciple.findByPk(statement.principleId!, { attributes: ['regime'], transaction });
  return (principle!.regime ?? 'unspecified') as Regime;
}

/**
 * Saves a statement's status and explanation: refused in a locked year (409), on a stale version
 * (409), and without an explanation where the status or the regime asks for one (422). Saving
 * is reviewing: a statement copied from last year is no longer marked.
 */
export async function saveStatement(actor: Actor, input: OneStatement & StatementInput): Promise<void> {
  await inTransaction(async (transaction) => {
    const statement = await findStatement(transaction, input);
    await assertYearOpen(transaction, input.institutionId, statement.year);
    assertVersion(statement, input.version);
    const regime = await regimeOf(transaction, statement);
    const explanation = input.explanation ?? null;
    if (explanationRequired(input.status, regime) && !explanation) {
      const message = effectiveRegime(regime) === 'apply-and-explain' ? 'compliance:statement.explanationRequiredApply' : 'compliance:statement.explanationRequired';
      throw new DomainError('invalid', message, { explanation: message });
    }
    const before = { status: statement.status, explanation: statement.explanation, needsReview: statement.needsReview };
    statement.set({ status: input.status, explanation, needsReview: false, updatedByUserId: actor.userId });
    await saveVersioned(statement, transaction);
    await recordAudit(transaction, actor, {
      institutionId: input.institutionId, entity: 'compliance-statement', entityId: statement.id, action: 'update',
      changes: diffChanges(before, { status: statement.status, explanation: statement.explanation, needsReview: false }),
    });
  });
}

const EVIDENCE_COLUMN: Record<EvidenceKind, 'obligationId' | 'reportingMomentId' | 'agreementId' | 'engagementId'> = {
  obligation: 'obligationId',
  moment: 'reportingMomentId',
  agreement: 'agreementId',
  engagement: 'engagementId',
};

/** Whether the record exists within this institution: evidence never crosses institutions. */
async function ownsTarget(transaction: Transaction, institutionId: number, kind: EvidenceKind, id: number): Promise<boolean> {
  const where = { id, institutionId };
  switch (kind) {
    case 'obligation': return (await Obligation.count({ where, transaction })) > 0;
    case 'moment': return (await ReportingMoment.count({ where, transaction })) > 0;
    case 'agreement': return (await Agreement.count({ where, transaction })) > 0;
    case 'engagement': return (await Engagement.count({ where, transaction })) > 0;
  }
}

/** Links an obligation, moment, agreement or engagement of the same institution to a statement. */
export async function addStatementEvidence(actor: Actor, input: OneStatement & AddEvidenceInput): Promise<{ id: number }> {
  return inTransaction(async (transaction) => {
    const statement = await findStatement(transaction, input);
    await assertYearOpen(transaction, input.institutionId, statement.year);
    if (!(await ownsTarget(transaction, input.institutionId, input.kind, input.targetId))) {
      throw new DomainError('invalid', 'common:errors.invalidChoice', { targetId: 'common:errors.invalidChoice' });
    }
    const column = EVIDENCE_COLUMN[input.kind];
    const duplicate = await StatementEvidence.count({ where: { statementId: statement.id, [column]: input.targetId }, transaction });
    if (duplicate) throw new DomainError('invalid', 'compliance:evidence.alreadyLinked', { targetId: 'compliance:evidence.alreadyLinked' });
    const link = await StatementEvidence.create({
      statementId: statement.id, obligationId: null, reportingMomentId: null, agreementId: null, engagementId: null, [column]: input.targetId,
    }, { transaction });
    await recordAudit(transaction, actor, {
      institutionId: input.institutionId, entity: 'compliance-statement', entityId: statement.id, action: 'add-evidence',
      changes: { [column]: [null, input.targetId] },
    });
    return { id: link.id };
  });
}

export async function removeStatementEvidence(actor: Actor, input: OneStatement & { evidenceId: number }): Promise<void> {
  await inTransaction(async (transaction) => {
    const statement = await findStatement(transaction, input);
    await assertYearOpen(transaction, input.institutionId, statement.year);
    const link = await StatementEvidence.findOne({ where: { id: input.evidenceId, statementId: statement.id }, transaction });
    if (!link) throw new DomainError('not-found', 'common:errors.notFound');
    const column = (Object.values(EVIDENCE_COLUMN)).find((c) => link[c] !== null)!;
    await link.destroy({ transaction });
    await recordAudit(transaction, actor, {
      institutionId: input.institutionId, entity: 'compliance-statement', entityId: statement.id, action: 'remove-evidence',
      changes: { [column]: [link[column], null] },
    });
  });
}

/** Downloads are on the record too: what was exported, in which form, how many rows. */
export async function recordComplianceExport(
  actor: Actor, input: InInstitution & { year: number; format: 'csv' | 'xlsx' | 'html'; rows: number; filters?: Record<string, unknown> },
): Promise<void> {
  await inTransaction((transaction) =>
    recordAudit(transaction, actor, {
      institutionId: input.institutionId, entity: 'compliance-year', entityId: input.year, action: 'export',
      changes: { format: [null, input.format], rows: [null, input.rows], ...(input.filters ? { filters: [null, input.filters] } : {}) },
    }),
  );
}
