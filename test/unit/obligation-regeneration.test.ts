import { describe, expect, it } from 'vitest';
import {
  expandRecurrence, planRegeneration, type ExistingMoment, type Moment, type Recurrence, type RecurrenceSeries, type ReportsOn,
} from '~/modules/obligations/rules';

/**
 * A recurrence change after some moments were rendered or waived: the regeneration table. Each
 * case stores the moments of the old series, renders and waives some, changes the recurrence and
 * applies the plan as the mutation does — then checks what a board secretary relies on.
 */

type Stored = ExistingMoment<number>;

const monthly = (day: number, interval = 1): Recurrence => ({ kind: 'monthly', interval, day });
const yearly = (monthDay: string, interval = 1): Recurrence => ({ kind: 'yearly', interval, monthDay });
const once: Recurrence = { kind: 'once' };
const series = (recurrence: Recurrence, startsOn: string, endsOn: string | null = null, reportsOn: ReportsOn = 'previous'): RecurrenceSeries =>
  ({ recurrence, startsOn, endsOn, reportsOn });

const HORIZON = '2027-12-31';
const expand = (s: RecurrenceSeries) => expandRecurrence(s, { through: HORIZON });

/** The old series as stored on the day it was created, with `rendered` and `waived` due dates marked. */
function store(s: RecurrenceSeries, facts: { rendered?: Record<string, string>; waived?: Record<string, string> } = {}): Stored[] {
  return expand(s).map((m, i) => ({
    id: i + 1,
    ...m,
    renderedOn: facts.rendered?.[m.dueOn] ?? null,
    waivedOn: facts.waived?.[m.dueOn] ?? null,
  }));
}

/** What the database holds after the mutation applied the plan (removals, updates, then creations). */
function apply(existing: Stored[], wanted: Moment[], today: string): Stored[] {
  const plan = planRegeneration(existing, wanted, today);
  let nextId = Math.max(0, ...existing.map((m) => m.id)) + 1;
  const kept = existing
    .filter((m) => !plan.remove.includes(m.id))
    .map((m) => {
      const update = plan.update.find((u) => u.id === m.id);
      return update ? { ...m, dueOn: update.dueOn, periodStart: update.periodStart, periodEnd: update.periodEnd } : m;
    });
  const created = plan.create.map((m) => ({ id: nextId++, ...m, renderedOn: null, waivedOn: null }));
  return [...kept, ...created].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id - b.id);
}

const isHistory = (m: Stored, today: string) => m.renderedOn !== null || m.waivedOn !== null || m.dueOn < today;

type Case = {
  name: string;
  before: RecurrenceSeries;
  after: RecurrenceSeries;
  today: string;
  rendered?: Record<string, string>;
  waived?: Record<string, string>;
  /** Due dates stored afterwards, in order. */
  expected: string[];
};

const cases: Case[] = [
  {
    name: 'quarterly on the 15th → on the 31st, after Q4 and Q1 were rendered',
    before: series(monthly(15, 3), '2026-01-01'),
    after: series(monthly(31, 3), '2026-01-01'),
    today: '2026-05-01',
    rendered: { '2026-01-15': '2026-01-14', '2026-04-15': '2026-04-20' },
    expected: ['2026-01-15', '2026-04-15', '2026-07-31', '2026-10-31', '2027-01-31', '2027-04-30', '2027-07-31', '2027-10-31'],
  },
  {
    name: 'quarterly → monthly, one quarter waived: months from today on, the waived quarter stays',
    before: series(monthly(15, 3), '2026-01-01'),
    after: series(monthly(15), '2026-01-01', '2026-12-31'),
    today: '2026-08-01',
    rendered: { '2026-01-15': '2026-01-10' },
    waived: { '2026-04-15': '2026-04-01' },
    // 15 July (Q2, unrendered, past) stays overdue; from 15 August monthly.
    expected: ['2026-01-15', '2026-04-15', '2026-07-15', '2026-08-15', '2026-09-15', '2026-10-15', '2026-11-15', '2026-12-15'],
  },
  {
    name: 'yearly 30 June → 31 May, last year rendered late',
    before: series(yearly('06-30'), '2025-01-01'),
    after: series(yearly('05-31'), '2025-01-01'),
    today: '2026-03-01',
    rendered: { '2025-06-30': '2025-07-04' },
    expected: ['2025-06-30', '2026-05-31', '2027-05-31'],
  },
  {
    name: 'yearly → every 2 years: the rendered year stays, the odd years go',
    before: series(yearly('12-31'), '2025-01-01'),
    after: series(yearly('12-31', 2), '2025-01-01'),
    today: '2026-01-10',
    rendered: { '2025-12-31': '2025-12-20' },
    expected: ['2025-12-31', '2027-12-31'],
  },
  {
    name: 'an earlier end: future open moments go, rendered ones stay even after the new end',
    before: series(monthly(1, 1), '2026-01-01', '2026-12-31'),
    after: series(monthly(1, 1), '2026-01-01', '2026-06-30'),
    today: '2026-05-15',
    rendered: { '2026-01-01': '2026-01-01', '2026-07-01': '2026-05-10' },
    // February–May were not rendered and are past: they stay, overdue. June is future and wanted.
    expected: ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01', '2026-07-01'],
  },
  {
    name: 'a later start does not take back the past',
    before: series(monthly(10, 2), '2026-01-01'),
    after: series(monthly(10, 2), '2026-09-01'),
    today: '2026-06-01',
    rendered: { '2026-01-10': '2026-01-09' },
    // March and May past and open: history. July goes (before the new start); from September on.
    expected: ['2026-01-10', '2026-03-10', '2026-05-10', '2026-09-10', '2026-11-10', '2027-01-10', '2027-03-10', '2027-05-10', '2027-07-10', '2027-09-10', '2027-11-10'],
  },
  {
    // The report on 2026 was due 30 June 2027; reporting on the current year it is due 30 June
    // 2026: the same period, so the same moment (id and UID), now overdue. The rendered report on
    // 2025 keeps its period, and 2027 gets a new moment.
    name: 'reporting on the current instead of the previous period: a period keeps its moment, even when its due date moves back',
    before: series(yearly('06-30'), '2026-01-01', null, 'previous'),
    after: series(yearly('06-30'), '2026-01-01', null, 'current'),
    today: '2026-07-15',
    rendered: { '2026-06-30': '2026-06-29' },
    expected: ['2026-06-30', '2026-06-30', '2027-06-30'],
  },
  {
    name: 'a one-off moved later, before it was rendered',
    before: series(once, '2026-09-01'),
    after: series(once, '2026-10-01'),
    today: '2026-08-01',
    expected: ['2026-10-01'],
  },
  {
    name: 'a rendered one-off is not moved',
    before: series(once, '2026-09-01'),
    after: series(once, '2026-10-01'),
    today: '2026-08-01',
    rendered: { '2026-09-01': '2026-07-30' },
    expected: ['2026-09-01'],
  },
];

describe('regenerating after a recurrence change', () => {
  it.each(cases)('$name', ({ before, after, today, rendered, waived, expected }) => {
    const stored = store(before, { rendered, waived });
    const result = apply(stored, expand(after), today);
    expect(result.map((m) => m.dueOn)).toEqual(expected);

    // Rendered and waived moments are exactly as they were: same id, dates, period and facts.
    for (const original of stored.filter((m) => m.renderedOn || m.waivedOn)) {
      expect(result.find((m) => m.id === original.id)).toEqual(original);
    }
    // Past open moments are history too: never moved or removed.
    for (const original of stored.filter((m) => !m.renderedOn && !m.waivedOn && m.dueOn < today)) {
      expect(result.find((m) => m.id === original.id)).toEqual(original);
    }
    // One moment per period, and a moment for a period that existed before kept its id (its calendar UID).
    const periods = result.map((m) => m.periodStart);
    expect(new Set(periods).size).toBe(periods.length);
    for (const m of result) {
      const earlier = stored.find((s) => s.periodStart === m.periodStart);
      if (earlier) expect(m.id).toBe(earlier.id);
    }
    // From today on, what the new recurrence wants is there — except periods history already covers.
    const covered = new Set(stored.filter((m) => isHistory(m, today)).map((m) => m.periodStart));
    for (const want of expand(after).filter((w) => w.dueOn >= today && !covered.has(w.periodStart))) {
      expect(result).toContainEqual(expect.objectContaining(want));
    }
  });

  it('regenerating twice changes nothing the second time', () => {
    for (const { before, after, today, rendered, waived } of cases) {
      const once = apply(store(before, { rendered, waived }), expand(after), today);
      const plan = planRegeneration(once, expand(after), today);
      expect(plan.update, `${JSON.stringify(after)}`).toEqual([]);
      expect(plan.create).toEqual([]);
      expect(plan.remove).toEqual([]);
    }
  });

  it('a later day rolls the horizon forward without touching what is stored', () => {
    const s = series(yearly('06-30'), '2026-01-01');
    const stored = store(s, { rendered: { '2026-06-30': '2026-06-15' } });
    const nextYear = expandRecurrence(s, { through: '2028-12-31' });
    const plan = planRegeneration(stored, nextYear, '2027-01-02');
    expect(plan).toEqual({ keep: stored.map((m) => m.id), update: [], create: [{ dueOn: '2028-06-30', periodStart: '2027-01-01', periodEnd: '2027-12-31' }], remove: [] });
  });
});
