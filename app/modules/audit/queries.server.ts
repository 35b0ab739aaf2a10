import { AuditEvent, Institution, Op, User, type WhereOptions } from '~/utils/db.server';
import { amsterdamDayRange } from '~/utils/instants';
import type { ListParams, Page } from '~/utils/list-params';
import type { AuditEventView, AuditFilters, AuditSort } from './schema';

export type AuditEventRow = AuditEventView & { institutionName: string | null };
export type AuditActorOption = { id: number | 'system'; label: string };

const SORT_COLUMNS: Record<AuditSort, string> = { occurredAt: 'occurredAt', entity: 'entity', actor: 'actorLabel' };

/** `number`: one institution's events; `'all'`: every event (administrators' system-wide view). */
type Scope = number | 'all';

function whereOf(scope: Scope, filters: AuditFilters): WhereOptions<AuditEvent> {
  const where: Record<string | symbol, unknown> = {};
  if (scope !== 'all') where.institutionId = scope;
  if (filters.entity) where.entity = filters.entity;
  if (filters.entityId) where.entityId = filters.entityId;
  if (filters.actor === 'system') where.actorUserId = { [Op.is]: null };
  else if (filters.actor) where.actorUserId = filters.actor;
  const { gte, lt } = amsterdamDayRange(filters.from, filters.to);
  if (gte || lt) where.occurredAt = { ...(gte ? { [Op.gte]: gte } : {}), ...(lt ? { [Op.lt]: lt } : {}) };
  return where as WhereOptions<AuditEvent>;
}

const toView = (event: AuditEvent): AuditEventView => ({
  id: event.id,
  occurredAt: event.occurredAt.toISOString(),
  actorUserId: event.actorUserId,
  actorLabel: event.actorLabel,
  institutionId: event.institutionId,
  entity: event.entity,
  entityId: event.entityId,
  action: event.action,
  changes: event.changes,
});

async function findEvents(scope: Scope, filters: AuditFilters, params: ListParams<AuditSort>): Promise<Page<AuditEventRow>> {
  const direction = params.dir.toUpperCase();
  const { rows, count } = await AuditEvent.findAndCountAll({
    where: whereOf(scope, filters),
    order: [[SORT_COLUMNS[params.sort], direction], ['id', direction]],
    limit: params.perPage,
    offset: params.offset,
  });
  const institutionIds = [...new Set(rows.map((r) => r.institutionId).filter((id): id is number => id !== null))];
  const institutions = institutionIds.length
    ? await Institution.findAll({ where: { id: institutionIds }, attributes: ['id', 'name'] })
    : [];
  const names = new Map(institutions.map((i) => [i.id, i.name]));
  return {
    total: count,
    rows: rows.map((row) => ({ ...toView(row), institutionName: row.institutionId === null ? null : (names.get(row.institutionId) ?? null) })),
  };
}

/** One institution's trail, filtered, sorted and paged in SQL; another institution's events cannot match. */
export function listAuditEvents(institutionId: number, filters: AuditFilters, params: ListParams<AuditSort>): Promise<Page<AuditEventRow>> {
  return findEvents(institutionId, filters, params);
}

/** Every event, for administrators: sign-ins, users and code libraries have no institution. */
export function listAllAuditEvents(filters: AuditFilters, params: ListParams<AuditSort>): Promise<Page<AuditEventRow>> {
  return findEvents('all', filters, params);
}

/** What the filter form offers: the entities and the actors that occur in the trail. */
export async function listAuditFilterOptions(scope: Scope): Promise<{ entities: string[]; actors: AuditActorOption[] }> {
  const where = scope === 'all' ? {} : { institutionId: scope };
  const [entityRows, actorRows] = await Promise.all([
    AuditEvent.findAll({ where, attributes: ['entity'], group: ['entity'], order: [['entity', 'ASC']], raw: true }),
    AuditEvent.findAll({ where, attributes: ['actorUserId'], group: ['actorUserId'], raw: true }),
  ]);
  const userIds = actorRows.map((r) => r.actorUserId).filter((id): id is number => id !== null);
  const users = userIds.length ? await User.findAll({ where: { id: userIds }, attributes: ['id', 'name', 'email'], order: [['name', 'ASC']] }) : [];
  const actors: AuditActorOption[] = users.map((u) => ({ id: u.id, label: `${u.name} (${u.email})` }));
  if (actorRows.some((r) => r.actorUserId === null)) actors.push({ id: 'system', label: 'system' });
  return { entities: entityRows.map((r) => r.entity), actors };
}

export const HISTORY_LIMIT = 100;

/**
 * The history of one record, newest first. `institutionId` is part of the match, so a record page
 * of one institution never shows another's events; `null` is for records outside institutions (users).
 */
export async function listHistory(institutionId: number | null, entity: string, entityId: number | string): Promise<{ rows: AuditEventView[]; more: boolean }> {
  const rows = await AuditEvent.findAll({
    where: { institutionId: institutionId === null ? { [Op.is]: null } : institutionId, entity, entityId: String(entityId) },
    order: [['occurredAt', 'DESC'], ['id', 'DESC']],
    limit: HISTORY_LIMIT + 1,
  });
  return { rows: rows.slice(0, HISTORY_LIMIT).map(toView), more: rows.length > HISTORY_LIMIT };
}
