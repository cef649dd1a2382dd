import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

/** A table to download: column keys with their headers, and rows of plain values. */
export interface ExportTable {
  columns: Array<{ key: string; header: string; width?: number }>;
  rows: Array<Record<string, string | number | boolean | null>>;
}

// A cell starting like a formula would run in a spreadsheet (CSV injection, OWASP): quote it as text.
const FORMULA_START = /^[=+\-@\t\r]/;

/** A value made safe to open in a spreadsheet. */
export function spreadsheetSafe(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
}

/** CSV with a header row and a BOM, so Excel opens accented French text correctly. */
export function tableToCsv(table: ExportTable): string {
  const header = table.columns.map((c) => c.header);
  const body = table.rows.map((row) => table.columns.map((c) => spreadsheetSafe(row[c.key])));
  return stringify([header, ...body], { bom: true, record_delimiter: 'windows' });
}

/** An XLSX workbook with one sheet: bold frozen header, filters on every column. */
export async function tableToXlsx(table: ExportTable, sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Civique';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c) => ({ key: c.key, header: c.header, width: c.width ?? 20 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) {
    // exceljs writes strings as text cells, never as formulas; only null needs mapping.
    sheet.addRow(Object.fromEntries(table.columns.map((c) => [c.key, row[c.key] ?? null])));
  }
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: 1, column: Math.max(1, table.columns.length) },
  };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Content type and file extension of an export format. */
export const EXPORT_FORMATS = {
  csv: { type: 'text/csv; charset=utf-8', extension: 'csv' },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
} as const;
