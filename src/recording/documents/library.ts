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
 * - Code characters: 罚 decision, 罚告 prior notice, 听告 hearing notice, 听通 hearing summons, 当罚 on-the-spot decision,
 *   检通 inspection notice, 现告 on-site notice, 准许/不许 licence grant/refusal, 受 acceptance,
 *   补告 one-time notice of missing materials, 强 seizure/detention (行政强制), 强延/强检/强解 its extension,
 *   testing-period notice and release, 冻通/冻/冻延/冻解 the freezing flow's notice to the bank, decision,
 *   extension and release, 征 levy, 催 the reminder before enforcement (行政强制法第三十五条),
 *   登保 the notice of evidence registered and preserved (行政处罚法第五十六条). They follow
 *   the common practice of one or two characters naming the act, and are unique within an agency
 *   so two types never share a number sequence's prefix.
 *
 * Signatures (R4): 现场告知书, 检查(勘验)笔录, 询问笔录, 听证笔录, 当场行政处罚决定书 and 送达回证
 * are signed by the party (or the person questioned / the recipient); when they refuse, the refusal
 * and its reason are recorded instead (SIGNATURE_OR_REFUSAL_REQUIRED otherwise).
 * The party's own waivers (放弃陈述申辩声明, 放弃听证声明) are made only by its signature: a refusal
 * to sign is no waiver (PARTY_SIGNATURE_REQUIRED).
 */
import type { z } from 'zod';
import { AppError, fieldIssue, fieldIssueOf } from '../../platform/errors.js';
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
  /**
   * The party's own statement (a waiver, 行政处罚法第六十二条 "明确放弃"): only the party's signature
   * makes it one — a refusal to sign is no statement (PARTY_SIGNATURE_REQUIRED).
   */
  partyStatement?: boolean;
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
  // Issue 9: the party's own signed waivers (行政处罚法第六十二条, 第六十三条) — the party's statements,
  // not the agency's, so unnumbered — and the 听证通知书 served 7 working days before the hearing (第六十四条（二）).
  statement_waiver: def({ id: 'statement_waiver', zh: '放弃陈述申辩声明', en: 'Waiver of statement and defence', phase: 'decision', numbered: false, code: null, needsSignature: true, partyStatement: true, fields: f.statementWaiverFields }),
  hearing_waiver: def({ id: 'hearing_waiver', zh: '放弃听证声明', en: 'Waiver of the hearing', phase: 'decision', numbered: false, code: null, needsSignature: true, partyStatement: true, fields: f.hearingWaiverFields }),
  hearing_summons: def({ id: 'hearing_summons', zh: '听证通知书', en: 'Hearing summons', phase: 'decision', numbered: true, code: '听通', needsSignature: false, fields: f.hearingSummonsFields }),
  seizure_extension_decision: def({ id: 'seizure_extension_decision', zh: '延长查封（扣押）期限决定书', en: 'Decision extending a seizure', phase: 'investigation', numbered: true, code: '强延', needsSignature: false, fields: f.seizureExtensionDecisionFields }),
  testing_period_notice: def({ id: 'testing_period_notice', zh: '检测（检验、检疫、技术鉴定）期间告知书', en: 'Notice of the testing period', phase: 'investigation', numbered: true, code: '强检', needsSignature: false, fields: f.testingPeriodNoticeFields }),
  seizure_release: def({ id: 'seizure_release', zh: '解除查封（扣押）决定书', en: 'Decision lifting a seizure', phase: 'decision', numbered: true, code: '强解', needsSignature: false, fields: f.seizureReleaseFields }),
  freeze_notice: def({ id: 'freeze_notice', zh: '冻结通知书', en: 'Freeze notice (to the bank)', phase: 'investigation', numbered: true, code: '冻通', needsSignature: false, fields: f.freezeNoticeFields }),
  freeze_decision: def({ id: 'freeze_decision', zh: '冻结决定书', en: 'Freeze decision', phase: 'investigation', numbered: true, code: '冻', needsSignature: false, fields: f.freezeDecisionFields }),
  freeze_extension_decision: def({ id: 'freeze_extension_decision', zh: '延长冻结期限决定书', en: 'Decision extending a freeze', phase: 'investigation', numbered: true, code: '冻延', needsSignature: false, fields: f.freezeExtensionDecisionFields }),
  unfreeze_decision: def({ id: 'unfreeze_decision', zh: '解除冻结决定书', en: 'Decision lifting a freeze', phase: 'decision', numbered: true, code: '冻解', needsSignature: false, fields: f.unfreezeDecisionFields }),
  non_acceptance_decision: def({ id: 'non_acceptance_decision', zh: '不予受理决定书', en: 'Decision not to accept an application', phase: 'initiation', numbered: true, code: '不受', needsSignature: false, fields: f.nonAcceptanceDecisionFields }),
  extension_notice: def({ id: 'extension_notice', zh: '延长行政许可期限告知书', en: 'Notice of an extended time limit', phase: 'investigation', numbered: true, code: '延告', needsSignature: false, fields: f.extensionNoticeFields }),
  excluded_time_notice: def({ id: 'excluded_time_notice', zh: '行政许可所需时间告知书', en: 'Notice of time not counted (hearing, testing, expert review…)', phase: 'investigation', numbered: true, code: '时告', needsSignature: false, fields: f.excludedTimeNoticeFields }),
  licence_hearing_rights_notice: def({ id: 'licence_hearing_rights_notice', zh: '行政许可听证告知书', en: 'Notice of the right to a licensing hearing', phase: 'investigation', numbered: true, code: '许听告', needsSignature: false, fields: f.licenceHearingRightsNoticeFields }),
  licence_hearing_notice: def({ id: 'licence_hearing_notice', zh: '行政许可听证通知书', en: 'Licensing hearing notice', phase: 'investigation', numbered: true, code: '许听通', needsSignature: false, fields: f.licenceHearingNoticeFields }),
  // 行政强制法第三十五条 (the written 催告, before the court is applied to, 第五十四条) and 行政处罚法第五十六条
  // (the 先行登记保存通知书 with the list of the items).
  enforcement_reminder: def({ id: 'enforcement_reminder', zh: '催告书', en: 'Reminder to perform (before enforcement)', phase: 'service_execution', numbered: true, code: '催', needsSignature: false, fields: f.enforcementReminderFields }),
  preservation_notice: def({ id: 'preservation_notice', zh: '先行登记保存通知书', en: 'Notice of evidence registered and preserved', phase: 'investigation', numbered: true, code: '登保', needsSignature: false, fields: f.preservationNoticeFields }),
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
  throw new AppError('VALIDATION_FAILED', parsed.error.issues.map((i) => fieldIssueOf(i, fields, prefix)));
}
