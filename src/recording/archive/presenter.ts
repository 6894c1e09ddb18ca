import { z } from 'zod';
import type { WorkingDayCalendar } from '../../calendar/working-days.js';
import { chinaDate } from '../../platform/clock.js';
import { caseSummaryOut } from '../cases/presenter.js';
import type { CaseRow } from '../cases/load.js';
import type { caseFiles } from '../tables.js';
import type { AccessRequestRow, accessRequestCan } from './access-requests.js';
import { compileDeadline, transferDeadline, type archiveDue } from './archive.js';

/**
 * What the archive API returns (R8, R9): case files, archive deadlines, the to-do list and access
 * requests. Every field is named here; nothing reaches a client by being a column.
 */

const isoDay = z.string().describe('YYYY-MM-DD (China date)');
const isoTime = z.string().describe('ISO 8601 timestamp');

export const catalogueEntryOut = z.object({
  no: z.number(),
  title: z.string(),
  kind: z.enum(['document', 'evidence']),
  ref: z.uuid().describe('the document or evidence item'),
  number: z.string().nullable(),
  date: isoDay,
});

export const caseFileOut = z.object({
  caseId: z.uuid(),
  status: z.enum(['open', 'closed', 'archived']),
  closedOn: isoDay.nullable(),
  compileBy: isoDay.nullable().describe('R8: 30 days after closing'),
  transferBy: isoDay.nullable().describe('R8: 30 July or 31 January'),
  compiledAt: isoTime.nullable(),
  transferredAt: isoTime.nullable(),
  catalogue: z.array(catalogueEntryOut).describe('卷内目录, empty until compiled'),
});

/** A case's file (卷宗) with its deadlines; `file` is null until compiled. */
export function presentCaseFile(kase: Pick<CaseRow, 'id' | 'status' | 'closedAt'>, file: typeof caseFiles.$inferSelect | undefined, calendar: WorkingDayCalendar): z.infer<typeof caseFileOut> {
  const closedOn = kase.closedAt ? chinaDate(kase.closedAt) : null;
  return {
    caseId: kase.id,
    status: kase.status,
    closedOn,
    compileBy: closedOn ? compileDeadline(calendar, closedOn).date : null,
    transferBy: closedOn ? transferDeadline(closedOn) : null,
    compiledAt: file?.compiledAt.toISOString() ?? null,
    transferredAt: file?.transferredAt?.toISOString() ?? null,
    catalogue: (file?.catalogue ?? []).map((e) => ({ no: e.no, title: e.title, kind: e.kind, ref: e.ref, number: e.number ?? null, date: e.date })),
  };
}

export const archiveDueOut = z.object({
  caseId: z.uuid(),
  agencyId: z.uuid(),
  registerNumber: z.string(),
  title: z.string(),
  closedOn: isoDay,
  task: z.enum(['compile', 'transfer']),
  deadline: isoDay,
  provisional: z.boolean(),
  status: z.enum(['due', 'due_soon', 'overdue']),
});

export function presentArchiveDue(d: Awaited<ReturnType<typeof archiveDue>>[number]): z.infer<typeof archiveDueOut> {
  return {
    caseId: d.caseId,
    agencyId: d.agencyId,
    registerNumber: d.registerNumber,
    title: d.title,
    closedOn: d.closedOn,
    task: d.task,
    deadline: d.deadline,
    provisional: d.provisional,
    status: d.status,
  };
}

export const todoOut = z.object({
  cases: z.array(caseSummaryOut.extend({ urgency: z.number().describe('of the agency deadlines: 0 overdue, 1 due soon, 2 running, 3 none running (party windows never count)') })).describe('most urgent first'),
  archive: z.array(archiveDueOut),
});

export const accessRequestOut = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  requesterKind: z.enum(['party', 'staff']),
  requesterName: z.string(),
  purpose: z.string(),
  mode: z.enum(['read', 'copy']),
  status: z.enum(['pending', 'opinion_given', 'approved', 'rejected']),
  requestedAt: isoTime,
  divisionOpinion: z.string().nullable(),
  divisionOpinionAt: isoTime.nullable(),
  decisionNote: z.string().nullable(),
  decidedAt: isoTime.nullable(),
  validFrom: isoTime.nullable(),
  validUntil: isoTime.nullable(),
});

export const accessRequestWithCanOut = accessRequestOut.extend({
  can: z.object({ giveOpinion: z.boolean(), decide: z.boolean(), use: z.boolean() }).describe('what you may do next (never with your own request)'),
});

export function presentAccessRequest(r: AccessRequestRow): z.infer<typeof accessRequestOut> {
  return {
    id: r.id,
    caseId: r.caseId,
    requesterKind: r.requesterKind,
    requesterName: r.requesterName,
    purpose: r.purpose,
    mode: r.mode,
    status: r.status,
    requestedAt: r.requestedAt.toISOString(),
    divisionOpinion: r.divisionOpinion,
    divisionOpinionAt: r.divisionOpinionAt?.toISOString() ?? null,
    decisionNote: r.decisionNote,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    validFrom: r.validFrom?.toISOString() ?? null,
    validUntil: r.validUntil?.toISOString() ?? null,
  };
}

export const presentAccessRequestWithCan = (r: AccessRequestRow, can: ReturnType<typeof accessRequestCan>): z.infer<typeof accessRequestWithCanOut> => ({
  ...presentAccessRequest(r),
  can: { giveOpinion: can.giveOpinion, decide: can.decide, use: can.use },
});
