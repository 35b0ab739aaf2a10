import { describe, expect, it } from 'vitest';
import {
  canExtend, extendedDueOn, isRequestOverdue, personalTerms, portalLinkState, proposedChanges, REDACTED, redactChanges, redactText,
  requestDueOn,
} from '~/modules/privacy/rules';

describe('the one-month deadline of a data-subject request', () => {
  it.each([
    ['2026-01-15', '2026-02-15'],
    ['2026-01-31', '2026-02-28'], // no 31 February: the month's last day
    ['2024-01-31', '2024-02-29'], // a leap year keeps the 29th
    ['2026-01-29', '2026-02-28'],
    ['2026-03-31', '2026-04-30'],
    ['2026-12-31', '2027-01-31'], // across the year
    ['2026-02-28', '2026-03-28'],
  ])('received %s is due %s', (received, due) => {
    expect(requestDueOn(received)).toBe(due);
  });

  it.each([
    ['2026-01-31', '2026-04-30'], // three months from receipt, not 28 February + 2
    ['2025-11-30', '2026-02-28'],
    ['2023-11-30', '2024-02-29'],
    ['2026-03-15', '2026-06-15'],
  ])('received %s can be extended to %s', (received, extended) => {
    expect(extendedDueOn(received)).toBe(extended);
  });
});

describe('overdue', () => {
  const open = { status: 'open', dueOn: '2026-02-28', extendedTo: null };
  it.each([
    [open, '2026-02-27', false],
    [open, '2026-02-28', false], // due today is not yet overdue
    [open, '2026-03-01', true],
    [{ ...open, status: 'in-progress' }, '2026-03-01', true],
    [{ ...open, status: 'completed' }, '2026-03-01', false],
    [{ ...open, status: 'refused' }, '2027-01-01', false],
    [{ ...open, extendedTo: '2026-04-30' }, '2026-03-01', false], // the extension is the deadline now
    [{ ...open, extendedTo: '2026-04-30' }, '2026-05-01', true],
  ])('%j on %s: %s', (request, today, overdue) => {
    expect(isRequestOverdue(request, today)).toBe(overdue);
  });

  it('an extension is announced within the first month, once, while the request is open', () => {
    const request = { status: 'open', receivedOn: '2026-01-31', dueOn: '2026-02-28', extendedTo: null };
    expect(canExtend(request, '2026-02-28')).toBe('ok');
    expect(canExtend(request, '2026-03-01')).toBe('too-late');
    expect(canExtend({ ...request, extendedTo: '2026-04-30' }, '2026-02-01')).toBe('already-extended');
    expect(canExtend({ ...request, status: 'completed' }, '2026-02-01')).toBe('closed');
  });
});

describe('portal links', () => {
  const now = new Date('2026-05-01T10:00:00Z');
  const link = { expiresAt: new Date('2026-05-02T10:00:00Z'), usedAt: null, revokedAt: null };
  it.each([
    [null, 'forged'],
    [link, 'valid'],
    [{ ...link, expiresAt: now }, 'expired'],
    [{ ...link, usedAt: now }, 'used'],
    [{ ...link, usedAt: now, revokedAt: now }, 'revoked'],
    [{ ...link, expiresAt: new Date('2026-04-01T00:00:00Z'), revokedAt: now }, 'revoked'],
  ] as const)('%j is %s', (row, state) => {
    expect(portalLinkState(row, now)).toBe(state);
  });
});

describe('a correction proposal holds only what the contact changed', () => {
  const current = { givenName: 'Jan', familyName: 'Vries', email: 'jan@example.nl', city: null };
  it('a changed field, a blanked field (removal), an untouched and an absent field', () => {
    expect(proposedChanges(current, { givenName: 'Johannes', familyName: 'Vries', email: '', city: undefined })).toEqual({
      givenName: 'Johannes', email: null,
    });
  });
  it('whitespace is no change; a field the form did not send is left alone', () => {
    expect(proposedChanges(current, { givenName: ' Jan ' })).toEqual({});
  });
});

describe('redaction', () => {
  const terms = personalTerms(['Jan de Vries', 'jan@example.nl', 'de Vries', null, 'J.', '06 12345678']);

  it('longest terms first, short fragments ignored', () => {
    expect(terms).toEqual(['jan@example.nl', 'Jan de Vries', '06 12345678', 'de Vries']);
  });

  it('replaces every mention regardless of case and spacing', () => {
    expect(redactText('Spoke with JAN DE  VRIES (jan@Example.nl)', terms)).toBe(`Spoke with ${REDACTED} (${REDACTED})`);
  });

  it('a person\'s own fields lose their values whole; other fields lose the mentions', () => {
    const changes = { familyName: ['Vries', 'Bakker'], active: [true, false], member: [null, '#7 Jan de Vries'], tussenvoegsel: [null, null] } as Record<string, [unknown, unknown]>;
    expect(redactChanges(changes, terms, (f) => ['familyName', 'tussenvoegsel'].includes(f))).toEqual({
      familyName: [REDACTED, REDACTED], active: [true, false], member: [null, `#7 ${REDACTED}`], tussenvoegsel: [null, null],
    });
  });
});
