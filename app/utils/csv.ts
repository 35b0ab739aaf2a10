/**
 * CSV for spreadsheets (RFC 4180, CRLF, UTF-8 with a byte-order mark so Excel reads accents).
 * Cells that a spreadsheet would run as a formula get a leading apostrophe (formula injection).
 */
export type CsvCell = string | number | boolean | null | undefined;

// A cell starting with one of these is read as a formula (or a DDE call) by Excel and LibreOffice.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : String(value);
  // Only text is neutralised: a number such as -3 is data, not a formula.
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A download response: the file name is kept to safe characters. */
export function csvResponse(csv: string, filename: string, headers: HeadersInit = {}): Response {
  const safeName = filename.replace(/[^A-Za-z0-9._-]+/g, '-');
  const responseHeaders = new Headers(headers);
  responseHeaders.set('Content-Type', 'text/csv; charset=utf-8');
  responseHeaders.set('Content-Disposition', `attachment; filename="${safeName}"`);
  responseHeaders.set('Cache-Control', 'no-store');
  return new Response(`\uFEFF${csv}`, { status: 200, headers: responseHeaders });
}
