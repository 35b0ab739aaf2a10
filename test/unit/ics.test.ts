import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, icsCalendar } from '~/utils/ics';

/** The feed writer, read back by ical.js (an independent parser) where it matters. */
describe('iCalendar writing', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b; c', 'a\\, b\\; c'],
    ['back\\slash', 'back\\\\slash'],
    ['two\nlines\r\nand\rthree', 'two\\nlines\\nand\\nthree'],
  ])('escapes %j as %j', (input, output) => {
    expect(escapeText(input)).toBe(output);
  });

  it('folds at 75 octets, never inside a UTF-8 character, and unfolds to the same text', () => {
    for (const text of ['x'.repeat(74), 'x'.repeat(75), 'x'.repeat(76), 'é'.repeat(100), `${'a'.repeat(73)}€€€${'b'.repeat(200)}`, '😀'.repeat(40)]) {
      const folded = foldLine(`SUMMARY:${text}`);
      const lines = folded.split('\r\n');
      expect(lines.pop()).toBe('');
      for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      expect(lines.map((line, i) => (i === 0 ? line : line.slice(1))).join('')).toBe(`SUMMARY:${text}`);
    }
  });

  it('writes a calendar ical.js reads back: all-day events, escaped texts, status', () => {
    const summary = 'Jaarverslag, jaarrekening; "bestuursverslag" — met een titel die lang genoeg is om te worden gevouwen';
    const text = icsCalendar({ name: 'Mijn kalender; werk', language: 'nl', ttlSeconds: 21_600, stamp: new Date('2026-11-16T09:30:00Z') }, [
      {
        uid: 'moment-1-2025-01-01@horizon', sequence: 2, start: '2026-06-30', end: '2026-07-01', summary,
        description: 'Status: Gepland\nAan: Gemeente, Huurders', url: 'http://localhost:3000/i/1/moments/2', status: 'CANCELLED', categories: ['Vervallen'],
      },
    ]);
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR\r\n$/);
    const calendar = new ICAL.Component(ICAL.parse(text));
    // An X- property is text to clients but opaque to a generic parser: check it as written.
    expect(text).toContain('\r\nX-WR-CALNAME:Mijn kalender\\; werk\r\n');
    const vevent = calendar.getFirstSubcomponent('vevent')!;
    const event = new ICAL.Event(vevent);
    expect(event.uid).toBe('moment-1-2025-01-01@horizon');
    expect(event.summary).toBe(summary);
    expect(event.description).toBe('Status: Gepland\nAan: Gemeente, Huurders');
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe('2026-06-30');
    expect(event.endDate.toString()).toBe('2026-07-01');
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(vevent.getFirstPropertyValue('dtstamp')!.toString()).toBe('2026-11-16T09:30:00Z');
  });
});
