import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { DOC_TYPE_IDS, DOC_TYPES } from './library.js';
import { renderDocx, renderPdf, type RenderInput } from './render.js';
import { SAMPLE_FIELDS } from './samples.js';
import { unzip } from '../../../test/binary-text.js';

const input = (over: Partial<RenderInput> = {}): RenderInput => ({
  docType: 'penalty_decision',
  number: '楚工信罚〔2026〕3号',
  agency: { name: '楚雄州工业和信息化局' },
  caseInfo: { registerNumber: '楚工信立〔2026〕12号', title: '楚雄滇中矿业有限公司使用淘汰用能设备案' },
  parties: [{ kind: 'legal_person', name: '楚雄滇中矿业有限公司', creditCode: '91532300MA6K1234X5', legalRepresentative: '王建国', address: '云南省楚雄市鹿城镇龙江路88号' }],
  officers: [
    { name: '张三', certificateNumber: '53230012345' },
    { name: '李四', certificateNumber: '53230012346' },
  ],
  fields: SAMPLE_FIELDS.penalty_decision,
  issuedAt: new Date('2026-11-21T17:00:00Z'),
  ...over,
});

/** The decompressed contents of a PDF's streams (pdfkit writes a direct /Length in each). */
function pdfStreams(pdf: Buffer): Buffer[] {
  const out: Buffer[] = [];
  const text = pdf.toString('latin1');
  for (const m of text.matchAll(/<<([^<>]*?)>>\nstream\n/g)) {
    const length = Number(/\/Length (\d+)/.exec(m[1]!)?.[1]);
    const start = m.index + m[0].length;
    const raw = pdf.subarray(start, start + length);
    out.push(m[1]!.includes('/FlateDecode') ? zlib.inflateSync(raw) : raw);
  }
  return out;
}

/** Every character the PDF's ToUnicode maps declare: the text the document can show. */
function pdfCharacters(pdf: Buffer): Set<string> {
  const chars = new Set<string>();
  for (const s of pdfStreams(pdf)) {
    const text = s.toString('latin1');
    if (!text.includes('beginbfrange') && !text.includes('beginbfchar')) continue;
    for (const [, array] of text.matchAll(/\[([^\]]*)\]/g)) for (const [, hex] of array!.matchAll(/<([0-9a-fA-F]+)>/g)) chars.add(Buffer.from(hex!, 'hex').swap16().toString('utf16le'));
    for (const [, , hex] of text.matchAll(/<([0-9a-fA-F]{4})>\s*<([0-9a-fA-F]{4,})>\s*$/gm)) chars.add(Buffer.from(hex!, 'hex').swap16().toString('utf16le'));
  }
  return chars;
}

/** numGlyphs from the maxp table of each embedded TrueType font file. */
function embeddedGlyphCounts(pdf: Buffer): number[] {
  return pdfStreams(pdf)
    .filter((s) => s.length > 12 && (s.readUInt32BE(0) === 0x00010000 || s.toString('latin1', 0, 4) === 'true'))
    .map((ttf) => {
      for (let i = 0; i < ttf.readUInt16BE(4); i++) {
        const rec = 12 + i * 16;
        if (ttf.toString('latin1', rec, rec + 4) === 'maxp') return ttf.readUInt16BE(ttf.readUInt32BE(rec + 8) + 4);
      }
      return 0;
    });
}

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('renderDocx', () => {
  it('writes a Word file with the title, number, party and the China-time date', async () => {
    const docx = await renderDocx(input());
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const xml = unzip(docx).get('word/document.xml')!.toString('utf8');
    for (const s of ['楚雄州工业和信息化局', '行政处罚决定书', '楚工信罚〔2026〕3号', '楚雄滇中矿业有限公司', '91532300MA6K1234X5', '叁万元整', '53230012345', '2026年11月22日', '六十日内'])
      expect(xml).toContain(s);
  });

  it('embeds the party signature image, or records the refusal with its reason', async () => {
    const image = await QRCode.toBuffer('王建国', { type: 'png', width: 120 });
    const fields = SAMPLE_FIELDS.service_receipt;
    const signed = unzip(await renderDocx(input({ docType: 'service_receipt', number: null, fields, signature: { image } })));
    const media = [...signed.keys()].filter((k) => k.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(signed.get(media[0]!)!.equals(image)).toBe(true);
    expect(signed.get('word/document.xml')!.toString()).toContain('受送达人（签名）');

    const refused = unzip(await renderDocx(input({ docType: 'inspection_record', number: null, fields: SAMPLE_FIELDS.inspection_record, signature: { refusalReason: '对检查结果有异议' } })));
    expect([...refused.keys()].some((k) => k.startsWith('word/media/'))).toBe(false);
    expect(refused.get('word/document.xml')!.toString()).toContain('当事人拒绝签名，理由：对检查结果有异议');
  });
});

describe('renderPdf', () => {
  it('embeds a subset of the bundled CJK font that holds the document text', async () => {
    const pdf = await renderPdf(input());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifSC-Regular/);
    const chars = pdfCharacters(pdf);
    for (const c of '楚雄州工业和信息化局行政处罚决定书楚工信罚〔2026〕3号滇中矿业有限公司叁万元整') expect(chars, c).toContain(c);
    const glyphs = embeddedGlyphCounts(pdf);
    expect(glyphs.length).toBeGreaterThanOrEqual(1);
    // A subset: the document's few hundred glyphs, not the font's 30,000+.
    expect(Math.max(...glyphs)).toBeGreaterThan(100);
    expect(Math.max(...glyphs)).toBeLessThan(2000);
  });

  it('reads back as Chinese text (pdftotext)', async () => {
    // Fails rather than skips without poppler-utils, as the browser tests do without Chromium.
    expect(hasPdftotext, 'pdftotext is needed: apt-get install -y poppler-utils').toBe(true);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'doc-')), 'd.pdf');
    fs.writeFileSync(file, await renderPdf(input({ signature: null })));
    const text = execFileSync('pdftotext', [file, '-']).toString('utf8').replace(/\s+/g, '');
    for (const s of ['行政处罚决定书', '楚工信罚〔2026〕3号', '当事人：楚雄滇中矿业有限公司', '2026年11月22日', '执法人员：张三（执法证号：53230012345）']) expect(text).toContain(s);
  });

  it('draws the signature image, or the refusal', async () => {
    const image = await QRCode.toBuffer('王建国', { type: 'png', width: 120 });
    const signed = await renderPdf(input({ docType: 'on_site_notice', number: '楚工信现告〔2026〕1号', fields: SAMPLE_FIELDS.on_site_notice, signature: { image } }));
    expect(signed.toString('latin1')).toContain('/Subtype /Image');
    const refused = await renderPdf(input({ docType: 'questioning_record', number: null, fields: SAMPLE_FIELDS.questioning_record, signature: { refusalReason: '不愿签字' } }));
    expect(refused.toString('latin1')).not.toContain('/Subtype /Image');
    const chars = pdfCharacters(refused);
    for (const c of '被询问人拒绝签名理由不愿签字') expect(chars, c).toContain(c);
  });

  it('keeps the signature and seal block on the page of the last paragraph, however the body falls', async () => {
    expect(hasPdftotext, 'pdftotext is needed: apt-get install -y poppler-utils').toBe(true);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doc-'));
    let crossed = 0;
    // The inspection content grows a line at a time (about 36 characters) until the body fills page 1.
    for (let n = 100; n <= 400; n += 12) {
      const file = path.join(dir, `${n}.pdf`);
      fs.writeFileSync(file, await renderPdf(input({ docType: 'inspection_notice', number: '楚工信检通〔2026〕1号', fields: { ...SAMPLE_FIELDS.inspection_notice, content: '检'.repeat(n) }, signature: null })));
      const pages = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8').split('\f').map((page) => page.replace(/\s+/g, ''));
      const pageOf = (s: string) => pages.findIndex((page) => page.includes(s));
      const last = pageOf('有权拒绝检查。');
      expect(last, `content of ${n}`).toBeGreaterThanOrEqual(0);
      expect(pageOf('执法人员：张三'), `content of ${n}`).toBe(last);
      expect(pageOf('（印章）'), `content of ${n}`).toBe(last);
      if (last > 0) crossed++;
    }
    // The sweep did reach page 2 (else it would prove nothing).
    expect(crossed).toBeGreaterThan(3);
  }, 60_000);

  it('prints the planned inspection time the officer entered, not the time the notice was issued', async () => {
    expect(hasPdftotext, 'pdftotext is needed: apt-get install -y poppler-utils').toBe(true);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'doc-')), 'n.pdf');
    // Issued 2026-11-21 11:17 China time; planned for 2026-11-25 09:00.
    const issuedAt = new Date('2026-11-21T03:17:00Z');
    fs.writeFileSync(file, await renderPdf(input({ docType: 'inspection_notice', number: '楚工信检通〔2026〕1号', fields: SAMPLE_FIELDS.inspection_notice, issuedAt })));
    const text = execFileSync('pdftotext', [file, '-']).toString('utf8').replace(/\s+/g, '');
    expect(text).toContain('本机关定于2026年11月25日9时00分对你（单位）进行行政检查');
    expect(text).not.toContain('11时17分');
    expect(text).toContain('2026年11月21日');
  });

  it('renders every document type of the library in both formats', async () => {
    for (const id of DOC_TYPE_IDS) {
      const def = DOC_TYPES[id as keyof typeof DOC_TYPES];
      const doc = input({ docType: id, number: def.numbered ? `楚工信${def.code}〔2026〕1号` : null, fields: SAMPLE_FIELDS[id as keyof typeof SAMPLE_FIELDS], signature: def.needsSignature ? { refusalReason: '拒绝' } : null });
      const [pdf, docx] = await Promise.all([renderPdf(doc), renderDocx(doc)]);
      expect(pdf.subarray(0, 5).toString(), id).toBe('%PDF-');
      expect(unzip(docx).get('word/document.xml')!.toString(), id).toContain(def.zh);
    }
  }, 60_000);
});

describe('render input checks', () => {
  it('refuses fields that fail the type schema, naming them', async () => {
    const error = await renderPdf(input({ fields: { ...SAMPLE_FIELDS.penalty_decision, legalBasis: '' } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('VALIDATION_FAILED');
    expect((error as AppError).fields.map((f) => f.field)).toEqual(['fields.legalBasis']);
    const docxError = await renderDocx(input({ fields: {} })).catch((e: unknown) => e);
    expect((docxError as AppError).fields.map((f) => f.field)).toEqual(expect.arrayContaining(['fields.facts', 'fields.penalty']));
  });

  it('refuses a signature that is not a PNG or JPEG, and an unknown type', async () => {
    const bad = await renderPdf(input({ docType: 'on_site_notice', fields: SAMPLE_FIELDS.on_site_notice, signature: { image: Buffer.from('GIF89a-not-an-image') } })).catch((e: unknown) => e);
    expect((bad as AppError).code).toBe('INVALID_IMAGE');
    const unknown = await renderDocx(input({ docType: 'bogus' })).catch((e: unknown) => e);
    expect((unknown as AppError).code).toBe('VALIDATION_FAILED');
  });
});
