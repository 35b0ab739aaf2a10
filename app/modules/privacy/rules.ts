import { addMonths, compareDays, type Day } from '~/utils/dates';

/**
 * The AVG's rules for data-subject requests, the portal and erasure — pure, no I/O, so they can be
 * table-tested; the SQL twins beside them say the same thing to the database.
 */

export const REQUEST_KINDS = ['access', 'rectification', 'erasure', 'restriction', 'objection', 'portability'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const REQUEST_STATUSES = ['open', 'in-progress', 'completed', 'refused'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const OPEN_REQUEST_STATUSES = ['open', 'in-progress'] as const satisfies readonly RequestStatus[];
export const CLOSED_REQUEST_STATUSES = ['completed', 'refused'] as const satisfies readonly RequestStatus[];

/** What the request list filters on: derived from status and the (extended) due date. */
export const REQUEST_STATES = ['open', 'overdue', 'closed', 'all'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/** Art. 12(3) AVG: an answer within one month of receipt… */
export function requestDueOn(receivedOn: Day): Day {
  return addMonths(receivedOn, 1);
}

/**
 * …which may be extended by two further months: three months from receipt in all. Counted from
 * receipt (not from the first due date) so month ends clamp once: received 31 January → due
 * 28 February → extended to 30 April.
 */
export function extendedDueOn(receivedOn: Day): Day {
  return addMonths(receivedOn, 3);
}

export type RequestDates = { status: string; dueOn: Day; extendedTo: Day | null };

/** The deadline that applies now: the extension when there is one. */
export const effectiveDueOn = (request: Pick<RequestDates, 'dueOn' | 'extendedTo'>): Day => request.extendedTo ?? request.dueOn;

export const isOpenStatus = (status: string) => (OPEN_REQUEST_STATUSES as readonly string[]).includes(status);

/** An open request past its deadline; due today is not yet overdue. overdueRequestSql is its twin. */
export function isRequestOverdue(request: RequestDates, today: Day): boolean {
  return isOpenStatus(request.status) && compareDays(today, effectiveDueOn(request)) > 0;
}

/** The extension must be announced within the first month (art. 12(3)): not after the first due date. */
export function canExtend(request: RequestDates & { receivedOn: Day }, today: Day): 'ok' | 'closed' | 'already-extended' | 'too-late' {
  if (!isOpenStatus(request.status)) return 'closed';
  if (request.extendedTo) return 'already-extended';
  if (compareDays(today, request.dueOn) > 0) return 'too-late';
  return 'ok';
}

/**
 * isRequestOverdue as SQL over `<alias>.status, due_on, extended_to` and the replacement `:today`.
 * Days are `YYYY-MM-DD` text on SQLite (sorting as dates) and DATE on PostgreSQL.
 */
export function overdueRequestSql(alias: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(alias)) throw new Error(`Not a table alias: ${JSON.stringify(alias)}`);
  return `(${alias}.status IN ('open', 'in-progress') AND COALESCE(${alias}.extended_to, ${alias}.due_on) < :today)`;
}

// ---------------------------------------------------------------- the portal

/** How long a sent portal link can be followed. */
export const PORTAL_LINK_VALID_DAYS = 14;

/**
 * "One-time": following the link spends it and opens a portal session of this length (a signed
 * cookie scoped to /portal). The session is long enough to read and propose corrections; after it,
 * the contact asks for a new link.
 */
export const PORTAL_SESSION_MINUTES = 60;

/** Pending proposals one person may have waiting: enough for honest use, a brake on a flood. */
export const MAX_PENDING_PROPOSALS = 5;

/** The person's own fields a contact may propose corrections to, in form order. */
export const CORRECTABLE_FIELDS = [
  'givenName', 'tussenvoegsel', 'familyName', 'initials', 'email', 'phone', 'street', 'houseNumber', 'postcode', 'city',
] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

export type LinkState = 'valid' | 'forged' | 'expired' | 'used' | 'revoked';

/** What following a stored link means now. Revoked (a newer link, an erasure) wins over expiry. */
export function portalLinkState(link: { expiresAt: Date; usedAt: Date | null; revokedAt: Date | null } | null, now: Date): LinkState {
  if (!link) return 'forged';
  if (link.revokedAt) return 'revoked';
  if (link.usedAt) return 'used';
  if (link.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'valid';
}

/**
 * The fields a contact changed: a proposal holds only these, a blank field asks for the value to be
 * removed (null). Case-only and whitespace-only differences are no change.
 */
export function proposedChanges(
  current: Partial<Record<CorrectableField, string | null>>,
  typed: Partial<Record<CorrectableField, string | undefined>>,
): Partial<Record<CorrectableField, string | null>> {
  const changes: Partial<Record<CorrectableField, string | null>> = {};
  for (const field of CORRECTABLE_FIELDS) {
    if (!(field in typed)) continue;
    const was = current[field]?.trim() || null;
    const is = typed[field]?.trim() || null;
    if ((was ?? '') !== (is ?? '')) changes[field] = is;
  }
  return changes;
}

// ---------------------------------------------------------------- erasure

/** What stands where a personal value was. */
export const REDACTED = '[redacted]';

/** The name an erased person keeps: no personal data, but still a distinct record in lists and histories. */
export const erasedName = (personId: number) => `[erased #${personId}]`;

/** Fields of a person's own audit events that may stay after erasure: they describe no one. */
export const NON_PERSONAL_PERSON_FIELDS = new Set(['active', 'legalBasis', 'lastVerifiedOn', 'mergedIntoId']);

const MIN_TERM_LENGTH = 3;

/**
 * The strings that identify a person inside other records' text: their names as written, emails
 * and phone numbers. Longest first, so "Jan de Vries" goes before a shorter form could split it.
 */
export function personalTerms(values: readonly (string | null | undefined)[]): string[] {
  const terms = new Set<string>();
  for (const value of values) {
    const term = value?.trim().replace(/\s+/g, ' ');
    if (term && term.length >= MIN_TERM_LENGTH) terms.add(term);
  }
  return [...terms].sort((a, b) => b.length - a.length || a.localeCompare(b));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every occurrence of a term, ignoring case, replaced by REDACTED. */
export function redactText(text: string, terms: readonly string[]): string {
  let result = text;
  for (const term of terms) {
    result = result.replace(new RegExp(escapeRegExp(term).replace(/ /g, '\\s+'), 'giu'), REDACTED);
  }
  return result;
}

/** redactText through strings, lists and objects; other values unchanged. */
export function redactValue(value: unknown, terms: readonly string[]): unknown {
  if (typeof value === 'string') return redactText(value, terms);
  if (Array.isArray(value)) return value.map((v) => redactValue(v, terms));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v, terms)]));
  }
  return value;
}

type Changes = Record<string, [unknown, unknown]>;

/**
 * An audit event's changes with the person's values gone: the listed fields lose their values
 * outright (the fact that they changed stays), every other value loses the terms it contains.
 */
export function redactChanges(changes: Changes, terms: readonly string[], wholeFields: (field: string) => boolean): Changes {
  const result: Changes = {};
  for (const [field, pair] of Object.entries(changes)) {
    const [before, after] = Array.isArray(pair) ? pair : [null, pair];
    result[field] = wholeFields(field)
      ? [before === null || before === undefined ? null : REDACTED, after === null || after === undefined ? null : REDACTED]
      : [redactValue(before, terms), redactValue(after, terms)];
  }
  return result;
}
