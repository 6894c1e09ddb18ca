import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../accounts/roles.js';
import type { AuditContext } from '../../audit/record.js';
import type { WorkingDayCalendar } from '../../calendar/working-days.js';
import { chinaDate } from '../../platform/clock.js';
import type { Tx } from '../../platform/db/database.js';
import { appendCaseEvent, sha256Hex } from '../chain.js';
import { deadlineAfter } from '../cases/clocks.js';
import { loadCaseFor } from '../cases/load.js';
import { docTypeOf } from '../documents/library.js';
import { caseEvents, caseFiles, cases, documents, evidence, type CatalogueEntry } from '../tables.js';
import canonicalize from 'canonicalize';
import { caseFileLifecycle, caseFileState } from './lifecycles.js';

/** R8: a case file is compiled within 30 days after the act ends. */
export const COMPILE_WITHIN_DAYS = 30;

/**
 * R8: files closed in the first half-year go to the archive office by 30 July, the second half by
 * 31 January of the next year.
 */
export function transferDeadline(closedOn: string): string {
  const year = Number(closedOn.slice(0, 4));
  return Number(closedOn.slice(5, 7)) <= 6 ? `${year}-07-30` : `${year + 1}-01-31`;
}

/** The last day to compile the file of a case closed on `closedOn` (30 calendar days, extended past a holiday). */
export function compileDeadline(calendar: WorkingDayCalendar, closedOn: string) {
  return deadlineAfter(calendar, closedOn, COMPILE_WITHIN_DAYS, 'calendar_days');
}

/** The 卷内目录: documents and evidence in the order the case record received them. */
async function buildCatalogue(tx: Tx, caseId: string): Promise<CatalogueEntry[]> {
  const docs = new Map((await tx.select().from(documents).where(eq(documents.caseId, caseId))).map((d) => [d.id, d]));
  const items = new Map((await tx.select().from(evidence).where(eq(evidence.caseId, caseId))).map((e) => [e.id, e]));
  const events = await tx
    .select({ type: caseEvents.type, payload: caseEvents.payload })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseId), inArray(caseEvents.type, ['document.issued', 'evidence.added'])))
    .orderBy(asc(caseEvents.seq));
  const entries: Omit<CatalogueEntry, 'no'>[] = [];
  for (const e of events) {
    const d = e.type === 'document.issued' ? docs.get(String(e.payload.documentId)) : undefined;
    if (d) entries.push({ title: docTypeOf(d.docType).zh, kind: 'document', ref: d.id, number: d.number, date: chinaDate(d.issuedAt) });
    const x = e.type === 'evidence.added' ? items.get(String(e.payload.evidenceId)) : undefined;
    if (x) entries.push({ title: x.title, kind: 'evidence', ref: x.id, number: null, date: chinaDate(x.capturedAt) });
  }
  return entries.map((e, i) => ({ no: i + 1, ...e }));
}

/** Compiles a closed case into its case file (卷宗) with a catalogue (R8). */
export async function compileCaseFile(tx: Tx, ctx: AuditContext, actor: Actor, caseId: string) {
  const kase = await loadCaseFor(tx, actor, caseId, 'archive.manage', { lock: true });
  const [existing] = await tx.select().from(caseFiles).where(eq(caseFiles.caseId, caseId));
  caseFileLifecycle.assertTransition(caseFileState(kase.status, existing), 'compile');
  const catalogue = await buildCatalogue(tx, caseId);
  const [row] = await tx.insert(caseFiles).values({ caseId, compiledAt: ctx.now, compiledBy: actor.userId, catalogue }).returning();
  await appendCaseEvent(tx, ctx, caseId, {
    type: 'case.file_compiled',
    payload: { entries: catalogue.length, catalogueHash: sha256Hex(canonicalize(catalogue) ?? '') },
  });
  return row!;
}

/** Hands the compiled file to the archive office; the case becomes read-only (archived). */
export async function transferCaseFile(tx: Tx, ctx: AuditContext, actor: Actor, caseId: string) {
  const kase = await loadCaseFor(tx, actor, caseId, 'archive.manage', { lock: true });
  const [file] = await tx.select().from(caseFiles).where(eq(caseFiles.caseId, caseId));
  caseFileLifecycle.assertTransition(caseFileState(kase.status, file), 'transfer');
  await tx.update(caseFiles).set({ transferredAt: ctx.now, transferredBy: actor.userId }).where(eq(caseFiles.caseId, caseId));
  await tx.update(cases).set({ status: 'archived', archivedAt: ctx.now }).where(eq(cases.id, caseId));
  await appendCaseEvent(tx, ctx, caseId, { type: 'case.file_transferred', payload: {} });
}

/** Material that arrives after archiving is added as a supplementary record, never into the file itself. */
export async function addSupplement(tx: Tx, ctx: AuditContext, actor: Actor, caseId: string, input: { note: string }) {
  const kase = await loadCaseFor(tx, actor, caseId, 'case.work', { lock: true });
  const [file] = await tx.select().from(caseFiles).where(eq(caseFiles.caseId, caseId));
  caseFileLifecycle.assertTransition(caseFileState(kase.status, file), 'addSupplement');
  return appendCaseEvent(tx, ctx, caseId, { type: 'case.supplement_added', payload: { note: input.note } });
}

export type ArchiveDueStatus = 'due' | 'due_soon' | 'overdue';

/**
 * Closed cases whose file is not yet compiled (30 days), and compiled files not yet transferred
 * (30 July / 31 January), with their deadlines, for the agency's to-do list and the dashboard.
 */
export async function archiveDue(tx: Tx, scope: ReturnType<typeof sql> | undefined, calendar: WorkingDayCalendar, now: Date) {
  const today = chinaDate(now);
  const rows = await tx
    .select({ id: cases.id, agencyId: cases.agencyId, registerNumber: cases.registerNumber, title: cases.title, closedAt: cases.closedAt, compiledAt: caseFiles.compiledAt })
    .from(cases)
    .leftJoin(caseFiles, eq(caseFiles.caseId, cases.id))
    .where(and(eq(cases.status, 'closed'), isNull(caseFiles.transferredAt), scope))
    .orderBy(asc(cases.closedAt));
  return rows.map((r) => {
    const closedOn = chinaDate(r.closedAt!);
    const task = r.compiledAt ? ('transfer' as const) : ('compile' as const);
    const { date: deadline, provisional } = task === 'compile' ? compileDeadline(calendar, closedOn) : { date: transferDeadline(closedOn), provisional: false };
    const status: ArchiveDueStatus = today > deadline ? 'overdue' : calendar.addCalendarDays(today, 7) >= deadline ? 'due_soon' : 'due';
    return { caseId: r.id, agencyId: r.agencyId, registerNumber: r.registerNumber, title: r.title, closedOn, task, deadline, provisional, status };
  });
}
