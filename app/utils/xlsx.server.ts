import ExcelJS from 'exceljs';

export type XlsxCell = string | number | boolean | Date | null | undefined;
export type XlsxSheet = {
  name: string;
  header: readonly string[];
  rows: readonly (readonly XlsxCell[])[];
  /** Column widths in characters; the header's length otherwise. */
  widths?: readonly number[];
};

/**
 * An Excel workbook from plain rows. Values go in as typed cells (never formulas), so text that
 * starts with = stays text; the header row is bold and frozen, with a filter on it.
 */
export async function toXlsx(sheets: readonly XlsxSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Horizon';
  workbook.created = new Date();
  for (const sheet of sheets) {
    // Excel refuses sheet names over 31 characters or with []:*?/\
    const worksheet = workbook.addWorksheet(sheet.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    worksheet.columns = sheet.header.map((title, i) => ({ header: title, width: sheet.widths?.[i] ?? Math.max(12, title.length + 2) }));
    worksheet.getRow(1).font = { bold: true };
    for (const row of sheet.rows) worksheet.addRow(row.map((cell) => (cell === undefined ? null : cell)));
    if (sheet.header.length > 0) {
      worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.header.length } };
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function xlsxResponse(body: Buffer, fileName: string): Response {
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`,
      'Cache-Control': 'no-store',
    },
  });
}
