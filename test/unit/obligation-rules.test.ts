import { describe, expect, it } from 'vitest';
import {
  MOMENT_STATUSES,
  OBLIGATION_FORMS,
  OBLIGATION_PRESETS,
  expandRecurrence,
  horizonEnd,
  isMonthDay,
  leadTimeExceedsInterval,
  momentStatus,
  momentStatusConditionsSql,
  momentStatusInSql,
  momentStatusSql,
  OPEN_STATUSES,
  periodLabel,
  planRegeneration,
  presetsForSector,
  remindFrom,
  reportingPeriod,
  type ExistingMoment,
  type Moment,
  type Recurrence,
  type RecurrenceSeries,
  type ReportsOn,
} from '~/modules/obligations/rules';
import { SECTORS } from '~/modules/institutions/schema';

const monthly = (day: number, interval = 1): Recurrence => ({ kind: 'monthly', interval, day });
const yearly = (monthDay: string, interval = 1): Recurrence => ({ kind: 'yearly', interval, monthDay });
const once: Recurrence = { kind: 'once' };

function series(recurrence: Recurrence, startsOn: string, endsOn: string | null = null, reportsOn: ReportsOn = 'previous'): RecurrenceSeries {
  return { recurrence, startsOn, endsOn, reportsOn };
}

const dueDates = (s: RecurrenceSeries, through: string) => expandRecurrence(s, { through }).map((m) => m.dueOn);

describe('expandRecurrence: due dates', () => {
  it.each([
    ['monthly day 31 through short months and a common February', series(monthly(31), '2026-01-01'), '2026-06-30',
      ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30']],
    ['monthly day 31 in a leap year', series(monthly(31), '2024-01-15'), '2024-03-31',
      ['2024-01-31', '2024-02-29', '2024-03-31']],
    ['monthly day 31 does not drift after a short month', series(monthly(31), '2026-03-01'), '2026-07-31',
      ['2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30', '2026-07-31']],
    ['monthly day 30 in February', series(monthly(30), '2026-01-01'), '2026-03-31',
      ['2026-01-30', '2026-02-28', '2026-03-30']],
    ['monthly day 29 in a common February', series(monthly(29), '2025-01-01'), '2025-03-31',
      ['2025-01-29', '2025-02-28', '2025-03-29']],
    ['monthly day 29 in a leap February', series(monthly(29), '2024-01-01'), '2024-03-31',
      ['2024-01-29', '2024-02-29', '2024-03-29']],
    ['every 3 months', series(monthly(15, 3), '2026-01-01'), '2026-12-31',
      ['2026-01-15', '2026-04-15', '2026-07-15', '2026-10-15']],
    ['every 3 months from the middle of a month: months count from the start month',
      series(monthly(15, 3), '2026-01-20'), '2026-12-31', ['2026-04-15', '2026-07-15', '2026-10-15']],
    ['a start on the due day itself counts', series(monthly(15, 3), '2026-01-15'), '2026-04-30',
      ['2026-01-15', '2026-04-15']],
    ['every 3 months across the year end', series(monthly(31, 3), '2025-11-01'), '2026-08-31',
      ['2025-11-30', '2026-02-28', '2026-05-31', '2026-08-31']],
    ['yearly before 1 July', series(yearly('06-30'), '2026-01-01'), '2028-12-31',
      ['2026-06-30', '2027-06-30', '2028-06-30']],
    ['yearly, started after this year\'s date', series(yearly('06-30'), '2026-07-01'), '2028-12-31',
      ['2027-06-30', '2028-06-30']],
    ['every 4 years from a start', series(yearly('12-31', 4), '2022-01-01'), '2031-12-31',
      ['2022-12-31', '2026-12-31', '2030-12-31']],
    ['every 4 years, started in the middle of a period', series(yearly('06-30', 4), '2022-07-01'), '2035-12-31',
      ['2026-06-30', '2030-06-30', '2034-06-30']],
    ['yearly 29 February in common and leap years', series(yearly('02-29'), '2023-01-01'), '2025-12-31',
      ['2023-02-28', '2024-02-29', '2025-02-28']],
    ['every 4 years on 29 February from a leap year', series(yearly('02-29', 4), '2024-03-01'), '2032-12-31',
      ['2028-02-29', '2032-02-29']],
    ['every 4 years on 29 February from a common year', series(yearly('02-29', 4), '2025-01-01'), '2033-12-31',
      ['2025-02-28', '2029-02-28', '2033-02-28']],
    ['the end date is inclusive', series(monthly(15), '2026-01-01', '2026-03-15'), '2026-12-31',
      ['2026-01-15', '2026-02-15', '2026-03-15']],
    ['nothing after the end date', series(monthly(15), '2026-01-01', '2026-03-14'), '2026-12-31',
      ['2026-01-15', '2026-02-15']],
    ['the horizon day itself is included', series(yearly('12-31'), '2026-01-01'), horizonEnd('2026-03-10'),
      ['2026-12-31', '2027-12-31']],
    ['once: due on its start', series(once, '2026-09-01'), '2027-12-31', ['2026-09-01']],
    ['once: beyond the horizon, not yet', series(once, '2028-09-01'), '2027-12-31', []],
    ['once: after its end date, never', series(once, '2026-09-01', '2026-08-31'), '2027-12-31', []],
  ])('%s', (_, s, through, expected) => {
    expect(dueDates(s, through)).toEqual(expected);
  });

  it.each([
    ['2026-03-10', '2027-12-31'],
    ['2026-01-01', '2027-12-31'],
    ['2026-12-31', '2027-12-31'],
    ['2027-01-01', '2028-12-31'],
  ])('the horizon on %s ends %s', (today, expected) => {
    expect(horizonEnd(today)).toBe(expected);
  });

  it.each([
    ['interval 0', monthly(15, 0)],
    ['interval 1.5', monthly(15, 1.5)],
    ['day 0', monthly(0)],
    ['day 32', monthly(32)],
    ['month-day 02-30', yearly('02-30')],
    ['month-day 6-30', yearly('6-30')],
  ])('refuses a recurrence with %s', (_, recurrence) => {
    expect(() => expandRecurrence(series(recurrence, '2026-01-01'), { through: '2027-12-31' })).toThrow(RangeError);
  });

  it.each([
    ['06-30', true], ['02-29', true], ['12-31', true], ['02-30', false], ['13-01', false], ['6-30', false], ['', false], [null, false],
  ])('isMonthDay(%j) = %s', (value, expected) => {
    expect(isMonthDay(value)).toBe(expected);
  });
});

describe('reporting periods', () => {
  it.each([
    ['yearly previous: the annual report due 30 June 2026 reports on 2025', yearly('06-30'), 'previous', '2026-06-30', '2025-01-01', '2025-12-31'],
    ['yearly current', yearly('06-30'), 'current', '2026-06-30', '2026-01-01', '2026-12-31'],
    ['every 4 years previous: visitatie due 2026 covers 2022–2025', yearly('12-31', 4), 'previous', '2026-12-31', '2022-01-01', '2025-12-31'],
    ['every 4 years current', yearly('12-31', 4), 'current', '2026-12-31', '2023-01-01', '2026-12-31'],
    ['quarterly previous: due 15 April covers Q1', monthly(15, 3), 'previous', '2026-04-15', '2026-01-01', '2026-03-31'],
    ['quarterly previous across the year end', monthly(15, 3), 'previous', '2026-01-15', '2025-10-01', '2025-12-31'],
    ['quarterly current: ends with the due month', monthly(15, 3), 'current', '2026-04-15', '2026-02-01', '2026-04-30'],
    ['monthly previous: the month before, February short', monthly(5), 'previous', '2026-03-05', '2026-02-01', '2026-02-28'],
    ['monthly previous: leap February', monthly(5), 'previous', '2024-03-05', '2024-02-01', '2024-02-29'],
    ['monthly current: the due month', monthly(5), 'current', '2026-03-05', '2026-03-01', '2026-03-31'],
    ['once previous: the calendar year before', once, 'previous', '2026-09-01', '2025-01-01', '2025-12-31'],
    ['once current: the due year', once, 'current', '2026-09-01', '2026-01-01', '2026-12-31'],
  ] as const)('%s', (_, recurrence, reportsOn, dueOn, periodStart, periodEnd) => {
    expect(reportingPeriod(recurrence, reportsOn, dueOn)).toEqual({ periodStart, periodEnd });
  });

  it('expansion carries each moment\'s period', () => {
    expect(expandRecurrence(series(monthly(15, 3), '2026-01-01'), { through: '2026-04-30' })).toEqual([
      { dueOn: '2026-01-15', periodStart: '2025-10-01', periodEnd: '2025-12-31' },
      { dueOn: '2026-04-15', periodStart: '2026-01-01', periodEnd: '2026-03-31' },
    ]);
  });

  it.each([
    ['2025-01-01', '2025-12-31', '2025', '2025'],
    ['2022-01-01', '2025-12-31', '2022–2025', '2022–2025'],
    ['2026-01-01', '2026-03-31', 'Q1 2026', 'Q1 2026'],
    ['2026-10-01', '2026-12-31', 'Q4 2026', 'Q4 2026'],
    ['2026-03-01', '2026-03-31', 'maart 2026', 'March 2026'],
    ['2026-02-01', '2026-02-28', 'februari 2026', 'February 2026'],
    ['2026-02-01', '2026-04-30', 'feb–apr 2026', 'Feb–Apr 2026'],
    ['2026-01-01', '2026-02-28', 'jan–feb 2026', 'Jan–Feb 2026'],
    ['2026-01-01', '2026-06-30', 'jan–jun 2026', 'Jan–Jun 2026'],
    ['2025-11-01', '2026-01-31', 'nov 2025 – jan 2026', 'Nov 2025 – Jan 2026'],
    ['2026-03-10', '2026-04-09', '10 maart 2026 – 9 april 2026', '10 March 2026 – 9 April 2026'],
  ])('periodLabel(%s, %s) = %s / %s', (start, end, nl, en) => {
    expect(periodLabel(start, end, 'nl')).toBe(nl);
    expect(periodLabel(start, end, 'en')).toBe(en);
  });

  it('refuses a period that ends before it starts', () => {
    expect(() => periodLabel('2026-03-31', '2026-03-01', 'en')).toThrow(RangeError);
  });
});

describe('moment status', () => {
  const dueOn = '2026-06-30';
  const reminder = remindFrom(dueOn, 14);
  const open = { dueOn, remindFrom: reminder, renderedOn: null, waivedOn: null };

  it('reminds the lead time before the due date', () => {
    expect(reminder).toBe('2026-06-16');
    expect(remindFrom('2026-03-10', 14)).toBe('2026-02-24');
    expect(remindFrom(dueOn, 0)).toBe(dueOn);
  });

  it.each([
    ['the day before remindFrom', '2026-06-15', 'planned'],
    ['remindFrom', '2026-06-16', 'due-soon'],
    ['the due date', '2026-06-30', 'due-soon'],
    ['the day after the due date', '2026-07-01', 'overdue'],
    ['long after', '2027-01-01', 'overdue'],
  ])('unrendered, on %s: %s', (_, today, expected) => {
    expect(momentStatus(open, today)).toBe(expected);
  });

  it.each([
    ['rendered on the due date', { renderedOn: '2026-06-30' }, '2026-07-10', 'rendered'],
    ['rendered early, before the reminder', { renderedOn: '2026-05-01' }, '2026-05-02', 'rendered'],
    ['rendered a day late', { renderedOn: '2026-07-01' }, '2026-07-10', 'rendered-late'],
    ['waived after the due date', { waivedOn: '2026-07-05' }, '2026-07-10', 'waived'],
    ['waived before the reminder', { waivedOn: '2026-01-05' }, '2026-01-10', 'waived'],
    ['waived wins over rendered', { renderedOn: '2026-06-30', waivedOn: '2026-07-05' }, '2026-07-10', 'waived'],
  ])('%s: %s', (_, facts, today, expected) => {
    expect(momentStatus({ ...open, ...facts }, today)).toBe(expected);
  });

  it('lists every status once', () => {
    expect([...MOMENT_STATUSES].sort()).toEqual(['due-soon', 'overdue', 'planned', 'rendered', 'rendered-late', 'waived']);
  });
});

describe('momentStatusSql', () => {
  const sql = momentStatusSql('m');

  it('is one CASE over the alias\'s columns and :today', () => {
    expect(sql).toMatch(/^CASE .* END$/);
    for (const column of ['due_on', 'remind_from', 'rendered_on', 'waived_on']) expect(sql).toContain(`m.${column}`);
    expect(new Set(sql.match(/:[a-z_]+/g))).toEqual(new Set([':today']));
    expect(sql).not.toMatch(/CAST|\?|\$\d/);
  });

  it('yields every status, in momentStatus\'s order of precedence', () => {
    const yielded = [...sql.matchAll(/THEN '([a-z-]+)'|ELSE '([a-z-]+)'/g)].map((match) => match[1] ?? match[2]);
    expect(yielded).toEqual(['waived', 'rendered', 'rendered-late', 'overdue', 'due-soon', 'planned']);
    expect([...yielded].sort()).toEqual([...MOMENT_STATUSES].sort());
  });

  it('is made of the per-status conditions, which draw the boundaries like momentStatus', () => {
    const conditions = momentStatusConditionsSql('m');
    for (const status of MOMENT_STATUSES.filter((s) => s !== 'planned')) expect(sql).toContain(`WHEN ${conditions[status]} THEN '${status}'`);
    expect(conditions.rendered).toContain('m.rendered_on <= m.due_on');
    expect(conditions.overdue).toContain('m.due_on < :today');
    expect(conditions['due-soon']).toContain('m.remind_from <= :today');
  });

  it.each(['', 'm; DROP TABLE reporting_moments', 'm.x', '1m', 'm m'])('refuses the alias %j', (alias) => {
    expect(() => momentStatusSql(alias)).toThrow();
    expect(() => momentStatusConditionsSql(alias)).toThrow();
  });
});

describe('momentStatusInSql', () => {
  it('filters by plain conditions, never by the CASE (which no index can serve)', () => {
    for (const status of MOMENT_STATUSES) expect(momentStatusInSql('m', [status])).not.toContain('CASE');
  });

  it('asks for the open ones as one condition, and for nothing as no row', () => {
    expect(momentStatusInSql('m', OPEN_STATUSES)).toBe('(m.waived_on IS NULL AND m.rendered_on IS NULL)');
    expect(momentStatusInSql('m', [])).toBe('(1 = 0)');
  });
});

describe('planRegeneration', () => {
  const today = '2026-08-01';
  // A quarterly report on the 15th, reporting on the previous quarter.
  const rendered: ExistingMoment<number> = { id: 1, dueOn: '2026-01-15', periodStart: '2025-10-01', periodEnd: '2025-12-31', renderedOn: '2026-01-10', waivedOn: null };
  const waived: ExistingMoment<number> = { id: 2, dueOn: '2026-04-15', periodStart: '2026-01-01', periodEnd: '2026-03-31', renderedOn: null, waivedOn: '2026-04-01' };
  const pastOpen: ExistingMoment<number> = { id: 3, dueOn: '2026-07-15', periodStart: '2026-04-01', periodEnd: '2026-06-30', renderedOn: null, waivedOn: null };
  const futureOpen: ExistingMoment<number> = { id: 4, dueOn: '2026-10-15', periodStart: '2026-07-01', periodEnd: '2026-09-30', renderedOn: null, waivedOn: null };
  const existing = [rendered, waived, pastOpen, futureOpen];
  const wanted = (recurrence: Recurrence, endsOn: string | null = null): Moment[] =>
    expandRecurrence(series(recurrence, '2026-01-01', endsOn), { through: '2026-12-31' });

  it('changes nothing when the recurrence did not change', () => {
    expect(planRegeneration(existing, wanted(monthly(15, 3)), today)).toEqual({ keep: [1, 2, 3, 4], update: [], create: [], remove: [] });
  });

  it('a new due day: updates the future moment under its id, leaves rendered, waived and past ones', () => {
    expect(planRegeneration(existing, wanted(monthly(31, 3)), today)).toEqual({
      keep: [1, 2, 3],
      update: [{ id: 4, dueOn: '2026-10-31', periodStart: '2026-07-01', periodEnd: '2026-09-30' }],
      create: [],
      remove: [],
    });
  });

  it('monthly instead of quarterly: keeps the id for the same period, creates future months only', () => {
    expect(planRegeneration(existing, wanted(monthly(15)), today)).toEqual({
      keep: [1, 2, 3],
      update: [{ id: 4, dueOn: '2026-08-15', periodStart: '2026-07-01', periodEnd: '2026-07-31' }],
      create: [
        { dueOn: '2026-09-15', periodStart: '2026-08-01', periodEnd: '2026-08-31' },
        { dueOn: '2026-10-15', periodStart: '2026-09-01', periodEnd: '2026-09-30' },
        { dueOn: '2026-11-15', periodStart: '2026-10-01', periodEnd: '2026-10-31' },
        { dueOn: '2026-12-15', periodStart: '2026-11-01', periodEnd: '2026-11-30' },
      ],
      remove: [],
    });
  });

  it('an earlier end: removes future moments no longer wanted, leaves the past ones', () => {
    expect(planRegeneration(existing, wanted(monthly(15, 3), '2026-05-31'), today)).toEqual({
      keep: [1, 2, 3], update: [], create: [], remove: [4],
    });
  });

  it('a rendered moment is untouched even when its due date would move, and its period is not created again', () => {
    const renderedEarly: ExistingMoment<number> = { ...futureOpen, id: 5, renderedOn: '2026-07-20' };
    expect(planRegeneration([rendered, renderedEarly], wanted(monthly(31, 3)), today)).toEqual({
      keep: [1, 5],
      update: [],
      create: [],
      remove: [],
    });
  });

  it('a waived future moment is untouched when no longer wanted', () => {
    const waivedFuture: ExistingMoment<number> = { ...futureOpen, waivedOn: '2026-07-20' };
    expect(planRegeneration([waivedFuture], [], today)).toEqual({ keep: [4], update: [], create: [], remove: [] });
  });

  it('a past unrendered moment stays, overdue, when no longer wanted', () => {
    expect(planRegeneration([pastOpen], [], today)).toEqual({ keep: [3], update: [], create: [], remove: [] });
  });

  it('a moment due today is still future: it follows the new recurrence', () => {
    const dueToday: ExistingMoment<number> = { ...futureOpen, id: 6, dueOn: today };
    expect(planRegeneration([dueToday], [], today)).toEqual({ keep: [], update: [], create: [], remove: [6] });
    const moved = { dueOn: '2026-08-05', periodStart: futureOpen.periodStart, periodEnd: futureOpen.periodEnd };
    expect(planRegeneration([dueToday], [moved], today)).toEqual({ keep: [], update: [{ id: 6, ...moved }], create: [], remove: [] });
  });

  it('a changed period end with the same start and due date is an update', () => {
    const longer = { dueOn: futureOpen.dueOn, periodStart: futureOpen.periodStart, periodEnd: '2026-10-31' };
    expect(planRegeneration([futureOpen], [longer], today).update).toEqual([{ id: 4, ...longer }]);
  });

  it('two stored moments for one period: the first keeps it, the second goes', () => {
    const duplicate: ExistingMoment<number> = { ...futureOpen, id: 7 };
    expect(planRegeneration([futureOpen, duplicate], wanted(monthly(15, 3)), today)).toEqual({
      keep: [4], update: [], create: [], remove: [7],
    });
  });

  it('with nothing stored, creates the wanted moments from today on', () => {
    const plan = planRegeneration<string>([], wanted(monthly(15, 3)), today);
    expect(plan.create.map((m) => m.dueOn)).toEqual(['2026-10-15']);
    expect(plan).toMatchObject({ keep: [], update: [], remove: [] });
  });
});

describe('lead time against the interval', () => {
  it.each([
    ['once, any lead time', once, 1000, false],
    ['monthly on the 1st, 28 days (February)', monthly(1), 28, false],
    ['monthly on the 1st, 29 days', monthly(1), 29, true],
    ['monthly on the 31st, 28 days (31 Jan → 28 Feb)', monthly(31), 28, false],
    ['monthly on the 31st, 29 days', monthly(31), 29, true],
    ['quarterly on the 15th, 89 days (15 Feb → 15 May)', monthly(15, 3), 89, false],
    ['quarterly on the 15th, 90 days', monthly(15, 3), 90, true],
    ['yearly, 365 days', yearly('06-30'), 365, false],
    ['yearly, 366 days', yearly('06-30'), 366, true],
    ['yearly on 29 February, 365 days', yearly('02-29'), 365, false],
    ['yearly on 29 February, 366 days', yearly('02-29'), 366, true],
    ['every 4 years, 1461 days', yearly('12-31', 4), 1461, false],
    ['every 4 years, 1462 days', yearly('12-31', 4), 1462, true],
  ])('%s: refused = %s', (_, recurrence, leadTimeDays, expected) => {
    expect(leadTimeExceedsInterval(recurrence, leadTimeDays)).toBe(expected);
  });
});

describe('obligation presets', () => {
  const byKey = (key: string) => {
    const preset = OBLIGATION_PRESETS.find((p) => p.key === key);
    if (!preset) throw new Error(`no preset ${key}`);
    return preset;
  };
  const firstMoment = (key: string, startsOn: string) => {
    const preset = byKey(key);
    return expandRecurrence(series(preset.recurrence, startsOn, null, preset.reportsOn), { through: '2040-12-31' })[0];
  };

  it('are well-formed: unique kebab-case keys and slugs, known sectors and forms, a lead time within the interval', () => {
    const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/;
    expect(new Set(OBLIGATION_PRESETS.map((p) => p.key)).size).toBe(OBLIGATION_PRESETS.length);
    for (const preset of OBLIGATION_PRESETS) {
      expect(preset.key).toMatch(kebab);
      for (const slug of preset.to) expect(slug).toMatch(kebab);
      expect(preset.to.length).toBeGreaterThan(0);
      if (preset.sectors !== 'all') for (const sector of preset.sectors) expect(SECTORS).toContain(sector);
      expect(OBLIGATION_FORMS).toContain(preset.form);
      expect(leadTimeExceedsInterval(preset.recurrence, preset.leadTimeDays)).toBe(false);
      expect(expandRecurrence(series(preset.recurrence, '2026-01-01', null, preset.reportsOn), { through: '2031-12-31' }).length).toBeGreaterThan(0);
    }
  });

  it.each([
    ['housing-annual-report', '2026-01-01', { dueOn: '2026-06-30', periodStart: '2025-01-01', periodEnd: '2025-12-31' }],
    ['housing-bod', '2026-01-01', { dueOn: '2026-06-30', periodStart: '2026-01-01', periodEnd: '2026-12-31' }],
    ['housing-visitatie', '2026-01-01', { dueOn: '2026-12-31', periodStart: '2022-01-01', periodEnd: '2025-12-31' }],
    ['education-annual-report', '2026-01-01', { dueOn: '2026-06-30', periodStart: '2025-01-01', periodEnd: '2025-12-31' }],
    ['healthcare-digimv', '2026-01-01', { dueOn: '2026-05-31', periodStart: '2025-01-01', periodEnd: '2025-12-31' }],
    ['supervisory-board-quarterly-report', '2026-04-01', { dueOn: '2026-04-15', periodStart: '2026-01-01', periodEnd: '2026-03-31' }],
  ])('%s from %s: first moment %j', (key, startsOn, expected) => {
    expect(firstMoment(key, startsOn)).toEqual(expected);
  });

  it('"before 1 July" is due 30 June', () => {
    for (const key of ['housing-annual-report', 'housing-bod', 'housing-dvi', 'education-annual-report']) {
      expect(byKey(key).recurrence).toEqual({ kind: 'yearly', interval: 1, monthDay: '06-30' });
    }
  });

  it('are offered by sector', () => {
    const keys = (sector: (typeof SECTORS)[number]) => presetsForSector(sector).map((p) => p.key);
    expect(keys('healthcare')).toEqual(['healthcare-digimv', 'supervisory-board-quarterly-report']);
    expect(keys('university')).toEqual(['education-annual-report', 'supervisory-board-quarterly-report']);
    expect(keys('housing')).toContain('housing-visitatie');
    expect(keys('housing')).not.toContain('education-annual-report');
    expect(keys('other')).toEqual(['supervisory-board-quarterly-report']);
  });
});
