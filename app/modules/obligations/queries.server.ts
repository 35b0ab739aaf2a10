import { listAgreementOptions } from '~/modules/agreements/queries.server';
import { listAttachments } from './attachments.server';
import { listMemberOptions, listStakeholderOptions, WRITE_ROLES } from './people.server';
import { listProvisionOptions, provisionsOf } from './provisions.server';
import {
  momentStatus, momentStatusInSql, momentStatusSql, OPEN_STATUSES, recurrenceFromColumns, type MomentStatus, type ObligationForm,
  type Recurrence, type ReportsOn,
} from './rules';
import type { MomentFilters, MomentSort, ObligationFilters, ObligationSort } from './schema';
import type { Option } from './views';
import {
  Agreement, db, Institution, Obligation, Op, QueryTypes, ReportingMoment, User, type WhereOptions,
} from '~/utils/db.server';
import { addDays, endOfMonthDay, type Day } from '~/utils/dates';
import { likePattern, type ListParams, type Page } from '~/utils/list-params';

// ---------------------------------------------------------------------------------------------
// Obligations

export type ObligationRow = {
  id: number;
  title: string;
  form: ObligationForm;
  forum: string | null;
  recurrence: Recurrence;
  startsOn: Day;
  active: boolean;
  responsibleName: string | null;
  agreement: { id: number; title: string } | null;
  stakeholders: { id: number; name: string }[];
  nextDueOn: Day | null;
};

async function stakeholdersOf(obligationIds: number[]): Promise<Map<number, { id: number; name: string }[]>> {
  const map = new Map<number, { id: number; name: string }[]>();
  if (obligationIds.length === 0) return map;
  // Plain rows, not model instances: a feed asks this for a thousand obligations at once.
  const sequelize = await db();
  const rows = await sequelize.query<{ obligation_id: number; id: number; name: string }>(
    `SELECT os.obligation_id, s.id, s.name FROM obligation_stakeholders os JOIN stakeholders s ON s.id = os.stakeholder_id
      WHERE os.obligation_id IN (:obligationIds) ORDER BY s.name, s.id`,
    { replacements: { obligationIds }, type: QueryTypes.SELECT },
  );
  for (const row of rows) {
    const stakeholder = { id: Number(row.id), name: row.name };
    const list = map.get(Number(row.obligation_id));
    if (list) list.push(stakeholder);
    else map.set(Number(row.obligation_id), [stakeholder]);
  }
  return map;
}

/** The next open moment's due date per obligation (today or later, else the oldest overdue one). */
async function nextDueOf(obligationIds: number[]): Promise<Map<number, Day>> {
  if (obligationIds.length === 0) return new Map();
  const rows = await ReportingMoment.findAll({
    where: { obligationId: { [Op.in]: obligationIds }, renderedOn: null, waivedOn: null },
    attributes: ['obligationId', 'dueOn'],
    order: [['dueOn', 'ASC']],
  });
  const map = new Map<number, Day>();
  for (const row of rows) if (!map.has(row.obligationId)) map.set(row.obligationId, row.dueOn);
  return map;
}

const OBLIGATION_SORT_COLUMNS: Record<ObligationSort, string> = { title: 'title', form: 'form', startsOn: 'startsOn' };

export async function listObligations(institutionId: number, filters: ObligationFilters, params: ListParams<ObligationSort>): Promise<Page<ObligationRow>> {
  const where: Record<string | symbol, unknown> = { institutionId };
  if (filters.state !== 'all') where.active = filters.state === 'active';
  if (filters.form) where.form = filters.form;
  if (filters.responsible) where.responsibleUserId = filters.responsible;
  if (params.q) where[Op.or] = [{ title: { [Op.like]: likePattern(params.q) } }, { forum: { [Op.like]: likePattern(params.q) } }];
  const direction = params.dir.toUpperCase();
  const { rows, count } = await Obligation.findAndCountAll({
    where: where as WhereOptions<Obligation>,
    include: [
      { model: User, as: 'responsibleUser', attributes: ['name'] },
      { model: Agreement, as: 'agreement', attributes: ['id', 'title'] },
    ],
    order: [[OBLIGATION_SORT_COLUMNS[params.sort], direction], ['id', direction]],
    limit: params.perPage,
    offset: params.offset,
  });
  const ids = rows.map((r) => r.id);
  const [stakeholders, nextDue] = await Promise.all([stakeholdersOf(ids), nextDueOf(ids)]);
  return {
    total: count,
    rows: rows.map((o) => {
      const agreement = o.get('agreement') as Agreement | null;
      return {
        id: o.id,
        title: o.title,
        form: o.form as ObligationForm,
        forum: o.forum,
        recurrence: recurrenceFromColumns(o),
        startsOn: o.startsOn,
        active: o.active,
        responsibleName: (o.get('responsibleUser') as User | null)?.name ?? null,
        agreement: agreement ? { id: agreement.id, title: agreement.title } : null,
        stakeholders: stakeholders.get(o.id) ?? [],
        nextDueOn: nextDue.get(o.id) ?? null,
      };
    }),
  };
}

/** One obligation of this institution, with what the detail page and the edit form need. */
export async function getObligation(institutionId: number, obligationId: number, today: Day) {
  const o = await Obligation.findOne({
    where: { id: obligationId, institutionId },
    include: [
      { model: User, as: 'responsibleUser', attributes: ['id', 'name'] },
      { model: Agreement, as: 'agreement', attributes: ['id', 'title', 'startsOn', 'endsOn', 'status'] },
    ],
  });
  if (!o) return null;
  const [stakeholders, provisions, moments] = await Promise.all([
    stakeholdersOf([o.id]),
    provisionsOf([o.id]),
    ReportingMoment.findAll({ where: { obligationId: o.id, institutionId }, order: [['dueOn', 'ASC'], ['id', 'ASC']] }),
  ]);
  const agreement = o.get('agreement') as Agreement | null;
  return {
    id: o.id,
    version: o.version,
    title: o.title,
    description: o.description,
    forum: o.forum,
    form: o.form as ObligationForm,
    basis: o.basis,
    responsible: (o.get('responsibleUser') as User | null) ? { id: o.responsibleUserId!, name: (o.get('responsibleUser') as User).name } : null,
    responsibleUserId: o.responsibleUserId,
    leadTimeDays: o.leadTimeDays,
    recurrence: recurrenceFromColumns(o),
    startsOn: o.startsOn,
    endsOn: o.endsOn,
    reportsOn: o.reportsOn as ReportsOn,
    active: o.active,
    agreement: agreement ? { id: agreement.id, title: agreement.title, startsOn: agreement.startsOn, endsOn: agreement.endsOn } : null,
    stakeholders: stakeholders.get(o.id) ?? [],
    provisions: provisions.get(o.id) ?? [],
    moments: moments.map((m) => ({
      id: m.id,
      dueOn: m.dueOn,
      periodStart: m.periodStart,
      periodEnd: m.periodEnd,
      renderedOn: m.renderedOn,
      waivedOn: m.waivedOn,
      status: momentStatus(m, today),
    })),
  };
}
export type ObligationDetail = NonNullable<Awaited<ReturnType<typeof getObligation>>>;

// ---------------------------------------------------------------------------------------------
// Reporting moments: one SQL for the list, the month, the exports, the dashboard and the feed

export type MomentRow = {
  id: number;
  uid: string;
  version: number;
  institutionId: number;
  institutionName: string;
  dueOn: Day;
  remindFrom: Day;
  periodStart: Day;
  periodEnd: Day;
  renderedOn: Day | null;
  waivedOn: Day | null;
  status: MomentStatus;
  obligation: { id: number; title: string; form: ObligationForm; forum: string | null };
  responsible: { id: number; name: string } | null;
  agreement: { id: number; title: string } | null;
  stakeholders: { id: number; name: string }[];
  provisions: { id: number; number: string; codeTitle: { nl: string; en: string } }[];
};

/** Which institutions: one, or those of a feed's owner (`all` for administrators). */
type Scope = { institutionId: number } | { institutionIds: number[] | 'all' };

type RawMoment = {
  id: number; uid: string; version: number; institution_id: number; institution_name: string; due_on: Day | Date; remind_from: Day | Date;
  period_start: Day | Date; period_end: Day | Date; rendered_on: Day | Date | null; waived_on: Day | Date | null; status: MomentStatus;
  obligation_id: number; obligation_title: string; obligation_form: ObligationForm; obligation_forum: string | null;
  responsible_id: number | null; responsible_name: string | null; agreement_id: number | null; agreement_title: string | null;
};

// PostgreSQL may hand a DATE back as a Date at midnight UTC; either way the day is the first ten characters.
const dayOf = (value: Day | Date): Day => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));
const dayOrNull = (value: Day | Date | null): Day | null => (value === null ? null : dayOf(value));

const STATUS = momentStatusSql('m');
// Most urgent first when sorting by status.
const STATUS_RANK = `CASE ${STATUS} WHEN 'overdue' THEN 0 WHEN 'due-soon' THEN 1 WHEN 'planned' THEN 2 WHEN 'rendered-late' THEN 3 WHEN 'rendered' THEN 4 ELSE 5 END`;

const SORT_SQL: Record<MomentSort, string> = {
  dueOn: 'm.due_on',
  obligation: 'o.title',
  status: STATUS_RANK,
};

/**
 * The WHERE of a moment query over `reporting_moments m` alone: every filter reads m's own columns
 * (a status as its plain conditions, momentStatusInSql) or asks a subquery, so a count needs no
 * join and an index on the moments serves the status and the dates.
 */
function whereOf(scope: Scope, filters: Partial<MomentFilters>, today: Day) {
  const clauses: string[] = [];
  const replacements: Record<string, unknown> = { today };
  if ('institutionId' in scope) {
    clauses.push('m.institution_id = :institutionId');
    replacements.institutionId = scope.institutionId;
  } else if (scope.institutionIds !== 'all') {
    if (scope.institutionIds.length === 0) clauses.push('1 = 0');
    else {
      clauses.push('m.institution_id IN (:institutionIds)');
      replacements.institutionIds = scope.institutionIds;
    }
  }
  if (filters.status !== undefined && filters.status !== 'all') {
    clauses.push(momentStatusInSql('m', filters.status === 'open' ? OPEN_STATUSES : [filters.status]));
  }
  if (filters.responsible) {
    clauses.push('m.obligation_id IN (SELECT r.id FROM obligations r WHERE r.responsible_user_id = :responsible)');
    replacements.responsible = filters.responsible;
  }
  if (filters.obligationId) {
    clauses.push('m.obligation_id = :obligationId');
    replacements.obligationId = filters.obligationId;
  }
  if (filters.stakeholderId) {
    clauses.push('m.obligation_id IN (SELECT os.obligation_id FROM obligation_stakeholders os WHERE os.stakeholder_id = :stakeholderId)');
    replacements.stakeholderId = filters.stakeholderId;
  }
  if (filters.q) {
    // The house's portable "contains, any case" (parties/sql.server.ts): lower() on both sides and
    // LIKE with an explicit ESCAPE, so a typed % or _ is taken literally on SQLite and PostgreSQL.
    // The title and the names are the institution's own (when there is one), not every institution's.
    const own = (alias: string) => ('institutionId' in scope ? ` AND ${alias}.institution_id = :institutionId` : '');
    clauses.push(`m.obligation_id IN (
      SELECT qo.id FROM obligations qo WHERE lower(qo.title) LIKE :q ESCAPE '\\'${own('qo')}
      UNION SELECT qos.obligation_id FROM obligation_stakeholders qos JOIN stakeholders qs ON qs.id = qos.stakeholder_id
        WHERE lower(qs.name) LIKE :q ESCAPE '\\'${own('qs')})`);
    replacements.q = likePattern(filters.q.toLowerCase());
  }
  if (filters.from) {
    clauses.push('m.due_on >= :from');
    replacements.from = filters.from;
  }
  if (filters.to) {
    clauses.push('m.due_on <= :to');
    replacements.to = filters.to;
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', replacements };
}

const FROM = `FROM reporting_moments m
  JOIN obligations o ON o.id = m.obligation_id
  JOIN institutions i ON i.id = m.institution_id
  LEFT JOIN users u ON u.id = o.responsible_user_id
  LEFT JOIN agreements a ON a.id = o.agreement_id`;

const SELECT = `SELECT m.id, m.uid, m.version, m.institution_id, i.name AS institution_name, m.due_on, m.remind_from, m.period_start,
  m.period_end, m.rendered_on, m.waived_on, ${STATUS} AS status, o.id AS obligation_id, o.title AS obligation_title,
  o.form AS obligation_form, o.forum AS obligation_forum, u.id AS responsible_id, u.name AS responsible_name,
  a.id AS agreement_id, a.title AS agreement_title`;

async function withLinks(rows: RawMoment[]): Promise<MomentRow[]> {
  const obligationIds = [...new Set(rows.map((r) => r.obligation_id))];
  const [stakeholders, provisions] = await Promise.all([stakeholdersOf(obligationIds), provisionsOf(obligationIds)]);
  return rows.map((r) => ({
    id: Number(r.id),
    uid: r.uid,
    version: Number(r.version),
    institutionId: Number(r.institution_id),
    institutionName: r.institution_name,
    dueOn: dayOf(r.due_on),
    remindFrom: dayOf(r.remind_from),
    periodStart: dayOf(r.period_start),
    periodEnd: dayOf(r.period_end),
    renderedOn: dayOrNull(r.rendered_on),
    waivedOn: dayOrNull(r.waived_on),
    status: r.status,
    obligation: { id: Number(r.obligation_id), title: r.obligation_title, form: r.obligation_form, forum: r.obligation_forum },
    responsible: r.responsible_id === null ? null : { id: Number(r.responsible_id), name: r.responsible_name ?? '' },
    agreement: r.agreement_id === null ? null : { id: Number(r.agreement_id), title: r.agreement_title ?? '' },
    stakeholders: stakeholders.get(Number(r.obligation_id)) ?? [],
    provisions: (provisions.get(Number(r.obligation_id)) ?? []).map((p) => ({ id: p.id, number: p.number, codeTitle: p.codeTitle })),
  }));
}

async function selectMoments(scope: Scope, filters: Partial<MomentFilters>, today: Day, order: string, limit: number, offset = 0): Promise<MomentRow[]> {
  const sequelize = await db();
  const { where, replacements } = whereOf(scope, filters, today);
  const rows = await sequelize.query<RawMoment>(`${SELECT} ${FROM} ${where} ORDER BY ${order} LIMIT :limit OFFSET :offset`, {
    replacements: { ...replacements, limit, offset },
    type: QueryTypes.SELECT,
  });
  return withLinks(rows);
}

async function countMomentRows(scope: Scope, filters: Partial<MomentFilters>, today: Day): Promise<number> {
  const sequelize = await db();
  const { where, replacements } = whereOf(scope, filters, today);
  const [row] = await sequelize.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM reporting_moments m ${where}`, { replacements, type: QueryTypes.SELECT });
  return Number(row?.n ?? 0);
}

const orderOf = (sort: MomentSort, dir: 'asc' | 'desc') => {
  const direction = dir === 'desc' ? 'DESC' : 'ASC';
  return `${SORT_SQL[sort]} ${direction}, m.due_on ${direction}, m.id ${direction}`;
};

/** The calendar's agenda: one institution's moments, filtered (status in SQL), sorted and paged. */
export async function listMoments(institutionId: number, filters: MomentFilters, params: ListParams<MomentSort>, today: Day): Promise<Page<MomentRow>> {
  const scope = { institutionId };
  const [rows, total] = await Promise.all([
    selectMoments(scope, filters, today, orderOf(params.sort, params.dir), params.perPage, params.offset),
    countMomentRows(scope, filters, today),
  ]);
  return { rows, total };
}

/** The most a month view or an export carries; more means the filters are too wide. */
export const MOMENT_EXPORT_LIMIT = 10_000;

/** The days of the month of `monthStart`, as the from/to of the moment filters. */
export const monthRange = (monthStart: Day): { from: Day; to: Day } => ({ from: monthStart, to: endOfMonthDay(monthStart) });

/** What the month grid shows of a moment. */
export type MonthMoment = { id: number; institutionId: number; dueOn: Day; status: MomentStatus; obligation: { title: string } };

/**
 * The month view: the moments due in the month of `monthStart`, with the same filters. The grid
 * shows a title and a status per moment, so that is all this reads (a busy month has hundreds).
 */
export async function listMomentsInMonth(institutionId: number, filters: MomentFilters, monthStart: Day, today: Day): Promise<MonthMoment[]> {
  const sequelize = await db();
  const { where, replacements } = whereOf({ institutionId }, { ...filters, ...monthRange(monthStart) }, today);
  const rows = await sequelize.query<{ id: number; due_on: Day | Date; status: MomentStatus; title: string }>(
    `SELECT m.id, m.due_on, ${STATUS} AS status, o.title FROM reporting_moments m JOIN obligations o ON o.id = m.obligation_id
      ${where} ORDER BY m.due_on ASC, m.id ASC LIMIT 1000`,
    { replacements, type: QueryTypes.SELECT },
  );
  return rows.map((r) => ({ id: Number(r.id), institutionId, dueOn: dayOf(r.due_on), status: r.status, obligation: { title: r.title } }));
}

/** Every moment the filters select, for the CSV and XLSX exports. */
export async function listMomentsForExport(institutionId: number, filters: MomentFilters, sort: { sort: MomentSort; dir: 'asc' | 'desc' }, today: Day) {
  return selectMoments({ institutionId }, filters, today, orderOf(sort.sort, sort.dir), MOMENT_EXPORT_LIMIT);
}

/** How many moments each status has (under the other filters), for the calendar's tiles. */
export async function countMomentsByStatus(institutionId: number, filters: Omit<MomentFilters, 'status'>, today: Day): Promise<Record<MomentStatus, number>> {
  const sequelize = await db();
  const { where, replacements } = whereOf({ institutionId }, { ...filters, status: 'all' }, today);
  const rows = await sequelize.query<{ status: MomentStatus; n: number | string }>(
    `SELECT ${STATUS} AS status, COUNT(*) AS n FROM reporting_moments m ${where} GROUP BY ${STATUS}`,
    { replacements, type: QueryTypes.SELECT },
  );
  const counts: Record<MomentStatus, number> = { planned: 0, 'due-soon': 0, overdue: 0, rendered: 0, 'rendered-late': 0, waived: 0 };
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

/**
 * For the dashboard: every overdue moment (oldest first, up to `limit`) and the next open ones
 * due from today on.
 */
export async function listDashboardMoments(institutionId: number, today: Day, limit = 10): Promise<{ overdue: MomentRow[]; overdueTotal: number; upcoming: MomentRow[] }> {
  const scope = { institutionId };
  const [overdue, overdueTotal, upcoming] = await Promise.all([
    selectMoments(scope, { status: 'overdue' }, today, orderOf('dueOn', 'asc'), limit),
    countMomentRows(scope, { status: 'overdue' }, today),
    selectMoments(scope, { status: 'open', from: today }, today, orderOf('dueOn', 'asc'), limit),
  ]);
  return { overdue, overdueTotal, upcoming };
}

/**
 * What a calendar feed carries: a year back, everything still open, and everything ahead through
 * the materialised horizon.
 */
export async function listFeedMoments(scope: { institutionId: number } | { institutionIds: number[] | 'all' }, today: Day): Promise<MomentRow[]> {
  const sequelize = await db();
  const { where, replacements } = whereOf(scope, {}, today);
  const recent = `(m.due_on >= :since OR (m.rendered_on IS NULL AND m.waived_on IS NULL))`;
  const rows = await sequelize.query<RawMoment>(
    `${SELECT} ${FROM} ${where ? `${where} AND` : 'WHERE'} ${recent} ORDER BY m.due_on ASC, m.id ASC LIMIT :limit`,
    { replacements: { ...replacements, since: addDays(today, -366), limit: MOMENT_EXPORT_LIMIT }, type: QueryTypes.SELECT },
  );
  return withLinks(rows);
}

/** One moment of this institution, with its obligation's facts and its evidence; null for another's id. */
export async function getMoment(institutionId: number, momentId: number, today: Day) {
  const sequelize = await db();
  const rows = await sequelize.query<RawMoment>(`${SELECT} ${FROM} WHERE m.institution_id = :institutionId AND m.id = :momentId`, {
    replacements: { institutionId, momentId, today },
    type: QueryTypes.SELECT,
  });
  if (rows.length === 0) return null;
  const [moment] = await withLinks(rows);
  const stored = await ReportingMoment.findOne({
    where: { id: momentId, institutionId },
    include: [
      { model: User, as: 'renderedBy', attributes: ['id', 'name'] },
      { model: User, as: 'waivedBy', attributes: ['id', 'name'] },
      { model: Obligation, as: 'obligation', attributes: ['leadTimeDays', 'basis', 'reportsOn'] },
    ],
  });
  const evidence = await listAttachments({ institutionId, reportingMomentId: momentId });
  const obligation = stored!.get('obligation') as Obligation;
  return {
    ...moment,
    note: stored!.note,
    renderedBy: (stored!.get('renderedBy') as User | null) ? { id: stored!.renderedByUserId!, name: (stored!.get('renderedBy') as User).name } : null,
    waivedBy: (stored!.get('waivedBy') as User | null)?.name ?? null,
    waiveReason: stored!.waiveReason,
    leadTimeDays: obligation.leadTimeDays,
    basis: obligation.basis,
    reportsOn: obligation.reportsOn as ReportsOn,
    evidence,
  };
}
export type MomentDetail = NonNullable<Awaited<ReturnType<typeof getMoment>>>;

/** The most entries a calendar filter offers as a select; beyond it the search field is the way in. */
export const SHORT_OPTION_LIST = 50;

/**
 * One of the calendar's obligation and stakeholder filters: the chosen one (a link from the
 * obligation page carries its id; `label` is null for an id that is not this institution's), or
 * else what a select may offer — null when there are more than SHORT_OPTION_LIST, because nobody
 * picks from 750 names and sending them cost most of the page.
 */
export type MomentFilterPicker = { chosen: { id: number; label: string | null } | null; options: Option[] | null };

/**
 * The calendar's obligation and stakeholder filters. The options are those of the moments the
 * page's other filters select (the shown month, the status, the person, the search, the other one
 * of the two), so none of them leads to an empty page; read with a LIMIT one past the bound, so a
 * large institution costs 51 rows, not a thousand.
 */
export async function listMomentFilterOptions(
  institutionId: number, filters: MomentFilters, today: Day,
): Promise<{ obligation: MomentFilterPicker; stakeholder: MomentFilterPicker }> {
  const sequelize = await db();
  const scope = { institutionId };
  const select = (sql: string, replacements: Record<string, unknown>) =>
    sequelize.query<{ id: number; label: string }>(sql, { replacements, type: QueryTypes.SELECT });
  const chosen = async (table: 'obligations' | 'stakeholders', column: 'title' | 'name', id: number) => {
    const [row] = await select(`SELECT id, ${column} AS label FROM ${table} WHERE id = :id AND institution_id = :institutionId`, { id, institutionId });
    return { chosen: { id, label: row?.label ?? null }, options: null };
  };
  const options = async (sql: string, replacements: Record<string, unknown>) => {
    const rows = await select(`${sql} LIMIT ${SHORT_OPTION_LIST + 1}`, replacements);
    return { chosen: null, options: rows.length > SHORT_OPTION_LIST ? null : rows.map((r) => ({ id: Number(r.id), label: r.label })) };
  };
  // Each list reads the moments under every filter but its own (so choosing one narrows the other).
  const obligationMoments = whereOf(scope, { ...filters, obligationId: undefined }, today);
  const stakeholderMoments = whereOf(scope, { ...filters, stakeholderId: undefined }, today);
  const [obligation, stakeholder] = await Promise.all([
    filters.obligationId ? chosen('obligations', 'title', filters.obligationId) : options(
      `SELECT o.id, o.title AS label FROM obligations o WHERE o.institution_id = :institutionId
        AND o.id IN (SELECT m.obligation_id FROM reporting_moments m ${obligationMoments.where}) ORDER BY o.title, o.id`,
      obligationMoments.replacements,
    ),
    filters.stakeholderId ? chosen('stakeholders', 'name', filters.stakeholderId) : options(
      `SELECT s.id, s.name AS label FROM stakeholders s WHERE s.institution_id = :institutionId
        AND s.id IN (SELECT os.stakeholder_id FROM obligation_stakeholders os WHERE os.obligation_id IN (
          SELECT m.obligation_id FROM reporting_moments m ${stakeholderMoments.where})) ORDER BY s.name, s.id`,
      stakeholderMoments.replacements,
    ),
  ]);
  return { obligation, stakeholder };
}

/** The institutions a user may see in a feed: their memberships now (admins: every one). */
export async function feedScopeOf(user: { id: number; isAdmin: boolean }): Promise<number[] | 'all'> {
  if (user.isAdmin) return 'all';
  const rows = await Institution.findAll({
    where: { active: true },
    attributes: ['id'],
    include: [{ association: 'memberships', where: { userId: user.id }, attributes: [] }],
  });
  return rows.map((r) => r.id);
}

/** Everything the obligation form offers to pick from, each scoped to the institution. */
export async function getObligationFormOptions(institutionId: number) {
  const [stakeholders, members, agreements, provisions] = await Promise.all([
    listStakeholderOptions(institutionId),
    listMemberOptions(institutionId, WRITE_ROLES),
    listAgreementOptions(institutionId),
    listProvisionOptions(institutionId),
  ]);
  return { stakeholders, members, agreements, provisions };
}
