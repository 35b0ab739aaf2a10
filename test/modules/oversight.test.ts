import { beforeAll, describe, expect, it } from 'vitest';
import { complianceShare, countStatuses, STATEMENT_STATUSES, type StatementStatus } from '~/modules/governance/rules';
import {
  getDefaultYear, getHeatMap, getOverdueTrend, listOversightCodes, listOversightInstitutions, listToReview,
  type OversightScope,
} from '~/modules/oversight/queries.server';
import { everOverdueSql, overdueOnSql, trendDays, wasOverdueOn } from '~/modules/oversight/rules';
import { db, ObligationProvision, QueryTypes, ReportingMoment, StatementEvidence } from '~/utils/db.server';
import { addDays, type Day } from '~/utils/dates';
import { grant, makeInstitution, makeUser } from '../support/factories';
import {
  approve, makeBareObligation, makeCode, makeMoments, makeOversightWorld, makeStatements, type MomentFacts, type OversightWorld,
  type TestCode,
} from './oversight-fixtures';

/**
 * The supervisor dashboard's reads against a real database: what a user's scope lets in (and
 * keeps out of every count), the compliance share in SQL against the compliance area's rule, the
 * overdue trend against its pure twin, the filters, the heat map and the deviations and flags to
 * review (the flags against the compliance area's pure rule: test/modules/oversight-review.test.ts).
 */

const TODAY: Day = '2026-03-10';
const YEAR = 2025;
const page = { sort: 'name' as const, dir: 'asc' as const, perPage: 25, offset: 0 };

let world: OversightWorld;
let code: TestCode;
let scope: OversightScope;

beforeAll(async () => {
  world = await makeOversightWorld();
  code = await makeCode();
  scope = { userId: world.supervisor.id, all: false };
  // A: (2 + ½) ÷ (7 − 1); its last statement is on principle 2, which is mandatory.
  const aStatements = await makeStatements(world.a, code, YEAR, ['complies', 'complies', 'partially', 'explains', 'not-applicable', 'not-assessed', 'explains']);
  await makeStatements(world.a, code, YEAR - 1, ['complies', 'complies', 'complies', 'complies', 'complies', 'complies']);
  await approve(world.a, YEAR);
  // B: (5 + ½) ÷ (7 − 1), with explanations too short to count as one.
  await makeStatements(world.b, code, YEAR, ['complies', 'complies', 'complies', 'complies', 'partially', 'not-applicable', 'complies'], 'Zie jaarverslag.');
  // C deviates everywhere but on 1.1, which it says it complies with: none of it may reach the supervisor of A and B.
  await makeStatements(world.c, code, YEAR, ['complies', 'explains', 'explains', 'explains', 'explains', 'explains', 'explains']);

  const [oa, ob, oc] = [await makeBareObligation(world.a), await makeBareObligation(world.b), await makeBareObligation(world.c)];
  await makeMoments(oa, [
    { dueOn: '2025-01-15' }, // overdue all along: the backlog, in every month
    { dueOn: '2025-04-30' }, // overdue from 1 May 2025 on
    { dueOn: '2026-03-01' }, // overdue since 2 March 2026
    { dueOn: '2026-03-15' }, // due soon (reminder from 1 March)
    { dueOn: '2026-06-30' }, // planned
  ]);
  await makeMoments(ob, [
    { dueOn: '2025-12-15', renderedOn: '2026-02-10' }, // late: overdue at the ends of December and January
    { dueOn: '2025-10-05', waivedOn: '2025-11-30' }, // waived late: overdue at the end of October only
    { dueOn: '2025-09-01', renderedOn: '2025-08-30' }, // on time: never overdue
  ]);
  await makeMoments(oc, [{ dueOn: '2025-01-01' }, { dueOn: '2026-03-12' }]);
  // A and C both say they comply with 1.1, and both their reports citing it are overdue (due 15
  // January and 1 January 2025). A's 1.2 has a report of its own, rendered on time.
  await ObligationProvision.bulkCreate([{ obligationId: oa.id, provisionId: code.targets[0]!.provisionId! }, { obligationId: oc.id, provisionId: code.targets[0]!.provisionId! }]);
  const onTime = await makeBareObligation(world.a);
  await makeMoments(onTime, [{ dueOn: '2025-09-01', renderedOn: '2025-08-30' }]);
  await StatementEvidence.create({ statementId: aStatements[1]!.id, obligationId: onTime.id, reportingMomentId: null, agreementId: null, engagementId: null });
});

describe('scope: a supervisor of A and B', () => {
  it('sees A and B with their own roles, never C', async () => {
    const { rows } = await listOversightInstitutions(scope, YEAR, TODAY, page);
    expect(rows.map((r) => [r.id, r.role])).toEqual([[world.a.id, 'supervisor'], [world.b.id, 'secretary']]);
  });

  it('counts only A and B in the totals', async () => {
    const { totals } = await listOversightInstitutions(scope, YEAR, TODAY, page);
    expect(totals).toEqual({
      institutions: 2, reporting: 2, approved: 1, statements: 14,
      share: complianceShare(countStatuses(['complies', 'complies', 'partially', 'explains', 'not-applicable', 'not-assessed', 'explains',
        'complies', 'complies', 'complies', 'complies', 'partially', 'not-applicable', 'complies'])),
      // A: partially, explains, explains; B: partially. C's seven are not here.
      deviations: 4, overdue: 3, dueSoon: 1,
    });
  });

  it('gives each institution its facts: share, approval, deviations, overdue and due soon now', async () => {
    const { rows: [a, b] } = await listOversightInstitutions(scope, YEAR, TODAY, page);
    expect(a).toMatchObject({ statements: 7, share: 2.5 / 6, deviations: 3, overdue: 3, dueSoon: 1, approvedAt: '2026-02-20T10:00:00.000Z' });
    expect(b).toMatchObject({ statements: 7, share: 5.5 / 6, deviations: 1, overdue: 0, dueSoon: 0, approvedAt: null });
  });

  it('leaves C out of the heat map, its counts and the codes', async () => {
    const codes = await listOversightCodes(scope, YEAR);
    expect(codes).toEqual([expect.objectContaining({ id: code.codeId, institutions: 2, coverage: 'partial' })]);
    const map = await getHeatMap(scope, code.codeId, YEAR, { limit: 12, offset: 0 });
    expect(map.columns.map((c) => c.id)).toEqual([world.a.id, world.b.id]);
    expect(map.targets.map((t) => t.number)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '2']);
    expect(map.targets[0]!.counts).toEqual({ complies: 2, partially: 0, explains: 0, 'not-applicable': 0, 'not-assessed': 0 });
    expect(map.targets[6]!.counts).toEqual({ complies: 1, partially: 0, explains: 1, 'not-applicable': 0, 'not-assessed': 0 });
    expect(Object.keys(map.cells).some((key) => key.endsWith(`:${world.c.id}`))).toBe(false);
    expect(map.cells[`${map.targets[3]!.key}:${world.a.id}`]).toBe('explains');
  });

  it('pages the heat map\'s institutions by name', async () => {
    const first = await getHeatMap(scope, code.codeId, YEAR, { limit: 1, offset: 0 });
    const second = await getHeatMap(scope, code.codeId, YEAR, { limit: 1, offset: 1 });
    expect(first.columns.map((c) => c.id)).toEqual([world.a.id]);
    expect(second.columns.map((c) => c.id)).toEqual([world.b.id]);
    // The row totals still count every institution in scope.
    expect(second.targets[0]!.counts.complies).toBe(2);
  });

  it('lists A\'s and B\'s deviations, partial compliance and flagged statements, in the code\'s order, each with its flags', async () => {
    const { rows, total, counts } = await listToReview(scope, YEAR, TODAY, { limit: 25, offset: 0 });
    expect(rows.map((r) => [r.institutionId, r.number, r.status, r.flags])).toEqual([
      [world.a.id, '1.1', 'complies', ['evidence-overdue']], // its report is overdue
      // 1.2 complies with a report rendered on time: nothing to review.
      [world.a.id, '1.3', 'partially', []],
      [world.a.id, '1.4', 'explains', []],
      // 1.5 is not applicable, explained well; 1.6 not assessed yet.
      [world.a.id, '2', 'explains', ['mandatory-not-complied']],
      // B complies without any evidence, and explains in two words where it must explain.
      [world.b.id, '1.1', 'complies', ['evidence-missing']],
      [world.b.id, '1.2', 'complies', ['evidence-missing']],
      [world.b.id, '1.3', 'complies', ['evidence-missing']],
      [world.b.id, '1.4', 'complies', ['evidence-missing']],
      [world.b.id, '1.5', 'partially', ['explanation-too-short']],
      [world.b.id, '1.6', 'not-applicable', ['explanation-too-short']],
      [world.b.id, '2', 'complies', ['evidence-missing']],
    ]);
    expect(total).toBe(11);
    expect(counts).toEqual({
      statements: 11, deviations: 4,
      flags: { 'evidence-overdue': 1, 'evidence-missing': 5, 'mandatory-not-complied': 1, 'explanation-too-short': 2 },
    });
    expect(rows[3]).toMatchObject({ provisionId: null, principleId: code.targets[6]!.principleId });
    expect(rows[1]).toMatchObject({ truncated: false, code: { id: code.codeId } });
  });

  it('never lists C\'s statement that complies while its evidence is overdue, nor counts it', async () => {
    const everything = { userId: world.admin.id, all: true };
    const { rows } = await listToReview(everything, YEAR, TODAY, { limit: 100, offset: 0, flag: 'evidence-overdue' });
    // C's own flag is real: an administrator sees it, beside A's.
    expect(rows.map((r) => [r.institutionId, r.number])).toEqual(expect.arrayContaining([[world.a.id, '1.1'], [world.c.id, '1.1']]));
    const supervised = await listToReview(scope, YEAR, TODAY, { limit: 100, offset: 0, flag: 'evidence-overdue' });
    expect(supervised.rows.map((r) => [r.institutionId, r.number])).toEqual([[world.a.id, '1.1']]);
    expect(supervised.counts.flags['evidence-overdue']).toBe(1);
  });

  it('narrows the list to one flag, in SQL, the counts staying those of the whole list', async () => {
    const { rows, total, counts } = await listToReview(scope, YEAR, TODAY, { limit: 2, offset: 2, flag: 'evidence-missing' });
    expect(total).toBe(5);
    expect(rows.map((r) => [r.institutionId, r.number])).toEqual([[world.b.id, '1.3'], [world.b.id, '1.4']]);
    expect(counts.statements).toBe(11);
  });

  it('still gives the totals on a page past the end', async () => {
    const past = await listOversightInstitutions(scope, YEAR, TODAY, { ...page, offset: 50 });
    expect(past.rows).toEqual([]);
    expect(past.totals).toMatchObject({ institutions: 2, deviations: 4 });
    const review = await listToReview(scope, YEAR, TODAY, { limit: 25, offset: 25 });
    expect(review).toMatchObject({ rows: [], total: 11, counts: { statements: 11, deviations: 4 } });
  });

  it('pages the review list in SQL', async () => {
    const { rows, total } = await listToReview(scope, YEAR, TODAY, { limit: 2, offset: 3 });
    expect(total).toBe(11);
    expect(rows.map((r) => [r.institutionId, r.number])).toEqual([[world.a.id, '2'], [world.b.id, '1.1']]);
  });
});

describe('scope: others', () => {
  it('a user without memberships sees nothing, and nothing is counted', async () => {
    const none = { userId: world.stranger.id, all: false };
    const nothing = await listOversightInstitutions(none, YEAR, TODAY, page);
    expect(nothing.rows).toEqual([]);
    expect(nothing.totals).toMatchObject({ institutions: 0, deviations: 0, overdue: 0, dueSoon: 0, share: null });
    expect((await getOverdueTrend(none, TODAY)).every((p) => p.overdue === 0)).toBe(true);
    expect(await listOversightCodes(none, YEAR)).toEqual([]);
    expect(await listToReview(none, YEAR, TODAY, { limit: 25, offset: 0 })).toMatchObject({ rows: [], total: 0, counts: { statements: 0 } });
    expect(await getDefaultYear(none, 2026)).toBe(2026);
  });

  it('an administrator sees every active institution, as administrator where without a membership', async () => {
    const { rows } = await listOversightInstitutions({ userId: world.admin.id, all: true }, YEAR, TODAY, { ...page, perPage: 100 });
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const institution of [world.a, world.b, world.c]) expect(byId.get(institution.id)?.role).toBe('admin');
  });

  it('the manager of C sees only C', async () => {
    const { rows } = await listOversightInstitutions({ userId: world.outsider.id, all: false }, YEAR, TODAY, page);
    expect(rows.map((r) => r.id)).toEqual([world.c.id]);
  });
});

describe('filters', () => {
  it('by sector', async () => {
    const housing = { ...scope, sector: 'housing' as const };
    const housed = await listOversightInstitutions(housing, YEAR, TODAY, page);
    expect(housed.rows.map((r) => r.id)).toEqual([world.b.id]);
    expect(housed.totals).toMatchObject({ institutions: 1, deviations: 1, overdue: 0 });
    expect(new Set((await listToReview(housing, YEAR, TODAY, { limit: 25, offset: 0 })).rows.map((r) => r.institutionId))).toEqual(new Set([world.b.id]));
    expect((await getOverdueTrend(housing, TODAY)).slice(-12).map((p) => p.overdue)).toEqual([0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0]);
  });

  it('by year: another year\'s statements and approval', async () => {
    const { rows: [a, b] } = await listOversightInstitutions(scope, YEAR - 1, TODAY, page);
    expect(a).toMatchObject({ statements: 6, share: 1, deviations: 0, approvedAt: null });
    expect(b).toMatchObject({ statements: 0, share: null });
    // A complied everywhere in the year before, with no report due in it: no deviation, only missing evidence.
    const review = await listToReview(scope, YEAR - 1, TODAY, { limit: 25, offset: 0 });
    expect(review.counts).toEqual({
      statements: 6, deviations: 0, flags: { 'evidence-overdue': 0, 'evidence-missing': 6, 'mandatory-not-complied': 0, 'explanation-too-short': 0 },
    });
  });

  it('opens on the latest year with statements, not after this year', async () => {
    expect(await getDefaultYear(scope, 2026)).toBe(YEAR);
    expect(await getDefaultYear(scope, 2024)).toBe(2024);
    expect(await getDefaultYear(scope, 2023)).toBe(2023);
  });
});

describe('the compliance share in SQL', () => {
  // Each institution gets one combination; the SQL share must be the compliance area's rule, exactly.
  const COMBINATIONS: StatementStatus[][] = [
    [],
    ['not-applicable', 'not-applicable'],
    ['complies'],
    ['partially'],
    ['not-assessed'],
    ['explains', 'not-applicable'],
    ['complies', 'partially', 'explains', 'not-applicable', 'not-assessed'],
    ['complies', 'complies', 'partially'],
    ['partially', 'partially', 'partially', 'not-applicable', 'explains', 'complies', 'not-assessed'],
    ['complies', 'complies', 'complies', 'complies', 'complies', 'complies', 'partially'],
  ];
  let shareScope: OversightScope;
  const expected = new Map<number, number | null>();

  beforeAll(async () => {
    const reader = await makeUser();
    shareScope = { userId: reader.id, all: false };
    for (const [i, statuses] of COMBINATIONS.entries()) {
      const institution = await makeInstitution({ name: `Share ${String(i).padStart(2, '0')}` });
      await grant(reader, institution, 'supervisor');
      await makeStatements(institution, code, YEAR, statuses);
      expected.set(institution.id, complianceShare(countStatuses(statuses)));
    }
  });

  it('equals complianceShare on every combination, and is null where nothing counts', async () => {
    const { rows } = await listOversightInstitutions(shareScope, YEAR, TODAY, { ...page, perPage: 100 });
    expect(rows).toHaveLength(COMBINATIONS.length);
    for (const row of rows) expect(row.share, row.name).toBe(expected.get(row.id));
    expect(rows.filter((r) => r.share === null)).toHaveLength(2);
  });

  it('pooled over the scope in the totals', async () => {
    const { totals } = await listOversightInstitutions(shareScope, YEAR, TODAY, page);
    expect(totals.share).toBe(complianceShare(countStatuses(COMBINATIONS.flat())));
  });

  it('sorts in SQL both ways with the institutions without a share last, and pages', async () => {
    const known = [...expected.entries()].filter(([, s]) => s !== null) as [number, number][];
    const ascending = known.sort((x, y) => x[1] - y[1] || 0).map(([id]) => id);
    const { rows: asc } = await listOversightInstitutions(shareScope, YEAR, TODAY, { ...page, sort: 'share', perPage: 100 });
    expect(asc.slice(0, known.length).map((r) => r.share)).toEqual([...asc.slice(0, known.length).map((r) => r.share)].sort((x, y) => x! - y!));
    expect(new Set(asc.slice(0, known.length).map((r) => r.id))).toEqual(new Set(ascending));
    expect(asc.slice(known.length).map((r) => r.share)).toEqual([null, null]);
    const { rows: desc } = await listOversightInstitutions(shareScope, YEAR, TODAY, { ...page, sort: 'share', dir: 'desc', perPage: 100 });
    expect(desc[0]!.share).toBe(1);
    expect(desc.slice(known.length).map((r) => r.share)).toEqual([null, null]);
    const { rows: second } = await listOversightInstitutions(shareScope, YEAR, TODAY, { ...page, sort: 'share', perPage: 3, offset: 3 });
    expect(second.map((r) => r.id)).toEqual(asc.slice(3, 6).map((r) => r.id));
  });

  it('knows every status the compliance area knows', () => {
    expect(STATEMENT_STATUSES).toHaveLength(5);
  });
});

describe('the overdue trend', () => {
  it('counts on the last day of each of the last 24 months, today for the current one', () => {
    const days = trendDays(TODAY);
    expect(days).toHaveLength(24);
    expect(days[0]).toEqual({ month: '2024-04', asOf: '2024-04-30' });
    expect(days[22]).toEqual({ month: '2026-02', asOf: '2026-02-28' });
    expect(days[23]).toEqual({ month: '2026-03', asOf: TODAY });
    expect(trendDays('2024-03-31').find((d) => d.month === '2024-02')?.asOf).toBe('2024-02-29');
  });

  it('counts A\'s and B\'s moments at each month end, and none of C\'s', async () => {
    const trend = (await getOverdueTrend(scope, TODAY)).slice(-12);
    // The last twelve of the 24 months. A's backlog (due 15 January 2025) counts in every month on top of what is listed.
    expect(trend.map((p) => [p.month, p.overdue - 1])).toEqual([
      ['2025-04', 0], // A's moment is due on the 30th itself: not yet overdue
      ['2025-05', 1], ['2025-06', 1], ['2025-07', 1], ['2025-08', 1], ['2025-09', 1],
      ['2025-10', 2], // + B's moment waived only in November
      ['2025-11', 1], // waived on the 30th: closed by the end of that day
      ['2025-12', 2], ['2026-01', 2], // + B's moment rendered late on 10 February
      ['2026-02', 1],
      ['2026-03', 2], // today: A's moments due 30 April and 1 March
    ]);
    expect(trend.at(-1)!.overdue).toBe((await listOversightInstitutions(scope, YEAR, TODAY, page)).totals.overdue);
  });

  describe('the SQL agrees with wasOverdueOn', () => {
    const DAYS: Day[] = ['2026-01-31', '2024-02-29', '2025-12-31'];
    let institution: { id: number };
    let obligation: { id: number; institutionId: number };

    beforeAll(async () => {
      institution = await makeInstitution({ name: 'Trend boundaries' });
      obligation = await makeBareObligation(institution);
    });

    /** Due, rendered and waived on and around `day`, closed on time or late or not at all. */
    function boundaryRows(day: Day): MomentFacts[] {
      const rows: MomentFacts[] = [];
      for (const due of [-40, -1, 0, 1]) {
        const dueOn = addDays(day, due);
        rows.push({ dueOn });
        for (const closed of [-1, 0, 1]) {
          for (const on of [addDays(dueOn, closed), addDays(day, closed)]) {
            rows.push({ dueOn, renderedOn: on });
            rows.push({ dueOn, waivedOn: on });
          }
        }
      }
      return rows;
    }

    it.each(DAYS)('on every boundary row around %s', async (day) => {
      await ReportingMoment.destroy({ where: { obligationId: obligation.id } });
      const facts = boundaryRows(day);
      const ids = await makeMoments(obligation, facts);
      const sequelize = await db();
      const rows = await sequelize.query<{ id: number; overdue: number | string; ever: number | string }>(
        `SELECT m.id, CASE WHEN ${overdueOnSql('m', 'day')} THEN 1 ELSE 0 END AS overdue,
          CASE WHEN ${everOverdueSql('m')} THEN 1 ELSE 0 END AS ever
        FROM reporting_moments m WHERE m.obligation_id = :obligationId ORDER BY m.id`,
        { replacements: { day, obligationId: obligation.id }, type: QueryTypes.SELECT },
      );
      expect(rows.map((r) => Number(r.id))).toEqual(ids);
      facts.forEach((f, i) => {
        const moment = { dueOn: f.dueOn, remindFrom: addDays(f.dueOn, -14), renderedOn: f.renderedOn ?? null, waivedOn: f.waivedOn ?? null };
        const overdue = wasOverdueOn(moment, day);
        expect(Number(rows[i]!.overdue) === 1, JSON.stringify(f)).toBe(overdue);
        // The trend's index holds the moments that were ever overdue: none that counts may be missing from it.
        if (overdue) expect(Number(rows[i]!.ever), JSON.stringify(f)).toBe(1);
      });
      expect(rows.some((r) => Number(r.overdue) === 1)).toBe(true);
      expect(rows.some((r) => Number(r.overdue) === 0)).toBe(true);
    });
  });
});
