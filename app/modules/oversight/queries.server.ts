import { momentStatusSql } from '~/modules/obligations/rules';
import type { Role } from '~/modules/auth/policy';
import type { Sector } from '~/modules/institutions/schema';
import { db, QueryTypes } from '~/utils/db.server';
import type { Day } from '~/utils/dates';
import type { ListParams, Page } from '~/utils/list-params';
import {
  emptyCounts, evidenceHealthOfSql, evidenceReplacements, momentsInScopeSql, STATEMENT_FLAGS, statementFlagSql, type StatementFlag,
  type StatementStatus, type StatusCounts,
} from '~/modules/governance/rules';
import {
  complianceShareSql, everOverdueSql, REVIEW_STATUSES, statusCountSql, trendDays, type TrendPoint,
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
// PostgreSQL may hand a DATE back as a Date at midnight UTC; either way the day is the first ten characters.
const dayText = (value: unknown): Day => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));
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
 * A moment counts in every month whose end found it past due and not yet rendered or waived
 * (overdueOnSql). Such a moment is overdue from its due day until the day it was closed, so the
 * count at a day is: the backlog still open since before the first month's end, plus the other
 * moments due before that day, minus those of them closed by it. The database counts per due day
 * and per closing day (two GROUP BYs) and the months are summed here; each part reads a range of a
 * partial index: open moments by reminder day, moments ever overdue by due day inside the window,
 * and those due before it but rendered or waived late inside it by the day they were closed.
 * Testing every moment against every month's end instead cost 24 comparisons per moment.
 */
export async function getOverdueTrend(scope: OversightScope, today: Day): Promise<TrendRow[]> {
  const points = trendDays(today);
  const { cte, replacements } = scopeCte(scope);
  const inScope = (a: string) => `${a}.institution_id IN (SELECT id FROM scope)`;
  const moment = (a: string) => `SELECT ${a}.due_on, ${a}.rendered_on, ${a}.waived_on FROM reporting_moments ${a}`;
  const closedOn = 'COALESCE(m.rendered_on, m.waived_on)';
  const rows = await select<{ kind: 'backlog' | 'due' | 'closed'; day: unknown; n: unknown }>(
    `WITH ${cte},
    changing AS MATERIALIZED (
      ${moment('w')} WHERE ${inScope('w')} AND ${everOverdueSql('w')} AND w.due_on >= :first AND w.due_on < :last
      UNION ALL
      ${moment('r')} WHERE ${inScope('r')} AND r.rendered_on > r.due_on AND r.rendered_on > :first AND r.due_on < :first
      UNION ALL
      ${moment('v')} WHERE ${inScope('v')} AND v.waived_on > v.due_on AND v.waived_on > :first AND v.due_on < :first
    )
    SELECT 'backlog' AS kind, NULL AS day, COUNT(*) AS n FROM reporting_moments b
      WHERE ${inScope('b')} AND b.rendered_on IS NULL AND b.waived_on IS NULL AND b.remind_from < :first AND b.due_on < :first
    UNION ALL
    SELECT 'due' AS kind, m.due_on AS day, COUNT(*) AS n FROM changing m GROUP BY m.due_on
    UNION ALL
    SELECT 'closed' AS kind, ${closedOn} AS day, COUNT(*) AS n FROM changing m
      WHERE m.rendered_on IS NOT NULL OR m.waived_on IS NOT NULL GROUP BY ${closedOn}`,
    { ...replacements, first: points[0]!.asOf, last: points[points.length - 1]!.asOf },
  );
  const backlog = int(rows.find((r) => r.kind === 'backlog')?.n);
  const byDay = (kind: 'due' | 'closed') => rows.filter((r) => r.kind === kind).map((r) => ({ day: dayText(r.day), n: int(r.n) }));
  const due = byDay('due');
  const closed = byDay('closed');
  const sum = (list: { day: Day; n: number }[], counts: (day: Day) => boolean) => list.reduce((total, r) => total + (counts(r.day) ? r.n : 0), 0);
  // Every moment in `changing` was closed (if at all) after its due day, so one closed by a day was due before it.
  return points.map((p) => ({ ...p, overdue: backlog + sum(due, (day) => day < p.asOf) - sum(closed, (day) => day <= p.asOf) }));
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
// Deviations and flags to review

export type ReviewRow = {
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
  /** The compliance area's review flags (statementFlags) that this statement raises. */
  flags: StatementFlag[];
};

/** What the review list holds over the whole scope, whatever the page or the flag filter. */
export type ReviewCounts = {
  /** Statements listed for review: deviating or partial, or flagged. */
  statements: number;
  /** Of those, the ones that explain a deviation or comply in part. */
  deviations: number;
  /** Statements raising each flag. */
  flags: Record<StatementFlag, number>;
};

const EXCERPT = 240;

// The flags' columns f0…f3, in STATEMENT_FLAGS' order: fixed names, never user input.
const FLAG_COLUMNS = STATEMENT_FLAGS.map((_, i) => `f${i}`);
const flagColumn = (flag: StatementFlag) => FLAG_COLUMNS[STATEMENT_FLAGS.indexOf(flag)]!;

/**
 * One page of what a supervisor should look at for the year: every statement in scope that
 * explains a deviation or complies in part (REVIEW_STATUSES), or raises one of the compliance
 * area's flags (its SQL twins of statementFlags: "complies" with overdue or missing evidence, a
 * mandatory provision not complied with, an explanation shorter than a sentence), each row with
 * its flags; `flag` narrows the page to the statements raising that flag. One statement:
 * - `evidence`: each statement's evidence health, worked out for all of them at once — the
 *   year's moments of the institutions in scope joined to the statements they speak for
 *   (momentsInScopeSql, read from an index), grouped per statement (evidenceHealthOfSql). A
 *   subquery per statement would read an institution's moments of the year again for each one;
 * - `flagged`: the flags of each statement over that health (and its principle in the code, by
 *   id, so the ranking joins by a column: on an expression SQLite scanned every principle);
 * - `review`: what gets listed; the counts read all of it, the ranking orders it, and only the
 *   page's rows are joined to their names, titles and explanations. The counts come back even
 *   when the page is empty.
 */
export async function listToReview(
  scope: OversightScope, year: number, today: Day, page: { limit: number; offset: number; flag?: StatementFlag },
): Promise<Page<ReviewRow> & { counts: ReviewCounts }> {
  const { cte, replacements } = scopeCte(scope);
  const inScope = (alias: string) => `${alias}.year = :year AND ${alias}.institution_id IN (SELECT id FROM scope)`;
  // The statement's own principle (`sp`) carries the regime of a principle without listed provisions.
  const conditions = statementFlagSql({ statement: 's', provision: 'p', principle: 'sp' }, { health: 'ev.health' });
  const flagSelect = STATEMENT_FLAGS.map((flag, i) => `CASE WHEN ${conditions[flag]} THEN 1 ELSE 0 END AS ${FLAG_COLUMNS[i]}`).join(',\n        ');
  const deviating = 'r.status IN (:statuses)';
  const listed = page.flag ? `r.${flagColumn(page.flag)} = 1` : '1 = 1';
  const rows = await select<Record<string, unknown>>(
    `WITH ${cte},
    evidence AS (
      SELECT s.id, ${evidenceHealthOfSql('x.status')} AS health
      FROM compliance_statements s
      LEFT JOIN (${momentsInScopeSql('xs', inScope('xs'), { many: true })}) x ON x.statement_id = s.id
      WHERE ${inScope('s')}
      GROUP BY s.id),
    flagged AS (
      SELECT s.id, s.institution_id, s.code_id, s.provision_id, s.principle_id, s.status, s.needs_review,
        COALESCE(p.principle_id, s.principle_id) AS owner_principle_id,
        ${flagSelect}
      FROM compliance_statements s
      JOIN evidence ev ON ev.id = s.id
      LEFT JOIN code_provisions p ON p.id = s.provision_id
      LEFT JOIN code_principles sp ON sp.id = s.principle_id),
    review AS (
      SELECT r.* FROM flagged r WHERE ${deviating} OR ${FLAG_COLUMNS.map((f) => `r.${f} = 1`).join(' OR ')}),
    totals AS (
      SELECT COUNT(*) AS t_statements, SUM(CASE WHEN ${deviating} THEN 1 ELSE 0 END) AS t_deviations,
        SUM(CASE WHEN ${listed} THEN 1 ELSE 0 END) AS t_listed,
        ${FLAG_COLUMNS.map((f) => `SUM(r.${f}) AS t_${f}`).join(', ')}
      FROM review r),
    ranked AS (
      SELECT r.*, ROW_NUMBER() OVER (
          ORDER BY sc.name ASC, r.institution_id ASC, g.key ASC, g.version ASC, pr.position ASC, COALESCE(p.position, -1) ASC, r.id ASC
        ) AS row_rank
      FROM review r
      JOIN scope sc ON sc.id = r.institution_id
      JOIN governance_codes g ON g.id = r.code_id
      LEFT JOIN code_provisions p ON p.id = r.provision_id
      JOIN code_principles pr ON pr.id = r.owner_principle_id
      WHERE ${listed})
    SELECT totals.*, x.*, sc.name AS institution_name, g.key AS code_key, g.version AS code_version, g.title AS code_title,
      COALESCE(p.number, pr.number) AS number, COALESCE(p.title, pr.title) AS title, SUBSTR(s.explanation, 1, ${EXCERPT + 1}) AS explanation
    FROM totals
    LEFT JOIN ranked x ON x.row_rank > :offset AND x.row_rank <= :end
    LEFT JOIN compliance_statements s ON s.id = x.id
    LEFT JOIN scope sc ON sc.id = x.institution_id
    LEFT JOIN governance_codes g ON g.id = x.code_id
    LEFT JOIN code_provisions p ON p.id = x.provision_id
    LEFT JOIN code_principles pr ON pr.id = x.owner_principle_id
    ORDER BY x.row_rank ASC`,
    {
      ...replacements, ...evidenceReplacements(year, today), year, statuses: [...REVIEW_STATUSES],
      offset: page.offset, end: page.offset + page.limit,
    },
  );
  const first = rows[0];
  const counts: ReviewCounts = {
    statements: int(first?.t_statements),
    deviations: int(first?.t_deviations),
    flags: Object.fromEntries(STATEMENT_FLAGS.map((flag, i) => [flag, int(first?.[`t_${FLAG_COLUMNS[i]}`])])) as Record<StatementFlag, number>,
  };
  return {
    total: int(first?.t_listed),
    counts,
    rows: rows.filter((r) => r.id !== null && r.id !== undefined).map((r) => {
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
        flags: STATEMENT_FLAGS.filter((_, i) => int(r[FLAG_COLUMNS[i]!]) === 1),
      };
    }),
  };
}
