import { json } from '@remix-run/node';
import type { Actor } from '~/modules/audit/actor';
import { domainErrorResponse } from '~/utils/action-errors.server';
import type { ActionFailure } from '~/utils/action-errors.server';
import { redirectWithToast } from '~/utils/session.server';
import { importCodeLibraryFile, LibraryUploadTooLarge, readLibraryUpload } from './import.server';
import type { LibraryError } from './library-schema';

export type LibraryUploadFailure = ActionFailure & { problems: LibraryError[]; fileName: string | null };

const refused = (status: number, formError: string, problems: LibraryError[] = [], fileName: string | null = null) =>
  json<LibraryUploadFailure>({ errors: problems.length ? {} : { file: formError }, values: {}, formError, problems, fileName }, { status });

/**
 * The admin's library upload, new or replacing: the file's text through the same validation and
 * import as `npm run codes:import`. A bad file answers 400 with every problem by path and writes
 * nothing; a good one goes to its code's page.
 */
export async function importLibraryAction(request: Request, actor: Actor, replaces?: { key: string; version: string }) {
  let upload: Awaited<ReturnType<typeof readLibraryUpload>>;
  try {
    upload = await readLibraryUpload(request);
  } catch (error) {
    if (error instanceof LibraryUploadTooLarge) return refused(413, 'governance:import.tooLarge');
    throw error;
  }
  if (upload.text === null) return refused(400, 'governance:import.noFile');
  let outcome: Awaited<ReturnType<typeof importCodeLibraryFile>>;
  try {
    outcome = await importCodeLibraryFile(actor, upload.text, { replaces });
  } catch (error) {
    return domainErrorResponse(error);
  }
  if (!outcome.ok) return refused(400, 'governance:import.invalid', outcome.errors, upload.fileName);
  const { result } = outcome;
  const toast = result.created ? 'governance:import.created' : result.changed ? 'governance:import.updated' : 'governance:import.unchanged';
  return redirectWithToast(request, `/admin/codes/${result.codeId}`, toast);
}
