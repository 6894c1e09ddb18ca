/**
 * Issue 7, "bad input never answers 500, and never loses work", for evidence uploads: hostile
 * metadata refused at creation before a byte is sent, the real type of the bytes checked against
 * the declared kind, hostile file names made harmless, a per-user quota on unfinished uploads that
 * parallel creations cannot pass, abandoned uploads expiring, and a completion that fails for a
 * reason not known at creation keeping the bytes for a retry.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/harness.js';
import { buildRecordingWorld, recordingSessions, type RecordingWorld } from '../../../test/recording-world.js';
import { cases, evidence, uploadQuotaUsage, uploadReservations } from '../tables.js';
import { parseEvidenceMeta, safeFileName } from './metadata.js';
import { sweepExpiredUploads } from './upload-routes.js';
import { tinyPng } from '../../organisation/people/test-support.js';
import { insertCase, jpeg, listen, mp4, sha256, tusClient, type TusClient } from './test-support.js';

const QUOTA = 10_000;
let ctx: TestContext;
let world: RecordingWorld;
let s: Awaited<ReturnType<typeof recordingSessions>>;
let base: string;
let li: TusClient;
let wang: TusClient;
let caseA: { id: string };

beforeAll(async () => {
  ctx = await createTestApp({ config: { sessionTtlMinutes: 60 * 24 * 365, uploadQuotaBytes: QUOTA, uploadExpiryHours: 24 } });
  world = await buildRecordingWorld(ctx.database);
  s = await recordingSessions(ctx);
  base = await listen(ctx);
  li = tusClient(base, s.li);
  wang = tusClient(base, s.wang);
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
  filename: 'video.mp4',
  filetype: 'video/mp4',
  ...over,
});

const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string; messageEn: string; fields?: { field: string; code: string }[] } }).error;
const stagingDir = () => path.join(ctx.config.dataDir, 'uploads');
const staged = () => (fs.existsSync(stagingDir()) ? fs.readdirSync(stagingDir()) : []);
const reservationsOf = (userId: string) => ctx.database.db.select().from(uploadReservations).where(eq(uploadReservations.userId, userId));
const reservedBy = async (userId: string) =>
  (await ctx.database.db.select().from(uploadQuotaUsage).where(eq(uploadQuotaUsage.userId, userId)))[0]?.reservedBytes ?? 0;

/** Creates and sends `bytes` in one PATCH; returns the PATCH answer and the upload's location. */
async function send(client: TusClient, bytes: Buffer, over: Record<string, string | undefined> = {}) {
  const created = await client.create(meta(over), bytes.length);
  expect(created.status, await created.clone().text()).toBe(201);
  const location = created.headers.get('location')!;
  return { location, res: await client.patch(location, 0, bytes) };
}

describe('metadata is validated when the upload is created, before any byte', () => {
  it('refuses a NUL in the title with 400 naming the field, and stages nothing', async () => {
    const before = staged();
    const res = await li.create(meta({ title: '现场\u0000视频' }), 1024);
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.any(String), messageEn: expect.any(String) });
    expect(error.fields).toEqual([expect.objectContaining({ field: 'title', code: 'forbidden_character' })]);
    expect(staged()).toEqual(before);
    expect(await reservationsOf(world.users.li.id)).toEqual([]);
  });

  it('refuses a NUL in the location, the step and the late reason', async () => {
    for (const field of ['location', 'step', 'lateReason']) {
      const res = await li.create(meta({ [field]: 'a\u0000b' }), 1024);
      expect(res.status, field).toBe(400);
      expect((await errorOf(res)).fields).toEqual([expect.objectContaining({ field, code: 'forbidden_character' })]);
    }
  });

  it('refuses capturedAt 0000-01-01 and 1989, and a time in the future', async () => {
    for (const capturedAt of ['0000-01-01T00:00:00Z', '1989-12-31T23:59:59+08:00']) {
      const res = await li.create(meta({ capturedAt }), 1024);
      expect(res.status, capturedAt).toBe(400);
      expect((await errorOf(res)).fields).toEqual([expect.objectContaining({ field: 'capturedAt', code: 'too_early' })]);
    }
    const future = await li.create(meta({ capturedAt: '2027-01-01T00:00:00Z' }), 1024);
    expect((await errorOf(future)).fields).toEqual([expect.objectContaining({ field: 'capturedAt', code: 'in_future' })]);
  });

  it('refuses a lone UTF-16 surrogate (metadata given as a string, e.g. by the command line)', () => {
    expect(() => parseEvidenceMeta({ ...meta(), title: 'a\uD800b' })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ field: 'title', code: 'forbidden_character' })] }));
  });

  it('refuses an upload without a declared length (nothing to reserve)', async () => {
    const res = await fetch(`${base}/api/uploads`, {
      method: 'POST',
      headers: { cookie: s.li.cookie, 'x-csrf-token': s.li.csrfToken, 'tus-resumable': '1.0.0', 'upload-defer-length': '1', 'upload-metadata': '' },
    });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).fields).toEqual([expect.objectContaining({ field: 'Upload-Length', code: 'required' })]);
  });
});

describe('the bytes must be what the kind says (file-type)', () => {
  it('refuses a PNG declared as video with 415 FILE_TYPE_MISMATCH, and drops the upload and its reservation', async () => {
    const png = tinyPng(3);
    const { location, res } = await send(li, png, { kind: 'video' });
    expect(res.status).toBe(415);
    expect(await errorOf(res)).toMatchObject({ code: 'FILE_TYPE_MISMATCH', message: expect.any(String), messageEn: expect.any(String) });
    expect((await li.head(location)).status).toBe(404);
    expect(staged()).not.toContain(location.split('/').pop());
    expect(await reservedBy(world.users.li.id)).toBe(0);
  });

  it('refuses a text file declared as a photo', async () => {
    const { res } = await send(li, Buffer.from('这不是照片，只是一段文字。'.repeat(10)), { kind: 'photo', filetype: 'image/jpeg', filename: 'photo.jpg' });
    expect(res.status).toBe(415);
    expect((await errorOf(res)).code).toBe('FILE_TYPE_MISMATCH');
  });

  it('stores the sniffed type, not the declared one', async () => {
    const { res } = await send(li, jpeg(crypto.randomBytes(100)), { kind: 'photo', filetype: 'image/png', filename: 'IMG.png' });
    expect(res.status, await res.clone().text()).toBe(204);
    const [row] = await ctx.database.db.select().from(evidence).where(eq(evidence.id, res.headers.get('evidence-id')!));
    expect(row!.contentType).toBe('image/jpeg');
  });
});

describe('file names', () => {
  it('keeps only a safe display name for "../../etc/passwd\\u0000.png"', async () => {
    const png = tinyPng(7);
    const { res } = await send(li, png, { kind: 'photo', filetype: 'image/png', filename: '../../etc/passwd\u0000.png' });
    expect(res.status, await res.clone().text()).toBe(204);
    const id = res.headers.get('evidence-id')!;
    const [row] = await ctx.database.db.select().from(evidence).where(eq(evidence.id, id));
    expect(row!.originalName).toBe('passwd.png');
    // The bytes are named by their digest, inside the store.
    expect(fs.existsSync(path.join(ctx.config.dataDir, 'files', row!.storageKey))).toBe(true);
    expect(row!.storageKey).toContain(sha256(png));
    const download = await s.li.get(`/api/evidence/${id}/content`);
    expect(download.headers['content-disposition']).toBe(`attachment; filename="passwd.png"; filename*=UTF-8''passwd.png`);
  });

  it('strips separators, controls, bidi overrides and leading dots, and limits the length', () => {
    expect(safeFileName('..\\..\\Windows\\win.ini')).toBe('win.ini');
    expect(safeFileName('...hidden')).toBe('hidden');
    expect(safeFileName('invoice\u202Egnp.exe')).toBe('invoicegnp.exe');
    expect(safeFileName('a\r\nb:c.txt')).toBe('ab_c.txt');
    expect(safeFileName('../..')).toBeNull();
    const long = safeFileName(`${'长'.repeat(300)}.mp4`)!;
    expect(Array.from(long)).toHaveLength(120);
    expect(long.endsWith('.mp4')).toBe(true);
  });
});

describe('the per-user quota on unfinished uploads', () => {
  it(`lets exactly ${Math.floor(QUOTA / 3000)} of 8 parallel 3,000-byte creations through a ${QUOTA}-byte quota`, async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => wang.create(meta({ title: '并发上传' }), 3000)));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 201, 201, 413, 413, 413, 413, 413]);
    const refused = answers.find((r) => r.status === 413)!;
    expect((await errorOf(refused)).code).toBe('UPLOAD_QUOTA_EXCEEDED');
    expect(await reservedBy(world.users.wang.id)).toBe(9000);
    expect(await reservationsOf(world.users.wang.id)).toHaveLength(3);
    // Cancelling (tus DELETE) gives the space back.
    for (const created of answers.filter((r) => r.status === 201)) {
      const res = await fetch(new URL(created.headers.get('location')!, base), {
        method: 'DELETE',
        headers: { cookie: s.wang.cookie, 'x-csrf-token': s.wang.csrfToken, 'tus-resumable': '1.0.0' },
      });
      expect(res.status).toBe(204);
    }
    await expect.poll(() => reservedBy(world.users.wang.id)).toBe(0);
  });

  it('returns the space when an upload finishes', async () => {
    const { res } = await send(wang, mp4(crypto.randomBytes(QUOTA - 100)));
    expect(res.status, await res.clone().text()).toBe(204);
    expect(await reservedBy(world.users.wang.id)).toBe(0);
    expect((await wang.create(meta(), QUOTA)).status).toBe(201);
  });

  it('expires an abandoned upload: staged bytes removed, space returned', async () => {
    await sweepExpiredUploads(ctx.deps, new Date(ctx.clock.now().getTime() + 25 * 3_600_000)); // the previous test's upload
    const bytes = mp4(crypto.randomBytes(QUOTA - 24));
    const created = await wang.create(meta({ title: '中途放弃的上传' }), bytes.length);
    expect(created.status).toBe(201);
    const location = created.headers.get('location')!;
    const id = location.split('/').pop()!;
    expect((await wang.patch(location, 0, bytes.subarray(0, 4000))).status).toBe(204);
    expect((await wang.create(meta(), 100)).status).toBe(413);

    // Not yet: 23 hours later nothing is swept.
    const start = ctx.clock.now();
    try {
      ctx.clock.set(new Date(start.getTime() + 23 * 3_600_000).toISOString());
      expect(await sweepExpiredUploads(ctx.deps, ctx.clock.now())).toEqual([]);
      ctx.clock.set(new Date(start.getTime() + 24 * 3_600_000 + 1000).toISOString());
      // Expired but not yet swept: already gone for its uploader.
      expect((await wang.head(location)).status).toBe(404);
      expect(await sweepExpiredUploads(ctx.deps, ctx.clock.now())).toEqual([id]);
      expect(staged().filter((f) => f.startsWith(id))).toEqual([]);
      expect(await reservedBy(world.users.wang.id)).toBe(0);
      expect((await wang.create(meta({ capturedAt: ctx.clock.now().toISOString() }), QUOTA)).status).toBe(201);
    } finally {
      ctx.clock.set(start.toISOString());
      await sweepExpiredUploads(ctx.deps, new Date(start.getTime() + 48 * 3_600_000));
    }
  });
});

describe('a completion that fails keeps the bytes', () => {
  it('answers 409 when the case was closed during the upload, keeps the upload, and finishes it on retry', async () => {
    const kase = await insertCase(ctx, world.agencyA.id);
    const bytes = mp4(crypto.randomBytes(5000));
    const created = await li.create(meta({ caseId: kase.id, title: '上传期间案件被办结' }), bytes.length);
    const location = created.headers.get('location')!;
    expect((await li.patch(location, 0, bytes.subarray(0, 3000))).status).toBe(204);
    await ctx.database.db.update(cases).set({ status: 'closed' }).where(eq(cases.id, kase.id));

    const last = await li.patch(location, 3000, bytes.subarray(3000));
    expect(last.status).toBe(409);
    expect((await errorOf(last)).code).toBe('CASE_NOT_OPEN');
    // Every byte is still there.
    const head = await li.head(location);
    expect(head.status).toBe(200);
    expect(head.headers.get('upload-offset')).toBe(String(bytes.length));
    expect(fs.readFileSync(path.join(stagingDir(), location.split('/').pop()!)).equals(bytes)).toBe(true);

    // Reopened: an empty PATCH at the final offset finishes it.
    await ctx.database.db.update(cases).set({ status: 'open' }).where(eq(cases.id, kase.id));
    const retry = await li.patch(location, bytes.length, Buffer.alloc(0));
    expect(retry.status, await retry.clone().text()).toBe(204);
    const [row] = await ctx.database.db.select().from(evidence).where(eq(evidence.id, retry.headers.get('evidence-id')!));
    expect(row).toMatchObject({ sha256: sha256(bytes), size: bytes.length, caseId: kase.id });
    expect(await reservedBy(world.users.li.id)).toBe(0);
  });
});
