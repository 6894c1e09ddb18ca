import type ExcelJS from 'exceljs';
import { AppError } from '../platform/errors.js';
import { checkXlsxLimits } from './zip-limits.js';

/**
 * The spreadsheet layer of import/export: one sheet per kind of record, a Chinese header row
 * that people read, a hidden row beneath it with the English field keys, and data from the third
 * row on. Reading is forgiving about layout (title rows above the header, columns in any order,
 * extra columns, full-width brackets) and strict about content: every column of the template must
 * be present, so a misspelt header is reported rather than silently dropped.
 */

/** One column of a sheet: how it is titled, keyed and filled in. */
export interface ColumnSpec<K extends string = string> {
  /** The English field key (hidden row 2; also accepted as a header). */
  key: K;
  /** The Chinese header people see (row 1). */
  header: string;
  /** Whether a value is required in every data row. */
  required: boolean;
  /** How to fill it in, zh-CN and English (header note and instructions sheet). */
  hint: string;
  hintEn: string;
  /** An example value for the instructions sheet. */
  example: string;
  /** Allowed values, offered as a drop-down in templates. */
  choices?: readonly string[];
  /** Stored as text so Excel keeps leading zeros and all 18 digits (ID numbers, codes, phones). */
  asText?: boolean;
  width?: number;
}

export interface SheetSpec<K extends string = string> {
  /** Worksheet name, e.g. 执法人员; the import reads the sheet of this name or else the first one. */
  sheetName: string;
  columns: readonly ColumnSpec<K>[];
}

/** exceljs (a few hundred milliseconds to load), imported on the first import or export rather than at start-up. */
async function excel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

/** A cell's value once exceljs's wrappers (rich text, hyperlinks, formulas) are taken off. */
export type CellData = string | number | boolean | Date | null;

export interface SheetCell {
  value: CellData;
  /** Column letter in the uploaded file, e.g. "C". */
  column: string;
}

export interface SheetRow<K extends string = string> {
  /** 1-based row number as Excel shows it. */
  row: number;
  cells: Record<K, SheetCell>;
}

/** The most data rows one file may carry; larger registries are imported in parts. */
export const MAX_DATA_ROWS = 5000;
/** Upload limit (also enforced by @fastify/multipart for HTTP uploads). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Why a file could not be read at all, with a message for people (zh-CN, en). */
export type SpreadsheetProblem =
  | { reason: 'not_xlsx' }
  | { reason: 'too_large' }
  | { reason: 'no_worksheet' }
  | { reason: 'no_header' }
  | { reason: 'missing_columns'; missingColumns: string[] }
  | { reason: 'duplicate_columns'; duplicateColumns: string[] }
  | { reason: 'no_data' }
  | { reason: 'too_many_rows'; maxRows: number };

function describe(problem: SpreadsheetProblem, sheetName: string): { message: string; messageEn: string } {
  switch (problem.reason) {
    case 'not_xlsx':
      return { message: '文件不是有效的 Excel 工作簿（.xlsx），请使用下载的模板', messageEn: 'The file is not an Excel workbook (.xlsx); please use the template' };
    case 'too_large':
      return { message: '文件超过 10 MiB', messageEn: 'The file exceeds 10 MiB' };
    case 'no_worksheet':
      return { message: '工作簿中没有工作表', messageEn: 'The workbook has no worksheet' };
    case 'no_header':
      return { message: `未找到“${sheetName}”表头行，请使用下载的模板`, messageEn: `No header row for "${sheetName}" was found; please use the template` };
    case 'missing_columns':
      return {
        message: `缺少列：${problem.missingColumns.join('、')}`,
        messageEn: `Missing columns: ${problem.missingColumns.join(', ')}`,
      };
    case 'duplicate_columns':
      return {
        message: `列重复：${problem.duplicateColumns.join('、')}`,
        messageEn: `Columns appear more than once: ${problem.duplicateColumns.join(', ')}`,
      };
    case 'no_data':
      return { message: '表格中没有数据行', messageEn: 'The sheet has no data rows' };
    case 'too_many_rows':
      return {
        message: `一次最多导入 ${problem.maxRows} 行，请分批导入`,
        messageEn: `At most ${problem.maxRows} rows per file; split the file`,
      };
  }
}

/** 422 INVALID_SPREADSHEET carrying the reason and a specific message in `details`. */
export function invalidSpreadsheet(problem: SpreadsheetProblem, sheetName = ''): AppError {
  return new AppError('INVALID_SPREADSHEET', [], { ...problem, ...describe(problem, sheetName) });
}

/** Header text compared loosely: no spaces, no bracketed hints, no required-marker asterisks. */
export function normaliseHeader(text: string): string {
  return text
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s*＊]/g, '')
    .toLowerCase();
}

/** Strips exceljs's value wrappers down to plain data. */
export function cellData(value: ExcelJS.CellValue): CellData {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const s = value.trim();
    return s === '' ? null : s;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return cellData(value.richText.map((r) => r.text).join(''));
  if ('hyperlink' in value) return cellData(value.text as ExcelJS.CellValue);
  if ('error' in value) return String(value.error);
  if ('result' in value) return cellData((value.result ?? null) as ExcelJS.CellValue);
  return null;
}

/**
 * Loads an .xlsx from memory; anything that is not one is INVALID_SPREADSHEET, one that expands
 * beyond the limits of ./zip-limits.ts is SPREADSHEET_TOO_LARGE, never a 500.
 */
export async function loadWorkbook(data: Buffer): Promise<ExcelJS.Workbook> {
  if (data.length > MAX_FILE_BYTES) throw invalidSpreadsheet({ reason: 'too_large' });
  // An .xlsx is a ZIP archive: refuse anything else before handing it to the parser.
  if (data.length < 4 || data.readUInt32LE(0) !== 0x04034b50) throw invalidSpreadsheet({ reason: 'not_xlsx' });
  // The parser inflates every part whole: cap what the archive expands to, and the rows, first.
  await checkXlsxLimits(data, () => invalidSpreadsheet({ reason: 'not_xlsx' }));
  const workbook = new (await excel()).Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer, { ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst', 'picture', 'drawing'] });
  } catch {
    throw invalidSpreadsheet({ reason: 'not_xlsx' });
  }
  return workbook;
}

const HEADER_SEARCH_ROWS = 10;

/**
 * Reads the data rows of a sheet keyed by field. The header row is the first of the top ten rows
 * that names at least half of the columns; a row of English keys right beneath it is skipped.
 * Blank rows are skipped; row numbers are those Excel shows, for the rejection report.
 */
export function readRows<K extends string>(workbook: ExcelJS.Workbook, spec: SheetSpec<K>): SheetRow<K>[] {
  const sheet = workbook.getWorksheet(spec.sheetName) ?? workbook.worksheets.find((w) => w.state === 'visible') ?? workbook.worksheets[0];
  if (!sheet) throw invalidSpreadsheet({ reason: 'no_worksheet' }, spec.sheetName);

  const byHeader = new Map<string, ColumnSpec<K>>();
  for (const c of spec.columns) {
    byHeader.set(normaliseHeader(c.header), c);
    byHeader.set(normaliseHeader(c.key), c);
  }
  const matchRow = (rowNumber: number) => {
    const found = new Map<K, number[]>();
    sheet.getRow(rowNumber).eachCell((cell, col) => {
      const data = cellData(cell.value);
      const spec = typeof data === 'string' ? byHeader.get(normaliseHeader(data)) : undefined;
      if (spec) found.set(spec.key, [...(found.get(spec.key) ?? []), col]);
    });
    return found;
  };

  let headerRow = 0;
  let found = new Map<K, number[]>();
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); r++) {
    const m = matchRow(r);
    if (m.size >= Math.ceil(spec.columns.length / 2)) {
      headerRow = r;
      found = m;
      break;
    }
  }
  if (!headerRow) throw invalidSpreadsheet({ reason: 'no_header' }, spec.sheetName);
  const duplicated = spec.columns.filter((c) => (found.get(c.key)?.length ?? 0) > 1).map((c) => c.header);
  if (duplicated.length) throw invalidSpreadsheet({ reason: 'duplicate_columns', duplicateColumns: duplicated }, spec.sheetName);
  const missing = spec.columns.filter((c) => !found.has(c.key)).map((c) => c.header);
  if (missing.length) throw invalidSpreadsheet({ reason: 'missing_columns', missingColumns: missing }, spec.sheetName);

  const columnOf = new Map(spec.columns.map((c) => [c.key, found.get(c.key)![0]!] as const));
  const keyRow = sheet.getRow(headerRow + 1);
  const isKeyRow = spec.columns.every((c) => {
    const v = cellData(keyRow.getCell(columnOf.get(c.key)!).value);
    return v === null || v === c.key;
  });
  const firstData = headerRow + (isKeyRow ? 2 : 1);

  const rows: SheetRow<K>[] = [];
  for (let r = firstData; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells = {} as Record<K, SheetCell>;
    let blank = true;
    for (const c of spec.columns) {
      const cell = row.getCell(columnOf.get(c.key)!);
      const value = cellData(cell.value);
      if (value !== null) blank = false;
      cells[c.key] = { value, column: cell.address.replace(/\d+$/, '') };
    }
    if (blank) continue;
    rows.push({ row: r, cells });
    if (rows.length > MAX_DATA_ROWS) throw invalidSpreadsheet({ reason: 'too_many_rows', maxRows: MAX_DATA_ROWS }, spec.sheetName);
  }
  if (!rows.length) throw invalidSpreadsheet({ reason: 'no_data' }, spec.sheetName);
  return rows;
}

/** Rows written below the header when building a sheet; a template leaves room for this many. */
const TEMPLATE_ROWS = 500;

/**
 * Adds a sheet laid out for import: Chinese headers (each with a note saying how to fill it in),
 * the hidden English key row, text-formatted columns where digits matter, drop-downs for enumerated
 * columns, and the given rows of data.
 */
export function addSheet<K extends string>(workbook: ExcelJS.Workbook, spec: SheetSpec<K>, rows: Array<Record<K, CellData>>): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(spec.sheetName, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = spec.columns.map((c) => ({ key: c.key, width: c.width ?? Math.max(12, c.header.length * 2 + 4), style: c.asText ? { numFmt: '@' } : {} }));
  const header = sheet.getRow(1);
  const keys = sheet.getRow(2);
  spec.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.note = `${c.required ? '必填。' : ''}${c.hint}\n${c.required ? 'Required. ' : ''}${c.hintEn}`;
    cell.font = { bold: true, color: c.required ? { argb: 'FFC00000' } : undefined };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    keys.getCell(i + 1).value = c.key;
  });
  keys.hidden = true;
  for (const data of rows) {
    const row = sheet.addRow(spec.columns.map((c) => data[c.key] ?? null));
    spec.columns.forEach((c, i) => {
      if (data[c.key] instanceof Date) row.getCell(i + 1).numFmt = 'yyyy-mm-dd';
    });
  }
  const last = Math.max(TEMPLATE_ROWS, rows.length + 2);
  // One validation per column range: per-cell validations make exceljs write overlapping ranges
  // (it sorts "B10" before "B3"), which Excel reports as a damaged file.
  const validations = (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  spec.columns.forEach((c, i) => {
    if (!c.choices) return;
    const letter = sheet.getColumn(i + 1).letter;
    validations.add(`${letter}3:${letter}${last}`, {
      type: 'list',
      allowBlank: !c.required,
      formulae: [`"${c.choices.join(',')}"`],
      showErrorMessage: false,
    });
  });
  return sheet;
}

/** A second sheet documenting every column: header, key, required, format, example (the documented mapping). */
export function addInstructionsSheet(workbook: ExcelJS.Workbook, spec: SheetSpec, notes: string[]): void {
  const sheet = workbook.addWorksheet('填写说明');
  sheet.columns = [
    { header: '列名 Column', key: 'header', width: 22 },
    { header: '字段 Key', key: 'key', width: 24 },
    { header: '必填 Required', key: 'required', width: 14 },
    { header: '填写要求', key: 'hint', width: 60 },
    { header: 'How to fill in', key: 'hintEn', width: 60 },
    { header: '示例 Example', key: 'example', width: 30 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const c of spec.columns) {
    sheet.addRow({ header: c.header, key: c.key, required: c.required ? '是 yes' : '否 no', hint: c.hint, hintEn: c.hintEn, example: c.example });
  }
  sheet.addRow([]);
  for (const note of notes) sheet.addRow([note]);
}

export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function newWorkbook(now: Date): Promise<ExcelJS.Workbook> {
  const workbook = new (await excel()).Workbook();
  workbook.creator = 'Sanxiang 三项制度';
  workbook.created = now;
  workbook.modified = now;
  return workbook;
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
