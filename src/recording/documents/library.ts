/**
 * 统一执法文书库 — the uniform enforcement document library (R2, R6).
 *
 * Every document the system issues is one of the types below. A type fixes its Chinese title, the
 * fields an officer fills in (a Zod schema, ./fields.ts), whether the party must sign it, and
 * whether it carries a number.
 *
 * Numbering (R6, ./numbering.ts)
 * - A numbered document gets `${机关文书简称}${文号代字}〔${year}〕${serial}号`, e.g. 楚工信罚〔2026〕3号:
 *   the agency's abbreviation (agencies.doc_abbreviation, set by its administrator), the type's code
 *   character(s) below, the year of issue in China time, and a serial.
 * - Serials run 1, 2, 3… per agency, per document type, per year, with no gaps and no duplicates:
 *   the number is taken from document_counters inside the issuing transaction, so a rolled-back
 *   issue gives its number back and concurrent issuers wait for each other on the counter row.
 * - Documents delivered to the party or to the public are numbered (行政处罚法 Art. 52 requires the
 *   on-the-spot decision to be "编有号码"). Internal forms (立案审批表, 调查终结报告, 结案报告), the
 *   笔录 and the 送达回证 are not: they are identified by the case register number (and a 送达回证
 *   names the numbers of the documents it served), which is how most provincial document sets
 *   (e.g. 市场监督管理行政处罚文书格式范本) treat them.
 * - Code characters: 罚 decision, 罚告 prior notice, 听告 hearing notice, 当罚 on-the-spot decision,
 *   检通 inspection notice, 现告 on-site notice, 准许/不许 licence grant/refusal, 受 acceptance,
 *   补告 one-time notice of missing materials, 强 seizure/detention (行政强制), 征 levy. They follow
 *   the common practice of one or two characters naming the act, and are unique within an agency
 *   so two types never share a number sequence's prefix.
 *
 * Signatures (R4): 现场告知书, 检查(勘验)笔录, 询问笔录, 听证笔录, 当场行政处罚决定书 and 送达回证
 * are signed by the party (or the person questioned / the recipient); when they refuse, the refusal
 * and its reason are recorded instead (SIGNATURE_OR_REFUSAL_REQUIRED otherwise).
 */
import type { z } from 'zod';
import { AppError, fieldIssue, type FieldIssue } from '../../platform/errors.js';
import { fieldIssueMessages, type FieldIssueCode } from '../../i18n/errors.js';
import * as f from './fields.js';

/** Which phase of R1 a document belongs to (for the case file catalogue and the UI). */
export type DocumentPhase = 'initiation' | 'investigation' | 'decision' | 'service_execution' | 'closing';

export interface DocTypeDef<S extends z.ZodType = z.ZodType> {
  /** snake_case English id; stored in documents.doc_type and document_counters.doc_type. */
  id: string;
  /** The document's title as printed. */
  zh: string;
  en: string;
  phase: DocumentPhase;
  /** Whether the document carries a number; when true, `code` is its 文号 code character(s). */
  numbered: boolean;
  code: string | null;
  /** The party (person questioned, recipient) signs, or the refusal and its reason are recorded. */
  needsSignature: boolean;
  /** The content an officer types. */
  fields: S;
}

const def = <S extends z.ZodType>(d: DocTypeDef<S>) => d;

/** The library, keyed by id. */
export const DOC_TYPES = {
  case_filing_approval: def({ id: 'case_filing_approval', zh: '立案审批表', en: 'Case filing approval form', phase: 'initiation', numbered: false, code: null, needsSignature: false, fields: f.caseFilingApprovalFields }),
  inspection_notice: def({ id: 'inspection_notice', zh: '检查通知书', en: 'Inspection notice', phase: 'initiation', numbered: true, code: '检通', needsSignature: false, fields: f.inspectionNoticeFields }),
  on_site_notice: def({ id: 'on_site_notice', zh: '执法检查现场告知书', en: 'On-site inspection notice', phase: 'investigation', numbered: true, code: '现告', needsSignature: true, fields: f.onSiteNoticeFields }),
  inspection_record: def({ id: 'inspection_record', zh: '检查（勘验）笔录', en: 'Inspection (survey) record', phase: 'investigation', numbered: false, code: null, needsSignature: true, fields: f.inspectionRecordFields }),
  questioning_record: def({ id: 'questioning_record', zh: '询问笔录', en: 'Questioning record', phase: 'investigation', numbered: false, code: null, needsSignature: true, fields: f.questioningRecordFields }),
  investigation_report: def({ id: 'investigation_report', zh: '调查终结报告', en: 'Investigation report', phase: 'investigation', numbered: false, code: null, needsSignature: false, fields: f.investigationReportFields }),
  penalty_prior_notice: def({ id: 'penalty_prior_notice', zh: '行政处罚事先告知书', en: 'Prior notice of administrative penalty', phase: 'decision', numbered: true, code: '罚告', needsSignature: false, fields: f.penaltyPriorNoticeFields }),
  hearing_notice: def({ id: 'hearing_notice', zh: '听证告知书', en: 'Hearing notice', phase: 'decision', numbered: true, code: '听告', needsSignature: false, fields: f.hearingNoticeFields }),
  hearing_record: def({ id: 'hearing_record', zh: '听证笔录', en: 'Hearing record', phase: 'decision', numbered: false, code: null, needsSignature: true, fields: f.hearingRecordFields }),
  penalty_decision: def({ id: 'penalty_decision', zh: '行政处罚决定书', en: 'Administrative penalty decision', phase: 'decision', numbered: true, code: '罚', needsSignature: false, fields: f.penaltyDecisionFields }),
  on_the_spot_penalty_decision: def({ id: 'on_the_spot_penalty_decision', zh: '当场行政处罚决定书', en: 'On-the-spot penalty decision', phase: 'decision', numbered: true, code: '当罚', needsSignature: true, fields: f.onTheSpotPenaltyDecisionFields }),
  licence_refusal: def({ id: 'licence_refusal', zh: '不予行政许可决定书', en: 'Licence refusal decision', phase: 'decision', numbered: true, code: '不许', needsSignature: false, fields: f.licenceRefusalFields }),
  licence_grant: def({ id: 'licence_grant', zh: '准予行政许可决定书', en: 'Licence grant decision', phase: 'decision', numbered: true, code: '准许', needsSignature: false, fields: f.licenceGrantFields }),
  service_receipt: def({ id: 'service_receipt', zh: '送达回证', en: 'Service receipt', phase: 'service_execution', numbered: false, code: null, needsSignature: true, fields: f.serviceReceiptFields }),
  closing_report: def({ id: 'closing_report', zh: '结案报告', en: 'Case closing report', phase: 'closing', numbered: false, code: null, needsSignature: false, fields: f.closingReportFields }),
  acceptance_notice: def({ id: 'acceptance_notice', zh: '受理通知书', en: 'Notice of acceptance', phase: 'initiation', numbered: true, code: '受', needsSignature: false, fields: f.acceptanceNoticeFields }),
  missing_materials_notice: def({ id: 'missing_materials_notice', zh: '补正材料一次性告知书', en: 'One-time notice of missing materials', phase: 'initiation', numbered: true, code: '补告', needsSignature: false, fields: f.missingMaterialsNoticeFields }),
  seizure_decision: def({ id: 'seizure_decision', zh: '查封（扣押）决定书', en: 'Seizure / detention decision', phase: 'investigation', numbered: true, code: '强', needsSignature: false, fields: f.seizureDecisionFields }),
  levy_decision: def({ id: 'levy_decision', zh: '征收决定书', en: 'Levy decision', phase: 'decision', numbered: true, code: '征', needsSignature: false, fields: f.levyDecisionFields }),
  non_acceptance_decision: def({ id: 'non_acceptance_decision', zh: '不予受理决定书', en: 'Decision not to accept an application', phase: 'initiation', numbered: true, code: '不受', needsSignature: false, fields: f.nonAcceptanceDecisionFields }),
  extension_notice: def({ id: 'extension_notice', zh: '延长行政许可期限告知书', en: 'Notice of an extended time limit', phase: 'investigation', numbered: true, code: '延告', needsSignature: false, fields: f.extensionNoticeFields }),
  excluded_time_notice: def({ id: 'excluded_time_notice', zh: '行政许可所需时间告知书', en: 'Notice of time not counted (hearing, testing, expert review…)', phase: 'investigation', numbered: true, code: '时告', needsSignature: false, fields: f.excludedTimeNoticeFields }),
  licence_hearing_rights_notice: def({ id: 'licence_hearing_rights_notice', zh: '行政许可听证告知书', en: 'Notice of the right to a licensing hearing', phase: 'investigation', numbered: true, code: '许听告', needsSignature: false, fields: f.licenceHearingRightsNoticeFields }),
  licence_hearing_notice: def({ id: 'licence_hearing_notice', zh: '行政许可听证通知书', en: 'Licensing hearing notice', phase: 'investigation', numbered: true, code: '许听通', needsSignature: false, fields: f.licenceHearingNoticeFields }),
} as const satisfies Record<string, DocTypeDef>;

export type DocTypeId = keyof typeof DOC_TYPES;
/** The fields of one document type, after parsing (defaults filled in). */
export type DocFields<T extends DocTypeId> = z.output<(typeof DOC_TYPES)[T]['fields']>;

/** Every id in the library (the transitions tables are checked against it at start-up). */
export const DOC_TYPE_IDS: ReadonlySet<string> = new Set(Object.keys(DOC_TYPES));

export const isDocTypeId = (id: string): id is DocTypeId => Object.hasOwn(DOC_TYPES, id);

/**
 * The definition of a document type. An unknown id is the caller's bad input: VALIDATION_FAILED
 * naming `field` (e.g. "documents.0.docType").
 */
export function docTypeOf(id: string, field = 'docType'): DocTypeDef {
  if (!isDocTypeId(id)) throw new AppError('VALIDATION_FAILED', [fieldIssue(field, 'invalid_value')]);
  return DOC_TYPES[id];
}

/**
 * Validates the officer's fields of a document against its type's schema and returns them with
 * defaults filled in, or throws VALIDATION_FAILED naming each bad field (`${prefix}.${path}`).
 */
export function parseDocumentFields(docType: string, fields: unknown, prefix = 'fields'): Record<string, unknown> {
  const parsed = docTypeOf(docType).fields.safeParse(fields);
  if (parsed.success) return parsed.data as Record<string, unknown>;
  const issues: FieldIssue[] = parsed.error.issues.map((i) => {
    const field = [prefix, ...i.path.map(String)].filter(Boolean).join('.');
    const missing = i.code === 'invalid_type' && i.message.includes('undefined');
    const code = missing ? 'required' : i.code === 'too_small' || i.code === 'too_big' || i.code === 'unrecognized_keys' || i.code === 'invalid_format' ? i.code : 'invalid_value';
    if (i.code !== 'custom') return fieldIssue(field, code);
    // Shared refinements (platform/http/schemas.ts) name a field-issue code with its messages.
    const named = (i as { params?: { code?: string } }).params?.code;
    if (named && Object.hasOwn(fieldIssueMessages, named)) return fieldIssue(field, named as FieldIssueCode);
    // Refinements carry their own bilingual message, "中文 / English".
    const [zh, en = zh] = i.message.split(' / ');
    return { ...fieldIssue(field, 'custom'), message: zh!, messageEn: en };
  });
  throw new AppError('VALIDATION_FAILED', issues);
}
