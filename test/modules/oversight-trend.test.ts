import { beforeAll, describe, expect, it } from 'vitest';
import { getOverdueTrend } from '~/modules/oversight/queries.server';
import { trendDays, wasOverdueOn } from '~/modules/oversight/rules';
import { addDays, type Day } from '~/utils/dates';
import { makeInstitution, makeMember } from '../support/factories';
import { makeBareObligation, makeMoments, type MomentFacts } from './oversight-fixtures';

/**
 * The overdue trend counts per due day and per closing day and sums the months in code; its
 * answer must be, month by month, the number of moments wasOverdueOn says were overdue at that
 * month's end — on rows due, rendered and waived on and around the window's first month end (where
 * the query splits the backlog from the rest), a month end inside the window, and today.
 */

const TODAY = '2026-03-10';
const points = trendDays(TODAY);
const FIRST = points[0]!.asOf;

/** Due before, on and after `day`; open, or closed on time, on the day, or late on either side of it. */
function around(day: Day): MomentFacts[] {
  const rows: MomentFacts[] = [];
  for (const due of [-400, -40, -1, 0, 1]) {
    const dueOn = addDays(day, due);
    rows.push({ dueOn });
    for (const on of [addDays(dueOn, -1), dueOn, addDays(dueOn, 1), addDays(day, -1), day, addDays(day, 1)]) {
      if (on > TODAY) continue;
      rows.push({ dueOn, renderedOn: on }, { dueOn, waivedOn: on });
    }
  }
  return rows;
}

let scope: { userId: number; all: boolean };
let facts: MomentFacts[];

beforeAll(async () => {
  const institution = await makeInstitution({ name: 'Trend in parts' });
  const supervisor = await makeMember(institution, 'supervisor');
  scope = { userId: supervisor.id, all: false };
  facts = [...around(FIRST), ...around(points[10]!.asOf), ...around(TODAY)].filter((f) => f.dueOn <= TODAY);
  await makeMoments(await makeBareObligation(institution), facts);
});

describe('the overdue trend, summed from due and closing days', () => {
  it('equals wasOverdueOn counted at every month end', async () => {
    const trend = await getOverdueTrend(scope, TODAY);
    const expected = points.map((p) => facts.filter((f) =>
      wasOverdueOn({ dueOn: f.dueOn, remindFrom: addDays(f.dueOn, -14), renderedOn: f.renderedOn ?? null, waivedOn: f.waivedOn ?? null }, p.asOf)).length);
    expect(trend.map((p) => p.overdue)).toEqual(expected);
    // The rows reach the counts that matter: a backlog before the window, and change inside it.
    expect(expected[0]).toBeGreaterThan(0);
    expect(new Set(expected).size).toBeGreaterThan(2);
  });
});
