import { inArray, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { agencyFields } from '../organisation/agencies/schemas.js';
import { regionInScope } from '../accounts/scope.js';
import type { Actor } from '../accounts/roles.js';
import { recordAudit, type AuditContext } from '../audit/record.js';
import { createAgency, queryAgencies, type AgencyInput } from '../organisation/agencies/agencies.js';
import { agencies, regions, type RegionLevel } from '../organisation/tables.js';
import type { Db, Tx } from '../platform/db/database.js';
import { enforcementCategory } from '../platform/http/schemas.js';
import { describeFile, insertAll, type ImportPlan, type ImportSummary, type Progress } from './import.js';
import {
  asCategories,
  asChoice,
  asText,
  CATEGORY_LABELS,
  cellProblem,
  columnsOf,
  DuplicateTracker,
  duplicateDetail,
  importRejected,
  labelOf,
  readRecord,
  type Converter,
  type RowProblem,
} from './rows.js';
import { addInstructionsSheet, addSheet, loadWorkbook, newWorkbook, readRows, workbookBuffer, type CellData, type SheetSpec } from './spreadsheet.js';

/** 执法主体 rows (O1, P2): one agency or justice bureau per row. */

const KIND_LABELS: Record<string, AgencyInput['kind']> = { 执法机关: 'enforcement', 司法行政机关: 'justice_bureau' };
const LEVEL_LABELS: Record<string, RegionLevel> = {
  省: 'province',
  州市: 'prefecture',
  '州/市': 'prefecture',
  县区: 'county',
  '县/区': 'county',
  乡镇: 'township',
  '乡/镇': 'township',
};

type AgencyKey =
  | 'kind'
  | 'name'
  | 'shortName'
  | 'creditCode'
  | 'regionCode'
  | 'level'
  | 'headName'
  | 'address'
  | 'phone'
  | 'supervisionPhone'
  | 'categories'
  | 'area'
  | 'docAbbreviation';

const categoriesHint = `多个用“、”分隔：${Object.values(CATEGORY_LABELS).join('、')}`;

export const AGENCY_SHEET: SheetSpec<AgencyKey> = {
  sheetName: '执法主体',
  columns: [
    { key: 'kind', header: '主体类型', required: true, hint: '执法机关 或 司法行政机关', hintEn: 'enforcement agency (执法机关) or justice bureau (司法行政机关)', example: '执法机关', choices: Object.keys(KIND_LABELS) },
    { key: 'name', header: '名称', required: true, hint: '全称，2–100 字', hintEn: 'full name, 2–100 characters', example: '楚雄州市场监督管理局', width: 30 },
    { key: 'shortName', header: '简称', required: false, hint: '不超过 30 字', hintEn: 'up to 30 characters', example: '州市场监管局' },
    { key: 'creditCode', header: '统一社会信用代码', required: true, hint: '18 位，含校验位（GB 32100-2015）', hintEn: '18 characters with check character (GB 32100-2015)', example: '11532300605992671W', asText: true, width: 22 },
    { key: 'regionCode', header: '行政区划代码', required: true, hint: '6 位或 9 位数字（GB/T 2260），须已在系统中登记', hintEn: '6 or 9 digits (GB/T 2260), registered in the system', example: '532300', asText: true },
    { key: 'level', header: '层级', required: true, hint: '省、州市、县区 或 乡镇', hintEn: 'province (省), prefecture (州市), county (县区) or township (乡镇)', example: '州市', choices: ['省', '州市', '县区', '乡镇'] },
    { key: 'headName', header: '负责人', required: false, hint: '不超过 50 字', hintEn: 'up to 50 characters', example: '李明' },
    { key: 'address', header: '地址', required: false, hint: '不超过 200 字', hintEn: 'up to 200 characters', example: '楚雄市鹿城南路 1 号', width: 30 },
    { key: 'phone', header: '电话', required: false, hint: '如 0878-3123456', hintEn: 'e.g. 0878-3123456', example: '0878-3123456', asText: true },
    { key: 'supervisionPhone', header: '监督电话', required: false, hint: '如 0878-3123457', hintEn: 'e.g. 0878-3123457', example: '0878-3123457', asText: true },
    { key: 'categories', header: '执法类别', required: false, hint: categoriesHint, hintEn: 'separated by 、: licensing 行政许可, penalty 行政处罚, coercion 行政强制, inspection 行政检查, levy 行政征收征用', example: '行政处罚、行政检查', width: 26 },
    { key: 'area', header: '执法区域', required: false, hint: '不超过 500 字', hintEn: 'up to 500 characters', example: '楚雄州行政区域', width: 20 },
    { key: 'docAbbreviation', header: '文书简称', required: false, hint: '执法文书编号所用简称，不超过 10 字', hintEn: 'abbreviation used in document numbers, up to 10 characters', example: '楚市监' },
  ],
};

const converters: Record<AgencyKey, Converter> = {
  kind: asChoice(KIND_LABELS),
  name: asText,
  shortName: asText,
  creditCode: asText,
  regionCode: asText,
  level: asChoice(LEVEL_LABELS),
  headName: asText,
  address: asText,
  phone: asText,
  supervisionPhone: asText,
  categories: asCategories,
  area: asText,
  docAbbreviation: asText,
};

/** The same rules as POST /api/agencies: the same field schemas. */
const agencyRow = z.object({ ...agencyFields, kind: z.enum(['enforcement', 'justice_bureau']), categories: z.array(enforcementCategory).max(5) });

/**
 * Reads and validates an agencies file without writing: every row, every cell. Credit codes must
 * be new (to the file and to the system); regions must exist and, for a supervisor, lie in their
 * region subtree (P13: justice bureaux register the agencies of their area). Throws
 * INVALID_SPREADSHEET for an unreadable file and IMPORT_REJECTED with the full report otherwise.
 *
 * @param actor the importing user; null for the command line, which acts as the system
 */
export async function planAgencyImport(
  db: Db,
  data: Buffer,
  options: { actor: Actor | null; fileName?: string | null; dryRun?: boolean },
): Promise<ImportPlan<AgencyInput>> {
  const sheetRows = readRows(await loadWorkbook(data), AGENCY_SHEET);
  const read = sheetRows.map((r) => readRecord(r, AGENCY_SHEET, converters, agencyRow));
  const codes = [...new Set(read.flatMap((r) => (r.fields.creditCode ? [r.fields.creditCode] : [])))];
  const regionCodes = [...new Set(read.flatMap((r) => (r.fields.regionCode ? [r.fields.regionCode] : [])))];
  const taken = new Set(
    codes.length ? (await db.select({ code: agencies.creditCode }).from(agencies).where(inArray(agencies.creditCode, codes))).map((a) => a.code) : [],
  );
  const regionPaths = new Map(
    regionCodes.length
      ? (await db.select({ code: regions.code, path: regions.path }).from(regions).where(inArray(regions.code, regionCodes))).map((r) => [r.code, r.path] as const)
      : [],
  );

  const seen = new DuplicateTracker();
  const problems: RowProblem[] = [];
  const records: ImportPlan<AgencyInput>['records'] = [];
  for (const { sheetRow, fields, record, problems: cellProblems } of read) {
    const at = (field: AgencyKey) => [sheetRow.row, sheetRow.cells[field].column, AGENCY_SHEET.columns.find((c) => c.key === field)!.header, field] as const;
    const rowProblems = [...cellProblems];
    if (fields.creditCode) {
      const earlier = seen.check(fields.creditCode, sheetRow.row);
      if (earlier !== undefined) rowProblems.push(cellProblem(...at('creditCode'), 'duplicate_in_file', duplicateDetail(earlier)));
      else if (taken.has(fields.creditCode)) rowProblems.push(cellProblem(...at('creditCode'), 'duplicate_in_database'));
    }
    if (fields.regionCode) {
      const path = regionPaths.get(fields.regionCode);
      if (!path) rowProblems.push(cellProblem(...at('regionCode'), 'region_not_found'));
      else if (options.actor && !regionInScope(options.actor, path)) rowProblems.push(cellProblem(...at('regionCode'), 'out_of_scope'));
    }
    problems.push(...rowProblems);
    if (!rowProblems.length && record) records.push({ row: sheetRow.row, input: record, columns: columnsOf(sheetRow) });
  }
  if (problems.length) throw importRejected(sheetRows.length, problems, options.dryRun ?? false);
  return { kind: 'agencies', file: describeFile(data, options.fileName ?? null), totalRows: sheetRows.length, records };
}

/** Registers every agency of a validated plan in the caller's transaction, with one exchange.imported event. */
export async function importAgencies(tx: Tx, ctx: AuditContext, plan: ImportPlan<AgencyInput>, onProgress?: Progress): Promise<ImportSummary> {
  const created = await insertAll(plan, AGENCY_SHEET, (input) => createAgency(tx, ctx, input), { onProgress });
  await recordAudit(tx, ctx, {
    action: 'exchange.imported',
    subjectType: 'agency',
    agencyId: ctx.actor?.agencyId ?? null,
    detail: { kind: 'agencies', rows: plan.totalRows, created: created.length, file: plan.file },
  });
  return { kind: 'agencies', dryRun: false, totalRows: plan.totalRows, imported: created.length, created };
}

/** The agencies a scope condition admits, as a workbook laid out like the import template. */
export async function exportAgencies(db: Db, today: string, now: Date, scope: SQL | undefined) {
  const rows: Array<Record<AgencyKey, CellData>> = [];
  for (let offset = 0; ; offset += 500) {
    const page = await queryAgencies(db, today, { scope, limit: 500, offset });
    for (const { agency: a } of page.rows) {
      rows.push({
        kind: labelOf(KIND_LABELS, a.kind),
        name: a.name,
        shortName: a.shortName,
        creditCode: a.creditCode,
        regionCode: a.regionCode,
        level: labelOf(LEVEL_LABELS, a.level),
        headName: a.headName,
        address: a.address,
        phone: a.phone,
        supervisionPhone: a.supervisionPhone,
        categories: a.categories.map((c) => CATEGORY_LABELS[c]).join('、') || null,
        area: a.area,
        docAbbreviation: a.docAbbreviation,
      });
    }
    if (page.rows.length < 500) break;
  }
  const workbook = await newWorkbook(now);
  addSheet(workbook, AGENCY_SHEET, rows);
  return { buffer: await workbookBuffer(workbook), count: rows.length };
}

/** The empty agencies template: headers, the hidden key row, drop-downs and an instructions sheet. */
export async function agencyTemplate(now: Date): Promise<Buffer> {
  const workbook = await newWorkbook(now);
  addSheet(workbook, AGENCY_SHEET, []);
  addInstructionsSheet(workbook, AGENCY_SHEET, [
    '说明：第 1 行为表头，第 2 行（隐藏）为字段名，请从第 3 行起每行填写一个执法主体。整份文件全部通过校验才会导入，否则不导入任何数据并逐行列出错误。',
    'Row 1 holds the headers and hidden row 2 the field keys; fill in one agency per row from row 3. The file is imported only if every row is valid; otherwise nothing is imported and each problem is listed.',
    '统一社会信用代码、行政区划代码、电话请以文本格式填写。Enter codes and phone numbers as text.',
  ]);
  return workbookBuffer(workbook);
}
