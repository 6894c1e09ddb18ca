import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { XLSX_CONTENT_TYPE } from './spreadsheet.js';

/** Test helpers: real .xlsx files built with exceljs, and multipart bodies carrying them. */

export type TestCell = string | number | boolean | Date | null;

/** A workbook with a header row (and optionally the hidden key row) followed by data rows. */
export async function buildXlsx(
  headers: string[],
  rows: TestCell[][],
  options: { keys?: string[]; sheetName?: string; titleRow?: string } = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.sheetName ?? 'Sheet1');
  if (options.titleRow) sheet.addRow([options.titleRow]);
  sheet.addRow(headers);
  if (options.keys) sheet.addRow(options.keys).hidden = true;
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Reads the first sheet back as arrays of cell values (row 1 first). */
export async function readXlsx(data: Buffer, sheetName?: string): Promise<{ rows: unknown[][]; hiddenRows: number[]; sheetNames: string[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  const sheet = sheetName ? workbook.getWorksheet(sheetName)! : workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  const hiddenRows: number[] = [];
  sheet.eachRow((row, n) => {
    rows[n - 1] = (row.values as unknown[]).slice(1);
    if (row.hidden) hiddenRows.push(n);
  });
  return { rows, hiddenRows, sheetNames: workbook.worksheets.map((w) => w.name) };
}

/** A multipart/form-data body with one file part. */
export function multipartBody(data: Buffer, options: { field?: string; filename?: string; contentType?: string } = {}) {
  const boundary = `----sanxiang${crypto.randomBytes(8).toString('hex')}`;
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="${options.field ?? 'file'}"; filename="${options.filename ?? 'import.xlsx'}"\r\n` +
    `Content-Type: ${options.contentType ?? XLSX_CONTENT_TYPE}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
