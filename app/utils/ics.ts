import type { Day } from './dates';

/**
 * Writes iCalendar (RFC 5545) for Horizon's feeds: all-day events only, texts escaped (3.3.11),
 * content lines ended with CRLF and folded at 75 octets without splitting a UTF-8 character (3.1).
 * Written here rather than with a general library because a feed carries thousands of events
 * and the library's folding cost most of a second per feed.
 */

export type IcsEvent = {
  uid: string;
  sequence: number;
  /** All-day: the first day, and the day after the last (DTEND is exclusive). */
  start: Day;
  end: Day;
  summary: string;
  description: string;
  url: string;
  status: 'CONFIRMED' | 'CANCELLED';
  categories: string[];
};

export type IcsCalendar = { name: string; language: string; ttlSeconds: number; stamp: Date };

/** TEXT values: backslash, semicolon and comma escaped, line breaks as `\n`. */
export function escapeText(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

const octetsOf = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);
// eslint-disable-next-line no-control-regex -- the test is exactly "only 7-bit characters"
const ASCII = /^[\x00-\x7f]*$/;

/** One content line, folded so no line exceeds 75 octets; continuation lines start with a space. */
export function foldLine(line: string): string {
  if (line.length <= 75 && (ASCII.test(line) || Buffer.byteLength(line) <= 75)) return `${line}\r\n`;
  // Most lines are ASCII: one octet per character, so they fold by slicing.
  if (ASCII.test(line)) {
    let out = line.slice(0, 75);
    for (let i = 75; i < line.length; i += 74) out += `\r\n ${line.slice(i, i + 74)}`;
    return `${out}\r\n`;
  }
  let out = '';
  let start = 0;
  let octets = 0;
  let limit = 75;
  for (let i = 0; i < line.length; ) {
    const codePoint = line.codePointAt(i)!;
    const width = codePoint > 0xffff ? 2 : 1;
    const size = octetsOf(codePoint);
    if (octets + size > limit) {
      out += `${line.slice(start, i)}\r\n `;
      start = i;
      octets = 0;
      // The leading space counts towards the next line's 75.
      limit = 74;
    }
    octets += size;
    i += width;
  }
  return `${out}${line.slice(start)}\r\n`;
}

const basicDay = (day: Day) => day.replace(/-/g, '');
const utcStamp = (instant: Date) => `${instant.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;

/** Events per chunk of a streamed calendar: big enough to write efficiently, small enough to hold little. */
const EVENTS_PER_CHUNK = 100;

/**
 * The calendar as a sequence of text chunks, produced as they are read: a feed of thousands of
 * events then never sits in memory whole (the events may be a lazy iterable too).
 */
export function* icsChunks(calendar: IcsCalendar, events: Iterable<IcsEvent>): Generator<string> {
  const duration = `PT${Math.round(calendar.ttlSeconds / 3600)}H`;
  const stamp = utcStamp(calendar.stamp);
  const name = escapeText(calendar.name);
  yield [
    'BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:-//Horizon//Horizon//${calendar.language.toUpperCase()}`, 'METHOD:PUBLISH',
    `NAME:${name}`, `X-WR-CALNAME:${name}`, `REFRESH-INTERVAL;VALUE=DURATION:${duration}`, `X-PUBLISHED-TTL:${duration}`,
  ].map(foldLine).join('');
  let parts: string[] = [];
  let count = 0;
  for (const event of events) {
    parts.push(
      'BEGIN:VEVENT\r\n',
      foldLine(`UID:${event.uid}`),
      `SEQUENCE:${event.sequence}\r\n`,
      `DTSTAMP:${stamp}\r\n`,
      `DTSTART;VALUE=DATE:${basicDay(event.start)}\r\n`,
      `DTEND;VALUE=DATE:${basicDay(event.end)}\r\n`,
      // Outlook's own flag for an all-day event, as calendar libraries write it.
      'X-MICROSOFT-CDO-ALLDAYEVENT:TRUE\r\n',
      foldLine(`SUMMARY:${escapeText(event.summary)}`),
      'TRANSP:TRANSPARENT\r\n',
      foldLine(`DESCRIPTION:${escapeText(event.description)}`),
      foldLine(`CATEGORIES:${event.categories.map(escapeText).join(',')}`),
      foldLine(`URL;VALUE=URI:${event.url}`),
      `STATUS:${event.status}\r\n`,
      'END:VEVENT\r\n',
    );
    if (++count % EVENTS_PER_CHUNK === 0) {
      yield parts.join('');
      parts = [];
    }
  }
  parts.push('END:VCALENDAR\r\n');
  yield parts.join('');
}

export function icsCalendar(calendar: IcsCalendar, events: Iterable<IcsEvent>): string {
  return [...icsChunks(calendar, events)].join('');
}
