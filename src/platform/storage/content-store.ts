import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../errors.js';
import type { BlobStore } from './blob-store.js';

export interface StoredContent {
  sha256: string;
  size: number;
  key: string;
}

/** The content address of a SHA-256 digest. */
export const contentKey = (sha256: string) => `sha256/${sha256.slice(0, 2)}/${sha256}`;

/**
 * Streams `body` into the store under its content address, computing the digest in the same
 * pass; the bytes are never held whole in memory. Rejects bodies over `maxBytes`.
 */
export async function storeContent(
  store: BlobStore,
  body: Readable,
  options: {
    /** The content type, or a function asked once the bytes are stored (when `inspect` decides it). */
    contentType: string | (() => string);
    maxBytes: number;
    tempDir?: string;
    /** Sees each chunk before it is stored; throwing aborts the upload (e.g. a magic-byte check). */
    inspect?: (chunk: Buffer) => void;
  },
): Promise<StoredContent> {
  const tempDir = options.tempDir ?? os.tmpdir();
  await fsp.mkdir(tempDir, { recursive: true });
  const tempPath = path.join(tempDir, `upload-${crypto.randomUUID()}`);
  const hash = crypto.createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > options.maxBytes) return done(new AppError('PAYLOAD_TOO_LARGE'));
      try {
        options.inspect?.(chunk);
      } catch (error) {
        return done(error as Error);
      }
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(body, meter, fs.createWriteStream(tempPath));
    const sha256 = hash.digest('hex');
    const key = contentKey(sha256);
    if (await store.exists(key)) await fsp.rm(tempPath, { force: true });
    else await store.putFile(key, tempPath, typeof options.contentType === 'function' ? options.contentType() : options.contentType);
    return { sha256, size, key };
  } catch (error) {
    await fsp.rm(tempPath, { force: true });
    throw error;
  }
}
