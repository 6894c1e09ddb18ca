import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors.js';
import { ENFORCEMENT_CATEGORIES } from '../platform/http/schemas.js';
import { formatReport } from './cli.js';
import { asCategories, asDate, asDigitsText, asText, asYesNo, CATEGORY_LABELS, type Converted } from './rows.js';
import { cellData, loadWorkbook, normaliseHeader, readRows, type SheetSpec } from './spreadsheet.js';

const valueOf = (c: Converted) => {
  if ('issue' in c) throw new Error(`unexpected issue ${c.issue}`);
  return c.value;
};

const isoDates = fc
  .date({ min: new Date(Date.UTC(1900, 2, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true })
  .map((d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())));

describe('asDate', () => {
  it('reads Excel serial numbers with known answers (1900 date system)', () => {
    expect(valueOf(asDate(1))).toBe('1900-01-01');
    expect(valueOf(asDate(59))).toBe('1900-02-28');
    expect(asDate(60)).toEqual({ issue: 'invalid_date' }); // Excel's 1900-02-29
    expect(valueOf(asDate(61))).toBe('1900-03-01');
    expect(valueOf(asDate(45292))).toBe('2024-01-01');
    expect(valueOf(asDate(46348))).toBe('2026-11-22');
    expect(asDate(45292.5)).toEqual({ issue: 'invalid_date' });
    expect(asDate(-3)).toEqual({ issue: 'invalid_date' });
  });

  it('gives the same day for a date cell, its serial number and its text in any accepted spelling', () => {
    fc.assert(
      fc.property(isoDates, (date) => {
        const iso = date.toISOString().slice(0, 10);
        const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
        const serial = Math.round((date.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000);
        for (const input of [date, serial, iso, `${y}/${m}/${d}`, `${y}.${m}.${d}`, `${y}年${m}月${d}日`]) {
          expect(valueOf(asDate(input))).toBe(iso);
        }
      }),
    );
  });

  it('passes other text to the schema unchanged (which then reports it)', () => {
    expect(valueOf(asDate('下月初'))).toBe('下月初');
    expect(valueOf(asDate(null))).toBeUndefined();
  });
});

describe('asCategories', () => {
  it('reads any set of category labels with any of the separators people type', () => {
    const separators = fc.constantFrom('、', ',', '，', ';', '；', ' 、 ');
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...ENFORCEMENT_CATEGORIES), { minLength: 1 }), separators, (categories, sep) => {
        expect(valueOf(asCategories(categories.map((c) => CATEGORY_LABELS[c]).join(sep)))).toEqual(categories);
      }),
    );
  });

  it('accepts the seeds’ spellings of levy, drops repeats, and names an unknown label', () => {
    expect(valueOf(asCategories('行政征收/征用、行政处罚、行政处罚'))).toEqual(['levy', 'penalty']);
    expect(valueOf(asCategories(null))).toEqual([]);
    const bad = asCategories('行政处罚、行政裁决');
    expect(bad).toMatchObject({ issue: 'invalid_value', detail: { zh: expect.stringContaining('“行政裁决”') } });
  });
});

describe('cell conversions', () => {
  it('keeps numbers typed into text columns as written, but refuses an ID number stored as a number', () => {
    expect(valueOf(asText(13800000000))).toBe('13800000000');
    expect(valueOf(asText(new Date(Date.UTC(2024, 0, 2))))).toBe('2024-01-02');
    expect(asDigitsText(532301198506151231)).toEqual({ issue: 'text_required' });
    expect(valueOf(asDigitsText('532301198506151231'))).toBe('532301198506151231');
  });

  it('reads 是/否 and Excel booleans; blank is 否', () => {
    expect([asYesNo('是'), asYesNo('否'), asYesNo(true), asYesNo(null)].map(valueOf)).toEqual([true, false, true, false]);
    expect(asYesNo('也许')).toMatchObject({ issue: 'invalid_value' });
  });

  it('unwraps rich text, hyperlinks, formulas and errors', () => {
    expect(cellData({ richText: [{ text: '张' }, { text: '三 ' }] })).toBe('张三');
    expect(cellData({ text: '0878-3123456', hyperlink: 'tel:08783123456' })).toBe('0878-3123456');
    expect(cellData({ formula: 'A1&B1', result: '行政处罚' })).toBe('行政处罚');
    expect(cellData({ error: '#N/A' })).toBe('#N/A');
    expect(cellData('   ')).toBeNull();
  });

  it('compares headers without spaces, bracketed hints or required markers', () => {
    expect(normaliseHeader('法制审核人员（是/否）')).toBe(normaliseHeader('法制审核人员(是/否)'));
    expect(normaliseHeader(' 姓名* ')).toBe('姓名');
    expect(normaliseHeader('idNumber')).toBe('idnumber');
  });
});

describe('readRows', () => {
  const spec: SheetSpec<'name' | 'code'> = {
    sheetName: '名单',
    columns: [
      { key: 'name', header: '姓名', required: true, hint: '', hintEn: '', example: '' },
      { key: 'code', header: '代码', required: true, hint: '', hintEn: '', example: '' },
    ],
  };

  it('finds the header under a title, skips the key row and blank rows, keeps Excel row numbers and column letters', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('其他');
    sheet.addRow(['人员名单（2026 年）']);
    sheet.addRow(['备注', '代码', '姓名']);
    sheet.addRow([null, 'code', 'name']);
    sheet.addRow(['x', '001', { richText: [{ text: '张三' }] }]);
    sheet.addRow([]);
    sheet.addRow(['只有备注', null, null]);
    sheet.addRow([null, { formula: '"00"&"2"', result: '002' }, '李四']);
    const rows = readRows(await loadWorkbook(Buffer.from(await workbook.xlsx.writeBuffer())), spec);
    expect(rows).toEqual([
      { row: 4, cells: { name: { value: '张三', column: 'C' }, code: { value: '001', column: 'B' } } },
      { row: 7, cells: { name: { value: '李四', column: 'C' }, code: { value: '002', column: 'B' } } },
    ]);
  });

  it('never fails with anything but INVALID_SPREADSHEET on arbitrary bytes, ZIP-looking or not', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.uint8Array({ maxLength: 2000 }), async (zipMagic, bytes) => {
        const data = Buffer.concat([zipMagic ? Buffer.from([0x50, 0x4b, 0x03, 0x04]) : Buffer.alloc(0), Buffer.from(bytes)]);
        const error = await loadWorkbook(data).then(
          (wb) => readRows(wb, spec),
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe('INVALID_SPREADSHEET');
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a real workbook cut short', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('名单').addRow(['姓名', '代码']);
    const whole = Buffer.from(await workbook.xlsx.writeBuffer());
    for (const length of [10, Math.floor(whole.length / 2), whole.length - 30]) {
      await expect(loadWorkbook(whole.subarray(0, length))).rejects.toMatchObject({ code: 'INVALID_SPREADSHEET', details: { reason: 'not_xlsx' } });
    }
  });
});

describe('formatReport', () => {
  it('lines the columns up, counting CJK characters as two terminal columns', () => {
    const text = formatReport([
      { row: 3, column: 'C', header: '身份证号码', field: 'idNumber', code: 'x', message: '错误', messageEn: 'wrong' },
      { row: 12, column: 'AA', header: 'x', field: 'x', code: 'x', message: '错', messageEn: 'bad' },
    ]);
    const lines = text.split('\n');
    expect(lines[2]).toBe('3       C       身份证号码   错误 / wrong');
    expect(lines[3]).toBe('12      AA      x            错 / bad');
  });
});
