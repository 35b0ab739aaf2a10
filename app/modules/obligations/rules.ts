import type { Sector } from '~/modules/institutions/schema';
import {
  addDays, addMonths, compareDays, differenceInDays, endOfMonthDay, endOfYearDay, formatDay, isDay, minDay,
  monthName, monthOf, startOfMonthDay, startOfYearDay, yearOf, type DateLocale, type Day,
} from '~/utils/dates';

/**
 * Obligations and their reporting moments: recurrence, reporting periods, regeneration and the
 * derived status. Pure: no I/O, no clock — "today" is always passed in.
 */

// ---------------------------------------------------------------------------------------------
// Recurrence

export const RECURRENCE_KINDS = ['once', 'monthly', 'yearly'] as const;
export type RecurrenceKind = (typeof RECURRENCE_KINDS)[number];

export type Recurrence =
  | { kind: 'once' }
  /** Every `interval` months on day `day` (1–31). */
  | { kind: 'monthly'; interval: number; day: number }
  /** Every `interval` years on `monthDay` ('MM-DD'): 1 = yearly, 4 = visitatie. */
  | { kind: 'yearly'; interval: number; monthDay: string };

type Repeating = Exclude<Recurrence, { kind: 'once' }>;

export const REPORTS_ON = ['previous', 'current'] as const;
export type ReportsOn = (typeof REPORTS_ON)[number];

export type RecurrenceSeries = {
  recurrence: Recurrence;
  /** The first moment is the first occurrence on or after this day; for `once` it is the due date. */
  startsOn: Day;
  /** Inclusive: a moment due on this day is generated, a later one is not. */
  endsOn: Day | null;
  reportsOn: ReportsOn;
};

export type Moment = { dueOn: Day; periodStart: Day; periodEnd: Day };

/** 'MM-DD' of a day some year has: '02-29' yes, '02-30' no. */
export function isMonthDay(value: unknown): value is string {
  // 2024 is a leap year, so 29 February counts.
  return typeof value === 'string' && /^\d{2}-\d{2}$/.test(value) && isDay(`2024-${value}`);
}

function assertRecurrence(recurrence: Recurrence): void {
  if (recurrence.kind === 'once') return;
  // An interval below 1 would never advance: expansion would not end.
  if (!Number.isInteger(recurrence.interval) || recurrence.interval < 1) {
    throw new RangeError(`Recurrence interval must be a whole number of at least 1, got ${recurrence.interval}`);
  }
  if (recurrence.kind === 'monthly' && !(Number.isInteger(recurrence.day) && recurrence.day >= 1 && recurrence.day <= 31)) {
    throw new RangeError(`Monthly recurrence day must be 1–31, got ${recurrence.day}`);
  }
  if (recurrence.kind === 'yearly' && !isMonthDay(recurrence.monthDay)) {
    throw new RangeError(`Yearly recurrence needs a month-day 'MM-DD', got ${JSON.stringify(recurrence.monthDay)}`);
  }
}

/** A day beyond the month's length falls on its last day: 31 → 30 April, 29 → 28 February. */
function dayInMonth(monthStart: Day, dayOfMonth: number): Day {
  return minDay(addDays(monthStart, dayOfMonth - 1), endOfMonthDay(monthStart));
}

/**
 * The k-th intended date counted from the start's month or year. Always computed from the start,
 * never from the previous occurrence, so day 31 goes 31 Mar → 30 Apr → 31 May without drifting.
 */
function occurrence(recurrence: Repeating, startsOn: Day, k: number): Day {
  if (recurrence.kind === 'monthly') {
    return dayInMonth(addMonths(startOfMonthDay(startsOn), k * recurrence.interval), recurrence.day);
  }
  const [month, day] = recurrence.monthDay.split('-').map(Number);
  const year = yearOf(startsOn) + k * recurrence.interval;
  return dayInMonth(addMonths(startOfYearDay(year), month - 1), day);
}

/** The rolling horizon moments are materialised to: 31 December of next year. */
export function horizonEnd(today: Day): Day {
  return endOfYearDay(yearOf(today) + 1);
}

/**
 * The moments of a series due on or before `through` (the horizon) and not after `endsOn`.
 * `through` bounds every kind alike, `once` included: a later one appears as the horizon rolls.
 */
export function expandRecurrence(series: RecurrenceSeries, { through }: { through: Day }): Moment[] {
  const { recurrence, startsOn, endsOn } = series;
  assertRecurrence(recurrence);
  const last = endsOn === null ? through : minDay(through, endsOn);
  const dueDates: Day[] = [];
  if (recurrence.kind === 'once') {
    if (compareDays(startsOn, last) <= 0) dueDates.push(startsOn);
  } else {
    // The start's own month or year counts only when its occurrence is not before the start.
    for (let k = compareDays(occurrence(recurrence, startsOn, 0), startsOn) < 0 ? 1 : 0; ; k++) {
      const dueOn = occurrence(recurrence, startsOn, k);
      if (compareDays(dueOn, last) > 0) break;
      dueDates.push(dueOn);
    }
  }
  return dueDates.map((dueOn) => ({ dueOn, ...reportingPeriod(recurrence, series.reportsOn, dueOn) }));
}

// ---------------------------------------------------------------------------------------------
// Reporting period

/**
 * The period a moment due on `dueOn` reports on, as long as the recurrence's interval.
 * previous: the interval that ends before the due date's month (monthly) or year (yearly, once);
 * current: the interval that ends with it.
 */
export function reportingPeriod(recurrence: Recurrence, reportsOn: ReportsOn, dueOn: Day): { periodStart: Day; periodEnd: Day } {
  if (recurrence.kind === 'monthly') {
    const dueMonth = startOfMonthDay(dueOn);
    return reportsOn === 'previous'
      ? { periodStart: addMonths(dueMonth, -recurrence.interval), periodEnd: addDays(dueMonth, -1) }
      : { periodStart: addMonths(dueMonth, 1 - recurrence.interval), periodEnd: endOfMonthDay(dueOn) };
  }
  const years = recurrence.kind === 'yearly' ? recurrence.interval : 1;
  const lastYear = reportsOn === 'previous' ? yearOf(dueOn) - 1 : yearOf(dueOn);
  return { periodStart: startOfYearDay(lastYear - years + 1), periodEnd: endOfYearDay(lastYear) };
}

/** "2025", "2022–2025", "Q1 2026", "maart 2026", "jan–mrt 2026"; other spans as two dates. */
export function periodLabel(periodStart: Day, periodEnd: Day, locale: DateLocale): string {
  if (compareDays(periodStart, periodEnd) > 0) throw new RangeError(`Period ends before it starts: ${periodStart}..${periodEnd}`);
  const [fromYear, toYear] = [yearOf(periodStart), yearOf(periodEnd)];
  if (periodStart === startOfYearDay(fromYear) && periodEnd === endOfYearDay(toYear)) {
    return fromYear === toYear ? `${fromYear}` : `${fromYear}–${toYear}`;
  }
  if (periodStart !== startOfMonthDay(periodStart) || periodEnd !== endOfMonthDay(periodEnd)) {
    return `${formatDay(periodStart, locale)} – ${formatDay(periodEnd, locale)}`;
  }
  if (startOfMonthDay(periodEnd) === periodStart) return `${monthName(periodStart, locale, 'long')} ${fromYear}`;
  const month = monthOf(periodStart);
  if ((month - 1) % 3 === 0 && periodEnd === endOfMonthDay(addMonths(periodStart, 2))) {
    return `Q${(month + 2) / 3} ${fromYear}`;
  }
  const [from, to] = [monthName(periodStart, locale, 'short'), monthName(periodEnd, locale, 'short')];
  return fromYear === toYear ? `${from}–${to} ${toYear}` : `${from} ${fromYear} – ${to} ${toYear}`;
}

// ---------------------------------------------------------------------------------------------
// Regeneration

export type ExistingMoment<Id> = {
  id: Id;
  dueOn: Day;
  periodStart: Day;
  periodEnd: Day;
  renderedOn: Day | null;
  waivedOn: Day | null;
};

export type RegenerationPlan<Id> = {
  keep: Id[];
  update: ({ id: Id } & Moment)[];
  create: Moment[];
  remove: Id[];
};

/**
 * What to do with an obligation's stored moments when its recurrence (or the horizon) changes.
 *
 * - Rendered or waived moments are never changed or removed, and their period is not created again.
 * - Unrendered moments due before today are left alone too: the past is history, so they stay
 *   overdue until someone renders or waives them, and their period is not created again. For the
 *   same reason wanted moments due before today are not created: a recurrence change regenerates
 *   the future only. (A new obligation materialises expandRecurrence directly, past included.)
 * - Unrendered moments due today or later are matched to wanted moments by period start, so the id
 *   and calendar UID of a moment for the same period survive: kept when nothing changed, updated
 *   when its dates changed (even if the new due date is already past), removed when not wanted.
 * - Wanted moments without a match are created.
 */
export function planRegeneration<Id>(
  existing: readonly ExistingMoment<Id>[],
  wanted: readonly Moment[],
  today: Day,
): RegenerationPlan<Id> {
  const isHistory = (m: ExistingMoment<Id>) =>
    m.renderedOn !== null || m.waivedOn !== null || compareDays(m.dueOn, today) < 0;
  const history = existing.filter(isHistory);
  const covered = new Set(history.map((m) => m.periodStart));
  const open = new Map(wanted.filter((w) => !covered.has(w.periodStart)).map((w) => [w.periodStart, w]));

  const plan: RegenerationPlan<Id> = { keep: history.map((m) => m.id), update: [], create: [], remove: [] };
  for (const moment of existing.filter((m) => !isHistory(m))) {
    const match = open.get(moment.periodStart);
    if (!match) {
      plan.remove.push(moment.id);
      continue;
    }
    // One moment per period: a second stored moment for it finds no match and is removed.
    open.delete(moment.periodStart);
    if (match.dueOn === moment.dueOn && match.periodEnd === moment.periodEnd) plan.keep.push(moment.id);
    else plan.update.push({ id: moment.id, ...match });
  }
  plan.create = [...open.values()].filter((w) => compareDays(w.dueOn, today) >= 0);
  return plan;
}

// ---------------------------------------------------------------------------------------------
// Status

export const MOMENT_STATUSES = ['planned', 'due-soon', 'overdue', 'rendered', 'rendered-late', 'waived'] as const;
export type MomentStatus = (typeof MOMENT_STATUSES)[number];

/** The day a moment becomes due-soon: its due date minus the obligation's lead time. */
export function remindFrom(dueOn: Day, leadTimeDays: number): Day {
  return addDays(dueOn, -leadTimeDays);
}

export type MomentDates = { dueOn: Day; remindFrom: Day; renderedOn: Day | null; waivedOn: Day | null };

/** Derived, never stored; momentStatusSql is its twin and must give the same answer. */
export function momentStatus(moment: MomentDates, today: Day): MomentStatus {
  if (moment.waivedOn !== null) return 'waived';
  if (moment.renderedOn !== null) return compareDays(moment.renderedOn, moment.dueOn) <= 0 ? 'rendered' : 'rendered-late';
  // A moment due today is still due-soon; it is overdue from tomorrow.
  if (compareDays(today, moment.dueOn) > 0) return 'overdue';
  return compareDays(today, moment.remindFrom) >= 0 ? 'due-soon' : 'planned';
}

const SQL_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function columnsOf(alias: string) {
  if (!SQL_IDENTIFIER.test(alias)) throw new Error(`Not a table alias: ${JSON.stringify(alias)}`);
  return { due: `${alias}.due_on`, remind: `${alias}.remind_from`, rendered: `${alias}.rendered_on`, waived: `${alias}.waived_on` };
}

/** Neither rendered nor waived: the moment still asks for something (OPEN_STATUSES). */
export function momentOpenSql(alias: string): string {
  const c = columnsOf(alias);
  return `${c.waived} IS NULL AND ${c.rendered} IS NULL`;
}

/**
 * momentStatus as one SQL condition per status over `<alias>.due_on, remind_from, rendered_on,
 * waived_on` and the named replacement `:today` ('YYYY-MM-DD'). Each stands alone (they exclude
 * each other and cover every row), so a filter by status is plain comparisons of columns that an
 * index can serve — a CASE in a WHERE makes the database read every moment of the institution.
 * One expression for both dialects: SQLite compares the TEXT days as strings (which sort as
 * dates) and PostgreSQL reads the quoted literal as a DATE. (No CAST: in SQLite
 * CAST('2026-03-10' AS DATE) is the number 2026.)
 */
export function momentStatusConditionsSql(alias: string): Record<MomentStatus, string> {
  const c = columnsOf(alias);
  const open = momentOpenSql(alias);
  return {
    waived: `${c.waived} IS NOT NULL`,
    // A comparison with NULL is never true, so these two hold only for rendered moments.
    rendered: `${c.waived} IS NULL AND ${c.rendered} <= ${c.due}`,
    'rendered-late': `${c.waived} IS NULL AND ${c.rendered} > ${c.due}`,
    // A moment due today is still due-soon; it is overdue from tomorrow.
    overdue: `${open} AND ${c.due} < :today`,
    'due-soon': `${open} AND ${c.due} >= :today AND ${c.remind} <= :today`,
    planned: `${open} AND ${c.due} >= :today AND ${c.remind} > :today`,
  };
}

/** The moments whose status is one of `statuses` (none → no row), from momentStatusConditionsSql; parenthesised. */
export function momentStatusInSql(alias: string, statuses: readonly MomentStatus[]): string {
  const wanted = new Set(statuses);
  if (wanted.size === 0) return '(1 = 0)';
  // The open ones as one condition (not three ORed), so the partial indexes of open moments serve it.
  if (wanted.size === OPEN_STATUSES.length && OPEN_STATUSES.every((s) => wanted.has(s))) return `(${momentOpenSql(alias)})`;
  const conditions = momentStatusConditionsSql(alias);
  return `(${[...wanted].map((s) => `(${conditions[s]})`).join(' OR ')})`;
}

/** momentStatus's order of tests; the conditions exclude each other, the order only saves work. */
const STATUS_PRECEDENCE: readonly MomentStatus[] = ['waived', 'rendered', 'rendered-late', 'overdue', 'due-soon', 'planned'];

/**
 * momentStatus as a SQL CASE (for SELECT and ORDER BY), made of momentStatusConditionsSql, so the
 * status a row shows and the status it is filtered by cannot differ.
 */
export function momentStatusSql(alias: string): string {
  const conditions = momentStatusConditionsSql(alias);
  const last = STATUS_PRECEDENCE.length - 1;
  const whens = STATUS_PRECEDENCE.slice(0, last).map((s) => `WHEN ${conditions[s]} THEN '${s}'`);
  return ['CASE', ...whens, `ELSE '${STATUS_PRECEDENCE[last]}'`, 'END'].join(' ');
}

// ---------------------------------------------------------------------------------------------
// Validation for the obligation form

/** A lead time longer than the shortest gap between two moments is refused; `once` has no gap. */
export function leadTimeExceedsInterval(recurrence: Recurrence, leadTimeDays: number): boolean {
  if (recurrence.kind === 'once') return false;
  assertRecurrence(recurrence);
  return leadTimeDays > shortestGapDays(recurrence);
}

/**
 * The fewest days between two consecutive occurrences, wherever the series starts: pairs starting
 * in every month of a common year (short February), or every year of the leap cycle.
 */
function shortestGapDays(recurrence: Repeating): number {
  const starts = recurrence.kind === 'monthly'
    ? Array.from({ length: 12 }, (_, i) => addMonths('2025-01-01', i))
    : Array.from({ length: 4 }, (_, i) => startOfYearDay(2025 + i));
  return Math.min(...starts.map((start) => differenceInDays(occurrence(recurrence, start, 1), occurrence(recurrence, start, 0))));
}

// ---------------------------------------------------------------------------------------------
// Presets: the accountability calendar of GOVERNANCE-FACTS.md. Every date stays editable.

export const OBLIGATION_FORMS = ['report', 'meeting', 'publication', 'data-submission', 'dialogue'] as const;
export type ObligationForm = (typeof OBLIGATION_FORMS)[number];

export type ObligationPreset = {
  /** kebab-case; also the catalogue key of its title. */
  key: string;
  sectors: readonly Sector[] | 'all';
  recurrence: Recurrence;
  reportsOn: ReportsOn;
  leadTimeDays: number;
  form: ObligationForm;
  /** To whom account is rendered, as kebab-case slugs the catalogue translates. */
  to: readonly string[];
};

const EDUCATION: readonly Sector[] = [
  'primary-education', 'secondary-education', 'vocational-education', 'applied-sciences', 'university',
];

// "Before 1 July" is due 30 June, the day before; "by (about) 15 December" is due on the 15th itself.
export const OBLIGATION_PRESETS: readonly ObligationPreset[] = [
  {
    key: 'housing-annual-report', sectors: ['housing'],
    recurrence: { kind: 'yearly', interval: 1, monthDay: '06-30' }, reportsOn: 'previous', leadTimeDays: 90,
    form: 'report', to: ['autoriteit-woningcorporaties', 'municipalities', 'tenants-organisations'],
  },
  {
    key: 'housing-bod', sectors: ['housing'],
    recurrence: { kind: 'yearly', interval: 1, monthDay: '06-30' }, reportsOn: 'current', leadTimeDays: 60,
    form: 'report', to: ['municipalities', 'tenants-organisations'],
  },
  {
    key: 'housing-performance-agreements', sectors: ['housing'],
    recurrence: { kind: 'yearly', interval: 1, monthDay: '12-15' }, reportsOn: 'current', leadTimeDays: 60,
    form: 'dialogue', to: ['municipalities', 'tenants-organisations'],
  },
  {
    key: 'housing-dvi', sectors: ['housing'],
    recurrence: { kind: 'yearly', interval: 1, monthDay: '06-30' }, reportsOn: 'previous', leadTimeDays: 60,
    form: 'data-submission', to: ['autoriteit-woningcorporaties', 'wsw', 'ministry'],
  },
  {
    key: 'housing-dpi', sectors: ['housing'],
    recurrence: { kind: 'yearly', interval: 1, monthDay: '12-14' }, reportsOn: 'current', leadTimeDays: 60,
    form: 'data-submission', to: ['autoriteit-woningcorporaties', 'wsw', 'ministry'],
  },
  {
    // "At least every 4 years", no date given: the end of the year, reporting on the four before.
    key: 'housing-visitatie', sectors: ['housing'],
    recurrence: { kind: 'yearly', interval: 4, monthDay: '12-31' }, reportsOn: 'previous', leadTimeDays: 180,
    form: 'report', to: ['public', 'stakeholders'],
  },
  {
    key: 'housing-tenant-consultation', sectors: ['housing'],
    recurrence: { kind: 'yearly', interval: 1, monthDay: '12-31' }, reportsOn: 'current', leadTimeDays: 60,
    form: 'meeting', to: ['tenants-organisations'],
  },
  {
    key: 'education-annual-report', sectors: EDUCATION,
    recurrence: { kind: 'yearly', interval: 1, monthDay: '06-30' }, reportsOn: 'previous', leadTimeDays: 90,
    form: 'report', to: ['duo', 'public'],
  },
  {
    key: 'vocational-code-monitor', sectors: ['vocational-education'],
    recurrence: { kind: 'yearly', interval: 2, monthDay: '12-31' }, reportsOn: 'previous', leadTimeDays: 60,
    form: 'data-submission', to: ['mbo-raad'],
  },
  {
    key: 'secondary-code-monitor', sectors: ['secondary-education'],
    recurrence: { kind: 'yearly', interval: 1, monthDay: '10-31' }, reportsOn: 'previous', leadTimeDays: 60,
    form: 'data-submission', to: ['vo-raad'],
  },
  {
    key: 'healthcare-digimv', sectors: ['healthcare'],
    recurrence: { kind: 'yearly', interval: 1, monthDay: '05-31' }, reportsOn: 'previous', leadTimeDays: 90,
    form: 'data-submission', to: ['cibg'],
  },
  {
    key: 'supervisory-board-quarterly-report', sectors: 'all',
    recurrence: { kind: 'monthly', interval: 3, day: 15 }, reportsOn: 'previous', leadTimeDays: 14,
    form: 'report', to: ['supervisory-board'],
  },
];

export function presetsForSector(sector: Sector): ObligationPreset[] {
  return OBLIGATION_PRESETS.filter((preset) => preset.sectors === 'all' || preset.sectors.includes(sector));
}

// ---------------------------------------------------------------------------------------------
// Storage: how a recurrence and a moment's identity are kept in the database

/** The calendar UID of an obligation's moment for one period: stable when its due date moves. */
export function momentUid(obligationId: number, periodStart: Day): string {
  return `moment-${obligationId}-${periodStart}@horizon`;
}

export type RecurrenceColumns = {
  recurrenceKind: RecurrenceKind;
  recurrenceInterval: number | null;
  recurrenceDay: number | null;
  recurrenceMonthDay: string | null;
};

/** A recurrence as the obligations table stores it: each kind carries exactly its own fields. */
export function recurrenceColumns(recurrence: Recurrence): RecurrenceColumns {
  switch (recurrence.kind) {
    case 'once':
      return { recurrenceKind: 'once', recurrenceInterval: null, recurrenceDay: null, recurrenceMonthDay: null };
    case 'monthly':
      return { recurrenceKind: 'monthly', recurrenceInterval: recurrence.interval, recurrenceDay: recurrence.day, recurrenceMonthDay: null };
    case 'yearly':
      return { recurrenceKind: 'yearly', recurrenceInterval: recurrence.interval, recurrenceDay: null, recurrenceMonthDay: recurrence.monthDay };
  }
}

/** The recurrence of a stored obligation row. */
export function recurrenceFromColumns(columns: {
  recurrenceKind: string; recurrenceInterval: number | null; recurrenceDay: number | null; recurrenceMonthDay: string | null;
}): Recurrence {
  if (columns.recurrenceKind === 'monthly') return { kind: 'monthly', interval: columns.recurrenceInterval ?? 1, day: columns.recurrenceDay ?? 1 };
  if (columns.recurrenceKind === 'yearly') return { kind: 'yearly', interval: columns.recurrenceInterval ?? 1, monthDay: columns.recurrenceMonthDay ?? '01-01' };
  return { kind: 'once' };
}

/** Statuses that still ask for something: the calendar's default filter. */
export const OPEN_STATUSES: readonly MomentStatus[] = ['planned', 'due-soon', 'overdue'];
