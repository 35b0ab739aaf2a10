import { createHash } from 'node:crypto';
import { findOrganisationMatches, findPersonMatches } from '~/modules/parties/queries.server';
import { columnFor, MAX_RECORDS, type ColumnKey } from './columns';
import { listFillTargets } from './queries.server';
import type { FileProblem, ImportFile, ImportFormat, PartyPreview, Preview, PreviewColumn, PreviewRow } from './preview';
import {
  choicesFor, fillsFor, matchWithinFile, NATURAL_KEY, personFactsOf, readRecord, type Choice, type ExistingMatch, type ImportDefaults,
  type ImportRow, type PartyKindInFile,
} from './rules';
import { mappingField, type ColumnMapping } from './schema';
import { isBlankRecord, parseCsv, type Delimiter } from './text';
import { looksLikeVCard, parseVCards } from './vcard';

/**
 * Step 1 of an import, and the check step 2 repeats: the file read, each record validated, and each
 * party matched against the register and the rest of the file. Nothing is written here.
 */
export type Analysis = {
  preview: Preview;
  rows: ImportRow[];
  matches: { person: ExistingMatch[]; organisation: ExistingMatch[] }[];
  mappingErrors: Record<string, string>;
};

type Records = {
  format: ImportFormat;
  delimiter: Delimiter | null;
  columns: PreviewColumn[];
  records: { row: number; values: Partial<Record<ColumnKey, string>>; unsupported?: string | null }[];
  /** Mapping choices that cannot be applied, by form field. */
  mappingErrors: Record<string, string>;
};

const SAMPLES = 3;

/**
 * The CSV's columns and rows. Recognised headers are read as their field; any other header is
 * read as the user mapped it, else left out. A field already read from another column cannot be
 * chosen again (said beside that choice, which is then left out).
 */
function readCsv(text: string, mapping: ColumnMapping): Records | FileProblem {
  const { delimiter, records, unterminatedAt } = parseCsv(text);
  if (unterminatedAt !== null) return { problem: 'imports:errors.unterminatedQuote', line: unterminatedAt };
  const [header, ...rest] = records;
  if (!header || isBlankRecord(header.cells)) return { problem: 'imports:errors.empty' };
  const data = rest.filter((record) => !isBlankRecord(record.cells));
  const seen = new Set<ColumnKey>();
  const mappingErrors: Record<string, string> = {};
  const recognised = header.cells.map((cell) => columnFor(cell));
  // Recognised columns first: a user's choice never displaces a header the import knows.
  const keys: (ColumnKey | null)[] = recognised.map((key) => {
    // A second column for the same field (Outlook's "E-mail 2") is left out rather than guessed at.
    if (!key || seen.has(key)) return null;
    seen.add(key);
    return key;
  });
  header.cells.forEach((cell, index) => {
    const chosen = mapping[index];
    if (recognised[index] || !cell.trim() || !chosen || chosen === 'ignore') return;
    if (seen.has(chosen)) mappingErrors[mappingField(index)] = 'imports:errors.mappedTwice';
    else {
      seen.add(chosen);
      keys[index] = chosen;
    }
  });
  const columns: PreviewColumn[] = header.cells.map((cell, index) => {
    const mappable = !recognised[index] && cell.trim() !== '';
    return {
      index, header: cell.trim(), key: keys[index]!, mappable,
      samples: mappable ? data.map((r) => r.cells[index]?.trim() ?? '').filter(Boolean).slice(0, SAMPLES) : [],
    };
  });
  if (!seen.has('familyName') && !seen.has('organisation') && !columns.some((c) => c.mappable)) return { problem: 'imports:errors.noKnownColumns' };
  return {
    format: 'csv',
    delimiter,
    columns,
    mappingErrors,
    records: data.map((record) => ({
      row: record.line,
      values: Object.fromEntries(columns.flatMap((column, i) => (column.key ? [[column.key, record.cells[i] ?? '']] : []))),
    })),
  };
}

function readVCard(text: string): Records | FileProblem {
  const cards = parseVCards(text);
  if (cards.length === 0) return { problem: 'imports:errors.noCards' };
  return {
    format: 'vcard', delimiter: null, columns: [], mappingErrors: {},
    records: cards.map((card, i) => ({ row: i + 1, values: card.values, unsupported: card.unsupported })),
  };
}

const MATCH_BATCH = 20;

/** Runs `work` over `items` a batch at a time: a thousand rows must not queue a thousand queries at once. */
async function inBatches<T, R>(items: T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += MATCH_BATCH) results.push(...(await Promise.all(items.slice(i, i + MATCH_BATCH).map(work))));
  return results;
}

// The file and the choices offered for it: a different file, or a register that now offers
// other choices, gives another fingerprint.
const fingerprintOf = (text: string, defaults: ImportDefaults, mapping: Preview['mapping'], rows: PreviewRow[]) =>
  createHash('sha256')
    .update(JSON.stringify([text, defaults.source, defaults.legalBasis ?? null, Object.entries(mapping).sort(([a], [b]) => Number(a) - Number(b))]))
    .update(JSON.stringify(rows.map((r) => [r.row, ...[r.person, r.organisation].map((p) => p?.choices.map((c) => [c.value, 'fills' in c ? c.fills : null]))])))
    .digest('hex');

export async function analyseImport(institutionId: number, file: ImportFile, mapping: ColumnMapping = {}): Promise<Analysis | FileProblem> {
  const read = looksLikeVCard(file.filename, file.text) ? readVCard(file.text) : readCsv(file.text, mapping);
  if ('problem' in read) return read;
  if (read.records.length > MAX_RECORDS) return { problem: 'imports:errors.tooManyRecords' };
  const defaults: ImportDefaults = { source: (file.source?.trim() || `Import ${file.filename}`).slice(0, 200), legalBasis: file.legalBasis };
  // The mapping as applied: choices for the file's mappable columns only.
  const applied: Preview['mapping'] = Object.fromEntries(read.columns.filter((c) => c.mappable && !read.mappingErrors[mappingField(c.index)])
    .map((c) => [String(c.index), c.key ?? 'ignore']));
  const known = read.format === 'vcard' || read.columns.some((c) => c.key === 'familyName' || c.key === 'organisation');
  if (!known) {
    // Nothing to read rows by until a column is mapped to a name or an organisation: the preview
    // offers the mapping, and nothing else.
    const preview: Preview = {
      format: read.format, filename: file.filename, encoding: file.encoding, delimiter: read.delimiter, columns: read.columns, mapping: applied,
      problem: 'imports:errors.noKnownColumns', source: defaults.source, legalBasis: file.legalBasis ?? null,
      rows: [], fingerprint: '',
    };
    return { preview, rows: [], matches: [], mappingErrors: read.mappingErrors };
  }

  const rows: ImportRow[] = [];
  for (const record of read.records) {
    const row = readRecord(record.row, record.values, defaults);
    if (!row) continue;
    if (record.unsupported) rows.push({ ...row, person: null, organisation: null, position: null, errors: [{ field: 'row', message: 'imports:errors.vcardEncoding' }] });
    else rows.push(row);
  }
  if (rows.length === 0) return { problem: 'imports:errors.empty' };

  const inFile = { person: matchWithinFile(rows, 'person'), organisation: matchWithinFile(rows, 'organisation') };
  const matches = await inBatches(rows, async (row) => {
    const facts = personFactsOf(row);
    const [person, organisation] = await Promise.all([
      facts ? findPersonMatches(institutionId, facts) : Promise.resolve([]),
      row.organisation ? findOrganisationMatches(institutionId, row.organisation) : Promise.resolve([]),
    ]);
    return { person, organisation };
  });

  // Records matched on their natural key (email, KvK number) may be completed from the row: the
  // preview says which of their empty fields each row would fill.
  const naturalIds = (kind: PartyKindInFile) =>
    [...new Set(matches.flatMap((m) => m[kind].filter((e) => e.active && e.reasons.includes(NATURAL_KEY[kind])).map((e) => e.id)))];
  const [personTargets, organisationTargets] = await Promise.all([
    listFillTargets(institutionId, 'person', naturalIds('person')),
    listFillTargets(institutionId, 'organisation', naturalIds('organisation')),
  ]);
  const targets = { person: personTargets, organisation: organisationTargets };
  const withFills = (kind: PartyKindInFile, row: ImportRow, choices: Choice[]): Choice[] => choices.map((choice) => {
    if (!('id' in choice) || !choice.reasons.includes(NATURAL_KEY[kind])) return choice;
    const stored = targets[kind].get(choice.id);
    return stored ? { ...choice, fills: fillsFor(kind, stored, row).columns } : choice;
  });

  const previewRows: PreviewRow[] = rows.map((row, index) => {
    const party = (kind: 'person' | 'organisation', detail: string | null): PartyPreview => {
      const { choices, preset } = choicesFor(kind, matches[index]![kind], inFile[kind].get(index) ?? []);
      return { choices: withFills(kind, row, choices), preset, inactive: matches[index]![kind].filter((m) => !m.active), detail };
    };
    return {
      row: row.row,
      personName: row.personName,
      organisationName: row.organisationName,
      title: row.position?.title ?? null,
      errors: row.errors,
      person: row.person
        ? party('person', [row.person.email, row.position?.businessEmail, row.person.postcode, row.person.city].filter(Boolean).join(' · ') || null)
        : null,
      organisation: row.organisation
        ? party('organisation', [row.organisation.kvkNumber ? `KvK ${row.organisation.kvkNumber}` : null, row.organisation.city].filter(Boolean).join(' · ') || null)
        : null,
    };
  });

  return {
    rows,
    matches,
    mappingErrors: read.mappingErrors,
    preview: {
      format: read.format,
      filename: file.filename,
      encoding: file.encoding,
      delimiter: read.delimiter,
      columns: read.columns,
      mapping: applied,
      problem: null,
      source: defaults.source,
      legalBasis: file.legalBasis ?? null,
      rows: previewRows,
      fingerprint: fingerprintOf(file.text, defaults, applied, previewRows),
    },
  };
}
