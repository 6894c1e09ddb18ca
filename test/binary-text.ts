/**
 * The text inside binary answers, so tests can search what a downloaded file says: the entries of
 * a zip (.docx, .xlsx) and the text of a PDF (pdftotext, which CI installs: poppler-utils).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

/** The entries of a zip file (stored or deflated), read from its central directory. */
export function unzip(zip: Buffer): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip file');
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < zip.readUInt16LE(eocd + 10); i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    entries.set(name, method === 8 ? zlib.inflateRawSync(data) : data);
    at += 46 + skip;
  }
  return entries;
}

/** Every entry of a zip as one string (XML parts of a .docx or .xlsx). */
export const zipText = (zip: Buffer) => [...unzip(zip).values()].map((b) => b.toString('utf8')).join('\n');

/** The text of a PDF, by pdftotext; throws with an install hint where it is missing. */
export function pdfText(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-pdf-'));
  try {
    const file = path.join(dir, 'document.pdf');
    fs.writeFileSync(file, pdf);
    try {
      return execFileSync('pdftotext', [file, '-']).toString('utf8');
    } catch (error) {
      throw new Error(`pdftotext is needed to read PDF answers: apt-get install -y poppler-utils (${(error as Error).message})`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
