import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../accounts/roles.js';
import { agencyScopeCondition, allowed, loadAgencyRef } from '../../accounts/scope.js';
import type { WorkingDayCalendar } from '../../calendar/working-days.js';
import { agencies, people } from '../../organisation/tables.js';
import type { Db, Tx } from '../../platform/db/database.js';
import type { AppError } from '../../platform/errors.js';
import { docTypeOf } from '../documents/library.js';
import { recordingPolicy } from '../policy.js';
import { caseEvents, caseOfficers, caseParties, cases, documents, powerItems } from '../tables.js';
import { procedureOf } from '../workflows/procedures/index.js';
import { avRequired } from './complete-step.js';
import { checkGuards } from './guards.js';
import { overridesOf, overridesOfCase } from './clock-overrides.js';
import { asCaseRow, type CaseRow } from './load.js';
import { selfApprovalRefusal } from './separation.js';
import {
  presentCaseDocument,
  presentCaseEvent,
  presentCaseOfficer,
  presentCaseSummary,
  presentParty,
  presentSourceDetail,
  type CaseDetailOut,
  type NextStepOut,
} from './presenter.js';

/** The legal next steps from the case's state, as the UI shows them (it never guesses). */
export async function nextSteps(tx: Tx | Db, actor: Actor, kase: CaseRow, now: Date, calendar: WorkingDayCalendar): Promise<NextStepOut[]> {
  if (kase.status !== 'open') return [];
  const procedure = procedureOf(kase.procedure);
  const agency = await loadAgencyRef(tx, kase.agencyId);
  const clockOverrides = await overridesOfCase(tx, kase);
  const out: NextStepOut[] = [];
  for (const step of procedure.steps.filter((s) => s.from.includes(kase.step))) {
    let blocked: NextStepOut['blocked'] = null;
    try {
      const failure: AppError | null = await checkGuards({ tx: tx as Tx, kase, step, data: null, now, calendar, clockOverrides }, { withData: false });
      if (failure) blocked = { code: failure.code, details: failure.details ?? null };
    } catch (error) {
      blocked = { code: (error as { code?: string }).code ?? 'CALENDAR_YEAR_NOT_LOADED', details: null };
    }
    // Separation of duties first: the proposer cannot approve, whatever else holds.
    const ownProposal = await selfApprovalRefusal(tx, actor, kase, step);
    const forYou = allowed(recordingPolicy, actor, step.permission ?? 'case.work', agency);
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
      permitted: forYou && !ownProposal,
      doneBy: step.permission === 'case.approve' ? ('leader' as const) : ('officers' as const),
      forYou,
      blocked,
    });
  }
  return out;
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
  return { rows: rows.map((r) => ({ ...r, c: asCaseRow(r.c) })), total: Number(total) };
}

/** Everything the case page shows, through the presenters of ./presenter.ts. */
export async function caseDetail(tx: Tx, actor: Actor, kase: CaseRow, now: Date, calendar: WorkingDayCalendar): Promise<CaseDetailOut> {
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
    ...presentCaseSummary(kase, agency?.name ?? '', calendar, now, overridesOf(item?.timeLimits)),
    powerItem: item ? { id: item.id, code: item.code, name: item.name, legalBasis: item.legalBasis } : null,
    source: kase.sourceType,
    sourceDetail: presentSourceDetail(kase.sourceDetail),
    parentCaseId: kase.parentCaseId,
    parties: parties.map(presentParty),
    officers: officers.map(presentCaseOfficer),
    states: Object.entries(procedure.states).map(([id, s]) => ({ id, zh: s.zh, en: s.en })),
    nextSteps: await nextSteps(tx, actor, kase, now, calendar),
    documents: docs.map(presentCaseDocument),
    timeline: events.map((e) => presentCaseEvent(e, actor, agencyRef)),
    chain: { headSeq: kase.headSeq, headHash: kase.headHash },
  };
}
