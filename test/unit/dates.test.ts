import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addDays, addMonths, addYears, compareDays, differenceInDays, endOfMonthDay, endOfYearDay, formatDay, isDay,
  maxDay, minDay, monthName, monthOf, startOfMonthDay, startOfYearDay, today, yearOf,
} from '~/utils/dates';

// These run under several process timezones (Pacific/Kiritimati, America/Los_Angeles, UTC):
// a calendar day computed through the process's zone fails here.

describe('isDay', () => {
  it.each([
    ['2026-06-30', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-6-30', false],
    ['2026-06-30T00:00:00Z', false],
    ['20260630', false],
    [' 2026-06-30', false],
    ['', false],
    [null, false],
    [20260630, false],
  ])('%j → %s', (value, expected) => {
    expect(isDay(value)).toBe(expected);
  });

  it('takes years below 100 literally', () => {
    expect(isDay('0050-02-28')).toBe(true);
    expect(addDays('0050-02-28', 1)).toBe('0050-03-01');
  });
});

describe('arithmetic on calendar days', () => {
  it.each([
    ['2026-03-28', 1, '2026-03-29'], // Amsterdam switches to summer time that night
    ['2026-10-24', 1, '2026-10-25'], // and back
    ['2026-03-08', 1, '2026-03-09'], // Los Angeles switches
    ['2026-12-31', 1, '2027-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['1994-12-30', 1, '1994-12-31'], // a day Kiritimati skipped
    ['2011-12-29', 1, '2011-12-30'], // a day Samoa skipped
    ['2026-06-30', -90, '2026-04-01'],
    ['2026-06-30', 0, '2026-06-30'],
  ])('addDays(%s, %i) = %s', (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected);
  });

  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-01-01', -3, '2025-10-01'],
    ['2026-11-15', 3, '2027-02-15'],
  ])('addMonths(%s, %i) = %s', (day, n, expected) => {
    expect(addMonths(day, n)).toBe(expected);
  });

  it.each([
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2026-06-30', -1, '2025-06-30'],
  ])('addYears(%s, %i) = %s', (day, n, expected) => {
    expect(addYears(day, n)).toBe(expected);
  });

  it.each([
    ['2026-03-29', '2026-03-28', 1],
    ['2026-03-28', '2026-03-29', -1],
    ['2026-11-01', '2026-03-28', 218],
    ['2025-01-01', '2024-01-01', 366],
    ['2026-06-30', '2026-06-30', 0],
  ])('differenceInDays(%s, %s) = %i', (a, b, expected) => {
    expect(differenceInDays(a, b)).toBe(expected);
  });

  it('compares, and picks the earliest and latest', () => {
    expect(compareDays('2026-06-30', '2026-07-01')).toBe(-1);
    expect(compareDays('2026-07-01', '2026-06-30')).toBe(1);
    expect(compareDays('2026-06-30', '2026-06-30')).toBe(0);
    expect(minDay('2026-06-30', '2025-12-31', '2026-01-01')).toBe('2025-12-31');
    expect(maxDay('2026-06-30', '2025-12-31', '2026-07-01')).toBe('2026-07-01');
    expect(minDay('2026-06-30')).toBe('2026-06-30');
  });

  it.each([
    ['2026-02-14', '2026-02-01', '2026-02-28'],
    ['2024-02-14', '2024-02-01', '2024-02-29'],
    ['2026-04-30', '2026-04-01', '2026-04-30'],
    ['2026-12-01', '2026-12-01', '2026-12-31'],
  ])('the month of %s runs %s..%s', (day, start, end) => {
    expect(startOfMonthDay(day)).toBe(start);
    expect(endOfMonthDay(day)).toBe(end);
  });

  it('knows years and months', () => {
    expect(startOfYearDay(2026)).toBe('2026-01-01');
    expect(endOfYearDay(2026)).toBe('2026-12-31');
    expect(yearOf('2026-12-31')).toBe(2026);
    expect(yearOf('2027-01-01')).toBe(2027);
    expect(monthOf('2026-03-01')).toBe(3);
    expect(monthOf('2026-12-31')).toBe(12);
  });

  it('refuses what is not a calendar day', () => {
    expect(() => addDays('2025-02-29', 1)).toThrow(RangeError);
    expect(() => compareDays('2026-06-30', 'tomorrow')).toThrow(RangeError);
    expect(() => minDay('2026-6-30')).toThrow(RangeError);
    expect(() => endOfYearDay(2026.5)).toThrow(RangeError);
  });
});

describe('formatting', () => {
  it.each([
    ['2026-06-30', 'nl', '30 juni 2026'],
    ['2026-06-30', 'en', '30 June 2026'],
    ['2026-03-01', 'nl', '1 maart 2026'],
    ['2026-03-01', 'en', '1 March 2026'],
  ] as const)('formatDay(%s, %s) = %s', (day, locale, expected) => {
    expect(formatDay(day, locale)).toBe(expected);
  });

  it.each([
    ['2026-03-10', 'nl', 'maart', 'mrt'],
    ['2026-03-10', 'en', 'March', 'Mar'],
    ['2026-05-10', 'nl', 'mei', 'mei'],
    ['2026-01-10', 'en', 'January', 'Jan'],
  ] as const)('monthName(%s, %s) = %s / %s', (day, locale, long, short) => {
    expect(monthName(day, locale, 'long')).toBe(long);
    expect(monthName(day, locale, 'short')).toBe(short);
  });
});

describe('today', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it.each([
    ['2026-03-28T23:30:00Z', '2026-03-29'], // 00:30 in Amsterdam (CET), 15:30 the 28th in Los Angeles
    ['2026-03-28T22:59:00Z', '2026-03-28'],
    ['2026-03-28T11:00:00Z', '2026-03-28'], // already the 29th in Kiritimati
    ['2026-03-29T05:00:00Z', '2026-03-29'], // still the 28th in Los Angeles
    ['2026-06-30T21:59:00Z', '2026-06-30'], // 23:59 in Amsterdam (CEST)
    ['2026-06-30T22:30:00Z', '2026-07-01'],
    ['2026-10-24T22:30:00Z', '2026-10-25'], // the night summer time ends
    ['2026-12-31T23:00:00Z', '2027-01-01'],
  ])('at %s it is %s in Amsterdam', (instant, expected) => {
    vi.stubEnv('HORIZON_TODAY', '');
    vi.useFakeTimers();
    vi.setSystemTime(new Date(instant));
    expect(today()).toBe(expected);
  });

  it('honours HORIZON_TODAY', () => {
    vi.stubEnv('HORIZON_TODAY', '2026-02-14');
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2030-01-01T12:00:00Z'));
    expect(today()).toBe('2026-02-14');
  });

  it('refuses a HORIZON_TODAY that is not a calendar day', () => {
    vi.stubEnv('HORIZON_TODAY', '2025-02-29');
    expect(() => today()).toThrow(/HORIZON_TODAY/);
  });
});
