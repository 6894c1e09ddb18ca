import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../accounts/roles.js';
import { agencyScopeCondition, allowed, loadAgencyRef, type AgencyRef } from '../../accounts/scope.js';
import { mayReadEvidence } from '../evidence/access.js';
import type { WorkingDayCalendar } from '../../calendar/working-days.js';
import { maskIdNumber } from '../../organisation/check-digits.js';
import { agencies, people } from '../../organisation/tables.js';
import type { Db, Tx } from '../../platform/db/database.js';
import type { AppError } from '../../platform/errors.js';
import { docTypeOf } from '../documents/library.js';
import { recordingPolicy } from '../policy.js';
import { caseEvents, caseOfficers, caseParties, cases, documents, powerItems, type Confidentiality } from '../tables.js';
import { procedureOf } from '../workflows/procedures.js';
import { caseClocks, type ClockView } from './clocks.js';
import { avRequired } from './complete-step.js';
import { checkGuards } from './guards.js';
import type { CaseRow } from './load.js';
import { selfApprovalRefusal } from './separation.js';

export interface NextStep extends Record<string, unknown> {
  id: string;
  zh: string;
  en: string;
  phase: string;
  to: string;
  documents: { docType: string; zh: string; needsSignature: boolean; conditional: boolean }[];
  av: boolean;
  /** Whether this user may complete it (role, and not an approval of their own proposal). */
  permitted: boolean;
  /** Why it cannot be done now (a time window, a prerequisite, the user's own proposal), or null. */
  blocked: { code: string; details: Record<string, unknown> | null } | null;
}

/** The legal next steps from the case's state, as the UI shows them (it never guesses). */
export async function nextSteps(tx: Tx | Db, actor: Actor, kase: CaseRow, now: Date, calendar: WorkingDayCalendar): Promise<NextStep[]> {
  if (kase.status !== 'open') return [];
  const procedure = procedureOf(kase.procedure);
  const agency = await loadAgencyRef(tx, kase.agencyId);
  const out: NextStep[] = [];
  for (const step of procedure.steps.filter((s) => s.from.includes(kase.step))) {
    let blocked: NextStep['blocked'] = null;
    try {
      const failure: AppError | null = await checkGuards({ tx: tx as Tx, kase, step, data: null, now, calendar }, { withData: false });
      if (failure) blocked = { code: failure.code, details: failure.details ?? null };
    } catch (error) {
      blocked = { code: (error as { code?: string }).code ?? 'CALENDAR_YEAR_NOT_LOADED', details: null };
    }
    // Separation of duties first: the proposer cannot approve, whatever else holds.
    const ownProposal = await selfApprovalRefusal(tx, actor, kase, step);
    if (ownProposal) blocked = { code: ownProposal.code, details: ownProposal.details ?? null };
    const doc = (docType: string, conditional: boolean) => {
      const def = docTypeOf(docType);
      return { docType, zh: def.zh, needsSignature: def.needsSignature, conditional };
    };
    out.push({
      id: step.id,
      zh: step.zh,
      en: step.en,
      phase: step.phase,
      to: step.to,
      documents: [...step.documents.map((d) => doc(d, false)), ...(step.conditionalDocuments ?? []).map((c) => doc(c.docType, true))],
      av: await avRequired(tx as Tx, kase.agencyId, procedure, step),
      permitted: allowed(recordingPolicy, actor, step.permission ?? 'case.work', agency) && !ownProposal,
      blocked,
    });
  }
  return out;
}

/**
 * A confidential item's title and place stay out of the timeline for users who may not open it
 * (R10); the hash is still shown, so the chain can be checked without the content.
 */
function redactEvidencePayload(type: string, payload: Record<string, unknown>, actor: Actor, agency: AgencyRef): Record<string, unknown> {
  if (type !== 'evidence.added') return payload;
  const confidentiality = (payload.confidentiality ?? 'none') as Confidentiality;
  if (mayReadEvidence(actor, { confidentiality }, agency)) return payload;
  return { evidenceId: payload.evidenceId, kind: payload.kind, step: payload.step, confidentiality, late: payload.late, restricted: true };
}

export interface CaseSummary extends Record<string, unknown> {
  id: string;
  registerNumber: string;
  title: string;
  agencyId: string;
  agencyName: string;
  procedure: string;
  procedureName: string;
  category: string;
  step: string;
  stepName: string;
  status: string;
  openedAt: string;
  closedAt: string | null;
  archivedAt: string | null;
  clocks: ClockView[];
}

export function summarise(row: CaseRow, agencyName: string, calendar: WorkingDayCalendar, now: Date): CaseSummary {
  const p = procedureOf(row.procedure);
  return {
    id: row.id,
    registerNumber: row.registerNumber,
    title: row.title,
    agencyId: row.agencyId,
    agencyName,
    procedure: p.id,
    procedureName: p.zh,
    category: row.category,
    step: row.step,
    stepName: p.states[row.step]?.zh ?? row.step,
    status: row.status,
    openedAt: row.openedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    clocks: caseClocks(p, row, calendar, now),
  };
}

/** Cases in the actor's scope, newest first; `mine` = cases where the user's person is an officer. */
export async function listCases(
  db: Db,
  actor: Actor,
  filter: { status?: string; procedure?: string; mine?: boolean; q?: string; limit: number; offset: number },
) {
  const conds: (SQL | undefined)[] = [agencyScopeCondition(actor, cases.agencyId)];
  if (filter.status) conds.push(eq(cases.status, filter.status as CaseRow['status']));
  if (filter.procedure) conds.push(eq(cases.procedure, filter.procedure));
  if (filter.q) conds.push(sql`(${cases.title} ilike ${'%' + filter.q.replace(/[\\%_]/g, '\\$&') + '%'} or ${cases.registerNumber} = ${filter.q})`);
  if (filter.mine)
    conds.push(sql`exists (select 1 from case_officers o join users u on u.person_id = o.person_id where o.case_id = cases.id and u.id = ${actor.userId})`);
  const where = and(...conds);
  const rows = await db
    .select({ c: cases, agencyName: agencies.name })
    .from(cases)
    .innerJoin(agencies, eq(agencies.id, cases.agencyId))
    .where(where)
    .orderBy(desc(cases.openedAt), desc(cases.registerNumber))
    .limit(filter.limit)
    .offset(filter.offset);
  const [{ total }] = (await db.select({ total: sql<number>`count(*)::int` }).from(cases).where(where)) as [{ total: number }];
  return { rows, total: Number(total) };
}

/** Everything the case page shows. */
export async function caseDetail(tx: Tx, actor: Actor, kase: CaseRow, now: Date, calendar: WorkingDayCalendar) {
  const [agency] = await tx.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, kase.agencyId));
  const [item] = kase.powerItemId ? await tx.select().from(powerItems).where(eq(powerItems.id, kase.powerItemId)) : [];
  const parties = await tx.select().from(caseParties).where(eq(caseParties.caseId, kase.id)).orderBy(asc(caseParties.name));
  const officers = await tx
    .select({ personId: caseOfficers.personId, role: caseOfficers.role, name: people.name, certificateNumber: people.certificateNumber })
    .from(caseOfficers)
    .innerJoin(people, eq(people.id, caseOfficers.personId))
    .where(eq(caseOfficers.caseId, kase.id))
    .orderBy(desc(caseOfficers.role), asc(people.name));
  const docs = await tx.select().from(documents).where(eq(documents.caseId, kase.id)).orderBy(asc(documents.issuedAt));
  const events = await tx.select().from(caseEvents).where(eq(caseEvents.caseId, kase.id)).orderBy(asc(caseEvents.seq));
  const procedure = procedureOf(kase.procedure);
  const agencyRef = await loadAgencyRef(tx, kase.agencyId);
  return {
    ...summarise(kase, agency?.name ?? '', calendar, now),
    powerItem: item ? { id: item.id, code: item.code, name: item.name, legalBasis: item.legalBasis } : null,
    source: kase.sourceType,
    sourceDetail: kase.sourceDetail,
    parentCaseId: kase.parentCaseId,
    parties: parties.map((p) => ({
      id: p.id,
      kind: p.kind,
      name: p.name,
      idNumberMasked: p.idNumber ? maskIdNumber(p.idNumber) : null,
      creditCode: p.creditCode,
      legalRepresentative: p.legalRepresentative,
      address: p.address,
    })),
    officers,
    states: Object.entries(procedure.states).map(([id, s]) => ({ id, zh: s.zh, en: s.en })),
    nextSteps: await nextSteps(tx, actor, kase, now, calendar),
    documents: docs.map((d) => ({
      id: d.id,
      docType: d.docType,
      zh: docTypeOf(d.docType).zh,
      number: d.number,
      step: d.step,
      issuedAt: d.issuedAt.toISOString(),
      signed: d.signatureSha256 !== null,
      refusalReason: d.refusalReason,
    })),
    timeline: events.map((e) => ({
      seq: e.seq,
      at: e.at.toISOString(),
      actorLabel: e.actorLabel,
      type: e.type,
      payload: redactEvidencePayload(e.type, e.payload, actor, agencyRef),
      hash: e.hash,
    })),
    chain: { headSeq: kase.headSeq, headHash: kase.headHash },
  };
}
