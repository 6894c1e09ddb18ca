import crypto from 'node:crypto';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { XLSX_CONTENT_TYPE } from './spreadsheet.js';

/** Test helpers: real .xlsx files built with exceljs, and multipart bodies carrying them. */

export type TestCell = string | number | boolean | Date | null;

/** A workbook with a header row (and optionally the hidden key row) followed by data rows. */
export async function buildXlsx(
  headers: string[],
  rows: TestCell[][],
  options: { keys?: string[]; sheetName?: string; titleRow?: string } = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.sheetName ?? 'Sheet1');
  if (options.titleRow) sheet.addRow([options.titleRow]);
  sheet.addRow(headers);
  if (options.keys) sheet.addRow(options.keys).hidden = true;
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Reads the first sheet back as arrays of cell values (row 1 first). */
export async function readXlsx(data: Buffer, sheetName?: string): Promise<{ rows: unknown[][]; hiddenRows: number[]; sheetNames: string[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  const sheet = sheetName ? workbook.getWorksheet(sheetName)! : workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  const hiddenRows: number[] = [];
  sheet.eachRow((row, n) => {
    rows[n - 1] = (row.values as unknown[]).slice(1);
    if (row.hidden) hiddenRows.push(n);
  });
  return { rows, hiddenRows, sheetNames: workbook.worksheets.map((w) => w.name) };
}

/** A multipart/form-data body with one file part. */
export function multipartBody(data: Buffer, options: { field?: string; filename?: string; contentType?: string } = {}) {
  const boundary = `----sanxiang${crypto.randomBytes(8).toString('hex')}`;
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="${options.field ?? 'file'}"; filename="${options.filename ?? 'import.xlsx'}"\r\n` +
    `Content-Type: ${options.contentType ?? XLSX_CONTENT_TYPE}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** One entry of a hand-written ZIP archive; `declaredSize` makes the headers lie about its size. */
export interface TestZipEntry {
  name: string;
  chunks: () => Iterable<Buffer>;
  declaredSize?: number;
}

/** The entries of a small archive (a workbook exceljs wrote), as TestZipEntry values. */
export async function zipEntriesOf(data: Buffer): Promise<TestZipEntry[]> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.fromBuffer(data, { lazyEntries: true }, (e, z) => (e ? reject(e) : resolve(z))));
  const entries: TestZipEntry[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('end', resolve).on('error', reject);
    zip.on('entry', (entry: yauzl.Entry) =>
      zip.openReadStream(entry, async (error, stream) => {
        if (error) return reject(error);
        const parts: Buffer[] = [];
        for await (const part of stream) parts.push(part as Buffer);
        const bytes = Buffer.concat(parts);
        entries.push({ name: entry.fileName, chunks: () => [bytes] });
        zip.readEntry();
      }),
    );
    zip.readEntry();
  });
  return entries;
}

/**
 * A minimal ZIP writer (PKWARE APPNOTE 6.3.9, sections 4.3.7, 4.3.12, 4.3.16: local headers,
 * central directory, end record; deflate only) that streams each entry through zlib, so a test can
 * build a 400 MiB-when-inflated archive without holding 400 MiB.
 */
export function writeTestZip(entries: TestZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    let crc = 0;
    let size = 0;
    const deflated: Buffer[] = [];
    // Deflated in groups of chunks: each group ends with a sync flush (a non-final block), so the
    // groups concatenate into one raw deflate stream and memory holds one group at a time.
    const pieces: Buffer[] = [];
    for (const chunk of entry.chunks()) {
      crc = zlib.crc32(chunk, crc);
      size += chunk.length;
      pieces.push(chunk);
      if (pieces.length >= 16) deflated.push(zlib.deflateRawSync(Buffer.concat(pieces.splice(0)), { finishFlush: zlib.constants.Z_SYNC_FLUSH }));
    }
    deflated.push(zlib.deflateRawSync(Buffer.concat(pieces)));
    const data = Buffer.concat(deflated);
    const declared = entry.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
