import type { z } from 'zod';
import { fieldIssueMessages, type FieldIssueCode } from '../i18n/errors.js';
import { ENFORCEMENT_CATEGORIES } from '../platform/http/schemas.js';
import { isStorableText } from '../platform/http/storable-input.js';
import { AppError, fieldIssueOf } from '../platform/errors.js';
import type { EnforcementCategory } from '../organisation/tables.js';
import type { CellData, SheetRow, SheetSpec } from './spreadsheet.js';

/**
 * Turning spreadsheet cells into validated records, one problem per offending cell. The formats
 * are the API's own zod pieces (credit codes, ID numbers, dates, region codes, lengths); this file
 * only adds what a spreadsheet needs on top: Chinese labels for enumerations, Excel dates, and a
 * row and column for every problem.
 */

/** One problem in one cell of an import file: the rejection report is a list of these. */
export interface RowProblem {
  /** Row number as Excel shows it. */
  row: number;
  /** Column letter in the uploaded file, e.g. "C". */
  column: string;
  /** The Chinese column header. */
  header: string;
  /** The English field key. */
  field: string;
  code: FieldIssueCode | string;
  message: string;
  messageEn: string;
}

/** What a cell converter returns: a value for the schema, or the code of what is wrong. */
export type Converted = { value: unknown } | { issue: FieldIssueCode; detail?: { zh: string; en: string } };

export type Converter = (data: CellData) => Converted;

const ok = (value: unknown): Converted => ({ value });

/**
 * Free text; numbers typed into a text column (phones, certificate numbers) are taken as written.
 * A cell can hold what the database cannot (OOXML escapes NUL and lone surrogates as _x0000_):
 * refused like any other bad cell.
 */
export const asText: Converter = (data) => {
  if (data === null) return ok(undefined);
  if (data instanceof Date) return ok(isoOf(data));
  if (typeof data === 'number') return ok(Number.isInteger(data) ? data.toFixed(0) : String(data));
  const text = String(data);
  return isStorableText(text) ? ok(text) : { issue: 'forbidden_character' };
};

/**
 * Text whose digits must survive exactly (ID numbers): a number cell has already lost them —
 * Excel keeps 15 significant digits — so ask for the cell to be formatted as text.
 */
export const asDigitsText: Converter = (data) => {
  if (typeof data === 'number') return { issue: 'text_required' };
  return asText(data);
};

function isoOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Excel's day zero for serial dates (the 1900 system, with its phantom 29 February 1900). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** An Excel date cell, a serial number, or text YYYY-MM-DD (also YYYY/M/D, YYYY.M.D, YYYY年M月D日). */
export const asDate: Converter = (data) => {
  if (data === null) return ok(undefined);
  if (data instanceof Date) return Number.isNaN(data.getTime()) ? { issue: 'invalid_date' } : ok(isoOf(data));
  if (typeof data === 'number') {
    // Serial 60 is Excel's 29 February 1900, a day that never was; the serials before it start a day later.
    if (!Number.isInteger(data) || data < 1 || data > 2958465 || data === 60) return { issue: 'invalid_date' };
    return ok(isoOf(new Date(EXCEL_EPOCH_MS + (data < 60 ? data + 1 : data) * 86_400_000)));
  }
  const text = String(data).trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  // Anything else goes to the schema unchanged, which reports it as an invalid date.
  return ok(m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : text);
};

/** A value from a fixed list of Chinese labels (the English key is accepted too). */
export function asChoice<T extends string>(labels: Record<string, T>): Converter {
  const lookup = new Map<string, T>();
  for (const [label, value] of Object.entries(labels)) {
    lookup.set(label, value);
    lookup.set(value.toLowerCase(), value);
  }
  return (data) => {
    if (data === null) return ok(undefined);
    const found = lookup.get(String(data).replace(/\s/g, '').toLowerCase());
    return found === undefined ? { issue: 'invalid_value', detail: choicesDetail(labels) } : ok(found);
  };
}

function choicesDetail(labels: Record<string, string>) {
  const shown = [...new Set(Object.keys(labels).filter((l) => !l.includes('/')))];
  return { zh: `可填：${shown.join('、')}`, en: `allowed: ${shown.join(', ')}` };
}

/** 是/否; blank is 否. An Excel TRUE/FALSE cell works as well. */
export const asYesNo: Converter = (data) => {
  if (data === null) return ok(false);
  if (typeof data === 'boolean') return ok(data);
  const text = String(data).trim().toLowerCase();
  if (['是', 'y', 'yes', 'true', '1'].includes(text)) return ok(true);
  if (['否', 'n', 'no', 'false', '0'].includes(text)) return ok(false);
  return { issue: 'invalid_value', detail: { zh: '可填：是、否', en: 'allowed: 是 (yes), 否 (no)' } };
};

/** 执法类别 labels, zh-CN, as written in the seeds. */
export const CATEGORY_LABELS: Record<EnforcementCategory, string> = {
  licensing: '行政许可',
  penalty: '行政处罚',
  coercion: '行政强制',
  inspection: '行政检查',
  levy: '行政征收征用',
};

const categoryLookup = new Map<string, EnforcementCategory>([
  ...Object.entries(CATEGORY_LABELS).map(([k, v]) => [v, k as EnforcementCategory] as const),
  ...ENFORCEMENT_CATEGORIES.map((k) => [k, k] as const),
  ['行政征收/征用', 'levy'],
  ['行政征收', 'levy'],
  ['行政征用', 'levy'],
]);

/** Enforcement categories separated by 、 (or commas/semicolons); blank is none. */
export const asCategories: Converter = (data) => {
  if (data === null) return ok([]);
  const parts = String(data)
    .split(/[、,，;；\n]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const values: EnforcementCategory[] = [];
  for (const part of parts) {
    const found = categoryLookup.get(part) ?? categoryLookup.get(part.toLowerCase());
    if (!found) {
      return {
        issue: 'invalid_value',
        detail: { zh: `“${part}”不是执法类别；可填：${Object.values(CATEGORY_LABELS).join('、')}`, en: `"${part}" is not an enforcement category` },
      };
    }
    if (!values.includes(found)) values.push(found);
  }
  return ok(values);
};

/** A problem in one cell, with the shared zh/en message for its code and an optional specific detail. */
export function cellProblem(
  row: number,
  column: string,
  header: string,
  field: string,
  code: FieldIssueCode,
  detail?: { zh: string; en: string },
): RowProblem {
  const m = fieldIssueMessages[code];
  return {
    row,
    column,
    header,
    field,
    code,
    message: detail ? `${m.zh}（${detail.zh}）` : m.zh,
    messageEn: detail ? `${m.en} (${detail.en})` : m.en,
  };
}

/** The catalogue code of a cell's first schema issue (the shared mapping; an unknown code is `custom`). */
function issueCode(issue: z.core.$ZodIssue, input: unknown): FieldIssueCode {
  const { code } = fieldIssueOf(issue, input);
  return Object.hasOwn(fieldIssueMessages, code) ? (code as FieldIssueCode) : 'custom';
}

/** One row read: the fields that are valid, and a problem for each that is not. */
export interface ReadRow<T, K extends string = string> {
  sheetRow: SheetRow<K>;
  /** Every field that converted and validated; the others are absent. */
  fields: Partial<T>;
  /** The whole record, when every field is valid. */
  record?: T;
  problems: RowProblem[];
}

/**
 * Reads one row: converts every cell and validates it with its field's schema, cell by cell, so
 * every problem of the row is found and the valid fields can still be checked against other rows
 * and the database (a row with a bad date is still reported as a duplicate).
 */
export function readRecord<K extends string, S extends z.ZodObject>(
  sheetRow: SheetRow<K>,
  spec: SheetSpec<K>,
  converters: Record<K, Converter>,
  schema: S,
): ReadRow<z.infer<S>, K> {
  const problems: RowProblem[] = [];
  const fields: Record<string, unknown> = {};
  for (const c of spec.columns) {
    const cell = sheetRow.cells[c.key];
    const problem = (code: FieldIssueCode, detail?: { zh: string; en: string }) => cellProblem(sheetRow.row, cell.column, c.header, c.key, code, detail);
    const converted = converters[c.key](cell.value);
    if ('issue' in converted) {
      problems.push(problem(converted.issue, converted.detail));
      continue;
    }
    const parsed = (schema.shape[c.key] as z.ZodType).safeParse(converted.value);
    if (parsed.success) fields[c.key] = parsed.data;
    else problems.push(problem(issueCode(parsed.error.issues[0]!, converted.value)));
  }
  const whole = problems.length ? undefined : schema.safeParse(fields);
  return {
    sheetRow,
    fields: fields as Partial<z.infer<S>>,
    record: whole?.success ? whole.data : undefined,
    problems,
  };
}

/** Remembers the first row of each key so later rows can be reported as duplicates of it. */
export class DuplicateTracker {
  private readonly seen = new Map<string, number>();
  /** The earlier row with the same key, or undefined (and the key is remembered for this row). */
  check(key: string, row: number): number | undefined {
    const earlier = this.seen.get(key);
    if (earlier === undefined) this.seen.set(key, row);
    return earlier;
  }
}

export const duplicateDetail = (earlier: number) => ({ zh: `与第 ${earlier} 行重复`, en: `same as row ${earlier}` });

/** 422 IMPORT_REJECTED carrying the full report: every problem of every rejected row. */
export function importRejected(totalRows: number, problems: RowProblem[], dryRun: boolean): AppError {
  const sorted = [...problems].sort((a, b) => a.row - b.row || a.column.length - b.column.length || a.column.localeCompare(b.column));
  return new AppError('IMPORT_REJECTED', [], {
    dryRun,
    totalRows,
    rejectedRows: new Set(sorted.map((p) => p.row)).size,
    rows: sorted,
  });
}

/** Field → column letter of one row, kept with a valid record for reporting. */
export function columnsOf<K extends string>(sheetRow: SheetRow<K>): Record<string, string> {
  return Object.fromEntries(Object.entries<{ column: string }>(sheetRow.cells).map(([k, c]) => [k, c.column]));
}

/** The label to write for a stored value (the first label that maps to it). */
export function labelOf<T extends string>(labels: Record<string, T>, value: T | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return Object.entries(labels).find(([, v]) => v === value)?.[0] ?? value;
}
