import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complianceYearPath, statementPath } from '~/modules/oversight/paths';
import * as yearRoute from '~/routes/_app.i.$institutionId.compliance.$year._index';
import * as statementRoute from '~/routes/_app.i.$institutionId.compliance.$year.statements.$statementId';
import * as oversightRoute from '~/routes/_app.oversight';
import { anonymousRequest, responseOf, routeArgs, signedInRequest } from '../support/requests';
import {
  approve, makeBareObligation, makeCode, makeMoments, makeOversightWorld, makeStatements, type OversightWorld, type TestCode,
} from '../modules/oversight-fixtures';

/**
 * /oversight through its loader with real requests: who sees which institutions (and whose
 * numbers never appear), the empty state, the filters and paging in the URL, and that the page
 * is read-only.
 */

type Loaded = {
  empty: boolean;
  year: number;
  institutions: { id: number; name: string; share: number | null; overdue: number }[];
  totals: { institutions: number; deviations: number; overdue: number };
  trend: { month: string; overdue: number }[];
  codes: { id: number }[];
  heatMap: { columns: { id: number }[] } | null;
  review: {
    total: number;
    counts: { statements: number; deviations: number; flags: Record<string, number> };
    rows: { statementId: number; institutionId: number; number: string; status: string; flags: string[] }[];
  };
};

let world: OversightWorld;
let code: TestCode;
const previousToday = process.env.HORIZON_TODAY;

beforeAll(async () => {
  process.env.HORIZON_TODAY = '2026-03-10';
  world = await makeOversightWorld();
  code = await makeCode();
  await makeStatements(world.a, code, 2025, ['complies', 'partially', 'explains', 'not-assessed']);
  await makeStatements(world.a, code, 2024, ['complies', 'complies']);
  await approve(world.a, 2025);
  await makeStatements(world.b, code, 2025, ['complies', 'complies', 'complies', 'partially', 'not-applicable']);
  await makeStatements(world.c, code, 2025, ['explains', 'explains', 'explains']);
  await makeMoments(await makeBareObligation(world.a), [{ dueOn: '2026-02-01' }]);
  await makeMoments(await makeBareObligation(world.c), [{ dueOn: '2025-06-01' }, { dueOn: '2026-01-01' }]);
});

afterAll(() => {
  if (previousToday === undefined) delete process.env.HORIZON_TODAY;
  else process.env.HORIZON_TODAY = previousToday;
});

async function load(user: { id: number }, search = ''): Promise<{ status: number; data: Loaded; text: string }> {
  const request = await signedInRequest(user, `/oversight${search}`);
  const response = await responseOf(oversightRoute.loader(routeArgs(request)));
  const text = await response.text();
  return { status: response.status, data: JSON.parse(text) as Loaded, text };
}

describe('who sees what', () => {
  it('a supervisor of A and B sees A and B, and nothing of C anywhere on the page', async () => {
    const { status, data, text } = await load(world.supervisor);
    expect(status).toBe(200);
    expect(data.institutions.map((r) => r.id)).toEqual([world.a.id, world.b.id]);
    expect(data.totals).toMatchObject({ institutions: 2, deviations: 3, overdue: 1 });
    expect(data.trend.at(-1)!.overdue).toBe(1);
    expect(data.heatMap!.columns.map((c) => c.id)).toEqual([world.a.id, world.b.id]);
    // A: 1.1 complies without evidence, 1.2 partially, 1.3 explains; B: three complies without evidence, 1.4 partially.
    expect(data.review.rows.map((r) => [r.institutionId, r.number, r.status, r.flags])).toEqual([
      [world.a.id, '1.1', 'complies', ['evidence-missing']], [world.a.id, '1.2', 'partially', []], [world.a.id, '1.3', 'explains', []],
      [world.b.id, '1.1', 'complies', ['evidence-missing']], [world.b.id, '1.2', 'complies', ['evidence-missing']],
      [world.b.id, '1.3', 'complies', ['evidence-missing']], [world.b.id, '1.4', 'partially', []],
    ]);
    // Not in a list, a count, a column or a link.
    expect(text).not.toContain(world.c.name);
  });

  it('a user without any membership gets the page with its empty state, not a 404', async () => {
    const { status, data } = await load(world.stranger);
    expect(status).toBe(200);
    expect(data).toEqual({ empty: true });
  });

  it('an administrator sees every institution', async () => {
    const { data } = await load(world.admin);
    expect(data.institutions.map((r) => r.id)).toEqual(expect.arrayContaining([world.a.id, world.b.id, world.c.id]));
  });

  it('a signed-out visitor is sent to sign in', async () => {
    const response = await responseOf(oversightRoute.loader(routeArgs(anonymousRequest('/oversight'))));
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/login?redirectTo=%2Foversight');
  });
});

describe('filters, sorting and paging in the URL', () => {
  it('opens on the latest year with statements', async () => {
    expect((await load(world.supervisor)).data.year).toBe(2025);
  });

  it('by year', async () => {
    const { data } = await load(world.supervisor, '?year=2024');
    expect(data.year).toBe(2024);
    expect(data.institutions.map((r) => [r.id, r.share])).toEqual([[world.a.id, 1], [world.b.id, null]]);
    expect(data.review.counts.deviations).toBe(0);
  });

  it('by sector', async () => {
    const { data } = await load(world.supervisor, '?year=2025&sector=housing');
    expect(data.institutions.map((r) => r.id)).toEqual([world.b.id]);
    expect(data.totals).toMatchObject({ institutions: 1, deviations: 1, overdue: 0 });
  });

  it('a value it cannot read falls back to the default', async () => {
    const { status, data } = await load(world.supervisor, '?year=abc&sector=mars&sort=password&page=-1&dpage=x');
    expect(status).toBe(200);
    expect(data.year).toBe(2025);
    expect(data.institutions.map((r) => r.id)).toEqual([world.a.id, world.b.id]);
  });

  it('sorts by share in SQL', async () => {
    const { data } = await load(world.supervisor, '?sort=share&dir=desc');
    // B: (3 + ½) ÷ 4; A: (1 + ½) ÷ 4.
    expect(data.institutions.map((r) => [r.id, r.share])).toEqual([[world.b.id, 3.5 / 4], [world.a.id, 1.5 / 4]]);
  });

  it('narrows the review list to one flag, and pages it', async () => {
    const { data } = await load(world.supervisor, '?flag=evidence-missing&dpage=1');
    expect(data.review.rows.map((r) => [r.institutionId, r.number])).toEqual([
      [world.a.id, '1.1'], [world.b.id, '1.1'], [world.b.id, '1.2'], [world.b.id, '1.3'],
    ]);
    expect(data.review.counts).toMatchObject({ statements: 7, deviations: 3, flags: { 'evidence-missing': 4 } });
    // An unknown flag lists everything.
    expect((await load(world.supervisor, '?flag=password')).data.review.total).toBe(7);
  });

  it('pages past the end: no rows, the totals stay', async () => {
    const { data } = await load(world.supervisor, '?page=2&dpage=2');
    expect(data.institutions).toEqual([]);
    expect(data.totals.institutions).toBe(2);
    expect(data.review).toMatchObject({ total: 7, rows: [] });
  });
});

describe('drilling in', () => {
  it('a deviation links to its statement\'s page in the institution\'s compliance area, which the supervisor may read', async () => {
    const { data } = await load(world.supervisor);
    const first = data.review.rows.find((r) => r.status === 'partially');
    expect(first).toMatchObject({ institutionId: world.a.id, number: '1.2' });
    const path = statementPath(first!, 2025);
    expect(path).toBe(`/i/${world.a.id}/compliance/2025/statements/${first!.statementId}`);
    const request = await signedInRequest(world.supervisor, path);
    const response = await responseOf(statementRoute.loader(routeArgs(request, {
      institutionId: String(world.a.id), year: '2025', statementId: String(first!.statementId),
    })));
    expect(response.status).toBe(200);
  });

  it('an institution\'s share links to its year overview there', async () => {
    const path = complianceYearPath(world.b.id, 2025);
    expect(path).toBe(`/i/${world.b.id}/compliance/2025`);
    const request = await signedInRequest(world.supervisor, path);
    const response = await responseOf(yearRoute.loader(routeArgs(request, { institutionId: String(world.b.id), year: '2025' })));
    expect(response.status).toBe(200);
  });
});

describe('read-only', () => {
  it('the route has no action', () => {
    expect('action' in oversightRoute).toBe(false);
  });

  it('its screens post nothing: forms only filter, by GET', async () => {
    const files = [
      'app/routes/_app.oversight.tsx', 'app/modules/oversight/components/charts.tsx', 'app/modules/oversight/components/heat-map.tsx',
    ];
    for (const file of files) {
      const source = await readFile(path.resolve(file), 'utf8');
      expect(source, file).not.toMatch(/method=["'{]\s*['"]?post/i);
      expect(source, file).not.toMatch(/useFetcher|useSubmit|fetcher\.Form/);
      for (const form of source.match(/<Form\b[^>]*>/g) ?? []) expect(form, file).toContain('method="get"');
    }
  });
});
