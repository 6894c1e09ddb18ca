import { canonicalSha256 } from '../platform/canonical-hash.js';
import type { auditEvents } from './tables.js';

/** The previous hash of a chain's first event (as for case records). */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/** The chain of events that concern no agency (logins of system administrators, regions, the calendar). */
export const PLATFORM_CHAIN = 'platform';

/** The chain an audit event belongs to. */
export const chainOf = (agencyId: string | null | undefined): string => agencyId ?? PLATFORM_CHAIN;

/** What is hashed: every field of the audit row but its storage id, in RFC 8785 canonical JSON. */
export interface ChainedAuditEvent {
  chain: string;
  seq: number;
  at: string;
  actorUserId: string | null;
  actorLabel: string;
  agencyId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  ip: string | null;
  userAgent: string | null;
  detail: Record<string, unknown>;
  prevHash: string;
}

/** SHA-256 over the event's canonical JSON (RFC 8785). */
export function auditEventHash(event: ChainedAuditEvent): string {
  return canonicalSha256(event, { value: event.detail, path: 'detail' });
}

/** Reads a stored, chained audit row back into the shape that was hashed. */
export function chainedAuditEventOf(row: typeof auditEvents.$inferSelect): ChainedAuditEvent {
  return {
    chain: row.chain!,
    seq: row.chainSeq!,
    at: row.at.toISOString(),
    actorUserId: row.actorUserId,
    actorLabel: row.actorLabel,
    agencyId: row.agencyId,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    ip: row.ip,
    userAgent: row.userAgent,
    detail: row.detail,
    prevHash: row.prevHash!,
  };
}
