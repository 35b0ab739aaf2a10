/**
 * Files and links kept as an agreement's documents or a reporting moment's evidence. Pure rules:
 * what may be uploaded, and under which content type it is served again.
 */

/** The database refuses larger files too (a CHECK on attachments.size_bytes). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Accepted by extension; the content type served back is ours, never the uploader's claim. */
export const FILE_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  txt: 'text/plain',
  csv: 'text/csv',
} as const;

export type FileExtension = keyof typeof FILE_TYPES;

/** For the file input's `accept`: the browser's picker offers these first. */
export const ACCEPT_ATTRIBUTE = Object.keys(FILE_TYPES).map((ext) => `.${ext}`).join(',');

export function extensionOf(fileName: string): string {
  const match = /\.([A-Za-z0-9]+)$/.exec(fileName.trim());
  return match ? match[1].toLowerCase() : '';
}

/** The content type a file is stored and served with, or null when its type is refused. */
export function acceptedContentType(fileName: string): string | null {
  const ext = extensionOf(fileName);
  return Object.prototype.hasOwnProperty.call(FILE_TYPES, ext) ? FILE_TYPES[ext as FileExtension] : null;
}

/** A file name safe to store and to put in a Content-Disposition header: no path, no control characters. */
export function cleanFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return (cleaned || 'file').slice(-255);
}

/** "1.2 MB" / "830 kB": sizes as people read them. */
export function formatBytes(bytes: number, locale: 'nl' | 'en'): string {
  const units = ['B', 'kB', 'MB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${value.toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: digits })} ${units[unit]}`;
}

/** What the pages show of an attachment: never its content. */
export type AttachmentView = {
  id: number;
  kind: 'file' | 'link';
  title: string;
  url: string | null;
  fileName: string | null;
  contentType: string | null;
  sizeBytes: number | null;
  uploadedBy: string | null;
  createdAt: string;
};
