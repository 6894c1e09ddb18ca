import { bigint, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only audit log (the database refuses UPDATE/DELETE; see migrations/202611220001_platform.sql),
 * hash-chained per agency (migrations/202612030004_audit_chain.sql).
 */
export const auditEvents = pgTable('audit_events', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  actorUserId: uuid('actor_user_id'),
  actorLabel: text('actor_label').notNull(),
  agencyId: uuid('agency_id'),
  action: text('action').notNull(),
  subjectType: text('subject_type').notNull(),
  subjectId: text('subject_id'),
  ip: text('ip'),
  userAgent: text('user_agent'),
  detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
  /** The chain the event belongs to: its agency's id, or 'platform'. Null only before chaining began. */
  chain: text('chain'),
  chainSeq: integer('chain_seq'),
  prevHash: text('prev_hash'),
  hash: text('hash'),
});

/** The tip of each audit chain. */
export const auditChainHeads = pgTable('audit_chain_heads', {
  chain: text('chain').primaryKey(),
  seq: integer('seq').notNull(),
  hash: text('hash').notNull(),
});
