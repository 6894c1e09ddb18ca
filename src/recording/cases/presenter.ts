import { z } from 'zod';
import type { Actor } from '../../accounts/roles.js';
import type { AgencyRef } from '../../accounts/scope.js';
import type { WorkingDayCalendar } from '../../calendar/working-days.js';
import { maskIdNumber } from '../../organisation/check-digits.js';
import { enforcementCategory, ENFORCEMENT_CATEGORIES } from '../../platform/http/schemas.js';
import { mayReadEvidence } from '../evidence/access.js';
import { docTypeOf } from '../documents/library.js';
import type { caseEvents, caseParties, documents, powerItems, Confidentiality } from '../tables.js';
import { procedureOf } from '../workflows/procedures/index.js';
import type { ClockOverride, Procedure } from '../workflows/types.js';
import { timeLimitsSchema, type TimeLimits } from './clock-overrides.js';
import { caseClocks } from './clocks.js';
import type { CaseRow } from './load.js';

/**
 * What the case API returns. Every field is named here, one by one: a column added to a table
 * leaves the building only when someone adds it to a presenter on purpose. A natural person's ID
 * number leaves only masked (test/openapi-responses.test.ts sweeps every case response for it).
 */

const isoDay = z.string().describe('YYYY-MM-DD (China date)');
const isoTime = z.string().describe('ISO 8601 timestamp');
const PHASES = ['initiation', 'investigation', 'decision', 'service_execution', 'closing'] as const;
const CASE_STATUSES = ['open', 'closed', 'archived'] as const;
const CASE_SOURCES = ['plan', 'complaint', 'referral', 'assignment', 'random_draw', 'application', 'on_site'] as const;
const PARTY_KINDS = ['natural_person', 'legal_person', 'other_organisation'] as const;
const CLOCK_KINDS = ['agency_deadline', 'party_window'] as const;
const CLOCK_UNITS = ['working_days', 'calendar_days', 'hours'] as const;
const clockEventOut = z
  .union([z.string(), z.object({ step: z.string(), date: z.string() })])
  .describe("'opened', 'received' (the day the case source was received), a step's first completion, or the date a step recorded in its data field `date` (served on, received on)");
/** Free-form on purpose: the description says what it holds and why it has no fixed shape. */
const freeForm = (why: string) => z.record(z.string(), z.unknown()).describe(why);

export const clockOut = z.object({
  id: z.string(),
  zh: z.string(),
  en: z.string(),
  kind: z
    .enum(CLOCK_KINDS)
    .describe('agency_deadline: the agency must act by the deadline (overdue is its failure); party_window: the time the party has to act (open or closed)'),
  basis: z.string().describe('the law and article the time limit comes from'),
  unit: z.enum(CLOCK_UNITS),
  amount: z.number().int().describe('the period counted: the statutory one, the one a decision set within it, or the power item’s'),
  extendedBy: z.number().int().describe('units added by an extension granted before the deadline (0 when none or granted too late)'),
  excluded: z.number().int().describe('units left out of the count by pauses the law allows (许可法第四十五条, 行政强制法第二十五条第三款)'),
  startedOn: z.string().describe('the day counting starts from (the event the law names, e.g. service on the party); YYYY-MM-DDTHH:mm China time for an hours clock'),
  deadline: z.string().describe('the last day of the limit or window (YYYY-MM-DD); the last minute for an hours clock (YYYY-MM-DDTHH:mm, China time)'),
  provisional: z.boolean().describe('a year the deadline depends on has no holiday notice loaded: counted on the statutory days off (weekends and the public holidays), subject to the notice'),
  status: z
    .enum(['running', 'due_soon', 'overdue', 'met', 'met_late', 'open', 'closed', 'paused'])
    .describe('an agency deadline: running, due_soon, overdue, met, met_late; a party window: open or closed; either: paused while a period the law leaves out runs'),
  metOn: z.string().nullable().describe('the day a step that meets the deadline (or closes the window early) was completed'),
});

/** A clock event as the procedure description shows it (a copy, never the table's own object). */
const eventOut = <E extends string | { step: string; date: string }>(e: E): string | { step: string; date: string } =>
  typeof e === 'string' ? e : { step: e.step, date: e.date };

export const caseSummaryOut = z.object({
  id: z.uuid(),
  registerNumber: z.string(),
  title: z.string(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  procedure: z.string(),
  procedureName: z.string(),
  category: enforcementCategory,
  step: z.string(),
  stepName: z.string(),
  status: z.enum(CASE_STATUSES),
  openedAt: isoTime,
  closedAt: isoTime.nullable(),
  archivedAt: isoTime.nullable(),
  clocks: z.array(clockOut),
});
export type CaseSummaryOut = z.infer<typeof caseSummaryOut>;

/** One line of a case list: the case with its statutory clocks on `now`. */
export function presentCaseSummary(
  row: CaseRow,
  agencyName: string,
  calendar: WorkingDayCalendar,
  now: Date,
  /** The case's power item's own periods (./clock-overrides.ts). */
  overrides: ReadonlyMap<string, ClockOverride> = new Map(),
): CaseSummaryOut {
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
    clocks: caseClocks(p, row, calendar, now, overrides),
  };
}

export const nextStepOut = z.object({
  id: z.string(),
  zh: z.string(),
  en: z.string(),
  phase: z.enum(PHASES),
  to: z.string(),
  documents: z.array(z.object({ docType: z.string(), zh: z.string(), needsSignature: z.boolean(), conditional: z.boolean() })),
  av: z.boolean().describe('audio/video recording required at this step (R3)'),
  permitted: z.boolean().describe('whether you may complete it (role, and not an approval of your own proposal)'),
  doneBy: z.enum(['officers', 'leader']).describe('who does it: the case officers (case.work) or the agency leader (case.approve)'),
  forYou: z.boolean().describe('whether your role does it in this agency; permitted may still be false (an approval of your own proposal)'),
  blocked: z
    .object({ code: z.string(), details: freeForm('the details of the refusal the step would meet, as in an error body').nullable() })
    .nullable()
    .describe('why it cannot be done now (a time window, a prerequisite), or null'),
});
export type NextStepOut = z.infer<typeof nextStepOut>;

export const partyOut = z.object({
  id: z.uuid(),
  kind: z.enum(PARTY_KINDS),
  name: z.string(),
  idNumberMasked: z.string().nullable().describe('身份证号码（脱敏）; the full number is never returned'),
  creditCode: z.string().nullable(),
  legalRepresentative: z.string().nullable(),
  address: z.string().nullable(),
});

/** A party as staff see it: the ID number masked, the phone not shown. */
export function presentParty(p: typeof caseParties.$inferSelect): z.infer<typeof partyOut> {
  return {
    id: p.id,
    kind: p.kind,
    name: p.name,
    idNumberMasked: p.idNumber ? maskIdNumber(p.idNumber) : null,
    creditCode: p.creditCode,
    legalRepresentative: p.legalRepresentative,
    address: p.address,
  };
}

export const caseOfficerOut = z.object({
  personId: z.uuid(),
  role: z.enum(['leader', 'member']),
  name: z.string(),
  certificateNumber: z.string().nullable(),
});

type OfficerRow = { personId: string; role: 'leader' | 'member'; name: string; certificateNumber: string | null };
export const presentCaseOfficer = (o: OfficerRow): z.infer<typeof caseOfficerOut> => ({ personId: o.personId, role: o.role, name: o.name, certificateNumber: o.certificateNumber });

export const caseDocumentOut = z.object({
  id: z.uuid(),
  docType: z.string(),
  zh: z.string(),
  number: z.string().nullable(),
  step: z.string(),
  issuedAt: isoTime,
  signed: z.boolean(),
  refusalReason: z.string().nullable(),
});

export function presentCaseDocument(d: typeof documents.$inferSelect): z.infer<typeof caseDocumentOut> {
  return {
    id: d.id,
    docType: d.docType,
    zh: docTypeOf(d.docType).zh,
    number: d.number,
    step: d.step,
    issuedAt: d.issuedAt.toISOString(),
    signed: d.signatureSha256 !== null,
    refusalReason: d.refusalReason,
  };
}

export const caseEventOut = z.object({
  seq: z.number(),
  at: isoTime,
  actorLabel: z.string(),
  type: z.string(),
  payload: freeForm('the event’s recorded payload (confidential evidence reduced to a restricted stub, R10); its hash is in the chain'),
  hash: z.string(),
});

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

export function presentCaseEvent(e: typeof caseEvents.$inferSelect, actor: Actor, agency: AgencyRef): z.infer<typeof caseEventOut> {
  return { seq: e.seq, at: e.at.toISOString(), actorLabel: e.actorLabel, type: e.type, payload: redactEvidencePayload(e.type, e.payload, actor, agency), hash: e.hash };
}

export const caseDetailOut = caseSummaryOut.extend({
  powerItem: z.object({ id: z.uuid(), code: z.string(), name: z.string(), legalBasis: z.string() }).nullable(),
  source: z.enum(CASE_SOURCES).nullable(),
  sourceDetail: z
    .object({ provider: z.string().optional(), content: z.string().optional(), receivedOn: z.string().optional() })
    .describe('R4: the provider, content and date of the case source'),
  parentCaseId: z.uuid().nullable(),
  parties: z.array(partyOut),
  officers: z.array(caseOfficerOut),
  states: z.array(z.object({ id: z.string(), zh: z.string(), en: z.string() })),
  nextSteps: z.array(nextStepOut),
  documents: z.array(caseDocumentOut),
  timeline: z.array(caseEventOut),
  chain: z.object({ headSeq: z.number(), headHash: z.string() }),
});
export type CaseDetailOut = z.infer<typeof caseDetailOut>;

/** The source as recorded at opening (R4), field by field. */
export function presentSourceDetail(detail: Record<string, unknown>): CaseDetailOut['sourceDetail'] {
  const pick = (key: string) => (typeof detail[key] === 'string' ? { [key]: detail[key] as string } : {});
  return { ...pick('provider'), ...pick('content'), ...pick('receivedOn') };
}

export const stepResultOut = caseDetailOut.extend({
  issuedDocuments: z.array(z.object({ id: z.uuid(), docType: z.string(), number: z.string().nullable() })),
  referredCaseId: z.uuid().nullable().describe('the penalty case opened by a referral step'),
  provisionalDates: z
    .array(z.object({ guard: z.string(), date: isoDay }))
    .describe('dates the step’s checks relied on that were counted without a year’s holiday notice (provisional; also recorded in the step’s data as calendarProvisional)'),
});

const procedureStepOut = z.object({
  id: z.string(),
  zh: z.string(),
  en: z.string(),
  phase: z.enum(PHASES),
  from: z.array(z.string()),
  to: z.string(),
  documents: z.array(z.string()),
  conditionalDocuments: z.array(z.object({ docType: z.string(), when: z.string() })),
  av: z.boolean(),
  permission: z.string(),
  guards: z.array(z.string()),
  requires: z.array(z.string()),
  data: freeForm('JSON Schema (draft 2020-12) of the step’s form, from which the web app renders it'),
});

export const procedureOut = z.object({
  id: z.string(),
  category: z.enum(ENFORCEMENT_CATEGORIES),
  zh: z.string(),
  en: z.string(),
  initial: z.string(),
  states: z.record(z.string(), z.object({ zh: z.string(), en: z.string() })),
  steps: z.array(procedureStepOut),
  clocks: z.array(
    z.object({
      id: z.string(),
      zh: z.string(),
      en: z.string(),
      kind: z.enum(CLOCK_KINDS),
      basis: z.string(),
      startsAt: clockEventOut,
      stopsAt: z.array(clockEventOut),
      amount: z.number().describe('the statutory period, or its maximum where setBy names the decision that sets it'),
      unit: z.enum(CLOCK_UNITS),
      setBy: z.object({ step: z.string(), field: z.string() }).optional(),
      pauses: z.object({ start: z.object({ step: z.string(), date: z.string() }), end: z.object({ step: z.string(), date: z.string() }) }).optional(),
      lastDayOff: z
        .enum(['next_working_day', 'keep'])
        .optional()
        .describe('calendar-day limits: whether a last day that is a day off moves to the next working day or is kept'),
      extension: z.object({ step: z.string(), max: z.number(), field: z.string().optional() }).optional(),
      deemedStart: z
        .object({ whenMissed: z.string(), from: clockEventOut })
        .optional()
        .describe('the clock starts from `from` once the clock `whenMissed` is overdue or met late (许可法第三十二条: deemed accepted from the day of receipt)'),
    }),
  ),
});

/** A transitions table as the web app reads it (step forms as JSON Schema). */
export function presentProcedure(p: Procedure): z.infer<typeof procedureOut> {
  return {
    id: p.id,
    category: p.category,
    zh: p.zh,
    en: p.en,
    initial: p.initial,
    states: Object.fromEntries(Object.entries(p.states).map(([id, s]) => [id, { zh: s.zh, en: s.en }])),
    steps: p.steps.map((s) => ({
      id: s.id,
      zh: s.zh,
      en: s.en,
      phase: s.phase,
      from: [...s.from],
      to: s.to,
      documents: [...s.documents],
      conditionalDocuments: (s.conditionalDocuments ?? []).map((c) => ({ docType: c.docType, when: c.when })),
      av: s.av,
      permission: s.permission ?? 'case.work',
      guards: [...(s.guards ?? [])],
      requires: [...(s.requires ?? [])],
      data: z.toJSONSchema(s.data, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>,
    })),
    clocks: p.clocks.map((c) => ({
      id: c.id,
      zh: c.zh,
      en: c.en,
      kind: c.kind,
      basis: c.basis,
      startsAt: eventOut(c.startsAt),
      stopsAt: c.stopsAt.map(eventOut),
      amount: c.amount,
      unit: c.unit,
      ...(c.unit === 'calendar_days' ? { lastDayOff: c.lastDayOff } : {}),
      ...(c.setBy ? { setBy: { step: c.setBy.step, field: c.setBy.field } } : {}),
      ...(c.pauses ? { pauses: { start: { step: c.pauses.start.step, date: c.pauses.start.date }, end: { step: c.pauses.end.step, date: c.pauses.end.date } } } : {}),
      ...(c.extension ? { extension: { step: c.extension.step, max: c.extension.max, ...(c.extension.field ? { field: c.extension.field } : {}) } } : {}),
      ...(c.deemedStart ? { deemedStart: { whenMissed: c.deemedStart.whenMissed, from: eventOut(c.deemedStart.from) } } : {}),
    })),
  };
}

export const powerItemOut = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  code: z.string(),
  name: z.string(),
  category: enforcementCategory,
  legalBasis: z.string(),
  divisionId: z.uuid().nullable(),
  timeLimits: timeLimitsSchema,
});

export function presentPowerItem(r: typeof powerItems.$inferSelect): z.infer<typeof powerItemOut> {
  const timeLimits = timeLimitsSchema.safeParse(r.timeLimits);
  return {
    id: r.id, agencyId: r.agencyId, code: r.code, name: r.name, category: r.category, legalBasis: r.legalBasis, divisionId: r.divisionId,
    timeLimits: timeLimits.success ? (timeLimits.data as TimeLimits) : {},
  };
}

export const avListItemOut = z.object({
  procedure: z.string(),
  procedureName: z.string(),
  step: z.string(),
  stepName: z.string(),
  default: z.boolean().describe('the procedure’s default'),
  required: z.boolean().describe('what applies in this agency'),
  overridden: z.boolean(),
});
