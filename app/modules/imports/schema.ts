import { z } from 'zod';
import { LEGAL_BASES } from '~/modules/parties/schema';
import { optionalChoice, optionalText, requiredText } from '~/utils/schema-helpers';
import { MAX_FILE_BYTES } from './columns';

/** What the upload form asks besides the file: the provenance of records that do not state their own. */
export const importOptionsSchema = z.object({
  source: optionalText(200),
  legalBasis: optionalChoice(LEGAL_BASES),
});

/**
 * Step 2 carries the file back as the text step 1 read (hidden fields), with the fingerprint of the
 * choices it showed. The server reads and checks it all again; nothing from step 1 is trusted.
 */
export const commitSchema = importOptionsSchema.extend({
  filename: requiredText(255),
  text: z.string({ required_error: 'imports:errors.empty' }).min(1, 'imports:errors.empty').max(MAX_FILE_BYTES, 'imports:errors.tooLarge'),
  encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, 'imports:errors.changed'),
});
