import { sql } from 'drizzle-orm';
import type { Actor } from '../accounts/roles.js';
import type { Tx } from '../platform/db/database.js';
import { asStored } from '../platform/canonical-hash.js';
import { AUDIT_GENESIS_HASH, auditEventHash, chainOf, type ChainedAuditEvent } from './chain.js';
import { auditChainHeads, auditEvents } from './tables.js';

/**
 * Audit actions: one name per event with its meaning. Writes are recorded as `<noun>.<verb>`;
 * reads of personal data as `<noun>.read` / `<noun>.list` (every read of personal data is audited).
 */
export const AUDIT_ACTIONS = [
  'auth.login', // a user logged in
  'auth.login_failed', // a wrong password or unknown user name (detail.locked when it reached a throttle limit)
  'auth.logout',
  'auth.logout_all', // a user ended every session of their own
  'auth.token_created',
  'auth.token_revoked',
  'user.created',
  'user.updated',
  'region.created',
  'region.updated',
  'agency.created',
  'agency.updated',
  'agency.confirmed', // the justice bureau confirmed the agency's status (O1, P13)
  'agency.confirmation_withdrawn',
  'division.created',
  'division.updated',
  'person.created',
  'person.updated',
  'person.photo_set',
  'person.read', // a staff member's personal data was displayed
  'person.list', // a list with personal data was displayed (detail.ids)
  'person.photo_read',
  'training.created',
  'counsel.created',
  'counsel.list', // the counsel pool (names, phones) was displayed (detail.ids)
  'position.created',
  'position.holder_assigned',
  'leading_group.created',
  'leading_group.updated',
  'calendar.year_loaded',
  'calendar.day_set',
  'exchange.imported',
  'exchange.exported', // a spreadsheet with personal data left the system
  'power_item.created',
  'av_list.updated', // the agency's 音像记录事项清单 changed (R3)
  'evidence.added', // an evidence item entered a case record (R3, R7)
  'evidence.access_refused', // confidential evidence refused to an actor without the permission (R10)
  'device.registered', // a recording device was registered (R14)
  'device.lent',
  'device.returned',
  'device.retired',
  'public.certificate_verified', // a public certificate lookup
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditContext {
  actor: Actor | null;
  now: Date;
  ip?: string;
  userAgent?: string | null;
  /** Who acts when there is no logged-in actor, e.g. 'cli' for the command line; 'public' by default. */
  label?: string;
  /** The user acting without a session yet (the one logging in); with `label` naming them. */
  actorUserId?: string | null;
}

/** How the actor is named in the record: "姓名 (username)", or the context's label when no one is logged in. */
export const actorLabelOf = (ctx: AuditContext) => (ctx.actor ? `${ctx.actor.displayName} (${ctx.actor.username})` : (ctx.label ?? 'public'));

export interface AuditEntry {
  action: AuditAction;
  subjectType: string;
  subjectId?: string | null;
  agencyId?: string | null;
  detail?: Record<string, unknown>;
}

/**
 * Appends one audit event in the caller's transaction, so the record and the change commit
 * together. The event is chained to the previous one of its agency's chain: the chain's head row
 * is created or locked by one upsert, so concurrent events of one agency line up one after another.
 */
export async function recordAudit(tx: Tx, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  const chain = chainOf(entry.agencyId);
  const [head] = await tx
    .insert(auditChainHeads)
    .values({ chain, seq: 0, hash: AUDIT_GENESIS_HASH })
    .onConflictDoUpdate({ target: auditChainHeads.chain, set: { seq: sql`${auditChainHeads.seq}` } })
    .returning();
  const event: ChainedAuditEvent = {
    chain,
    seq: head!.seq + 1,
    at: ctx.now.toISOString(),
    actorUserId: ctx.actor?.userId ?? ctx.actorUserId ?? null,
    actorLabel: actorLabelOf(ctx),
    agencyId: entry.agencyId ?? null,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    ip: ctx.actor?.ip ?? ctx.ip ?? null,
    userAgent: ctx.actor?.userAgent ?? ctx.userAgent ?? null,
    detail: asStored(entry.detail ?? {}),
    prevHash: head!.hash,
  };
  const hash = auditEventHash(event);
  const { seq, at, ...columns } = event;
  await tx.insert(auditEvents).values({ ...columns, at: ctx.now, chainSeq: seq, hash });
  await tx.update(auditChainHeads).set({ seq, hash }).where(sql`${auditChainHeads.chain} = ${chain}`);
}
