import { beforeAll, describe, expect, it } from 'vitest';
import {
  MOMENT_STATUSES, momentStatus, momentStatusInSql, momentStatusSql, OPEN_STATUSES, type MomentStatus,
} from '~/modules/obligations/rules';
import { db, QueryTypes, ReportingMoment } from '~/utils/db.server';
import { addDays, type Day } from '~/utils/dates';
import { makeObligation, makeWorld } from './obligations-fixtures';

/**
 * The derived moment status twice: momentStatus in the page, and in SQL the CASE the lists show
 * (momentStatusSql) and the conditions the filters use (momentStatusInSql). All are asked about the
 * same stored rows — every boundary around "today" — and must give the same answer, on SQLite and
 * on PostgreSQL alike.
 */

const TODAYS: Day[] = ['2026-03-31', '2024-02-29', '2025-12-31', '2026-01-01'];

type Row = { dueOn: Day; remindFrom: Day; renderedOn: Day | null; waivedOn: Day | null };

/** Due dates, reminder days and rendering/waiver days on and around today. */
function boundaryRows(today: Day): Row[] {
  const rows: Row[] = [];
  for (const due of [-400, -1, 0, 1, 2, 30]) {
    const dueOn = addDays(today, due);
    for (const remind of [-2, -1, 0, 1, 2]) {
      const remindFrom = addDays(today, remind);
      if (remindFrom > dueOn) continue;
      const facts: Pick<Row, 'renderedOn' | 'waivedOn'>[] = [
        { renderedOn: null, waivedOn: null },
        { renderedOn: addDays(dueOn, -1), waivedOn: null },
        { renderedOn: dueOn, waivedOn: null },
        { renderedOn: addDays(dueOn, 1), waivedOn: null },
        { renderedOn: null, waivedOn: addDays(today, -1) },
        { renderedOn: null, waivedOn: today },
      ];
      for (const f of facts) rows.push({ dueOn, remindFrom, ...f });
    }
  }
  return rows;
}

let obligationId: number;
let institutionId: number;

beforeAll(async () => {
  const world = await makeWorld();
  institutionId = world.college.id;
  ({ id: obligationId } = await makeObligation(world.college, { responsibleUserId: world.secretary.id, recurrence: { kind: 'once' }, startsOn: '2090-01-01' }, '2026-01-01'));
});

describe('momentStatusSql agrees with momentStatus', () => {
  it.each(TODAYS)('on every boundary row, today = %s', async (today) => {
    await ReportingMoment.destroy({ where: { obligationId } });
    const rows = boundaryRows(today);
    // Periods only need to be distinct per obligation; these rows are about dates and facts.
    await ReportingMoment.bulkCreate(rows.map((row, i) => ({
      uid: `status-${today}-${i}@test`, institutionId, obligationId, ...row,
      periodStart: addDays('2000-01-01', i), periodEnd: addDays('2000-01-01', i),
      renderedByUserId: null, note: null, waivedByUserId: null, waiveReason: row.waivedOn ? 'test' : null,
    })));

    const sequelize = await db();
    const fromSql = await sequelize.query<{ id: number; status: MomentStatus }>(
      `SELECT m.id, ${momentStatusSql('m')} AS status FROM reporting_moments m WHERE m.obligation_id = :obligationId ORDER BY m.id`,
      { replacements: { obligationId, today }, type: QueryTypes.SELECT },
    );
    const stored = await ReportingMoment.findAll({ where: { obligationId }, order: [['id', 'ASC']] });
    expect(fromSql).toHaveLength(rows.length);
    const disagreements = stored
      .map((m, i) => ({ row: rows[i], rules: momentStatus(m, today), sql: fromSql[i]!.status }))
      .filter((x) => x.rules !== x.sql);
    expect(disagreements).toEqual([]);
    // The table really covers every status.
    expect(new Set(fromSql.map((r) => r.status))).toEqual(new Set(['planned', 'due-soon', 'overdue', 'rendered', 'rendered-late', 'waived']));
  });

  // Each status alone, the calendar's "open", and a mixed pair.
  const FILTERS: (readonly MomentStatus[])[] = [...MOMENT_STATUSES.map((s) => [s]), OPEN_STATUSES, ['overdue', 'rendered-late']];

  it.each(TODAYS)('filters in SQL (no CASE) the same rows the rule picks, today = %s', async (today) => {
    await ReportingMoment.destroy({ where: { obligationId } });
    const rows = boundaryRows(today);
    await ReportingMoment.bulkCreate(rows.map((row, i) => ({
      uid: `filter-${today}-${i}@test`, institutionId, obligationId, ...row,
      periodStart: addDays('2000-01-01', i), periodEnd: addDays('2000-01-01', i),
      renderedByUserId: null, note: null, waivedByUserId: null, waiveReason: row.waivedOn ? 'test' : null,
    })));
    const sequelize = await db();
    const stored = await ReportingMoment.findAll({ where: { obligationId } });
    for (const statuses of FILTERS) {
      const picked = await sequelize.query<{ id: number }>(
        `SELECT m.id FROM reporting_moments m WHERE m.obligation_id = :obligationId AND ${momentStatusInSql('m', statuses)}`,
        { replacements: { obligationId, today }, type: QueryTypes.SELECT },
      );
      const expected = stored.filter((m) => statuses.includes(momentStatus(m, today))).map((m) => m.id).sort((a, b) => a - b);
      expect(expected.length, statuses.join()).toBeGreaterThan(0);
      expect(picked.map((r) => Number(r.id)).sort((a, b) => a - b), statuses.join()).toEqual(expected);
    }
  });
});
