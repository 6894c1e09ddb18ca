import { and, asc, eq, gt, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../platform/db/database.js';
import { AUDIT_GENESIS_HASH, auditEventHash, chainedAuditEventOf } from './chain.js';
import { auditChainHeads, auditEvents } from './tables.js';

/**
 * What verifying the audit log can find:
 * - audit_altered: an audit row no longer matches its hash;
 * - audit_missing: a chain position is missing (a row was removed);
 * - audit_chain_broken: a row does not link to the one before it (inserted, reordered or replaced);
 * - audit_head_mismatch: the chain's recorded tip differs from its last row (rows removed at the end);
 * - audit_unchained: a row outside any chain, written after chaining began (the check constraint was bypassed);
 * - audit_anchor_mismatch: the row at an anchored position is not the one anchored earlier.
 */
export type AuditProblemKind =
  | 'audit_altered'
  | 'audit_missing'
  | 'audit_chain_broken'
  | 'audit_head_mismatch'
  | 'audit_unchained'
  | 'audit_anchor_mismatch';

export interface AuditProblem {
  kind: AuditProblemKind;
  chain: string;
  seq?: number;
  id?: number;
  detail?: string;
}

/** Anchor keys of audit chains, beside the case ids in one anchors file. */
export const auditAnchorKey = (chain: string) => `audit:${chain}`;

export interface AuditVerifyReport {
  events: number;
  chains: number;
  problems: AuditProblem[];
  anchors: Record<string, { seq: number; hash: string }>;
}

const PAGE = 2000;

/** A chain's rows in order, a page at a time (keyset pagination), so a long log is not held in memory. */
async function* chainRows(db: Db, chain: string) {
  let after = 0;
  for (;;) {
    const page = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.chain, chain), gt(auditEvents.chainSeq, after)))
      .orderBy(asc(auditEvents.chainSeq))
      .limit(PAGE);
    yield* page;
    if (page.length < PAGE) return;
    after = page.at(-1)!.chainSeq!;
  }
}

/** Re-derives every audit chain, row by row in chain order. */
export async function verifyAuditLog(db: Db, anchors: Record<string, { seq: number; hash: string }> = {}): Promise<AuditVerifyReport> {
  const report: AuditVerifyReport = { events: 0, chains: 0, problems: [], anchors: {} };
  const problem = (p: AuditProblem) => report.problems.push(p);
  const heads = new Map((await db.select().from(auditChainHeads)).map((h) => [h.chain, h]));
  const chains = (await db.selectDistinct({ chain: auditEvents.chain }).from(auditEvents)).map((r) => r.chain).filter((c): c is string => c !== null);
  for (const chain of new Set([...chains, ...heads.keys()])) {
    report.chains++;
    let prevHash = AUDIT_GENESIS_HASH;
    let expected = 1;
    let last: typeof auditEvents.$inferSelect | undefined;
    const anchor = anchors[auditAnchorKey(chain)];
    for await (const row of chainRows(db, chain)) {
      last = row;
      report.events++;
      const seq = row.chainSeq!;
      if (seq !== expected) problem({ kind: 'audit_missing', chain, seq: expected, detail: `seq ${expected}..${seq - 1} missing` });
      if (row.prevHash !== prevHash) problem({ kind: 'audit_chain_broken', chain, seq, id: row.id });
      if (auditEventHash(chainedAuditEventOf(row)) !== row.hash) problem({ kind: 'audit_altered', chain, seq, id: row.id, detail: row.action });
      if (anchor && anchor.seq === seq && anchor.hash !== row.hash) problem({ kind: 'audit_anchor_mismatch', chain, seq });
      prevHash = row.hash!;
      expected = seq + 1;
    }
    const head = heads.get(chain);
    if ((last?.chainSeq ?? 0) !== (head?.seq ?? 0) || (last?.hash ?? AUDIT_GENESIS_HASH) !== (head?.hash ?? AUDIT_GENESIS_HASH))
      problem({ kind: 'audit_head_mismatch', chain, detail: `head ${head?.seq ?? 0}, last row ${last?.chainSeq ?? 0}` });
    if (anchor && anchor.seq > (last?.chainSeq ?? 0)) problem({ kind: 'audit_anchor_mismatch', chain, seq: anchor.seq, detail: 'anchored row no longer exists' });
    report.anchors[auditAnchorKey(chain)] = { seq: last?.chainSeq ?? 0, hash: last?.hash ?? AUDIT_GENESIS_HASH };
  }
  // Rows outside any chain are legitimate only from before chaining began (lower ids than every chained row).
  const unchained = await db.select({ id: auditEvents.id, action: auditEvents.action }).from(auditEvents).where(isNull(auditEvents.hash));
  if (unchained.length) {
    const [first] = await db.select({ id: auditEvents.id }).from(auditEvents).where(isNotNull(auditEvents.hash)).orderBy(asc(auditEvents.id)).limit(1);
    for (const row of unchained) if (first && row.id > first.id) problem({ kind: 'audit_unchained', chain: '', id: row.id, detail: row.action });
  }
  return report;
}
