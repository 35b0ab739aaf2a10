import {
  MaxPartSizeExceededError, unstable_composeUploadHandlers, unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData, type UploadHandler,
} from '@remix-run/node';
import type { Transaction } from 'sequelize';
import type { Actor } from '~/modules/audit/actor';
import { recordAudit } from '~/modules/audit/mutations.server';
import { Attachment, User } from '~/utils/db.server';
import { DomainError } from '~/utils/errors';
import { acceptedContentType, cleanFileName, MAX_FILE_BYTES, type AttachmentView } from './attachments';

/** A file part larger than MAX_FILE_BYTES arrives as this marker, so the other fields survive. */
const TOO_LARGE = 'horizon:file-too-large';
/** Beyond this a request is refused outright: nobody uploads 50 MiB of evidence by accident. */
const MAX_REQUEST_FILE_BYTES = 5 * MAX_FILE_BYTES;
/** Text fields of an upload form are short. */
const MAX_FIELD_BYTES = 100_000;

/** Thrown when a request is too large to read at all; the route answers 413. */
export class UploadTooLargeError extends Error {
  override name = 'UploadTooLargeError';
}

// Files: kept in memory up to the limit; a larger one is read to its end (so parsing continues)
// and replaced by the marker. An empty file input (no file chosen) becomes ''.
const fileHandler: UploadHandler = async ({ name, filename, contentType, data }) => {
  if (filename === undefined) return undefined;
  let size = 0;
  const chunks: Uint8Array[] = [];
  for await (const chunk of data) {
    size += chunk.byteLength;
    if (size > MAX_REQUEST_FILE_BYTES) throw new MaxPartSizeExceededError(name, MAX_REQUEST_FILE_BYTES);
    if (size <= MAX_FILE_BYTES) chunks.push(chunk);
  }
  if (size > MAX_FILE_BYTES) return TOO_LARGE;
  if (!filename && size === 0) return '';
  return new File(chunks as BlobPart[], filename || 'file', { type: contentType });
};

/**
 * The submitted form of a page that may upload: multipart (files) or urlencoded (the page's other
 * forms). Throws UploadTooLargeError when a part is beyond any reasonable size.
 */
export async function readUploadForm(request: Request): Promise<FormData> {
  if (!(request.headers.get('Content-Type') ?? '').startsWith('multipart/form-data')) return request.formData();
  try {
    return await unstable_parseMultipartFormData(
      request,
      unstable_composeUploadHandlers(fileHandler, unstable_createMemoryUploadHandler({ maxPartSize: MAX_FIELD_BYTES })),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) throw new UploadTooLargeError(error.message);
    throw error;
  }
}

export type Upload = { fileName: string; contentType: string; content: Buffer };

/**
 * The file in one field, checked: absent → null; too large or of a refused type → a message key
 * for that field. The content type stored is the one its extension earns, not the browser's claim.
 */
export async function readUpload(formData: FormData, field: string): Promise<{ upload: Upload | null; error?: string }> {
  const value = formData.get(field);
  if (value === TOO_LARGE) return { upload: null, error: 'obligations:attachments.tooLarge' };
  if (value === null || typeof value === 'string') return { upload: null };
  const fileName = cleanFileName(value.name);
  const contentType = acceptedContentType(fileName);
  if (!contentType) return { upload: null, error: 'obligations:attachments.refusedType' };
  if (value.size > MAX_FILE_BYTES) return { upload: null, error: 'obligations:attachments.tooLarge' };
  return { upload: { fileName, contentType, content: Buffer.from(await value.arrayBuffer()) } };
}

/** What an attachment hangs on: exactly one of an agreement or a reporting moment. */
export type AttachmentOwner = { institutionId: number } & ({ agreementId: number } | { reportingMomentId: number });

export type AttachmentInput = { title?: string; url?: string; upload?: Upload | null };

const ownerColumns = (owner: AttachmentOwner) => ({
  institutionId: owner.institutionId,
  agreementId: 'agreementId' in owner ? owner.agreementId : null,
  reportingMomentId: 'reportingMomentId' in owner ? owner.reportingMomentId : null,
});

/** Stores a file or a link inside the caller's transaction and audits it; a file wins over a link. */
export async function addAttachment(transaction: Transaction, actor: Actor, owner: AttachmentOwner, input: AttachmentInput): Promise<number> {
  const { upload } = input;
  if (!upload && !input.url) {
    throw new DomainError('invalid', 'obligations:attachments.fileOrLink', { file: 'obligations:attachments.fileOrLink' });
  }
  const title = input.title || upload?.fileName || input.url!;
  const row = await Attachment.create(
    {
      ...ownerColumns(owner),
      kind: upload ? 'file' : 'link',
      title: title.slice(0, 200),
      url: upload ? null : input.url!,
      fileName: upload?.fileName ?? null,
      contentType: upload?.contentType ?? null,
      sizeBytes: upload ? upload.content.byteLength : null,
      content: upload?.content ?? null,
      uploadedByUserId: actor.userId,
    },
    { transaction },
  );
  await recordAudit(transaction, actor, {
    institutionId: owner.institutionId,
    entity: 'attachment',
    entityId: row.id,
    action: 'create',
    changes: {
      title: [null, row.title],
      kind: [null, row.kind],
      ...(upload ? { fileName: [null, upload.fileName], sizeBytes: [null, upload.content.byteLength] } : { url: [null, row.url] }),
      ...('agreementId' in owner ? { agreementId: [null, owner.agreementId] } : { reportingMomentId: [null, owner.reportingMomentId] }),
    },
  });
  return row.id;
}

/** Removes one attachment of this owner (another owner's id → not found); audited. */
export async function removeAttachment(transaction: Transaction, actor: Actor, owner: AttachmentOwner, attachmentId: number): Promise<void> {
  const row = await Attachment.findOne({ where: { id: attachmentId, ...ownerColumns(owner) }, attributes: { exclude: ['content'] }, transaction });
  if (!row) throw new DomainError('not-found', 'common:errors.notFound');
  await row.destroy({ transaction });
  await recordAudit(transaction, actor, {
    institutionId: owner.institutionId,
    entity: 'attachment',
    entityId: attachmentId,
    action: 'delete',
    changes: { title: [row.title, null], kind: [row.kind, null], ...(row.fileName ? { fileName: [row.fileName, null] } : { url: [row.url, null] }) },
  });
}

/** An owner's attachments without their content, oldest first. */
export async function listAttachments(owner: AttachmentOwner): Promise<AttachmentView[]> {
  const rows = await Attachment.findAll({
    where: ownerColumns(owner),
    attributes: { exclude: ['content'] },
    include: [{ model: User, as: 'uploadedBy', attributes: ['name'] }],
    order: [['createdAt', 'ASC'], ['id', 'ASC']],
  });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind as 'file' | 'link',
    title: row.title,
    url: row.url,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    uploadedBy: (row.get('uploadedBy') as User | null)?.name ?? null,
    createdAt: row.createdAt.toISOString(),
  }));
}

/** One stored file of this owner, for a download; null when there is none (a link, or another owner's). */
export async function getAttachmentFile(owner: AttachmentOwner, attachmentId: number) {
  const row = await Attachment.findOne({ where: { id: attachmentId, kind: 'file', ...ownerColumns(owner) } });
  if (!row || !row.content) return null;
  return { fileName: row.fileName ?? 'file', contentType: row.contentType ?? 'application/octet-stream', content: row.content };
}

/** A download: always as an attachment, with our content type and no sniffing. */
export function fileResponse(file: { fileName: string; contentType: string; content: Buffer }): Response {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return new Response(new Uint8Array(file.content), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Length': String(file.content.byteLength),
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  });
}
