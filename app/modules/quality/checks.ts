/**
 * The data-quality checks of an institution's register: what each one looks at, shared by the
 * server (queries) and the pages (labels, links). Stored facts only; every count is derived.
 */
export const QUALITY_CHECKS = {
  persons: ['persons-without-source', 'persons-without-legal-basis', 'persons-not-verified', 'persons-without-contact', 'duplicate-persons'],
  organisations: ['organisations-without-kvk', 'duplicate-organisations'],
  stakeholders: ['stakeholders-unassessed', 'stakeholders-without-owner', 'stakeholders-contacts-left'],
} as const;

export type QualitySection = keyof typeof QUALITY_CHECKS;
export type QualityCheck = (typeof QUALITY_CHECKS)[QualitySection][number];
export const ALL_CHECKS: readonly QualityCheck[] = Object.values(QUALITY_CHECKS).flat();

export type DuplicateCheck = Extract<QualityCheck, 'duplicate-persons' | 'duplicate-organisations'>;
export type ListCheck = Exclude<QualityCheck, DuplicateCheck>;
export const isDuplicateCheck = (check: QualityCheck): check is DuplicateCheck => check.startsWith('duplicate-');

export function checkFrom(value: string | undefined): QualityCheck | null {
  return ALL_CHECKS.find((check) => check === value) ?? null;
}

/** "Not verified for more than N months": the choices the page offers, 12 as DESIGN.md's stale. */
export const VERIFIED_MONTHS = [6, 12, 24] as const;
export type VerifiedMonths = (typeof VERIFIED_MONTHS)[number];

export function monthsFrom(searchParams: URLSearchParams): VerifiedMonths {
  const months = Number(searchParams.get('months'));
  return VERIFIED_MONTHS.find((m) => m === months) ?? 12;
}

/** The completeness score: the share of live persons with none of the person checks' problems, in whole percent. */
export function completenessScore(complete: number, total: number): number | null {
  return total === 0 ? null : Math.round((complete / total) * 100);
}

/** How many months of snapshots the report's trend shows. */
export const TREND_MONTHS = 12;
