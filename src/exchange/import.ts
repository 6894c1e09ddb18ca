import crypto from 'node:crypto';
import type { FieldIssueCode } from '../i18n/errors.js';
import { AppError } from '../platform/errors.js';
import { cellProblem, importRejected, type RowProblem } from './rows.js';
import type { SheetSpec } from './spreadsheet.js';

/** What is being imported or exported. */
export type ExchangeKind = 'officers' | 'agencies';

/** The uploaded file as the audit trail remembers it. */
export interface ImportFile {
  name: string | null;
  bytes: number;
  sha256: string;
}

export function describeFile(data: Buffer, name: string | null): ImportFile {
  return { name, bytes: data.length, sha256: crypto.createHash('sha256').update(data).digest('hex') };
}

/** A file that passed validation: every row turned into use-case input, nothing written yet. */
export interface ImportPlan<T> {
  kind: ExchangeKind;
  file: ImportFile;
  totalRows: number;
  /** Each valid row's input, with the column letter of each field for reporting a late refusal. */
  records: Array<{ row: number; input: T; columns: Record<string, string> }>;
}

/** The answer to an accepted import (or a dry run that would be accepted). */
export interface ImportSummary {
  kind: ExchangeKind;
  dryRun: boolean;
  totalRows: number;
  imported: number;
  created: Array<{ row: number; id: string }>;
}

export function dryRunSummary(plan: ImportPlan<unknown>): ImportSummary {
  return { kind: plan.kind, dryRun: true, totalRows: plan.totalRows, imported: 0, created: [] };
}

/** Called after each inserted row (the command line prints a counter). */
export type Progress = (done: number, total: number) => void;

/** Unique constraints a concurrent writer could still trip between validation and insert, by field. */
const constraintFields: Record<string, string> = {
  agencies_credit_code_key: 'creditCode',
  people_certificate_number_key: 'certificateNumber',
  people_agency_id_id_number_key: 'idNumber',
};

/**
 * Inserts every record through its use case inside the caller's transaction. Validation has
 * already passed; should a use case still refuse a row (a record registered concurrently, a rule
 * only the use case knows), the whole import is rejected with that row in the report — the
 * exception rolls the transaction back, so nothing is half-imported.
 */
export async function insertAll<T>(
  plan: ImportPlan<T>,
  spec: SheetSpec,
  insert: (input: T) => Promise<{ id: string }>,
  options: {
    onProgress?: Progress;
    /** Use-case field names that differ from the sheet's, e.g. divisionId → divisionName. */
    columnOf?: Record<string, string>;
  } = {},
): Promise<Array<{ row: number; id: string }>> {
  const created: Array<{ row: number; id: string }> = [];
  for (const { row, input, columns } of plan.records) {
    try {
      created.push({ row, id: (await insert(input)).id });
      options.onProgress?.(created.length, plan.records.length);
    } catch (error) {
      const problems = refusal(error, row, columns, spec, options.columnOf ?? {});
      if (!problems) throw error;
      throw importRejected(plan.totalRows, problems, false);
    }
  }
  return created;
}

function refusal(error: unknown, row: number, columns: Record<string, string>, spec: SheetSpec, columnOf: Record<string, string>): RowProblem[] | null {
  const problem = (useCaseField: string, code: FieldIssueCode) => {
    const field = columnOf[useCaseField] ?? useCaseField;
    return cellProblem(row, columns[field] ?? '', spec.columns.find((c) => c.key === field)?.header ?? field, field, code);
  };
  if (error instanceof AppError && error.status < 500) {
    if (error.fields.length) return error.fields.map((f) => ({ ...problem(f.field, 'custom'), code: f.code, message: f.message, messageEn: f.messageEn }));
    if (error.code === 'CERTIFICATE_DATES_INVALID') return [problem('certificateExpiresOn', 'certificate_dates')];
    const field = { DUPLICATE_CREDIT_CODE: 'creditCode', DUPLICATE_CERTIFICATE_NUMBER: 'certificateNumber', DUPLICATE_ID_NUMBER: 'idNumber' }[error.code as string];
    if (field) return [problem(field, 'duplicate_in_database')];
    return [{ ...problem('', 'custom'), code: error.code, message: error.toBody().error.message, messageEn: error.message }];
  }
  const cause = (error as { cause?: unknown })?.cause ?? error;
  const db = cause as { code?: string; constraint?: string };
  if (db?.code === '23505' && db.constraint && constraintFields[db.constraint]) return [problem(constraintFields[db.constraint]!, 'duplicate_in_database')];
  return null;
}
