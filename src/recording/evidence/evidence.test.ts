import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { and, desc, eq } from 'drizzle-orm';
import { Readable } from 'node:stream';
import { Upload as TusUpload } from 'tus-js-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../audit/tables.js';
import { contentKey } from '../../platform/storage/content-store.js';
import { createTestApp, type TestContext } from '../../../test/harness.js';
import { buildRecordingWorld, recordingSessions, type RecordingWorld } from '../../../test/recording-world.js';
import { caseEvents, devices, evidence } from '../tables.js';
import { encodeMetadata, insertCase, jpeg, listen, MP4_HEAD, mp4, sha256, sm3, tusClient, type TusClient } from './test-support.js';

let ctx: TestContext;
let world: RecordingWorld;
let s: Awaited<ReturnType<typeof recordingSessions>>;
let base: string;
let li: TusClient;
let caseA: { id: string };

beforeAll(async () => {
  ctx = await createTestApp({ config: { sessionTtlMinutes: 60 * 24 * 365 } }); // Sun 2026-11-22 10:00 in China
  world = await buildRecordingWorld(ctx.database);
  s = await recordingSessions(ctx);
  base = await listen(ctx);
  li = tusClient(base, s.li);
  caseA = await insertCase(ctx, world.agencyA.id);
});
afterAll(() => ctx.close());

const meta = (over: Record<string, string | undefined> = {}) => ({
  caseId: caseA.id,
  step: 'collect_materials',
  kind: 'video',
  title: '现场检查执法记录仪视频',
  capturedAt: '2026-11-21T09:30:00+08:00',
  confidentiality: 'none',
  location: '楚雄市鹿城镇永安路18号',
  filename: '现场视频.mp4',
  filetype: 'video/mp4',
  ...over,
});

/** Uploads `bytes` in one creation request plus one PATCH; returns the evidence id. */
async function upload(bytes: Buffer, over: Record<string, string | undefined> = {}, client = li): Promise<string> {
  const created = await client.create(meta(over), bytes.length);
  expect(created.status, await created.clone().text()).toBe(201);
  const done = await client.patch(created.headers.get('location')!, 0, bytes);
  expect(done.status, await done.clone().text()).toBe(204);
  return done.headers.get('evidence-id')!;
}

const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; fields?: { field: string; code: string }[] } }).error;
const eventsOf = (caseId: string, type: string) =>
  ctx.database.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.type, type))).orderBy(desc(caseEvents.seq));

describe('SM3 and SHA-256 in one pass', () => {
  it('SM3("abc") is the GB/T 32905-2016 example A.1 digest', () => {
    expect(crypto.createHash('sm3').update('abc').digest('hex')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('SM3 of "abcd" × 16 is the GB/T 32905-2016 example A.2 digest', () => {
    expect(crypto.createHash('sm3').update('abcd'.repeat(16)).digest('hex')).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });
});

describe('POST/PATCH /api/uploads (tus)', () => {
  it('resumes an interrupted upload and records digests equal to those of the file', async () => {
    const bytes = mp4(crypto.randomBytes(3 * 1024 * 1024 + 123));
    const created = await li.create(meta({ title: '中断后续传的视频' }), bytes.length);
    expect(created.status).toBe(201);
    const location = created.headers.get('location')!;
    expect(location).toMatch(/^\/api\/uploads\/[0-9a-f]{32}$/);

    // First PATCH: 1 MiB, complete.
    const first = await li.patch(location, 0, bytes.subarray(0, 1024 * 1024));
    expect(first.status).toBe(204);
    expect(first.headers.get('upload-offset')).toBe(String(1024 * 1024));

    // Second PATCH: announces the rest, sends half of it, and the connection drops.
    const url = new URL(location, base);
    await new Promise<void>((resolve) => {
      const req = http.request(url, {
        method: 'PATCH',
        headers: { cookie: s.li.cookie, 'x-csrf-token': s.li.csrfToken, 'tus-resumable': '1.0.0', 'upload-offset': String(1024 * 1024), 'content-type': 'application/offset+octet-stream', 'content-length': String(bytes.length - 1024 * 1024) },
      });
      req.on('error', () => resolve());
      req.write(bytes.subarray(1024 * 1024, 2 * 1024 * 1024));
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 300);
    });

    // HEAD tells where to resume: somewhere after the first MiB, before the end.
    let offset = 0;
    for (let i = 0; i < 50; i++) {
      const head = await li.head(location);
      expect(head.status).toBe(200);
      expect(head.headers.get('upload-length')).toBe(String(bytes.length));
      offset = Number(head.headers.get('upload-offset'));
      if (offset > 1024 * 1024) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(offset).toBeGreaterThan(1024 * 1024);
    expect(offset).toBeLessThan(bytes.length);

    const last = await li.patch(location, offset, bytes.subarray(offset));
    expect(last.status, await last.clone().text()).toBe(204);
    const evidenceId = last.headers.get('evidence-id');
    expect(evidenceId).toMatch(/^[0-9a-f-]{36}$/);

    const [row] = await ctx.database.db.select().from(evidence).where(eq(evidence.id, evidenceId!));
    expect(row).toMatchObject({ sha256: sha256(bytes), sm3: sm3(bytes), size: bytes.length, contentType: 'video/mp4', originalName: '现场视频.mp4', caseId: caseA.id, late: false, capturedBy: world.people.li.id });
    expect(row!.storageKey).toBe(contentKey(sha256(bytes)));
    // The bytes are in the content store, renamed out of the staging area.
    expect(fs.readFileSync(path.join(ctx.config.dataDir, 'files', contentKey(sha256(bytes)))).equals(bytes)).toBe(true);
    expect(fs.readdirSync(path.join(ctx.config.dataDir, 'uploads'))).not.toContain(location.split('/').pop());

    const [event] = await eventsOf(caseA.id, 'evidence.added');
    expect(event!.payload).toMatchObject({ evidenceId, sha256: sha256(bytes), sm3: sm3(bytes), size: bytes.length, kind: 'video', step: 'collect_materials', late: false, confidentiality: 'none', deviceId: null, capturedAt: '2026-11-21T01:30:00.000Z' });

    const lookup = await fetch(`${base}${location}/evidence`, { headers: { cookie: s.li.cookie, 'x-csrf-token': s.li.csrfToken } });
    expect(await lookup.json()).toEqual({ evidenceId });
    // Finished: the upload itself is gone.
    expect((await li.head(location)).status).toBe(404);
  });

  it('works with tus-js-client in chunks, with the session cookie and CSRF header', async () => {
    const bytes = jpeg(crypto.randomBytes(700 * 1024));
    const url = await new Promise<string>((resolve, reject) => {
      const upload = new TusUpload(bytes, {
        endpoint: `${base}/api/uploads`,
        chunkSize: 256 * 1024,
        metadata: meta({ kind: 'photo', title: '现场照片', filename: 'IMG_0001.jpg', filetype: 'image/jpeg' }),
        headers: { cookie: s.li.cookie, 'x-csrf-token': s.li.csrfToken },
        retryDelays: [],
        onError: reject,
        onSuccess: () => resolve(upload.url!),
      });
      upload.start();
    });
    const res = await fetch(`${url}/evidence`, { headers: { cookie: s.li.cookie, 'x-csrf-token': s.li.csrfToken } });
    const { evidenceId } = (await res.json()) as { evidenceId: string };
    const [row] = await ctx.database.db.select().from(evidence).where(eq(evidence.id, evidenceId));
    expect(row).toMatchObject({ sha256: sha256(bytes), sm3: sm3(bytes), size: bytes.length, kind: 'photo' });
  });

  it('accepts the whole file in the creation request (creation-with-upload)', async () => {
    const bytes = Buffer.from('扫描件内容 scan');
    const res = await li.create(meta({ kind: 'scan', title: '询问笔录扫描件' }), bytes.length, bytes);
    expect(res.status, await res.clone().text()).toBe(201);
    const [row] = await ctx.database.db.select().from(evidence).where(eq(evidence.id, res.headers.get('evidence-id')!));
    expect(row!.sha256).toBe(sha256(bytes));
  });

  it('streams a 64 MiB upload without holding it in memory', async () => {
    const size = 64 * 1024 * 1024;
    const chunk = crypto.randomBytes(64 * 1024);
    // The first chunk starts as an MP4 does (the kind is checked against the bytes).
    const first = Buffer.concat([MP4_HEAD, chunk.subarray(MP4_HEAD.length)]);
    const expected = { sha: crypto.createHash('sha256'), sm: crypto.createHash('sm3') };
    for (let n = 0; n < size; n += chunk.length) {
      expected.sha.update(n === 0 ? first : chunk);
      expected.sm.update(n === 0 ? first : chunk);
    }
    const created = await li.create(meta({ title: '长视频' }), size);
    // Garbage chunks inflate RSS until the collector runs: collect, then measure what is still held.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    gc();
    const baseline = process.memoryUsage().arrayBuffers;
    let retained = 0;
    let sent = 0;
    const body = new Readable({
      read() {
        if (sent >= size) return this.push(null);
        this.push(Buffer.from(sent === 0 ? first : chunk));
        sent += chunk.length;
        // Every 8 MiB, while the upload is half-way through the server.
        if (sent % (8 * 1024 * 1024) === 0) {
          gc();
          retained = Math.max(retained, process.memoryUsage().arrayBuffers - baseline);
        }
      },
    });
    // node:http honours backpressure: the client holds a chunk or two, the rest is the server's.
    const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const req = http.request(new URL(created.headers.get('location')!, base), {
        method: 'PATCH',
        headers: { cookie: s.li.cookie, 'x-csrf-token': s.li.csrfToken, 'tus-resumable': '1.0.0', 'upload-offset': '0', 'content-type': 'application/offset+octet-stream', 'content-length': String(size) },
      });
      req.on('response', resolve).on('error', reject);
      body.pipe(req);
    });
    res.resume();
    expect(res.statusCode).toBe(204);
    const [row] = await ctx.database.db.select().from(evidence).where(eq(evidence.id, res.headers['evidence-id'] as string));
    expect(row).toMatchObject({ size, sha256: expected.sha.digest('hex'), sm3: expected.sm.digest('hex') });
    // Buffers still referenced mid-upload (7–16 MiB measured here): chunks in flight, not the file.
    expect(sent).toBe(size);
    expect(retained).toBeLessThan(size / 2);
  });
});

describe('the 3-working-day rule (R7)', () => {
  it('is in time on the 3rd working day after National Day capture, late on the day after', async () => {
    // Captured Wed 2026-09-30; 10-01…10-07 holiday, 10-08 (1), 10-09 (2), Sat 10-10 make-up day (3).
    const captured = '2026-09-30T15:00:00+08:00';
    try {
      ctx.clock.set('2026-10-10T15:59:00Z'); // 23:59 on 10-10 in China
      const inTime = await upload(mp4(Buffer.from('on time')), { capturedAt: captured, title: '国庆前现场录像' });
      ctx.clock.set('2026-10-10T16:00:00Z'); // 00:00 on 10-11 in China
      const late = await upload(mp4(Buffer.from('too late')), { capturedAt: captured, title: '国庆前现场录像（补传）', lateReason: '执法记录仪在外地维修，返回后上传' });
      const rows = await ctx.database.db.select().from(evidence).where(eq(evidence.caseId, caseA.id));
      expect(rows.find((r) => r.id === inTime)).toMatchObject({ late: false, lateReason: null });
      expect(rows.find((r) => r.id === late)).toMatchObject({ late: true, lateReason: '执法记录仪在外地维修，返回后上传' });
      const [event] = await eventsOf(caseA.id, 'evidence.added');
      expect(event!.payload).toMatchObject({ evidenceId: late, late: true, dueOn: '2026-10-10', lateRule: 'calendar' });
    } finally {
      ctx.clock.set('2026-11-22T02:00:00Z');
    }
  });

  it('accepts a late item without a reason, flagged', async () => {
    const id = await upload(mp4(Buffer.from('no reason')), { capturedAt: '2026-11-16T10:00:00+08:00' }); // Mon; due Thu 11-19
    const [row] = await ctx.database.db.select().from(evidence).where(eq(evidence.id, id));
    expect(row).toMatchObject({ late: true, lateReason: null });
  });

  it('refuses a capture time in the future', async () => {
    const res = await li.create(meta({ capturedAt: '2026-11-22T11:00:00+08:00' }), 10);
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'capturedAt', code: 'in_future' }] });
  });
});

describe('upload refusals', () => {
  it('names each bad metadata field', async () => {
    const res = await li.create(meta({ title: undefined, kind: 'selfie', confidentiality: 'top' }), 10);
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'title', code: 'required' }),
        expect.objectContaining({ field: 'kind', code: 'invalid_value' }),
        expect.objectContaining({ field: 'confidentiality', code: 'invalid_value' }),
      ]),
    );
  });

  it('refuses a step that is not in the case procedure, and an empty file', async () => {
    const badStep = await li.create(meta({ step: 'make_coffee' }), 10);
    expect(await errorOf(badStep)).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'step', code: 'invalid_value' }] });
    const empty = await li.create(meta(), 0);
    expect(empty.status).toBe(400);
  });

  it('refuses malformed Upload-Metadata with 400 MALFORMED_REQUEST', async () => {
    const res = await fetch(`${base}/api/uploads`, {
      method: 'POST',
      headers: { cookie: s.li.cookie, 'x-csrf-token': s.li.csrfToken, 'tus-resumable': '1.0.0', 'upload-length': '5', 'upload-metadata': 'title not*base64!' },
    });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe('MALFORMED_REQUEST');
  });

  it('answers 404 for a case of another agency, 409 for a closed case', async () => {
    const caseB = await insertCase(ctx, world.agencyB.id);
    expect((await errorOf(await li.create(meta({ caseId: caseB.id }), 10))).code).toBe('NOT_FOUND');
    const closed = await insertCase(ctx, world.agencyA.id, { status: 'closed' });
    const res = await li.create(meta({ caseId: closed.id }), 10);
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe('CASE_NOT_OPEN');
  });

  it('refuses users without case.work, anonymous callers and cookie writes without the CSRF header', async () => {
    const admin = await tusClient(base, s.adminA).create(meta(), 10);
    expect(admin.status).toBe(403);
    expect((await errorOf(admin)).code).toBe('FORBIDDEN');
    const anonymous = await tusClient(base, { cookie: '', csrfToken: '' }).create(meta(), 10);
    expect(anonymous.status).toBe(401);
    const noCsrf = await fetch(`${base}/api/uploads`, {
      method: 'POST',
      headers: { cookie: s.li.cookie, 'tus-resumable': '1.0.0', 'upload-length': '10', 'upload-metadata': encodeMetadata(meta()) },
    });
    expect(noCsrf.status).toBe(403);
    expect((await errorOf(noCsrf)).code).toBe('CSRF_TOKEN_INVALID');
  });

  it('hides an upload in progress from everybody but its uploader', async () => {
    const created = await li.create(meta(), 10);
    const location = created.headers.get('location')!;
    const wang = tusClient(base, s.wang);
    expect((await wang.head(location)).status).toBe(404);
    const patch = await wang.patch(location, 0, Buffer.alloc(10));
    expect(patch.status).toBe(404);
    expect((await li.head(location)).headers.get('upload-offset')).toBe('0');
    const pending = await fetch(`${base}${location}/evidence`, { headers: { cookie: s.li.cookie, 'x-csrf-token': s.li.csrfToken } });
    expect(pending.status).toBe(409);
    expect((await errorOf(pending)).code).toBe('UPLOAD_INCOMPLETE');
  });

  it('answers a wrong offset with 409 in our error shape', async () => {
    const created = await li.create(meta(), 10);
    const res = await li.patch(created.headers.get('location')!, 5, Buffer.alloc(5));
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect((await errorOf(res)).code).toBe('CONFLICT');
  });
});

describe('devices named by evidence (R14)', () => {
  it('warns when the device was not on loan to the officer, refuses another agency’s or a retired device', async () => {
    const [cam] = await ctx.database.db.insert(devices).values({ agencyId: world.agencyA.id, kind: 'body_camera', serialNumber: 'EV-CAM-1', model: 'DSJ-V9' }).returning();
    const notLent = await upload(mp4(Buffer.from('cam video 1')), { deviceId: cam!.id });
    const [first] = await eventsOf(caseA.id, 'evidence.added');
    expect(first!.payload).toMatchObject({ evidenceId: notLent, deviceId: cam!.id, warnings: ['device_not_on_loan_to_officer'] });

    const lend = await s.head.post(`/api/devices/${cam!.id}/loans`, { personId: world.people.li.id });
    expect(lend.statusCode, lend.body).toBe(201);
    ctx.clock.advance(60_000);
    await upload(mp4(Buffer.from('cam video 2')), { deviceId: cam!.id, capturedAt: new Date(ctx.clock.now().getTime() - 1000).toISOString() });
    const [second] = await eventsOf(caseA.id, 'evidence.added');
    expect(second!.payload).toMatchObject({ warnings: [] });

    const [camB] = await ctx.database.db.insert(devices).values({ agencyId: world.agencyB.id, kind: 'camera', serialNumber: 'EV-B-1', model: 'X' }).returning();
    const other = await li.create(meta({ deviceId: camB!.id }), 10);
    expect(await errorOf(other)).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'deviceId', code: 'not_in_agency' }] });

    const [old] = await ctx.database.db.insert(devices).values({ agencyId: world.agencyA.id, kind: 'camera', serialNumber: 'EV-OLD', model: 'Y', retiredAt: new Date('2026-11-01T00:00:00Z') }).returning();
    const retired = await li.create(meta({ deviceId: old!.id }), 10);
    expect(retired.status).toBe(409);
    expect((await errorOf(retired)).code).toBe('DEVICE_RETIRED');
  });
});

describe('reading evidence (R10, R11)', () => {
  let secretId: string;
  let plainId: string;
  const secretBytes = jpeg(Buffer.from('0123456789商业秘密配方照片abcdefghij'));

  beforeAll(async () => {
    secretId = await upload(secretBytes, { confidentiality: 'trade_secret', title: '企业配方照片', kind: 'photo', filetype: 'image/jpeg', filename: '配方.jpg' });
    plainId = await upload(jpeg(Buffer.from('plain')), { title: '公开现场照片', kind: 'photo' });
  });

  it('lists a confidential item as restricted to those without its permission', async () => {
    const asOfficer = (await s.li.get(`/api/cases/${caseA.id}/evidence`)).json().items as { id: string; restricted: boolean; title: string | null; sha256: string | null }[];
    expect(asOfficer.find((i) => i.id === secretId)).toMatchObject({ restricted: true, title: null, sha256: null });
    expect(asOfficer.find((i) => i.id === plainId)).toMatchObject({ restricted: false, title: '公开现场照片' });
    const asHead = (await s.head.get(`/api/cases/${caseA.id}/evidence`)).json().items as { id: string; restricted: boolean; title: string }[];
    expect(asHead.find((i) => i.id === secretId)).toMatchObject({ restricted: false, title: '企业配方照片' });
    expect((await s.officerB.get(`/api/cases/${caseA.id}/evidence`)).statusCode).toBe(404);
  });

  it('refuses the item to an officer with 403 EVIDENCE_RESTRICTED, and audits the refusal', async () => {
    const before = (await eventsOf(caseA.id, 'evidence.viewed')).length;
    const res = await s.li.get(`/api/evidence/${secretId}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('EVIDENCE_RESTRICTED');
    const content = await s.li.get(`/api/evidence/${secretId}/content`);
    expect(content.statusCode).toBe(403);
    const refusals = await ctx.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'evidence.access_refused'), eq(auditEvents.subjectId, secretId)));
    expect(refusals.map((r) => r.detail)).toEqual([
      expect.objectContaining({ purpose: 'view', confidentiality: 'trade_secret' }),
      expect.objectContaining({ purpose: 'download', confidentiality: 'trade_secret' }),
    ]);
    expect(refusals[0]!.actorUserId).toBe(world.users.li.id);
    expect((await eventsOf(caseA.id, 'evidence.viewed')).length).toBe(before);
  });

  it('shows the item to the division head and records the view in the case record', async () => {
    const res = await s.head.get(`/api/evidence/${secretId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: secretId, title: '企业配方照片', sha256: sha256(secretBytes), sm3: sm3(secretBytes), restricted: false });
    const [viewed] = await eventsOf(caseA.id, 'evidence.viewed');
    expect(viewed).toMatchObject({ actorUserId: world.users.head.id, payload: { evidenceId: secretId } });
  });

  it('streams the bytes, whole or a range, and records each download', async () => {
    const whole = await s.head.get(`/api/evidence/${secretId}/content`);
    expect(whole.statusCode).toBe(200);
    expect(whole.rawPayload).toEqual(secretBytes);
    expect(whole.headers['content-type']).toBe('image/jpeg');
    expect(whole.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('配方.jpg')}`);
    const part = await s.head.request('GET', `/api/evidence/${secretId}/content`, undefined, { range: 'bytes=2-5' });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 2-5/${secretBytes.length}`);
    expect(part.rawPayload).toEqual(secretBytes.subarray(2, 6));
    const beyond = await s.head.request('GET', `/api/evidence/${secretId}/content`, undefined, { range: 'bytes=9999-' });
    expect(beyond.statusCode).toBe(416);
    const downloads = await eventsOf(caseA.id, 'evidence.downloaded');
    expect(downloads.slice(0, 2).map((e) => e.payload)).toEqual([
      { evidenceId: secretId, sha256: sha256(secretBytes), range: '2-5' },
      { evidenceId: secretId, sha256: sha256(secretBytes) },
    ]);
  });

  it('has no way to delete an item', async () => {
    const res = await s.head.request('DELETE', `/api/evidence/${plainId}`);
    expect(res.statusCode).toBe(404);
    await expect(ctx.database.db.delete(evidence).where(eq(evidence.id, plainId))).rejects.toThrow();
  });
});
