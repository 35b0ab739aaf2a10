/**
 * Reading an uploaded file as text, and CSV as rows. Pure functions, no I/O.
 *
 * Spreadsheets save CSV in many ways: UTF-8 with or without a byte-order mark, UTF-16 ("Unicode
 * text"), or the Windows code page when Excel saves "CSV" on a Dutch Windows; semicolons where the
 * decimal separator is a comma, commas elsewhere, sometimes tabs; a `sep=;` first line.
 */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type DecodedText = { text: string; encoding: TextEncoding };

/** The file as text, or null when it is not text at all (a spreadsheet's .xlsx, an image). */
export function decodeText(bytes: Uint8Array): DecodedText | null {
  let decoded: DecodedText;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    decoded = { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    decoded = { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    decoded = { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  } else {
    try {
      decoded = { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
    } catch {
      // Not valid UTF-8: the Windows code page is what Excel writes on Dutch machines (é, ë, ï, €).
      decoded = { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
    }
  }
  // A NUL byte never occurs in a text file; it does in .xlsx (a zip) and in images.
  if (decoded.text.includes('\u0000')) return null;
  return { ...decoded, text: decoded.text.replace(/^\uFEFF/, '') };
}

export type Delimiter = ',' | ';' | '\t';

/** The delimiter of the header line: whichever of `;`, `,` and tab occurs most outside quotes. */
export function detectDelimiter(firstLine: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const c of firstLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c] += 1;
  }
  const best = (Object.keys(counts) as Delimiter[]).sort((a, b) => counts[b] - counts[a])[0]!;
  return counts[best] > 0 ? best : ',';
}

export type CsvRecord = { line: number; cells: string[] };
export type CsvParse = { delimiter: Delimiter; records: CsvRecord[]; unterminatedAt: number | null };

/**
 * RFC 4180 with the leniency spreadsheets need: quoted cells may hold delimiters, doubled quotes
 * and line breaks; a quote inside an unquoted cell is just a character; CRLF, LF and CR all end a
 * record. Each record remembers the line it starts on, which is what a person looks for in an
 * editor. An unclosed quote is reported, not silently swallowing the rest of the file.
 */
export function parseCsv(input: string): CsvParse {
  let text = input;
  let lineOffset = 0;
  let delimiter: Delimiter | null = null;
  // Excel's `sep=;` hint line names the delimiter and is not data.
  const hint = /^sep=(.)\r?\n/i.exec(text);
  if (hint && [',', ';', '\t'].includes(hint[1]!)) {
    delimiter = hint[1] as Delimiter;
    text = text.slice(hint[0].length);
    lineOffset = 1;
  }
  delimiter ??= detectDelimiter(text.split(/\r\n|\n|\r/, 1)[0] ?? '');

  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let cellStarted = false;
  let line = 1 + lineOffset;
  let recordLine = line;
  let quoteOpenedAt = 0;

  const endCell = () => {
    cells.push(cell);
    cell = '';
    cellStarted = false;
  };
  const endRecord = () => {
    endCell();
    records.push({ line: recordLine, cells });
    cells = [];
  };

  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 1;
        } else {
          quoted = false;
        }
      } else {
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line += 1;
        cell += c;
      }
      continue;
    }
    if (c === '"' && !cellStarted) {
      quoted = true;
      cellStarted = true;
      quoteOpenedAt = line;
    } else if (c === delimiter) {
      endCell();
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      cell += c;
      cellStarted = true;
    }
  }
  if (quoted) return { delimiter, records, unterminatedAt: quoteOpenedAt };
  if (cellStarted || cells.length > 0) endRecord();
  return { delimiter, records, unterminatedAt: null };
}

/** A record with nothing but empty cells (a spreadsheet's trailing `;;;;` lines) carries no data. */
export const isBlankRecord = (cells: string[]) => cells.every((cell) => cell.trim() === '');
