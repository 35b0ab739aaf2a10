import {
  MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData,
} from '@remix-run/node';
import type { Actor } from '~/modules/audit/actor';
import { validateCodeLibrary, type LibraryError } from './library-schema';
import { importCodeLibrary, type ImportResult } from './mutations.server';

export type ImportOutcome = { ok: true; result: ImportResult } | { ok: false; errors: LibraryError[] };

/**
 * The text of a library file → validated → imported; the command line and the admin upload share
 * it. `replaces` (the admin's "replace this version") refuses a file of another code or version.
 */
export async function importCodeLibraryFile(
  actor: Actor, text: string, options: { replaces?: { key: string; version: string } } = {},
): Promise<ImportOutcome> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [{ path: '(root)', message: `not valid JSON: ${(error as Error).message}` }] };
  }
  const validated = validateCodeLibrary(json);
  if (!validated.ok) return { ok: false, errors: validated.errors };
  const { replaces } = options;
  if (replaces && (validated.library.key !== replaces.key || validated.library.version !== replaces.version)) {
    return {
      ok: false,
      errors: [{ path: 'key', message: `this file is "${validated.library.key}" version "${validated.library.version}", not "${replaces.key}" version "${replaces.version}"` }],
    };
  }
  return { ok: true, result: await importCodeLibrary(actor, validated.library) };
}

/** A library file is a few hundred kilobytes at most; beyond this it is not one. */
export const MAX_LIBRARY_BYTES = 2 * 1024 * 1024;

export class LibraryUploadTooLarge extends Error {
  override name = 'LibraryUploadTooLarge';
}

/**
 * The text of the file in `field` of an upload form, or null when none was chosen. Throws
 * LibraryUploadTooLarge beyond MAX_LIBRARY_BYTES.
 */
export async function readLibraryUpload(request: Request, field = 'file'): Promise<{ text: string | null; fileName: string | null }> {
  let formData: FormData;
  try {
    formData = (request.headers.get('Content-Type') ?? '').startsWith('multipart/form-data')
      ? await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_LIBRARY_BYTES }))
      : await request.formData();
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) throw new LibraryUploadTooLarge(error.message);
    throw error;
  }
  const file = formData.get(field);
  if (!file || typeof file === 'string' || file.size === 0) return { text: null, fileName: null };
  return { text: await file.text(), fileName: file.name };
}
