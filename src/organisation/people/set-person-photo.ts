import type { Readable } from 'node:stream';
import { eq, sql } from 'drizzle-orm';
import { recordAudit, type AuditContext } from '../../audit/record.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { BlobStore } from '../../platform/storage/blob-store.js';
import { storeContent } from '../../platform/storage/content-store.js';
import { people } from '../tables.js';

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** The image type by its magic bytes (the client's content type is not trusted). */
export function imageTypeOf(head: Buffer): 'image/jpeg' | 'image/png' | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  return null;
}

/**
 * Streams a photo into the content store (SHA-256 addressed), checking its magic bytes as they
 * arrive; never buffers the whole upload.
 */
export async function storePhoto(store: BlobStore, upload: Readable) {
  let head = Buffer.alloc(0);
  let contentType: ReturnType<typeof imageTypeOf> = null;
  const stored = await storeContent(store, upload, {
    maxBytes: MAX_PHOTO_BYTES,
    contentType: () => contentType!,
    inspect: (chunk) => {
      if (contentType) return;
      head = Buffer.concat([head, chunk]).subarray(0, 8);
      if (head.length < 8) return;
      contentType = imageTypeOf(head);
      if (!contentType) throw new AppError('INVALID_IMAGE');
    },
  });
  if (!contentType) throw new AppError('INVALID_IMAGE');
  return { ...stored, contentType: contentType as string };
}

export async function setPersonPhoto(
  tx: Tx,
  ctx: AuditContext,
  personId: string,
  agencyId: string,
  photo: { sha256: string; size: number; key: string; contentType: string },
) {
  await tx.execute(sql`insert into blobs (sha256, size, content_type, storage_key) values (${photo.sha256}, ${photo.size}, ${photo.contentType}, ${photo.key}) on conflict do nothing`);
  await tx.update(people).set({ photoSha256: photo.sha256, updatedAt: ctx.now }).where(eq(people.id, personId));
  await recordAudit(tx, ctx, { action: 'person.photo_set', subjectType: 'person', subjectId: personId, agencyId, detail: { sha256: photo.sha256, size: photo.size } });
}
