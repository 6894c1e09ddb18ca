import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDocumentFields } from '../../demo/document-fields.js';
import { tinyPng } from '../../organisation/people/test-support.js';
import { createTestApp, type TestContext } from '../../../test/harness.js';
import { buildRecordingWorld, partyCompany, recordingSessions, type RecordingWorld } from '../../../test/recording-world.js';

let ctx: TestContext;
let world: RecordingWorld;
let s: Awaited<ReturnType<typeof recordingSessions>>;
let caseId: string;
let noticeId: string;
let onSiteId: string;

/** The text of word/document.xml inside a .docx (a zip): found by its local file header. */
function docxXml(docx: Buffer): string {
  const name = Buffer.from('word/document.xml');
  for (let i = docx.indexOf(Buffer.from('PK\x03\x04', 'binary')); i >= 0; i = docx.indexOf(Buffer.from('PK\x03\x04', 'binary'), i + 4)) {
    const nameLength = docx.readUInt16LE(i + 26);
    if (!docx.subarray(i + 30, i + 30 + nameLength).equals(name)) continue;
    const method = docx.readUInt16LE(i + 8);
    const size = docx.readUInt32LE(i + 18);
    const start = i + 30 + nameLength + docx.readUInt16LE(i + 28);
    const data = docx.subarray(start, start + size);
    return (method === 8 ? zlib.inflateRawSync(data) : data).toString('utf8');
  }
  throw new Error('no word/document.xml');
}

beforeAll(async () => {
  ctx = await createTestApp({ now: '2026-11-23T01:00:00Z' });
  world = await buildRecordingWorld(ctx.database);
  s = await recordingSessions(ctx);
  caseId = (await s.li.post('/api/cases', { procedure: 'inspection', powerItemId: world.items.inspection.id, title: '文书下载测试', source: 'plan', sourceDetail: { content: '计划' }, parties: [partyCompany()] })).json().id;
  const group = [{ personId: world.people.li.id, role: 'leader' }, { personId: world.people.wang.id, role: 'member' }];
  await s.li.post(`/api/cases/${caseId}/steps`, { step: 'form_group', data: { officers: group } });
  await s.li.post(`/api/cases/${caseId}/steps`, { step: 'make_plan', data: { purpose: 'a', scope: 'b', focus: 'c', scheduledOn: '2026-11-24', divisionOfWork: 'd', schedule: 'e' } });
  noticeId = (await s.li.post(`/api/cases/${caseId}/steps`, { step: 'notify', data: { method: 'in_writing' }, documents: [{ docType: 'inspection_notice', fields: sampleDocumentFields('inspection_notice', '2026-11-23') }] })).json().issuedDocuments[0].id;
  const res = await s.li.post(`/api/cases/${caseId}/steps`, {
    step: 'on_site_notice', data: { certificatesShown: true, rightsExplained: true }, waivers: { av: '演示环境无录像设备' },
    documents: [{ docType: 'on_site_notice', fields: sampleDocumentFields('on_site_notice', '2026-11-23'), signature: { imageDataUrl: `data:image/png;base64,${tinyPng(1).toString('base64')}` } }],
  });
  expect(res.statusCode, res.body).toBe(200);
  onSiteId = res.json().issuedDocuments[0].id;
});
afterAll(() => ctx.close());

describe('document downloads (R2, R6)', () => {
  it('lists the document types with their field schemas', async () => {
    const types = (await s.li.get('/api/document-types')).json().items;
    expect(types.length).toBeGreaterThanOrEqual(15);
    expect(types.find((t: { id: string }) => t.id === 'penalty_decision')).toMatchObject({ zh: '行政处罚决定书', numbered: true, needsSignature: false });
  });

  it('renders a .docx with the agency, title, number and party, and records the download', async () => {
    const res = await s.li.get(`/api/documents/${noticeId}/docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('楚工信检通〔2026〕1号'));
    const xml = docxXml(res.rawPayload);
    for (const text of ['楚雄州工业和信息化局', '检查通知书', '楚工信检通〔2026〕1号', '楚雄市恒达电器有限公司', '李明']) expect(xml).toContain(text);
    const timeline = (await s.li.get(`/api/cases/${caseId}`)).json().timeline;
    expect(timeline.filter((e: { type: string }) => e.type === 'document.viewed').at(-1).payload).toEqual({ documentId: noticeId, format: 'docx' });
  });

  it('renders a PDF with the CJK font embedded and the party signature image', async () => {
    const res = await s.li.get(`/api/documents/${onSiteId}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload.toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifSC/);
    expect(pdf).toMatch(/\/Subtype \/Image/);
  });

  it('hides another agency’s document and refuses an unknown format', async () => {
    expect((await s.officerB.get(`/api/documents/${noticeId}/pdf`)).statusCode).toBe(404);
    expect((await s.li.get(`/api/documents/${noticeId}/odt`)).statusCode).toBe(400);
    expect((await s.li.get('/api/documents/00000000-0000-4000-8000-000000000000/pdf')).statusCode).toBe(404);
  });
});
