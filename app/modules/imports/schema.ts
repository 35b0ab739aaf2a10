import { z } from 'zod';
import { LEGAL_BASES } from '~/modules/parties/schema';
import { optionalChoice, optionalText, requiredText } from '~/utils/schema-helpers';
import { COLUMN_KEYS, MAX_FILE_BYTES, type ColumnKey } from './columns';

/** What the upload form asks besides the file: the provenance of records that do not state their own. */
export const importOptionsSchema = z.object({
  source: optionalText(200),
  legalBasis: optionalChoice(LEGAL_BASES),
});

/**
 * Step 2 carries the file back as the text step 1 read (hidden fields), with the fingerprint of the
 * choices it showed. The server reads and checks it all again; nothing from step 1 is trusted.
 */
export const fileSchema = importOptionsSchema.extend({
  filename: requiredText(255),
  text: z.string({ required_error: 'imports:errors.empty' }).min(1, 'imports:errors.empty').max(MAX_FILE_BYTES, 'imports:errors.tooLarge'),
  encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']),
});

export const commitSchema = fileSchema.extend({
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, 'imports:errors.changed'),
});

/** A column the user mapped: one of the import's fields, or left out. */
export type ColumnMapping = Record<number, ColumnKey | 'ignore'>;

/** The form field that carries the mapping of the column at `index` (0-based). */
export const mappingField = (index: number) => `map-${index}`;

/**
 * The mapping step's fields (`map-3=businessEmail`) as a mapping, or the fields whose value is not
 * a field of the import. Whether a field is taken twice depends on the file: see `readCsv`.
 */
export function mappingFrom(values: Record<string, unknown>): { mapping: ColumnMapping; errors: Record<string, string> } {
  const mapping: ColumnMapping = {};
  const errors: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    const match = /^map-(\d{1,4})$/.exec(name);
    if (!match) continue;
    if (value === 'ignore' || COLUMN_KEYS.includes(value as ColumnKey)) mapping[Number(match[1])] = value as ColumnKey | 'ignore';
    else errors[name] = 'common:errors.invalidChoice';
  }
  return { mapping, errors };
}
