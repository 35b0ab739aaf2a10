/**
 * The national benchmark data set: 200 institutions (at scale 1) with ~60k parties, ~60k stakeholder
 * links, ~40k obligations, ~400k reporting moments, compliance statements over five years for the
 * adopted codes, a supervisor of every institution, a secretary and a manager per institution, and a
 * personal calendar-feed token.
 *
 * Deliberately NOT written through the mutations: those run one audited transaction per record and
 * would take hours for half a million rows. This writes large multi-row INSERTs straight through the
 * query interface, one transaction per institution, after the real migrations and the real import of
 * the shipped code libraries — so the schema, CHECKs, foreign keys and indexes are the app's own and
 * every row must satisfy them. Audit events are written only as a plausible trail (one `create` per
 * stakeholder, agreement and obligation), not for every row.
 *
 * Deterministic: every institution draws from its own seeded stream, so institution k is the same at
 * every scale (the largest, k = 0, is identical at scale 1 and 0.1) and two runs give the same rows
 * (password hashes aside: their salt is random).
 */
import { createHash } from 'node:crypto';
import type { Sequelize, Transaction } from 'sequelize';
import { hashPassword } from '~/modules/auth/password.server';
import { hashToken } from '~/modules/auth/tokens.server';
import {
  expandRecurrence, horizonEnd, momentUid, presetsForSector, recurrenceColumns, type Moment, type Recurrence, type RecurrenceSeries,
} from '~/modules/obligations/rules';
import type { Sector } from '~/modules/institutions/schema';
import { organisationNameKey, personDisplayName, personNameKey } from '~/modules/parties/rules';
import { salienceOf } from '~/modules/stakeholders/rules';
import type { Day } from '~/utils/dates';
import { db, dialectOf, QueryTypes } from '~/utils/db.server';
import { migrateUp } from '../../db/migrator';
import { seedCodeLibraries } from '../index';
import { GENERATOR_VERSION } from './config';
import { createRandom, type Random } from './prng';
import * as words from './vocabulary';

export const FULL_SCALE_INSTITUTIONS = 200;
export const BENCH_PASSWORD = 'horizon-bench';
export const SUPERVISOR_EMAIL = 'supervisor@bench.test';
export const secretaryEmail = (k: number) => `secretary-${k + 1}@bench.test`;
const managerEmail = (k: number) => `manager-${k + 1}@bench.test`;

// Per unit of institution weight (the average institution has weight 1).
const PER_UNIT = {
  organisations: 190, persons: 118, households: 10, obligations: 200, agreements: 30, engagements: 100,
} as const;
// Before normalisation: the largest institution (k = 0) against the others' 0.3–2.0.
const LARGEST_RAW_WEIGHT = 4.4;
const STATEMENT_YEARS = 5;

export type BenchOptions = { scale: number; seed: string; today: Day; log?: (line: string) => void };

export type BenchSummary = {
  generatorVersion: number;
  scale: number;
  seed: string;
  today: Day;
  dialect: string;
  institutions: number;
  largestInstitutionId: number;
  counts: Record<string, number>;
  users: { supervisor: { email: string; password: string }; secretary: { email: string; password: string } };
  /** The largest institution's secretary's personal feed: `/ics/<token>.ics`. */
  feedToken: string;
  seconds: number;
};

type InstitutionProfile = { k: number; sector: string; weight: number };

const SECTOR_WEIGHTS = {
  housing: 35, healthcare: 25, 'vocational-education': 12, 'primary-education': 10, 'secondary-education': 9,
  'applied-sciences': 5, university: 4,
} as const;
const CODE_OF_SECTOR: Record<string, string | undefined> = { housing: 'woningcorporaties', healthcare: 'zorg', 'vocational-education': 'mbo' };

/** Sector and size of institution k: a function of the seed and k only, never of the scale. */
function rawProfile(seed: string, k: number): { sector: string; raw: number } {
  const random = createRandom(seed, 'profile', k);
  const sector = k === 0 ? 'housing' : random.weighted(SECTOR_WEIGHTS);
  const raw = k === 0 ? LARGEST_RAW_WEIGHT : 0.3 + 1.7 * random.next() ** 2;
  return { sector, raw };
}

/** Weights normalised over the full 200, so scale 0.1 is the first 20 institutions of scale 1, unchanged. */
export function institutionProfiles(seed: string, scale: number): InstitutionProfile[] {
  const all = Array.from({ length: FULL_SCALE_INSTITUTIONS }, (_, k) => rawProfile(seed, k));
  const norm = FULL_SCALE_INSTITUTIONS / all.reduce((sum, p) => sum + p.raw, 0);
  const count = Math.max(1, Math.round(FULL_SCALE_INSTITUTIONS * scale));
  return all.slice(0, count).map((p, k) => ({ k, sector: p.sector, weight: p.raw * norm }));
}

/** The feed token of a seed: 43 base64url characters, like newToken() makes. */
export function benchFeedToken(seed: string): string {
  return createHash('sha256').update(`horizon-bench-feed/${seed}`).digest('base64url');
}

// ---------------------------------------------------------------------------------------------
// Plain-day arithmetic on UTC day numbers: the app's date helpers (date-fns, validated) are exact
// but cost microseconds each, and the generator does millions of these.

const MS_PER_DAY = 86_400_000;
const dayNumber = (day: Day) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / MS_PER_DAY;
const dayOfNumber = (n: number): Day => new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
const addDays = (day: Day, amount: number): Day => dayOfNumber(dayNumber(day) + amount);
const differenceInDays = (a: Day, b: Day) => dayNumber(a) - dayNumber(b);
// YYYY-MM-DD sorts as the calendar does.
const compareDays = (a: Day, b: Day) => (a < b ? -1 : a > b ? 1 : 0);
const minDay = (a: Day, b: Day) => (a < b ? a : b);
const maxDay = (a: Day, b: Day) => (a > b ? a : b);
const yearOf = (day: Day) => Number(day.slice(0, 4));

// ---------------------------------------------------------------------------------------------
// Multi-row INSERTs

/** A value already written as SQL (a dialect's timestamp literal). */
class Sql {
  constructor(readonly text: string) {}
}

class Literals {
  private instants = new Map<Day, Sql>();
  constructor(private readonly sequelize: Sequelize, private readonly dialect: 'sqlite' | 'postgres') {}

  /** Midday UTC of a day, in the literal the dialect's DATE column takes (Sequelize's own escape). */
  instant(day: Day): Sql {
    let literal = this.instants.get(day);
    if (!literal) {
      literal = new Sql(this.sequelize.escape(new Date(`${day}T10:00:00.000Z`)));
      this.instants.set(day, literal);
    }
    return literal;
  }

  of(value: unknown): string {
    if (value === null || value === undefined) return 'NULL';
    if (value instanceof Sql) return value.text;
    if (typeof value === 'number') return String(value);
    if (typeof value === 'boolean') return this.dialect === 'postgres' ? (value ? 'TRUE' : 'FALSE') : value ? '1' : '0';
    return `'${String(value).replace(/'/g, "''")}'`;
  }
}

class TableRows {
  readonly rows: string[] = [];
  constructor(readonly table: string, readonly columns: readonly string[]) {}
}

const BATCH_ROWS = 1000;

class BulkWriter {
  private tables = new Map<string, TableRows>();
  private nextIds = new Map<string, number>();
  readonly counts: Record<string, number> = {};

  constructor(private readonly sequelize: Sequelize, readonly literals: Literals) {}

  async startIds(tables: readonly string[]): Promise<void> {
    for (const table of tables) {
      const [row] = (await this.sequelize.query(`SELECT COALESCE(MAX(id), 0) AS n FROM "${table}"`, { type: QueryTypes.SELECT })) as { n: number | string }[];
      this.nextIds.set(table, Number(row?.n ?? 0) + 1);
    }
  }

  id(table: string): number {
    const next = this.nextIds.get(table);
    if (next === undefined) throw new Error(`no id counter for ${table}`);
    this.nextIds.set(table, next + 1);
    return next;
  }

  /** Queues a row; `values` in the order of `columns`, which must be the same for every row of a table. */
  add(table: string, record: Record<string, unknown>): void {
    let rows = this.tables.get(table);
    if (!rows) {
      rows = new TableRows(table, Object.keys(record));
      this.tables.set(table, rows);
    }
    rows.rows.push(`(${rows.columns.map((c) => this.literals.of(record[c])).join(', ')})`);
  }

  /** Writes the queued rows table by table, in the order given (parents before children). */
  async flush(order: readonly string[], transaction: Transaction): Promise<void> {
    for (const table of order) {
      const rows = this.tables.get(table);
      if (!rows || rows.rows.length === 0) continue;
      const head = `INSERT INTO "${table}" (${rows.columns.map((c) => `"${c}"`).join(', ')}) VALUES `;
      for (let i = 0; i < rows.rows.length; i += BATCH_ROWS) {
        await this.sequelize.query(head + rows.rows.slice(i, i + BATCH_ROWS).join(',\n'), { transaction });
      }
      this.counts[table] = (this.counts[table] ?? 0) + rows.rows.length;
      this.tables.delete(table);
    }
    const left = [...this.tables.keys()];
    if (left.length) throw new Error(`rows queued for tables outside the flush order: ${left.join(', ')}`);
  }
}

const TABLE_ORDER = [
  'institutions', 'users', 'memberships', 'themes', 'organisations', 'persons', 'households', 'household_members', 'positions',
  'stakeholders', 'salience_assessments', 'interests', 'engagements', 'engagement_stakeholders', 'agreements', 'agreement_parties',
  'obligations', 'obligation_stakeholders', 'obligation_provisions', 'reporting_moments', 'code_adoptions', 'compliance_years',
  'compliance_statements', 'statement_evidence', 'audit_events',
] as const;

// ---------------------------------------------------------------------------------------------
// The code library, as imported

type StatementTarget = { provisionId: number | null; principleId: number | null; regime: string };
type CodeInfo = { id: number; validFrom: Day; targets: StatementTarget[]; provisionIds: number[] };

async function loadCodes(sequelize: Sequelize): Promise<Map<string, CodeInfo>> {
  const codes = (await sequelize.query('SELECT id, key, valid_from FROM governance_codes', { type: QueryTypes.SELECT })) as
    { id: number; key: string; valid_from: string | Date }[];
  const principles = (await sequelize.query('SELECT id, code_id, regime FROM code_principles ORDER BY position', { type: QueryTypes.SELECT })) as
    { id: number; code_id: number; regime: string | null }[];
  const provisions = (await sequelize.query('SELECT id, code_id, principle_id, regime FROM code_provisions ORDER BY position', { type: QueryTypes.SELECT })) as
    { id: number; code_id: number; principle_id: number; regime: string }[];
  const byKey = new Map<string, CodeInfo>();
  for (const code of codes) {
    const own = provisions.filter((p) => p.code_id === code.id);
    const withProvisions = new Set(own.map((p) => p.principle_id));
    // A statement per listed provision, and per principle whose provisions the library does not list.
    const targets: StatementTarget[] = [
      ...principles.filter((p) => p.code_id === code.id && !withProvisions.has(p.id))
        .map((p) => ({ provisionId: null, principleId: p.id, regime: p.regime ?? 'unspecified' })),
      ...own.map((p) => ({ provisionId: p.id, principleId: null, regime: p.regime })),
    ];
    const validFrom = code.valid_from instanceof Date ? code.valid_from.toISOString().slice(0, 10) : String(code.valid_from).slice(0, 10);
    byKey.set(code.key, { id: code.id, validFrom, targets, provisionIds: own.map((p) => p.id) });
  }
  return byKey;
}

// ---------------------------------------------------------------------------------------------
// One institution

type Context = {
  out: BulkWriter;
  today: Day;
  horizon: Day;
  codes: Map<string, CodeInfo>;
};

type People = { secretaryId: number; managerId: number; supervisorId: number; secretaryLabel: string };

const dayBetween = (random: Random, from: Day, to: Day): Day => addDays(from, random.int(0, Math.max(0, differenceInDays(to, from))));
const fill = (pattern: string, random: Random) =>
  pattern
    .replace('{city}', random.pick(words.CITIES))
    .replace('{province}', random.pick(words.PROVINCES))
    .replace('{ministry}', random.pick(words.MINISTRIES))
    .replace('{name}', random.pick(words.FAMILY_NAMES)[1]);
const postcode = (random: Random) => `${random.int(1000, 9999)} ${String.fromCharCode(65 + random.int(0, 25), 65 + random.int(0, 25))}`;
const asciiWord = (value: string) => value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z]/g, '').toLowerCase();

function institutionName(random: Random, sector: string, taken: Set<string>): string {
  for (let attempt = 0; ; attempt++) {
    const name = fill(random.pick(words.INSTITUTION_PATTERNS[sector] ?? ['Stichting {name}']), random);
    const unique = attempt > 4 ? `${name} ${attempt}` : name;
    if (!taken.has(unique)) {
      taken.add(unique);
      return unique;
    }
  }
}

function generateInstitution(ctx: Context, profile: InstitutionProfile, institutionId: number, people: People, seed: string): void {
  const { out, today, horizon } = ctx;
  const random = createRandom(seed, 'institution', profile.k);
  const w = profile.weight;
  const count = (perUnit: number) => Math.max(3, Math.round(perUnit * w * (0.9 + 0.2 * random.next())));
  const at = (day: Day) => out.literals.instant(minDay(day, today));
  const stamps = (created: Day, updated: Day = created) => ({ created_at: at(created), updated_at: at(maxDay(created, updated)) });
  const owners = [people.secretaryId, people.managerId];
  const audit = (entity: string, entityId: number, day: Day) => out.add('audit_events', {
    id: out.id('audit_events'), occurred_at: at(day), actor_user_id: people.secretaryId, actor_label: people.secretaryLabel,
    institution_id: institutionId, entity, entity_id: String(entityId), action: 'create', changes: null,
  });

  // Themes
  const themeIds = words.THEMES.slice(0, 8).map((name, position) => {
    const id = out.id('themes');
    out.add('themes', { id, institution_id: institutionId, name, active: true, position, ...stamps('2021-01-04') });
    return id;
  });

  const verified = () => (random.chance(0.7) ? dayBetween(random, addDays(today, -700), today) : random.chance(0.5) ? dayBetween(random, '2019-01-01', addDays(today, -731)) : null);

  // Organisations, each a stakeholder
  type StakeholderSeed = { id: number; name: string; category: string };
  const stakeholders: StakeholderSeed[] = [];
  const orgNames = new Set<string>();
  const organisationIds: number[] = [];
  for (let i = 0; i < count(PER_UNIT.organisations); i++) {
    const [pattern, kind, category] = random.pick(words.ORGANISATION_PATTERNS);
    let name = fill(pattern, random);
    if (orgNames.has(name)) name = `${name} (${random.pick(words.CITIES)})`;
    if (orgNames.has(name)) name = `${name} ${i}`;
    orgNames.add(name);
    const id = out.id('organisations');
    const created = dayBetween(random, '2020-06-01', addDays(today, -30));
    out.add('organisations', {
      id, institution_id: institutionId, name, name_key: organisationNameKey(name), kind,
      kvk_number: random.chance(0.5) ? String(10_000_000 + id) : null,
      street: random.pick(words.STREETS), house_number: String(random.int(1, 250)), postcode: postcode(random), city: random.pick(words.CITIES),
      website: null, email: random.chance(0.6) ? `info@${asciiWord(name).slice(0, 20)}.nl` : null, phone: null, notes: null,
      source: 'Eigen registratie', last_verified_on: verified(), active: true, merged_into_id: null, version: 0, ...stamps(created),
    });
    organisationIds.push(id);
    stakeholders.push({ id: 0, name, category });
  }

  // Persons; most are stakeholders, the rest only contacts in a position
  const personIds: number[] = [];
  const personStakeholders: StakeholderSeed[] = [];
  for (let i = 0; i < count(PER_UNIT.persons); i++) {
    const given = random.pick(words.GIVEN_NAMES);
    const [tussenvoegsel, family] = random.pick(words.FAMILY_NAMES);
    const name = { givenName: given, tussenvoegsel, familyName: family, initials: `${given[0]}.` };
    const id = out.id('persons');
    out.add('persons', {
      id, institution_id: institutionId, given_name: given, tussenvoegsel, family_name: family, initials: `${given[0]}.`,
      name_key: personNameKey(name), email: random.chance(0.7) ? `${asciiWord(given)}.${asciiWord(family)}${id}@example.nl` : null,
      phone: null, street: null, house_number: null, postcode: null, city: random.pick(words.CITIES), source: 'Eigen registratie',
      last_verified_on: verified(), legal_basis: random.pick(['public-task', 'legitimate-interests', 'consent']), legal_hold: null,
      active: true, erased_at: null, merged_into_id: null, version: 0, ...stamps(dayBetween(random, '2020-06-01', addDays(today, -30))),
    });
    personIds.push(id);
    if (random.chance(0.9)) personStakeholders.push({ id, name: personDisplayName(name), category: random.pick(['community', 'client-representation', 'field']) });
    if (random.chance(0.5)) {
      out.add('positions', {
        id: out.id('positions'), institution_id: institutionId, person_id: id, organisation_id: random.pick(organisationIds),
        title: random.pick(['Wethouder', 'Directeur', 'Voorzitter', 'Beleidsadviseur', 'Secretaris', 'Bestuurder']),
        starts_on: dayBetween(random, '2018-01-01', '2024-12-31'), ends_on: null, business_email: null, business_phone: null, version: 0,
        ...stamps('2021-01-04'),
      });
    }
  }

  // Households
  const householdSeeds: StakeholderSeed[] = [];
  for (let i = 0; i < count(PER_UNIT.households); i++) {
    const id = out.id('households');
    const name = `Huishouden ${random.pick(words.FAMILY_NAMES)[1]} ${random.int(1, 250)}`;
    out.add('households', {
      id, institution_id: institutionId, name, street: random.pick(words.STREETS), house_number: String(random.int(1, 250)),
      postcode: postcode(random), city: random.pick(words.CITIES), segment: random.pick(['huurder', 'woningzoekende', null]),
      status: 'active', source: 'Eigen registratie', last_verified_on: verified(), version: 0, ...stamps('2021-03-01'),
    });
    for (const personId of random.sample(personIds, random.int(1, 2))) {
      out.add('household_members', { id: out.id('household_members'), household_id: id, person_id: personId, relation: null, ...stamps('2021-03-01') });
    }
    householdSeeds.push({ id, name, category: 'community' });
  }

  // Stakeholders: the institution's relationship with each of those parties
  const stakeholderRows: { id: number; name: string; category: string; created: Day }[] = [];
  const addStakeholder = (kind: 'organisation' | 'person' | 'household', partyId: number, name: string, category: string) => {
    const id = out.id('stakeholders');
    const created = dayBetween(random, '2020-09-01', addDays(today, -14));
    const assessments = random.chance(0.8) ? random.int(1, 3) : 0;
    let latest: { power: number; interest: number; quadrant: string; mitchellClass: string; assessedOn: Day } | null = null;
    const assessmentRows: Record<string, unknown>[] = [];
    for (let a = 0; a < assessments; a++) {
      const assessedOn = dayBetween(random, created, today);
      const input = { power: random.int(1, 5), interest: random.int(1, 5), legitimacy: random.chance(0.7), urgency: random.chance(0.3) };
      const salience = salienceOf(input);
      if (!latest || compareDays(assessedOn, latest.assessedOn) >= 0) latest = { ...input, ...salience, assessedOn };
      assessmentRows.push({
        institution_id: institutionId, stakeholder_id: id, assessed_on: assessedOn, power: input.power, interest: input.interest,
        legitimacy: input.legitimacy, urgency: input.urgency, quadrant: salience.quadrant, mitchell_class: salience.mitchellClass,
        note: null, assessed_by_user_id: people.secretaryId, ...stamps(assessedOn),
      });
    }
    out.add('stakeholders', {
      id, institution_id: institutionId, party_kind: kind,
      organisation_id: kind === 'organisation' ? partyId : null, person_id: kind === 'person' ? partyId : null,
      household_id: kind === 'household' ? partyId : null,
      name, category, tier: random.weighted({ a: 15, b: 35, c: 50 }), tier_rationale: null,
      owner_user_id: random.chance(0.7) ? random.pick(owners) : null,
      status: random.weighted({ active: 85, dormant: 10, ended: 5 }),
      description: random.chance(0.4) ? `${random.pick(words.INTEREST_TITLES)} en ${random.pick(words.THEMES).toLowerCase()}` : null,
      power: latest?.power ?? null, interest: latest?.interest ?? null, quadrant: latest?.quadrant ?? null,
      mitchell_class: latest?.mitchellClass ?? null, assessed_on: latest?.assessedOn ?? null, version: assessments, ...stamps(created, latest?.assessedOn),
    });
    for (const row of assessmentRows) out.add('salience_assessments', { id: out.id('salience_assessments'), ...row });
    stakeholderRows.push({ id, name, category, created });
    audit('stakeholder', id, created);
  };
  organisationIds.forEach((partyId, i) => addStakeholder('organisation', partyId, stakeholders[i]!.name, stakeholders[i]!.category));
  for (const p of personStakeholders) addStakeholder('person', p.id, p.name, p.category);
  for (const h of householdSeeds) addStakeholder('household', h.id, h.name, h.category);

  // Interests
  for (const s of stakeholderRows) {
    const n = random.weighted({ 0: 45, 1: 40, 2: 15 });
    for (let i = 0; i < Number(n); i++) {
      const id = out.id('interests');
      out.add('interests', {
        id, institution_id: institutionId, stakeholder_id: s.id, theme_id: random.chance(0.85) ? random.pick(themeIds) : null,
        title: random.pick(words.INTEREST_TITLES), description: null, priority: random.weighted({ high: 25, medium: 50, low: 25 }),
        since: dayBetween(random, '2019-01-01', today), status: random.weighted({ active: 75, addressed: 20, dropped: 5 }), version: 0,
        ...stamps(s.created),
      });
    }
  }

  // Engagements, some with an open follow-up
  for (let i = 0; i < count(PER_UNIT.engagements); i++) {
    const id = out.id('engagements');
    const occurredOn = dayBetween(random, '2021-01-04', today);
    const followUp = random.chance(0.25);
    const dueOn = followUp ? dayBetween(random, occurredOn, addDays(occurredOn, 60)) : null;
    const done = followUp && compareDays(dueOn!, today) < 0 && random.chance(0.8) ? minDay(dayBetween(random, occurredOn, addDays(dueOn!, 14)), today) : null;
    out.add('engagements', {
      id, institution_id: institutionId, occurred_on: occurredOn, channel: random.pick(['meeting', 'phone', 'email', 'video-call', 'site-visit']),
      direction: random.pick(['inbound', 'outbound', 'mutual']), subject: random.pick(words.ENGAGEMENT_SUBJECTS), summary: null,
      follow_up: followUp ? 'Notitie nasturen' : null, follow_up_owner_user_id: followUp ? random.pick(owners) : null,
      follow_up_due_on: dueOn, follow_up_done_on: done, recorded_by_user_id: people.secretaryId, version: 0, ...stamps(occurredOn),
    });
    for (const s of random.sample(stakeholderRows, random.int(1, 2))) {
      out.add('engagement_stakeholders', { id: out.id('engagement_stakeholders'), engagement_id: id, stakeholder_id: s.id, created_at: at(occurredOn) });
    }
  }

  // Agreements
  const agreementRows: { id: number; startsOn: Day; endsOn: Day | null }[] = [];
  for (let i = 0; i < count(PER_UNIT.agreements); i++) {
    const id = out.id('agreements');
    const startsOn = dayBetween(random, '2019-01-01', addDays(today, -60));
    const endsOn = random.chance(0.5) ? addDays(startsOn, 365 * random.int(1, 5) - 1) : null;
    const ended = endsOn !== null && compareDays(endsOn, today) < 0;
    const status = ended ? random.weighted({ fulfilled: 60, expired: 30, terminated: 10 }) : random.weighted({ active: 85, draft: 15 });
    out.add('agreements', {
      id, institution_id: institutionId, title: `${random.pick(words.AGREEMENT_TITLES)} ${yearOf(startsOn)}`,
      kind: random.pick(['performance-agreement', 'covenant', 'cooperation', 'funding-condition', 'service-level']),
      direction: random.pick(['we-owe', 'they-owe', 'mutual']), goals: null, starts_on: startsOn, ends_on: endsOn,
      review_on: status === 'active' ? dayBetween(random, addDays(today, -30), addDays(today, 240)) : null, status,
      owner_user_id: random.pick(owners), version: 0, ...stamps(startsOn),
    });
    for (const s of random.sample(stakeholderRows, random.int(1, 3))) {
      out.add('agreement_parties', { id: out.id('agreement_parties'), agreement_id: id, stakeholder_id: s.id, created_at: at(startsOn) });
    }
    agreementRows.push({ id, startsOn, endsOn });
    audit('agreement', id, startsOn);
  }

  // Obligations: the sector's presets and a varied rest
  const code = ctx.codes.get(CODE_OF_SECTOR[profile.sector] ?? '');
  const obligationsOfProvision = new Map<number, number[]>();
  const obligationIds: number[] = [];
  const totalObligations = count(PER_UNIT.obligations);
  const presets = presetsForSector(profile.sector as Sector);
  for (let i = 0; i < totalObligations; i++) {
    const preset = i < presets.length ? presets[i]! : null;
    let recurrence: Recurrence;
    let leadTimeDays: number;
    let title: string;
    let form: string;
    let forum: string | null;
    let reportsOn: 'previous' | 'current';
    if (preset) {
      ({ recurrence, leadTimeDays, form } = preset);
      reportsOn = preset.reportsOn;
      title = preset.key.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
      forum = null;
    } else {
      const [baseTitle, baseForm, baseForum] = random.pick(words.OBLIGATION_TITLES);
      form = baseForm;
      forum = baseForum;
      reportsOn = random.chance(0.7) ? 'previous' : 'current';
      const kind = random.weighted({ yearly: 55, quarterly: 20, monthly: 4, once: 21 });
      if (kind === 'yearly') {
        const monthDay = random.weighted({ '06-30': 20, '12-31': 15, '05-31': 10, '12-15': 5, other: 50 });
        recurrence = {
          kind: 'yearly', interval: Number(random.weighted({ 1: 90, 2: 6, 4: 4 })),
          monthDay: monthDay === 'other' ? `${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}` : monthDay,
        };
        leadTimeDays = random.int(30, 90);
      } else if (kind === 'quarterly') {
        recurrence = { kind: 'monthly', interval: 3, day: random.pick([1, 15, 28, 31]) };
        leadTimeDays = random.int(7, 30);
      } else if (kind === 'monthly') {
        recurrence = { kind: 'monthly', interval: 1, day: random.int(1, 28) };
        leadTimeDays = random.int(3, 14);
      } else {
        recurrence = { kind: 'once' };
        leadTimeDays = random.int(14, 60);
      }
      title = `${baseTitle} ${random.pick(words.THEMES).toLowerCase()}`;
    }
    const id = out.id('obligations');
    obligationIds.push(id);
    const agreement = random.chance(0.15) ? random.pick(agreementRows) : null;
    // Five years of history for most; a `once` falls anywhere up to next year.
    let startsOn = recurrence.kind === 'once'
      ? dayBetween(random, '2021-01-01', addDays(today, 400))
      : random.chance(0.75) ? dayBetween(random, '2021-01-01', '2021-12-31') : dayBetween(random, '2022-01-01', addDays(today, -30));
    if (agreement) startsOn = maxDay(startsOn, agreement.startsOn);
    const endsOn = recurrence.kind !== 'once' && random.chance(0.08) ? dayBetween(random, addDays(startsOn, 400), addDays(today, 200)) : null;
    const active = (endsOn === null || compareDays(endsOn, today) >= 0) && !random.chance(0.03);
    const responsible = random.weighted({ secretary: 60, manager: 30, none: 10 });
    out.add('obligations', {
      id, institution_id: institutionId, agreement_id: agreement?.id ?? null, title, description: null, forum, form, basis: null,
      responsible_user_id: responsible === 'secretary' ? people.secretaryId : responsible === 'manager' ? people.managerId : null,
      lead_time_days: leadTimeDays, ...recurrenceColumnsSql(recurrence), starts_on: startsOn, ends_on: endsOn, reports_on: reportsOn,
      active, version: 0, ...stamps(minDay(startsOn, addDays(today, -1))),
    });
    audit('obligation', id, minDay(startsOn, today));
    const linked = random.chance(0.2) ? [] : random.sample(stakeholderRows, random.int(1, 3));
    for (const s of linked) {
      out.add('obligation_stakeholders', { id: out.id('obligation_stakeholders'), obligation_id: id, stakeholder_id: s.id, created_at: at(startsOn) });
    }
    if (code && code.provisionIds.length && random.chance(0.3)) {
      for (const provisionId of random.sample(code.provisionIds, random.int(1, 2))) {
        out.add('obligation_provisions', { id: out.id('obligation_provisions'), obligation_id: id, provision_id: provisionId, created_at: at(startsOn) });
        obligationsOfProvision.set(provisionId, [...(obligationsOfProvision.get(provisionId) ?? []), id]);
      }
    }
    // Moments through the horizon, as the app materialises them; history gets a realistic outcome.
    for (const moment of expandCached({ recurrence, startsOn, endsOn, reportsOn }, horizon)) {
      // remindFrom() of the rules, on the fast helper.
      const remind = addDays(moment.dueOn, -leadTimeDays);
      const outcome = momentOutcome(random, moment.dueOn, remind, today);
      const touched = outcome.renderedOn ?? outcome.waivedOn;
      out.add('reporting_moments', {
        id: out.id('reporting_moments'), uid: momentUid(id, moment.periodStart), institution_id: institutionId, obligation_id: id,
        due_on: moment.dueOn, remind_from: remind, period_start: moment.periodStart, period_end: moment.periodEnd,
        rendered_on: outcome.renderedOn, rendered_by_user_id: outcome.renderedOn ? people.secretaryId : null,
        note: outcome.renderedOn && random.chance(0.3) ? 'Verzonden per e-mail' : null,
        waived_on: outcome.waivedOn, waived_by_user_id: outcome.waivedOn ? people.managerId : null,
        waive_reason: outcome.waivedOn ? random.pick(words.WAIVE_REASONS) : null, version: touched ? 1 : 0,
        ...stamps(minDay(startsOn, addDays(today, -1)), touched ?? undefined),
      });
    }
  }

  // The adopted code and five years of statements, the last year still open
  if (code) {
    const adoptedFrom = maxDay(code.validFrom, '2021-01-01');
    out.add('code_adoptions', { id: out.id('code_adoptions'), institution_id: institutionId, code_id: code.id, adopted_from: adoptedFrom, adopted_until: null, ...stamps(adoptedFrom) });
    const lastYear = yearOf(today);
    for (let year = lastYear - STATEMENT_YEARS + 1; year <= lastYear; year++) {
      const approved = year < lastYear;
      out.add('compliance_years', {
        id: out.id('compliance_years'), institution_id: institutionId, year,
        approved_at: approved ? at(`${year + 1}-03-15`) : null, approved_by_user_id: approved ? people.managerId : null,
        version: approved ? 1 : 0, ...stamps(`${year}-01-15`, approved ? `${year + 1}-03-15` : undefined),
      });
      for (const target of code.targets) {
        const status = year === lastYear && random.chance(0.4)
          ? 'not-assessed'
          : random.weighted({ complies: 62, partially: 14, explains: 12, 'not-applicable': 5, 'not-assessed': 7 });
        const explained = (status !== 'complies' && status !== 'not-assessed') || target.regime === 'apply-and-explain';
        const id = out.id('compliance_statements');
        out.add('compliance_statements', {
          id, institution_id: institutionId, year, code_id: code.id, provision_id: target.provisionId, principle_id: target.principleId, status,
          explanation: explained ? 'Toelichting: context, redenen, risico’s en maatregelen; naleving voorzien volgend jaar.' : null,
          needs_review: false, updated_by_user_id: people.managerId, version: 1, ...stamps(`${year}-02-01`, `${year}-12-01`),
        });
        const evidence = target.provisionId ? obligationsOfProvision.get(target.provisionId) ?? [] : [];
        if (evidence.length && random.chance(0.6)) {
          out.add('statement_evidence', {
            id: out.id('statement_evidence'), statement_id: id, obligation_id: random.pick(evidence), reporting_moment_id: null,
            agreement_id: null, engagement_id: null, created_at: at(`${year}-12-01`),
          });
        }
      }
    }
  }
}

const expansions = new Map<string, Moment[]>();
const ANCHOR_YEAR = 2015;

/**
 * expandRecurrence, memoised: a repeating series' dates depend on its start only through the phase
 * (the start's month modulo the interval, or its year modulo the interval), and its moments are the
 * phase's occurrences from the start on. So the rule expands once per recurrence and phase, from an
 * aligned anchor before any start, and each obligation takes its window of that.
 */
function expandCached(series: RecurrenceSeries, horizon: Day): Moment[] {
  const { recurrence, startsOn, endsOn, reportsOn } = series;
  if (recurrence.kind === 'once') return expandRecurrence(series, { through: horizon });
  let anchor: Day;
  if (recurrence.kind === 'monthly') {
    const months = (yearOf(startsOn) - ANCHOR_YEAR) * 12 + Number(startsOn.slice(5, 7)) - 1;
    const phase = months % recurrence.interval;
    anchor = `${ANCHOR_YEAR + Math.floor(phase / 12)}-${String((phase % 12) + 1).padStart(2, '0')}-01`;
  } else {
    anchor = `${ANCHOR_YEAR + ((yearOf(startsOn) - ANCHOR_YEAR) % recurrence.interval)}-01-01`;
  }
  const key = `${JSON.stringify(recurrence)}|${reportsOn}|${anchor}`;
  let all = expansions.get(key);
  if (!all) {
    all = expandRecurrence({ recurrence, startsOn: anchor, endsOn: null, reportsOn }, { through: horizon });
    expansions.set(key, all);
  }
  const last = endsOn === null ? horizon : minDay(endsOn, horizon);
  return all.filter((m) => m.dueOn >= startsOn && m.dueOn <= last);
}

function recurrenceColumnsSql(recurrence: Recurrence) {
  const c = recurrenceColumns(recurrence);
  return {
    recurrence_kind: c.recurrenceKind, recurrence_interval: c.recurrenceInterval, recurrence_day: c.recurrenceDay,
    recurrence_month_day: c.recurrenceMonthDay,
  };
}

/**
 * What happened to a moment by `today`: older history is nearly all rendered; the last quarter
 * still has a fair share overdue; a few are waived; some of those coming due are rendered early.
 */
function momentOutcome(random: Random, dueOn: Day, remind: Day, today: Day): { renderedOn: Day | null; waivedOn: Day | null } {
  const none = { renderedOn: null, waivedOn: null };
  const age = differenceInDays(today, dueOn);
  if (age <= 0) {
    if (compareDays(remind, today) <= 0 && random.chance(0.15)) return { renderedOn: dayBetween(random, remind, today), waivedOn: null };
    return none;
  }
  const overdue = age <= 90 ? 0.25 : age <= 365 ? 0.08 : 0.015;
  const roll = random.next();
  if (roll < overdue) return none;
  if (roll < overdue + 0.04) return { renderedOn: null, waivedOn: minDay(addDays(dueOn, random.int(-20, 20)), today) };
  if (random.chance(0.15)) return { renderedOn: minDay(addDays(dueOn, random.int(1, 60)), today), waivedOn: null };
  return { renderedOn: minDay(addDays(dueOn, -random.int(0, 20)), today), waivedOn: null };
}

// ---------------------------------------------------------------------------------------------

/** Fills the database `db()` opens (it must hold no institutions yet) and says what it made. */
export async function generateBenchData(options: BenchOptions): Promise<BenchSummary> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const sequelize = await db();
  const dialect = dialectOf(sequelize);
  await migrateUp(sequelize);
  const [existing] = (await sequelize.query('SELECT COUNT(*) AS n FROM institutions', { type: QueryTypes.SELECT })) as { n: number | string }[];
  if (Number(existing?.n ?? 0) > 0) throw new Error('the benchmark database already holds institutions: generate into an empty one');
  await seedCodeLibraries((line) => log(line));
  const codes = await loadCodes(sequelize);

  const out = new BulkWriter(sequelize, new Literals(sequelize, dialect));
  await out.startIds(TABLE_ORDER);
  const profiles = institutionProfiles(options.seed, options.scale);
  const ctx: Context = { out, today: options.today, horizon: horizonEnd(options.today), codes };
  const at = (day: Day) => out.literals.instant(day);
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const feedToken = benchFeedToken(options.seed);

  // Institutions, their secretary and manager, and one supervisor of them all
  const taken = new Set<string>();
  const supervisorId = out.id('users');
  out.add('users', {
    id: supervisorId, email: SUPERVISOR_EMAIL, name: 'Sectorinstituut Toezicht', password_hash: passwordHash, is_admin: false, locale: 'nl',
    active: true, deactivated_at: null, sessions_valid_after: null, calendar_token_hash: null, version: 0, created_at: at('2021-01-04'), updated_at: at('2021-01-04'),
  });
  const institutions = profiles.map((profile) => {
    const random = createRandom(options.seed, 'institution-row', profile.k);
    const id = out.id('institutions');
    const name = institutionName(random, profile.sector, taken);
    out.add('institutions', {
      id, name, sector: profile.sector, kvk_number: String(30_000_000 + profile.k), city: random.pick(words.CITIES), website: null,
      active: true, version: 0, created_at: at('2021-01-04'), updated_at: at('2021-01-04'),
    });
    const people: People = { secretaryId: out.id('users'), managerId: out.id('users'), supervisorId, secretaryLabel: secretaryEmail(profile.k) };
    for (const [userId, email, role] of [[people.secretaryId, secretaryEmail(profile.k), 'secretary'], [people.managerId, managerEmail(profile.k), 'manager']] as const) {
      out.add('users', {
        id: userId, email, name: `${role === 'secretary' ? 'Bestuurssecretaris' : 'Manager'} ${name}`.slice(0, 200), password_hash: passwordHash,
        is_admin: false, locale: 'nl', active: true, deactivated_at: null, sessions_valid_after: null,
        calendar_token_hash: profile.k === 0 && role === 'secretary' ? hashToken(feedToken) : null, version: 0,
        created_at: at('2021-01-04'), updated_at: at('2021-01-04'),
      });
      out.add('memberships', { id: out.id('memberships'), user_id: userId, institution_id: id, role, created_at: at('2021-01-04'), updated_at: at('2021-01-04') });
    }
    out.add('memberships', { id: out.id('memberships'), user_id: supervisorId, institution_id: id, role: 'supervisor', created_at: at('2021-01-04'), updated_at: at('2021-01-04') });
    return { profile, id, people };
  });
  await sequelize.transaction((transaction) => out.flush(TABLE_ORDER, transaction));
  log(`${institutions.length} institutions, ${institutions.length * 2 + 1} users`);

  for (const { profile, id, people } of institutions) {
    generateInstitution(ctx, profile, id, people, options.seed);
    await sequelize.transaction((transaction) => out.flush(TABLE_ORDER, transaction));
    if ((profile.k + 1) % 20 === 0 || profile.k === institutions.length - 1) {
      log(`institution ${profile.k + 1}/${institutions.length} (${out.counts.reporting_moments ?? 0} moments so far)`);
    }
  }

  if (dialect === 'postgres') {
    // Explicit ids leave the sequences behind; the app's own inserts must continue after them.
    for (const table of TABLE_ORDER) {
      await sequelize.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), COALESCE((SELECT MAX(id) FROM "${table}"), 0) + 1, false)`);
    }
    await sequelize.query('ANALYZE');
  } else {
    // Fresh statistics for the query planner, as a long-running database would have.
    await sequelize.query('ANALYZE');
  }

  return {
    generatorVersion: GENERATOR_VERSION,
    scale: options.scale,
    seed: options.seed,
    today: options.today,
    dialect,
    institutions: institutions.length,
    largestInstitutionId: institutions[0]!.id,
    counts: { ...out.counts, parties: (out.counts.organisations ?? 0) + (out.counts.persons ?? 0) + (out.counts.households ?? 0) },
    users: { supervisor: { email: SUPERVISOR_EMAIL, password: BENCH_PASSWORD }, secretary: { email: secretaryEmail(0), password: BENCH_PASSWORD } },
    feedToken,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}
