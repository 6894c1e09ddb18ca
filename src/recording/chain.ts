import { eq } from 'drizzle-orm';
import { actorLabelOf, type AuditContext } from '../audit/record.js';
import { asStored, canonicalSha256 } from '../platform/canonical-hash.js';
import type { Tx } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { caseEvents, cases } from './tables.js';

export { sha256Hex } from '../platform/canonical-hash.js';
export { actorLabelOf } from '../audit/record.js';

/** The previous hash of a case's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Case event types: one name per kind of entry in the case record (R1, R11, R12).
 * Every step, document, evidence item, approval and view is one of these.
 */
export const CASE_EVENT_TYPES = [
  'case.opened',
  'step.completed', // a workflow step (payload.step, payload.data, payload.documents, payload.evidence)
  'document.issued',
  'document.viewed', // rendered as .docx/.pdf (chain of custody)
  'evidence.added',
  'evidence.viewed', // evidence metadata displayed
  'evidence.downloaded', // evidence bytes streamed out
  'case.viewed', // the case page was opened
  'case.file_compiled', // 卷宗 compiled (R8)
  'case.file_transferred', // handed to the archive office
  'case.supplement_added', // material added to an archived case
  'access.requested', // 查阅/复制 (R9)
  'access.opinion_given',
  'access.decided',
  'access.used',
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

/** What is hashed: the event's fields in RFC 8785 canonical JSON, including the previous hash. */
export interface ChainedEvent {
  caseId: string;
  seq: number;
  at: string;
  actorUserId: string | null;
  actorLabel: string;
  type: string;
  payload: Record<string, unknown>;
  prevHash: string;
}

/** The hash of one event: SHA-256 over its canonical JSON (RFC 8785). */
export function eventHash(event: ChainedEvent): string {
  return canonicalSha256(event, { value: event.payload, path: 'payload' });
}

/**
 * Appends one event to a case's record in the caller's transaction. The case row is locked so
 * that concurrent appends to one case are serialised and each links to its predecessor.
 */
export async function appendCaseEvent(
  tx: Tx,
  ctx: AuditContext,
  caseId: string,
  entry: { type: CaseEventType; payload: object },
): Promise<{ seq: number; hash: string }> {
  const [head] = await tx
    .select({ headSeq: cases.headSeq, headHash: cases.headHash })
    .from(cases)
    .where(eq(cases.id, caseId))
    .for('update');
  if (!head) throw new AppError('NOT_FOUND');
  const event: ChainedEvent = {
    caseId,
    seq: head.headSeq + 1,
    at: ctx.now.toISOString(),
    actorUserId: ctx.actor?.userId ?? null,
    actorLabel: actorLabelOf(ctx),
    type: entry.type,
    payload: asStored(entry.payload),
    prevHash: head.headHash,
  };
  const hash = eventHash(event);
  await tx.insert(caseEvents).values({ ...event, at: ctx.now, hash });
  await tx.update(cases).set({ headSeq: event.seq, headHash: hash }).where(eq(cases.id, caseId));
  return { seq: event.seq, hash };
}

/** Reads a stored event back into the shape that was hashed. */
export function chainedEventOf(row: typeof caseEvents.$inferSelect): ChainedEvent {
  return {
    caseId: row.caseId,
    seq: row.seq,
    at: row.at.toISOString(),
    actorUserId: row.actorUserId,
    actorLabel: row.actorLabel,
    type: row.type,
    payload: row.payload,
    prevHash: row.prevHash,
  };
}
