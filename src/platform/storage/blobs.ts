import { bigint, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { Tx } from '../db/database.js';

/** The index of the content-addressed store: one row per distinct content (migrations/202611220001_platform.sql). */
export const blobs = pgTable('blobs', {
  sha256: text('sha256').primaryKey(),
  size: bigint('size', { mode: 'number' }).notNull(),
  contentType: text('content_type').notNull(),
  storageKey: text('storage_key').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/** Records stored content in the index, in the caller's transaction; content already known is left as it is. */
export async function recordBlob(tx: Tx, content: { sha256: string; size: number; contentType: string; key: string }, now: Date): Promise<void> {
  await tx
    .insert(blobs)
    .values({ sha256: content.sha256, size: content.size, contentType: content.contentType, storageKey: content.key, createdAt: now })
    .onConflictDoNothing();
}
