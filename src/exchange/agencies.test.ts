import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, fakeCreditCode, PASSWORD, type World } from '../../test/factories.js';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/harness.js';
import { AGENCY_SHEET } from './agencies.js';
import { buildXlsx, multipartBody, readXlsx, type TestCell } from './test-workbooks.js';

let t: TestContext;
let world: World;
let supervisorA: Session;
let supervisorB: Session;
let adminA: Session;
let officerA: Session;
let sysadmin: Session;

const HEADERS = AGENCY_SHEET.columns.map((c) => c.header);
const KEYS = AGENCY_SHEET.columns.map((c) => c.key);
type AgencyCells = Partial<Record<(typeof KEYS)[number], TestCell>>;

function agency(over: AgencyCells = {}): TestCell[] {
  const cells: AgencyCells = {
    kind: '执法机关',
    name: '楚雄州市场监督管理局',
    shortName: '州市场监管局',
    creditCode: fakeCreditCode('532300'),
    regionCode: '532300',
    level: '州市',
    headName: '李明',
    address: '楚雄市鹿城南路 1 号',
    phone: '0878-3123456',
    supervisionPhone: '0878-3123457',
    categories: '行政许可、行政处罚、行政检查',
    area: '楚雄州行政区域',
    docAbbreviation: '楚市监',
    ...over,
  };
  return KEYS.map((k) => cells[k] ?? null);
}

const agenciesFile = (rows: TestCell[][]) => buildXlsx(HEADERS, rows, { keys: KEYS, sheetName: '执法主体' });

const upload = (session: Session, data: Buffer, query = '') => {
  const { payload, headers } = multipartBody(data, { filename: 'agencies.xlsx' });
  return session.request('POST', `/api/exchange/agencies${query}`, payload, headers);
};

const agencyCount = async () => (await t.database.query<{ n: number }>('select count(*)::int as n from agencies'))[0]!.n;
const problemsOf = (res: { json(): { error: { details: { rows: Array<{ row: number; field: string; code: string }> } } } }) =>
  res.json().error.details.rows.map((p) => [p.row, p.field, p.code]);

beforeAll(async () => {
  t = await createTestApp();
  world = await buildWorld(t.database);
  [supervisorA, supervisorB, adminA, officerA, sysadmin] = await Promise.all(
    ['supervisor_a', 'supervisor_b', 'admin_a', 'officer_a', 'sysadmin'].map((u) => loginAs(t.app, u, PASSWORD)),
  );
});
afterAll(() => t.close());

describe('POST /api/exchange/agencies', () => {
  it('lets a supervisor register the agencies of their region, in one transaction with one exchange.imported event', async () => {
    const codes = [fakeCreditCode('532300'), fakeCreditCode('532301')];
    const file = await agenciesFile([
      agency({ creditCode: codes[0] }),
      agency({ kind: '司法行政机关', name: '楚雄市司法局', shortName: null, creditCode: codes[1], regionCode: '532301', level: '县/区', categories: null, docAbbreviation: null }),
    ]);
    const before = await agencyCount();
    const res = await upload(supervisorA, file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'agencies', dryRun: false, totalRows: 2, imported: 2 });
    expect(await agencyCount()).toBe(before + 2);
    const rows = await t.database.query('select kind, name, region_code, level, categories, doc_abbreviation, confirmed_at from agencies where credit_code = any($1) order by region_code', [codes]);
    expect(rows).toEqual([
      { kind: 'enforcement', name: '楚雄州市场监督管理局', region_code: '532300', level: 'prefecture', categories: ['licensing', 'penalty', 'inspection'], doc_abbreviation: '楚市监', confirmed_at: null },
      { kind: 'justice_bureau', name: '楚雄市司法局', region_code: '532301', level: 'county', categories: [], doc_abbreviation: null, confirmed_at: null },
    ]);
    const audit = await t.database.query<{ detail: { kind: string; created: number } }>(`select detail from audit_events where action = 'exchange.imported'`);
    expect(audit.map((a) => a.detail)).toEqual([expect.objectContaining({ kind: 'agencies', rows: 2, created: 2 })]);
    expect((await t.database.query(`select 1 from audit_events where action = 'agency.created' and subject_id = any($1)`, [res.json().created.map((c: { id: string }) => c.id)])).length).toBe(2);
  });

  it('reports a wrong credit-code check character, duplicates, unknown regions and regions out of scope; writes nothing', async () => {
    const good = fakeCreditCode('532300');
    const badCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const repeated = fakeCreditCode('532300');
    const file = await agenciesFile([
      agency({ creditCode: badCheck }),
      agency({ creditCode: repeated }),
      agency({ creditCode: repeated }),
      agency({ creditCode: world.agencyA.creditCode }),
      agency({ creditCode: fakeCreditCode('140602'), regionCode: '140602', level: '县区' }),
      agency({ creditCode: fakeCreditCode('532300'), regionCode: '532399' }),
      agency({ creditCode: fakeCreditCode('532300'), kind: '事业单位', level: '市', name: '局' }),
      agency({ creditCode: fakeCreditCode('532300') }),
    ]);
    const before = await agencyCount();
    const res = await upload(supervisorA, file);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('IMPORT_REJECTED');
    expect(res.json().error.details).toMatchObject({ totalRows: 8, rejectedRows: 6 });
    expect(problemsOf(res)).toEqual([
      [3, 'creditCode', 'credit_code_check'],
      [5, 'creditCode', 'duplicate_in_file'],
      [6, 'creditCode', 'duplicate_in_database'],
      [7, 'regionCode', 'out_of_scope'],
      [8, 'regionCode', 'region_not_found'],
      [9, 'kind', 'invalid_value'],
      [9, 'name', 'too_small'],
      [9, 'level', 'invalid_value'],
    ]);
    expect(res.json().error.details.rows[0]).toMatchObject({ column: 'D', header: '统一社会信用代码', message: '统一社会信用代码校验位错误（GB 32100-2015）' });
    expect(await agencyCount()).toBe(before);
  });

  it('lets a system administrator import anywhere', async () => {
    const res = await upload(sysadmin, await agenciesFile([agency({ creditCode: fakeCreditCode('140602'), regionCode: '140602', level: '县区', name: '朔州市朔城区市场监督管理局' })]));
    expect(res.statusCode, res.body).toBe(200);
  });

  it('writes nothing on a dry run', async () => {
    const before = await agencyCount();
    const res = await upload(supervisorA, await agenciesFile([agency()]), '?dryRun=true');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ dryRun: true, totalRows: 1, imported: 0 });
    expect(await agencyCount()).toBe(before);
  });

  it('is for supervisors and system administrators: 403 to agency administrators and officers', async () => {
    for (const session of [adminA, officerA]) {
      const res = await upload(session, await agenciesFile([agency()]));
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
  });

  it('refuses a file without the region column', async () => {
    const headers = HEADERS.filter((h) => h !== '行政区划代码');
    const res = await upload(supervisorA, await buildXlsx(headers, [['执法机关', '某局']]));
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'INVALID_SPREADSHEET', details: { reason: 'missing_columns', missingColumns: ['行政区划代码'] } });
  });
});

describe('GET /api/exchange/agencies.xlsx', () => {
  it('exports the agencies in the supervisor’s region only, laid out for re-import', async () => {
    const res = await supervisorB.get('/api/exchange/agencies.xlsx');
    expect(res.statusCode).toBe(200);
    const { rows } = await readXlsx(res.rawPayload, '执法主体');
    expect(rows[0]).toEqual(HEADERS);
    const names = rows.slice(2).map((r) => r[KEYS.indexOf('name')]);
    expect(names).toEqual(expect.arrayContaining(['朔州市朔城区司法局', '朔州市朔城区科学技术局']));
    expect(names.some((n) => String(n).startsWith('楚雄'))).toBe(false);
    const bureau = rows.slice(2).find((r) => r[KEYS.indexOf('name')] === '朔州市朔城区司法局')!;
    expect(bureau[KEYS.indexOf('kind')]).toBe('司法行政机关');
    expect(bureau[KEYS.indexOf('level')]).toBe('县区');
    expect((await t.database.query(`select 1 from audit_events where action = 'exchange.exported' and detail->>'kind' = 'agencies'`)).length).toBe(1);
  });

  it('round-trips: an export re-imported elsewhere is refused only for the credit codes already registered', async () => {
    const res = await supervisorA.get('/api/exchange/agencies.xlsx');
    const reimport = await upload(supervisorA, res.rawPayload, '?dryRun=true');
    expect(reimport.statusCode).toBe(422);
    const problems = reimport.json().error.details.rows as Array<{ field: string; code: string }>;
    expect(problems.length).toBe(reimport.json().error.details.totalRows);
    expect(problems.every((p) => p.field === 'creditCode' && p.code === 'duplicate_in_database')).toBe(true);
  });

  it('is refused to an officer', async () => {
    expect((await officerA.get('/api/exchange/agencies.xlsx')).statusCode).toBe(403);
  });
});

describe('GET /api/exchange/templates/agencies.xlsx', () => {
  it('serves the template with drop-down columns documented in the instructions sheet', async () => {
    const res = await officerA.get('/api/exchange/templates/agencies.xlsx');
    expect(res.statusCode).toBe(200);
    const { rows, sheetNames } = await readXlsx(res.rawPayload, '执法主体');
    expect(sheetNames).toEqual(['执法主体', '填写说明']);
    expect(rows.filter(Boolean)).toEqual([HEADERS, KEYS]);
    const instructions = (await readXlsx(res.rawPayload, '填写说明')).rows;
    const example = KEYS.map((k) => instructions.find((r) => r?.[1] === k)![5] as string);
    const dry = await upload(supervisorA, await agenciesFile([example]), '?dryRun=true');
    expect(dry.statusCode, dry.body).toBe(200);
  });

  it('is documented in the OpenAPI document with every exchange route', async () => {
    const paths = Object.keys((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths).filter((p) => p.startsWith('/api/exchange/'));
    expect(paths.sort()).toEqual([
      '/api/exchange/agencies',
      '/api/exchange/agencies.xlsx',
      '/api/exchange/officers',
      '/api/exchange/officers.xlsx',
      '/api/exchange/templates/agencies.xlsx',
      '/api/exchange/templates/officers.xlsx',
    ]);
  });

  it('needs a login', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/exchange/templates/agencies.xlsx' })).statusCode).toBe(401);
  });
});
