import { TZDate } from '@date-fns/tz';
import {
  addDays as addDaysToDate,
  addMonths as addMonthsToDate,
  addYears as addYearsToDate,
  compareAsc,
  differenceInCalendarDays,
  endOfMonth,
  format,
  startOfMonth,
} from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';
import { nl } from 'date-fns/locale/nl';

/**
 * Calendar days: due dates, rendered dates, validity. Stored and passed around as `YYYY-MM-DD`
 * strings and computed with date-fns on plain dates, so that no timezone can move a deadline.
 */

/** A calendar day, `YYYY-MM-DD`. */
export type Day = string;
export type DateLocale = 'nl' | 'en';

const AMSTERDAM = 'Europe/Amsterdam';
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCALES = { nl, en: enGB } as const;

/**
 * A Date whose local fields are its UTC fields, so date-fns computes on pure calendar days.
 * Not TZDate('UTC'): it writes fields through the process's zone and skips a day that zone
 * never had (1994-12-31 under TZ=Pacific/Kiritimati, 2011-12-30 under TZ=Pacific/Apia).
 */
class CalendarDate extends Date {
  override getTimezoneOffset(): number {
    return 0;
  }
}
// getDate → getUTCDate, setMonth → setUTCMonth, …: the same trick as @date-fns/utc's UTCDate.
for (const name of Object.getOwnPropertyNames(Date.prototype)) {
  const utcName = name.replace(/^(get|set)(?!UTC)/, '$1UTC');
  const utcMethod = (Date.prototype as unknown as Record<string, unknown>)[utcName];
  if (utcName !== name && typeof utcMethod === 'function') {
    Object.defineProperty(CalendarDate.prototype, name, { value: utcMethod, writable: true, configurable: true });
  }
}

function parseDay(value: unknown): CalendarDate | null {
  if (typeof value !== 'string') return null;
  const match = DAY_PATTERN.exec(value);
  if (!match) return null;
  const date = new CalendarDate(0);
  // setFullYear, not the Date constructor: the constructor reads years 0–99 as 1900–1999.
  date.setFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // 2025-02-29 rolls over to 1 March: not a calendar day.
  return toDay(date) === value ? date : null;
}

function fromDay(day: Day): CalendarDate {
  const date = parseDay(day);
  if (!date) throw new RangeError(`Not a calendar day (YYYY-MM-DD): ${JSON.stringify(day)}`);
  return date;
}

function checked(day: Day): Day {
  fromDay(day);
  return day;
}

const pad = (value: number, length: number) => String(value).padStart(length, '0');

/**
 * format(date, 'yyyy-MM-dd') by hand: the same getters (UTC ones on a CalendarDate), without
 * date-fns' pattern parsing, which made every day computation cost several microseconds (a
 * calendar feed does thousands).
 */
function toDay(date: Date): Day {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}

/** Strict `YYYY-MM-DD` and a date the calendar has (2024-02-29 yes, 2025-02-29 no). */
export function isDay(value: unknown): value is Day {
  return parseDay(value) !== null;
}

/** Today in Amsterdam; `HORIZON_TODAY` (`YYYY-MM-DD`) pins it for tests and demos. */
export function today(): Day {
  // Guarded: this module also runs in the browser bundle, where there is no `process`.
  const pinned = typeof process !== 'undefined' ? process.env?.HORIZON_TODAY : undefined;
  if (pinned) {
    if (!isDay(pinned)) throw new RangeError(`HORIZON_TODAY must be a calendar day YYYY-MM-DD, got ${JSON.stringify(pinned)}`);
    return pinned;
  }
  return format(TZDate.tz(AMSTERDAM), 'yyyy-MM-dd');
}

export function addDays(day: Day, amount: number): Day {
  return toDay(addDaysToDate(fromDay(day), amount));
}

/** Clamps to the month's last day: 2026-01-31 + 1 month = 2026-02-28. */
export function addMonths(day: Day, amount: number): Day {
  return toDay(addMonthsToDate(fromDay(day), amount));
}

/** Clamps 29 February to the 28th in a common year. */
export function addYears(day: Day, amount: number): Day {
  return toDay(addYearsToDate(fromDay(day), amount));
}

/** Whole days from `b` to `a`: positive when `a` is later. */
export function differenceInDays(a: Day, b: Day): number {
  return differenceInCalendarDays(fromDay(a), fromDay(b));
}

export function compareDays(a: Day, b: Day): -1 | 0 | 1 {
  return compareAsc(fromDay(a), fromDay(b)) as -1 | 0 | 1;
}

export function minDay(first: Day, ...rest: Day[]): Day {
  return rest.reduce((min, day) => (compareDays(day, min) < 0 ? day : min), checked(first));
}

export function maxDay(first: Day, ...rest: Day[]): Day {
  return rest.reduce((max, day) => (compareDays(day, max) > 0 ? day : max), checked(first));
}

export function startOfMonthDay(day: Day): Day {
  return toDay(startOfMonth(fromDay(day)));
}

export function endOfMonthDay(day: Day): Day {
  return toDay(endOfMonth(fromDay(day)));
}

export function startOfYearDay(year: number): Day {
  return `${yearDigits(year)}-01-01`;
}

export function endOfYearDay(year: number): Day {
  return `${yearDigits(year)}-12-31`;
}

function yearDigits(year: number): string {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`Not a year: ${year}`);
  return String(year).padStart(4, '0');
}

export function yearOf(day: Day): number {
  return fromDay(day).getFullYear();
}

/** 1 (January) to 12 (December). */
export function monthOf(day: Day): number {
  return fromDay(day).getMonth() + 1;
}

/** "30 juni 2026" / "30 June 2026". */
export function formatDay(day: Day, locale: DateLocale): string {
  return format(fromDay(day), 'd MMMM yyyy', { locale: LOCALES[locale] });
}

/** The month's name: long "maart" / "March", short "mrt" / "Mar". */
export function monthName(day: Day, locale: DateLocale, width: 'long' | 'short'): string {
  const name = format(fromDay(day), width === 'long' ? 'MMMM' : 'MMM', { locale: LOCALES[locale] });
  // date-fns abbreviates Dutch months with a full stop ("mrt."); labels read better without.
  return name.replace(/\.$/, '');
}
