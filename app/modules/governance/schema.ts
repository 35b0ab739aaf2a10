import { z } from 'zod';
import { requiredDay } from '~/modules/obligations/fields';
import { choice, id, optionalText, version } from '~/utils/schema-helpers';
import { EVIDENCE_HEALTHS, FIRST_YEAR, LAST_YEAR, STATEMENT_FLAGS, STATEMENT_STATUSES } from './rules';

// The forms and URL filters of the compliance pages. Messages are catalogue keys. Rules that need
// the statement's regime or the year's lock are checked in the mutations, inside their transaction.

/** Long enough for four paragraphs along the prompts; beyond it the jaarverslag would not print. */
export const MAX_EXPLANATION_LENGTH = 10_000;

export const statementSchema = z.object({
  status: choice(STATEMENT_STATUSES),
  explanation: optionalText(MAX_EXPLANATION_LENGTH),
  version: version(),
});
export type StatementInput = z.infer<typeof statementSchema>;

export const EVIDENCE_KINDS = ['obligation', 'moment', 'agreement', 'engagement'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const addEvidenceSchema = z.object({
  kind: choice(EVIDENCE_KINDS),
  targetId: id(),
});
export type AddEvidenceInput = z.infer<typeof addEvidenceSchema>;

export const removeEvidenceSchema = z.object({ evidenceId: id() });

export const approveYearSchema = z.object({ version: version() });

/** An unlock says why: the reason is kept in the audit trail. */
export const unlockYearSchema = z.object({
  version: version(),
  reason: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v),
    z.string({ required_error: 'common:errors.required' }).min(1, 'common:errors.required')
      .min(10, 'compliance:year.reasonTooShort').max(2000, 'common:errors.tooLong')),
});

export const yearField = () =>
  z.coerce.number({ invalid_type_error: 'compliance:year.invalidYear' }).int('compliance:year.invalidYear')
    .min(FIRST_YEAR, 'compliance:year.invalidYear').max(LAST_YEAR, 'compliance:year.invalidYear');

/** Opening a year: empty (every statement not assessed) or from last year's statements. */
export const openYearSchema = z.object({
  year: yearField(),
  start: choice(['empty', 'copy'] as const),
});

export const adoptCodeSchema = z.object({
  codeId: id(),
  adoptedFrom: requiredDay(),
});

export const endAdoptionSchema = z.object({
  adoptionId: id(),
  adoptedUntil: requiredDay(),
});

/** `/compliance/2025`: a year the database can hold, or the page does not exist. */
export function parseYearParam(value: string | undefined): number | null {
  if (!value || !/^\d{4}$/.test(value)) return null;
  const year = Number(value);
  return year >= FIRST_YEAR && year <= LAST_YEAR ? year : null;
}

// ---------------------------------------------------------------------------------------------
// The overview's filters, all in the URL

export type OverviewFilters = {
  status?: (typeof STATEMENT_STATUSES)[number];
  health?: (typeof EVIDENCE_HEALTHS)[number];
  /** `any` flag, or one of them. */
  flag?: 'any' | (typeof STATEMENT_FLAGS)[number];
  codeId?: number;
  provisionId?: number;
  review?: boolean;
};

const urlOptional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional()).catch(undefined);

const overviewParams = z.object({
  status: urlOptional(z.enum(STATEMENT_STATUSES)),
  health: urlOptional(z.enum(EVIDENCE_HEALTHS)),
  flag: urlOptional(z.enum(['any', ...STATEMENT_FLAGS])),
  code: urlOptional(z.coerce.number().int().positive()),
  provision: urlOptional(z.coerce.number().int().positive()),
  review: urlOptional(z.literal('1')),
});

/** A bad value is dropped, so the overview still shows: a link never breaks the page. */
export function parseOverviewFilters(searchParams: URLSearchParams): OverviewFilters {
  const raw = overviewParams.parse({
    status: searchParams.get('status'),
    health: searchParams.get('health'),
    flag: searchParams.get('flag'),
    code: searchParams.get('code'),
    provision: searchParams.get('provision'),
    review: searchParams.get('review'),
  });
  return {
    status: raw.status,
    health: raw.health,
    flag: raw.flag,
    codeId: raw.code,
    provisionId: raw.provision,
    review: raw.review === '1' ? true : undefined,
  };
}

/** The filters back as URL search params (exports link to the same rows the page shows). */
export function overviewSearch(filters: OverviewFilters): string {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.health) params.set('health', filters.health);
  if (filters.flag) params.set('flag', filters.flag);
  if (filters.codeId) params.set('code', String(filters.codeId));
  if (filters.provisionId) params.set('provision', String(filters.provisionId));
  if (filters.review) params.set('review', '1');
  const query = params.toString();
  return query ? `?${query}` : '';
}

export const REPORT_LANGUAGES = ['nl', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/** The jaarverslag chapter's language: `?lang=`, else the page's own. */
export function parseReportLanguage(value: string | null, fallback: string): ReportLanguage {
  if (value === 'nl' || value === 'en') return value;
  return fallback === 'en' ? 'en' : 'nl';
}

