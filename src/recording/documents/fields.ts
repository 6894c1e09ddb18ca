import { z } from 'zod';
import { maskedIdNumber } from '../../platform/http/schemas.js';

/*
 * The content an officer types into each uniform document (R2, R6). Everything else on the page —
 * agency, number, case register number, parties, officers, date, signature — comes from the case.
 * Legal texts that every copy must carry (remedies, payment, rights) have defaults quoted from the
 * law, so an officer only overrides them for a special case. Sources: ../shared/laws/.
 */

const text = (max = 4000) => z.string().trim().min(1).max(max);
const optionalText = (max = 4000) => z.string().trim().max(max).optional();
/** An amount in yuan, to the fen. */
const yuan = () => z.number().nonnegative().lt(1e12).multipleOf(0.01);
/** A local date-time as typed ("2026-11-22T09:30", "2026-11-22T09:30:00+08:00"); shown as typed. */
const dateTime = () => z.union([z.iso.datetime({ offset: true }), z.iso.datetime({ local: true })]);
const date = () => z.iso.date();
const names = (min = 1) => z.array(text(50)).min(min).max(20);

/** 行政复议法 (2023) Art. 20 (60 days), 行政诉讼法 Art. 46 (6 months), 行政处罚法 Art. 73. */
export const DEFAULT_REMEDIES =
  '当事人如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，也可以自收到本决定书之日起六个月内依法向人民法院提起行政诉讼。申请行政复议或者提起行政诉讼期间，本决定不停止执行，法律另有规定的除外。';

/** 行政处罚法 Art. 67 (15 days, bank or electronic payment) and Art. 72 (3 % a day surcharge). */
export const DEFAULT_PAYMENT =
  '请自收到本决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚款。到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额。';

/** 行政处罚法 Arts. 44, 45 (statement and defence; no heavier penalty for defending oneself). */
export const DEFAULT_PRIOR_NOTICE_RIGHTS =
  '根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你（单位）享有陈述、申辩的权利，本机关不因你（单位）的陈述、申辩而给予更重的处罚。你（单位）可以自收到本告知书之日起五日内向本机关提出陈述、申辩；逾期未提出的，视为放弃上述权利。';

/** 行政处罚法 Art. 64 (hearing procedure). */
export const DEFAULT_HEARING_RIGHTS =
  '根据《中华人民共和国行政处罚法》第六十四条的规定：听证除涉及国家秘密、商业秘密或者个人隐私依法予以保密外，公开举行；你（单位）认为主持人与本案有直接利害关系的，有权申请回避；你（单位）可以亲自参加听证，也可以委托一至二人代理；无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利。';

/** R4: the party's rights and duties told on site (行政处罚法 Art. 55, 行政强制法 Art. 18). */
export const DEFAULT_ON_SITE_RIGHTS =
  '执法人员已向你（单位）出示执法证件。你（单位）有权核实执法人员身份；执法人员少于两人或者不出示执法证件的，有权拒绝检查；认为执法人员与本案有直接利害关系的，有权申请回避；有权进行陈述和申辩。你（单位）应当如实回答询问，协助检查，不得拒绝、阻挠，不得隐匿、销毁有关证据。';

/** 行政强制法 Arts. 24, 25: the decision names period, reasons and remedies. */
export const DEFAULT_SEIZURE_NOTE =
  '查封、扣押期限不超过三十日；情况复杂的，经本机关负责人批准，可以延长，但延长期限不超过三十日。对物品需要进行检测、检验、检疫或者技术鉴定的，查封、扣押的期间不包括检测、检验、检疫或者技术鉴定的期间。';

const remedies = () => text().default(DEFAULT_REMEDIES);

/** 立案审批表 */
export const caseFilingApprovalFields = z
  .object({
    caseSource: text(500),
    summary: text(),
    suspectedViolation: text(1000),
    reason: text(2000),
    handlerOpinion: text(1000),
    approverOpinion: optionalText(1000),
  })
  .strict();

/** 检查通知书 (R4: basis, time, content, procedure). */
export const inspectionNoticeFields = z
  .object({
    basis: text(1000),
    inspectionAt: dateTime(),
    content: text(),
    procedure: text(1000),
    materialsToPrepare: optionalText(1000),
    contact: optionalText(200),
  })
  .strict();

/** 执法检查现场告知书 */
export const onSiteNoticeFields = z
  .object({
    basis: text(1000),
    purpose: text(1000),
    rightsAndDuties: text().default(DEFAULT_ON_SITE_RIGHTS),
    certificatesShown: z.literal(true),
  })
  .strict();

const person = z
  .object({ name: text(50), role: text(100) })
  .strict();

/** 检查(勘验)笔录 (R4: time, place, content, officers, persons present, process, facts). */
export const inspectionRecordFields = z
  .object({
    startedAt: dateTime(),
    endedAt: dateTime(),
    place: text(300),
    recorder: text(50),
    presentPersons: z.array(person).max(20).default([]),
    content: text(1000),
    process: text(),
    findings: text(),
  })
  .strict();

/** 询问笔录 (R4: one person at a time, question and answer, read back). */
export const questioningRecordFields = z
  .object({
    startedAt: dateTime(),
    endedAt: dateTime(),
    place: text(300),
    questioners: names(2),
    recorder: text(50),
    interviewee: z
      .object({
        name: text(50),
        gender: z.enum(['male', 'female']).optional(),
        idNumberMasked: maskedIdNumber().optional(),
        position: optionalText(200),
        phone: optionalText(30),
        address: optionalText(300),
      })
      .strict(),
    qa: z
      .array(z.object({ question: text(2000), answer: text(4000) }).strict())
      .min(1)
      .max(200),
    readBackStatement: text(500).default('以上笔录我已看过（已向我宣读过），与我所说一致。'),
  })
  .strict();

/** 调查终结报告 */
export const investigationReportFields = z
  .object({
    facts: text(),
    evidence: z.array(text(500)).min(1).max(100),
    legalBasis: text(2000),
    discretion: optionalText(2000),
    proposal: text(2000),
    fineAmount: yuan().optional(),
  })
  .strict();

/** 行政处罚事先告知书 (行政处罚法 Art. 44). */
export const penaltyPriorNoticeFields = z
  .object({
    facts: text(),
    evidence: z.array(text(500)).min(1).max(100),
    legalBasis: text(2000),
    proposedPenalty: text(1000),
    fineAmount: yuan().optional(),
    rights: text().default(DEFAULT_PRIOR_NOTICE_RIGHTS),
    hearingRight: z.boolean().default(false),
    contact: optionalText(200),
  })
  .strict();

/** 听证告知书 / 听证通知 (行政处罚法 Art. 64: time and place 7 days ahead). */
export const hearingNoticeFields = z
  .object({
    hearingAt: dateTime(),
    place: text(300),
    host: text(50),
    isPublic: z.boolean().default(true),
    rights: text().default(DEFAULT_HEARING_RIGHTS),
    contact: optionalText(200),
  })
  .strict();

/** 听证笔录 */
export const hearingRecordFields = z
  .object({
    startedAt: dateTime(),
    endedAt: dateTime(),
    place: text(300),
    host: text(50),
    recorder: text(50),
    investigators: names(1),
    partyAttendees: names(1),
    agents: z.array(text(50)).max(2).default([]),
    isPublic: z.boolean(),
    investigatorStatement: text(),
    partyStatement: text(),
    crossExamination: optionalText(),
    finalStatement: optionalText(),
  })
  .strict();

/** 行政处罚决定书 (行政处罚法 Art. 59). */
export const penaltyDecisionFields = z
  .object({
    facts: text(),
    evidence: z.array(text(500)).min(1).max(100),
    legalBasis: text(2000),
    statementsAndReview: optionalText(),
    penalty: text(1000),
    fineAmount: yuan().optional(),
    payment: text().default(DEFAULT_PAYMENT),
    remedies: remedies(),
  })
  .strict();

/** 当场行政处罚决定书 (行政处罚法 Arts. 51, 52: conduct, kind and basis, amount, time, place, remedies). */
export const onTheSpotPenaltyDecisionFields = z
  .object({
    violation: text(2000),
    legalBasis: text(1000),
    penalty: z.enum(['warning', 'fine']),
    fineAmount: yuan().optional(),
    occurredAt: dateTime(),
    place: text(300),
    payment: text().default(DEFAULT_PAYMENT),
    remedies: remedies(),
  })
  .strict()
  .refine((f) => f.penalty === 'warning' || (f.fineAmount ?? 0) > 0, { path: ['fineAmount'], message: '罚款须填写罚款数额 / a fine needs its amount' });

/** 不予行政许可决定书 (行政许可法 Art. 38: reasons and remedies). */
export const licenceRefusalFields = z
  .object({
    licenceItem: text(300),
    appliedOn: date(),
    reasons: text(),
    legalBasis: text(2000),
    remedies: remedies(),
  })
  .strict();

/** 准予行政许可决定书 */
export const licenceGrantFields = z
  .object({
    licenceItem: text(300),
    appliedOn: date(),
    scope: text(2000),
    legalBasis: text(2000),
    validFrom: date().optional(),
    validUntil: date().optional(),
    certificateNumber: optionalText(100),
    conditions: optionalText(2000),
  })
  .strict();

/** 送达方式 */
export const SERVICE_METHODS: Record<z.infer<typeof serviceReceiptFields>['method'], string> = {
  in_person: '直接送达',
  left_at_residence: '留置送达',
  post: '邮寄送达',
  electronic: '电子送达',
  entrusted: '委托送达',
  public_notice: '公告送达',
};

/** 送达回证 (R2): which document, how, where, to whom; the recipient signs or refusal is noted. */
export const serviceReceiptFields = z
  .object({
    servedDocuments: z
      .array(z.object({ title: text(100), number: optionalText(100) }).strict())
      .min(1)
      .max(20),
    method: z.enum(['in_person', 'left_at_residence', 'post', 'electronic', 'entrusted', 'public_notice']),
    place: text(300),
    recipient: text(50),
    servedAt: dateTime(),
    witnesses: z.array(text(50)).max(5).default([]),
    notes: optionalText(1000),
  })
  .strict()
  .refine((f) => f.method !== 'left_at_residence' || f.witnesses.length > 0, {
    path: ['witnesses'],
    message: '留置送达须有见证人 / service by leaving needs a witness',
  });

/** 结案报告 */
export const closingReportFields = z
  .object({
    summary: text(),
    outcome: text(2000),
    execution: text(2000),
    closingReason: text(1000),
  })
  .strict();

/** 受理通知书 (行政许可法 Arts. 32, 42: 20 working days). */
export const acceptanceNoticeFields = z
  .object({
    licenceItem: text(300),
    receivedOn: date(),
    materials: z.array(text(300)).min(1).max(100),
    decisionDeadline: text(500).default('本机关将自受理之日起二十日内作出行政许可决定；二十日内不能作出决定的，经本机关负责人批准可以延长十日，并将延长期限的理由告知你（单位）。'),
    contact: optionalText(200),
  })
  .strict();

/** 一次性告知书 — everything missing, told once (行政许可法 Art. 32 (4)). */
export const missingMaterialsNoticeFields = z
  .object({
    licenceItem: text(300),
    receivedOn: date(),
    missing: z
      .array(z.object({ material: text(300), requirement: optionalText(1000) }).strict())
      .min(1)
      .max(100),
    supplementBy: date().optional(),
    contact: optionalText(200),
  })
  .strict();

/** 查封扣押决定书 (行政强制法 Art. 24). */
export const seizureDecisionFields = z
  .object({
    measure: z.enum(['seizure', 'detention']),
    facts: text(),
    legalBasis: text(2000),
    items: z
      .array(z.object({ name: text(200), quantity: text(100), specification: optionalText(200) }).strict())
      .min(1)
      .max(200),
    place: text(300),
    periodDays: z.number().int().min(1).max(30),
    note: text().default(DEFAULT_SEIZURE_NOTE),
    remedies: remedies(),
  })
  .strict();

/** 征收决定书 */
export const levyDecisionFields = z
  .object({
    levyItem: text(300),
    basis: text(2000),
    calculation: optionalText(2000),
    amount: yuan().refine((n) => n > 0, '征收金额须大于零 / the amount must be positive'),
    payBy: date(),
    payment: text(1000),
    remedies: remedies(),
  })
  .strict();

/** 放弃陈述申辩声明 (行政处罚法第六十二条 "当事人明确放弃陈述或者申辩权利的除外"): the party's own words, signed. */
export const DEFAULT_STATEMENT_WAIVER =
  '本人（单位）已收到行政处罚事先告知书，已知悉拟作出行政处罚的内容及事实、理由、依据，以及依法享有的陈述、申辩权利。现明确表示放弃陈述、申辩的权利。';
export const statementWaiverFields = z
  .object({
    priorNoticeNumber: optionalText(100),
    declaration: text(2000).default(DEFAULT_STATEMENT_WAIVER),
    declarant: text(50),
  })
  .strict();

/** 放弃听证声明 (行政处罚法第六十三条、第六十四条): waives the hearing only; the statement right stays. */
export const DEFAULT_HEARING_WAIVER =
  '本人（单位）已收到行政处罚事先告知书，已知悉依法享有要求听证的权利。现明确表示放弃要求听证的权利。本声明不影响本人（单位）陈述、申辩的权利。';
export const hearingWaiverFields = z
  .object({
    priorNoticeNumber: optionalText(100),
    declaration: text(2000).default(DEFAULT_HEARING_WAIVER),
    declarant: text(50),
  })
  .strict();

/** 听证通知书 (行政处罚法第六十四条（二）: time and place, served 7 working days ahead). */
export const hearingSummonsFields = hearingNoticeFields;

/*
 * 行政强制 documents after the seizure decision (行政强制法 Arts. 25, 28) and the freezing flow
 * (Arts. 30–33). Each states what the article requires it to tell the party or the bank.
 */

const coercionMeasure = z.enum(['seizure', 'detention']);
const seizedItems = z
  .array(z.object({ name: text(200), quantity: text(100), specification: optionalText(200) }).strict())
  .min(1)
  .max(200);
const frozenAccount = { bank: text(200), accountNumber: z.string().trim().regex(/^[0-9A-Za-z-]{6,40}$/), amount: yuan().refine((n) => n > 0, '冻结数额须大于零 / the amount must be positive') };

/** Art. 28(1)–(5) and Art. 33(1)–(5): the grounds for lifting a seizure or a freeze. */
export const RELEASE_GROUNDS = {
  no_violation: '当事人没有违法行为',
  unrelated: '与违法行为无关',
  decided: '对违法行为已经作出处理决定，不再需要采取措施',
  period_expired: '期限已经届满',
  no_longer_needed: '其他不再需要采取措施的情形',
} as const;
const releaseGround = z.enum(Object.keys(RELEASE_GROUNDS) as [keyof typeof RELEASE_GROUNDS, ...(keyof typeof RELEASE_GROUNDS)[]]);

/** An extension of a measure's period: the days approved (≤ 30) and the reason told (Arts. 25, 32). */
const extensionFields = {
  originalDecisionNumber: optionalText(100),
  originalLastDay: date(),
  extendedDays: z.number().int().min(1).max(30),
  newLastDay: date(),
  reason: text(2000),
  remedies: remedies(),
};
const laterLastDay = { path: ['newLastDay'], message: '延长后的届满日须晚于原届满日 / the new last day must come after the old one' };

/** 延长查封扣押期限决定书 (行政强制法 Art. 25: "延长查封、扣押的决定应当及时书面告知当事人，并说明理由"). */
export const seizureExtensionDecisionFields = z
  .object({ measure: coercionMeasure, ...extensionFields })
  .strict()
  .refine((f) => f.newLastDay > f.originalLastDay, laterLastDay);

/** 检测（检验、检疫、技术鉴定）期间告知书 (行政强制法 Art. 25(3): the period "应当明确，并书面告知当事人"). */
export const testingPeriodNoticeFields = z
  .object({
    measure: coercionMeasure,
    kind: z.enum(['testing', 'inspection', 'quarantine', 'appraisal']),
    items: seizedItems,
    institution: text(200),
    from: date(),
    until: date(),
    note: text().default('检测、检验、检疫或者技术鉴定的期间不计入查封、扣押期间，费用由本机关承担。'),
  })
  .strict()
  .refine((f) => f.until >= f.from, { path: ['until'], message: '结束日不得早于开始日 / the period cannot end before it starts' });

/** 解除查封扣押决定书 (行政强制法 Art. 28: a ground, and the property returned at once). */
export const seizureReleaseFields = z
  .object({
    measure: coercionMeasure,
    originalDecisionNumber: optionalText(100),
    ground: releaseGround,
    items: seizedItems,
    returnArrangement: text(1000).default('本机关将立即退还上述财物；已拍卖或者变卖的，退还拍卖或者变卖所得款项。'),
  })
  .strict();

/** 冻结通知书 — to the financial institution (行政强制法 Art. 30). */
export const freezeNoticeFields = z
  .object({ legalBasis: text(2000), ...frozenAccount, frozenFrom: date(), periodDays: z.number().int().min(1).max(30) })
  .strict();

/** 冻结决定书 (行政强制法 Art. 31(1)–(5)): reason, basis, period, account and amount, remedies. */
export const freezeDecisionFields = z
  .object({ facts: text(), legalBasis: text(2000), ...frozenAccount, frozenFrom: date(), periodDays: z.number().int().min(1).max(30), remedies: remedies() })
  .strict();

/** 延长冻结期限决定书 (行政强制法 Art. 32(2)). */
export const freezeExtensionDecisionFields = z
  .object({ bank: frozenAccount.bank, accountNumber: frozenAccount.accountNumber, ...extensionFields })
  .strict()
  .refine((f) => f.newLastDay > f.originalLastDay, laterLastDay);

/** 解除冻结决定书 (行政强制法 Art. 33: its ground; the bank and the party are told). */
export const unfreezeDecisionFields = z
  .object({ originalDecisionNumber: optionalText(100), ground: releaseGround, ...frozenAccount })
  .strict();

/** 不予受理决定书 (行政许可法第三十二条: "出具加盖本行政机关专用印章和注明日期的书面凭证"). */
export const nonAcceptanceDecisionFields = z
  .object({
    licenceItem: text(300),
    receivedOn: date(),
    reasons: text(),
    legalBasis: text(2000).default('《中华人民共和国行政许可法》第三十二条'),
    /** Art. 32(1)(2): the agency the applicant should apply to, where the matter is another's. */
    competentAgency: optionalText(300),
    remedies: remedies(),
  })
  .strict();

/** 延长行政许可期限告知书 (行政许可法第四十二条: "应当将延长期限的理由告知申请人"). */
export const extensionNoticeFields = z
  .object({
    licenceItem: text(300),
    acceptedOn: date(),
    days: z.number().int().min(1).max(15),
    reason: text(),
    newDeadline: date().optional(),
  })
  .strict();

/** 所需时间告知书 (行政许可法第四十五条: "行政机关应当将所需时间书面告知申请人"). */
export const excludedTimeNoticeFields = z
  .object({
    licenceItem: text(300),
    procedure: text(100),
    timeNeeded: text(200),
    reason: optionalText(2000),
  })
  .strict();

/** 行政许可听证告知书 (行政许可法第四十七条). */
export const licenceHearingRightsNoticeFields = z
  .object({
    licenceItem: text(300),
    reason: text(2000).default('该行政许可事项直接涉及申请人与他人之间重大利益关系'),
    contact: optionalText(200),
  })
  .strict();

/** 行政许可听证通知书 (行政许可法第四十八条第一款第（一）项). */
export const licenceHearingNoticeFields = z
  .object({
    licenceItem: text(300),
    hearingAt: dateTime(),
    place: text(300),
    host: text(50),
    contact: optionalText(200),
  })
  .strict();

/** 行政强制法第三十五条（四）、第三十六条: the party's right to state and defend, told in the 催告书. */
export const DEFAULT_REMINDER_RIGHTS =
  '根据《中华人民共和国行政强制法》第三十五条、第三十六条的规定，你（单位）收到本催告书后有权进行陈述和申辩。本机关将充分听取你（单位）的意见，对你（单位）提出的事实、理由和证据进行记录、复核；事实、理由或者证据成立的，本机关将予以采纳。';

/** 行政强制法第五十四条: what follows non-performance. */
export const DEFAULT_REMINDER_CONSEQUENCE =
  '本催告书送达十日后你（单位）仍未履行义务的，本机关将依照《中华人民共和国行政强制法》第五十三条、第五十四条的规定，向有管辖权的人民法院申请强制执行。';

/**
 * 催告书 (行政强制法第三十五条: "催告应当以书面形式作出，并载明下列事项：（一）履行义务的期限；（二）履行义务
 * 的方式；（三）涉及金钱给付的，应当有明确的金额和给付方式；（四）当事人依法享有的陈述权和申辩权").
 */
export const enforcementReminderFields = z
  .object({
    /** The decision whose obligation is not performed (its number, e.g. 楚工信罚〔2026〕3号). */
    decisionNumber: optionalText(100),
    obligation: text(2000),
    /** （一）履行义务的期限. */
    performBy: date(),
    /** （二）履行义务的方式. */
    manner: text(1000),
    /** （三）涉及金钱给付的: the amount and how to pay — both or neither. */
    amount: yuan().refine((n) => n > 0, '金额须大于零 / the amount must be positive').optional(),
    payment: optionalText(1000),
    /** （四）陈述权和申辩权. */
    rights: text().default(DEFAULT_REMINDER_RIGHTS),
    consequence: text().default(DEFAULT_REMINDER_CONSEQUENCE),
  })
  .strict()
  .refine((f) => f.amount === undefined || !!f.payment, { path: ['payment'], message: '涉及金钱给付的，应当载明给付方式 / a money obligation needs the manner of payment (行政强制法第三十五条（三）)' })
  .refine((f) => f.payment === undefined || f.amount !== undefined, { path: ['amount'], message: '载明给付方式的，应当载明明确的金额 / a manner of payment needs the amount (行政强制法第三十五条（三）)' });

/** 行政处罚法第五十六条 "应当在七日内及时作出处理决定" (第八十五条: working days). */
export const DEFAULT_PRESERVATION_NOTE =
  '上述物品由本机关先行登记保存。本机关将在七日内（工作日）作出处理决定。在此期间，你（单位）或者有关人员不得使用、销售、转移、损毁或者隐匿。';

/**
 * 先行登记保存通知书 (行政处罚法第五十六条: "在证据可能灭失或者以后难以取得的情况下，经行政机关负责人批准，
 * 可以先行登记保存，并应当在七日内及时作出处理决定"): the list of the items, the approval, the 7 days.
 */
export const preservationNoticeFields = z
  .object({
    items: seizedItems,
    place: text(300),
    reason: text(1000).default('证据可能灭失或者以后难以取得'),
    /** The leader who approved, and when (the approve_preservation step). */
    approvedBy: text(50),
    approvedOn: date(),
    note: text().default(DEFAULT_PRESERVATION_NOTE),
  })
  .strict();
