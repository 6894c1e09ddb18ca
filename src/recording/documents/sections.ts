import { RELEASE_GROUNDS, SERVICE_METHODS } from './fields.js';
import { chineseDateTime, isoDateToChinese, rmb } from './format.js';
import type { Block, RenderInput } from './layout.js';
import type { DocFields, DocTypeId } from './library.js';

/*
 * The body of each document type, in the order and wording of the usual provincial formats
 * (行政处罚法 Art. 59 for a decision's contents, Art. 52 for the on-the-spot decision,
 * 行政强制法 Art. 24 for a seizure decision, 行政许可法 Arts. 32 and 38 for licensing notices).
 */

interface Context {
  input: RenderInput;
  /** The parties' names joined with 、, for salutations. */
  partyName: string;
}

const h = (text: string): Block => ({ kind: 'heading', text });
const p = (text: string): Block => ({ kind: 'paragraph', text });
const line = (text: string): Block => ({ kind: 'line', text });
const field = (label: string, value: string | null | undefined): Block[] => (value ? [{ kind: 'field', label, value }] : []);
const list = (items: string[]): Block => ({ kind: 'list', items });
const maybe = (text: string | null | undefined, block: (t: string) => Block = p): Block[] => (text ? [block(text)] : []);
const salutation = (ctx: Context) => line(`${ctx.partyName}：`);
const fine = (amount: number | undefined) => (amount ? `罚款${rmb(amount)}` : null);

type Bodies = { [K in DocTypeId]: (f: DocFields<K>, ctx: Context) => Block[] };

const bodies: Bodies = {
  case_filing_approval: (f) => [
    ...field('案件来源', f.caseSource),
    h('案情摘要'),
    p(f.summary),
    ...field('涉嫌违反的法律规定', f.suspectedViolation),
    h('立案理由'),
    p(f.reason),
    ...field('承办人意见', f.handlerOpinion),
    ...field('审批意见', f.approverOpinion ?? '（待审批）'),
  ],

  inspection_notice: (f, ctx) => [
    salutation(ctx),
    p(`根据${f.basis}的规定，本机关定于${chineseDateTime(f.inspectionAt)}对你（单位）进行行政检查。现将有关事项通知如下：`),
    ...field('检查内容', f.content),
    ...field('检查方式和程序', f.procedure),
    ...field('需准备的材料', f.materialsToPrepare),
    ...field('联系人及电话', f.contact),
    p('请你（单位）予以配合。执法人员少于两人或者未出示执法证件的，你（单位）有权拒绝检查。'),
  ],

  on_site_notice: (f, ctx) => [
    salutation(ctx),
    p(`本机关执法人员依据${f.basis}，现对你（单位）进行执法检查。`),
    ...field('检查目的和内容', f.purpose),
    h('你（单位）的权利和义务'),
    p(f.rightsAndDuties),
  ],

  inspection_record: (f) => [
    ...field('检查时间', `${chineseDateTime(f.startedAt)}至${chineseDateTime(f.endedAt)}`),
    ...field('检查地点', f.place),
    ...field('记录人', f.recorder),
    ...field('在场人员', f.presentPersons.map((x) => `${x.name}（${x.role}）`).join('、') || '无'),
    ...field('检查内容', f.content),
    h('检查过程'),
    p(f.process),
    h('检查情况'),
    p(f.findings),
  ],

  questioning_record: (f) => [
    ...field('询问时间', `${chineseDateTime(f.startedAt)}至${chineseDateTime(f.endedAt)}`),
    ...field('询问地点', f.place),
    ...field('询问人', f.questioners.join('、')),
    ...field('记录人', f.recorder),
    ...field('被询问人', f.interviewee.name),
    ...field('性别', f.interviewee.gender ? { male: '男', female: '女' }[f.interviewee.gender] : null),
    ...field('身份证件号码', f.interviewee.idNumberMasked),
    ...field('工作单位及职务', f.interviewee.position),
    ...field('联系电话', f.interviewee.phone),
    ...field('住址', f.interviewee.address),
    ...f.qa.map((x): Block => ({ kind: 'qa', question: x.question, answer: x.answer })),
    p(f.readBackStatement),
  ],

  investigation_report: (f) => [
    h('一、案件事实'),
    p(f.facts),
    h('二、证据'),
    list(f.evidence),
    h('三、法律依据'),
    p(f.legalBasis),
    ...(f.discretion ? [h('四、裁量情况'), p(f.discretion)] : []),
    h(f.discretion ? '五、处理意见' : '四、处理意见'),
    p(f.proposal),
    ...maybe(fine(f.fineAmount), (t) => ({ kind: 'field', label: '拟罚款数额', value: t })),
  ],

  penalty_prior_notice: (f, ctx) => [
    salutation(ctx),
    p(`经调查，本机关认定你（单位）存在以下违法事实：${f.facts}`),
    h('证据'),
    list(f.evidence),
    p(`依据${f.legalBasis}的规定，本机关拟对你（单位）作出如下行政处罚：${f.proposedPenalty}${f.fineAmount ? `；${fine(f.fineAmount)}` : ''}。`),
    p(f.rights),
    ...(f.hearingRight
      ? [p('根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你（单位）有要求听证的权利。如要求听证，应当自收到本告知书之日起五日内向本机关提出；逾期未提出的，视为放弃听证权利。')]
      : []),
    ...field('联系人及电话', f.contact),
  ],

  hearing_notice: (f, ctx) => [
    salutation(ctx),
    p(`根据你（单位）的听证要求，本机关定于${chineseDateTime(f.hearingAt)}在${f.place}就“${ctx.input.caseInfo.title}”一案${f.isPublic ? '公开' : '不公开'}举行听证，听证主持人为${f.host}。请准时出席，并携带身份证明及有关证据材料；委托代理人参加的，应当提交授权委托书。`),
    p(f.rights),
    ...field('联系人及电话', f.contact),
  ],

  hearing_record: (f) => [
    ...field('听证时间', `${chineseDateTime(f.startedAt)}至${chineseDateTime(f.endedAt)}`),
    ...field('听证地点', f.place),
    ...field('听证方式', f.isPublic ? '公开' : '不公开'),
    ...field('听证主持人', f.host),
    ...field('记录人', f.recorder),
    ...field('案件调查人员', f.investigators.join('、')),
    ...field('出席听证的当事人', f.partyAttendees.join('、')),
    ...field('委托代理人', f.agents.join('、') || null),
    h('调查人员提出的违法事实、证据和处罚建议'),
    p(f.investigatorStatement),
    h('当事人的陈述和申辩'),
    p(f.partyStatement),
    ...(f.crossExamination ? [h('质证'), p(f.crossExamination)] : []),
    ...(f.finalStatement ? [h('最后陈述'), p(f.finalStatement)] : []),
  ],

  penalty_decision: (f) => [
    h('一、违法事实'),
    p(f.facts),
    h('二、证据'),
    list(f.evidence),
    ...(f.statementsAndReview ? [h('三、陈述申辩及采纳情况'), p(f.statementsAndReview)] : []),
    h(`${f.statementsAndReview ? '四' : '三'}、行政处罚的种类和依据`),
    p(`依据${f.legalBasis}的规定，本机关决定对你（单位）作出如下行政处罚：${f.penalty}${f.fineAmount ? `；${fine(f.fineAmount)}` : ''}。`),
    h(`${f.statementsAndReview ? '五' : '四'}、履行方式和期限`),
    p(f.fineAmount ? f.payment : '请自收到本决定书之日起履行上述决定。'),
    h(`${f.statementsAndReview ? '六' : '五'}、申请行政复议或者提起行政诉讼的途径和期限`),
    p(f.remedies),
  ],

  on_the_spot_penalty_decision: (f) => [
    ...field('违法时间', chineseDateTime(f.occurredAt)),
    ...field('违法地点', f.place),
    h('违法行为'),
    p(f.violation),
    p(`依据${f.legalBasis}的规定，当场决定给予${f.penalty === 'warning' ? '警告' : fine(f.fineAmount)}的行政处罚。`),
    ...(f.penalty === 'fine' ? [p(f.payment)] : []),
    p(f.remedies),
  ],

  licence_refusal: (f, ctx) => [
    salutation(ctx),
    p(`你（单位）于${isoDateToChinese(f.appliedOn)}提出的${f.licenceItem}申请，经审查，不符合法定条件、标准，理由如下：`),
    p(f.reasons),
    p(`依据${f.legalBasis}的规定，本机关决定不予行政许可。`),
    p(f.remedies),
  ],

  licence_grant: (f, ctx) => [
    salutation(ctx),
    p(`你（单位）于${isoDateToChinese(f.appliedOn)}提出的${f.licenceItem}申请，经审查，符合法定条件、标准。依据${f.legalBasis}的规定，本机关决定准予行政许可。`),
    ...field('许可事项', f.licenceItem),
    ...field('许可内容和范围', f.scope),
    ...field('有效期', f.validFrom || f.validUntil ? `${f.validFrom ? isoDateToChinese(f.validFrom) : ''}至${f.validUntil ? isoDateToChinese(f.validUntil) : '长期'}` : null),
    ...field('许可证件编号', f.certificateNumber),
    ...field('附加条件', f.conditions),
  ],

  service_receipt: (f) => [
    {
      kind: 'table',
      header: ['送达文书名称', '文书编号'],
      rows: f.servedDocuments.map((d) => [d.title, d.number ?? '—']),
    },
    ...field('送达方式', SERVICE_METHODS[f.method]),
    ...field('送达地点', f.place),
    ...field('受送达人', f.recipient),
    ...field('送达时间', chineseDateTime(f.servedAt)),
    ...field('见证人', f.witnesses.join('、') || null),
    ...field('备注', f.notes),
  ],

  closing_report: (f) => [h('一、案件概况'), p(f.summary), h('二、处理结果'), p(f.outcome), h('三、执行情况'), p(f.execution), h('四、结案理由'), p(f.closingReason)],

  acceptance_notice: (f, ctx) => [
    salutation(ctx),
    p(`你（单位）于${isoDateToChinese(f.receivedOn)}提出的${f.licenceItem}申请，申请材料齐全、符合法定形式，根据《中华人民共和国行政许可法》第三十二条的规定，本机关决定予以受理。`),
    h('收到的申请材料'),
    list(f.materials),
    p(f.decisionDeadline),
    ...field('联系人及电话', f.contact),
  ],

  missing_materials_notice: (f, ctx) => [
    salutation(ctx),
    p(`你（单位）于${isoDateToChinese(f.receivedOn)}提出的${f.licenceItem}申请，申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定，现一次告知你（单位）需要补正的全部内容如下：`),
    list(f.missing.map((m) => (m.requirement ? `${m.material}：${m.requirement}` : m.material))),
    ...maybe(f.supplementBy ? `请于${isoDateToChinese(f.supplementBy)}前补正。补正的申请材料齐全、符合法定形式的，本机关将予以受理。` : null),
    ...field('联系人及电话', f.contact),
  ],

  seizure_decision: (f, ctx) => {
    const measure = f.measure === 'seizure' ? '查封' : '扣押';
    return [
      salutation(ctx),
      p(`经查，${f.facts}`),
      p(`依据${f.legalBasis}的规定，本机关决定对下列场所、设施或者财物予以${measure}，期限为${f.periodDays}日。`),
      { kind: 'table', header: ['名称', '数量', '规格'], rows: f.items.map((i) => [i.name, i.quantity, i.specification ?? '']) },
      ...field(`${measure}地点`, f.place),
      p(f.note),
      p(f.remedies),
    ];
  },

  levy_decision: (f, ctx) => [
    salutation(ctx),
    p(`依据${f.basis}的规定，本机关决定向你（单位）征收${f.levyItem}，金额为${rmb(f.amount)}。`),
    ...field('计算依据', f.calculation),
    p(`请于${isoDateToChinese(f.payBy)}前${f.payment}。`),
    p(f.remedies),
  ],

  statement_waiver: (f, ctx) => [
    ...field('声明人', `${f.declarant}（${ctx.partyName}）`),
    ...field('事先告知书文号', f.priorNoticeNumber),
    p(f.declaration),
  ],

  hearing_waiver: (f, ctx) => [
    ...field('声明人', `${f.declarant}（${ctx.partyName}）`),
    ...field('事先告知书文号', f.priorNoticeNumber),
    p(f.declaration),
  ],

  hearing_summons: (f, ctx) => [
    salutation(ctx),
    p(`根据你（单位）的听证要求，依据《中华人民共和国行政处罚法》第六十四条的规定，本机关定于${chineseDateTime(f.hearingAt)}在${f.place}就“${ctx.input.caseInfo.title}”一案${f.isPublic ? '公开' : '不公开'}举行听证，听证主持人为${f.host}。请准时出席，并携带身份证明及有关证据材料；委托代理人参加的，应当提交授权委托书。`),
    p(f.rights),
    ...field('联系人及电话', f.contact),
  ],

  seizure_extension_decision: (f, ctx) => {
    const measure = f.measure === 'seizure' ? '查封' : '扣押';
    return [
      salutation(ctx),
      p(`本机关${f.originalDecisionNumber ? `《${measure}决定书》（${f.originalDecisionNumber}）` : ''}对你（单位）有关场所、设施或者财物实施的${measure}，期限原至${isoDateToChinese(f.originalLastDay)}届满。因${f.reason}，情况复杂，经本机关负责人批准，根据《中华人民共和国行政强制法》第二十五条的规定，决定延长${measure}期限${f.extendedDays}日，至${isoDateToChinese(f.newLastDay)}届满。`),
      p(f.remedies),
    ];
  },

  testing_period_notice: (f, ctx) => {
    const measure = f.measure === 'seizure' ? '查封' : '扣押';
    const kind = { testing: '检测', inspection: '检验', quarantine: '检疫', appraisal: '技术鉴定' }[f.kind];
    return [
      salutation(ctx),
      p(`本机关依法${measure}的下列物品需要进行${kind}。根据《中华人民共和国行政强制法》第二十五条第三款的规定，现将${kind}期间告知如下：`),
      { kind: 'table', header: ['名称', '数量', '规格'], rows: f.items.map((i) => [i.name, i.quantity, i.specification ?? '']) },
      ...field(`${kind}机构`, f.institution),
      ...field(`${kind}期间`, `${isoDateToChinese(f.from)}至${isoDateToChinese(f.until)}`),
      p(f.note),
    ];
  },

  seizure_release: (f, ctx) => {
    const measure = f.measure === 'seizure' ? '查封' : '扣押';
    return [
      salutation(ctx),
      p(`本机关${f.originalDecisionNumber ? `《${measure}决定书》（${f.originalDecisionNumber}）` : ''}对你（单位）下列场所、设施或者财物实施了${measure}。因${RELEASE_GROUNDS[f.ground]}，根据《中华人民共和国行政强制法》第二十八条的规定，决定予以解除。`),
      { kind: 'table', header: ['名称', '数量', '规格'], rows: f.items.map((i) => [i.name, i.quantity, i.specification ?? '']) },
      p(f.returnArrangement),
    ];
  },

  freeze_notice: (f) => [
    line(`${f.bank}：`),
    p(`依据${f.legalBasis}和《中华人民共和国行政强制法》第三十条的规定，请协助冻结下列账户的存款、汇款，冻结期限自${isoDateToChinese(f.frozenFrom)}起${f.periodDays}日。请接到本通知书后立即予以冻结，不得在冻结前向当事人泄露信息。`),
    ...field('账号', f.accountNumber),
    ...field('冻结数额', rmb(f.amount)),
  ],

  freeze_decision: (f, ctx) => [
    salutation(ctx),
    p(`经查，${f.facts}`),
    p(`依据${f.legalBasis}和《中华人民共和国行政强制法》第三十一条的规定，本机关决定冻结你（单位）下列存款、汇款，期限自${isoDateToChinese(f.frozenFrom)}起${f.periodDays}日。`),
    ...field('金融机构', f.bank),
    ...field('账号', f.accountNumber),
    ...field('冻结数额', rmb(f.amount)),
    p(f.remedies),
  ],

  freeze_extension_decision: (f, ctx) => [
    salutation(ctx),
    p(`本机关${f.originalDecisionNumber ? `《冻结决定书》（${f.originalDecisionNumber}）` : ''}冻结你（单位）在${f.bank}账号${f.accountNumber}的存款、汇款，期限原至${isoDateToChinese(f.originalLastDay)}届满。因${f.reason}，情况复杂，经本机关负责人批准，根据《中华人民共和国行政强制法》第三十二条的规定，决定延长冻结期限${f.extendedDays}日，至${isoDateToChinese(f.newLastDay)}届满。`),
    p(f.remedies),
  ],

  unfreeze_decision: (f, ctx) => [
    salutation(ctx),
    p(`本机关${f.originalDecisionNumber ? `《冻结决定书》（${f.originalDecisionNumber}）` : ''}冻结了你（单位）在${f.bank}账号${f.accountNumber}的存款、汇款${rmb(f.amount)}。因${RELEASE_GROUNDS[f.ground]}，根据《中华人民共和国行政强制法》第三十三条的规定，决定解除冻结，并已通知该金融机构。`),
  ],

  non_acceptance_decision: (f, ctx) => [
    salutation(ctx),
    p(`你（单位）于${isoDateToChinese(f.receivedOn)}提出的${f.licenceItem}申请，经审查，理由如下：`),
    p(f.reasons),
    p(`依据${f.legalBasis}的规定，本机关决定不予受理。`),
    ...maybe(f.competentAgency ? `请向${f.competentAgency}提出申请。` : null),
    p(f.remedies),
  ],

  extension_notice: (f, ctx) => [
    salutation(ctx),
    p(`本机关于${isoDateToChinese(f.acceptedOn)}受理的你（单位）${f.licenceItem}申请，因以下理由，二十日内不能作出行政许可决定：`),
    p(f.reason),
    p(`根据《中华人民共和国行政许可法》第四十二条的规定，经本机关负责人批准，审查期限延长${f.days}日（工作日）${f.newDeadline ? `，至${isoDateToChinese(f.newDeadline)}` : ''}。`),
  ],

  excluded_time_notice: (f, ctx) => [
    salutation(ctx),
    p(`你（单位）的${f.licenceItem}申请，依法需要${f.procedure}。根据《中华人民共和国行政许可法》第四十五条的规定，所需时间不计算在行政许可期限内，现将所需时间告知如下：`),
    ...field('所需时间', f.timeNeeded),
    ...field('说明', f.reason),
  ],

  licence_hearing_rights_notice: (f, ctx) => [
    salutation(ctx),
    p(`${f.reason}。根据《中华人民共和国行政许可法》第四十七条的规定，本机关在对${f.licenceItem}作出行政许可决定前，告知你（单位）享有要求听证的权利。你（单位）可以自被告知之日起五日内向本机关提出听证申请；逾期未提出的，视为放弃听证权利。申请人、利害关系人不承担行政机关组织听证的费用。`),
    ...field('联系人及电话', f.contact),
  ],

  licence_hearing_notice: (f, ctx) => [
    salutation(ctx),
    p(`根据你（单位）的听证申请，本机关定于${chineseDateTime(f.hearingAt)}在${f.place}就${f.licenceItem}公开举行听证，听证主持人为${f.host}。你（单位）认为主持人与该行政许可事项有直接利害关系的，有权申请回避（《中华人民共和国行政许可法》第四十八条）。请准时出席，并携带身份证明及有关证据材料。`),
    ...field('联系人及电话', f.contact),
  ],

  // 行政强制法第三十五条（一）至（四）, 第五十四条.
  enforcement_reminder: (f, ctx) => [
    salutation(ctx),
    p(`本机关${f.decisionNumber ? `作出的《行政处罚决定书》（${f.decisionNumber}）` : '依法作出的行政决定'}确定你（单位）履行下列义务，你（单位）在决定的期限内未履行。根据《中华人民共和国行政强制法》第三十五条、第五十四条的规定，现催告你（单位）履行：`),
    ...field('应当履行的义务', f.obligation),
    ...field('履行期限', `${isoDateToChinese(f.performBy)}前`),
    ...field('履行方式', f.manner),
    ...field('金额', f.amount ? rmb(f.amount) : null),
    ...field('给付方式', f.payment),
    p(f.rights),
    p(f.consequence),
  ],

  // 行政处罚法第五十六条.
  preservation_notice: (f, ctx) => [
    salutation(ctx),
    p(`因${f.reason}，经本机关负责人${f.approvedBy}于${isoDateToChinese(f.approvedOn)}批准，根据《中华人民共和国行政处罚法》第五十六条的规定，本机关对你（单位）的下列物品先行登记保存，保存地点：${f.place}。`),
    { kind: 'table', header: ['名称', '数量', '规格'], rows: f.items.map((i) => [i.name, i.quantity, i.specification ?? '']) },
    p(f.note),
  ],
};

/** The body blocks of one document; `fields` have passed the type's schema. */
export function bodyOf(id: DocTypeId, fields: Record<string, unknown>, ctx: Context): Block[] {
  return (bodies[id] as (f: Record<string, unknown>, ctx: Context) => Block[])(fields, ctx);
}
