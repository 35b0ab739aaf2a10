import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '~/modules/audit/actor';
import { openYear } from '~/modules/governance/mutations.server';
import { listStatements } from '~/modules/governance/queries.server';
import {
  EVIDENCE_HEALTHS, evidenceHealth, evidenceHealthSql, evidenceReplacements, REGIMES, STATEMENT_FLAGS, STATEMENT_STATUSES, statementFlags,
  statementFlagSql, type EvidenceHealth, type Regime, type StatementFlag, type StatementStatus,
} from '~/modules/governance/rules';
import { momentStatus } from '~/modules/obligations/rules';
import {
  CodePrinciple, CodeProvision, ComplianceStatement, db, ObligationProvision, Op, QueryTypes, ReportingMoment, StatementEvidence,
} from '~/utils/db.server';
import { addDays, type Day } from '~/utils/dates';
import { EXPLANATION, makeComplianceWorld, testLibrary, type ComplianceWorld } from './compliance-fixtures';
import { makeObligation } from './obligations-fixtures';

/**
 * Evidence health and the flags twice: the rules in the pages, the SQL in the overview's filters.
 * Both are asked about the same stored statements — moments on every side of the year's edges,
 * linked every way evidence can be linked — and must give the same answer, on SQLite and on
 * PostgreSQL alike. The expected health is worked out here from the stored links, not through
 * the app's own scope query.
 */

const YEAR = 2025;
const TODAYS: Day[] = ['2025-06-30', '2025-12-31', '2026-01-01', '2026-03-31'];

type MomentKind = { dueOn: Day; renderedOn: Day | null; waivedOn: Day | null };
// In the year, each a different fact; then the days either side of it.
const IN_YEAR: MomentKind[] = [
  { dueOn: '2025-06-30', renderedOn: '2025-06-30', waivedOn: null },
  { dueOn: '2025-03-31', renderedOn: '2025-04-01', waivedOn: null },
  { dueOn: '2025-01-01', renderedOn: null, waivedOn: null },
  { dueOn: '2025-12-31', renderedOn: null, waivedOn: null },
  { dueOn: '2025-05-01', renderedOn: null, waivedOn: '2025-05-02' },
];
const OUTSIDE: MomentKind[] = [
  { dueOn: '2024-12-31', renderedOn: null, waivedOn: null },
  { dueOn: '2026-01-01', renderedOn: null, waivedOn: null },
];

const PROVISIONS = 2 ** IN_YEAR.length;

let world: ComplianceWorld;
let period = 0;

async function addMoments(institutionId: number, obligationId: number, kinds: MomentKind[]): Promise<number[]> {
  const rows = await ReportingMoment.bulkCreate(kinds.map((k) => {
    const periodStart = addDays('2000-01-01', period++);
    return {
      uid: `health-${obligationId}-${periodStart}@test`, institutionId, obligationId, ...k, remindFrom: addDays(k.dueOn, -14),
      periodStart, periodEnd: periodStart, renderedByUserId: null, note: null, waivedByUserId: null, waiveReason: k.waivedOn ? 'test' : null,
    };
  }));
  return rows.map((r) => r.id);
}

async function bareObligation(institution: { id: number }, responsibleUserId: number) {
  // Due in 2090: no moment materialises through the horizon; the test writes its own.
  const { id } = await makeObligation(institution, { responsibleUserId, recurrence: { kind: 'once' }, startsOn: '2090-01-01', title: `Evidence ${period}` }, '2026-01-01');
  return id;
}

beforeAll(async () => {
  const provisions = Array.from({ length: PROVISIONS }, (_, i) => ({ number: `1.${i + 1}`, regime: REGIMES[i % REGIMES.length] as Regime }));
  world = await makeComplianceWorld(testLibrary(provisions));
  await openYear(SYSTEM_ACTOR, { institutionId: world.college.id, year: YEAR });
  const statements = await ComplianceStatement.findAll({ where: { institutionId: world.college.id, year: YEAR }, order: [['id', 'ASC']] });
  const foreignObligation = await bareObligation(world.corporation, world.otherSecretary.id);
  await addMoments(world.corporation.id, foreignObligation, [IN_YEAR[2]!]);

  for (const [i, statement] of statements.entries()) {
    const mask = i % PROVISIONS;
    const kinds = [...IN_YEAR.filter((_, k) => mask & (1 << k)), ...(i % 2 ? OUTSIDE : [])];
    const obligationId = await bareObligation(world.college, world.secretary.id);
    await addMoments(world.college.id, obligationId, kinds);
    // Linked through the provision, or as evidence on the statement; a principle statement only the latter way.
    if (statement.provisionId !== null && i % 3 !== 1) await ObligationProvision.create({ obligationId, provisionId: statement.provisionId });
    else await StatementEvidence.create({ statementId: statement.id, obligationId, reportingMomentId: null, agreementId: null, engagementId: null });
    // A moment linked directly counts whatever its due date: here one from after the year.
    if (i % 5 === 0) {
      const [direct] = await addMoments(world.college.id, obligationId, [{ dueOn: '2026-02-01', renderedOn: '2026-02-03', waivedOn: null }]);
      await StatementEvidence.create({ statementId: statement.id, obligationId: null, reportingMomentId: direct!, agreementId: null, engagementId: null });
    }
    // Another institution's obligation cites the same provision: its moments never count here.
    if (statement.provisionId !== null && i % 4 === 0) await ObligationProvision.create({ obligationId: foreignObligation, provisionId: statement.provisionId });
    // Statuses and explanations in every combination with the regimes (written straight, as a bad import might leave them).
    const explanation = [null, 'Zie verslag.', EXPLANATION][i % 3]!;
    await statement.update({ status: STATEMENT_STATUSES[(i * 7 + Math.floor(i / REGIMES.length)) % STATEMENT_STATUSES.length]!, explanation });
  }
  // One statement that says "complies" with no evidence at all.
  const [last] = statements.slice(-1);
  await ObligationProvision.destroy({ where: { provisionId: last!.provisionId ?? -1 } });
  await StatementEvidence.destroy({ where: { statementId: last!.id } });
  await last!.update({ status: 'complies' });
});

/** The health and flags the rules give each statement, from the stored links read here. */
async function expected(today: Day): Promise<Map<number, { health: EvidenceHealth; flags: StatementFlag[] }>> {
  const statements = await ComplianceStatement.findAll({ where: { institutionId: world.college.id, year: YEAR } });
  const result = new Map<number, { health: EvidenceHealth; flags: StatementFlag[] }>();
  for (const s of statements) {
    const evidence = await StatementEvidence.findAll({ where: { statementId: s.id } });
    const viaProvision = s.provisionId === null ? [] : (await ObligationProvision.findAll({ where: { provisionId: s.provisionId } })).map((l) => l.obligationId);
    const obligationIds = [...viaProvision, ...evidence.flatMap((e) => (e.obligationId ? [e.obligationId] : []))];
    const ofObligations = await ReportingMoment.findAll({
      where: { institutionId: world.college.id, obligationId: { [Op.in]: obligationIds }, dueOn: { [Op.between]: [`${YEAR}-01-01`, `${YEAR}-12-31`] } },
    });
    const direct = await ReportingMoment.findAll({
      where: { institutionId: world.college.id, id: { [Op.in]: evidence.flatMap((e) => (e.reportingMomentId ? [e.reportingMomentId] : [])) } },
    });
    const moments = new Map([...ofObligations, ...direct].map((m) => [m.id, m]));
    const health = evidenceHealth([...moments.values()].map((m) => momentStatus(m, today)));
    const regime = (s.provisionId !== null
      ? (await CodeProvision.findByPk(s.provisionId))!.regime
      : (await CodePrinciple.findByPk(s.principleId!))!.regime ?? 'unspecified') as Regime;
    result.set(s.id, { health, flags: statementFlags({ status: s.status as StatementStatus, regime, explanation: s.explanation, health, evidenceLinks: evidence.length }) });
  }
  return result;
}

async function fromSql(today: Day) {
  const sequelize = await db();
  const flagSql = statementFlagSql({ statement: 's', provision: 'p', principle: 'sp' });
  const rows = await sequelize.query<Record<string, unknown> & { id: number; health: EvidenceHealth }>(
    `SELECT s.id, ${evidenceHealthSql('s')} AS health,
       ${STATEMENT_FLAGS.map((f, i) => `CASE WHEN ${flagSql[f]} THEN 1 ELSE 0 END AS f${i}`).join(', ')}
     FROM compliance_statements s LEFT JOIN code_provisions p ON p.id = s.provision_id LEFT JOIN code_principles sp ON sp.id = s.principle_id
     WHERE s.institution_id = :institutionId AND s.year = :year`,
    { replacements: { institutionId: world.college.id, year: YEAR, ...evidenceReplacements(YEAR, today) }, type: QueryTypes.SELECT },
  );
  return new Map(rows.map((r) => [Number(r.id), { health: r.health, flags: STATEMENT_FLAGS.filter((_, i) => Number(r[`f${i}`]) === 1) }]));
}

describe('evidence health and flags: rules and SQL agree', () => {
  it.each(TODAYS)('on every statement, today = %s', async (today) => {
    const [rules, sql, listed] = await Promise.all([expected(today), fromSql(today), listStatements(world.college.id, YEAR, {}, today)]);
    expect(sql.size).toBe(PROVISIONS + 1);
    const disagreements = [...rules.entries()].filter(([id, r]) => {
      const s = sql.get(id)!;
      const l = listed.find((row) => row.id === id)!;
      return r.health !== s.health || r.health !== l.health || JSON.stringify(r.flags) !== JSON.stringify(s.flags) || JSON.stringify(r.flags) !== JSON.stringify(l.flags);
    });
    expect(disagreements).toEqual([]);
    if (today === '2026-03-31') {
      // The table really covers every health and every flag.
      expect(new Set([...rules.values()].map((r) => r.health))).toEqual(new Set(EVIDENCE_HEALTHS));
      expect(new Set([...rules.values()].flatMap((r) => r.flags))).toEqual(new Set(STATEMENT_FLAGS));
    }
  });

  it('filters in SQL the same statements the rules pick', async () => {
    const today = '2026-03-31';
    const rules = await expected(today);
    for (const health of EVIDENCE_HEALTHS) {
      const rows = await listStatements(world.college.id, YEAR, { health }, today);
      expect(rows.map((r) => r.id).sort(), health).toEqual([...rules.entries()].filter(([, r]) => r.health === health).map(([id]) => id).sort());
    }
    for (const flag of STATEMENT_FLAGS) {
      const rows = await listStatements(world.college.id, YEAR, { flag }, today);
      expect(rows.map((r) => r.id).sort(), flag).toEqual([...rules.entries()].filter(([, r]) => r.flags.includes(flag)).map(([id]) => id).sort());
    }
    const flagged = await listStatements(world.college.id, YEAR, { flag: 'any' }, today);
    expect(flagged.map((r) => r.id).sort()).toEqual([...rules.entries()].filter(([, r]) => r.flags.length > 0).map(([id]) => id).sort());
  });
});

