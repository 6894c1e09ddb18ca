import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeCreditCode, fakeIdNumber } from '../../test/factories.js';
import { createRegion } from '../organisation/regions/regions.js';
import { openDatabase } from '../platform/db/database.js';
import { migrate } from '../platform/db/migrate.js';
import { AGENCY_SHEET } from './agencies.js';
import { OFFICER_SHEET } from './officers.js';
import { buildXlsx, readXlsx } from './test-workbooks.js';

/**
 * The real `sanxiang` command in a child process, over an embedded database in a temporary
 * DATA_DIR (always PGlite, whatever DATABASE_URL the test run has).
 */
const run = promisify(execFile);
const bin = path.resolve('bin/sanxiang.mjs');
let dataDir: string;

async function sanxiang(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, SANXIANG_DEMO: '0' };
  delete env.DATABASE_URL;
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env, cwd: dataDir });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function withData<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const database = await openDatabase({ dataDir: path.join(dataDir, 'pgdata') });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-cli-'));
  // The seeding step: regions, which have no import of their own.
  await withData(async (database) => {
    await migrate(database);
    await database.db.transaction(async (tx) => {
      const ctx = { actor: null, now: new Date(), label: 'test' };
      await createRegion(tx, ctx, { code: '530000', name: '云南省', parentCode: null });
      await createRegion(tx, ctx, { code: '532300', name: '楚雄彝族自治州', parentCode: '530000' });
    });
  });
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('sanxiang import / export', () => {
  it('imports agencies and officers, rejects a bad file with a table and exit code 1, and exports masked', async () => {
    const creditCode = fakeCreditCode('532300');
    const agencyRow = { kind: '执法机关', name: '楚雄州交通运输局', creditCode, regionCode: '532300', level: '州市', categories: '行政处罚' } as Record<string, string>;
    fs.writeFileSync(
      path.join(dataDir, 'agencies.xlsx'),
      await buildXlsx(AGENCY_SHEET.columns.map((c) => c.header), [AGENCY_SHEET.columns.map((c) => agencyRow[c.key] ?? null)]),
    );
    const agencies = await sanxiang('import', 'agencies', 'agencies.xlsx');
    expect(agencies.stderr).toBe('');
    expect(agencies.code).toBe(0);
    expect(agencies.stdout).toContain('Imported 1 rows');

    const good = fakeIdNumber('532301', '1988-08-08', 'female');
    const officer = (name: string, idNumber: string) =>
      OFFICER_SHEET.columns.map((c) => ({ name, idNumber, sex: '女', categories: '行政处罚' } as Record<string, string>)[c.key] ?? null);
    const headers = OFFICER_SHEET.columns.map((c) => c.header);
    fs.writeFileSync(path.join(dataDir, 'bad.xlsx'), await buildXlsx(headers, [officer('甲', good), officer('乙', '532301198808081230')]));
    const rejected = await sanxiang('import', 'officers', 'bad.xlsx', '--agency', creditCode);
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toContain('导入文件有错误，未导入任何数据');
    expect(rejected.stderr).toMatch(/行 Row\s+列 Col\s+列名 Column\s+问题 Problem/);
    expect(rejected.stderr).toMatch(/\n3\s+C\s+身份证号码\s+身份证号码校验位或出生日期错误/);

    fs.writeFileSync(path.join(dataDir, 'good.xlsx'), await buildXlsx(headers, [officer('甲', good)]));
    const imported = await sanxiang('import', 'officers', 'good.xlsx', '--agency', creditCode);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('Imported 1 rows');

    const exported = await sanxiang('export', 'officers', '--agency', creditCode, '-o', 'out.xlsx');
    expect(exported.code, exported.stderr).toBe(0);
    const { rows } = await readXlsx(fs.readFileSync(path.join(dataDir, 'out.xlsx')), '执法人员');
    const idColumn = OFFICER_SHEET.columns.findIndex((c) => c.key === 'idNumber');
    expect(rows.slice(2).map((r) => r[idColumn])).toEqual([`${good.slice(0, 6)}********${good.slice(-4)}`]);

    const state = await withData(async (database) => ({
      people: await database.query('select name, id_number from people'),
      audit: await database.query(`select action, actor_label from audit_events where action like 'exchange.%' order by at, action`),
    }));
    expect(state.people).toEqual([{ name: '甲', id_number: good }]);
    expect(state.audit).toEqual([
      { action: 'exchange.imported', actor_label: 'cli' },
      { action: 'exchange.imported', actor_label: 'cli' },
      { action: 'exchange.exported', actor_label: 'cli' },
    ]);
  }, 60_000);
});
