import { eq, lte, sql } from 'drizzle-orm';
import type { Config } from '../../config.js';
import type { Database, Db, Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { uploadReservations } from '../tables.js';

/**
 * The per-user quota on unfinished uploads (issue 7): creating an upload reserves its declared
 * length; finishing, cancelling or expiring it gives the space back. The counter in
 * upload_quota_usage changes only in single atomic statements, so parallel creations cannot
 * together pass the quota (house rule: guarding counters never read-then-write).
 */

const rowsOf = <T>(result: unknown): T[] => ((result as { rows?: T[] }).rows ?? (result as T[]));

/**
 * Reserves `bytes` for an upload of `userId`, expiring `expiryHours` after `now`: one
 * INSERT ... ON CONFLICT DO UPDATE that adds to the user's counter only while the sum stays within
 * the quota (the row lock taken by ON CONFLICT serialises parallel reservations), then the
 * reservation row, in one transaction. UPLOAD_QUOTA_EXCEEDED when it would pass the quota.
 */
export async function reserveUploadSpace(
  deps: { database: Database; config: Config },
  upload: { id: string; userId: string; bytes: number },
  now: Date,
): Promise<void> {
  const quota = deps.config.uploadQuotaBytes;
  if (upload.bytes > quota) throw new AppError('UPLOAD_QUOTA_EXCEEDED', [], { quotaBytes: quota });
  const expiresAt = new Date(now.getTime() + deps.config.uploadExpiryHours * 3_600_000);
  await deps.database.db.transaction(async (tx) => {
    const counted = rowsOf<{ reserved_bytes: string }>(
      await tx.execute(sql`insert into upload_quota_usage (user_id, reserved_bytes) values (${upload.userId}, ${upload.bytes})
        on conflict (user_id) do update set reserved_bytes = upload_quota_usage.reserved_bytes + excluded.reserved_bytes
        where upload_quota_usage.reserved_bytes + excluded.reserved_bytes <= ${quota}
        returning reserved_bytes`),
    );
    if (counted.length === 0) throw new AppError('UPLOAD_QUOTA_EXCEEDED', [], { quotaBytes: quota });
    await tx.insert(uploadReservations).values({ uploadId: upload.id, userId: upload.userId, bytes: upload.bytes, createdAt: now, expiresAt });
  });
}

/**
 * Gives an upload's space back: deletes its reservation and subtracts exactly what it reserved, in
 * one statement; a second release of the same upload finds no row and changes nothing.
 */
export async function releaseUploadSpace(db: Db | Tx, uploadId: string): Promise<void> {
  await db.execute(sql`with released as (delete from upload_reservations where upload_id = ${uploadId} returning user_id, bytes)
    update upload_quota_usage u set reserved_bytes = u.reserved_bytes - r.bytes from released r where u.user_id = r.user_id`);
}

/** The ids of uploads whose reservation has expired by `now`. */
export async function expiredUploadIds(db: Db, now: Date): Promise<string[]> {
  const rows = await db.select({ id: uploadReservations.uploadId }).from(uploadReservations).where(lte(uploadReservations.expiresAt, now));
  return rows.map((r) => r.id);
}

/** Whether an upload's reservation has expired by `now` (an upload without one predates the quota). */
export async function uploadExpired(db: Db, uploadId: string, now: Date): Promise<boolean> {
  const [row] = await db.select({ expiresAt: uploadReservations.expiresAt }).from(uploadReservations).where(eq(uploadReservations.uploadId, uploadId));
  return row !== undefined && row.expiresAt.getTime() <= now.getTime();
}
