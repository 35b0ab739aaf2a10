import type { ColumnKey } from './columns';
import type { Choice, ExistingMatch, LegalBasis, RowError } from './rules';
import type { Delimiter, TextEncoding } from './text';

/** What step 1 of an import shows and step 2 submits against (shared by the server and the page). */
export type ImportFile = {
  filename: string;
  text: string;
  encoding: TextEncoding;
  /** Where the data came from, for records that do not say (default: the file's name). */
  source?: string;
  legalBasis?: LegalBasis;
};

export type ImportFormat = 'csv' | 'vcard';

/** A problem with the file as a whole: nothing can be previewed. */
export type FileProblem = { problem: string; line?: number };

export type PartyPreview = {
  choices: Choice[];
  preset: string;
  /** Deactivated records that match: shown, but not offered to link to. */
  inactive: ExistingMatch[];
  detail: string | null;
};

export type PreviewRow = {
  row: number;
  personName: string | null;
  organisationName: string | null;
  title: string | null;
  errors: RowError[];
  person: PartyPreview | null;
  organisation: PartyPreview | null;
};

/**
 * A column of a CSV file: the field it is read as (null: left out). A header the import does not
 * recognise is `mappable`: the preview offers a choice of field for it, with a few of its values.
 */
export type PreviewColumn = { index: number; header: string; key: ColumnKey | null; mappable: boolean; samples: string[] };

export type Preview = {
  format: ImportFormat;
  filename: string;
  encoding: TextEncoding;
  delimiter: Delimiter | null;
  columns: PreviewColumn[];
  /** The user's choices for the mappable columns the rows were read with. */
  mapping: Record<string, ColumnKey | 'ignore'>;
  /** Why nothing can be imported as the columns stand (no name or organisation column yet). */
  problem: string | null;
  source: string;
  legalBasis: LegalBasis | null;
  rows: PreviewRow[];
  /** Binds step 2 to the choices step 1 showed: when the register changed in between, it asks again. */
  fingerprint: string;
};
