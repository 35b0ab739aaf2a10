import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, userActor } from '~/modules/audit/actor';
import {
  addStatementEvidence, adoptCode, approveYear, copyFromLastYear, endAdoption, openYear, removeStatementEvidence, saveStatement,
  unlockYear,
} from '~/modules/governance/mutations.server';
import { getYearShares, isCodeInForce, listStatements, summariseYearStatements } from '~/modules/governance/queries.server';
import { overlapsYear } from '~/modules/governance/rules';
import {
  AuditEvent, ComplianceStatement, ComplianceYear, ReportingMoment, StatementEvidence,
} from '~/utils/db.server';
import { DomainError } from '~/utils/errors';
import { EXPLANATION, importTestCode, makeComplianceWorld, testLibrary, type ComplianceWorld } from './compliance-fixtures';
import { makeAgreement, makeObligation } from './obligations-fixtures';
import { makeInstitution } from '../support/factories';

/**
 * The compliance mutations against a real database: opening a year, starting from last year,
 * saving statements (the explanation rules per regime, stale versions), evidence that never
 * crosses institutions, approval and the lock, and nothing half-written when something is refused.
 */

let world: ComplianceWorld;
const college = () => ({ institutionId: world.college.id });

/** The statement of the college for `year` on provision (or bare principle) `number`. */
async function statementOn(year: number, number: string, institutionId = world.college.id) {
  const where = number.includes('.')
    ? { provisionId: world.code.provisionIds[number] }
    : { principleId: world.code.principleIds[number] };
  return (await ComplianceStatement.findOne({ where: { institutionId, year, ...where } }))!;
}

async function refused(work: Promise<unknown>): Promise<DomainError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

/** Everything a refused call could have written. */
async function snapshot() {
  return {
    statements: (await ComplianceStatement.findAll({ order: [['id', 'ASC']] })).map((s) => s.toJSON()),
    years: (await ComplianceYear.findAll({ order: [['id', 'ASC']] })).map((y) => y.toJSON()),
    evidence: await StatementEvidence.count(),
    audit: await AuditEvent.count(),
  };
}

beforeAll(async () => {
  world = await makeComplianceWorld();
});

describe('opening a year', () => {
  it('creates one not-assessed statement per provision and per principle without provisions, once', async () => {
    const { created } = await openYear(SYSTEM_ACTOR, { ...college(), year: 2024 });
    expect(created).toBe(4);
    const rows = await listStatements(world.college.id, 2024, {}, '2026-03-31');
    expect(rows.map((r) => [r.target.kind, r.target.number, r.status])).toEqual([
      ['provision', '1.1', 'not-assessed'], ['provision', '1.2', 'not-assessed'], ['provision', '1.3', 'not-assessed'], ['principle', '2', 'not-assessed'],
    ]);
    expect(await openYear(SYSTEM_ACTOR, { ...college(), year: 2024 })).toEqual({ created: 0 });
    expect(await ComplianceStatement.count({ where: { institutionId: world.college.id, year: 2024 } })).toBe(4);
    expect(await AuditEvent.count({ where: { entity: 'compliance-year', entityId: '2024', action: 'open', institutionId: world.college.id } })).toBe(1);
  });

  it('refuses a year without an adopted code, and writes nothing', async () => {
    const before = await snapshot();
    const error = await refused(openYear(SYSTEM_ACTOR, { ...college(), year: 2019 }));
    expect([error.code, error.messageKey]).toEqual(['invalid', 'compliance:year.noCodes']);
    expect(await snapshot()).toEqual(before);
  });

  it('follows the adoptions: a new code adds its statements to an opened year; one adoption per code', async () => {
    const other = await importTestCode(testLibrary([{ number: '1.1', regime: 'mandatory' }, { number: '1.2', regime: 'mandatory' }]));
    await openYear(SYSTEM_ACTOR, { ...college(), year: 2023 });
    const { id: adoptionId } = await adoptCode(SYSTEM_ACTOR, { ...college(), codeId: other.codeId, adoptedFrom: '2023-06-01' });
    const added = await ComplianceStatement.findAll({ where: { institutionId: world.college.id, year: 2023, codeId: other.codeId }, order: [['id', 'ASC']] });
    expect(added).toHaveLength(3);
    await saveStatement(SYSTEM_ACTOR, { ...college(), statementId: added[0]!.id, version: 0, status: 'complies', explanation: undefined });

    // Ending within the year leaves the code in that year: every statement stays.
    await endAdoption(SYSTEM_ACTOR, { ...college(), adoptionId, adoptedUntil: '2023-06-01' });
    expect(await ComplianceStatement.count({ where: { institutionId: world.college.id, year: 2023, codeId: other.codeId } })).toBe(3);
    const again = await refused(adoptCode(SYSTEM_ACTOR, { ...college(), codeId: other.codeId, adoptedFrom: '2020-01-01' }));
    expect(again.fieldErrors).toEqual({ codeId: 'compliance:adoption.alreadyAdopted' });
    const error = await refused(endAdoption(SYSTEM_ACTOR, { ...college(), adoptionId, adoptedUntil: '2023-01-01' }));
    expect(error.fieldErrors).toEqual({ adoptedUntil: 'compliance:adoption.untilBeforeFrom' });
  });

  it('ending an adoption before a year removes that year\'s untouched statements of the code', async () => {
    const other = await importTestCode(testLibrary([{ number: '1.1', regime: 'comply-or-explain' }]));
    const { id: adoptionId } = await adoptCode(SYSTEM_ACTOR, { ...college(), codeId: other.codeId, adoptedFrom: '2020-01-01' });
    await openYear(SYSTEM_ACTOR, { ...college(), year: 2022 });
    const statements = await ComplianceStatement.findAll({ where: { institutionId: world.college.id, year: 2022, codeId: other.codeId }, order: [['id', 'ASC']] });
    expect(statements).toHaveLength(2);
    await saveStatement(SYSTEM_ACTOR, { ...college(), statementId: statements[0]!.id, version: 0, status: 'complies', explanation: undefined });
    await endAdoption(SYSTEM_ACTOR, { ...college(), adoptionId, adoptedUntil: '2021-12-31' });
    const left = await ComplianceStatement.findAll({ where: { institutionId: world.college.id, year: 2022, codeId: other.codeId } });
    expect(left.map((s) => s.id)).toEqual([statements[0]!.id]);
  });
});

describe('saving a statement', () => {
  it.each([
    ['explains under comply-or-explain', '1.1', 'explains', 'compliance:statement.explanationRequired'],
    ['partially under a mandatory provision', '1.3', 'partially', 'compliance:statement.explanationRequired'],
    ['not applicable on a bare principle', '2', 'not-applicable', 'compliance:statement.explanationRequired'],
    ['complies under apply-and-explain', '1.2', 'complies', 'compliance:statement.explanationRequiredApply'],
  ] as const)('%s without an explanation: refused at the field, nothing written', async (_, number, status, message) => {
    const statement = await statementOn(2024, number);
    const before = await snapshot();
    const error = await refused(saveStatement(SYSTEM_ACTOR, { ...college(), statementId: statement.id, version: statement.version, status, explanation: undefined }));
    expect([error.code, error.fieldErrors]).toEqual(['invalid', { explanation: message }]);
    expect(await snapshot()).toEqual(before);
  });

  it('complies under comply-or-explain needs no explanation; saving is audited with before and after', async () => {
    const statement = await statementOn(2024, '1.1');
    const actor = userActor({ ...world.secretary, isAdmin: false });
    await saveStatement(actor, { ...college(), statementId: statement.id, version: statement.version, status: 'complies', explanation: undefined });
    const saved = await statement.reload();
    expect([saved.status, saved.updatedByUserId, saved.version]).toEqual(['complies', world.secretary.id, statement.version]);
    const [event] = await AuditEvent.findAll({ where: { entity: 'compliance-statement', entityId: String(statement.id), action: 'update' } });
    expect(event!.changes).toEqual({ status: ['not-assessed', 'complies'] });
    expect(event!.actorLabel).toBe(world.secretary.email);
  });

  it('a stale version is a conflict and changes nothing', async () => {
    const statement = await statementOn(2024, '1.3');
    await saveStatement(SYSTEM_ACTOR, { ...college(), statementId: statement.id, version: statement.version, status: 'complies', explanation: undefined });
    const before = await snapshot();
    const error = await refused(saveStatement(SYSTEM_ACTOR, { ...college(), statementId: statement.id, version: statement.version, status: 'explains', explanation: EXPLANATION }));
    expect([error.code, error.messageKey]).toEqual(['conflict', 'common:errors.conflict']);
    expect(await snapshot()).toEqual(before);
  });

  it('another institution\'s statement is not found', async () => {
    await openYear(SYSTEM_ACTOR, { institutionId: world.corporation.id, year: 2024 });
    const foreign = await statementOn(2024, '1.1', world.corporation.id);
    const error = await refused(saveStatement(SYSTEM_ACTOR, { ...college(), statementId: foreign.id, version: 0, status: 'complies', explanation: undefined }));
    expect(error.code).toBe('not-found');
  });
});

describe('evidence', () => {
  it('links what belongs to the institution, refuses what belongs to another, and never writes half', async () => {
    const statement = await statementOn(2024, '1.1');
    const ours = await makeObligation(world.college, { responsibleUserId: world.secretary.id }, '2026-01-01');
    const theirs = await makeObligation(world.corporation, { responsibleUserId: world.otherSecretary.id }, '2026-01-01');
    const theirAgreement = await makeAgreement(world.corporation, [world.foreignStakeholder.id]);
    const [theirMoment] = await ReportingMoment.findAll({ where: { obligationId: theirs.id } });

    const { id } = await addStatementEvidence(SYSTEM_ACTOR, { ...college(), statementId: statement.id, kind: 'obligation', targetId: ours.id });
    for (const [kind, targetId] of [['obligation', theirs.id], ['agreement', theirAgreement.id], ['moment', theirMoment!.id], ['engagement', 999_999]] as const) {
      const before = await snapshot();
      const error = await refused(addStatementEvidence(SYSTEM_ACTOR, { ...college(), statementId: statement.id, kind, targetId }));
      expect([error.code, error.fieldErrors], kind).toEqual(['invalid', { targetId: 'common:errors.invalidChoice' }]);
      expect(await snapshot()).toEqual(before);
    }
    const twice = await refused(addStatementEvidence(SYSTEM_ACTOR, { ...college(), statementId: statement.id, kind: 'obligation', targetId: ours.id }));
    expect(twice.fieldErrors).toEqual({ targetId: 'compliance:evidence.alreadyLinked' });

    await removeStatementEvidence(SYSTEM_ACTOR, { ...college(), statementId: statement.id, evidenceId: id });
    expect(await StatementEvidence.count({ where: { statementId: statement.id } })).toBe(0);
    const actions = (await AuditEvent.findAll({ where: { entity: 'compliance-statement', entityId: String(statement.id) }, order: [['id', 'ASC']] })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['add-evidence', 'remove-evidence']));
  });
});

describe('approval and the lock', () => {
  // A year only the test code covers (the other codes of this file are adopted for 2020–2023).
  const YEAR = 2027;

  it('refuses to approve while a statement is not assessed, then approves, locks, and unlocks with a reason', async () => {
    await openYear(SYSTEM_ACTOR, { ...college(), year: YEAR });
    const incomplete = await refused(approveYear(SYSTEM_ACTOR, { ...college(), year: YEAR, version: 0 }));
    expect([incomplete.code, incomplete.messageKey]).toEqual(['invalid', 'compliance:year.incomplete']);

    for (const [number, status, explanation] of [['1.1', 'complies', undefined], ['1.2', 'complies', EXPLANATION], ['1.3', 'explains', EXPLANATION], ['2', 'not-applicable', EXPLANATION]] as const) {
      const s = await statementOn(YEAR, number);
      await saveStatement(SYSTEM_ACTOR, { ...college(), statementId: s.id, version: s.version, status, explanation });
    }
    const manager = userActor({ ...world.manager, isAdmin: false });
    await approveYear(manager, { ...college(), year: YEAR, version: 0 });
    const year = (await ComplianceYear.findOne({ where: { institutionId: world.college.id, year: YEAR } }))!;
    expect(year.approvedByUserId).toBe(world.manager.id);

    // Locked: no statement, no evidence, no second approval, no copy changes anything.
    const statement = await statementOn(YEAR, '1.1');
    const before = await snapshot();
    for (const attempt of [
      () => saveStatement(SYSTEM_ACTOR, { ...college(), statementId: statement.id, version: statement.version, status: 'explains', explanation: EXPLANATION }),
      () => addStatementEvidence(SYSTEM_ACTOR, { ...college(), statementId: statement.id, kind: 'engagement', targetId: 1 }),
      () => approveYear(manager, { ...college(), year: YEAR, version: year.version }),
      () => openYear(SYSTEM_ACTOR, { ...college(), year: YEAR }),
    ]) {
      const error = await refused(attempt());
      expect([error.code, error.messageKey]).toEqual(['conflict', 'compliance:year.locked']);
    }
    expect(await snapshot()).toEqual(before);

    // A stale version of the year is a conflict too.
    expect((await refused(unlockYear(manager, { ...college(), year: YEAR, version: year.version - 1, reason: 'A correction from the auditor' }))).messageKey).toBe('common:errors.conflict');
    await unlockYear(manager, { ...college(), year: YEAR, version: year.version, reason: 'A correction from the auditor' });
    await saveStatement(SYSTEM_ACTOR, { ...college(), statementId: statement.id, version: statement.version, status: 'explains', explanation: EXPLANATION });

    const events = await AuditEvent.findAll({ where: { entity: 'compliance-year', entityId: String(YEAR), institutionId: world.college.id }, order: [['id', 'ASC']] });
    const unlock = events.find((e) => e.action === 'unlock')!;
    expect(unlock.changes!.reason).toEqual([null, 'A correction from the auditor']);
    expect(unlock.actorLabel).toBe(world.manager.email);
    // (2 complied) ÷ (4 − 1 not applicable)
    expect(events.find((e) => e.action === 'approve')!.changes!.share).toEqual([null, 2 / 3]);
    expect((await refused(unlockYear(manager, { ...college(), year: YEAR, version: year.version + 1, reason: 'Twice over' }))).messageKey).toBe('compliance:year.notApproved');
  });
});

describe('starting from last year', () => {
  it('copies status, explanation and lasting evidence into the untouched statements, each marked to review', async () => {
    const last = 2025;
    await openYear(SYSTEM_ACTOR, { ...college(), year: last });
    const obligation = await makeObligation(world.college, { responsibleUserId: world.secretary.id, title: 'Jaarverslag' }, '2026-01-01');
    const agreement = await makeAgreement(world.college, [world.municipality.id]);
    const [moment] = await ReportingMoment.findAll({ where: { obligationId: obligation.id } });
    const explained = await statementOn(last, '1.3');
    await saveStatement(SYSTEM_ACTOR, { ...college(), statementId: explained.id, version: explained.version, status: 'explains', explanation: EXPLANATION });
    for (const [kind, targetId] of [['obligation', obligation.id], ['agreement', agreement.id], ['moment', moment!.id]] as const) {
      await addStatementEvidence(SYSTEM_ACTOR, { ...college(), statementId: explained.id, kind, targetId });
    }
    const complied = await statementOn(last, '1.1');
    await saveStatement(SYSTEM_ACTOR, { ...college(), statementId: complied.id, version: complied.version, status: 'complies', explanation: undefined });

    // This year: one statement already written by hand stays as it is.
    await openYear(SYSTEM_ACTOR, { ...college(), year: last + 1 });
    const handWritten = await statementOn(last + 1, '1.1');
    await saveStatement(SYSTEM_ACTOR, { ...college(), statementId: handWritten.id, version: 0, status: 'partially', explanation: EXPLANATION });

    const result = await copyFromLastYear(SYSTEM_ACTOR, { ...college(), year: last + 1 });
    expect(result).toEqual({ created: 0, copied: 3 });
    const rows = await listStatements(world.college.id, last + 1, {}, '2026-03-31');
    expect(rows.map((r) => [r.target.number, r.status, r.needsReview])).toEqual([
      ['1.1', 'partially', false], ['1.2', 'not-assessed', true], ['1.3', 'explains', true], ['2', 'not-assessed', true],
    ]);
    expect(rows.find((r) => r.target.number === '1.3')!.explanation).toBe(EXPLANATION);
    const copiedEvidence = await StatementEvidence.findAll({ where: { statementId: rows.find((r) => r.target.number === '1.3')!.id } });
    // Last year's moment was last year's proof: the obligation and the agreement come along, the moment does not.
    expect(copiedEvidence.map((e) => [e.obligationId, e.agreementId, e.reportingMomentId])).toEqual([[obligation.id, null, null], [null, agreement.id, null]]);

    // Marked statements block approval until someone saves them.
    const review = await refused(approveYear(SYSTEM_ACTOR, { ...college(), year: last + 1, version: 0 }));
    expect(review.messageKey).toBe('compliance:year.incomplete');
  });

  it('refuses when last year has nothing, and writes nothing', async () => {
    const before = await snapshot();
    const error = await refused(copyFromLastYear(SYSTEM_ACTOR, { ...college(), year: 2040 }));
    expect(error.fieldErrors).toEqual({ start: 'compliance:year.nothingToCopy' });
    expect(await snapshot()).toEqual(before);
  });
});

describe('the overview\'s numbers', () => {
  it('match a hand-computed fixture', async () => {
    // Two codes in 2020: the test code (4 statements) and one of four provisions.
    const second = await importTestCode(testLibrary([
      { number: '1.1', regime: 'comply-or-explain' }, { number: '1.2', regime: 'comply-or-explain' }, { number: '1.3', regime: 'comply-or-explain' },
    ]));
    await adoptCode(SYSTEM_ACTOR, { institutionId: world.corporation.id, codeId: second.codeId, adoptedFrom: '2020-01-01' });
    await openYear(SYSTEM_ACTOR, { institutionId: world.corporation.id, year: 2020 });
    const set = async (codeId: number, number: string, status: 'complies' | 'partially' | 'explains' | 'not-applicable') => {
      const where = number.includes('.')
        ? { provisionId: (codeId === world.code.codeId ? world.code : second).provisionIds[number] }
        : { principleId: (codeId === world.code.codeId ? world.code : second).principleIds[number] };
      const s = (await ComplianceStatement.findOne({ where: { institutionId: world.corporation.id, year: 2020, ...where } }))!;
      await saveStatement(SYSTEM_ACTOR, { institutionId: world.corporation.id, statementId: s.id, version: s.version, status, explanation: EXPLANATION });
    };
    // Test code: 1.1 complies, 1.2 partially, 1.3 not-assessed, principle 2 not applicable.
    await set(world.code.codeId, '1.1', 'complies');
    await set(world.code.codeId, '1.2', 'partially');
    await set(world.code.codeId, '2', 'not-applicable');
    // Second code: 1.1 complies, 1.2 complies, 1.3 explains, principle 2 not assessed.
    await set(second.codeId, '1.1', 'complies');
    await set(second.codeId, '1.2', 'complies');
    await set(second.codeId, '1.3', 'explains');

    const shares = await getYearShares(world.corporation.id, 2020);
    const first = shares.codes.find((c) => c.code.id === world.code.codeId)!;
    // (1 + ½) ÷ (4 − 1) = 0.5; principle 1: (1 + ½) ÷ 3; principle 2: only n/a → no share.
    expect(first.share).toBe(0.5);
    expect(first.principles.map((p) => [p.principle.number, p.share])).toEqual([['1', 1.5 / 3], ['2', null]]);
    const other = shares.codes.find((c) => c.code.id === second.codeId)!;
    // 2 ÷ 4 = 0.5; principle 1: 2 ÷ 3; principle 2: 0 ÷ 1.
    expect(other.share).toBe(0.5);
    expect(other.principles.map((p) => [p.principle.number, p.share])).toEqual([['1', 2 / 3], ['2', 0]]);
    // Whole year: (3 + ½) ÷ (8 − 1) = 0.5.
    expect(shares.share).toBe(0.5);
    expect(shares.counts).toEqual({ complies: 3, partially: 1, explains: 1, 'not-applicable': 1, 'not-assessed': 2 });
  });
});

describe('the dashboard\'s year summary', () => {
  it('isCodeInForce says in SQL what overlapsYear says of the adoption and the code version, at the year\'s edges', async () => {
    const institution = await makeInstitution({ name: 'Stichting Randgeval' });
    // Valid 2021-07-01 … 2023-06-30, adopted 2022-01-01 … 2022-12-31: in force in 2022 only.
    const code = await importTestCode(testLibrary(undefined, { validFrom: '2021-07-01', validUntil: '2023-06-30' }));
    const { id: adoptionId } = await adoptCode(SYSTEM_ACTOR, { institutionId: institution.id, codeId: code.codeId, adoptedFrom: '2022-01-01' });
    await endAdoption(SYSTEM_ACTOR, { institutionId: institution.id, adoptionId, adoptedUntil: '2022-12-31' });
    const expected = (year: number) => overlapsYear('2022-01-01', '2022-12-31', year) && overlapsYear('2021-07-01', '2023-06-30', year);
    for (const year of [2020, 2021, 2022, 2023, 2024]) expect([year, await isCodeInForce(institution.id, year)]).toEqual([year, expected(year)]);
    expect(await isCodeInForce(world.corporation.id, 2019)).toBe(false);
    expect(await isCodeInForce(world.corporation.id, 2020)).toBe(true);
  });

  it('summariseYearStatements counts per status as getYearShares does, with the same share', async () => {
    await openYear(SYSTEM_ACTOR, { ...college(), year: 2021 });
    const first = await statementOn(2021, '1.1');
    await saveStatement(SYSTEM_ACTOR, { ...college(), statementId: first.id, version: first.version, status: 'complies', explanation: undefined });
    const second = await statementOn(2021, '1.2');
    await saveStatement(SYSTEM_ACTOR, { ...college(), statementId: second.id, version: second.version, status: 'partially', explanation: EXPLANATION });
    const [summary, shares] = await Promise.all([summariseYearStatements(world.college.id, 2021, '2026-03-31'), getYearShares(world.college.id, 2021)]);
    expect(summary.counts).toEqual(shares.counts);
    expect(summary.share).toEqual(shares.share);
    expect(summary.statements).toBe(Object.values(shares.counts).reduce((a, b) => a + b, 0));
    expect(summary.statements).toBeGreaterThan(0);
  });
});
