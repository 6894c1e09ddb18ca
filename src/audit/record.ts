import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../accounts/roles.js';
import type { Tx } from '../platform/db/database.js';
import { asStored } from '../platform/canonical-hash.js';
import { AUDIT_GENESIS_HASH, auditEventHash, chainOf, type ChainedAuditEvent } from './chain.js';
import { auditCatalogue, type AuditAction, type AuditDetail } from './actions.js';
import { auditChainHeads, auditEvents } from './tables.js';

export { AUDIT_ACTIONS, type AuditAction, type AuditDetail } from './actions.js';

/** The catalogue's detail schemas, built once (actions.ts keeps zod out of the web bundle). */
const detailSchemas = Object.fromEntries(Object.entries(auditCatalogue).map(([action, a]) => [action, a.detail(z)])) as {
  [A in AuditAction]: ReturnType<(typeof auditCatalogue)[A]['detail']>;
};

/** The schema of one action's detail, to parse a stored detail with. */
export const auditDetailSchema = <A extends AuditAction>(action: A) => detailSchemas[action];

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

/** One audit entry; its detail's type follows the action (actions.ts), and may be left out when the action records none. */
export type AuditEntry<A extends AuditAction = AuditAction> = {
  [K in A]: {
    action: K;
    subjectType: string;
    subjectId?: string | null;
    agencyId?: string | null;
  } & ({} extends AuditDetail<K> ? { detail?: AuditDetail<K> } : { detail: AuditDetail<K> });
}[A];

/**
 * Appends one audit event in the caller's transaction, so the record and the change commit
 * together. The event is chained to the previous one of its agency's chain: the chain's head row
 * is created or locked by one upsert, so concurrent events of one agency line up one after another.
 * The detail is checked against the catalogue's schema as stored, before it is hashed: a detail the
 * catalogue does not describe is a programming error, refused rather than chained for good.
 */
export async function recordAudit<A extends AuditAction>(tx: Tx, ctx: AuditContext, entry: AuditEntry<A>): Promise<void> {
  const detail = asStored(entry.detail ?? {});
  const checked = detailSchemas[entry.action].safeParse(detail);
  if (!checked.success) throw new Error(`audit action ${entry.action}: detail does not match the catalogue (${z.prettifyError(checked.error)})`);
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
    detail,
    prevHash: head!.hash,
  };
  const hash = auditEventHash(event);
  const { seq, at, ...columns } = event;
  await tx.insert(auditEvents).values({ ...columns, at: ctx.now, chainSeq: seq, hash });
  await tx.update(auditChainHeads).set({ seq, hash }).where(sql`${auditChainHeads.chain} = ${chain}`);
}
