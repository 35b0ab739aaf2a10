import { STATEMENT_STATUSES, type StatementStatus } from '~/modules/governance/rules';
import { momentStatus, type MomentDates } from '~/modules/obligations/rules';
import { addMonths, compareDays, endOfMonthDay, startOfMonthDay, type Day } from '~/utils/dates';

/**
 * The supervisor dashboard's derived numbers, each as a pure function with its SQL twin beside
 * it: the queries aggregate in SQL (one statement per widget over up to hundreds of
 * institutions), and a test holds both to the same answer on the same rows.
 */

// ---------------------------------------------------------------------------------------------
// Compliance share

// The share itself (DESIGN.md's formula) is the compliance area's complianceShare over the same
// status counts; here is its SQL twin, so a table of hundreds of institutions sorts by it in SQL.

/**
 * What a supervisor reviews: a deviation explained, or a provision complied with in part.
 * (`not-applicable` is explained too, but says the provision does not apply, not that it is set aside.)
 */
export const REVIEW_STATUSES = ['explains', 'partially'] as const satisfies readonly StatementStatus[];

/** The SQL columns that hold a group's counts: `total` (all statements) and one per status that matters. */
export type ShareColumns = { total: string; complies: string; partially: string; notApplicable: string };

/**
 * complianceShare as a SQL expression over aggregated counts. Doubled so it stays in whole numbers
 * until the one division; a double on both dialects (SQLite REAL, PostgreSQL float8, which pg
 * returns as a JS number), and bit-for-bit the double complianceShare computes, since halving is
 * exact in binary. NULL when nothing counts.
 */
export function complianceShareSql(c: ShareColumns): string {
  return `(CAST(2 * (${c.complies}) + (${c.partially}) AS DOUBLE PRECISION) / NULLIF(2 * ((${c.total}) - (${c.notApplicable})), 0))`;
}

/** `SUM(CASE …)` counting the rows of one status (statuses are fixed slugs, never user input). */
export function statusCountSql(column: string, status: StatementStatus): string {
  if (!(STATEMENT_STATUSES as readonly string[]).includes(status)) throw new Error(`Not a statement status: ${status}`);
  return `SUM(CASE WHEN ${column} = '${status}' THEN 1 ELSE 0 END)`;
}

// ---------------------------------------------------------------------------------------------
// Overdue trend

/** How many months the overdue trend covers, the current one included. */
export const TREND_MONTHS = 24;

export type TrendPoint = { month: string; asOf: Day };

/**
 * The days the trend counts on: the last day of each of the last `months` months, oldest first,
 * and today for the current month (its end has not come yet), so the last point equals the
 * dashboard's "overdue now".
 */
export function trendDays(today: Day, months = TREND_MONTHS): TrendPoint[] {
  const currentMonth = startOfMonthDay(today);
  return Array.from({ length: months }, (_, i) => {
    const monthStart = addMonths(currentMonth, i - months + 1);
    const asOf = i === months - 1 ? today : endOfMonthDay(monthStart);
    return { month: monthStart.slice(0, 7), asOf };
  });
}

/**
 * Was the moment overdue on `day`, as things stood at the end of that day? A rendering or waiver
 * dated later had not happened yet. The same rule as the moment status with `day` as today.
 */
export function wasOverdueOn(moment: MomentDates, day: Day): boolean {
  const happened = (on: Day | null) => (on !== null && compareDays(on, day) <= 0 ? on : null);
  return momentStatus({ ...moment, renderedOn: happened(moment.renderedOn), waivedOn: happened(moment.waivedOn) }, day) === 'overdue';
}

const SQL_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * wasOverdueOn in SQL, over `<alias>.due_on, rendered_on, waived_on` and the named replacement
 * `:<param>` (a 'YYYY-MM-DD' day; compared as text on SQLite and read as a DATE on PostgreSQL).
 */
export function overdueOnSql(alias: string, param: string): string {
  if (!SQL_IDENTIFIER.test(alias) || !SQL_IDENTIFIER.test(param)) throw new Error(`Not an identifier: ${alias}, ${param}`);
  const c = (name: string) => `${alias}.${name}`;
  return `(${c('due_on')} < :${param} AND (${c('rendered_on')} IS NULL OR ${c('rendered_on')} > :${param})`
    + ` AND (${c('waived_on')} IS NULL OR ${c('waived_on')} > :${param}))`;
}

/**
 * Moments that were ever overdue: not rendered, or rendered after the due date (a waiver counts
 * alike); any other moment was closed by its due date and can never count in the trend. Over
 * `<alias>`'s columns. The trend's partial index carries the same condition
 * (db/migrations/20261122000740-oversight-indexes.ts), and a query that repeats it reads that index.
 */
export function everOverdueSql(alias: string): string {
  if (!SQL_IDENTIFIER.test(alias)) throw new Error(`Not an identifier: ${alias}`);
  const c = (name: string) => `${alias}.${name}`;
  return `(${c('rendered_on')} IS NULL OR ${c('rendered_on')} > ${c('due_on')}) AND (${c('waived_on')} IS NULL OR ${c('waived_on')} > ${c('due_on')})`;
}
