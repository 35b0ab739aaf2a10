import { addDays, compareDays, type Day } from '~/utils/dates';

/** Agreements with stakeholders and their lifecycle. Pure: no I/O, no clock. */

export const AGREEMENT_KINDS = ['performance-agreement', 'covenant', 'cooperation', 'funding-condition', 'service-level'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export const AGREEMENT_DIRECTIONS = ['we-owe', 'they-owe', 'mutual'] as const;
export type AgreementDirection = (typeof AGREEMENT_DIRECTIONS)[number];

export const AGREEMENT_STATUSES = ['draft', 'active', 'fulfilled', 'terminated', 'expired'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** draft → active → fulfilled | terminated | expired; a closed agreement may be reopened (active again). */
const TRANSITIONS: Record<AgreementStatus, readonly AgreementStatus[]> = {
  draft: ['active', 'terminated'],
  active: ['fulfilled', 'terminated', 'expired'],
  fulfilled: ['active'],
  terminated: ['active'],
  expired: ['active'],
};

export function allowedTransitions(from: AgreementStatus): readonly AgreementStatus[] {
  return TRANSITIONS[from];
}

export function canTransition(from: AgreementStatus, to: AgreementStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Reopening is recorded as its own action in the trail: the agreement was closed and is live again. */
export function isReopening(from: AgreementStatus, to: AgreementStatus): boolean {
  return to === 'active' && (from === 'fulfilled' || from === 'terminated' || from === 'expired');
}

/** Closing: the agreement ends (fulfilled, terminated or expired) — its obligations may end with it. */
export function isClosing(from: AgreementStatus, to: AgreementStatus): boolean {
  return from !== to && (to === 'fulfilled' || to === 'terminated' || to === 'expired');
}

/** The audit action of a status change. */
export function transitionAction(from: AgreementStatus, to: AgreementStatus): string {
  if (isReopening(from, to)) return 'reopen';
  return to === 'active' ? 'activate' : to === 'draft' ? 'update' : to === 'fulfilled' ? 'fulfil' : to === 'terminated' ? 'terminate' : 'expire';
}

export type Term = { startsOn: Day; endsOn: Day | null };

/**
 * Whether a span (an obligation's start and optional end) lies inside an agreement's term. An
 * agreement with an end needs the span to end too, on or before it.
 */
export function termProblems(term: Term, span: Term): { startsOn?: 'before-term'; endsOn?: 'after-term' | 'needs-end' } {
  const problems: { startsOn?: 'before-term'; endsOn?: 'after-term' | 'needs-end' } = {};
  if (compareDays(span.startsOn, term.startsOn) < 0) problems.startsOn = 'before-term';
  if (term.endsOn !== null) {
    if (span.endsOn === null) problems.endsOn = 'needs-end';
    else if (compareDays(span.endsOn, term.endsOn) > 0) problems.endsOn = 'after-term';
  }
  return problems;
}

/** A review date is "coming due" within `days` from today, and overdue before today. */
export function reviewState(reviewOn: Day | null, today: Day, days: number): 'none' | 'later' | 'coming-due' | 'overdue' {
  if (reviewOn === null) return 'none';
  if (compareDays(reviewOn, today) < 0) return 'overdue';
  return compareDays(reviewOn, addDays(today, days)) <= 0 ? 'coming-due' : 'later';
}
