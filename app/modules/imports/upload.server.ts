import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from '@remix-run/node';
import { fieldErrorsOf, formValues, type FieldErrors } from '~/utils/forms';
import { MAX_FILE_BYTES } from './columns';
import type { ImportFile } from './preview';
import { importOptionsSchema } from './schema';
import { decodeText } from './text';

export type UploadRefusal = { errors: FieldErrors; formError?: string };

/**
 * The upload of step 1: the file (at most MAX_FILE_BYTES, held in memory only while it is read)
 * and the provenance options, or the reason it cannot be read. Nothing is stored.
 */
export async function readUpload(request: Request): Promise<{ file: ImportFile } | UploadRefusal> {
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_FILE_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { errors: { file: 'imports:errors.tooLarge' } };
    throw error;
  }
  const options = importOptionsSchema.safeParse(formValues(formData));
  if (!options.success) return { errors: fieldErrorsOf(options.error) };
  const upload = formData.get('file');
  if (!(upload instanceof Blob) || upload.size === 0) return { errors: { file: 'imports:errors.noFile' } };
  const decoded = decodeText(new Uint8Array(await upload.arrayBuffer()));
  if (!decoded) return { errors: { file: 'imports:errors.notText' } };
  const filename = ('name' in upload && typeof upload.name === 'string' && upload.name) || 'import.csv';
  return { file: { filename: filename.slice(0, 255), ...decoded, ...options.data } };
}
