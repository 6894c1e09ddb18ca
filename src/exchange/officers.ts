import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit, type AuditContext } from '../audit/record.js';
import { maskIdNumber } from '../organisation/check-digits.js';
import { createPerson, type PersonInput } from '../organisation/people/create-person.js';
import { divisions, people, type CertificateStatus } from '../organisation/tables.js';
import type { Db, Tx } from '../platform/db/database.js';
import { enforcementCategory, isoDate, optionalText, phone } from '../platform/http/schemas.js';
import { idNumber } from '../organisation/identity-schemas.js';
import { describeFile, insertAll, type ImportPlan, type ImportSummary, type Progress } from './import.js';
import {
  asCategories,
  asChoice,
  asDate,
  asDigitsText,
  asText,
  asYesNo,
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

/** 执法人员 rows (O2, P2, P12): one member of staff of the target agency per row. */

const SEX_LABELS: Record<string, 'male' | 'female'> = { 男: 'male', 女: 'female' };
const STATUS_LABELS: Record<string, CertificateStatus> = { 有效: 'active', 暂扣: 'suspended', 吊销: 'revoked' };
const QUALIFICATION_LABELS: Record<string, 'exam' | 'legal_professional_qualification'> = {
  考试: 'exam',
  法律职业资格: 'legal_professional_qualification',
};

type OfficerKey =
  | 'name'
  | 'sex'
  | 'idNumber'
  | 'divisionName'
  | 'positionTitle'
  | 'phone'
  | 'isLegalReviewer'
  | 'certificateNumber'
  | 'certificateIssuedOn'
  | 'certificateExpiresOn'
  | 'certificateStatus'
  | 'categories'
  | 'area'
  | 'qualification';

export const OFFICER_SHEET: SheetSpec<OfficerKey> = {
  sheetName: '执法人员',
  columns: [
    { key: 'name', header: '姓名', required: true, hint: '不超过 50 字', hintEn: 'up to 50 characters', example: '张三' },
    { key: 'sex', header: '性别', required: false, hint: '男 或 女', hintEn: 'male (男) or female (女)', example: '男', choices: Object.keys(SEX_LABELS), width: 8 },
    {
      key: 'idNumber',
      header: '身份证号码',
      required: true,
      hint: '18 位完整号码（GB 11643-1999），请以文本格式填写；导出文件中的号码已脱敏，不能直接导入',
      hintEn: 'the full 18-character number (GB 11643-1999), as text; exported files are masked and cannot be imported as they are',
      example: '532301198506151231',
      asText: true,
      width: 22,
    },
    { key: 'divisionName', header: '内设机构', required: false, hint: '须与本机关已登记的内设机构名称一致', hintEn: 'the name of a division already registered in the agency', example: '执法监督科', width: 16 },
    { key: 'positionTitle', header: '职务', required: false, hint: '不超过 50 字', hintEn: 'up to 50 characters', example: '科长' },
    { key: 'phone', header: '联系电话', required: false, hint: '如 13800000000 或 0878-3123456', hintEn: 'e.g. 13800000000 or 0878-3123456', example: '13800000000', asText: true, width: 16 },
    { key: 'isLegalReviewer', header: '法制审核人员(是/否)', required: false, hint: '是 或 否；空白为否', hintEn: 'yes (是) or no (否); blank is no', example: '否', choices: ['是', '否'] },
    { key: 'certificateNumber', header: '执法证号', required: false, hint: '无执法证的人员留空；填写时须同时填写发证日期、有效期至、证件状态', hintEn: 'blank for staff without a certificate; if given, issue date, expiry and status are required', example: '53230000001', asText: true, width: 16 },
    { key: 'certificateIssuedOn', header: '发证日期', required: false, hint: 'YYYY-MM-DD 或 Excel 日期', hintEn: 'YYYY-MM-DD or an Excel date', example: '2024-03-01' },
    { key: 'certificateExpiresOn', header: '有效期至', required: false, hint: 'YYYY-MM-DD 或 Excel 日期，须晚于发证日期', hintEn: 'YYYY-MM-DD or an Excel date, after the issue date', example: '2029-02-28' },
    { key: 'certificateStatus', header: '证件状态(有效/暂扣/吊销)', required: false, hint: '有效、暂扣 或 吊销', hintEn: 'active (有效), suspended (暂扣) or revoked (吊销)', example: '有效', choices: Object.keys(STATUS_LABELS) },
    { key: 'categories', header: '执法类别', required: false, hint: `多个用“、”分隔：${Object.values(CATEGORY_LABELS).join('、')}`, hintEn: 'separated by 、: licensing 行政许可, penalty 行政处罚, coercion 行政强制, inspection 行政检查, levy 行政征收征用', example: '行政处罚、行政检查', width: 24 },
    { key: 'area', header: '执法区域', required: false, hint: '不超过 500 字', hintEn: 'up to 500 characters', example: '楚雄州行政区域', width: 18 },
    { key: 'qualification', header: '资格取得方式', required: false, hint: '考试 或 法律职业资格（O2：取得国家法律职业资格者免考）', hintEn: 'exam (考试) or legal professional qualification (法律职业资格, exempt from the exam, O2)', example: '考试', choices: Object.keys(QUALIFICATION_LABELS) },
  ],
};

const converters: Record<OfficerKey, Converter> = {
  name: asText,
  sex: asChoice(SEX_LABELS),
  idNumber: asDigitsText,
  divisionName: asText,
  positionTitle: asText,
  phone: asText,
  isLegalReviewer: asYesNo,
  certificateNumber: asText,
  certificateIssuedOn: asDate,
  certificateExpiresOn: asDate,
  certificateStatus: asChoice(STATUS_LABELS),
  categories: asCategories,
  area: asText,
  qualification: asChoice(QUALIFICATION_LABELS),
};

const officerRow = z.object({
  name: z.string().trim().min(1).max(50),
  sex: z.enum(['male', 'female']).nullish(),
  idNumber: idNumber(),
  divisionName: optionalText(100),
  positionTitle: optionalText(50),
  phone: phone().nullish(),
  isLegalReviewer: z.boolean(),
  // As POST /api/people (certificateIn.number).
  certificateNumber: z.string().trim().regex(/^[0-9A-Za-z-]{6,32}$/).nullish(),
  certificateIssuedOn: isoDate().nullish(),
  certificateExpiresOn: isoDate().nullish(),
  certificateStatus: z.enum(['active', 'suspended', 'revoked']).nullish(),
  categories: z.array(enforcementCategory).max(5),
  area: optionalText(500),
  qualification: z.enum(['exam', 'legal_professional_qualification']).nullish(),
});
type OfficerRecord = z.infer<typeof officerRow>;

const headerOf = (key: OfficerKey) => OFFICER_SHEET.columns.find((c) => c.key === key)!.header;

const CERTIFICATE_FIELDS = ['certificateNumber', 'certificateIssuedOn', 'certificateExpiresOn', 'certificateStatus'] as const;

/** The certificate's four cells go together, and it expires after it is issued (O2). */
function certificateProblems(row: number, cells: Record<OfficerKey, { column: string }>, rec: Partial<OfficerRecord>): RowProblem[] {
  const at = (field: OfficerKey) => [row, cells[field].column, headerOf(field), field] as const;
  const parts = ['certificateIssuedOn', 'certificateExpiresOn', 'certificateStatus'] as const;
  if (rec.certificateNumber) {
    const missing = parts.filter((p) => !rec[p]);
    if (missing.length) return missing.map((p) => cellProblem(...at(p), 'certificate_incomplete'));
    if (rec.certificateExpiresOn! <= rec.certificateIssuedOn!) return [cellProblem(...at('certificateExpiresOn'), 'certificate_dates')];
    return [];
  }
  const stray = parts.filter((p) => rec[p]);
  return stray.length ? [cellProblem(...at('certificateNumber'), 'certificate_incomplete')] : [];
}

/**
 * Reads and validates an officers file for one agency without writing: every row, every cell.
 * Division names are resolved within the agency; ID numbers must be new to the file and to the
 * agency, certificate numbers new to the file and to the whole system. Throws INVALID_SPREADSHEET
 * for an unreadable file and IMPORT_REJECTED with the full report otherwise.
 */
export async function planOfficerImport(
  db: Db,
  data: Buffer,
  options: { agencyId: string; fileName?: string | null; dryRun?: boolean },
): Promise<OfficerImportPlan> {
  const sheetRows = readRows(await loadWorkbook(data), OFFICER_SHEET);
  const read = sheetRows.map((r) => readRecord(r, OFFICER_SHEET, converters, officerRow));
  const ids = [...new Set(read.flatMap((r) => (r.fields.idNumber ? [r.fields.idNumber] : [])))];
  const certificates = [...new Set(read.flatMap((r) => (r.fields.certificateNumber ? [r.fields.certificateNumber] : [])))];
  const divisionIds = new Map(
    (await db.select({ id: divisions.id, name: divisions.name }).from(divisions).where(eq(divisions.agencyId, options.agencyId))).map((d) => [d.name, d.id] as const),
  );
  const idsTaken = new Set(
    ids.length
      ? (await db.select({ v: people.idNumber }).from(people).where(and(eq(people.agencyId, options.agencyId), inArray(people.idNumber, ids)))).map((p) => p.v)
      : [],
  );
  const certificatesTaken = new Set(
    certificates.length
      ? (await db.select({ v: people.certificateNumber }).from(people).where(and(isNotNull(people.certificateNumber), inArray(people.certificateNumber, certificates)))).map((p) => p.v)
      : [],
  );

  const seenIds = new DuplicateTracker();
  const seenCertificates = new DuplicateTracker();
  const problems: RowProblem[] = [];
  const records: OfficerImportPlan['records'] = [];
  for (const { sheetRow, fields, record, problems: cellProblems } of read) {
    const at = (field: OfficerKey) => [sheetRow.row, sheetRow.cells[field].column, headerOf(field), field] as const;
    const rowProblems = [...cellProblems];
    if (!cellProblems.some((p) => (CERTIFICATE_FIELDS as readonly string[]).includes(p.field))) {
      rowProblems.push(...certificateProblems(sheetRow.row, sheetRow.cells, fields));
    }
    if (fields.idNumber) {
      const earlier = seenIds.check(fields.idNumber, sheetRow.row);
      if (earlier !== undefined) rowProblems.push(cellProblem(...at('idNumber'), 'duplicate_in_file', duplicateDetail(earlier)));
      else if (idsTaken.has(fields.idNumber)) rowProblems.push(cellProblem(...at('idNumber'), 'duplicate_in_database'));
    }
    if (fields.certificateNumber) {
      const earlier = seenCertificates.check(fields.certificateNumber, sheetRow.row);
      if (earlier !== undefined) rowProblems.push(cellProblem(...at('certificateNumber'), 'duplicate_in_file', duplicateDetail(earlier)));
      else if (certificatesTaken.has(fields.certificateNumber)) rowProblems.push(cellProblem(...at('certificateNumber'), 'duplicate_in_database'));
    }
    const divisionId = fields.divisionName ? divisionIds.get(fields.divisionName) : null;
    if (divisionId === undefined) {
      rowProblems.push(cellProblem(...at('divisionName'), 'not_in_agency', { zh: `未登记内设机构“${fields.divisionName}”`, en: `no division named "${fields.divisionName}"` }));
    }
    problems.push(...rowProblems);
    if (!rowProblems.length && record) records.push({ row: sheetRow.row, input: toPersonInput(record, divisionId ?? null), columns: columnsOf(sheetRow) });
  }
  if (problems.length) throw importRejected(sheetRows.length, problems, options.dryRun ?? false);
  return { kind: 'officers', agencyId: options.agencyId, file: describeFile(data, options.fileName ?? null), totalRows: sheetRows.length, records };
}

/** A validated officers file, bound to the agency it was validated for. */
export type OfficerImportPlan = ImportPlan<PersonInput> & { agencyId: string };

function toPersonInput(rec: OfficerRecord, divisionId: string | null): PersonInput {
  return {
    name: rec.name,
    sex: rec.sex ?? null,
    idNumber: rec.idNumber,
    divisionId,
    positionTitle: rec.positionTitle ?? null,
    phone: rec.phone ?? null,
    isLegalReviewer: rec.isLegalReviewer,
    certificateNumber: rec.certificateNumber ?? null,
    certificateIssuedOn: rec.certificateIssuedOn ?? null,
    certificateExpiresOn: rec.certificateExpiresOn ?? null,
    certificateStatus: rec.certificateStatus ?? null,
    categories: rec.categories,
    area: rec.area ?? null,
    qualification: rec.qualification ?? null,
  };
}

/** Registers every officer of a validated plan in the caller's transaction, with one exchange.imported event. */
export async function importOfficers(tx: Tx, ctx: AuditContext, plan: OfficerImportPlan, onProgress?: Progress): Promise<ImportSummary> {
  const created = await insertAll(plan, OFFICER_SHEET, (input) => createPerson(tx, ctx, plan.agencyId, input), { onProgress, columnOf: { divisionId: 'divisionName' } });
  await recordAudit(tx, ctx, {
    action: 'exchange.imported',
    subjectType: 'agency',
    subjectId: plan.agencyId,
    agencyId: plan.agencyId,
    detail: { kind: 'officers', rows: plan.totalRows, created: created.length, file: plan.file },
  });
  return { kind: 'officers', dryRun: false, totalRows: plan.totalRows, imported: created.length, created };
}

const excelDate = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : null);

/**
 * An agency's staff as a workbook laid out like the import template, for people to read: the ID
 * number column is masked (P8), so the file cannot be re-imported until full numbers are entered.
 */
export async function exportOfficers(db: Db, agencyId: string, now: Date): Promise<{ buffer: Buffer; ids: string[] }> {
  const rows = await db
    .select({ person: people, divisionName: divisions.name })
    .from(people)
    .leftJoin(divisions, eq(divisions.id, people.divisionId))
    .where(eq(people.agencyId, agencyId))
    .orderBy(asc(divisions.sortOrder), asc(divisions.name), asc(people.name), asc(people.id));
  const data = rows.map(({ person: p, divisionName }): Record<OfficerKey, CellData> => ({
    name: p.name,
    sex: labelOf(SEX_LABELS, p.sex),
    idNumber: maskIdNumber(p.idNumber),
    divisionName,
    positionTitle: p.positionTitle,
    phone: p.phone,
    isLegalReviewer: p.isLegalReviewer ? '是' : '否',
    certificateNumber: p.certificateNumber,
    certificateIssuedOn: excelDate(p.certificateIssuedOn),
    certificateExpiresOn: excelDate(p.certificateExpiresOn),
    certificateStatus: labelOf(STATUS_LABELS, p.certificateStatus),
    categories: p.categories.map((c) => CATEGORY_LABELS[c]).join('、') || null,
    area: p.area,
    qualification: labelOf(QUALIFICATION_LABELS, p.qualification),
  }));
  const workbook = await newWorkbook(now);
  const sheet = addSheet(workbook, OFFICER_SHEET, data);
  sheet.getCell(1, OFFICER_SHEET.columns.findIndex((c) => c.key === 'idNumber') + 1).note =
    '导出文件中的身份证号码已脱敏；重新导入前须填写完整号码。\nID numbers are masked in exports; enter the full numbers before importing.';
  return { buffer: await workbookBuffer(workbook), ids: rows.map((r) => r.person.id) };
}

/** The empty officers template: headers, the hidden key row, drop-downs and an instructions sheet. */
export async function officerTemplate(now: Date): Promise<Buffer> {
  const workbook = await newWorkbook(now);
  addSheet(workbook, OFFICER_SHEET, []);
  addInstructionsSheet(workbook, OFFICER_SHEET, [
    '说明：第 1 行为表头，第 2 行（隐藏）为字段名，请从第 3 行起每行填写一名人员。整份文件全部通过校验才会导入，否则不导入任何数据并逐行列出错误。',
    'Row 1 holds the headers and hidden row 2 the field keys; fill in one person per row from row 3. The file is imported only if every row is valid; otherwise nothing is imported and each problem is listed.',
    '身份证号码须填写完整的 18 位号码（文本格式）。导出的人员表中身份证号码已脱敏，仅供阅读；用其导入前须补全号码。',
    'ID numbers must be complete (18 characters, as text). Exported officer lists mask them and are for reading; complete them before importing such a file.',
    '内设机构须先在系统中登记，按名称对应。Divisions must exist in the agency and are matched by name.',
  ]);
  return workbookBuffer(workbook);
}
