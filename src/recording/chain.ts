import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { actorLabelOf, type AuditContext } from '../audit/record.js';
import { asStored, canonicalSha256 } from '../platform/canonical-hash.js';
import type { Tx } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { caseEventCatalogue, isCaseEventType, type CaseEvent, type CaseEventPayload, type CaseEventType } from './case-events.js';
import { caseEvents, cases } from './tables.js';

export { sha256Hex } from '../platform/canonical-hash.js';
export { actorLabelOf } from '../audit/record.js';

/** The previous hash of a case's first event. */
export const GENESIS_HASH = '0'.repeat(64);

export { CASE_EVENT_TYPES, type CaseEvent, type CaseEventPayload, type CaseEventType } from './case-events.js';

/** The catalogue's payload schemas, built once (case-events.ts keeps zod out of the web bundle). */
const payloadSchemas = Object.fromEntries(Object.entries(caseEventCatalogue).map(([type, e]) => [type, e.payload(z)])) as {
  [T in CaseEventType]: ReturnType<(typeof caseEventCatalogue)[T]['payload']>;
};

/** The schema of one kind of event's payload, to parse a stored payload with. */
export const caseEventPayloadSchema = <T extends CaseEventType>(type: T) => payloadSchemas[type];

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
 * that concurrent appends to one case are serialised and each links to its predecessor. The
 * payload's type follows the event's name (case-events.ts), and it is checked against the
 * catalogue's schema as stored, before it is hashed: a payload the catalogue does not describe is
 * a programming error and is refused rather than written into the chain for good.
 */
export async function appendCaseEvent<T extends CaseEventType>(
  tx: Tx,
  ctx: AuditContext,
  caseId: string,
  entry: { type: T; payload: CaseEventPayload<T> },
): Promise<{ seq: number; hash: string }> {
  const payload = asStored(entry.payload);
  const checked = payloadSchemas[entry.type].safeParse(payload);
  if (!checked.success) throw new Error(`case event ${entry.type}: payload does not match the catalogue (${z.prettifyError(checked.error)})`);
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
    payload,
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

/**
 * A stored event as the union of the catalogue, for readers: `e.type === 'step.completed'` narrows
 * `e.payload`. The payload is taken as the catalogue says it was written (appendCaseEvent checked
 * it); `sanxiang verify` and the tests parse stored payloads against the schemas.
 */
export function caseEventOf<R extends { type: string; payload: Record<string, unknown> }>(row: R): (Omit<R, 'type' | 'payload'> & CaseEvent) | null {
  return isCaseEventType(row.type) ? (row as unknown as Omit<R, 'type' | 'payload'> & CaseEvent) : null;
}
