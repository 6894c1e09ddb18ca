import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentKey } from '../../platform/storage/content-store.js';
import { S3BlobStore } from '../../platform/storage/s3-store.js';
import { createTestApp, type TestContext } from '../../../test/harness.js';
import { buildRecordingWorld, recordingSessions } from '../../../test/recording-world.js';
import { insertCase, listen, mp4, sha256, sm3, tusClient } from './test-support.js';

interface S3rverServer {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}
// s3rver ships no types.
const S3rver = createRequire(import.meta.url)('s3rver') as new (options: Record<string, unknown>) => S3rverServer;

const BUCKET = 'sanxiang-evidence';
let s3dir: string;
let s3server: S3rverServer;
let endpoint: string;
let ctx: TestContext;
let session: Awaited<ReturnType<typeof recordingSessions>>['li'];
let head: Awaited<ReturnType<typeof recordingSessions>>['head'];
let base: string;
let caseId: string;

const s3config = () => ({
  kind: 's3' as const,
  endpoint,
  region: 'us-east-1',
  bucket: BUCKET,
  accessKeyId: 'S3RVER', // s3rver's fixed credentials
  secretAccessKey: 'S3RVER',
  forcePathStyle: true,
});

beforeAll(async () => {
  s3dir = fs.mkdtempSync(path.join(os.tmpdir(), 's3rver-'));
  s3server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: s3dir, configureBuckets: [{ name: BUCKET }] });
  const { port } = await s3server.run();
  endpoint = `http://127.0.0.1:${port}`;
  ctx = await createTestApp({ config: { sessionTtlMinutes: 60 * 24 * 365 } });
  // Routes read deps.store at request time: swap the file store for the S3 one.
  ctx.deps.store = new S3BlobStore(s3config());
  const world = await buildRecordingWorld(ctx.database);
  const sessions = await recordingSessions(ctx);
  session = sessions.li;
  head = sessions.head;
  base = await listen(ctx);
  caseId = (await insertCase(ctx, world.agencyA.id)).id;
});
afterAll(async () => {
  await ctx.close();
  await s3server.close();
  fs.rmSync(s3dir, { recursive: true, force: true });
});

describe('evidence on S3-compatible storage (s3rver)', () => {
  it('puts an uploaded file in the bucket under its content key, byte for byte', async () => {
    const bytes = mp4(crypto.randomBytes(2 * 1024 * 1024 + 17));
    const tus = tusClient(base, session);
    const created = await tus.create(
      { caseId, step: 'collect_materials', kind: 'video', title: '对象存储中的视频', capturedAt: '2026-11-21T10:00:00+08:00', confidentiality: 'none', filetype: 'video/mp4' },
      bytes.length,
    );
    expect(created.status, await created.clone().text()).toBe(201);
    const location = created.headers.get('location')!;
    expect((await tus.patch(location, 0, bytes.subarray(0, 1024 * 1024))).status).toBe(204);
    const done = await tus.patch(location, 1024 * 1024, bytes.subarray(1024 * 1024));
    expect(done.status, await done.clone().text()).toBe(204);
    const evidenceId = done.headers.get('evidence-id')!;

    const client = new S3Client({ ...s3config(), credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }, responseChecksumValidation: 'WHEN_REQUIRED' });
    const object = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: contentKey(sha256(bytes)) }));
    const stored = Buffer.from(await object.Body!.transformToByteArray());
    expect(stored.length).toBe(bytes.length);
    expect(stored.equals(bytes)).toBe(true);
    expect(object.ContentType).toBe('video/mp4');
    client.destroy();

    const item = (await head.get(`/api/evidence/${evidenceId}`)).json();
    expect(item).toMatchObject({ sha256: sha256(bytes), sm3: sm3(bytes), size: bytes.length });
    // Nothing left in the local staging area.
    expect(fs.readdirSync(path.join(ctx.config.dataDir, 'uploads')).filter((f) => !f.endsWith('.json'))).toEqual([]);

    const download = await head.get(`/api/evidence/${evidenceId}/content`);
    expect(download.rawPayload.equals(bytes)).toBe(true);
    const range = await head.request('GET', `/api/evidence/${evidenceId}/content`, undefined, { range: 'bytes=1048576-1048585' });
    expect(range.statusCode).toBe(206);
    expect(range.rawPayload.equals(bytes.subarray(1048576, 1048586))).toBe(true);
  });
});
