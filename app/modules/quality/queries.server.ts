import { displayNameOf } from '~/modules/parties/queries.server';
import { organisationMatchReasons, personMatchReasons, type MatchReason } from '~/modules/parties/rules';
import { Op, Organisation, Person, Position, QualitySnapshot, QueryTypes } from '~/utils/db.server';
import { addMonths, today, type Day } from '~/utils/dates';
import type { Page } from '~/utils/list-params';
import { ALL_CHECKS, isDuplicateCheck, type DuplicateCheck, type ListCheck, type QualityCheck, type VerifiedMonths } from './checks';

/**
 * The data-quality report of one institution. Each check is one SQL condition over one table,
 * always inside the institution (`:institutionId` is part of every condition), so counts and lists
 * come from the same text and another institution's rows can never be counted. Likely duplicates
 * are found by blocking in SQL (pairs that share a family-name core, an email, a KvK number or an
 * organisation's name key) and only those pairs are judged by the register's own rules.
 */

const PERSON_LIVE = 'p.institution_id = :institutionId AND p.active = TRUE AND p.merged_into_id IS NULL AND p.erased_at IS NULL';
const ORGANISATION_LIVE = 'o.institution_id = :institutionId AND o.active = TRUE AND o.merged_into_id IS NULL';
const STAKEHOLDER_LIVE = "s.institution_id = :institutionId AND s.status <> 'ended'";

// A position counts while it has not ended; one starting later counts too (the contact is known).
const POSITION_CURRENT = '(q.starts_on IS NULL OR q.starts_on <= :today) AND (q.ends_on IS NULL OR q.ends_on >= :today)';

const PERSON_CONDITIONS = {
  'persons-without-source': "(p.source IS NULL OR trim(p.source) = '')",
  'persons-without-legal-basis': 'p.legal_basis IS NULL',
  'persons-not-verified': '(p.last_verified_on IS NULL OR p.last_verified_on < :cutoff)',
  // No way to reach them: no email or phone of their own, nor a business one in a current position.
  'persons-without-contact': `p.email IS NULL AND p.phone IS NULL AND NOT EXISTS (
    SELECT 1 FROM positions q WHERE q.person_id = p.id AND (q.business_email IS NOT NULL OR q.business_phone IS NOT NULL) AND ${POSITION_CURRENT})`,
} as const;

type Table = 'persons' | 'organisations' | 'stakeholders';

const CHECKS: Record<ListCheck, { table: Table; where: string }> = {
  ...(Object.fromEntries(Object.entries(PERSON_CONDITIONS).map(([check, condition]) => [check, { table: 'persons', where: `${PERSON_LIVE} AND ${condition}` }])) as Record<keyof typeof PERSON_CONDITIONS, { table: Table; where: string }>),
  'organisations-without-kvk': { table: 'organisations', where: `${ORGANISATION_LIVE} AND o.kvk_number IS NULL` },
  'stakeholders-unassessed': { table: 'stakeholders', where: `${STAKEHOLDER_LIVE} AND s.assessed_on IS NULL` },
  'stakeholders-without-owner': { table: 'stakeholders', where: `${STAKEHOLDER_LIVE} AND s.owner_user_id IS NULL` },
  // An organisation stakeholder whose known people have all left: positions there, none current.
  'stakeholders-contacts-left': {
    table: 'stakeholders',
    where: `${STAKEHOLDER_LIVE} AND s.organisation_id IS NOT NULL
      AND EXISTS (SELECT 1 FROM positions q WHERE q.organisation_id = s.organisation_id AND q.ends_on < :today)
      AND NOT EXISTS (SELECT 1 FROM positions q WHERE q.organisation_id = s.organisation_id AND (q.ends_on IS NULL OR q.ends_on >= :today))`,
  },
};

const ALIAS: Record<Table, string> = { persons: 'p', organisations: 'o', stakeholders: 's' };

const fromOf = (table: Table) => `${table} ${ALIAS[table]}`;

type Options = { months: VerifiedMonths };

const replacementsOf = (institutionId: number, options: Options) => {
  const day = today();
  return { institutionId, today: day, cutoff: addMonths(day, -options.months) };
};

const sequelize = () => Person.sequelize!;

export type QualityCounts = Record<QualityCheck, number> & { personsTotal: number; personsComplete: number; cutoff: Day };

/** Every count of the report: the simple checks in one query, the duplicate pairs judged beside it. */
export async function countQuality(institutionId: number, options: Options): Promise<QualityCounts> {
  const replacements = replacementsOf(institutionId, options);
  const listChecks = ALL_CHECKS.filter((check): check is ListCheck => !isDuplicateCheck(check));
  const anyPersonIssue = Object.values(PERSON_CONDITIONS).join(' OR ');
  const selects = [
    ...listChecks.map((check, i) => `(SELECT COUNT(*) FROM ${fromOf(CHECKS[check].table)} WHERE ${CHECKS[check].where}) AS c${i}`),
    `(SELECT COUNT(*) FROM persons p WHERE ${PERSON_LIVE}) AS persons_total`,
    `(SELECT COUNT(*) FROM persons p WHERE ${PERSON_LIVE} AND NOT (${anyPersonIssue})) AS persons_complete`,
  ];
  const [[row], persons, organisations] = await Promise.all([
    sequelize().query<Record<string, number | string>>(`SELECT ${selects.join(', ')}`, { replacements, type: QueryTypes.SELECT }),
    duplicatePersons(institutionId),
    duplicateOrganisations(institutionId),
  ]);
  const counts = Object.fromEntries(listChecks.map((check, i) => [check, Number(row![`c${i}`])])) as Record<ListCheck, number>;
  return {
    ...counts,
    'duplicate-persons': persons.length,
    'duplicate-organisations': organisations.length,
    personsTotal: Number(row!.persons_total),
    personsComplete: Number(row!.persons_complete),
    cutoff: replacements.cutoff,
  };
}

export type QualityRow = {
  id: number;
  name: string;
  /** What the check is about, for this row: the source, last verified, the organisation… */
  detail: string | null;
  /** The stakeholder's party, for stakeholder checks. */
  partyKind?: string;
  partyId?: number | null;
};

/** The rows of one simple check, sorted by name and paged in SQL. */
export async function listQualityCheck(
  institutionId: number,
  check: ListCheck,
  options: Options,
  page: { perPage: number; offset: number },
): Promise<Page<QualityRow>> {
  const { table, where } = CHECKS[check];
  const replacements = { ...replacementsOf(institutionId, options), limit: page.perPage, offset: page.offset };
  const order = table === 'persons' ? 'p.family_name, p.given_name, p.id' : `${ALIAS[table]}.name, ${ALIAS[table]}.id`;
  const [rows, [total]] = await Promise.all([
    sequelize().query<Record<string, unknown>>(`SELECT * FROM ${fromOf(table)} WHERE ${where} ORDER BY ${order} LIMIT :limit OFFSET :offset`, {
      replacements, type: QueryTypes.SELECT,
    }),
    sequelize().query<{ total: number | string }>(`SELECT COUNT(*) AS total FROM ${fromOf(table)} WHERE ${where}`, { replacements, type: QueryTypes.SELECT }),
  ]);
  return { total: Number(total!.total), rows: rows.map((r) => rowOf(table, check, r)) };
}

const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
const dayText = (value: unknown) => (value ? String(value).slice(0, 10) : null);

function rowOf(table: Table, check: ListCheck, r: Record<string, unknown>): QualityRow {
  const id = Number(r.id);
  if (table === 'persons') {
    const name = displayNameOf({
      givenName: text(r.given_name), tussenvoegsel: text(r.tussenvoegsel), familyName: String(r.family_name), initials: text(r.initials),
    });
    const detail = check === 'persons-not-verified' ? dayText(r.last_verified_on)
      : check === 'persons-without-legal-basis' ? text(r.source)
        : text(r.city);
    return { id, name, detail };
  }
  if (table === 'organisations') return { id, name: String(r.name), detail: text(r.city) };
  const partyId = r.organisation_id ?? r.person_id ?? r.household_id;
  return { id, name: String(r.name), detail: text(r.category), partyKind: String(r.party_kind), partyId: partyId === null || partyId === undefined ? null : Number(partyId) };
}

// ---------------------------------------------------------------- likely duplicates

export type DuplicatePair = { a: { id: number; name: string }; b: { id: number; name: string }; reasons: MatchReason[] };

// Blocks larger than this are cut off rather than let one common name run away with the request.
const CANDIDATE_LIMIT = 20_000;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const ALNUM = `${LETTERS}0123456789`;

/**
 * Candidate pairs of persons: the stored name key is `core core|initials`, so the family part is the
 * key with the initials (letters) and the bar trimmed off the end, and a double name's first and
 * last cores are that part trimmed from one side to a space — rtrim/ltrim with a character set,
 * which SQLite and PostgreSQL both have. Business emails of positions count as the person's, as in
 * the register's duplicate check.
 */
const PERSON_CANDIDATES = `
WITH live AS (SELECT p.id, p.email, rtrim(rtrim(p.name_key, '${LETTERS}'), '|') AS family FROM persons p WHERE ${PERSON_LIVE}),
keys AS (
  SELECT id, 'e:' || lower(email) AS k FROM live WHERE email IS NOT NULL
  UNION SELECT q.person_id, 'e:' || lower(q.business_email) FROM positions q JOIN live ON live.id = q.person_id WHERE q.business_email IS NOT NULL
  UNION SELECT id, 'n:' || CASE WHEN family LIKE '% %' THEN rtrim(rtrim(family, '${ALNUM}'), ' ') ELSE family END FROM live WHERE family <> ''
  UNION SELECT id, 'n:' || CASE WHEN family LIKE '% %' THEN ltrim(ltrim(family, '${ALNUM}'), ' ') ELSE family END FROM live WHERE family <> ''
)
SELECT DISTINCT a.id AS a_id, b.id AS b_id FROM keys a JOIN keys b ON a.k = b.k AND a.id < b.id ORDER BY a.id, b.id LIMIT ${CANDIDATE_LIMIT}`;

const ORGANISATION_CANDIDATES = `
WITH live AS (SELECT o.id, o.name_key, o.kvk_number, o.email FROM organisations o WHERE ${ORGANISATION_LIVE}),
keys AS (
  SELECT id, 'n:' || name_key AS k FROM live
  UNION SELECT id, 'k:' || kvk_number FROM live WHERE kvk_number IS NOT NULL
  UNION SELECT id, 'e:' || lower(email) FROM live WHERE email IS NOT NULL
)
SELECT DISTINCT a.id AS a_id, b.id AS b_id FROM keys a JOIN keys b ON a.k = b.k AND a.id < b.id ORDER BY a.id, b.id LIMIT ${CANDIDATE_LIMIT}`;

async function candidatePairs(sql: string, institutionId: number): Promise<[number, number][]> {
  const rows = await sequelize().query<{ a_id: number | string; b_id: number | string }>(sql, { replacements: { institutionId }, type: QueryTypes.SELECT });
  return rows.map((r) => [Number(r.a_id), Number(r.b_id)]);
}

// A shared address alone is a household or an office building, not a duplicate: the report lists
// pairs the rules match on name, email or KvK number (the address then adds to the reasons).
const IDENTIFYING: MatchReason[] = ['name', 'email', 'kvk'];

function judged<T extends { id: number }>(pairs: [number, number][], records: T[], reasonsOf: (a: T, b: T) => MatchReason[], nameOf: (r: T) => string) {
  const byId = new Map(records.map((r) => [r.id, r]));
  const result: DuplicatePair[] = [];
  for (const [aId, bId] of pairs) {
    const a = byId.get(aId);
    const b = byId.get(bId);
    if (!a || !b) continue;
    const reasons = reasonsOf(a, b);
    if (reasons.some((reason) => IDENTIFYING.includes(reason))) result.push({ a: { id: a.id, name: nameOf(a) }, b: { id: b.id, name: nameOf(b) }, reasons });
  }
  return result.sort((x, y) => x.a.name.localeCompare(y.a.name, 'nl') || x.a.id - y.a.id || x.b.id - y.b.id);
}

const idsOf = (pairs: [number, number][]) => [...new Set(pairs.flat())];

export async function duplicatePersons(institutionId: number): Promise<DuplicatePair[]> {
  const pairs = await candidatePairs(PERSON_CANDIDATES, institutionId);
  if (pairs.length === 0) return [];
  const ids = idsOf(pairs);
  const [persons, positions] = await Promise.all([
    Person.findAll({
      where: { institutionId, id: ids },
      attributes: ['id', 'givenName', 'tussenvoegsel', 'familyName', 'initials', 'email', 'postcode', 'houseNumber'],
    }),
    Position.findAll({ where: { institutionId, personId: ids }, attributes: ['personId', 'businessEmail'] }),
  ]);
  const facts = persons.map((p) => ({
    ...p.get({ plain: true }),
    otherEmails: positions.filter((q) => q.personId === p.id).map((q) => q.businessEmail),
  }));
  return judged(pairs, facts, personMatchReasons, (p) => displayNameOf(p));
}

export async function duplicateOrganisations(institutionId: number): Promise<DuplicatePair[]> {
  const pairs = await candidatePairs(ORGANISATION_CANDIDATES, institutionId);
  if (pairs.length === 0) return [];
  const organisations = await Organisation.findAll({
    where: { institutionId, id: idsOf(pairs) },
    attributes: ['id', 'name', 'kvkNumber', 'email', 'postcode', 'houseNumber'],
  });
  return judged(pairs, organisations.map((o) => o.get({ plain: true })), organisationMatchReasons, (o) => o.name);
}

/**
 * One page of likely duplicate pairs. Pairs are derived, not stored: they are judged in full for
 * the count, then paged (the candidate blocks keep that set small).
 */
export async function listDuplicatePairs(institutionId: number, check: DuplicateCheck, page: { perPage: number; offset: number }): Promise<Page<DuplicatePair>> {
  const pairs = check === 'duplicate-persons' ? await duplicatePersons(institutionId) : await duplicateOrganisations(institutionId);
  return { total: pairs.length, rows: pairs.slice(page.offset, page.offset + page.perPage) };
}

// ---------------------------------------------------------------- the trend

export type QualityTrendRow = { month: string; takenOn: Day; personsTotal: number; personsComplete: number };

/** The snapshots of the last `months` months (this one included), oldest first. */
export async function listQualityTrend(institutionId: number, months: number): Promise<QualityTrendRow[]> {
  const from = addMonths(today(), -(months - 1)).slice(0, 7);
  const rows = await QualitySnapshot.findAll({
    where: { institutionId, month: { [Op.gte]: from } },
    order: [['month', 'ASC']],
    attributes: ['month', 'takenOn', 'personsTotal', 'personsComplete'],
  });
  return rows.map((r) => ({ month: r.month, takenOn: r.takenOn, personsTotal: r.personsTotal, personsComplete: r.personsComplete }));
}
