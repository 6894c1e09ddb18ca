import crypto from 'node:crypto';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../platform/db/database.js';
import type { BlobStore } from '../platform/storage/blob-store.js';
import { contentKey } from '../platform/storage/content-store.js';
import { chainedEventOf, eventHash, GENESIS_HASH } from './chain.js';
import { verifyDevices, type DeviceProblem } from './devices/verify-devices.js';
import { caseEvents, cases, documents, evidence } from './tables.js';
import { verifyAuditLog, type AuditProblem } from '../audit/verify-audit.js';
import { checkAccessRequests, checkCaseFile, checkCaseRow, checkOfficers, checkParties, documentDifferences, evidenceDifferences, recordedAgencyOf } from './verify-rows.js';

/**
 * What `sanxiang verify` can find (R11, R12):
 * - event_altered: an event's content no longer matches its hash;
 * - event_missing: a sequence number is missing (an event was removed);
 * - chain_broken: an event does not link to the one before it (inserted, reordered or replaced);
 * - head_mismatch: the case's recorded tip differs from its last event (events removed or added at the end);
 * - anchor_mismatch: the event at an anchored position is not the one anchored earlier (the chain was rewritten);
 * - document_missing / document_altered / document_unrecorded: the documents table versus the record;
 * - evidence_missing / evidence_altered / evidence_unrecorded: the evidence table versus the record
 *   (every column: digests, kind, title, capture time and officer, device, place, confidentiality, lateness…);
 * - file_missing / file_altered: stored bytes versus their recorded SHA-256 and SM3;
 * and, re-deriving the mutable rows of a case from its chain (./verify-rows.ts, issue 7):
 * - case_altered: the case's registration (number, title, procedure, power item, source, agency…) versus `case.opened`;
 * - case_state_altered: its step, status, closing/archiving time or facts versus the steps completed and the file transferred;
 * - party_altered / party_missing / party_unrecorded: parties versus `case.opened` (identity by salted hash);
 * - officers_altered: case officers versus the step that formed the group;
 * - access_request_altered / access_request_missing / access_request_unrecorded: R9 requests versus their events;
 * - case_file_altered: the 卷宗 (catalogue, compile and transfer) versus its events;
 * and the recording devices and loans versus the audit log (./devices/verify-devices.ts).
 * The detail of an *_altered problem names the fields that differ.
 */
export type ProblemKind =
  | 'event_altered'
  | 'event_missing'
  | 'chain_broken'
  | 'head_mismatch'
  | 'anchor_mismatch'
  | 'document_missing'
  | 'document_altered'
  | 'document_unrecorded'
  | 'evidence_missing'
  | 'evidence_altered'
  | 'evidence_unrecorded'
  | 'file_missing'
  | 'file_altered'
  | 'case_altered'
  | 'case_state_altered'
  | 'party_altered'
  | 'party_missing'
  | 'party_unrecorded'
  | 'officers_altered'
  | 'access_request_altered'
  | 'access_request_missing'
  | 'access_request_unrecorded'
  | 'case_file_altered';

export interface CaseProblem {
  kind: ProblemKind;
  caseId: string;
  seq?: number;
  id?: string;
  detail?: string;
}

/** A problem in a case record, in an audit chain (src/audit/verify-audit.ts) or with a device (./devices/verify-devices.ts). */
export type Problem = CaseProblem | AuditProblem | DeviceProblem;

/**
 * Chain positions taken earlier (e.g. published or printed daily), to detect a rewritten chain:
 * by case id, and by `audit:<chain>` for the audit log's chains.
 */
export type Anchors = Record<string, { seq: number; hash: string }>;

export interface VerifyReport {
  cases: number;
  events: number;
  documents: number;
  files: number;
  /** Recording devices checked against the audit log (all of them unless only some cases were asked for). */
  devices: number;
  /** Audit rows and chains checked (all of them unless only some cases were asked for). */
  auditEvents: number;
  auditChains: number;
  problems: Problem[];
  /** The tip of every case now: keep it somewhere else and pass it back as anchors later. */
  anchors: Anchors;
}

/** SHA-256 and SM3 of a stored object, streamed. */
async function digestsOf(store: BlobStore, key: string): Promise<{ sha256: string; sm3: string; size: number } | null> {
  if (!(await store.exists(key))) return null;
  const sha = crypto.createHash('sha256');
  const sm3 = crypto.createHash('sm3');
  let size = 0;
  for await (const chunk of await store.get(key)) {
    const b = chunk as Buffer;
    size += b.length;
    sha.update(b);
    sm3.update(b);
  }
  return { sha256: sha.digest('hex'), sm3: sm3.digest('hex'), size };
}

type Event = typeof caseEvents.$inferSelect;

/** Re-derives every case's chain and checks the case's rows and files against it, then devices and the audit log. */
export async function verifyRecords(db: Db, store: BlobStore, options: { caseIds?: string[]; anchors?: Anchors; files?: boolean } = {}): Promise<VerifyReport> {
  const report: VerifyReport = { cases: 0, events: 0, documents: 0, files: 0, devices: 0, auditEvents: 0, auditChains: 0, problems: [], anchors: {} };
  const problem = (p: CaseProblem) => report.problems.push(p);
  const caseRows = await db
    .select()
    .from(cases)
    .where(options.caseIds ? inArray(cases.id, options.caseIds) : undefined)
    .orderBy(asc(cases.id));
  for (const c of caseRows) {
    report.cases++;
    const events = await db.select().from(caseEvents).where(eq(caseEvents.caseId, c.id)).orderBy(asc(caseEvents.seq));
    let prevHash = GENESIS_HASH;
    let expected = 1;
    const recordedDocs = new Map<string, Event>();
    const recordedEvidence = new Map<string, Event>();
    for (const e of events) {
      report.events++;
      if (e.seq !== expected) problem({ kind: 'event_missing', caseId: c.id, seq: expected, detail: `seq ${expected}..${e.seq - 1} missing` });
      if (e.prevHash !== prevHash) problem({ kind: 'chain_broken', caseId: c.id, seq: e.seq });
      if (eventHash(chainedEventOf(e)) !== e.hash) problem({ kind: 'event_altered', caseId: c.id, seq: e.seq });
      const anchor = options.anchors?.[c.id];
      if (anchor && anchor.seq === e.seq && anchor.hash !== e.hash) problem({ kind: 'anchor_mismatch', caseId: c.id, seq: e.seq });
      if (e.type === 'document.issued') recordedDocs.set(String(e.payload.documentId), e);
      if (e.type === 'evidence.added') recordedEvidence.set(String(e.payload.evidenceId), e);
      prevHash = e.hash;
      expected = e.seq + 1;
    }
    const last = events.at(-1);
    if ((last?.seq ?? 0) !== c.headSeq || (last?.hash ?? GENESIS_HASH) !== c.headHash)
      problem({ kind: 'head_mismatch', caseId: c.id, detail: `head ${c.headSeq}, last event ${last?.seq ?? 0}` });
    const anchor = options.anchors?.[c.id];
    if (anchor && anchor.seq > (last?.seq ?? 0)) problem({ kind: 'anchor_mismatch', caseId: c.id, seq: anchor.seq, detail: 'anchored event no longer exists' });
    report.anchors[c.id] = { seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS_HASH };

    // The case's mutable rows, re-derived from its chain.
    const agencyId = recordedAgencyOf(c, events);
    checkCaseRow(c, events, problem);
    await checkParties(db, c, events, problem);
    await checkOfficers(db, c, events, problem);
    await checkAccessRequests(db, c, events, agencyId, problem);
    await checkCaseFile(db, c, events, problem);

    // Documents: every issued document is in the record with its content hash, and nothing else is.
    const docRows = await db.select().from(documents).where(eq(documents.caseId, c.id));
    for (const d of docRows) {
      report.documents++;
      const recorded = recordedDocs.get(d.id);
      if (!recorded) {
        problem({ kind: 'document_unrecorded', caseId: c.id, id: d.id });
        continue;
      }
      recordedDocs.delete(d.id);
      const changed = documentDifferences(d, recorded, agencyId);
      if (changed.length) problem({ kind: 'document_altered', caseId: c.id, id: d.id, detail: `${d.number ?? d.docType}: ${changed.join(', ')}` });
      if (d.signatureSha256 && options.files !== false) {
        report.files++;
        const got = await digestsOf(store, contentKey(d.signatureSha256));
        if (!got) problem({ kind: 'file_missing', caseId: c.id, id: d.id, detail: 'signature' });
        else if (got.sha256 !== d.signatureSha256) problem({ kind: 'file_altered', caseId: c.id, id: d.id, detail: 'signature' });
      }
    }
    for (const id of recordedDocs.keys()) problem({ kind: 'document_missing', caseId: c.id, id });

    // Evidence: rows against the record, files against both digests.
    const evRows = await db.select().from(evidence).where(eq(evidence.caseId, c.id));
    for (const ev of evRows) {
      const recorded = recordedEvidence.get(ev.id);
      if (!recorded) {
        problem({ kind: 'evidence_unrecorded', caseId: c.id, id: ev.id });
        continue;
      }
      recordedEvidence.delete(ev.id);
      const changed = evidenceDifferences(ev, recorded, agencyId);
      if (changed.length) problem({ kind: 'evidence_altered', caseId: c.id, id: ev.id, detail: changed.join(', ') });
      if (options.files === false) continue;
      report.files++;
      const got = await digestsOf(store, ev.storageKey);
      if (!got) problem({ kind: 'file_missing', caseId: c.id, id: ev.id, detail: ev.title });
      else if (got.sha256 !== recorded.payload.sha256 || got.sm3 !== recorded.payload.sm3) problem({ kind: 'file_altered', caseId: c.id, id: ev.id, detail: ev.title });
    }
    for (const id of recordedEvidence.keys()) problem({ kind: 'evidence_missing', caseId: c.id, id });
  }
  if (!options.caseIds) {
    report.devices = await verifyDevices(db, (p) => report.problems.push(p));
    const audit = await verifyAuditLog(db, options.anchors);
    report.auditEvents = audit.events;
    report.auditChains = audit.chains;
    report.problems.push(...audit.problems);
    Object.assign(report.anchors, audit.anchors);
  }
  return report;
}
