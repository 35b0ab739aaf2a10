import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';
import { nl } from 'date-fns/locale/nl';
import { addDays, isDay, type DateLocale, type Day } from './dates';

/**
 * Instants (when something happened: audit events, sent mail) as people in the Netherlands read
 * them. Formatted with date-fns in Europe/Amsterdam, so the server render and the browser agree
 * whatever zone either runs in.
 */
const AMSTERDAM = 'Europe/Amsterdam';
const LOCALES = { nl, en: enGB } as const;

/** "3 mrt 2026 14:05" / "3 Mar 2026 14:05", Amsterdam time. */
export function formatInstant(instant: string | Date, locale: DateLocale): string {
  return format(new TZDate(new Date(instant).getTime(), AMSTERDAM), 'd MMM yyyy HH:mm', { locale: LOCALES[locale] });
}

/** The instant an Amsterdam calendar day begins (midnight, summer or winter time). */
export function startOfAmsterdamDay(day: Day): Date {
  if (!isDay(day)) throw new RangeError(`Not a calendar day (YYYY-MM-DD): ${JSON.stringify(day)}`);
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const start = new TZDate(0, AMSTERDAM);
  // setFullYear, not the constructor: years 0–99 would be read as 1900–1999.
  start.setFullYear(year, month - 1, date);
  start.setHours(0, 0, 0, 0);
  return new Date(start.getTime());
}

/** [from, until) covering the Amsterdam days `from` to `to`, both inclusive; either end may be open. */
export function amsterdamDayRange(from?: Day, to?: Day): { gte?: Date; lt?: Date } {
  return {
    gte: from ? startOfAmsterdamDay(from) : undefined,
    lt: to ? startOfAmsterdamDay(addDays(to, 1)) : undefined,
  };
}
