import type { Readable } from 'node:stream';
import { eq, sql } from 'drizzle-orm';
import { recordAudit, type AuditContext } from '../../audit/record.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { BlobStore } from '../../platform/storage/blob-store.js';
import { storeContent, type StoredContent } from '../../platform/storage/content-store.js';
import { people } from '../tables.js';

/** The largest photo accepted (5 MiB); the web form says the same. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;

export type PhotoType = 'image/png' | 'image/jpeg';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_SOI = Buffer.from([0xff, 0xd8, 0xff]);
const SNIFF_BYTES = PNG_SIGNATURE.length;

/**
 * The image type by its magic bytes (PNG signature, JPEG start-of-image marker); null for
 * anything else. The client's declared content type and file name are not trusted.
 */
export function imageTypeOf(head: Uint8Array): PhotoType | null {
  const bytes = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  if (bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) return 'image/png';
  if (bytes.subarray(0, JPEG_SOI.length).equals(JPEG_SOI)) return 'image/jpeg';
  return null;
}

export interface StoredPhoto extends StoredContent {
  contentType: PhotoType;
}

/**
 * Streams an uploaded photo into the content store, deciding its type from the first bytes as
 * they pass: INVALID_IMAGE unless it is a PNG or JPEG (the upload stops there), PAYLOAD_TOO_LARGE
 * over PHOTO_MAX_BYTES. The bytes are never held whole in memory.
 */
export async function storePhoto(store: BlobStore, upload: Readable): Promise<StoredPhoto> {
  let head = Buffer.alloc(0);
  let contentType: PhotoType | null = null;
  const decided = (): PhotoType => {
    contentType ??= imageTypeOf(head);
    if (!contentType) throw new AppError('INVALID_IMAGE');
    return contentType;
  };
  const stored = await storeContent(store, upload, {
    maxBytes: PHOTO_MAX_BYTES,
    contentType: decided,
    inspect: (chunk) => {
      if (head.length >= SNIFF_BYTES) return;
      head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
      if (head.length >= SNIFF_BYTES) decided();
    },
  });
  // Also when the bytes were already stored (and the store never asked for the type).
  return { ...stored, contentType: decided() };
}

/**
 * Records a stored photo as the person's photo (P2 publishes it with the officer): the blob row
 * (content-addressed, so a photo already stored is shared), the person's reference and the audit
 * event, in the caller's transaction.
 */
export async function setPersonPhoto(tx: Tx, ctx: AuditContext, personId: string, photo: StoredPhoto) {
  const [current] = await tx.select({ agencyId: people.agencyId, photoSha256: people.photoSha256 }).from(people).where(eq(people.id, personId)).for('update');
  if (!current) throw new AppError('NOT_FOUND');
  await tx.execute(sql`insert into blobs (sha256, size, content_type, storage_key, created_at)
    values (${photo.sha256}, ${photo.size}, ${photo.contentType}, ${photo.key}, ${ctx.now.toISOString()}::timestamptz)
    on conflict do nothing`);
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
