import { beforeAll, describe, expect, it } from 'vitest';
import { listStatements } from '~/modules/governance/queries.server';
import { STATEMENT_FLAGS, STATEMENT_STATUSES, type Regime, type StatementFlag } from '~/modules/governance/rules';
import { listToReview, type OversightScope } from '~/modules/oversight/queries.server';
import { REVIEW_STATUSES } from '~/modules/oversight/rules';
import { ComplianceStatement, ObligationProvision, StatementEvidence } from '~/utils/db.server';
import type { Day } from '~/utils/dates';
import { grant, makeInstitution, makeUser } from '../support/factories';
import { EXPLANATION, makeBareObligation, makeCode, makeMoments, makeStatements, type MomentFacts } from './oversight-fixtures';

/**
 * The review list's flags are worked out in SQL for every statement in scope at once (the
 * compliance area's SQL twins over a set-based evidence health). Here they are held to the
 * compliance area's pure rule — statementFlags, as its listStatements applies it per statement —
 * on the same rows: statements of every status, regime and kind of explanation, with evidence
 * linked every way it can be (through the provision, an obligation or a moment as evidence, or
 * not at all) and moments of every outcome, in institutions that share the code's provisions.
 */

const YEAR = 2025;
const TODAYS: Day[] = ['2025-03-20', '2026-03-10'];
const REGIMES: Regime[] = ['comply-or-explain', 'apply-and-explain', 'mandatory', 'recommendation', 'unspecified', 'apply-and-explain'];
const EXPLANATIONS = [null, 'Zie jaarverslag.', EXPLANATION];
// One of each outcome, in the year (overdue or due soon depending on today; late; on time; waived),
// and one after it, which counts only when linked directly.
const MOMENTS: MomentFacts[] = [
  { dueOn: '2025-03-31' },
  { dueOn: '2025-02-28', renderedOn: '2025-03-04' },
  { dueOn: '2025-06-30', renderedOn: '2025-06-30' },
  { dueOn: '2025-05-01', waivedOn: '2025-05-02' },
  { dueOn: '2026-02-01' },
];
const LINKS = ['provision', 'obligation', 'moment', 'none'] as const;

let scope: OversightScope;
let institutions: { id: number; name: string }[];

beforeAll(async () => {
  const code = await makeCode(['vocational-education'], 'partial', REGIMES);
  const reader = await makeUser({ name: 'Rosa Review' });
  scope = { userId: reader.id, all: false };
  institutions = [];
  for (let k = 0; k < 4; k++) {
    const institution = await makeInstitution({ name: `Review ${k}` });
    institutions.push(institution);
    await grant(reader, institution, k % 2 ? 'supervisor' : 'manager');
    const statuses = code.targets.map((_, i) => STATEMENT_STATUSES[(i + k) % STATEMENT_STATUSES.length]!);
    const statements = await makeStatements(institution, code, YEAR, statuses);
    for (const [i, statement] of statements.entries()) {
      await ComplianceStatement.update({ explanation: EXPLANATIONS[(i + 2 * k) % EXPLANATIONS.length]! }, { where: { id: statement.id } });
      // Which moments speak for it, and how they are linked.
      const mask = (i * 5 + k * 3) % 2 ** MOMENTS.length;
      const link = LINKS[(i + k) % LINKS.length]!;
      const obligation = await makeBareObligation(institution);
      const ids = await makeMoments(obligation, MOMENTS.filter((_, m) => mask & (1 << m)));
      const evidence = { statementId: statement.id, obligationId: null, reportingMomentId: null, agreementId: null, engagementId: null };
      if (link === 'provision' && statement.provisionId !== null) {
        await ObligationProvision.create({ obligationId: obligation.id, provisionId: statement.provisionId });
      } else if (link === 'obligation' || link === 'provision') {
        await StatementEvidence.create({ ...evidence, obligationId: obligation.id });
      } else if (link === 'moment') {
        for (const id of ids) await StatementEvidence.create({ ...evidence, reportingMomentId: id });
      }
    }
  }
  // An institution the reader has nothing to do with, citing the same provisions with an overdue report.
  const other = await makeInstitution({ name: 'Review outside' });
  await makeStatements(other, code, YEAR, code.targets.map(() => 'complies'));
  const foreign = await makeBareObligation(other);
  await makeMoments(foreign, [{ dueOn: '2025-01-10' }]);
  for (const target of code.targets) {
    if (target.provisionId !== null) await ObligationProvision.create({ obligationId: foreign.id, provisionId: target.provisionId });
  }
});

describe('the review list agrees with the compliance area\'s flag rule', () => {
  it.each(TODAYS)('on every statement in scope, today = %s', async (today) => {
    const expected = new Map<number, StatementFlag[]>();
    for (const institution of institutions) {
      for (const row of await listStatements(institution.id, YEAR, {}, today)) {
        if ((REVIEW_STATUSES as readonly string[]).includes(row.status) || row.flags.length > 0) expected.set(row.id, row.flags);
      }
    }
    const { rows, total, counts } = await listToReview(scope, YEAR, today, { limit: 1000, offset: 0 });
    expect(total).toBe(expected.size);
    expect(new Map(rows.map((r) => [r.statementId, r.flags]))).toEqual(expected);
    for (const flag of STATEMENT_FLAGS) {
      expect(counts.flags[flag], flag).toBe([...expected.values()].filter((flags) => flags.includes(flag)).length);
      const narrowed = await listToReview(scope, YEAR, today, { limit: 1000, offset: 0, flag });
      expect(narrowed.rows.map((r) => r.statementId).sort(), flag).toEqual([...expected].filter(([, f]) => f.includes(flag)).map(([id]) => id).sort());
    }
    expect(rows.every((r) => institutions.some((i) => i.id === r.institutionId))).toBe(true);
    // The rows really cover every flag, and statements listed for a flag alone.
    if (today === '2026-03-10') {
      expect(new Set([...expected.values()].flat())).toEqual(new Set(STATEMENT_FLAGS));
      expect(rows.some((r) => r.status === 'complies')).toBe(true);
    }
  });
});
