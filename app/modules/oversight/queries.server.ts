import { momentStatusSql } from '~/modules/obligations/rules';
import type { Role } from '~/modules/auth/policy';
import type { Sector } from '~/modules/institutions/schema';
import { db, QueryTypes } from '~/utils/db.server';
import type { Day } from '~/utils/dates';
import type { ListParams, Page } from '~/utils/list-params';
import {
  emptyCounts, evidenceReplacements, STATEMENT_FLAGS, statementFlagSql, type StatementFlag, type StatementStatus, type StatusCounts,
} from '~/modules/governance/rules';
import {
  complianceShareSql, everOverdueSql, overdueOnSql, REVIEW_STATUSES, statusCountSql, trendDays, type TrendPoint,
} from './rules';
import type { InstitutionSort } from './schema';

/**
 * Reads for the supervisor dashboard. Every widget is one aggregate statement over the user's
 * scope — the institutions of their memberships (administrators: every active one), narrowed by
 * sector — so the cost does not grow with a query per institution. The scope is a CTE that
 * every statement starts from: nothing outside it is ever counted.
 */

export type OversightScope = { userId: number; all: boolean; sector?: Sector };

type LocalisedText = { nl: string; en: string };

type Replacements = Record<string, unknown>;

function scopeCte(scope: OversightScope): { cte: string; replacements: Replacements } {
  // Administrators see every active institution, with their own role where they have a membership.
  const join = scope.all ? 'LEFT JOIN' : 'JOIN';
  const sector = scope.sector ? ' AND i.sector = :sector' : '';
  return {
    cte: `scope AS (
      SELECT i.id, i.name, i.sector, COALESCE(ms.role, 'admin') AS role
      FROM institutions i ${join} memberships ms ON ms.institution_id = i.id AND ms.user_id = :userId
      WHERE i.active = :yes${sector})`,
    replacements: { userId: scope.userId, yes: true, ...(scope.sector ? { sector: scope.sector } : {}) },
  };
}

// Counts per institution of its statements for the year (index institution_id, year, status).
const STATEMENT_COUNTS = `st AS (
  SELECT s.institution_id, COUNT(*) AS total,
    ${statusCountSql('s.status', 'complies')} AS complies,
    ${statusCountSql('s.status', 'partially')} AS partially,
    ${statusCountSql('s.status', 'explains')} AS explains,
    ${statusCountSql('s.status', 'not-applicable')} AS not_applicable,
    ${statusCountSql('s.status', 'not-assessed')} AS not_assessed
  FROM compliance_statements s
  WHERE s.year = :year AND s.institution_id IN (SELECT id FROM scope)
  GROUP BY s.institution_id)`;

// Only open moments whose reminder day has come can be due soon or overdue: the partial index
// (institution_id, remind_from) WHERE open reads just those, and the status twin sorts them.
const STATUS = momentStatusSql('m');
const OPEN_MOMENT_COUNTS = `mo AS (
  SELECT m.institution_id,
    SUM(CASE WHEN ${STATUS} = 'overdue' THEN 1 ELSE 0 END) AS overdue,
    SUM(CASE WHEN ${STATUS} = 'due-soon' THEN 1 ELSE 0 END) AS due_soon
  FROM reporting_moments m
  WHERE m.rendered_on IS NULL AND m.waived_on IS NULL AND m.remind_from <= :today
    AND m.institution_id IN (SELECT id FROM scope)
  GROUP BY m.institution_id)`;

const INSTITUTION_SHARE = complianceShareSql({ total: 'st.total', complies: 'st.complies', partially: 'st.partially', notApplicable: 'st.not_applicable' });

const FROM_SCOPE = `FROM scope sc
  LEFT JOIN st ON st.institution_id = sc.id
  LEFT JOIN mo ON mo.institution_id = sc.id
  LEFT JOIN compliance_years cy ON cy.institution_id = sc.id AND cy.year = :year`;

// Whitelisted: the sort key never reaches SQL as text. A missing share sorts last either way.
const SORT_SQL: Record<InstitutionSort, (dir: 'ASC' | 'DESC') => string> = {
  name: (dir) => `sc.name ${dir}`,
  share: (dir) => `CASE WHEN ${INSTITUTION_SHARE} IS NULL THEN 1 ELSE 0 END ASC, ${INSTITUTION_SHARE} ${dir}`,
  deviations: (dir) => `COALESCE(st.explains, 0) + COALESCE(st.partially, 0) ${dir}`,
  overdue: (dir) => `COALESCE(mo.overdue, 0) ${dir}`,
  dueSoon: (dir) => `COALESCE(mo.due_soon, 0) ${dir}`,
  approved: (dir) => `CASE WHEN cy.approved_at IS NULL THEN 0 ELSE 1 END ${dir}`,
};

async function select<T extends object>(sql: string, replacements: Replacements): Promise<T[]> {
  const sequelize = await db();
  return sequelize.query<T>(sql, { replacements, type: QueryTypes.SELECT });
}

// PostgreSQL returns COUNT/SUM as strings (bigint) and JSON parsed; SQLite numbers and JSON text.
const int = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));
const shareOf = (value: unknown) => (value === null || value === undefined ? null : Number(value));
const text = (value: unknown): LocalisedText => (typeof value === 'string' ? JSON.parse(value) : value) as LocalisedText;
const instant = (value: unknown): string | null => (value === null || value === undefined ? null : new Date(value as string | Date).toISOString());

// ---------------------------------------------------------------------------------------------
// Institutions

export type OversightInstitutionRow = {
  id: number;
  name: string;
  sector: Sector;
  role: Role | 'admin';
  counts: StatusCounts;
  statements: number;
  share: number | null;
  deviations: number;
  approvedAt: string | null;
  overdue: number;
  dueSoon: number;
};

type RawInstitutionRow = {
  id: number | null; name: string; sector: Sector; role: Role | 'admin'; total: unknown; complies: unknown; partially: unknown;
  explains: unknown; not_applicable: unknown; not_assessed: unknown; share: unknown; approved_at: unknown; overdue: unknown; due_soon: unknown;
};

/**
 * One page of the institution table — per institution its compliance share for the year (in
 * SQL), whether the year is approved, its deviations, and its overdue and due-soon moments today —
 * and the same facts summed over the whole scope, in one statement: the per-institution facts are
 * ranked once, the totals read all of them and the page a slice. The totals row comes back even
 * when the page is empty (past the end, or nothing in scope).
 */
export async function listOversightInstitutions(
  scope: OversightScope, year: number, today: Day, params: Pick<ListParams<InstitutionSort>, 'sort' | 'dir' | 'perPage' | 'offset'>,
): Promise<Page<OversightInstitutionRow> & { totals: OversightTotals }> {
  const { cte, replacements } = scopeCte(scope);
  const dir = params.dir === 'desc' ? 'DESC' : 'ASC';
  const pooledShare = complianceShareSql({
    total: 'SUM(total)', complies: 'SUM(complies)', partially: 'SUM(partially)', notApplicable: 'SUM(not_applicable)',
  });
  const rows = await select<RawInstitutionRow & Record<`t_${string}`, unknown>>(
    `WITH ${cte}, ${STATEMENT_COUNTS}, ${OPEN_MOMENT_COUNTS},
    ranked AS (
      SELECT sc.id, sc.name, sc.sector, sc.role, st.total, st.complies, st.partially, st.explains, st.not_applicable, st.not_assessed,
        ${INSTITUTION_SHARE} AS share, cy.approved_at, mo.overdue, mo.due_soon,
        ROW_NUMBER() OVER (ORDER BY ${SORT_SQL[params.sort](dir)}, sc.name ASC, sc.id ASC) AS row_rank
      ${FROM_SCOPE}),
    totals AS (
      SELECT COUNT(*) AS t_institutions, SUM(CASE WHEN total > 0 THEN 1 ELSE 0 END) AS t_reporting,
        SUM(CASE WHEN approved_at IS NULL THEN 0 ELSE 1 END) AS t_approved, SUM(total) AS t_statements, ${pooledShare} AS t_share,
        SUM(COALESCE(explains, 0) + COALESCE(partially, 0)) AS t_deviations, SUM(overdue) AS t_overdue, SUM(due_soon) AS t_due_soon
      FROM ranked)
    SELECT totals.*, r.*
    FROM totals LEFT JOIN ranked r ON r.row_rank > :offset AND r.row_rank <= :end
    ORDER BY r.row_rank ASC`,
    { ...replacements, year, today, offset: params.offset, end: params.offset + params.perPage },
  );
  const first = rows[0];
  const totals: OversightTotals = {
    institutions: int(first?.t_institutions), reporting: int(first?.t_reporting), approved: int(first?.t_approved),
    statements: int(first?.t_statements), share: shareOf(first?.t_share), deviations: int(first?.t_deviations),
    overdue: int(first?.t_overdue), dueSoon: int(first?.t_due_soon),
  };
  return {
    total: totals.institutions,
    totals,
    rows: rows.filter((r) => r.id !== null).map((r) => {
      const counts: StatusCounts = {
        complies: int(r.complies), partially: int(r.partially), explains: int(r.explains),
        'not-applicable': int(r.not_applicable), 'not-assessed': int(r.not_assessed),
      };
      return {
        id: Number(r.id), name: r.name, sector: r.sector, role: r.role, counts, statements: int(r.total), share: shareOf(r.share),
        deviations: counts.explains + counts.partially, approvedAt: instant(r.approved_at), overdue: int(r.overdue), dueSoon: int(r.due_soon),
      };
    }),
  };
}

export type OversightTotals = {
  institutions: number;
  /** Institutions with at least one statement for the year. */
  reporting: number;
  approved: number;
  statements: number;
  share: number | null;
  deviations: number;
  overdue: number;
  dueSoon: number;
};

/**
 * The year the dashboard opens on: the latest year up to `notAfter` for which an institution in
 * scope has statements (one index seek per institution), else `notAfter`.
 */
export async function getDefaultYear(scope: OversightScope, notAfter: number): Promise<number> {
  const { cte, replacements } = scopeCte(scope);
  const [row] = await select<{ year: unknown }>(
    `WITH ${cte}
    SELECT MAX((SELECT MAX(s.year) FROM compliance_statements s WHERE s.institution_id = sc.id AND s.year <= :notAfter)) AS year
    FROM scope sc`,
    { ...replacements, notAfter },
  );
  return row?.year === null || row?.year === undefined ? notAfter : Number(row.year);
}

// ---------------------------------------------------------------------------------------------
// Overdue trend

export type TrendRow = TrendPoint & { overdue: number };

/**
 * Per month, how many moments in scope were overdue at its end (today for the current month).
 * A moment counts in every month whose end found it past due and not yet rendered or waived.
 * Read from the index of moments that were ever overdue, in two parts so the per-month test runs
 * only where it can differ: the backlog still open since before the first month's end counts in
 * every month (a plain index count); the rest — due since, or closed late since — month by month.
 */
export async function getOverdueTrend(scope: OversightScope, today: Day): Promise<TrendRow[]> {
  const points = trendDays(today);
  const { cte, replacements } = scopeCte(scope);
  const days = Object.fromEntries(points.map((p, i) => [`d${i}`, p.asOf]));
  const columns = points.map((_, i) => `SUM(CASE WHEN ${overdueOnSql('m', `d${i}`)} THEN 1 ELSE 0 END) AS p${i}`).join(',\n      ');
  const last = `d${points.length - 1}`;
  const open = (a: string) => `${a}.rendered_on IS NULL AND ${a}.waived_on IS NULL`;
  const [row] = await select<Record<string, unknown>>(
    `WITH ${cte}
    SELECT
      (SELECT COUNT(*) FROM reporting_moments b
       WHERE b.institution_id IN (SELECT id FROM scope) AND ${everOverdueSql('b')} AND ${open('b')} AND b.due_on < :d0) AS backlog,
      ${columns}
    FROM reporting_moments m
    WHERE m.institution_id IN (SELECT id FROM scope) AND ${everOverdueSql('m')} AND m.due_on < :${last}
      AND (m.rendered_on IS NULL OR m.rendered_on > :d0) AND (m.waived_on IS NULL OR m.waived_on > :d0)
      AND NOT (${open('m')} AND m.due_on < :d0)`,
    { ...replacements, ...days },
  );
  const backlog = int(row?.backlog);
  return points.map((p, i) => ({ ...p, overdue: backlog + int(row?.[`p${i}`]) }));
}

// ---------------------------------------------------------------------------------------------
// Codes and the heat map

export type OversightCode = {
  id: number; key: string; version: string; title: LocalisedText; coverage: 'complete' | 'partial';
  /** Institutions in scope with statements under this code for the year. */
  institutions: number;
};

/** The code versions institutions in scope made statements under for the year, most shared first. */
export async function listOversightCodes(scope: OversightScope, year: number): Promise<OversightCode[]> {
  const { cte, replacements } = scopeCte(scope);
  const rows = await select<Record<string, unknown>>(
    `WITH ${cte}
    SELECT g.id, g.key, g.version, g.title, g.coverage, c.institutions
    FROM (SELECT s.code_id, COUNT(DISTINCT s.institution_id) AS institutions
          FROM compliance_statements s
          WHERE s.year = :year AND s.institution_id IN (SELECT id FROM scope)
          GROUP BY s.code_id) c
    JOIN governance_codes g ON g.id = c.code_id
    ORDER BY c.institutions DESC, g.key ASC, g.version DESC`,
    { ...replacements, year },
  );
  return rows.map((r) => ({
    id: Number(r.id), key: String(r.key), version: String(r.version), title: text(r.title),
    coverage: r.coverage as OversightCode['coverage'], institutions: int(r.institutions),
  }));
}

/** A row of the heat map: a provision, or a principle whose provisions the library does not list. */
export type HeatMapTarget = {
  key: string;
  provisionId: number | null;
  principleId: number;
  number: string;
  title: LocalisedText;
  /** Statements per status across every institution in scope, for the row's totals. */
  counts: StatusCounts;
};

export type HeatMap = {
  targets: HeatMapTarget[];
  /** This page's institutions (columns), by name. */
  columns: { id: number; name: string }[];
  /** `${targetKey}:${institutionId}` → status. */
  cells: Record<string, StatementStatus>;
};

export const targetKey = (provisionId: number | null, principleId: number | null) =>
  provisionId !== null ? `provision-${provisionId}` : `principle-${principleId}`;

/**
 * Provisions × institutions for one code version and year: the code's provisions in the code's
 * order, each with its status counts over the whole scope (one GROUP BY), and the statuses of one
 * page of institutions sharing the code (one query for the page's cells).
 */
export async function getHeatMap(
  scope: OversightScope, codeId: number, year: number, page: { limit: number; offset: number },
): Promise<HeatMap> {
  const { cte, replacements } = scopeCte(scope);
  const shared = { ...replacements, codeId, year };
  const [targets, counts, cells] = await Promise.all([
    select<Record<string, unknown>>(
      `SELECT pr.id AS principle_id, pr.number AS principle_number, pr.title AS principle_title,
        p.id AS provision_id, p.number AS provision_number, p.title AS provision_title
      FROM code_principles pr LEFT JOIN code_provisions p ON p.principle_id = pr.id
      WHERE pr.code_id = :codeId
      ORDER BY pr.position ASC, pr.id ASC, p.position ASC, p.id ASC`,
      { codeId },
    ),
    select<Record<string, unknown>>(
      `WITH ${cte}
      SELECT s.provision_id, s.principle_id, s.status, COUNT(*) AS n
      FROM compliance_statements s
      WHERE s.code_id = :codeId AND s.year = :year AND s.institution_id IN (SELECT id FROM scope)
      GROUP BY s.provision_id, s.principle_id, s.status`,
      shared,
    ),
    select<Record<string, unknown>>(
      `WITH ${cte}, cols AS (
        SELECT sc.id, sc.name FROM scope sc
        WHERE EXISTS (SELECT 1 FROM compliance_statements s WHERE s.institution_id = sc.id AND s.year = :year AND s.code_id = :codeId)
        ORDER BY sc.name ASC, sc.id ASC LIMIT :limit OFFSET :offset)
      SELECT cols.id AS institution_id, cols.name AS institution_name, s.provision_id, s.principle_id, s.status
      FROM cols JOIN compliance_statements s ON s.institution_id = cols.id AND s.year = :year AND s.code_id = :codeId
      ORDER BY cols.name ASC, cols.id ASC`,
      { ...shared, limit: page.limit, offset: page.offset },
    ),
  ]);

  const countsByTarget = new Map<string, StatusCounts>();
  for (const r of counts) {
    const key = targetKey(r.provision_id === null ? null : Number(r.provision_id), r.principle_id === null ? null : Number(r.principle_id));
    const entry = countsByTarget.get(key) ?? emptyCounts();
    entry[r.status as StatementStatus] += int(r.n);
    countsByTarget.set(key, entry);
  }
  const columns = new Map<number, { id: number; name: string }>();
  const cellMap: Record<string, StatementStatus> = {};
  for (const r of cells) {
    const institutionId = Number(r.institution_id);
    if (!columns.has(institutionId)) columns.set(institutionId, { id: institutionId, name: String(r.institution_name) });
    const key = targetKey(r.provision_id === null ? null : Number(r.provision_id), r.principle_id === null ? null : Number(r.principle_id));
    cellMap[`${key}:${institutionId}`] = r.status as StatementStatus;
  }
  return {
    targets: targets.map((r) => {
      const provisionId = r.provision_id === null ? null : Number(r.provision_id);
      const key = targetKey(provisionId, Number(r.principle_id));
      return {
        key,
        provisionId,
        principleId: Number(r.principle_id),
        number: String(provisionId === null ? r.principle_number : r.provision_number),
        title: text(provisionId === null ? r.principle_title : r.provision_title),
        counts: countsByTarget.get(key) ?? emptyCounts(),
      };
    }),
    columns: [...columns.values()],
    cells: cellMap,
  };
}

// ---------------------------------------------------------------------------------------------
// Deviations to review

export type DeviationRow = {
  statementId: number;
  institutionId: number;
  institutionName: string;
  code: { id: number; key: string; version: string; title: LocalisedText };
  provisionId: number | null;
  principleId: number | null;
  number: string;
  title: LocalisedText;
  status: StatementStatus;
  /** The first part of the explanation; `truncated` when there is more. */
  explanation: string | null;
  truncated: boolean;
  needsReview: boolean;
  /** The compliance area's review flags (statementFlags), for this statement. */
  flags: StatementFlag[];
};

const EXCERPT = 240;

/**
 * The flags of some statements, by id: the compliance area's SQL twins of statementFlags, over
 * one page of the list only (evidence health reads moments per statement).
 */
async function flagsOf(statementIds: number[], year: number, today: Day): Promise<Map<number, StatementFlag[]>> {
  const map = new Map<number, StatementFlag[]>();
  if (statementIds.length === 0) return map;
  const conditions = statementFlagSql({ statement: 's', provision: 'p', principle: 'pr' });
  const rows = await select<Record<string, unknown>>(
    `SELECT s.id, ${STATEMENT_FLAGS.map((flag, i) => `CASE WHEN ${conditions[flag]} THEN 1 ELSE 0 END AS f${i}`).join(', ')}
    FROM compliance_statements s
    LEFT JOIN code_provisions p ON p.id = s.provision_id
    LEFT JOIN code_principles pr ON pr.id = s.principle_id
    WHERE s.id IN (:statementIds)`,
    { statementIds, ...evidenceReplacements(year, today) },
  );
  for (const r of rows) map.set(Number(r.id), STATEMENT_FLAGS.filter((_, i) => int(r[`f${i}`]) === 1));
  return map;
}

/** The statements in scope that deviate (explains) or comply in part for the year, by institution and the code's order. */
export async function listDeviations(
  scope: OversightScope, year: number, today: Day, page: { limit: number; offset: number },
): Promise<Page<DeviationRow>> {
  const { cte, replacements } = scopeCte(scope);
  const shared = { ...replacements, year, statuses: [...REVIEW_STATUSES] };
  const where = 's.year = :year AND s.status IN (:statuses) AND s.institution_id IN (SELECT id FROM scope)';
  const [rows, [count]] = await Promise.all([
    select<Record<string, unknown>>(
      `WITH ${cte}
      SELECT s.id, s.institution_id, sc.name AS institution_name, g.id AS code_id, g.key AS code_key, g.version AS code_version,
        g.title AS code_title, s.provision_id, s.principle_id, COALESCE(p.number, pr.number) AS number,
        COALESCE(p.title, pr.title) AS title, s.status, SUBSTR(s.explanation, 1, ${EXCERPT + 1}) AS explanation, s.needs_review
      FROM compliance_statements s
      JOIN scope sc ON sc.id = s.institution_id
      JOIN governance_codes g ON g.id = s.code_id
      LEFT JOIN code_provisions p ON p.id = s.provision_id
      JOIN code_principles pr ON pr.id = COALESCE(p.principle_id, s.principle_id)
      WHERE ${where}
      ORDER BY sc.name ASC, s.institution_id ASC, g.key ASC, g.version ASC, pr.position ASC, COALESCE(p.position, -1) ASC, s.id ASC
      LIMIT :limit OFFSET :offset`,
      { ...shared, limit: page.limit, offset: page.offset },
    ),
    select<{ n: unknown }>(`WITH ${cte} SELECT COUNT(*) AS n FROM compliance_statements s WHERE ${where}`, shared),
  ]);
  const flags = await flagsOf(rows.map((r) => Number(r.id)), year, today);
  return {
    total: int(count?.n),
    rows: rows.map((r) => {
      const explanation = r.explanation === null ? null : String(r.explanation);
      return {
        statementId: Number(r.id),
        institutionId: Number(r.institution_id),
        institutionName: String(r.institution_name),
        code: { id: Number(r.code_id), key: String(r.code_key), version: String(r.code_version), title: text(r.code_title) },
        provisionId: r.provision_id === null ? null : Number(r.provision_id),
        principleId: r.principle_id === null ? null : Number(r.principle_id),
        number: String(r.number),
        title: text(r.title),
        status: r.status as StatementStatus,
        explanation: explanation === null ? null : explanation.slice(0, EXCERPT),
        truncated: explanation !== null && explanation.length > EXCERPT,
        needsReview: Boolean(r.needs_review),
        flags: flags.get(Number(r.id)) ?? [],
      };
    }),
  };
}
