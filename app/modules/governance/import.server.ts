import type { Actor } from '~/modules/audit/actor';
import { validateCodeLibrary, type LibraryError } from './library-schema';
import { importCodeLibrary, type ImportResult } from './mutations.server';

export type ImportOutcome = { ok: true; result: ImportResult } | { ok: false; errors: LibraryError[] };

/** The text of a library file → validated → imported; the command line and the admin upload share it. */
export async function importCodeLibraryFile(actor: Actor, text: string): Promise<ImportOutcome> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [{ path: '(root)', message: `not valid JSON: ${(error as Error).message}` }] };
  }
  const validated = validateCodeLibrary(json);
  if (!validated.ok) return { ok: false, errors: validated.errors };
  return { ok: true, result: await importCodeLibrary(actor, validated.library) };
}
