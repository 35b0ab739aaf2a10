// The parties catalogue alone: this file reaches the browser (the preview form), and the whole
// catalogue of both languages would put every area's texts in the imports page's JavaScript.
import enParties from '~/locales/en/parties.json';
import nlParties from '~/locales/nl/parties.json';
import {
  familyCores, normaliseHouseNumber, normalisePostcode, organisationMatchReasons, organisationNameKey,
  personMatchReasons, type MatchReason, type PersonFacts,
} from '~/modules/parties/rules';
import {
  LEGAL_BASES, ORGANISATION_KINDS, organisationSchema, personSchema, positionFieldsSchema, type OrganisationInput,
  type PersonInput, type PositionFieldsInput,
} from '~/modules/parties/schema';
import { fieldErrorsOf } from '~/utils/forms';
import { columnFor, COLUMN_GROUPS, normaliseHeader, type ColumnKey } from './columns';

/**
 * Pure rules of an import: a record (a CSV row or a vCard) becomes an organisation, a person and a
 * position validated by the register's own schemas; rows are matched with each other by the
 * register's duplicate rules; each party gets its choices (create / use existing / same as an
 * earlier row / skip) and a default that never guesses where the rules are unsure.
 */

export type RowError = { field: ColumnKey | 'row'; message: string };

export type ImportRow = {
  /** The line (CSV) or card (vCard) number a person finds the record by. */
  row: number;
  /** The names as given, for the preview and the report (also of a row that failed). */
  personName: string | null;
  organisationName: string | null;
  person: PersonInput | null;
  organisation: OrganisationInput | null;
  position: PositionFieldsInput | null;
  errors: RowError[];
};

export type LegalBasis = (typeof LEGAL_BASES)[number];
export type ImportDefaults = { source: string; legalBasis?: LegalBasis };

type Values = Partial<Record<ColumnKey, string>>;

// Cells that a spreadsheet would run as a formula. A leading apostrophe is how our own exports
// (and Excel) neutralise one: it is taken off, and the value judged as what it then is.
const FORMULA = /^[=@]|^[+-](?![\d\s(])/;
const FREE_TEXT: ColumnKey[] = [
  'organisation', 'organisationStreet', 'organisationCity', 'givenName', 'initials', 'tussenvoegsel', 'familyName', 'street',
  'city', 'source', 'title',
];

function clean(values: Values): Values {
  const cleaned: Values = {};
  for (const [key, raw] of Object.entries(values) as [ColumnKey, string | undefined][]) {
    const value = raw?.trim().replace(/^'(?=[=+\-@])/, '');
    if (value) cleaned[key] = value;
  }
  return cleaned;
}

/** A choice given as its slug or its label in either language: `Gemeente`, `municipality`, `Publieke taak`. */
function choiceLookup<T extends string>(slugs: readonly T[], labels: (language: 'en' | 'nl') => Record<string, string>) {
  const map = new Map<string, T>();
  for (const slug of slugs) {
    map.set(normaliseHeader(slug), slug);
    for (const language of ['en', 'nl'] as const) {
      const label = labels(language)[slug];
      if (label) map.set(normaliseHeader(label), slug);
    }
  }
  return (value: string | undefined): T | string | undefined => (value === undefined ? undefined : (map.get(normaliseHeader(value)) ?? value));
}

const parties = { en: enParties, nl: nlParties };
const kindOf = choiceLookup(ORGANISATION_KINDS, (language) => parties[language].kinds);
const legalBasisOf = choiceLookup(LEGAL_BASES, (language) => parties[language].legalBases);

// Tussenvoegsels as written after a given name: lower case. `van der Berg` in a family-name
// column becomes tussenvoegsel `van der`, family name `Berg` — as the register's form stores it.
const TUSSENVOEGSEL = /^((?:(?:van|von|de|der|den|het|'t|ten|ter|te|in|op|aan|bij|uit|d'|l')\s+)+)(\S.*)$/;

export function splitTussenvoegsel(familyName: string): { tussenvoegsel?: string; familyName: string } {
  const match = TUSSENVOEGSEL.exec(familyName);
  return match ? { tussenvoegsel: match[1]!.trim(), familyName: match[2]! } : { familyName };
}

/** `2024-03-01`, `1-3-2024`, `01/03/2024` and `1.3.2024` (day first, as in the Netherlands) → `2024-03-01`. */
export function dayFromCell(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(value);
  if (dutch) return `${dutch[3]}-${dutch[2]!.padStart(2, '0')}-${dutch[1]!.padStart(2, '0')}`;
  return value;
}

const websiteOf = (value: string | undefined) => (value && /^www\./i.test(value) ? `https://${value}` : value);

const has = (values: Values, keys: readonly ColumnKey[]) => keys.some((key) => values[key] !== undefined);

const PERSON_PRESENCE: ColumnKey[] = ['givenName', 'initials', 'tussenvoegsel', 'familyName', 'email', 'phone', 'street', 'houseNumber', 'postcode', 'city'];
const ORGANISATION_PRESENCE = COLUMN_GROUPS.organisation;
const POSITION_PRESENCE = COLUMN_GROUPS.position;

// Schema fields → the columns they came from, so a message lands on the column the user knows.
const ORGANISATION_FIELDS: Record<string, ColumnKey> = {
  name: 'organisation', kind: 'organisationKind', kvkNumber: 'kvkNumber', street: 'organisationStreet',
  houseNumber: 'organisationHouseNumber', postcode: 'organisationPostcode', city: 'organisationCity', website: 'website',
  email: 'organisationEmail', phone: 'organisationPhone', source: 'source',
};

function errorsFrom(fieldErrors: Record<string, string>, fields: Record<string, ColumnKey> = {}): RowError[] {
  return Object.entries(fieldErrors).map(([field, message]) => ({ field: fields[field] ?? columnFor(field) ?? 'row', message }));
}

/**
 * One record as an import row, or null when it holds nothing (a blank line). Every problem is
 * listed against its column; a row with problems is never written.
 */
export function readRecord(row: number, raw: Values, defaults: ImportDefaults): ImportRow | null {
  const values = clean(raw);
  const hasPerson = has(values, PERSON_PRESENCE);
  const hasOrganisation = has(values, ORGANISATION_PRESENCE);
  const hasPosition = has(values, POSITION_PRESENCE);
  if (!hasPerson && !hasOrganisation && !hasPosition) return null;

  const errors: RowError[] = [];
  for (const key of FREE_TEXT) {
    if (values[key] && FORMULA.test(values[key]!)) errors.push({ field: key, message: 'imports:errors.formula' });
  }

  // `J.P.` in a given-name column is initials (Dutch lists often have no separate column).
  if (values.givenName && !values.initials && /^(?:[A-Za-z]{1,2}\.)+$/.test(values.givenName)) {
    values.initials = values.givenName;
    delete values.givenName;
  }

  let person: PersonInput | null = null;
  if (hasPerson) {
    const name = values.tussenvoegsel || !values.familyName
      ? { tussenvoegsel: values.tussenvoegsel, familyName: values.familyName }
      : splitTussenvoegsel(values.familyName);
    const parsed = personSchema.safeParse({
      givenName: values.givenName, initials: values.initials, ...name, email: values.email, phone: values.phone,
      street: values.street, houseNumber: values.houseNumber, postcode: values.postcode, city: values.city,
      source: values.source ?? defaults.source, legalBasis: legalBasisOf(values.legalBasis) ?? defaults.legalBasis,
    });
    if (parsed.success) person = parsed.data;
    else errors.push(...errorsFrom(fieldErrorsOf(parsed.error)));
  }

  let organisation: OrganisationInput | null = null;
  if (hasOrganisation) {
    const parsed = organisationSchema.safeParse({
      name: values.organisation, kind: kindOf(values.organisationKind) ?? 'other', kvkNumber: values.kvkNumber,
      street: values.organisationStreet, houseNumber: values.organisationHouseNumber, postcode: values.organisationPostcode,
      city: values.organisationCity, website: websiteOf(values.website), email: values.organisationEmail, phone: values.organisationPhone,
      source: values.source ?? defaults.source,
    });
    if (parsed.success) organisation = parsed.data;
    else errors.push(...errorsFrom(fieldErrorsOf(parsed.error), ORGANISATION_FIELDS));
  }

  let position: PositionFieldsInput | null = null;
  if (hasPerson && hasOrganisation) {
    // The position is what ties the person to the organisation: without a title it cannot be stored.
    const parsed = positionFieldsSchema.safeParse({
      title: values.title, businessEmail: values.businessEmail, businessPhone: values.businessPhone,
      startsOn: dayFromCell(values.startsOn), endsOn: dayFromCell(values.endsOn),
    });
    if (parsed.success) position = parsed.data;
    else errors.push(...errorsFrom(fieldErrorsOf(parsed.error)));
  } else if (hasPosition) {
    errors.push({ field: 'title', message: 'imports:errors.positionNeedsBoth' });
  }

  const unique = errors.filter((e, i) => errors.findIndex((o) => o.field === e.field) === i);
  const personName = hasPerson
    ? [values.givenName ?? values.initials, values.tussenvoegsel, values.familyName].filter(Boolean).join(' ') || values.email || null
    : null;
  const names = { personName, organisationName: values.organisation ?? null };
  return unique.length
    ? { row, ...names, person: null, organisation: null, position: null, errors: unique }
    : { row, ...names, person, organisation, position, errors: [] };
}

// ---------------------------------------------------------------- matching within the file

export type PartyKindInFile = 'person' | 'organisation';

/** What the duplicate rules compare of a row's person: its own email and its business email. */
export function personFactsOf(row: ImportRow): PersonFacts | null {
  if (!row.person) return null;
  const businessEmail = row.position?.businessEmail ?? null;
  return { ...row.person, email: row.person.email ?? businessEmail, otherEmails: [businessEmail] };
}

export type InFileMatch = { row: number; reasons: MatchReason[] };

// How many earlier rows a row offers as "the same as": the earliest ones, enough to choose from.
const IN_FILE_LIMIT = 3;

/**
 * Each row's likely duplicates among the rows before it, by the register's rules. Rows are only
 * compared within blocks that share a family-name core, an email, an address or (organisations) a
 * name key or KvK number — never every row with every row.
 */
export function matchWithinFile(rows: ImportRow[], kind: PartyKindInFile): Map<number, InFileMatch[]> {
  const blocks = new Map<string, number[]>();
  const result = new Map<number, InFileMatch[]>();
  rows.forEach((row, index) => {
    const keys = kind === 'person' ? personBlockKeys(row) : organisationBlockKeys(row);
    if (keys.length === 0) return;
    const earlier = [...new Set(keys.flatMap((key) => blocks.get(key) ?? []))].sort((a, b) => a - b);
    const matches: InFileMatch[] = [];
    for (const other of earlier) {
      const reasons = kind === 'person'
        ? personMatchReasons(personFactsOf(row)!, personFactsOf(rows[other]!)!)
        : organisationMatchReasons(row.organisation!, rows[other]!.organisation!);
      if (reasons.length) matches.push({ row: rows[other]!.row, reasons });
      if (matches.length === IN_FILE_LIMIT) break;
    }
    if (matches.length) result.set(index, matches);
    for (const key of keys) blocks.set(key, [...(blocks.get(key) ?? []), index]);
  });
  return result;
}

const addressKey = (postcode?: string | null, houseNumber?: string | null) =>
  (postcode && houseNumber ? [`a:${normalisePostcode(postcode)}|${normaliseHouseNumber(houseNumber)}`] : []);

function personBlockKeys(row: ImportRow): string[] {
  const facts = personFactsOf(row);
  if (!facts) return [];
  return [
    ...familyCores(facts.familyName, facts.tussenvoegsel).map((core) => `n:${core}`),
    ...[facts.email, ...(facts.otherEmails ?? [])].filter((e): e is string => Boolean(e)).map((e) => `e:${e.toLowerCase()}`),
    ...addressKey(facts.postcode, facts.houseNumber),
  ];
}

function organisationBlockKeys(row: ImportRow): string[] {
  const o = row.organisation;
  if (!o) return [];
  return [
    `n:${organisationNameKey(o.name)}`,
    ...(o.kvkNumber ? [`k:${o.kvkNumber}`] : []),
    ...(o.email ? [`e:${o.email.toLowerCase()}`] : []),
    ...addressKey(o.postcode, o.houseNumber),
  ];
}

// ---------------------------------------------------------------- choices

export type Choice =
  | { value: 'create' }
  | { value: 'skip' }
  | {
    value: `existing:${number}`; id: number; label: string; detail: string | null; reasons: MatchReason[];
    /** The record's empty fields this row would fill when chosen (a match on its natural key only). */
    fills?: ColumnKey[];
  }
  | { value: `row:${number}`; row: number; reasons: MatchReason[] };

export type ExistingMatch = { id: number; label: string; detail: string | null; active: boolean; reasons: MatchReason[] };

/**
 * Reasons strong enough to take a match as the same party without asking: an email, or name and
 * address together, for a person (a shared address alone is a household, a shared name a guess);
 * the KvK number or the normalised name for an organisation.
 */
export function isStrongMatch(kind: PartyKindInFile, reasons: MatchReason[]): boolean {
  if (kind === 'organisation') return reasons.includes('kvk') || reasons.includes('name');
  return reasons.includes('email') || (reasons.includes('name') && reasons.includes('address'));
}

/**
 * The choices for one party of a row, and the preselected one: the first strong match in the file,
 * else the first strong existing record, else nothing preselected when there are weaker matches
 * (the user decides, as the register's "create anyway" asks), else create. An organisation whose
 * KvK number is already taken cannot be created again: the number is unique in the register.
 */
export function choicesFor(kind: PartyKindInFile, existing: ExistingMatch[], inFile: InFileMatch[]): { choices: Choice[]; preset: string } {
  const active = existing.filter((m) => m.active);
  // Inactive records count here too: the number stays taken while they exist.
  const kvkTaken = [...existing, ...inFile].some((m) => m.reasons.includes('kvk'));
  const choices: Choice[] = [
    ...(kvkTaken ? [] : [{ value: 'create' as const }]),
    ...inFile.map((m) => ({ value: `row:${m.row}` as const, row: m.row, reasons: m.reasons })),
    ...active.map((m) => ({ value: `existing:${m.id}` as const, id: m.id, label: m.label, detail: m.detail, reasons: m.reasons })),
    { value: 'skip' as const },
  ];
  const strong = choices.find((c) => 'reasons' in c && isStrongMatch(kind, c.reasons));
  const preset = strong ? strong.value : inFile.length || active.length ? '' : 'create';
  return { choices, preset };
}

// ---------------------------------------------------------------- the plan

/** A party a row ends up with: one it creates, one already in the register, or none (skipped). */
export type PartyRef = { kind: 'create'; row: number } | { kind: 'existing'; id: number } | null;

export type PlannedRow = {
  row: number; person: PartyRef; organisation: PartyRef; position: boolean; skipped: boolean;
  /** The parties whose existing record the row completes: chosen directly, matched on the natural key. */
  fill: PartyKindInFile[];
};

type Choosable = { row: number; errors: RowError[]; person: { choices: Choice[]; preset: string } | null; organisation: { choices: Choice[]; preset: string } | null };

/** The form field that carries a row's choice for one of its parties. */
export const choiceField = (kind: PartyKindInFile, row: number) => `${kind}-${row}`;

/**
 * The submitted choices turned into what will be written, row by row. A choice must be one the row
 * offered; "same as row n" takes whatever row n ends up with, and refuses when that row is skipped.
 * Every refusal is listed against its form field; any refusal means nothing is written.
 */
export function planImport(rows: Choosable[], submitted: Record<string, unknown>, hasPosition: (row: number) => boolean) {
  const errors: Record<string, string> = {};
  const resolved = new Map<number, { person: PartyRef; organisation: PartyRef }>();
  const plan: PlannedRow[] = [];
  for (const row of rows) {
    if (row.errors.length) {
      plan.push({ row: row.row, person: null, organisation: null, position: false, skipped: true, fill: [] });
      continue;
    }
    const refs = { person: null as PartyRef, organisation: null as PartyRef };
    const fill: PartyKindInFile[] = [];
    for (const kind of ['organisation', 'person'] as const) {
      const offered = row[kind];
      if (!offered) continue;
      const field = choiceField(kind, row.row);
      const raw = submitted[field];
      const value = typeof raw === 'string' ? raw : offered.preset;
      if (value === '') {
        errors[field] = 'imports:errors.chooseMatch';
      } else if (!offered.choices.some((c) => c.value === value)) {
        errors[field] = 'common:errors.invalidChoice';
      } else if (value === 'create') {
        refs[kind] = { kind: 'create', row: row.row };
      } else if (value.startsWith('existing:')) {
        refs[kind] = { kind: 'existing', id: Number(value.slice('existing:'.length)) };
        const chosen = offered.choices.find((c) => c.value === value);
        if (chosen && 'reasons' in chosen && chosen.reasons.includes(NATURAL_KEY[kind])) fill.push(kind);
      } else if (value.startsWith('row:')) {
        const target = resolved.get(Number(value.slice('row:'.length)))?.[kind] ?? null;
        if (target) refs[kind] = target;
        else errors[field] = 'imports:errors.sameAsSkipped';
      }
    }
    resolved.set(row.row, refs);
    plan.push({
      row: row.row, ...refs, skipped: !refs.person && !refs.organisation,
      position: Boolean(refs.person && refs.organisation && hasPosition(row.row)), fill,
    });
  }
  return { plan, errors };
}

// ---------------------------------------------------------------- completing existing records

/** The natural key of each kind: a match on it is the same party, whose empty fields a row may fill. */
export const NATURAL_KEY: Record<PartyKindInFile, MatchReason> = { person: 'email', organisation: 'kvk' };

// Source and legal basis describe the record as it was collected: another file's provenance is not
// theirs, so they are never filled.
const PERSON_FILLABLE = ['givenName', 'initials', 'tussenvoegsel', 'email', 'phone'] as const;
const ORGANISATION_FILLABLE = ['website', 'email', 'phone'] as const;
// An address is filled whole or not at all: a postcode from the file beside a street from the
// register would be an address nobody gave.
const ADDRESS = ['street', 'houseNumber', 'postcode', 'city'] as const;

type Stored = Record<string, unknown>;

const empty = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/**
 * What a row would add to an existing record: each field the record leaves empty and the row
 * gives, as field → value, and the import columns they came from. A non-empty stored value is
 * never replaced, however the row differs.
 */
export function fillsFor(kind: PartyKindInFile, stored: Stored, row: Pick<ImportRow, 'person' | 'organisation'>) {
  const given = (kind === 'person' ? row.person : row.organisation) as Stored | null;
  const values: Record<string, string> = {};
  if (!given) return { values, columns: [] as ColumnKey[] };
  for (const field of kind === 'person' ? PERSON_FILLABLE : ORGANISATION_FILLABLE) {
    if (empty(stored[field]) && !empty(given[field])) values[field] = String(given[field]);
  }
  if (ADDRESS.every((field) => empty(stored[field])) && ADDRESS.some((field) => !empty(given[field]))) {
    for (const field of ADDRESS) if (!empty(given[field])) values[field] = String(given[field]);
  }
  const columnOf = (field: string) => (kind === 'person' ? (field as ColumnKey) : ORGANISATION_FIELDS[field]!);
  return { values, columns: Object.keys(values).map(columnOf) };
}
