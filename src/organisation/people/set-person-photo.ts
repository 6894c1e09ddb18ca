import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { recordAudit, type AuditContext } from '../../audit/record.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { BlobStore } from '../../platform/storage/blob-store.js';
import { storeContent, type StoredContent } from '../../platform/storage/content-store.js';
import { people } from '../tables.js';
import { recordBlob } from '../../platform/storage/blobs.js';

/** The largest photo accepted (5 MiB); the web form says the same. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;

export type PhotoType = 'image/png' | 'image/jpeg';

/**
 * How much of the head `file-type` reads to decide (its reasonableDetectionSizeInBytes): enough
 * for a PNG's IHDR and the chunk headers after it, and for a JPEG's markers.
 */
const SNIFF_BYTES = 4100;

/**
 * The photo type of an image's first bytes, as `file-type` sniffs them (magic numbers and, for a
 * PNG, a well-formed IHDR chunk; issue 7); null for anything else, including GIF, SVG, APNG and
 * JPEG-LS. The client's declared content type and file name are not trusted.
 */
export async function imageTypeOf(head: Uint8Array): Promise<PhotoType | null> {
  const { fileTypeFromBuffer } = await import('file-type');
  const mime = (await fileTypeFromBuffer(head))?.mime;
  return mime === 'image/png' || mime === 'image/jpeg' ? mime : null;
}

export interface StoredPhoto extends StoredContent {
  contentType: PhotoType;
}

/**
 * Reads up to `bytes` from the start of `upload` and gives back those bytes and a stream of the
 * whole upload (the head, then the rest as it arrives). Destroying the returned stream (as a
 * failed pipeline does) destroys the upload too.
 */
async function readHead(upload: Readable, bytes: number): Promise<{ head: Buffer; whole: Readable }> {
  const chunks = upload[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const taken: Buffer[] = [];
  let size = 0;
  while (size < bytes) {
    const next = await chunks.next();
    if (next.done) break;
    taken.push(next.value);
    size += next.value.length;
  }
  const head = Buffer.concat(taken);
  async function* rest() {
    try {
      if (head.length) yield head;
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
    } finally {
      await chunks.return?.();
    }
  }
  return { head, whole: Readable.from(rest(), { objectMode: false }) };
}

/**
 * Streams an uploaded photo into the content store after deciding its type from its first bytes:
 * INVALID_IMAGE unless they are a PNG or JPEG (the upload stops there), PAYLOAD_TOO_LARGE over
 * PHOTO_MAX_BYTES. The bytes are never held whole in memory.
 */
export async function storePhoto(store: BlobStore, upload: Readable): Promise<StoredPhoto> {
  const { head, whole } = await readHead(upload, SNIFF_BYTES);
  const contentType = await imageTypeOf(head);
  if (!contentType) {
    whole.destroy();
    upload.destroy();
    throw new AppError('INVALID_IMAGE');
  }
  const stored = await storeContent(store, whole, { maxBytes: PHOTO_MAX_BYTES, contentType });
  return { ...stored, contentType };
}

/**
 * Records a stored photo as the person's photo (P2 publishes it with the officer): the blob row
 * (content-addressed, so a photo already stored is shared), the person's reference and the audit
 * event, in the caller's transaction.
 */
export async function setPersonPhoto(tx: Tx, ctx: AuditContext, personId: string, photo: StoredPhoto) {
  const [current] = await tx.select({ agencyId: people.agencyId, photoSha256: people.photoSha256 }).from(people).where(eq(people.id, personId)).for('update');
  if (!current) throw new AppError('NOT_FOUND');
  await recordBlob(tx, photo, ctx.now);
  const [row] = await tx.update(people).set({ photoSha256: photo.sha256, updatedAt: ctx.now }).where(eq(people.id, personId)).returning();
  await recordAudit(tx, ctx, {
    action: 'person.photo_set',
    subjectType: 'person',
    subjectId: personId,
    agencyId: current.agencyId,
    detail: { sha256: photo.sha256, size: photo.size, contentType: photo.contentType, previousSha256: current.photoSha256 },
  });
  return row!;
}
