import { z } from 'zod';
import { STATEMENT_FLAGS } from '~/modules/governance/rules';
import { SECTORS } from '~/modules/institutions/schema';

/** The institution table's sort keys; each maps to a whitelisted SQL expression in queries.server.ts. */
export const INSTITUTION_SORTS = ['name', 'share', 'deviations', 'overdue', 'dueSoon', 'approved'] as const;
export type InstitutionSort = (typeof INSTITUTION_SORTS)[number];

/** Years a statement may be for (the table's CHECK). */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional()).catch(undefined);

const pageNumber = () => z.coerce.number().int().min(1).max(100_000).catch(1);

/**
 * The dashboard's state in the URL: the filters (year, sector), the code the heat map shows, the
 * flag the review list is narrowed to, and the pages of the review list and the heat map (the
 * institution table pages with `page`).
 * Anything unreadable falls back to the default rather than failing the page.
 */
export const oversightFiltersSchema = z.object({
  year: optional(z.coerce.number().int().min(MIN_YEAR).max(MAX_YEAR)),
  sector: optional(z.enum(SECTORS)),
  code: optional(z.coerce.number().int().positive()),
  flag: optional(z.enum(STATEMENT_FLAGS)),
  dpage: pageNumber(),
  hpage: pageNumber(),
});
export type OversightFilters = z.infer<typeof oversightFiltersSchema>;

/** Rows per page of the review list (deviations and flags), and institutions (columns) per page of the heat map. */
export const DEVIATIONS_PER_PAGE = 25;
export const HEAT_MAP_COLUMNS = 10;
