/**
 * Test fixtures for evidence uploads: a minimal case row (until the case use cases are used
 * here), tus requests over real HTTP with fetch, and metadata encoding.
 */
import crypto from 'node:crypto';
import type { Session, TestContext } from '../../../test/harness.js';
import { cases } from '../tables.js';

let counter = 0;

/** Inserts a bare inspection case (step on_site) straight into the table. Swap for openCase later. */
export async function insertCase(ctx: TestContext, agencyId: string, options: { status?: 'open' | 'closed' | 'archived'; title?: string } = {}) {
  counter += 1;
  const [row] = await ctx.database.db
    .insert(cases)
    .values({
      agencyId,
      registerNumber: `T-${Date.now()}-${counter}`,
      category: 'inspection',
      procedure: 'inspection',
      title: options.title ?? `测试检查案件 ${counter}`,
      step: 'on_site',
      status: options.status ?? 'open',
      openedAt: new Date('2026-09-01T00:00:00Z'),
      headHash: '0'.repeat(64),
    })
    .returning();
  return row!;
}

/** tus Upload-Metadata: comma-separated "key base64(value)". */
export const encodeMetadata = (meta: Record<string, string | undefined>) =>
  Object.entries(meta)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k} ${Buffer.from(v!, 'utf8').toString('base64')}`)
    .join(',');

/** Starts the app on a random local port; returns its base URL. */
export async function listen(ctx: TestContext): Promise<string> {
  const address = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  return address;
}

export interface TusClient {
  create(meta: Record<string, string | undefined>, length: number, body?: Buffer): Promise<Response>;
  patch(location: string, offset: number, body: Buffer | ReadableStream<Uint8Array>, length?: number): Promise<Response>;
  head(location: string): Promise<Response>;
}

/** Raw tus 1.0 requests as a logged-in user (session cookie and CSRF header). */
export function tusClient(base: string, session: Pick<Session, 'cookie' | 'csrfToken'>): TusClient {
  const auth = { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'tus-resumable': '1.0.0' };
  return {
    create: (meta, length, body) =>
      fetch(`${base}/api/uploads`, {
        method: 'POST',
        headers: {
          ...auth,
          'upload-length': String(length),
          'upload-metadata': encodeMetadata(meta),
          ...(body ? { 'content-type': 'application/offset+octet-stream' } : {}),
        },
        body: body ? new Uint8Array(body) : undefined,
      }),
    patch: (location, offset, body, length) =>
      fetch(new URL(location, base), {
        method: 'PATCH',
        headers: {
          ...auth,
          'upload-offset': String(offset),
          'content-type': 'application/offset+octet-stream',
          ...(length !== undefined ? { 'content-length': String(length) } : {}),
        },
        body: Buffer.isBuffer(body) ? new Uint8Array(body) : body,
        duplex: 'half',
      } as RequestInit),
    head: (location) => fetch(new URL(location, base), { method: 'HEAD', headers: auth }),
  };
}

export const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
export const sm3 = (b: Buffer) => crypto.createHash('sm3').update(b).digest('hex');

/** The first bytes of an MP4 file (an ISO BMFF `ftyp` box, brand mp42), as `file-type` recognises it. */
export const MP4_HEAD = Buffer.from('00000018667479706d703432000000006d70343269736f6d', 'hex');
/** A JPEG start-of-image marker and JFIF APP0 segment header. */
export const JPEG_HEAD = Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex');

/** `body` behind an MP4 head: bytes that are, as far as a type sniffer can tell, a video. */
export const mp4 = (body: Buffer) => Buffer.concat([MP4_HEAD, body]);
/** `body` behind a JPEG head: bytes that are, as far as a type sniffer can tell, a photo. */
export const jpeg = (body: Buffer) => Buffer.concat([JPEG_HEAD, body]);
