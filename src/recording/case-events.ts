/**
 * The case-event catalogue: every kind of entry in a case record (R1, R11, R12), each with a
 * one-line meaning, the schema of its payload and its label in Chinese and English. The one place
 * for all four — `appendCaseEvent` checks payloads against it (chain.ts), `sanxiang verify` and
 * the readers parse stored payloads with it, and the staff app's labels come from it
 * (i18n/ui/cases.ts). A payload is what is hashed into the case's chain, so a field added here is
 * a field recorded for good: it must never carry a full ID number.
 *
 * Free of Node and database imports: the web app's UI strings import the labels from here.
 */
import type { z as Zod } from 'zod';
import { t, type Text } from '../i18n/ui/text.js';


/**
 * One event: what it means, its payload's schema, how the staff app names it. The schema is built
 * from the zod namespace it is handed (`payload(z)`), so this file uses zod only for types and the
 * web bundle, which imports the labels, carries no zod (about 30 kB gzipped).
 */
export interface EventDefinition<P extends Zod.ZodType = Zod.ZodType> {
  meaning: string;
  payload: (z: typeof Zod) => P;
  label: Text;
}

const event = <P extends Zod.ZodType>(meaning: string, label: Text, payload: (z: typeof Zod) => P): EventDefinition<P> => ({ meaning, label, payload });

export const caseEventCatalogue = {
  'case.opened': event(
    'the case was registered (立案/登记): its power item, procedure, source (R4) and parties — identity as a salted hash, never the ID number',
    t('登记案件', 'Case opened'),
    (z) => z.strictObject({
      agencyId: z.string(),
      registerNumber: z.string(),
      procedure: z.string(),
      powerItem: z.strictObject({ id: z.string(), code: z.string(), name: z.string(), legalBasis: z.string() }),
      title: z.string(),
      source: z.string(),
      sourceDetail: z.strictObject({ provider: z.string().optional(), content: z.string(), receivedOn: z.string().optional() }),
      parties: z.array(z.strictObject({ id: z.string(), kind: z.string(), name: z.string(), creditCode: z.string().nullable(), identityHash: z.string() })),
      parentCaseId: z.string().nullable(),
      state: z.string(),
    }),
  ),
  'step.completed': event(
    'a step of the procedure’s transitions table was completed, with its form data, the documents issued, the A/V evidence it relies on and the waivers given',
    t('办理步骤', 'Step completed'),
    (z) => z.strictObject({
      step: z.string(),
      from: z.string(),
      to: z.string(),
      data: z.record(z.string(), z.unknown()), // the step's form, as its procedure's step schema describes it
      documents: z.array(z.strictObject({ id: z.string(), docType: z.string(), number: z.string().nullable() })),
      evidence: z.array(z.string()),
      waivers: z.record(z.string(), z.string()),
    }),
  ),
  'document.issued': event(
    'a uniform document was made: its number, the hash of its fields and of the signature (or the refusal to sign)',
    t('制作文书', 'Document issued'),
    (z) => z.strictObject({
      documentId: z.string(),
      docType: z.string(),
      title: z.string(),
      number: z.string().nullable(),
      year: z.number().int().nullable(),
      serial: z.number().int().nullable(),
      step: z.string(),
      fieldsHash: z.string(),
      signatureSha256: z.string().nullable(),
      refusalReason: z.string().nullable(),
    }),
  ),
  'document.viewed': event('a document was rendered as .docx or PDF (chain of custody)', t('查看文书', 'Document viewed'), (z) => z.strictObject({ documentId: z.string(), format: z.enum(['docx', 'pdf']) })),
  'evidence.added': event(
    'an evidence item entered the record: both digests (SHA-256, SM3), who captured it with which device, and whether it came late (R3, R7, R10)',
    t('上传证据', 'Evidence added'),
    (z) => z.strictObject({
      evidenceId: z.string(),
      sha256: z.string(),
      sm3: z.string(),
      size: z.number().int(),
      contentType: z.string(),
      kind: z.string(),
      title: z.string(),
      step: z.string(),
      capturedAt: z.string(),
      capturedBy: z.string().nullable(),
      deviceId: z.string().nullable(),
      location: z.string().nullable(),
      originalName: z.string().nullable(),
      uploadedBy: z.string().nullable(),
      supplementary: z.boolean(),
      confidentiality: z.string(),
      late: z.boolean(),
      lateReason: z.string().nullable(),
      dueOn: z.string(),
      lateRule: z.enum(['calendar', 'statutory_days_off', 'weekdays']).describe("'weekdays' only in records made before issue 9"),
      warnings: z.array(z.string()),
      uploadId: z.string().optional(),
    }),
  ),
  'evidence.viewed': event('an evidence item’s metadata was displayed', t('查看证据', 'Evidence viewed'), (z) => z.strictObject({ evidenceId: z.string() })),
  'evidence.downloaded': event(
    'an evidence item’s bytes were streamed out (a byte range when one was asked for), recorded before the first byte',
    t('下载证据', 'Evidence downloaded'),
    (z) => z.strictObject({ evidenceId: z.string(), sha256: z.string(), range: z.string().optional() }),
  ),
  'case.viewed': event('the case page was opened', t('查阅案件', 'Case viewed'), (z) => z.strictObject({})),
  'case.file_compiled': event(
    'the closed case was compiled into its case file (卷宗) — the number of catalogue entries and the catalogue’s hash (R8)',
    t('立卷', 'Case file compiled'),
    (z) => z.strictObject({ entries: z.number().int(), catalogueHash: z.string() }),
  ),
  'case.file_transferred': event('the case file was handed to the archive office; the case became read-only', t('移交归档', 'Transferred to the archive'), (z) => z.strictObject({})),
  'case.supplement_added': event('material added to an archived case, beside the file rather than into it', t('补充材料', 'Supplement added'), (z) => z.strictObject({ note: z.string() })),
  'access.requested': event(
    'someone asked to read or copy the case file (查阅/复制, R9)',
    t('申请查阅', 'Access requested'),
    (z) => z.strictObject({ requestId: z.string(), requesterKind: z.enum(['party', 'staff']), requesterName: z.string(), purpose: z.string(), mode: z.enum(['read', 'copy']) }),
  ),
  'access.opinion_given': event(
    'the division head’s opinion on an access request — for a licensing file, the decision itself (R9)',
    t('科室负责人意见', 'Division head\'s opinion'),
    (z) => z.strictObject({ requestId: z.string(), agree: z.boolean(), opinion: z.string(), status: z.enum(['approved', 'rejected', 'opinion_given']), validUntil: z.string().nullable() }),
  ),
  'access.decided': event(
    'a leader approved or refused an access request, with the end of the grant (R9)',
    t('负责人审批查阅', 'Access decided'),
    (z) => z.strictObject({ requestId: z.string(), approve: z.boolean(), note: z.string().nullable(), validUntil: z.string().nullable() }),
  ),
  'access.used': event(
    'the holder of a grant read or copied the file',
    t('查阅/复制卷宗', 'File read or copied'),
    (z) => z.strictObject({ requestId: z.string(), requester: z.string(), action: z.enum(['read', 'copy']), note: z.string().optional() }),
  ),
} as const satisfies Record<string, EventDefinition>;

/** The name of a kind of case event. */
export type CaseEventType = keyof typeof caseEventCatalogue;
export const CASE_EVENT_TYPES = Object.keys(caseEventCatalogue) as CaseEventType[];

/** The payload of one kind of event, as written and as read back. */
export type CaseEventPayload<T extends CaseEventType> = Zod.infer<ReturnType<(typeof caseEventCatalogue)[T]['payload']>>;

/** One case event: its name and its payload, a union discriminated by `type`. */
export type CaseEvent = { [T in CaseEventType]: { type: T; payload: CaseEventPayload<T> } }[CaseEventType];

export const isCaseEventType = (type: string): type is CaseEventType => Object.hasOwn(caseEventCatalogue, type);

/** The labels of every case event, for the staff app ({ 'case.opened': { zh, en }, … }). */
export const caseEventLabels = Object.fromEntries(Object.entries(caseEventCatalogue).map(([type, e]) => [type, e.label])) as Record<CaseEventType, Text>;
