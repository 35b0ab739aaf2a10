import { SYSTEM_ACTOR } from '~/modules/audit/actor';
import { validateCodeLibrary } from '~/modules/governance/library-schema';
import { importCodeLibrary } from '~/modules/governance/mutations.server';
import type { Regime, StatementStatus } from '~/modules/governance/rules';
import type { Sector } from '~/modules/institutions/schema';
import { CodePrinciple, CodeProvision, ComplianceStatement, ComplianceYear, Obligation, ReportingMoment } from '~/utils/db.server';
import { addDays, type Day } from '~/utils/dates';
import { grant, makeAdmin, makeInstitution, makeMember, makeUser } from '../support/factories';

/**
 * Test data for the supervisor dashboard: three institutions, a supervisor of two of them, and
 * statements and moments written straight into their tables with exactly the statuses and dates
 * a test names (the compliance and obligations areas' own mutations are tested there).
 */
let sequence = 0;

const text = (en: string) => ({ nl: `${en} (nl)`, en });

const COMPLY_OR_EXPLAIN: Regime[] = Array.from({ length: 6 }, () => 'comply-or-explain');

/**
 * A code of our own: principle 1 with six provisions (comply-or-explain unless `regimes` says
 * otherwise), principle 2 (mandatory) with none listed.
 */
export async function makeCode(
  sectors: Sector[] = ['vocational-education', 'housing', 'healthcare'], coverage: 'partial' | 'complete' = 'partial', regimes = COMPLY_OR_EXPLAIN,
) {
  const numbers = ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6'];
  const validated = validateCodeLibrary({
    key: `oversight-code-${++sequence}`, version: '2020', title: text(`Oversight test code ${sequence}`), issuer: 'Test issuer',
    sectors, validFrom: '2020-01-01', validUntil: null, sourceUrl: 'https://example.org/code', coverage,
    principles: [
      {
        number: '1', title: text('Board and supervision'),
        provisions: numbers.map((number, i) => ({ number, title: text(`Provision ${number}`), regime: regimes[i]!, tags: ['stakeholders'] })),
      },
      { number: '2', title: text('Dialogue with stakeholders'), regime: 'mandatory', provisions: [] },
    ],
  });
  if (!validated.ok) throw new Error(JSON.stringify(validated.errors));
  const { codeId } = await importCodeLibrary(SYSTEM_ACTOR, validated.library);
  const provisions = await CodeProvision.findAll({ where: { codeId }, order: [['position', 'ASC']] });
  const principles = await CodePrinciple.findAll({ where: { codeId }, order: [['position', 'ASC']] });
  // Every target a statement can be on, in the code's order: the six provisions, then principle 2.
  const targets = [
    ...provisions.map((p) => ({ provisionId: p.id as number | null, principleId: null as number | null, number: p.number })),
    { provisionId: null, principleId: principles[1]!.id, number: principles[1]!.number },
  ];
  return { codeId, targets };
}
export type TestCode = Awaited<ReturnType<typeof makeCode>>;

export const EXPLANATION = 'De raad van toezicht telt drie leden omdat de stichting klein is; in 2026 komt er een vierde lid.';

/** One statement per status given, on the code's targets in order. */
export async function makeStatements(
  institution: { id: number }, code: TestCode, year: number, statuses: StatementStatus[], explanation: string | null = EXPLANATION,
) {
  if (statuses.length > code.targets.length) throw new Error('More statements than the code has targets');
  const rows = await ComplianceStatement.bulkCreate(statuses.map((status, i) => ({
    institutionId: institution.id, year, codeId: code.codeId, provisionId: code.targets[i]!.provisionId,
    principleId: code.targets[i]!.principleId, status, explanation: status === 'complies' || status === 'not-assessed' ? null : explanation,
    updatedByUserId: null,
  })));
  return rows.map((r) => ({ id: r.id, provisionId: r.provisionId, principleId: r.principleId, status: r.status }));
}

export async function approve(institution: { id: number }, year: number, approvedAt = new Date('2026-02-20T10:00:00Z')) {
  await ComplianceYear.create({ institutionId: institution.id, year, approvedAt, approvedByUserId: null });
}

/** An obligation to hang moments on (its own recurrence does not matter here). */
export async function makeBareObligation(institution: { id: number }) {
  const obligation = await Obligation.create({
    institutionId: institution.id, agreementId: null, title: `Report ${++sequence}`, description: null, forum: 'Raad van toezicht',
    form: 'report', basis: null, responsibleUserId: null, leadTimeDays: 14, recurrenceKind: 'once', recurrenceInterval: null,
    recurrenceDay: null, recurrenceMonthDay: null, startsOn: '2020-01-01', endsOn: null,
  });
  return { id: obligation.id, institutionId: institution.id };
}

export type MomentFacts = { dueOn: Day; renderedOn?: Day | null; waivedOn?: Day | null; leadTimeDays?: number };

/** Moments with exactly these dates; each gets a period of its own. */
export async function makeMoments(obligation: { id: number; institutionId: number }, facts: MomentFacts[]) {
  const rows = await ReportingMoment.bulkCreate(facts.map((f) => {
    const period = addDays('2000-01-01', ++sequence);
    return {
      uid: `oversight-${sequence}@test`, institutionId: obligation.institutionId, obligationId: obligation.id,
      dueOn: f.dueOn, remindFrom: addDays(f.dueOn, -(f.leadTimeDays ?? 14)), periodStart: period, periodEnd: period,
      renderedOn: f.renderedOn ?? null, renderedByUserId: null, note: null, waivedOn: f.waivedOn ?? null, waivedByUserId: null,
      waiveReason: f.waivedOn ? 'Vervallen' : null,
    };
  }));
  return rows.map((r) => r.id);
}

/**
 * Institutions A (vocational) and B (housing), supervised by one user (supervisor of A, secretary
 * of B: any role counts), and C (healthcare), which that user has nothing to do with.
 */
export async function makeOversightWorld() {
  const a = await makeInstitution({ name: `Aquila College ${++sequence}`, sector: 'vocational-education' });
  const b = await makeInstitution({ name: `Bergzicht Wonen ${++sequence}`, sector: 'housing' });
  const c = await makeInstitution({ name: `Castor Zorg ${++sequence}`, sector: 'healthcare' });
  const supervisor = await makeMember(a, 'supervisor', { name: 'Sofie Toezicht' });
  await grant(supervisor, b, 'secretary');
  const outsider = await makeMember(c, 'manager', { name: 'Cas Castor' });
  const stranger = await makeUser({ name: 'Stijn Zonder' });
  const admin = await makeAdmin({ name: 'Ada Admin' });
  return { a, b, c, supervisor, outsider, stranger, admin };
}
export type OversightWorld = Awaited<ReturnType<typeof makeOversightWorld>>;
