import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { AppError } from '../platform/errors.js';

/**
 * Limits on what an uploaded .xlsx may expand to, checked before exceljs parses it. An .xlsx is a
 * ZIP archive, and the parser inflates every entry whole in memory: a 399 KiB file of repeated
 * text expanding to 400 MiB cost the server 665 MiB before it was refused. Here the archive is
 * read as a stream, entry by entry, and refused as soon as a limit is passed.
 */

/** The most all entries of one workbook may expand to. A 5,000-row registry is a few MiB. */
export const MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;
/** Text compresses some 5–20 times; beyond this ratio a large entry is a bomb, not a spreadsheet. */
export const MAX_COMPRESSION_RATIO = 100;
/** Below this size an entry's ratio does not matter (a short XML part of repeated tags compresses well). */
const RATIO_CHECKED_FROM_BYTES = 1024 * 1024;
/** A workbook has a few dozen parts. */
export const MAX_ZIP_ENTRIES = 1000;
/** Rows of any kind (blank, formatted, data) a worksheet may hold before it is parsed. */
export const MAX_SHEET_ROWS = 10_000;

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
/** A row element, with or without a namespace prefix (`<row r="3">`, `<x:row>`). */
const ROW_TAG = /<(?:[A-Za-z_][\w.-]*:)?row[\s>/]/g;

export type ZipLimitProblem =
  | { reason: 'uncompressed_too_large'; limitBytes: number }
  | { reason: 'compression_ratio'; entry: string; limitRatio: number }
  | { reason: 'too_many_entries'; limitEntries: number }
  | { reason: 'too_many_rows'; limitRows: number };

/** 413 SPREADSHEET_TOO_LARGE, saying which limit was passed. */
export const spreadsheetTooLarge = (problem: ZipLimitProblem) => new AppError('SPREADSHEET_TOO_LARGE', [], problem);

/** What the archive holds, once it has passed every limit. */
export interface ZipSummary {
  entries: number;
  uncompressedBytes: number;
  /** Row elements per worksheet part, e.g. {"xl/worksheets/sheet1.xml": 12}. */
  sheetRows: Record<string, number>;
}

const openZip = (data: Buffer) =>
  new Promise<yauzl.ZipFile>((resolve, reject) =>
    // validateEntrySizes: the stream of an entry fails as soon as it yields more bytes than the
    // central directory declared, so a declared size cannot lie.
    yauzl.fromBuffer(data, { lazyEntries: true, validateEntrySizes: true }, (error, zip) => (error ? reject(error) : resolve(zip))),
  );

const openEntry = (zip: yauzl.ZipFile, entry: yauzl.Entry) =>
  new Promise<Readable>((resolve, reject) => zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream))));

/**
 * Checks an .xlsx archive against the limits above: the declared sizes, entry count and ratios
 * from the central directory first, then every entry inflated as a stream (nothing kept) to
 * count the bytes it really yields and the rows of each worksheet. Throws SPREADSHEET_TOO_LARGE
 * for a limit, or `notZip()` for anything that is not a readable ZIP archive.
 */
export async function checkXlsxLimits(data: Buffer, notZip: () => AppError): Promise<ZipSummary> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(data);
  } catch {
    throw notZip();
  }
  if (zip.entryCount > MAX_ZIP_ENTRIES) {
    zip.close();
    throw spreadsheetTooLarge({ reason: 'too_many_entries', limitEntries: MAX_ZIP_ENTRIES });
  }
  const summary: ZipSummary = { entries: 0, uncompressedBytes: 0, sheetRows: {} };
  let declared = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', resolve);
      zip.on('entry', (entry: yauzl.Entry) => {
        inspectEntry(entry).then(() => zip.readEntry(), reject);
      });
      zip.readEntry();
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw notZip();
  } finally {
    zip.close();
  }
  return summary;

  async function inspectEntry(entry: yauzl.Entry): Promise<void> {
    summary.entries += 1;
    declared += entry.uncompressedSize;
    if (declared > MAX_UNCOMPRESSED_BYTES) throw spreadsheetTooLarge({ reason: 'uncompressed_too_large', limitBytes: MAX_UNCOMPRESSED_BYTES });
    if (entry.uncompressedSize > RATIO_CHECKED_FROM_BYTES && entry.uncompressedSize > MAX_COMPRESSION_RATIO * Math.max(entry.compressedSize, 1)) {
      throw spreadsheetTooLarge({ reason: 'compression_ratio', entry: entry.fileName, limitRatio: MAX_COMPRESSION_RATIO });
    }
    if (entry.fileName.endsWith('/')) return;
    const stream = await openEntry(zip, entry);
    const isSheet = WORKSHEET.test(entry.fileName);
    let rows = 0;
    let carry = '';
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        summary.uncompressedBytes += chunk.length;
        // Also counted here: the limit holds whatever the headers say.
        if (summary.uncompressedBytes > MAX_UNCOMPRESSED_BYTES) throw spreadsheetTooLarge({ reason: 'uncompressed_too_large', limitBytes: MAX_UNCOMPRESSED_BYTES });
        if (!isSheet) continue;
        // Tags are ASCII, so latin1 decoding never splits one.
        // A tag cut between chunks is kept from its last '<' on and counted with the next chunk.
        const text = carry + chunk.toString('latin1');
        const lastTag = text.lastIndexOf('<');
        const cut = lastTag >= 0 && text.length - lastTag < 64 ? lastTag : text.length;
        rows += (text.slice(0, cut).match(ROW_TAG) ?? []).length;
        carry = text.slice(cut);
        if (rows > MAX_SHEET_ROWS) throw spreadsheetTooLarge({ reason: 'too_many_rows', limitRows: MAX_SHEET_ROWS });
      }
    } finally {
      stream.destroy();
    }
    if (isSheet) {
      rows += (carry.match(ROW_TAG) ?? []).length;
      if (rows > MAX_SHEET_ROWS) throw spreadsheetTooLarge({ reason: 'too_many_rows', limitRows: MAX_SHEET_ROWS });
      summary.sheetRows[entry.fileName] = rows;
    }
  }
}
