import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDivision } from '../organisation/divisions/divisions.js';
import { maskIdNumber } from '../organisation/check-digits.js';
import { buildWorld, fakeIdNumber, PASSWORD, type World } from '../../test/factories.js';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/harness.js';
import { createPerson } from '../organisation/people/create-person.js';
import { importOfficers, OFFICER_SHEET, planOfficerImport } from './officers.js';
import { buildXlsx, multipartBody, readXlsx, type TestCell } from './test-workbooks.js';

let t: TestContext;
let world: World;
let adminA: Session;
let adminB: Session;
let officerA: Session;
let supervisorA: Session;
let supervisorB: Session;

const HEADERS = OFFICER_SHEET.columns.map((c) => c.header);
const KEYS = OFFICER_SHEET.columns.map((c) => c.key);
type OfficerCells = Partial<Record<(typeof KEYS)[number], TestCell>>;

let certificateSeq = 1000;
/** A valid officer row; `over` replaces cells by field key. */
function officer(over: OfficerCells = {}): TestCell[] {
  const base: OfficerCells = {
    name: '张三',
    sex: '男',
    idNumber: fakeIdNumber('532301', '1985-06-15', 'male'),
    divisionName: '执法监督科',
    positionTitle: '科员',
    phone: '13800000000',
    isLegalReviewer: '否',
    certificateNumber: `5323${String(certificateSeq++).padStart(7, '0')}`,
    certificateIssuedOn: '2024-03-01',
    certificateExpiresOn: '2029-02-28',
    certificateStatus: '有效',
    categories: '行政处罚、行政检查',
    area: '楚雄州行政区域',
    qualification: '考试',
  };
  const cells = { ...base, ...over };
  return KEYS.map((k) => cells[k] ?? null);
}

/** The officers file as the template lays it out: headers, hidden key row, data from row 3. */
const officersFile = (rows: TestCell[][]) => buildXlsx(HEADERS, rows, { keys: KEYS, sheetName: '执法人员' });

const upload = (session: Session, agencyId: string, data: Buffer, query = '', filename = 'officers.xlsx') => {
  const { payload, headers } = multipartBody(data, { filename });
  return session.request('POST', `/api/exchange/officers?agencyId=${agencyId}${query}`, payload, headers);
};

const peopleCount = async (agencyId: string) =>
  (await t.database.query<{ n: number }>('select count(*)::int as n from people where agency_id = $1', [agencyId]))[0]!.n;
const auditCount = async (action: string) =>
  (await t.database.query<{ n: number }>('select count(*)::int as n from audit_events where action = $1', [action]))[0]!.n;

beforeAll(async () => {
  t = await createTestApp();
  world = await buildWorld(t.database);
  await t.database.db.transaction(async (tx) => {
    const ctx = { actor: null, now: new Date() };
    await createDivision(tx, ctx, world.agencyA.id, { name: '执法监督科' });
    await createDivision(tx, ctx, world.agencyA.id, { name: '法规科', isLegalAffairs: true });
    await createDivision(tx, ctx, world.agencyA2.id, { name: '执法监督科' });
    await createDivision(tx, ctx, world.agencyA2.id, { name: '法规科' });
  });
  [adminA, adminB, officerA, supervisorA, supervisorB] = await Promise.all(
    ['admin_a', 'admin_b', 'officer_a', 'supervisor_a', 'supervisor_b'].map((u) => loginAs(t.app, u, PASSWORD)),
  );
});
afterAll(() => t.close());

describe('POST /api/exchange/officers', () => {
  it('imports every row in one go, with Excel dates and text dates, and records one exchange.imported event', async () => {
    const ids = [fakeIdNumber('532301', '1980-01-02', 'male'), fakeIdNumber('532322', '1990-12-31', 'female'), fakeIdNumber('532301', '1975-07-07', 'female')];
    const file = await officersFile([
      officer({ name: '李四', idNumber: ids[0], certificateIssuedOn: new Date(Date.UTC(2023, 4, 10)), certificateExpiresOn: new Date(Date.UTC(2028, 4, 9)) }),
      officer({ name: '王芳', sex: '女', idNumber: ids[1], divisionName: '法规科', isLegalReviewer: '是', categories: '行政许可、行政征收征用', qualification: '法律职业资格' }),
      // Staff without a certificate: the certificate cells stay blank.
      officer({ name: '赵敏', sex: '女', idNumber: ids[2], certificateNumber: null, certificateIssuedOn: null, certificateExpiresOn: null, certificateStatus: null, divisionName: null, categories: null, qualification: null }),
    ]);
    const before = await peopleCount(world.agencyA.id);
    const res = await upload(adminA, world.agencyA.id, file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'officers', dryRun: false, totalRows: 3, imported: 3 });
    expect(res.json().created.map((c: { row: number }) => c.row)).toEqual([3, 4, 5]);
    expect(await peopleCount(world.agencyA.id)).toBe(before + 3);

    const rows = await t.database.query<Record<string, unknown>>(
      `select p.name, p.sex, p.id_number, d.name as division, p.is_legal_reviewer, p.certificate_issued_on::text as issued,
              p.certificate_expires_on::text as expires, p.certificate_status, p.categories, p.qualification
         from people p left join divisions d on d.id = p.division_id where p.id_number = any($1) order by p.name`,
      [ids],
    );
    expect(rows).toEqual([
      { name: '李四', sex: 'male', id_number: ids[0], division: '执法监督科', is_legal_reviewer: false, issued: '2023-05-10', expires: '2028-05-09', certificate_status: 'active', categories: ['penalty', 'inspection'], qualification: 'exam' },
      { name: '王芳', sex: 'female', id_number: ids[1], division: '法规科', is_legal_reviewer: true, issued: '2024-03-01', expires: '2029-02-28', certificate_status: 'active', categories: ['licensing', 'levy'], qualification: 'legal_professional_qualification' },
      { name: '赵敏', sex: 'female', id_number: ids[2], division: null, is_legal_reviewer: false, issued: null, expires: null, certificate_status: null, categories: [], qualification: null },
    ]);
    const audit = await t.database.query<{ actor_label: string; agency_id: string; detail: { kind: string; rows: number; created: number; file: { name: string } } }>(
      `select actor_label, agency_id, detail from audit_events where action = 'exchange.imported'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_label: 'admin_a (admin_a)', agency_id: world.agencyA.id, detail: { kind: 'officers', rows: 3, created: 3, file: { name: 'officers.xlsx' } } });
  });

  it('rejects the whole file when 3 rows are bad, reports exactly those cells, and writes nothing', async () => {
    const file = await officersFile([
      officer({ name: '好人甲', idNumber: fakeIdNumber('532301', '1981-01-01') }),
      officer({ name: '坏人乙', idNumber: '532301198101011231' }), // wrong check digit (0 is right)
      officer({ name: '好人丙', idNumber: fakeIdNumber('532301', '1982-02-02') }),
      officer({ name: '坏人丁', idNumber: fakeIdNumber('532301', '1983-03-03'), certificateIssuedOn: '2024-02-30', divisionName: '不存在科' }),
      officer({ name: '坏人戊', idNumber: fakeIdNumber('532301', '1984-04-04'), sex: '未知', categories: '行政处罚、行政奖励' }),
      officer({ name: '好人己', idNumber: fakeIdNumber('532301', '1985-05-05') }),
    ]);
    const before = await peopleCount(world.agencyA.id);
    const auditBefore = await auditCount('person.created');
    const res = await upload(adminA, world.agencyA.id, file);
    expect(res.statusCode).toBe(422);
    const error = res.json().error;
    expect(error.code).toBe('IMPORT_REJECTED');
    expect(error.message).toBe('导入文件有错误，未导入任何数据');
    expect(error.details).toMatchObject({ dryRun: false, totalRows: 6, rejectedRows: 3 });
    expect(error.details.rows.map((p: { row: number; column: string; field: string; code: string }) => [p.row, p.column, p.field, p.code])).toEqual([
      [4, 'C', 'idNumber', 'id_number_check'],
      [6, 'D', 'divisionName', 'not_in_agency'],
      [6, 'I', 'certificateIssuedOn', 'invalid_date'],
      [7, 'B', 'sex', 'invalid_value'],
      [7, 'L', 'categories', 'invalid_value'],
    ]);
    const sex = error.details.rows.find((p: { field: string }) => p.field === 'sex');
    expect(sex).toMatchObject({ header: '性别', message: '取值不在允许范围内（可填：男、女）', messageEn: 'Not one of the allowed values (allowed: 男, 女)' });
    expect(error.details.rows.find((p: { field: string }) => p.field === 'categories').message).toContain('行政奖励');
    expect(await peopleCount(world.agencyA.id)).toBe(before);
    expect(await auditCount('person.created')).toBe(auditBefore);
    expect(await auditCount('exchange.imported')).toBe(1);
  });

  it('reports a duplicate inside the file against the row it repeats', async () => {
    const id = fakeIdNumber('532301', '1970-10-10');
    const file = await officersFile([
      officer({ idNumber: id, certificateNumber: 'DUP-CERT-1' }),
      officer({ idNumber: fakeIdNumber('532301', '1971-10-10') }),
      officer({ idNumber: id.toLowerCase(), certificateNumber: 'DUP-CERT-1' }),
    ]);
    const res = await upload(adminA, world.agencyA.id, file);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.rows).toEqual([
      expect.objectContaining({ row: 5, field: 'idNumber', code: 'duplicate_in_file', message: '与文件中其他行重复（与第 3 行重复）' }),
      expect.objectContaining({ row: 5, field: 'certificateNumber', code: 'duplicate_in_file' }),
    ]);
  });

  it('reports ID numbers already registered in the agency and certificate numbers registered anywhere', async () => {
    const [existing] = await t.database.query<{ id_number: string; certificate_number: string }>(
      `select id_number, certificate_number from people where agency_id = $1 and certificate_number is not null limit 1`,
      [world.agencyA.id],
    );
    const res = await upload(adminA, world.agencyA.id, await officersFile([officer({ idNumber: existing!.id_number, certificateNumber: existing!.certificate_number })]));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.rows.map((p: { field: string; code: string }) => [p.field, p.code])).toEqual([
      ['idNumber', 'duplicate_in_database'],
      ['certificateNumber', 'duplicate_in_database'],
    ]);
    // The same person may be registered in another agency (a transfer), but not with the same certificate.
    await t.database.db.transaction((tx) => createDivision(tx, { actor: null, now: new Date() }, world.agencyB.id, { name: '执法监督科' }));
    const elsewhere = await upload(adminB, world.agencyB.id, await officersFile([officer({ idNumber: existing!.id_number, certificateNumber: existing!.certificate_number })]));
    expect(elsewhere.json().error.details.rows.map((p: { field: string; code: string }) => [p.field, p.code])).toEqual([['certificateNumber', 'duplicate_in_database']]);
  });

  it('checks the certificate cells together: all four or none, expiry after issue', async () => {
    const res = await upload(
      adminA,
      world.agencyA.id,
      await officersFile([
        officer({ idNumber: fakeIdNumber('532301', '1960-01-01'), certificateStatus: null }),
        officer({ idNumber: fakeIdNumber('532301', '1960-01-02'), certificateExpiresOn: '2024-03-01' }),
        officer({ idNumber: fakeIdNumber('532301', '1960-01-03'), certificateNumber: null }),
      ]),
    );
    expect(res.json().error.details.rows.map((p: { row: number; field: string; code: string }) => [p.row, p.field, p.code])).toEqual([
      [3, 'certificateStatus', 'certificate_incomplete'],
      [4, 'certificateExpiresOn', 'certificate_dates'],
      [5, 'certificateNumber', 'certificate_incomplete'],
    ]);
  });

  it('asks for text formatting when an ID number was typed as a number, and requires name and ID', async () => {
    const res = await upload(adminA, world.agencyA.id, await officersFile([officer({ idNumber: 532301198506151231 }), officer({ name: null, idNumber: null })]));
    expect(res.json().error.details.rows.map((p: { row: number; field: string; code: string }) => [p.row, p.field, p.code])).toEqual([
      [3, 'idNumber', 'text_required'],
      [4, 'name', 'required'],
      [4, 'idNumber', 'required'],
    ]);
  });

  it('validates without writing on a dry run', async () => {
    const file = await officersFile([officer({ idNumber: fakeIdNumber('532301', '1991-01-01') }), officer({ idNumber: fakeIdNumber('532301', '1992-01-01') })]);
    const before = await peopleCount(world.agencyA.id);
    const auditBefore = await t.database.query('select count(*)::int as n from audit_events');
    const res = await upload(adminA, world.agencyA.id, file, '&dryRun=true');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ kind: 'officers', dryRun: true, totalRows: 2, imported: 0, created: [] });
    expect(await peopleCount(world.agencyA.id)).toBe(before);
    expect(await t.database.query('select count(*)::int as n from audit_events')).toEqual(auditBefore);

    const bad = await upload(adminA, world.agencyA.id, await officersFile([officer({ idNumber: '123' })]), '&dryRun=true');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details).toMatchObject({ dryRun: true, rejectedRows: 1 });
  });

  it('finds the header below a title row and accepts full-width brackets and no key row', async () => {
    const headers = HEADERS.map((h) => h.replace('(', '（').replace(')', '）'));
    const file = await buildXlsx(headers, [officer({ idNumber: fakeIdNumber('532301', '1993-03-03') })], { titleRow: '楚雄州工业和信息化局执法人员名单' });
    const res = await upload(adminA, world.agencyA.id, file, '&dryRun=1');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().totalRows).toBe(1);
  });
});

describe('importOfficers (the use case)', () => {
  it('rolls the whole file back when a row is refused at insert time (registered meanwhile by someone else)', async () => {
    const [first, second] = [fakeIdNumber('532301', '1966-06-01'), fakeIdNumber('532301', '1966-06-02')];
    const plan = await planOfficerImport(t.database.db, await officersFile([officer({ idNumber: first }), officer({ idNumber: second })]), { agencyId: world.agencyA.id });
    const ctx = { actor: null, now: new Date(), label: 'test' };
    await t.database.db.transaction((tx) => createPerson(tx, ctx, world.agencyA.id, { name: '先到者', idNumber: second }));
    const before = await peopleCount(world.agencyA.id);
    const error = await t.database.db.transaction((tx) => importOfficers(tx, ctx, plan)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'IMPORT_REJECTED', details: { rows: [{ row: 4, column: 'C', field: 'idNumber', code: 'duplicate_in_database' }] } });
    // The first row, inserted before the second was refused, is gone with it.
    expect(await peopleCount(world.agencyA.id)).toBe(before);
    expect((await t.database.query('select 1 from people where id_number = $1', [first])).length).toBe(0);
  });
});

describe('POST /api/exchange/officers — unreadable files', () => {
  const invalid = async (data: Buffer, filename = 'officers.xlsx') => {
    const res = await upload(adminA, world.agencyA.id, data, '', filename);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.code).toBe('INVALID_SPREADSHEET');
    return res.json().error.details;
  };

  it('refuses a file that is not an .xlsx', async () => {
    expect(await invalid(Buffer.from('姓名,身份证号码\n张三,532301198506151231\n'), 'officers.csv')).toMatchObject({ reason: 'not_xlsx' });
    expect(await invalid(Buffer.alloc(0))).toMatchObject({ reason: 'not_xlsx' });
    // A ZIP archive that is not a workbook.
    expect(await invalid(Buffer.from('504b0304', 'hex').subarray(0, 4))).toMatchObject({ reason: 'not_xlsx' });
  });

  it('takes files up to 10 MiB and answers 413 above', async () => {
    expect(await invalid(Buffer.alloc(3 * 1024 * 1024, 1))).toMatchObject({ reason: 'not_xlsx' });
    const res = await upload(adminA, world.agencyA.id, Buffer.alloc(10 * 1024 * 1024 + 1, 1));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('names the missing columns', async () => {
    const headers = HEADERS.filter((h) => h !== '身份证号码' && h !== '执法证号');
    const details = await invalid(await buildXlsx(headers, [['张三']]));
    expect(details).toMatchObject({ reason: 'missing_columns', missingColumns: ['身份证号码', '执法证号'], message: '缺少列：身份证号码、执法证号' });
  });

  it('refuses a sheet without a header row, and one without data', async () => {
    expect(await invalid(await buildXlsx(['a', 'b'], [['1', '2']]))).toMatchObject({ reason: 'no_header' });
    expect(await invalid(await officersFile([]))).toMatchObject({ reason: 'no_data' });
  });

  it('refuses a header that appears twice', async () => {
    expect(await invalid(await buildXlsx([...HEADERS, '姓名'], [officer()]))).toMatchObject({ reason: 'duplicate_columns', duplicateColumns: ['姓名'] });
  });

  it('needs a multipart upload in the field "file"', async () => {
    const json = await adminA.post(`/api/exchange/officers?agencyId=${world.agencyA.id}`, { file: 'x' });
    expect(json.statusCode).toBe(415);
    const { payload, headers } = multipartBody(await officersFile([officer()]), { field: 'upload' });
    const wrongField = await adminA.request('POST', `/api/exchange/officers?agencyId=${world.agencyA.id}`, payload, headers);
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json().error.fields).toEqual([expect.objectContaining({ field: 'file', code: 'required' })]);
  });
});

describe('POST /api/exchange/officers — authorisation', () => {
  it('answers 404 to an agency administrator of another agency and 403 to an officer', async () => {
    const file = await officersFile([officer({ idNumber: fakeIdNumber('532301', '1994-04-04') })]);
    const before = await peopleCount(world.agencyA.id);
    const other = await upload(adminB, world.agencyA.id, file);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('NOT_FOUND');
    const officerRes = await upload(officerA, world.agencyA.id, file);
    expect(officerRes.statusCode).toBe(403);
    expect(officerRes.json().error.code).toBe('FORBIDDEN');
    expect((await upload(supervisorB, world.agencyA.id, file)).statusCode).toBe(404);
    expect(await peopleCount(world.agencyA.id)).toBe(before);
  });

  it('lets a supervisor import into an agency of their region', async () => {
    const res = await upload(supervisorA, world.agencyA2.id, await officersFile([officer({ idNumber: fakeIdNumber('532301', '1995-05-05') })]));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().imported).toBe(1);
  });

  it('answers 404 for an agency that does not exist and 400 for a malformed id', async () => {
    const file = await officersFile([officer()]);
    expect((await upload(adminA, '00000000-0000-4000-8000-000000000000', file)).statusCode).toBe(404);
    expect((await upload(adminA, 'not-a-uuid', file)).statusCode).toBe(400);
  });
});

describe('GET /api/exchange/officers.xlsx', () => {
  it('exports the agency’s staff with masked ID numbers only, and audits the export', async () => {
    const stored = await t.database.query<{ id: string; id_number: string; name: string }>('select id, id_number, name from people where agency_id = $1', [world.agencyA.id]);
    expect(stored.length).toBeGreaterThan(0);
    const res = await adminA.get(`/api/exchange/officers.xlsx?agencyId=${world.agencyA.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="officers-2026-11-22\.xlsx"/);
    const { rows, hiddenRows } = await readXlsx(res.rawPayload, '执法人员');
    expect(rows[0]).toEqual(HEADERS);
    expect(rows[1]).toEqual(KEYS);
    expect(hiddenRows).toEqual([2]);
    const idColumn = KEYS.indexOf('idNumber');
    const exported = rows.slice(2);
    expect(exported).toHaveLength(stored.length);
    expect(exported.map((r) => r[idColumn]).sort()).toEqual(stored.map((s) => maskIdNumber(s.id_number)).sort());
    for (const r of exported) expect(r[idColumn]).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    // No full ID number anywhere in the file, in any cell.
    const everything = JSON.stringify(rows);
    for (const s of stored) expect(everything).not.toContain(s.id_number);

    const [audit] = await t.database.query<{ detail: { kind: string; count: number; ids: string[] } }>(
      `select detail from audit_events where action = 'exchange.exported' order by at desc limit 1`,
    );
    expect(audit!.detail).toMatchObject({ kind: 'officers', count: stored.length });
    expect(audit!.detail.ids.sort()).toEqual(stored.map((s) => s.id).sort());
  });

  it('is refused to an officer (403) and to another agency (404)', async () => {
    expect((await officerA.get(`/api/exchange/officers.xlsx?agencyId=${world.agencyA.id}`)).statusCode).toBe(403);
    expect((await adminB.get(`/api/exchange/officers.xlsx?agencyId=${world.agencyA.id}`)).statusCode).toBe(404);
  });

  it('round-trips into another agency once the masked ID numbers are completed', async () => {
    const res = await adminA.get(`/api/exchange/officers.xlsx?agencyId=${world.agencyA.id}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('执法人员')!;
    const idColumn = KEYS.indexOf('idNumber') + 1;
    const certificateColumn = KEYS.indexOf('certificateNumber') + 1;
    // Rows 3…500 carry drop-downs but no values; count the rows with data.
    const dataRows = sheet.actualRowCount - 2;

    // As exported, the file is refused: every row's ID number is masked.
    const asIs = Buffer.from(await workbook.xlsx.writeBuffer());
    const refused = await upload(supervisorA, world.agencyA2.id, asIs);
    expect(refused.statusCode).toBe(422);
    const idProblems = refused.json().error.details.rows.filter((p: { field: string }) => p.field === 'idNumber');
    expect(idProblems).toHaveLength(dataRows);
    expect(idProblems.every((p: { code: string }) => p.code === 'id_number_check')).toBe(true);

    // Complete the ID numbers and give new certificate numbers (those are unique system-wide).
    for (let r = 3; r < 3 + dataRows; r++) {
      sheet.getCell(r, idColumn).value = fakeIdNumber('532301', `1960-02-${String(r).padStart(2, '0')}`);
      if (sheet.getCell(r, certificateColumn).value) sheet.getCell(r, certificateColumn).value = `A2-CERT-${r}`;
    }
    const completed = Buffer.from(await workbook.xlsx.writeBuffer());
    const before = await peopleCount(world.agencyA2.id);
    const imported = await upload(supervisorA, world.agencyA2.id, completed);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json().imported).toBe(dataRows);
    expect(await peopleCount(world.agencyA2.id)).toBe(before + dataRows);
  });
});

describe('GET /api/exchange/templates/officers.xlsx', () => {
  it('has the headers, the hidden key row and an instructions sheet whose examples import cleanly', async () => {
    const res = await officerA.get('/api/exchange/templates/officers.xlsx');
    expect(res.statusCode).toBe(200);
    const { rows, hiddenRows, sheetNames } = await readXlsx(res.rawPayload, '执法人员');
    expect(sheetNames).toEqual(['执法人员', '填写说明']);
    expect(rows.filter(Boolean)).toEqual([HEADERS, KEYS]);
    expect(hiddenRows).toEqual([2]);

    const instructions = (await readXlsx(res.rawPayload, '填写说明')).rows;
    const examples = new Map(instructions.slice(1, KEYS.length + 1).map((r) => [r[1] as string, r[5] as string]));
    expect([...examples.keys()]).toEqual(KEYS);
    expect(instructions.flat().join('\n')).toContain('导出的人员表中身份证号码已脱敏');

    // The template itself, with the example row typed in, is a valid import.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    workbook.getWorksheet('执法人员')!.getRow(3).values = KEYS.map((k) => examples.get(k) ?? null);
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    const dry = await upload(adminA, world.agencyA.id, filled, '&dryRun=true');
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json().totalRows).toBe(1);
  });
});
