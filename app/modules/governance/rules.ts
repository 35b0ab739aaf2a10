import { momentStatusSql, type MomentStatus } from '~/modules/obligations/rules';
import { endOfYearDay, startOfYearDay, type Day } from '~/utils/dates';
import { effectiveRegime, REGIMES, type Regime } from './library-schema';

/**
 * Compliance statements: which need an explanation, the compliance share, evidence health and the
 * flags a reviewer looks at. Pure: no I/O, no clock — "today" is passed in. Where a derived value
 * is also used as a filter, its SQL twin sits beside it and a test holds them to the same answer.
 */

export { REGIMES, effectiveRegime, type Regime };

export const STATEMENT_STATUSES = ['complies', 'partially', 'explains', 'not-applicable', 'not-assessed'] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];

/** The statuses that deviate from the code (listed in the jaarverslag with their explanation). */
export const DEVIATING_STATUSES: readonly StatementStatus[] = ['partially', 'explains', 'not-applicable'];

// ---------------------------------------------------------------------------------------------
// Explanations

/**
 * DESIGN.md: an explanation is required for partially, explains and not applicable, and always
 * under apply-and-explain ("explain how it is applied, also when complying"). `not-assessed` says
 * nothing yet, so it asks for nothing yet. `unspecified` counts as comply-or-explain.
 */
export function explanationRequired(status: StatementStatus, regime: Regime): boolean {
  if (status === 'not-assessed') return false;
  if (DEVIATING_STATUSES.includes(status)) return true;
  return effectiveRegime(regime) === 'apply-and-explain';
}

/**
 * "Shorter than a sentence": fewer than this many characters once trimmed. A real explanation
 * names a context and a reason; "Zie jaarverslag." or "n.v.t." does not. Counted in characters
 * (code points), so the SQL twin's LENGTH agrees with it.
 */
export const MIN_EXPLANATION_LENGTH = 30;

export function explanationLength(explanation: string | null | undefined): number {
  return explanation ? [...explanation.trim()].length : 0;
}

export function explanationTooShort(explanation: string | null | undefined): boolean {
  return explanationLength(explanation) < MIN_EXPLANATION_LENGTH;
}

/** The four prompts that guide a good explanation (DESIGN.md), in the order the form shows them. */
export const EXPLANATION_PROMPTS = ['context', 'reasons', 'risks', 'intended'] as const;
export type ExplanationPrompt = (typeof EXPLANATION_PROMPTS)[number];

// ---------------------------------------------------------------------------------------------
// Compliance share

export type StatusCounts = Record<StatementStatus, number>;

export const emptyCounts = (): StatusCounts => ({ complies: 0, partially: 0, explains: 0, 'not-applicable': 0, 'not-assessed': 0 });

export function countStatuses(statuses: readonly StatementStatus[]): StatusCounts {
  const counts = emptyCounts();
  for (const status of statuses) counts[status]++;
  return counts;
}

export function addCounts(a: StatusCounts, b: StatusCounts): StatusCounts {
  const sum = emptyCounts();
  for (const status of STATEMENT_STATUSES) sum[status] = a[status] + b[status];
  return sum;
}

/**
 * DESIGN.md "Rule boundaries": (complies + ½ partially) ÷ (all statements − not applicable);
 * `not-assessed` counts against. Null when nothing counts (no statements, or all not applicable).
 */
export function complianceShare(counts: StatusCounts): number | null {
  const total = STATEMENT_STATUSES.reduce((sum, status) => sum + counts[status], 0);
  const denominator = total - counts['not-applicable'];
  if (denominator <= 0) return null;
  return (counts.complies + counts.partially / 2) / denominator;
}

/** A share as a percentage with one decimal for display (0.8333 → 83.3); null stays null. */
export function sharePercent(share: number | null): number | null {
  return share === null ? null : Math.round(share * 1000) / 10;
}

// ---------------------------------------------------------------------------------------------
// Evidence health

export const EVIDENCE_HEALTHS = ['on-time', 'late', 'overdue', 'none'] as const;
export type EvidenceHealth = (typeof EVIDENCE_HEALTHS)[number];

/**
 * The moments that speak for a statement of year Y: those due in Y of the obligations linked to it
 * (through its provision, or as evidence on the statement), and any moment linked to it directly
 * (someone chose it, whatever its due date).
 */
export type EvidenceTally = { onTime: number; late: number; overdue: number; pending: number };

export function evidenceTally(statuses: readonly MomentStatus[]): EvidenceTally {
  const tally: EvidenceTally = { onTime: 0, late: 0, overdue: 0, pending: 0 };
  for (const status of statuses) {
    if (status === 'rendered') tally.onTime++;
    else if (status === 'rendered-late') tally.late++;
    else if (status === 'overdue') tally.overdue++;
    else if (status === 'planned' || status === 'due-soon') tally.pending++;
    // A waived moment was excused: it proves nothing either way.
  }
  return tally;
}

/**
 * The worst of the moments in scope: overdue, then late, then on time. A moment not yet due
 * (planned, due soon) has not gone wrong, so it counts as on time so far; only waived moments, or
 * none at all, leave the statement without evidence ("none").
 */
export function evidenceHealth(statuses: readonly MomentStatus[]): EvidenceHealth {
  const tally = evidenceTally(statuses);
  if (tally.overdue > 0) return 'overdue';
  if (tally.late > 0) return 'late';
  if (tally.onTime + tally.pending > 0) return 'on-time';
  return 'none';
}

const SQL_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
function identifier(alias: string): string {
  if (!SQL_IDENTIFIER.test(alias)) throw new Error(`Not a table alias: ${JSON.stringify(alias)}`);
  return alias;
}

/** The named replacements the SQL twins read: the statements' year as two days, and today. */
export function evidenceReplacements(year: number, today: Day): { yearStart: Day; yearEnd: Day; today: Day } {
  return { yearStart: startOfYearDay(year), yearEnd: endOfYearDay(year), today };
}

/**
 * The moments in scope of statement `<s>` (see EvidenceTally), three ways onto moment alias `em`:
 * through the provision's obligations, the statement's linked obligations, and its linked
 * moments — each a link table (`links`), how a moment hangs on it (`on`) and the conditions that
 * tie both to the statement (`where`), each index-friendly. The year comes from `:yearStart`/
 * `:yearEnd`, so a query covers statements of one year.
 */
type ScopeSource = { links: string; on: string; where: string };

function scopeSources(s: string): ScopeSource[] {
  const sameInstitution = `em.institution_id = ${s}.institution_id`;
  const inYear = 'em.due_on >= :yearStart AND em.due_on <= :yearEnd';
  return [
    {
      links: 'obligation_provisions eop', on: 'em.obligation_id = eop.obligation_id',
      where: `eop.provision_id = ${s}.provision_id AND ${sameInstitution} AND ${inYear}`,
    },
    {
      links: 'statement_evidence ese', on: 'em.obligation_id = ese.obligation_id',
      where: `ese.statement_id = ${s}.id AND ${sameInstitution} AND ${inYear}`,
    },
    {
      links: 'statement_evidence esm', on: 'em.id = esm.reporting_moment_id',
      where: `esm.statement_id = ${s}.id AND ${sameInstitution}`,
    },
  ];
}

const sourceFrom = (source: ScopeSource) => `${source.links} JOIN reporting_moments em ON ${source.on}`;

/**
 * evidenceHealth's order for the SQL twins: the first health any moment's status gives, worst
 * first; none of these statuses (no moments, or only waived ones) is `none`.
 */
const HEALTH_BY_STATUS: readonly (readonly [Exclude<EvidenceHealth, 'none'>, string])[] = [
  ['overdue', "'overdue'"],
  ['late', "'rendered-late'"],
  ['on-time', "'rendered', 'planned', 'due-soon'"],
];

/**
 * evidenceHealth as SQL over compliance statement alias `<s>`, with `:yearStart`, `:yearEnd` and
 * `:today` (evidenceReplacements). It reuses momentStatusSql, so a moment's status means the same
 * in both places. Portable: the same text runs on SQLite and PostgreSQL. Correlated per
 * statement: for many statements at once, evidenceHealthOfSql over momentsInScopeSql is cheaper.
 */
export function evidenceHealthSql(statementAlias: string): string {
  const s = identifier(statementAlias);
  const status = momentStatusSql('em');
  const any = (statuses: string) =>
    `(${scopeSources(s).map((source) => `EXISTS (SELECT 1 FROM ${sourceFrom(source)} WHERE ${source.where} AND (${status}) IN (${statuses}))`).join(' OR ')})`;
  return `(CASE ${HEALTH_BY_STATUS.map(([health, statuses]) => `WHEN ${any(statuses)} THEN '${health}'`).join(' ')} ELSE 'none' END)`;
}

/**
 * evidenceHealth as an aggregate over the moment statuses in `statusColumn` of one group of rows
 * (a statement's rows of momentsInScopeSql; NULL where a LEFT JOIN found none), for a GROUP BY.
 */
export function evidenceHealthOfSql(statusColumn: string): string {
  const [alias, column, ...rest] = statusColumn.split('.');
  if (rest.length > 0 || !column) throw new Error(`Not a qualified column: ${JSON.stringify(statusColumn)}`);
  const c = `${identifier(alias!)}.${identifier(column)}`;
  const any = (statuses: string) => `SUM(CASE WHEN ${c} IN (${statuses}) THEN 1 ELSE 0 END) > 0`;
  return `(CASE ${HEALTH_BY_STATUS.map(([health, statuses]) => `WHEN ${any(statuses)} THEN '${health}'`).join(' ')} ELSE 'none' END)`;
}

/**
 * The moments in scope of the statements `<s>` that `where` selects (a condition on `<s>`), one
 * row per statement and moment: `statement_id, moment_id, status`. What evidenceTally counts.
 * The join order is fixed (CROSS JOIN, for SQLite's planner): by default the statements first,
 * right for a page of them; `{ many: true }` for many statements at once (a dashboard over
 * hundreds of institutions) starts from the link tables instead, so each link is read once
 * rather than every moment of every institution in scope being matched against the links.
 */
export function momentsInScopeSql(statementAlias: string, where: string, options: { many?: boolean } = {}): string {
  const s = identifier(statementAlias);
  const select = `SELECT ${s}.id AS statement_id, em.id AS moment_id, ${momentStatusSql('em')} AS status`;
  const statements = `compliance_statements ${s}`;
  // UNION (not UNION ALL): a moment reached two ways counts once.
  return scopeSources(s)
    .map((source) => (options.many
      ? `${select} FROM ${source.links} CROSS JOIN reporting_moments em CROSS JOIN ${statements} WHERE ${source.on} AND ${source.where} AND (${where})`
      : `${select} FROM ${statements} CROSS JOIN ${sourceFrom(source)} WHERE ${source.where} AND (${where})`))
    .join(' UNION ');
}

// ---------------------------------------------------------------------------------------------
// Flags

export const STATEMENT_FLAGS = ['evidence-overdue', 'evidence-missing', 'mandatory-not-complied', 'explanation-too-short'] as const;
export type StatementFlag = (typeof STATEMENT_FLAGS)[number];

export type FlagInput = {
  status: StatementStatus;
  regime: Regime;
  explanation: string | null;
  health: EvidenceHealth;
  /** How many evidence links the statement has (obligations, moments, agreements, engagements). */
  evidenceLinks: number;
};

/** What a reviewer should look at; an empty list means nothing to review. */
export function statementFlags(input: FlagInput): StatementFlag[] {
  const flags: StatementFlag[] = [];
  if (input.status === 'complies' && input.health === 'overdue') flags.push('evidence-overdue');
  // Missing: no moment speaks for it and nothing else is linked either.
  if (input.status === 'complies' && input.health === 'none' && input.evidenceLinks === 0) flags.push('evidence-missing');
  if (effectiveRegime(input.regime) === 'mandatory' && (input.status === 'partially' || input.status === 'explains')) {
    flags.push('mandatory-not-complied');
  }
  if (explanationRequired(input.status, input.regime) && explanationTooShort(input.explanation)) flags.push('explanation-too-short');
  return flags;
}

/**
 * The regime a statement is judged by, as SQL: its provision's, else (a principle without listed
 * provisions) its principle's; `unspecified` or absent reads as comply-or-explain.
 */
export function effectiveRegimeSql(provisionAlias: string, principleAlias: string): string {
  const raw = `COALESCE(${identifier(provisionAlias)}.regime, ${identifier(principleAlias)}.regime, 'unspecified')`;
  return `(CASE WHEN ${raw} = 'unspecified' THEN 'comply-or-explain' ELSE ${raw} END)`;
}

/**
 * Each flag of statementFlags as a SQL condition over statement alias `<s>`, the statement's
 * provision alias and its own principle alias (LEFT JOINed on s.provision_id / s.principle_id),
 * with the replacements of evidenceReplacements. `health` is the statement's evidence health as
 * SQL: by default evidenceHealthSql; a query over many statements passes a column it worked out
 * once per statement (evidenceHealthOfSql).
 */
export function statementFlagSql(
  aliases: { statement: string; provision: string; principle: string }, options: { health?: string } = {},
): Record<StatementFlag, string> {
  const s = identifier(aliases.statement);
  const regime = effectiveRegimeSql(aliases.provision, aliases.principle);
  const health = options.health ?? evidenceHealthSql(s);
  const required = `(${s}.status IN ('partially', 'explains', 'not-applicable') OR (${regime} = 'apply-and-explain' AND ${s}.status <> 'not-assessed'))`;
  return {
    'evidence-overdue': `(${s}.status = 'complies' AND ${health} = 'overdue')`,
    'evidence-missing': `(${s}.status = 'complies' AND ${health} = 'none'
      AND NOT EXISTS (SELECT 1 FROM statement_evidence fse WHERE fse.statement_id = ${s}.id))`,
    'mandatory-not-complied': `(${regime} = 'mandatory' AND ${s}.status IN ('partially', 'explains'))`,
    'explanation-too-short': `(${required} AND (${s}.explanation IS NULL OR LENGTH(TRIM(${s}.explanation)) < ${MIN_EXPLANATION_LENGTH}))`,
  };
}

/** Any flag at all, as one SQL condition. */
export function flaggedSql(aliases: { statement: string; provision: string; principle: string }): string {
  return `(${Object.values(statementFlagSql(aliases)).join(' OR ')})`;
}

// ---------------------------------------------------------------------------------------------
// Years and adoptions

/** Whether a span of days (open-ended when `until` is null) touches calendar year `year`. */
export function overlapsYear(from: Day, until: Day | null, year: number): boolean {
  return from <= endOfYearDay(year) && (until === null || until >= startOfYearDay(year));
}

/** The years a compliance year may be kept for (the database's CHECK). */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

export function isComplianceYear(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= FIRST_YEAR && value <= LAST_YEAR;
}

/** What a statement copied from last year starts as: the same words, marked to be reviewed. */
export function copiedStatement(last: { status: StatementStatus; explanation: string | null }) {
  return { status: last.status, explanation: last.explanation, needsReview: true };
}
