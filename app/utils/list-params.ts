import { z } from 'zod';

export const PAGE_SIZES = [25, 50, 100] as const;

export type ListParams<S extends string> = {
  page: number;
  perPage: number;
  offset: number;
  sort: S;
  dir: 'asc' | 'desc';
  q: string | undefined;
};

/**
 * Paging and sorting from the URL, whitelisted: the sort key must be one the list offers, so it
 * can be mapped to a column without ever reaching SQL as text.
 */
export function parseListParams<S extends string>(
  searchParams: URLSearchParams,
  sorts: readonly [S, ...S[]],
  defaults: { sort: S; dir?: 'asc' | 'desc'; perPage?: number },
): ListParams<S> {
  const schema = z.object({
    page: z.coerce.number().int().min(1).max(100_000).catch(1),
    perPage: z.coerce.number().int().refine((n) => (PAGE_SIZES as readonly number[]).includes(n)).catch(defaults.perPage ?? 25),
    sort: z.enum(sorts).catch(defaults.sort),
    dir: z.enum(['asc', 'desc']).catch(defaults.dir ?? 'asc'),
    q: z.string().trim().max(200).optional().catch(undefined).transform((v) => (v ? v : undefined)),
  });
  const parsed = schema.parse(Object.fromEntries(searchParams));
  return { ...parsed, sort: parsed.sort as S, q: parsed.q, offset: (parsed.page - 1) * parsed.perPage };
}

export type Page<T> = { rows: T[]; total: number };

/** `%term%` for LIKE with the user's % and _ taken literally. */
export const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
