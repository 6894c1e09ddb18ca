import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, PASSWORD, type World } from '../../test/factories.js';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/harness.js';
import { OFFICER_SHEET } from './officers.js';
import { checkXlsxLimits, MAX_SHEET_ROWS } from './zip-limits.js';
import { buildXlsx, multipartBody, writeTestZip, zipEntriesOf, type TestZipEntry } from './test-workbooks.js';

let t: TestContext;
let world: World;
let adminA: Session;

beforeAll(async () => {
  t = await createTestApp();
  world = await buildWorld(t.database);
  adminA = await loginAs(t.app, 'admin_a', PASSWORD);
});
afterAll(() => t.close());

const MiB = 1024 * 1024;
const HEADERS = OFFICER_SHEET.columns.map((c) => c.header);
const SHEET = 'xl/worksheets/sheet1.xml';

/** A sheet part whose one cell holds `mebibytes` MiB of the letter A (compresses about 1000:1). */
function* bombSheet(mebibytes: number): Iterable<Buffer> {
  yield Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>');
  const block = Buffer.alloc(MiB, 'A');
  for (let i = 0; i < mebibytes; i++) yield block;
  yield Buffer.from('</t></is></c></row></sheetData></worksheet>');
}

/** A real officers workbook with its sheet part swapped for `sheet`. */
async function withSheet(sheet: Omit<TestZipEntry, 'name'>): Promise<Buffer> {
  const entries = await zipEntriesOf(await buildXlsx(HEADERS, [], { sheetName: '执法人员' }));
  expect(entries.map((e) => e.name)).toContain(SHEET);
  return writeTestZip(entries.map((e) => (e.name === SHEET ? { name: SHEET, ...sheet } : e)));
}

const gc = (() => {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
})();

/** Uploads a file to the officers import and reports the answer and the most the process grew by meanwhile. */
async function importMeasured(data: Buffer) {
  const { payload, headers } = multipartBody(data, { filename: 'bomb.xlsx' });
  gc();
  const baseline = process.memoryUsage();
  let peakRss = baseline.rss;
  let peakHeap = baseline.heapUsed + baseline.arrayBuffers;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed + now.arrayBuffers);
  }, 2);
  try {
    const res = await adminA.request('POST', `/api/exchange/officers?agencyId=${world.agencyA.id}`, payload, headers);
    return { res, rssGrowth: peakRss - baseline.rss, heapGrowth: peakHeap - (baseline.heapUsed + baseline.arrayBuffers) };
  } finally {
    clearInterval(sampler);
  }
}

describe('an .xlsx zip bomb (issue 7)', () => {
  it('refuses a 400 KiB workbook that expands to 400 MiB with 413, growing the process by less than 64 MiB', async () => {
    const bomb = await withSheet({ chunks: () => bombSheet(400) });
    expect(bomb.length).toBeLessThan(2 * MiB);
    const { res, rssGrowth, heapGrowth } = await importMeasured(bomb);
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'SPREADSHEET_TOO_LARGE', message: expect.any(String), messageEn: expect.any(String) });
    expect(rssGrowth).toBeLessThan(64 * MiB);
    expect(heapGrowth).toBeLessThan(64 * MiB);
  });

  it('refuses the same bomb when its headers claim the sheet is 1 KiB (declared sizes cannot lie)', async () => {
    const liar = await withSheet({ chunks: () => bombSheet(400), declaredSize: 1024 });
    const { res, rssGrowth } = await importMeasured(liar);
    expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(['SPREADSHEET_TOO_LARGE', 'INVALID_SPREADSHEET']).toContain(res.json().error.code);
    expect(rssGrowth).toBeLessThan(64 * MiB);
  });

  it('refuses many parts that each look harmless but add up to more than 50 MiB', async () => {
    const entries = await zipEntriesOf(await buildXlsx(HEADERS, [], { sheetName: '执法人员' }));
    const filler = Buffer.alloc(900 * 1024, '<a/>');
    for (let i = 0; i < 60; i++) entries.push({ name: `xl/media/filler${i}.xml`, chunks: () => [filler] });
    await expect(checkXlsxLimits(writeTestZip(entries), () => new Error('not a zip') as never)).rejects.toMatchObject({
      code: 'SPREADSHEET_TOO_LARGE',
      details: { reason: 'uncompressed_too_large' },
    });
  });

  it(`refuses a sheet of more than ${MAX_SHEET_ROWS} rows before parsing it`, async () => {
    const rows = Array.from({ length: MAX_SHEET_ROWS + 1 }, (_, i) => [`第${i}行`]);
    const res = await adminA.request('POST', `/api/exchange/officers?agencyId=${world.agencyA.id}`, ...Object.values(multipartBody(await buildXlsx(HEADERS, rows, { sheetName: '执法人员' }))) as [Buffer, Record<string, string>]);
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'SPREADSHEET_TOO_LARGE', details: { reason: 'too_many_rows', limitRows: MAX_SHEET_ROWS } });
  });

  it('still reads an ordinary workbook', async () => {
    const summary = await checkXlsxLimits(await buildXlsx(HEADERS, [['张三']], { sheetName: '执法人员' }), () => new Error('not a zip') as never);
    expect(summary.sheetRows[SHEET]).toBe(2);
  });
});
