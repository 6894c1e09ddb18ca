import canonicalize from 'canonicalize';
import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db/database.js';
import { contentKey } from '../platform/storage/content-store.js';
import { caseEventOf, sha256Hex } from './chain.js';
import { documentFieldsHash } from './cases/complete-step.js';
import { withStep, type CaseFacts } from './cases/facts.js';
import { partyIdentityHash } from './cases/open-case.js';
import { accessRequests, caseEvents, caseFiles, caseOfficers, caseParties, cases, documents, evidence } from './tables.js';
import type { CaseProblem } from './verify.js';
import { isProcedure, procedureOf } from './workflows/procedures/index.js';
import { CLOSED } from './workflows/types.js';
import { DAY_MS, OPINION_GRANT_DAYS } from './archive/access-requests.js';

/*
 * The mutable rows of a case, re-derived from its chain (issue 7: every row with evidential meaning
 * is either append-only and inside a chain, or derived from the chain and cross-checked). Each
 * check builds the row the record implies and names the columns that differ. A field that older
 * events did not carry yet is left out of the comparison rather than reported.
 */

type Event = typeof caseEvents.$inferSelect;
type CaseRow = typeof cases.$inferSelect;
type Payload = Record<string, unknown>;
type Report = (p: CaseProblem) => void;

const comparable = (v: unknown) => canonicalize(v instanceof Date ? v.toISOString() : (v ?? null));

/** The names of the fields whose stored value differs from the value the record implies. */
export function differing(expected: Record<string, unknown>, actual: Record<string, unknown>): string[] {
  return Object.keys(expected).filter((k) => comparable(expected[k]) !== comparable(actual[k]));
}

/** Only the fields an event carries (older events carry fewer). */
const carried = (payload: Payload, fields: Record<string, string>) =>
  Object.fromEntries(Object.entries(fields).filter(([, from]) => from in payload).map(([to, from]) => [to, payload[from]]));

/** The agency a case was opened in, per its record (older records: the row's own). */
export const recordedAgencyOf = (c: CaseRow, events: Event[]) => {
  const opened = events.find((e) => e.type === 'case.opened');
  return typeof opened?.payload.agencyId === 'string' ? opened.payload.agencyId : c.agencyId;
};

/**
 * The case row: its registration from `case.opened`, its state (step, status, dates, facts) from
 * the steps completed and the file transferred — an archived case set back to open is named.
 */
export function checkCaseRow(c: CaseRow, events: Event[], problem: Report): void {
  const opened = events.find((e) => e.type === 'case.opened');
  if (!opened) return; // the chain check has already named the missing first event
  const p = opened.payload;
  const registration: Record<string, unknown> = {
    ...carried(p, { agencyId: 'agencyId', registerNumber: 'registerNumber', procedure: 'procedure', title: 'title', sourceType: 'source', sourceDetail: 'sourceDetail', parentCaseId: 'parentCaseId' }),
    powerItemId: (p.powerItem as { id?: string } | undefined)?.id ?? null,
    openedAt: opened.at,
    createdBy: opened.actorUserId,
    ...(isProcedure(String(p.procedure)) ? { category: procedureOf(String(p.procedure)).category } : {}),
  };
  const changed = differing(registration, c);
  if (changed.length) problem({ kind: 'case_altered', caseId: c.id, detail: changed.join(', ') });

  const state: Record<string, unknown> = { step: p.state, status: 'open', closedAt: null, archivedAt: null };
  let facts: CaseFacts = {};
  for (const row of events) {
    const e = caseEventOf(row);
    if (e?.type === 'step.completed') {
      state.step = e.payload.to;
      const def = isProcedure(String(p.procedure)) ? procedureOf(String(p.procedure)).steps.find((d) => d.id === e.payload.step) : undefined;
      facts = withStep(facts, e.payload.step, e.at, e.payload.data, def?.roundsKept === true);
      if (e.payload.to === CLOSED) Object.assign(state, { status: 'closed', closedAt: e.at });
    }
    if (e?.type === 'case.file_transferred') Object.assign(state, { status: 'archived', archivedAt: e.at });
  }
  state.facts = facts;
  const changedState = differing(state, c);
  if (changedState.length) problem({ kind: 'case_state_altered', caseId: c.id, detail: changedState.join(', ') });
}

/** Parties (append-only) against `case.opened`: each named there, with the same identity hash. */
export async function checkParties(db: Db, c: CaseRow, events: Event[], problem: Report): Promise<void> {
  const opened = events.find((e) => e.type === 'case.opened');
  const recorded = new Map(((opened?.payload.parties ?? []) as Payload[]).map((p) => [String(p.id), p]));
  for (const row of await db.select().from(caseParties).where(eq(caseParties.caseId, c.id))) {
    const p = recorded.get(row.id);
    if (!p) {
      problem({ kind: 'party_unrecorded', caseId: c.id, id: row.id });
      continue;
    }
    recorded.delete(row.id);
    const changed = differing(carried(p, { kind: 'kind', name: 'name', creditCode: 'creditCode' }), row);
    if ('identityHash' in p && p.identityHash !== partyIdentityHash(row)) changed.push('identity');
    if (changed.length) problem({ kind: 'party_altered', caseId: c.id, id: row.id, detail: changed.join(', ') });
  }
  if (opened) for (const id of recorded.keys()) problem({ kind: 'party_missing', caseId: c.id, id });
}

/** Officers against the last step that formed the group (the `set_officers` effect). */
export async function checkOfficers(db: Db, c: CaseRow, events: Event[], problem: Report): Promise<void> {
  if (!isProcedure(c.procedure)) return;
  const procedure = procedureOf(c.procedure);
  const formed = events.filter((e) => e.type === 'step.completed' && procedure.steps.find((s) => s.id === e.payload.step)?.effect === 'set_officers').at(-1);
  const expected = new Set(((formed?.payload.data as Payload | undefined)?.officers as { personId: string; role: string }[] | undefined ?? []).map((o) => `${o.personId}:${o.role}`));
  const actual = new Set((await db.select().from(caseOfficers).where(eq(caseOfficers.caseId, c.id))).map((o) => `${o.personId}:${o.role}`));
  const removed = [...expected].filter((o) => !actual.has(o));
  const added = [...actual].filter((o) => !expected.has(o));
  if (removed.length || added.length)
    problem({ kind: 'officers_altered', caseId: c.id, detail: [...removed.map((o) => `missing ${o}`), ...added.map((o) => `not recorded ${o}`)].join(', ') });
}

/** The columns of an evidence row that differ from its `evidence.added` event. */
export function evidenceDifferences(row: typeof evidence.$inferSelect, added: Event, agencyId: string): string[] {
  const p = added.payload;
  const expected = {
    ...carried(p, {
      sha256: 'sha256', sm3: 'sm3', size: 'size', contentType: 'contentType', kind: 'kind', title: 'title', step: 'step', capturedAt: 'capturedAt',
      capturedBy: 'capturedBy', deviceId: 'deviceId', location: 'location', originalName: 'originalName', uploadedBy: 'uploadedBy',
      supplementary: 'supplementary', confidentiality: 'confidentiality', late: 'late', lateReason: 'lateReason',
    }),
    storageKey: contentKey(String(p.sha256)),
    uploadedAt: added.at,
    agencyId,
  };
  return differing(expected, row);
}

/** The columns of a document row that differ from its `document.issued` event. */
export function documentDifferences(row: typeof documents.$inferSelect, issued: Event, agencyId: string): string[] {
  const p = issued.payload;
  const expected = {
    ...carried(p, { docType: 'docType', number: 'number', year: 'year', serial: 'serial', step: 'step', signatureSha256: 'signatureSha256', refusalReason: 'refusalReason' }),
    issuedAt: issued.at,
    issuedBy: issued.actorUserId,
    agencyId,
  };
  const changed = differing(expected, row);
  if (p.fieldsHash !== documentFieldsHash(row.fields)) changed.unshift('fields');
  return changed;
}

/** R9 requests: each row as its access.requested / opinion_given / decided events left it. */
export async function checkAccessRequests(db: Db, c: CaseRow, events: Event[], agencyId: string, problem: Report): Promise<void> {
  const expected = new Map<string, Record<string, unknown>>();
  for (const event of events) {
    const e = caseEventOf(event);
    if (!e || !e.type.startsWith('access.')) continue;
    if (e.type === 'access.requested') {
      const p = e.payload;
      expected.set(p.requestId, {
        caseId: c.id, agencyId, requesterKind: p.requesterKind, requesterName: p.requesterName, purpose: p.purpose, mode: p.mode,
        requesterUserId: p.requesterKind === 'staff' ? e.actorUserId : null, status: 'pending', requestedAt: e.at,
        divisionOpinion: null, divisionOpinionBy: null, divisionOpinionAt: null, decidedBy: null, decidedAt: null, decisionNote: null, validFrom: null, validUntil: null,
      });
    }
    if (e.type === 'access.opinion_given') {
      const p = e.payload;
      const row = expected.get(p.requestId);
      if (!row) continue;
      Object.assign(row, { status: p.status, divisionOpinion: p.opinion, divisionOpinionBy: e.actorUserId, divisionOpinionAt: e.at });
      if (p.status === 'approved')
        Object.assign(row, { decidedBy: e.actorUserId, decidedAt: e.at, validFrom: e.at, validUntil: p.validUntil ?? new Date(e.at.getTime() + OPINION_GRANT_DAYS * DAY_MS) });
    }
    if (e.type === 'access.decided') {
      const p = e.payload;
      const row = expected.get(p.requestId);
      if (!row) continue;
      Object.assign(row, { status: p.approve ? 'approved' : 'rejected', decidedBy: e.actorUserId, decidedAt: e.at, decisionNote: p.note ?? null });
      if (p.approve) Object.assign(row, { validFrom: e.at, validUntil: p.validUntil });
    }
  }
  for (const row of await db.select().from(accessRequests).where(eq(accessRequests.caseId, c.id))) {
    const want = expected.get(row.id);
    if (!want) {
      problem({ kind: 'access_request_unrecorded', caseId: c.id, id: row.id });
      continue;
    }
    expected.delete(row.id);
    const changed = differing(want, row);
    if (changed.length) problem({ kind: 'access_request_altered', caseId: c.id, id: row.id, detail: changed.join(', ') });
  }
  for (const id of expected.keys()) problem({ kind: 'access_request_missing', caseId: c.id, id });
}

/** The 卷宗 row against `case.file_compiled` (catalogue hash) and `case.file_transferred`. */
export async function checkCaseFile(db: Db, c: CaseRow, events: Event[], problem: Report): Promise<void> {
  const compiled = events.find((e) => e.type === 'case.file_compiled');
  const transferred = events.find((e) => e.type === 'case.file_transferred');
  const [row] = await db.select().from(caseFiles).where(eq(caseFiles.caseId, c.id));
  if (!row && !compiled) return;
  if (!row || !compiled) {
    problem({ kind: 'case_file_altered', caseId: c.id, detail: row ? 'not recorded' : 'missing' });
    return;
  }
  const changed = differing(
    { compiledAt: compiled.at, compiledBy: compiled.actorUserId, transferredAt: transferred?.at ?? null, transferredBy: transferred?.actorUserId ?? null },
    row,
  );
  if (compiled.payload.catalogueHash !== sha256Hex(canonicalize(row.catalogue) ?? '')) changed.unshift('catalogue');
  if (changed.length) problem({ kind: 'case_file_altered', caseId: c.id, detail: changed.join(', ') });
}
