import { z } from 'zod';
import { compareDays, isDay, type Day } from '~/utils/dates';

/** An audit event as pages show it: plain data, the instant as an ISO string. */
export type AuditEventView = {
  id: number;
  occurredAt: string;
  actorUserId: number | null;
  actorLabel: string;
  institutionId: number | null;
  entity: string;
  entityId: string | null;
  action: string;
  changes: Record<string, [unknown, unknown]> | null;
};

/** `actor`: a user id, or `system` for scripts and scheduled jobs. */
export type AuditFilters = {
  entity?: string;
  entityId?: string;
  actor?: number | 'system';
  from?: Day;
  to?: Day;
};

export const AUDIT_SORTS = ['occurredAt', 'entity', 'actor'] as const;
export type AuditSort = (typeof AUDIT_SORTS)[number];

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);

const fields = {
  entity: z.preprocess(blankToUndefined, z.string().regex(/^[a-z][a-z0-9-]{0,59}$/, 'common:errors.invalidChoice').optional()),
  entityId: z.preprocess(blankToUndefined, z.string().max(60, 'common:errors.tooLong').optional()),
  actor: z.preprocess(
    blankToUndefined,
    z.union([z.literal('system'), z.coerce.number().int().positive()], { errorMap: () => ({ message: 'common:errors.invalidChoice' }) }).optional(),
  ),
  from: z.preprocess(blankToUndefined, z.string().refine(isDay, 'common:errors.invalidDate').optional()),
  to: z.preprocess(blankToUndefined, z.string().refine(isDay, 'common:errors.invalidDate').optional()),
};

/**
 * The filters in an audit page's URL. A bad value gets a message beside its field and is left out
 * of the query, so a mistyped link still shows the trail.
 */
export function parseAuditFilters(searchParams: URLSearchParams): { filters: AuditFilters; errors: Record<string, string> } {
  const filters: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const [name, schema] of Object.entries(fields)) {
    const parsed = schema.safeParse(searchParams.get(name) ?? undefined);
    if (parsed.success) filters[name] = parsed.data;
    else errors[name] = parsed.error.issues[0]?.message ?? 'common:errors.invalidChoice';
  }
  const result = filters as AuditFilters;
  if (result.from && result.to && compareDays(result.from, result.to) > 0) {
    errors.to = 'audit:filters.toBeforeFrom';
    delete result.to;
  }
  return { filters: result, errors };
}
