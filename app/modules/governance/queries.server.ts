import type { Transaction } from 'sequelize';
import {
  Agreement, CodeAdoption, CodePrinciple, CodeProvision, ComplianceStatement, ComplianceYear, db, Engagement, GovernanceCode,
  Obligation, Op, QueryTypes, ReportingMoment, StatementEvidence, User, dayFromSql, selectRows, type LocalisedText,
} from '~/utils/db.server';
import { endOfYearDay, startOfYearDay, type Day } from '~/utils/dates';
import { momentStatus, type MomentStatus } from '~/modules/obligations/rules';
import type { Coverage, ProvisionTag } from './library-schema';
import type {
  AdoptionRow, CodeShare, CodeSummary, CodeTree, EvidenceLink, EvidenceOption, StatementRow, YearState, YearSummary,
} from './views';
import type { ChapterInput } from './report';
import {
  complianceShare, effectiveRegime, emptyCounts, evidenceHealth, evidenceReplacements, evidenceTally,
  flaggedSql, momentsInScopeSql, overlapsYear, statementFlags, statementFlagSql, evidenceHealthSql,
  STATEMENT_STATUSES, type Regime, type StatementStatus, type StatusCounts,
} from './rules';
import type { EvidenceKind, OverviewFilters } from './schema';

/**
 * Reads of the code library and of the compliance statements. Plain data out: never a Sequelize
 * instance. Institution-scoped reads take the institution id and put it in every WHERE.
 */

export type * from './views';

const asBool = (value: unknown) => value === true || value === 1 || value === '1';

// ---------------------------------------------------------------------------------------------
// The code library


function codeSummary(code: GovernanceCode, principles: number, provisions: number): CodeSummary {
  return {
    id: code.id, key: code.key, version: code.version, title: code.title, issuer: code.issuer, sectors: code.sectors,
    validFrom: code.validFrom, validUntil: code.validUntil, sourceUrl: code.sourceUrl, coverage: code.coverage as Coverage,
    principles, provisions,
  };
}

async function countsPerCode(model: typeof CodePrinciple | typeof CodeProvision, codeIds: number[]): Promise<Map<number, number>> {
  if (codeIds.length === 0) return new Map();
  const rows = (await (model as typeof CodePrinciple).findAll({
    where: { codeId: { [Op.in]: codeIds } },
    attributes: ['codeId', [(await db()).fn('COUNT', (await db()).col('id')), 'n']],
    group: ['codeId'],
    raw: true,
  })) as unknown as { codeId: number; n: number | string }[];
  return new Map(rows.map((r) => [Number(r.codeId), Number(r.n)]));
}

/** Every code version in the library, by key and version. */
export async function listCodes(): Promise<CodeSummary[]> {
  const codes = await GovernanceCode.findAll({ order: [['key', 'ASC'], ['version', 'ASC']] });
  const ids = codes.map((c) => c.id);
  const [principles, provisions] = await Promise.all([countsPerCode(CodePrinciple, ids), countsPerCode(CodeProvision, ids)]);
  return codes.map((c) => codeSummary(c, principles.get(c.id) ?? 0, provisions.get(c.id) ?? 0));
}


/** One code version with its principles and provisions in the code's order; null for an unknown id. */
export async function getCodeTree(codeId: number): Promise<CodeTree | null> {
  const code = await GovernanceCode.findByPk(codeId);
  if (!code) return null;
  const [principles, provisions] = await Promise.all([
    CodePrinciple.findAll({ where: { codeId }, order: [['position', 'ASC'], ['id', 'ASC']] }),
    CodeProvision.findAll({ where: { codeId }, order: [['position', 'ASC'], ['id', 'ASC']] }),
  ]);
  const principlesTree = principles.map((p) => ({
    id: p.id, number: p.number, title: p.title, summary: p.summary, regime: p.regime as Regime | null,
    provisions: provisions.filter((q) => q.principleId === p.id).map((q) => ({
      id: q.id, number: q.number, title: q.title, summary: q.summary, regime: q.regime as Regime, addressee: q.addressee,
      tags: q.tags as ProvisionTag[],
    })),
  }));
  return { ...codeSummary(code, principles.length, provisions.length), principlesTree };
}

// ---------------------------------------------------------------------------------------------
// Adoptions


export async function listAdoptions(institutionId: number): Promise<AdoptionRow[]> {
  const rows = await CodeAdoption.findAll({
    where: { institutionId },
    include: [{ model: GovernanceCode, as: 'code' }],
    order: [['adoptedFrom', 'ASC'], ['id', 'ASC']],
  });
  return rows.map((a) => {
    const code = a.get('code') as GovernanceCode;
    return {
      id: a.id, adoptedFrom: a.adoptedFrom, adoptedUntil: a.adoptedUntil,
      code: { id: code.id, key: code.key, version: code.version, title: code.title, coverage: code.coverage as Coverage, validFrom: code.validFrom, validUntil: code.validUntil },
    };
  });
}

/** A statement target: a provision, or a principle whose provisions the library does not list. */
export type YearTarget = { codeId: number; codeKey: string; kind: 'provision' | 'principle'; id: number; number: string };

/**
 * What the statements of `year` are made on: the provision tree of each code version the
 * institution adopted for (part of) that year and that is itself valid in (part of) it.
 */
export async function listYearTargets(institutionId: number, year: number, transaction?: Transaction): Promise<YearTarget[]> {
  const adoptions = await CodeAdoption.findAll({
    where: { institutionId, adoptedFrom: { [Op.lte]: endOfYearDay(year) }, [Op.or]: [{ adoptedUntil: null }, { adoptedUntil: { [Op.gte]: startOfYearDay(year) } }] },
    include: [{ model: GovernanceCode, as: 'code' }],
    transaction,
  });
  const codes = adoptions
    .map((a) => a.get('code') as GovernanceCode)
    .filter((code) => overlapsYear(code.validFrom, code.validUntil, year))
    .sort((a, b) => a.key.localeCompare(b.key) || a.version.localeCompare(b.version));
  if (codes.length === 0) return [];
  const codeIds = codes.map((c) => c.id);
  const [principles, provisions] = await Promise.all([
    CodePrinciple.findAll({ where: { codeId: { [Op.in]: codeIds } }, attributes: ['id', 'codeId', 'number', 'position'], order: [['position', 'ASC'], ['id', 'ASC']], transaction }),
    CodeProvision.findAll({ where: { codeId: { [Op.in]: codeIds } }, attributes: ['id', 'codeId', 'principleId', 'number', 'position'], order: [['position', 'ASC'], ['id', 'ASC']], transaction }),
  ]);
  return codes.flatMap((code) => principles.filter((p) => p.codeId === code.id).flatMap((principle): YearTarget[] => {
    const own = provisions.filter((q) => q.principleId === principle.id);
    if (own.length === 0) return [{ codeId: code.id, codeKey: code.key, kind: 'principle', id: principle.id, number: principle.number }];
    return own.map((q) => ({ codeId: code.id, codeKey: code.key, kind: 'provision', id: q.id, number: q.number }));
  }));
}

// ---------------------------------------------------------------------------------------------
// Years


export async function getYearState(institutionId: number, year: number): Promise<YearState | null> {
  const row = await ComplianceYear.findOne({
    where: { institutionId, year },
    include: [{ model: User, as: 'approvedBy', attributes: ['name'] }],
  });
  if (!row) return null;
  return {
    id: row.id, year: row.year, version: row.version,
    approvedAt: row.approvedAt ? row.approvedAt.toISOString() : null,
    approvedBy: (row.get('approvedBy') as User | null)?.name ?? null,
    locked: row.approvedAt !== null,
  };
}


/**
 * The years of an institution: every year it has statements for, plus this year and last year
 * (the ones people open next), newest first.
 */
export async function listYears(institutionId: number, today: Day): Promise<YearSummary[]> {
  const sequelize = await db();
  const [years, counts] = await Promise.all([
    ComplianceYear.findAll({ where: { institutionId }, attributes: ['year', 'approvedAt'] }),
    sequelize.query<{ year: number; status: StatementStatus; review: number | string; n: number | string }>(
      `SELECT s.year, s.status, SUM(CASE WHEN s.needs_review THEN 1 ELSE 0 END) AS review, COUNT(*) AS n
       FROM compliance_statements s WHERE s.institution_id = :institutionId GROUP BY s.year, s.status`,
      { replacements: { institutionId }, type: QueryTypes.SELECT },
    ),
  ]);
  const current = Number(today.slice(0, 4));
  const all = new Set<number>([current, current - 1, ...years.map((y) => y.year), ...counts.map((c) => Number(c.year))]);
  return [...all].sort((a, b) => b - a).map((year) => {
    const row = years.find((y) => y.year === year);
    const statusCounts = emptyCounts();
    let needsReview = 0;
    for (const c of counts.filter((c) => Number(c.year) === year)) {
      statusCounts[c.status] = Number(c.n);
      needsReview += Number(c.review);
    }
    return {
      year, opened: Boolean(row), locked: Boolean(row?.approvedAt), approvedAt: row?.approvedAt?.toISOString() ?? null,
      counts: statusCounts, share: complianceShare(statusCounts), needsReview,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// The overview of one institution-year


type RawStatement = {
  id: number; version: number; code_id: number; provision_id: number | null; principle_id: number | null; owner_principle_id: number;
  status: StatementStatus; explanation: string | null; needs_review: unknown; evidence_links: number | string;
};

const FROM_STATEMENTS = `FROM compliance_statements s
  JOIN governance_codes c ON c.id = s.code_id
  LEFT JOIN code_provisions p ON p.id = s.provision_id
  LEFT JOIN code_principles sp ON sp.id = s.principle_id
  JOIN code_principles op ON op.id = COALESCE(p.principle_id, s.principle_id)`;

const FLAG_ALIASES = { statement: 's', provision: 'p', principle: 'sp' };

function whereOf(institutionId: number, year: number, filters: OverviewFilters, today: Day) {
  const clauses = ['s.institution_id = :institutionId', 's.year = :year'];
  const replacements: Record<string, unknown> = { institutionId, year, ...evidenceReplacements(year, today) };
  if (filters.status) {
    clauses.push('s.status = :status');
    replacements.status = filters.status;
  }
  if (filters.health) {
    clauses.push(`${evidenceHealthSql('s')} = :health`);
    replacements.health = filters.health;
  }
  if (filters.flag) clauses.push(filters.flag === 'any' ? flaggedSql(FLAG_ALIASES) : statementFlagSql(FLAG_ALIASES)[filters.flag]);
  if (filters.codeId) {
    clauses.push('s.code_id = :codeId');
    replacements.codeId = filters.codeId;
  }
  if (filters.provisionId) {
    clauses.push('s.provision_id = :provisionId');
    replacements.provisionId = filters.provisionId;
  }
  if (filters.review) {
    clauses.push('s.needs_review = :yes');
    replacements.yes = true;
  }
  return { where: `WHERE ${clauses.join(' AND ')}`, replacements };
}

/** The moments in scope of these statements, with their status today. */
async function momentStatusesOf(statementIds: number[], year: number, today: Day, transaction?: Transaction): Promise<Map<number, MomentStatus[]>> {
  const map = new Map<number, MomentStatus[]>();
  if (statementIds.length === 0) return map;
  const sequelize = await db();
  const rows = await sequelize.query<{ statement_id: number; moment_id: number; status: MomentStatus }>(
    momentsInScopeSql('s', 's.id IN (:statementIds)'),
    { replacements: { statementIds, ...evidenceReplacements(year, today) }, type: QueryTypes.SELECT, transaction },
  );
  for (const row of rows) {
    const id = Number(row.statement_id);
    map.set(id, [...(map.get(id) ?? []), row.status]);
  }
  return map;
}

/** Statements of one institution-year that the filters select, in the codes' order, with health and flags. */
export async function listStatements(institutionId: number, year: number, filters: OverviewFilters, today: Day): Promise<StatementRow[]> {
  const sequelize = await db();
  const { where, replacements } = whereOf(institutionId, year, filters, today);
  const raw = await sequelize.query<RawStatement>(
    `SELECT s.id, s.version, s.code_id, s.provision_id, s.principle_id, op.id AS owner_principle_id, s.status, s.explanation,
       s.needs_review, (SELECT COUNT(*) FROM statement_evidence x WHERE x.statement_id = s.id) AS evidence_links
     ${FROM_STATEMENTS} ${where}
     ORDER BY c.key, c.version, op.position, COALESCE(p.position, -1), s.id`,
    { replacements, type: QueryTypes.SELECT },
  );
  return shapeStatements(raw, year, today);
}

async function shapeStatements(raw: RawStatement[], year: number, today: Day): Promise<StatementRow[]> {
  if (raw.length === 0) return [];
  const codeIds = [...new Set(raw.map((r) => Number(r.code_id)))];
  const principleIds = [...new Set(raw.map((r) => Number(r.owner_principle_id)))];
  const provisionIds = raw.filter((r) => r.provision_id !== null).map((r) => Number(r.provision_id));
  const [codes, principles, provisions, moments] = await Promise.all([
    GovernanceCode.findAll({ where: { id: { [Op.in]: codeIds } } }),
    CodePrinciple.findAll({ where: { id: { [Op.in]: principleIds } } }),
    provisionIds.length ? CodeProvision.findAll({ where: { id: { [Op.in]: provisionIds } } }) : Promise.resolve([]),
    momentStatusesOf(raw.map((r) => Number(r.id)), year, today),
  ]);
  const codeById = new Map(codes.map((c) => [c.id, c]));
  const principleById = new Map(principles.map((p) => [p.id, p]));
  const provisionById = new Map(provisions.map((p) => [p.id, p]));
  return raw.map((r) => {
    const code = codeById.get(Number(r.code_id))!;
    const principle = principleById.get(Number(r.owner_principle_id))!;
    const provision = r.provision_id === null ? null : provisionById.get(Number(r.provision_id))!;
    const target = provision
      ? { kind: 'provision' as const, id: provision.id, number: provision.number, title: provision.title, regime: provision.regime as Regime, tags: provision.tags as ProvisionTag[] }
      : { kind: 'principle' as const, id: principle.id, number: principle.number, title: principle.title, regime: (principle.regime ?? 'unspecified') as Regime, tags: [] };
    const statuses = moments.get(Number(r.id)) ?? [];
    const health = evidenceHealth(statuses);
    const evidenceLinks = Number(r.evidence_links);
    const status = r.status;
    return {
      id: Number(r.id),
      version: Number(r.version),
      code: { id: code.id, key: code.key, version: code.version, title: code.title, issuer: code.issuer, coverage: code.coverage as Coverage },
      principle: { id: principle.id, number: principle.number, title: principle.title },
      target,
      status,
      explanation: r.explanation,
      needsReview: asBool(r.needs_review),
      health,
      tally: evidenceTally(statuses),
      evidenceLinks,
      flags: statementFlags({ status, regime: target.regime, explanation: r.explanation, health, evidenceLinks }),
    };
  });
}



/**
 * The compliance share of one institution-year per code and per principle, over all its statements
 * (filters never change a share), counted in SQL.
 */
export async function getYearShares(institutionId: number, year: number): Promise<{ codes: CodeShare[]; counts: StatusCounts; share: number | null }> {
  const sequelize = await db();
  const rows = await sequelize.query<{ code_id: number; principle_id: number; status: StatementStatus; n: number | string }>(
    `SELECT s.code_id, COALESCE(p.principle_id, s.principle_id) AS principle_id, s.status, COUNT(*) AS n
     FROM compliance_statements s LEFT JOIN code_provisions p ON p.id = s.provision_id
     WHERE s.institution_id = :institutionId AND s.year = :year
     GROUP BY s.code_id, COALESCE(p.principle_id, s.principle_id), s.status`,
    { replacements: { institutionId, year }, type: QueryTypes.SELECT },
  );
  const codeIds = [...new Set(rows.map((r) => Number(r.code_id)))];
  if (codeIds.length === 0) return { codes: [], counts: emptyCounts(), share: null };
  const [codes, principles, provisionCounts] = await Promise.all([
    GovernanceCode.findAll({ where: { id: { [Op.in]: codeIds } }, order: [['key', 'ASC'], ['version', 'ASC']] }),
    CodePrinciple.findAll({ where: { id: { [Op.in]: [...new Set(rows.map((r) => Number(r.principle_id)))] } }, order: [['position', 'ASC']] }),
    countsPerCode(CodeProvision, codeIds),
  ]);
  const total = emptyCounts();
  const codeShares = codes.map((code): CodeShare => {
    const codeCounts = emptyCounts();
    const principleShares = principles.filter((p) => p.codeId === code.id).map((principle) => {
      const counts = emptyCounts();
      for (const row of rows.filter((r) => Number(r.principle_id) === principle.id)) counts[row.status] += Number(row.n);
      for (const status of Object.keys(counts) as StatementStatus[]) codeCounts[status] += counts[status];
      return { codeId: code.id, principle: { id: principle.id, number: principle.number, title: principle.title }, counts, share: complianceShare(counts) };
    });
    return {
      code: { id: code.id, key: code.key, version: code.version, title: code.title, issuer: code.issuer, coverage: code.coverage as Coverage },
      provisionsListed: provisionCounts.get(code.id) ?? 0,
      counts: codeCounts,
      share: complianceShare(codeCounts),
      principles: principleShares,
    };
  });
  for (const c of codeShares) for (const status of Object.keys(total) as StatementStatus[]) total[status] += c.counts[status];
  return { codes: codeShares, counts: total, share: complianceShare(total) };
}

/**
 * The year's statements in one statement: how many there are per status, how many carry a flag or
 * are marked to review (the dashboard's compliance card; the overview's tiles count per condition).
 */
export async function summariseYearStatements(institutionId: number, year: number, today: Day): Promise<{
  counts: StatusCounts; share: number | null; flagged: number; review: number; statements: number;
}> {
  const { where, replacements } = whereOf(institutionId, year, {}, today);
  const perStatus = STATEMENT_STATUSES.map((status, i) => `SUM(CASE WHEN s.status = :status${i} THEN 1 ELSE 0 END) AS status${i}`).join(', ');
  const [row] = await selectRows<Record<string, number | string | null>>(
    `SELECT SUM(CASE WHEN ${flaggedSql(FLAG_ALIASES)} THEN 1 ELSE 0 END) AS flagged,
       SUM(CASE WHEN s.needs_review THEN 1 ELSE 0 END) AS review, COUNT(*) AS n, ${perStatus}
     ${FROM_STATEMENTS} ${where}`,
    { ...replacements, ...Object.fromEntries(STATEMENT_STATUSES.map((status, i) => [`status${i}`, status])) },
  );
  const counts = emptyCounts();
  STATEMENT_STATUSES.forEach((status, i) => (counts[status] = Number(row?.[`status${i}`] ?? 0)));
  return { counts, share: complianceShare(counts), flagged: Number(row?.flagged ?? 0), review: Number(row?.review ?? 0), statements: Number(row?.n ?? 0) };
}

/** How many statements of the year carry a flag, are marked to review, and in all (the year page's tiles). */
export async function countYearAttention(institutionId: number, year: number, today: Day): Promise<{ flagged: number; review: number; statements: number }> {
  const { flagged, review, statements } = await summariseYearStatements(institutionId, year, today);
  return { flagged, review, statements };
}

/** Whether a code version is adopted for (part of) the year and itself valid in it: the year can be opened (`overlapsYear` in SQL). */
export async function isCodeInForce(institutionId: number, year: number): Promise<boolean> {
  const rows = await selectRows(
    `SELECT 1 AS found FROM code_adoptions a JOIN governance_codes c ON c.id = a.code_id
     WHERE a.institution_id = :institutionId AND a.adopted_from <= :yearEnd AND (a.adopted_until IS NULL OR a.adopted_until >= :yearStart)
       AND c.valid_from <= :yearEnd AND (c.valid_until IS NULL OR c.valid_until >= :yearStart) LIMIT 1`,
    { institutionId, yearStart: startOfYearDay(year), yearEnd: endOfYearDay(year) },
  );
  return rows.length > 0;
}

/** Engagements of the year per stakeholder category: the overview's picture of dialogue. */
export async function countEngagementsByCategory(institutionId: number, year: number): Promise<{ category: string; engagements: number }[]> {
  const sequelize = await db();
  const rows = await sequelize.query<{ category: string; n: number | string }>(
    `SELECT st.category, COUNT(DISTINCT e.id) AS n
     FROM engagements e JOIN engagement_stakeholders es ON es.engagement_id = e.id JOIN stakeholders st ON st.id = es.stakeholder_id
     WHERE e.institution_id = :institutionId AND e.occurred_on >= :yearStart AND e.occurred_on <= :yearEnd
     GROUP BY st.category ORDER BY COUNT(DISTINCT e.id) DESC, st.category`,
    { replacements: { institutionId, yearStart: startOfYearDay(year), yearEnd: endOfYearDay(year) }, type: QueryTypes.SELECT },
  );
  return rows.map((r) => ({ category: r.category, engagements: Number(r.n) }));
}

/** Moments due in the year per status: how the institution rendered account that year. */
export async function countMomentsInYear(institutionId: number, year: number, today: Day): Promise<Record<MomentStatus, number>> {
  const moments = await ReportingMoment.findAll({
    where: { institutionId, dueOn: { [Op.between]: [startOfYearDay(year), endOfYearDay(year)] } },
    attributes: ['dueOn', 'remindFrom', 'renderedOn', 'waivedOn'],
  });
  const counts: Record<MomentStatus, number> = { planned: 0, 'due-soon': 0, overdue: 0, rendered: 0, 'rendered-late': 0, waived: 0 };
  for (const m of moments) counts[momentStatus(m, today)]++;
  return counts;
}

// ---------------------------------------------------------------------------------------------
// One statement


async function evidenceOf(statementId: number): Promise<EvidenceLink[]> {
  const rows = await StatementEvidence.findAll({
    where: { statementId },
    include: [
      { model: Obligation, as: 'obligation', attributes: ['id', 'title'] },
      { model: ReportingMoment, as: 'reportingMoment', attributes: ['id', 'dueOn'], include: [{ model: Obligation, as: 'obligation', attributes: ['title'] }] },
      { model: Agreement, as: 'agreement', attributes: ['id', 'title'] },
      { model: Engagement, as: 'engagement', attributes: ['id', 'subject', 'occurredOn'] },
    ],
    order: [['id', 'ASC']],
  });
  return rows.map((e) => {
    if (e.obligationId) return { id: e.id, kind: 'obligation' as const, targetId: e.obligationId, label: (e.get('obligation') as Obligation).title, detail: null };
    if (e.reportingMomentId) {
      const moment = e.get('reportingMoment') as ReportingMoment;
      return { id: e.id, kind: 'moment' as const, targetId: moment.id, label: (moment.get('obligation') as Obligation).title, detail: dayFromSql(moment.dueOn) };
    }
    if (e.agreementId) return { id: e.id, kind: 'agreement' as const, targetId: e.agreementId, label: (e.get('agreement') as Agreement).title, detail: null };
    const engagement = e.get('engagement') as Engagement;
    return { id: e.id, kind: 'engagement' as const, targetId: engagement.id, label: engagement.subject, detail: dayFromSql(engagement.occurredOn) };
  });
}

/** The moments that speak for a statement, each with its status today (the statement page's table). */
async function scopeMoments(statementId: number, year: number, today: Day) {
  const sequelize = await db();
  const ids = await sequelize.query<{ moment_id: number }>(
    momentsInScopeSql('s', 's.id = :statementId'),
    { replacements: { statementId, ...evidenceReplacements(year, today) }, type: QueryTypes.SELECT },
  );
  if (ids.length === 0) return [];
  const moments = await ReportingMoment.findAll({
    where: { id: { [Op.in]: ids.map((r) => Number(r.moment_id)) } },
    include: [{ model: Obligation, as: 'obligation', attributes: ['id', 'title'] }],
    order: [['dueOn', 'ASC'], ['id', 'ASC']],
  });
  return moments.map((m) => ({
    id: m.id, dueOn: m.dueOn, renderedOn: m.renderedOn, status: momentStatus(m, today),
    obligation: { id: m.obligationId, title: (m.get('obligation') as Obligation).title },
  }));
}

/** One statement of this institution, with its evidence and the moments behind its health; null for another's id. */
export async function getStatement(institutionId: number, statementId: number, today: Day) {
  const statement = await ComplianceStatement.findOne({ where: { id: statementId, institutionId }, attributes: ['id', 'year'] });
  if (!statement) return null;
  const sequelize = await db();
  const raw = await sequelize.query<RawStatement>(
    `SELECT s.id, s.version, s.code_id, s.provision_id, s.principle_id, op.id AS owner_principle_id, s.status, s.explanation,
       s.needs_review, (SELECT COUNT(*) FROM statement_evidence x WHERE x.statement_id = s.id) AS evidence_links
     ${FROM_STATEMENTS} WHERE s.id = :statementId AND s.institution_id = :institutionId`,
    { replacements: { statementId, institutionId }, type: QueryTypes.SELECT },
  );
  const [row] = await shapeStatements(raw, statement.year, today);
  const [evidence, moments, listed, provisionSummary] = await Promise.all([
    evidenceOf(statementId),
    scopeMoments(statementId, statement.year, today),
    countsPerCode(CodeProvision, [row!.code.id]),
    row!.target.kind === 'provision'
      ? CodeProvision.findByPk(row!.target.id, { attributes: ['summary', 'addressee'] })
      : CodePrinciple.findByPk(row!.target.id, { attributes: ['summary'] }),
  ]);
  return {
    ...row!,
    year: statement.year,
    effectiveRegime: effectiveRegime(row!.target.regime),
    summary: (provisionSummary?.summary ?? null) as LocalisedText | null,
    provisionsListed: listed.get(row!.code.id) ?? 0,
    evidence,
    moments,
  };
}
export type StatementDetail = NonNullable<Awaited<ReturnType<typeof getStatement>>>;

/** The statements of a year around one statement, for "previous / next" on its page. */
export async function getNeighbours(institutionId: number, year: number, statementId: number, today: Day) {
  const rows = await listStatementIds(institutionId, year, today);
  const index = rows.indexOf(statementId);
  return { previous: index > 0 ? rows[index - 1]! : null, next: index >= 0 && index < rows.length - 1 ? rows[index + 1]! : null };
}

async function listStatementIds(institutionId: number, year: number, today: Day): Promise<number[]> {
  const sequelize = await db();
  const { where, replacements } = whereOf(institutionId, year, {}, today);
  const rows = await sequelize.query<{ id: number }>(
    `SELECT s.id ${FROM_STATEMENTS} ${where} ORDER BY c.key, c.version, op.position, COALESCE(p.position, -1), s.id`,
    { replacements, type: QueryTypes.SELECT },
  );
  return rows.map((r) => Number(r.id));
}


/**
 * What evidence can be picked from, all of this institution: obligations, the moments due in the
 * year (and the next, where the annual report on the year falls), agreements, and the year's engagements.
 */
export async function listEvidenceOptions(institutionId: number, year: number): Promise<Record<EvidenceKind, EvidenceOption[]>> {
  const [obligations, moments, agreements, engagements] = await Promise.all([
    Obligation.findAll({ where: { institutionId }, attributes: ['id', 'title'], order: [['title', 'ASC'], ['id', 'ASC']] }),
    ReportingMoment.findAll({
      where: { institutionId, dueOn: { [Op.between]: [startOfYearDay(year), endOfYearDay(year + 1)] } },
      attributes: ['id', 'dueOn'],
      include: [{ model: Obligation, as: 'obligation', attributes: ['title'] }],
      order: [['dueOn', 'ASC'], ['id', 'ASC']],
      limit: 500,
    }),
    Agreement.findAll({ where: { institutionId }, attributes: ['id', 'title'], order: [['title', 'ASC'], ['id', 'ASC']] }),
    Engagement.findAll({
      where: { institutionId, occurredOn: { [Op.between]: [startOfYearDay(year), endOfYearDay(year)] } },
      attributes: ['id', 'subject', 'occurredOn'],
      order: [['occurredOn', 'ASC'], ['id', 'ASC']],
      limit: 500,
    }),
  ]);
  return {
    obligation: obligations.map((o) => ({ id: o.id, label: o.title })),
    moment: moments.map((m) => ({ id: m.id, label: `${dayFromSql(m.dueOn)} · ${(m.get('obligation') as Obligation).title}` })),
    agreement: agreements.map((a) => ({ id: a.id, label: a.title })),
    engagement: engagements.map((e) => ({ id: e.id, label: `${dayFromSql(e.occurredOn)} · ${e.subject}` })),
  };
}

/** Everything the jaarverslag chapter is written from: all statements of the year, the shares, the adoptions. */
export async function getChapterInput(institution: { id: number; name: string }, year: number, today: Day): Promise<ChapterInput> {
  const [rows, shares, adoptions, state] = await Promise.all([
    listStatements(institution.id, year, {}, today),
    getYearShares(institution.id, year),
    listAdoptions(institution.id),
    getYearState(institution.id, year),
  ]);
  return {
    institutionName: institution.name,
    year,
    approvedAt: state?.approvedAt ?? null,
    approvedBy: state?.approvedBy ?? null,
    codes: shares.codes.map((c) => ({
      title: c.code.title,
      issuer: c.code.issuer,
      version: c.code.version,
      coverage: c.code.coverage,
      provisionsListed: c.provisionsListed,
      adoptedFrom: adoptions.find((a) => a.code.id === c.code.id)?.adoptedFrom ?? null,
      counts: c.counts,
      share: c.share,
      statements: rows.filter((r) => r.code.id === c.code.id).map((r) => ({
        number: r.target.number, title: r.target.title, principleNumber: r.principle.number, status: r.status, explanation: r.explanation,
        regime: r.target.regime,
      })),
    })),
  };
}
