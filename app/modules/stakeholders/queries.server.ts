import { literal } from 'sequelize';
import { containsText, nullsLast } from '~/modules/parties/sql.server';
import {
  Agreement, AgreementParty, AuditEvent, dayOrNullFromSql, Household, Interest, Obligation, ObligationStakeholder, Op, Organisation,
  Person, SalienceAssessment, selectRows, Stakeholder, Theme, User, type WhereOptions,
} from '~/utils/db.server';
import { likePattern, type ListParams, type Page } from '~/utils/list-params';
import type { AuditEventView } from '~/modules/audit/schema';
import { personDisplayName } from '~/modules/parties/rules';
import { CATEGORIES, MITCHELL_CLASSES, QUADRANTS, TIERS } from './rules';
import type { INTEREST_STATUS_FILTERS, StakeholderFilters, StakeholderSort } from './schema';
import { LATEST_FIRST } from './salience.server';

export type StakeholderRow = {
  id: number;
  name: string;
  partyKind: string;
  partyId: number;
  category: string;
  tier: string;
  tierRationale: string | null;
  status: string;
  ownerUserId: number | null;
  ownerName: string | null;
  power: number | null;
  interest: number | null;
  quadrant: string | null;
  mitchellClass: string | null;
  assessedOn: string | null;
};

const rank = (column: string, values: readonly string[]) =>
  `CASE ${column} ${values.map((value, index) => `WHEN '${value}' THEN ${index}`).join(' ')} END`;

// Sort keys map to SQL here and nowhere else; quadrant and class sort by salience, not alphabet.
// `nullable` puts missing values last in both directions (SQLite and PostgreSQL disagree by default).
const SORT_SQL: Record<StakeholderSort, { expression: string; nullable: boolean }> = {
  name: { expression: 's.name', nullable: false },
  category: { expression: 's.category', nullable: false },
  tier: { expression: 's.tier', nullable: false },
  quadrant: { expression: rank('s.quadrant', QUADRANTS), nullable: true },
  mitchellClass: { expression: rank('s.mitchell_class', MITCHELL_CLASSES), nullable: true },
  power: { expression: 's.power', nullable: true },
  interest: { expression: 's.interest', nullable: true },
  assessedOn: { expression: 's.assessed_on', nullable: true },
  owner: { expression: 'o.name', nullable: true },
  status: { expression: 's.status', nullable: false },
};

/**
 * The register's WHERE: every filter is a condition on the stakeholders table itself (alias `s`),
 * with its values as named replacements.
 */
function registerWhere(institutionId: number, filters: StakeholderFilters, q?: string) {
  const conditions = ['s.institution_id = :institutionId'];
  const replacements: Record<string, unknown> = { institutionId };
  const equals = (column: string, name: string, value: unknown) => {
    conditions.push(`${column} = :${name}`);
    replacements[name] = value;
  };
  if (filters.category) equals('s.category', 'category', filters.category);
  if (filters.tier) equals('s.tier', 'tier', filters.tier);
  if (filters.quadrant === 'unassessed') conditions.push('s.quadrant IS NULL');
  else if (filters.quadrant) equals('s.quadrant', 'quadrant', filters.quadrant);
  if (filters.mitchellClass) equals('s.mitchell_class', 'mitchellClass', filters.mitchellClass);
  if (filters.owner === 'none') conditions.push('s.owner_user_id IS NULL');
  else if (filters.owner) equals('s.owner_user_id', 'owner', filters.owner);
  if (filters.status) equals('s.status', 'status', filters.status);
  if (q) {
    // Case-insensitive "contains", the user's % and _ taken literally (SQLite has no default ESCAPE).
    conditions.push(`(lower(s.name) LIKE :pattern ESCAPE '\\' OR lower(s.description) LIKE :pattern ESCAPE '\\')`);
    replacements.pattern = likePattern(q.toLowerCase());
  }
  return { where: `WHERE ${conditions.join(' AND ')}`, replacements };
}

/**
 * NULLS LAST rather than a CASE in front: SQLite can then walk an (institution, column) index in
 * order and stop at the page's LIMIT; the name and id make the order total.
 */
function registerOrder(sort: StakeholderSort, dir: 'asc' | 'desc') {
  const { expression, nullable } = SORT_SQL[sort];
  const first = `${expression} ${dir === 'desc' ? 'DESC' : 'ASC'}${nullable ? ' NULLS LAST' : ''}`;
  // By name: no repeated term and the id in the same direction, so the (institution, name) index
  // gives the whole order (a repeated or opposite term makes SQLite sort).
  if (sort === 'name') return `ORDER BY ${first}, s.id ${dir === 'desc' ? 'DESC' : 'ASC'}`;
  return `ORDER BY ${first}, s.name ASC, s.id ASC`;
}

type RawRegisterRow = Omit<StakeholderRow, 'assessedOn'> & { assessedOn: string | Date | null };

// Plain rows, only the register's columns: model instances of every column cost more than the query.
const REGISTER_SELECT = `SELECT s.id, s.name, s.party_kind AS "partyKind", COALESCE(s.organisation_id, s.person_id, s.household_id) AS "partyId",
  s.category, s.tier, s.tier_rationale AS "tierRationale", s.status, s.owner_user_id AS "ownerUserId", o.name AS "ownerName",
  s.power, s.interest, s.quadrant, s.mitchell_class AS "mitchellClass", s.assessed_on AS "assessedOn"
  FROM stakeholders s LEFT JOIN users o ON o.id = s.owner_user_id`;

async function selectRegisterRows(
  institutionId: number,
  filters: StakeholderFilters,
  params: Pick<ListParams<StakeholderSort>, 'sort' | 'dir' | 'q'>,
  limit: number,
  offset: number,
): Promise<StakeholderRow[]> {
  const { where, replacements } = registerWhere(institutionId, filters, params.q);
  const rows = await selectRows<RawRegisterRow>(
    `${REGISTER_SELECT} ${where} ${registerOrder(params.sort, params.dir)} LIMIT :limit OFFSET :offset`,
    { ...replacements, limit, offset },
  );
  return rows.map((row) => ({ ...row, assessedOn: dayOrNullFromSql(row.assessedOn) }));
}

export type Distribution = { key: string; count: number }[];

/**
 * The register: one page of the filtered list, sorted and paged in SQL, with how many match and
 * how they divide over tiers and categories — the count and both distributions from one GROUP BY.
 */
export async function listStakeholders(
  institutionId: number,
  filters: StakeholderFilters,
  params: ListParams<StakeholderSort>,
): Promise<Page<StakeholderRow> & { distribution: { tiers: Distribution; categories: Distribution } }> {
  const { where, replacements } = registerWhere(institutionId, filters, params.q);
  const [rows, groups] = await Promise.all([
    selectRegisterRows(institutionId, filters, params, params.perPage, params.offset),
    selectRows<{ tier: string; category: string; n: number | string }>(
      `SELECT s.tier, s.category, COUNT(*) AS n FROM stakeholders s ${where} GROUP BY s.tier, s.category`,
      replacements,
    ),
  ]);
  const tiers = new Map<string, number>();
  const categories = new Map<string, number>();
  let total = 0;
  for (const group of groups) {
    const n = Number(group.n);
    total += n;
    tiers.set(group.tier, (tiers.get(group.tier) ?? 0) + n);
    categories.set(group.category, (categories.get(group.category) ?? 0) + n);
  }
  const every = (keys: readonly string[], counts: Map<string, number>) => keys.map((key) => ({ key, count: counts.get(key) ?? 0 }));
  return { rows, total, distribution: { tiers: every(TIERS, tiers), categories: every(CATEGORIES, categories) } };
}

/**
 * Every stakeholder the register shows with these filters, in its order — for the CSV export —
 * read in batches so a large register never sits in memory at once.
 */
export async function* streamStakeholders(
  institutionId: number,
  filters: StakeholderFilters,
  params: Pick<ListParams<StakeholderSort>, 'sort' | 'dir' | 'q'>,
  batchSize = 500,
): AsyncGenerator<StakeholderRow[]> {
  for (let offset = 0; ; offset += batchSize) {
    const rows = await selectRegisterRows(institutionId, filters, params, batchSize, offset);
    if (rows.length) yield rows;
    if (rows.length < batchSize) return;
  }
}

/** Members who can own a relationship: active secretaries and managers of the institution, by name. */
export async function listOwnerOptions(institutionId: number): Promise<{ id: number; name: string }[]> {
  return selectRows<{ id: number; name: string }>(
    `SELECT u.id, u.name FROM memberships ms JOIN users u ON u.id = ms.user_id
      WHERE ms.institution_id = :institutionId AND ms.role IN ('secretary', 'manager') AND u.active = :yes
      ORDER BY u.name ASC, u.id ASC`,
    { institutionId, yes: true },
  );
}

export async function isOwnerCandidate(institutionId: number, userId: number): Promise<boolean> {
  return (await listOwnerOptions(institutionId)).some((o) => o.id === userId);
}

// ---------------------------------------------------------------- one stakeholder

export async function getStakeholder(institutionId: number, stakeholderId: number) {
  const stakeholder = await Stakeholder.findOne({
    where: { id: stakeholderId, institutionId },
    include: [
      { model: User, as: 'owner', attributes: ['id', 'name'] },
      { model: Organisation, as: 'organisation' },
      { model: Person, as: 'person' },
      { model: Household, as: 'household' },
    ],
  });
  if (!stakeholder) return null;
  const organisation = stakeholder.get('organisation') as Organisation | null;
  const person = stakeholder.get('person') as Person | null;
  const household = stakeholder.get('household') as Household | null;
  const party = organisation
    ? { kind: 'organisation' as const, id: organisation.id, name: organisation.name, active: organisation.active, detail: organisation.city }
    : person
      ? { kind: 'person' as const, id: person.id, name: personDisplayName(person), active: person.active, detail: person.city }
      : { kind: 'household' as const, id: household!.id, name: household!.name, active: household!.status !== 'inactive', detail: household!.city };
  const owner = stakeholder.get('owner') as User | null;
  return {
    id: stakeholder.id, name: stakeholder.name, partyKind: stakeholder.partyKind, partyId: party.id, category: stakeholder.category,
    tier: stakeholder.tier, tierRationale: stakeholder.tierRationale, status: stakeholder.status, ownerUserId: stakeholder.ownerUserId,
    ownerName: owner?.name ?? null, power: stakeholder.power, interest: stakeholder.interest, quadrant: stakeholder.quadrant,
    mitchellClass: stakeholder.mitchellClass, assessedOn: stakeholder.assessedOn,
    description: stakeholder.description,
    version: stakeholder.version,
    party,
  };
}

export type AssessmentRow = {
  id: number; assessedOn: string; power: number; interest: number; legitimacy: boolean; urgency: boolean;
  quadrant: string; mitchellClass: string; note: string | null; assessedBy: string | null;
};

export async function listAssessments(institutionId: number, stakeholderId: number): Promise<AssessmentRow[]> {
  const rows = await SalienceAssessment.findAll({
    where: { institutionId, stakeholderId },
    include: [{ model: User, as: 'assessedBy', attributes: ['id', 'name'] }],
    order: LATEST_FIRST,
  });
  return rows.map((a) => ({
    id: a.id, assessedOn: a.assessedOn, power: a.power, interest: a.interest, legitimacy: Boolean(a.legitimacy),
    urgency: Boolean(a.urgency), quadrant: a.quadrant, mitchellClass: a.mitchellClass, note: a.note,
    assessedBy: (a.get('assessedBy') as User | null)?.name ?? null,
  }));
}

export type InterestRow = {
  id: number; stakeholderId: number; title: string; description: string | null; themeId: number | null; themeName: string | null;
  priority: string; since: string | null; status: string; version: number;
};

const interestRow = (i: Interest): InterestRow => ({
  id: i.id, stakeholderId: i.stakeholderId, title: i.title, description: i.description, themeId: i.themeId,
  themeName: (i.get('theme') as Theme | null)?.name ?? null, priority: i.priority, since: i.since, status: i.status, version: i.version,
});

const PRIORITY_ORDER = literal(`CASE "Interest"."priority" WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END`);
const STATUS_ORDER = literal(`CASE "Interest"."status" WHEN 'active' THEN 0 WHEN 'addressed' THEN 1 ELSE 2 END`);

export async function listStakeholderInterests(institutionId: number, stakeholderId: number): Promise<InterestRow[]> {
  const rows = await Interest.findAll({
    where: { institutionId, stakeholderId },
    include: [{ model: Theme, as: 'theme', attributes: ['id', 'name'] }],
    order: [[STATUS_ORDER, 'ASC'], [PRIORITY_ORDER, 'ASC'], ['title', 'ASC'], ['id', 'ASC']],
  });
  return rows.map(interestRow);
}

/** Agreements and obligations this stakeholder is party to (links to their own pages). */
export async function listStakeholderCommitments(institutionId: number, stakeholderId: number) {
  const [agreements, obligations] = await Promise.all([
    AgreementParty.findAll({
      where: { stakeholderId },
      include: [{ model: Agreement, as: 'agreement', where: { institutionId } }],
      order: [[{ model: Agreement, as: 'agreement' }, 'startsOn', 'DESC'], ['id', 'ASC']],
    }),
    ObligationStakeholder.findAll({
      where: { stakeholderId },
      include: [{ model: Obligation, as: 'obligation', where: { institutionId } }],
      order: [[{ model: Obligation, as: 'obligation' }, 'title', 'ASC'], ['id', 'ASC']],
    }),
  ]);
  return {
    agreements: agreements.map((link) => {
      const a = link.get('agreement') as Agreement;
      return { id: a.id, title: a.title, kind: a.kind, direction: a.direction, status: a.status, startsOn: a.startsOn, endsOn: a.endsOn };
    }),
    obligations: obligations.map((link) => {
      const o = link.get('obligation') as Obligation;
      return { id: o.id, title: o.title, form: o.form, recurrenceKind: o.recurrenceKind, active: o.active };
    }),
  };
}

const HISTORY_LIMIT = 100;

/**
 * The stakeholder's audit history: its own events (assessments included) and those of its
 * interests, newest first. The institution is part of the match.
 */
export async function listStakeholderHistory(institutionId: number, stakeholderId: number): Promise<{ rows: (AuditEventView & { entityLabel: string | null })[]; more: boolean }> {
  const interests = await Interest.findAll({ where: { institutionId, stakeholderId }, attributes: ['id', 'title'] });
  const titles = new Map(interests.map((i) => [String(i.id), i.title]));
  const rows = await AuditEvent.findAll({
    where: {
      institutionId,
      [Op.or]: [
        { entity: 'stakeholder', entityId: String(stakeholderId) },
        ...(interests.length ? [{ entity: 'interest', entityId: interests.map((i) => String(i.id)) }] : []),
      ],
    },
    order: [['occurredAt', 'DESC'], ['id', 'DESC']],
    limit: HISTORY_LIMIT + 1,
  });
  return {
    more: rows.length > HISTORY_LIMIT,
    rows: rows.slice(0, HISTORY_LIMIT).map((e) => ({
      id: e.id, occurredAt: e.occurredAt.toISOString(), actorUserId: e.actorUserId, actorLabel: e.actorLabel,
      institutionId: e.institutionId, entity: e.entity, entityId: e.entityId, action: e.action,
      changes: typeof e.changes === 'string' ? JSON.parse(e.changes) : e.changes,
      entityLabel: e.entity === 'interest' ? (titles.get(e.entityId ?? '') ?? null) : null,
    })),
  };
}

// ---------------------------------------------------------------- the map

export type MapRow = { id: number; name: string; category: string; tier: string; power: number; interest: number; quadrant: string; mitchellClass: string | null; assessedOn: string | null };

/** Assessed stakeholders that are not ended, optionally of one category, for the power × interest map. */
export async function listMapPoints(institutionId: number, filters: { category?: string }): Promise<MapRow[]> {
  const rows = await Stakeholder.findAll({
    where: {
      institutionId,
      status: { [Op.ne]: 'ended' },
      power: { [Op.ne]: null },
      ...(filters.category ? { category: filters.category } : {}),
    },
    order: [['power', 'DESC'], ['interest', 'DESC'], ['name', 'ASC'], ['id', 'ASC']],
    limit: 1000,
  });
  return rows.map((s) => ({
    id: s.id, name: s.name, category: s.category, tier: s.tier, power: s.power!, interest: s.interest!, quadrant: s.quadrant!,
    mitchellClass: s.mitchellClass, assessedOn: s.assessedOn,
  }));
}

// ---------------------------------------------------------------- themes and interests

export type ThemeRow = { id: number; name: string; active: boolean; interests: number; stakeholders: number };

export async function listThemes(institutionId: number, options: { activeOnly?: boolean } = {}): Promise<ThemeRow[]> {
  const themes = await Theme.findAll({
    where: { institutionId, ...(options.activeOnly ? { active: true } : {}) },
    order: [['position', 'ASC'], ['name', 'ASC'], ['id', 'ASC']],
  });
  const usage = await themeUsage(institutionId);
  return themes.map((t) => ({ id: t.id, name: t.name, active: t.active, ...(usage.get(t.id) ?? { interests: 0, stakeholders: 0 }) }));
}

/** Per theme: how many active interests, and how many distinct stakeholders share it. */
async function themeUsage(institutionId: number) {
  const rows = (await Interest.findAll({
    where: { institutionId, status: 'active', themeId: { [Op.ne]: null } },
    attributes: [
      'themeId',
      [literal('COUNT(*)'), 'interests'],
      [literal('COUNT(DISTINCT "Interest"."stakeholder_id")'), 'stakeholders'],
    ],
    group: ['themeId'],
    raw: true,
  })) as unknown as { themeId: number; interests: number | string; stakeholders: number | string }[];
  return new Map(rows.map((r) => [Number(r.themeId), { interests: Number(r.interests), stakeholders: Number(r.stakeholders) }]));
}

export type InterestListRow = InterestRow & { stakeholderName: string; stakeholderStatus: string };

/**
 * The institution's interests grouped by theme (themes in their order, interests without a theme
 * last), paged in SQL; the page groups its rows.
 */
export async function listInterestsByTheme(
  institutionId: number,
  filters: { themeId?: number | 'none'; status: (typeof INTEREST_STATUS_FILTERS)[number]; q?: string },
  page: { perPage: number; offset: number },
): Promise<Page<InterestListRow>> {
  const where: Record<string | symbol, unknown> = { institutionId };
  if (filters.status !== 'all') where.status = filters.status;
  if (filters.themeId === 'none') where.themeId = null;
  else if (filters.themeId) where.themeId = filters.themeId;
  if (filters.q) where[Op.or] = [containsText('"Interest"."title"', filters.q), containsText('"Interest"."description"', filters.q)];
  const { rows, count } = await Interest.findAndCountAll({
    where: where as WhereOptions<Interest>,
    include: [
      { model: Theme, as: 'theme', attributes: ['id', 'name', 'position'] },
      { model: Stakeholder, as: 'stakeholder', attributes: ['id', 'name', 'status'] },
    ],
    order: [
      [nullsLast('"theme"."id"'), 'ASC'],
      [literal('"theme"."position"'), 'ASC'],
      [literal('"theme"."name"'), 'ASC'],
      [PRIORITY_ORDER, 'ASC'],
      [literal('"stakeholder"."name"'), 'ASC'],
      ['id', 'ASC'],
    ],
    limit: page.perPage,
    offset: page.offset,
  });
  return {
    total: count,
    rows: rows.map((i) => {
      const stakeholder = i.get('stakeholder') as Stakeholder;
      return { ...interestRow(i), stakeholderName: stakeholder.name, stakeholderStatus: stakeholder.status };
    }),
  };
}

/** Interests of some stakeholders, for linking an engagement to them. */
export async function listInterestOptions(institutionId: number, stakeholderIds?: number[]) {
  const rows = await Interest.findAll({
    where: { institutionId, status: 'active', ...(stakeholderIds ? { stakeholderId: stakeholderIds } : {}) },
    include: [{ model: Stakeholder, as: 'stakeholder', attributes: ['id', 'name'] }],
    order: [[literal('"stakeholder"."name"'), 'ASC'], ['title', 'ASC'], ['id', 'ASC']],
    limit: 500,
  });
  return rows.map((i) => ({ id: i.id, title: i.title, stakeholderId: i.stakeholderId, stakeholderName: (i.get('stakeholder') as Stakeholder).name }));
}

/** Active stakeholders for a select, by name. */
export async function listStakeholderOptions(institutionId: number) {
  const rows = await Stakeholder.findAll({
    where: { institutionId, status: { [Op.ne]: 'ended' } },
    attributes: ['id', 'name', 'partyKind', 'organisationId', 'personId', 'householdId'],
    order: [['name', 'ASC'], ['id', 'ASC']],
  });
  return rows.map((s) => ({ id: s.id, name: s.name, partyKind: s.partyKind, organisationId: s.organisationId, personId: s.personId, householdId: s.householdId }));
}

/** The stakeholder's name if it is this institution's; null otherwise (the tab pages answer 404). */
export async function getStakeholderName(institutionId: number, stakeholderId: number): Promise<{ id: number; name: string } | null> {
  const stakeholder = await Stakeholder.findOne({ where: { id: stakeholderId, institutionId }, attributes: ['id', 'name'] });
  return stakeholder ? { id: stakeholder.id, name: stakeholder.name } : null;
}
