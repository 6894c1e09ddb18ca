import { z } from 'zod';
import type { Procedure, StepDef } from './types.js';

/*
 * The transitions tables: one per procedure, data rather than code. ./check.ts verifies them at
 * start-up (states exist, every state reachable and able to reach 结案, documents in the library,
 * every leader approval names the proposal it approves: the proposer never approves, issue 7).
 * Sources: R4 (seed 002, inspection), R5 (seed 003, licensing), 行政处罚法 (2021) Arts. 42–72,
 * 行政许可法 Arts. 32–44, 行政强制法 Arts. 18–28.
 */

const text = (max = 2000) => z.string().trim().min(1).max(max);
const date = () => z.iso.date();
const nothing = z.object({}).strict();
const comment = z.object({ comment: z.string().trim().max(2000).optional() }).strict();
const officers = z
  .array(z.object({ personId: z.uuid(), role: z.enum(['leader', 'member']) }).strict())
  .min(1)
  .max(20);
const yuan = () => z.number().nonnegative().max(1e12).multipleOf(0.01);

const step = (s: Omit<StepDef, 'documents' | 'av' | 'data'> & Partial<Pick<StepDef, 'documents' | 'av' | 'data'>>): StepDef => ({
  documents: [],
  av: false,
  data: nothing,
  ...s,
});

const closeStep = (from: string[], documents: string[] = ['closing_report']) =>
  step({ id: 'close', zh: '结案', en: 'Close the case', phase: 'closing', from, to: 'closed', documents, data: comment });

/** 行政检查 (R4, seed 002 ch. 2). */
const inspection: Procedure = {
  id: 'inspection',
  category: 'inspection',
  zh: '行政检查',
  en: 'Inspection',
  initial: 'registered',
  partyRequired: true,
  states: {
    registered: { zh: '案源已登记', en: 'Source registered' },
    group_formed: { zh: '检查组已组成', en: 'Group formed' },
    planned: { zh: '检查方案已制定', en: 'Planned' },
    notified: { zh: '已通知被检查人', en: 'Party notified' },
    on_site: { zh: '现场检查中', en: 'On site' },
    outcome_proposed: { zh: '处理意见待审批', en: 'Outcome awaiting approval' },
    concluded: { zh: '检查结论已作出', en: 'Concluded' },
    closed: { zh: '已结案', en: 'Closed' },
  },
  steps: [
    step({
      id: 'form_group', zh: '组成检查组', en: 'Form the inspection group', phase: 'initiation',
      from: ['registered'], to: 'group_formed', effect: 'set_officers', guards: ['two_certified_officers'],
      data: z.object({ officers }).strict(),
    }),
    step({
      id: 'make_plan', zh: '制定检查方案', en: 'Make the inspection plan', phase: 'initiation',
      from: ['group_formed'], to: 'planned',
      data: z.object({ purpose: text(), scope: text(), focus: text(), scheduledOn: date(), divisionOfWork: text(), schedule: text() }).strict(),
    }),
    step({
      id: 'notify', zh: '通知被检查人', en: 'Notify the inspected party', phase: 'initiation',
      from: ['planned'], to: 'notified', documents: ['inspection_notice'],
      data: z.object({ method: z.enum(['in_writing', 'phone', 'on_arrival']) }).strict(),
    }),
    step({
      id: 'on_site_notice', zh: '现场告知', en: 'On-site notice', phase: 'investigation',
      from: ['notified'], to: 'on_site', documents: ['on_site_notice'], av: true, guards: ['two_certified_officers'],
      data: z.object({ certificatesShown: z.literal(true), rightsExplained: z.literal(true) }).strict(),
    }),
    step({
      id: 'collect_materials', zh: '收集资料', en: 'Collect materials', phase: 'investigation',
      from: ['on_site'], to: 'on_site',
      data: z.object({
        materials: z.array(z.object({ name: text(200), pages: z.int().min(1).max(10000), copyCertified: z.boolean() }).strict()).min(1).max(200),
      }).strict(),
    }),
    step({
      id: 'site_record', zh: '制作现场检查笔录', en: 'Site record', phase: 'investigation',
      from: ['on_site'], to: 'on_site', documents: ['inspection_record'], av: true, data: comment,
    }),
    step({
      id: 'questioning', zh: '询问', en: 'Questioning', phase: 'investigation',
      from: ['on_site'], to: 'on_site', documents: ['questioning_record'], av: true, guards: ['two_certified_officers'],
      data: z.object({ interviewee: text(100) }).strict(),
    }),
    step({
      id: 'propose_outcome', zh: '提出处理意见', en: 'Propose the outcome', phase: 'decision',
      from: ['on_site'], to: 'outcome_proposed', requires: ['site_record'],
      data: z.object({ result: z.enum(['no_problem', 'corrected_on_spot', 'problem_found']), opinion: text(), publish: z.boolean() }).strict(),
    }),
    step({
      id: 'return_outcome', zh: '退回处理意见', en: 'Return the outcome', phase: 'decision',
      from: ['outcome_proposed'], to: 'on_site', permission: 'case.approve', data: z.object({ comment: text() }).strict(),
      notAnApproval: 'sends the proposal back for more work; it approves nothing, so its proposer may withdraw it too',
    }),
    step({
      id: 'approve_outcome', zh: '负责人审批处理意见', en: 'Leader approves the outcome', phase: 'decision',
      from: ['outcome_proposed'], to: 'concluded', permission: 'case.approve', data: comment, approves: ['propose_outcome'],
    }),
    step({
      id: 'refer_penalty', zh: '转立案调查（行政处罚）', en: 'Refer for a penalty case', phase: 'decision',
      from: ['concluded'], to: 'concluded', guards: ['problem_found'], effect: 'refer_penalty',
      data: z.object({ powerItemId: z.uuid(), title: text(200) }).strict(),
    }),
    closeStep(['concluded'], []),
  ],
  clocks: [],
};

/** 行政处罚 一般程序 (行政处罚法 Arts. 54–65). */
const penaltyGeneral: Procedure = {
  id: 'penalty_general',
  category: 'penalty',
  zh: '行政处罚（一般程序）',
  en: 'Penalty (general procedure)',
  initial: 'registered',
  partyRequired: true,
  states: {
    registered: { zh: '案源已登记', en: 'Source registered' },
    filing_proposed: { zh: '立案待审批', en: 'Filing awaiting approval' },
    filed: { zh: '已立案（调查取证）', en: 'Filed (investigating)' },
    investigated: { zh: '调查终结', en: 'Investigation concluded' },
    notified: { zh: '已事先告知', en: 'Party notified of intended penalty' },
    hearing_requested: { zh: '当事人要求听证', en: 'Hearing requested' },
    hearing_scheduled: { zh: '听证已安排', en: 'Hearing scheduled' },
    heard: { zh: '听证已举行', en: 'Hearing held' },
    decided: { zh: '已作出处罚决定', en: 'Decided' },
    served: { zh: '决定书已送达', en: 'Served' },
    executed: { zh: '已执行', en: 'Executed' },
    closed: { zh: '已结案', en: 'Closed' },
  },
  steps: [
    step({
      id: 'propose_filing', zh: '立案申请', en: 'Propose filing', phase: 'initiation',
      from: ['registered'], to: 'filing_proposed', documents: ['case_filing_approval'], effect: 'set_officers',
      guards: ['two_certified_officers'], data: z.object({ officers, summary: text() }).strict(),
    }),
    step({
      id: 'approve_filing', zh: '负责人批准立案', en: 'Leader approves filing', phase: 'initiation',
      from: ['filing_proposed'], to: 'filed', permission: 'case.approve', data: comment, approves: ['propose_filing'], // 行政处罚法第五十四条 (立案)
    }),
    step({
      id: 'site_record', zh: '现场检查（勘验）', en: 'Inspection on site', phase: 'investigation',
      from: ['filed'], to: 'filed', documents: ['inspection_record'], av: true, guards: ['two_certified_officers'], data: comment,
    }),
    step({
      id: 'questioning', zh: '询问', en: 'Questioning', phase: 'investigation',
      from: ['filed'], to: 'filed', documents: ['questioning_record'], av: true, guards: ['two_certified_officers'],
      data: z.object({ interviewee: text(100) }).strict(),
    }),
    step({
      id: 'collect_evidence', zh: '收集证据', en: 'Collect evidence', phase: 'investigation',
      from: ['filed'], to: 'filed', data: z.object({ description: text() }).strict(),
    }),
    step({
      id: 'conclude_investigation', zh: '调查终结', en: 'Conclude the investigation', phase: 'investigation',
      from: ['filed'], to: 'investigated', documents: ['investigation_report'],
      data: z.object({
        proposedPenalty: text(500),
        fineAmount: yuan().optional(),
        hearingEligible: z.boolean(),
      }).strict(),
    }),
    step({
      id: 'notify_prior', zh: '事先告知', en: 'Notify the intended penalty', phase: 'decision',
      from: ['investigated'], to: 'notified', documents: ['penalty_prior_notice'],
      conditionalDocuments: [{ docType: 'hearing_notice', when: 'hearing_eligible' }], data: comment,
    }),
    step({
      id: 'record_statement', zh: '听取陈述申辩', en: 'Record the statement and defence', phase: 'decision',
      from: ['notified'], to: 'notified',
      data: z.object({ summary: text(), accepted: z.boolean() }).strict(),
    }),
    step({
      id: 'request_hearing', zh: '当事人申请听证', en: 'The party asks for a hearing', phase: 'decision',
      from: ['notified'], to: 'hearing_requested', guards: ['hearing_eligible', 'hearing_request_in_time'],
      data: z.object({ requestedOn: date() }).strict(),
    }),
    step({
      id: 'schedule_hearing', zh: '通知听证', en: 'Schedule the hearing', phase: 'decision',
      from: ['hearing_requested'], to: 'hearing_scheduled', guards: ['hearing_notice_period'],
      data: z.object({ hearingOn: date(), place: text(200), host: text(50), public: z.boolean() }).strict(),
    }),
    step({
      id: 'hold_hearing', zh: '举行听证', en: 'Hold the hearing', phase: 'decision',
      from: ['hearing_scheduled'], to: 'heard', documents: ['hearing_record'], av: true, guards: ['hearing_date_reached'], data: comment,
    }),
    step({
      id: 'decide', zh: '作出处罚决定', en: 'Decide the penalty', phase: 'decision',
      from: ['notified', 'heard'], to: 'decided', permission: 'case.approve', documents: ['penalty_decision'],
      guards: ['defence_window_closed'], approves: ['conclude_investigation'], // 行政处罚法第五十七条: the leader reviews the investigation's result
      data: z.object({ penalty: text(500), fineAmount: yuan().optional(), partyWaivedDefence: z.boolean().optional() }).strict(),
    }),
    step({
      id: 'serve', zh: '送达', en: 'Serve the decision', phase: 'service_execution',
      from: ['decided'], to: 'served', documents: ['service_receipt'],
      data: z.object({ method: z.enum(['in_person', 'left_at_residence', 'post', 'electronic', 'public_notice']), servedOn: date() }).strict(),
    }),
    step({
      id: 'execute', zh: '执行', en: 'Execute', phase: 'service_execution',
      from: ['served'], to: 'executed',
      data: z.object({ how: z.enum(['paid', 'performed', 'enforced_by_court', 'not_applicable']), paidAmount: yuan().optional(), note: z.string().max(2000).optional() }).strict(),
    }),
    closeStep(['executed']),
  ],
  clocks: [
    {
      id: 'decision_90_days', zh: '立案之日起九十日内作出处罚决定', en: 'Decide within 90 days of filing',
      basis: '行政处罚法第六十条', startsAt: 'approve_filing', stopsAt: ['decide'], amount: 90, unit: 'calendar_days',
    },
    {
      id: 'hearing_request_5_days', zh: '告知后五日内可要求听证', en: 'Hearing may be requested within 5 working days',
      basis: '行政处罚法第六十四条、第八十五条', startsAt: 'notify_prior', stopsAt: ['request_hearing', 'decide'], amount: 5, unit: 'working_days',
      // 行政处罚法第六十三条: the right (and so its window) exists only for the penalties it lists.
      onlyIf: { step: 'conclude_investigation', flag: 'hearingEligible' },
    },
    {
      id: 'service_7_days', zh: '当事人不在场的，七日内送达', en: 'Serve within 7 working days',
      basis: '行政处罚法第六十一条、第八十五条', startsAt: 'decide', stopsAt: ['serve'], amount: 7, unit: 'working_days',
    },
  ],
};

/** 行政处罚 简易程序: on-the-spot decisions (行政处罚法 Arts. 51–53). */
const penaltySummary: Procedure = {
  id: 'penalty_summary',
  category: 'penalty',
  zh: '行政处罚（简易程序）',
  en: 'Penalty (summary procedure)',
  initial: 'registered',
  partyRequired: true,
  states: {
    registered: { zh: '现场发现违法行为', en: 'Found on the spot' },
    decided: { zh: '已当场作出决定', en: 'Decided on the spot' },
    filed_with_agency: { zh: '已报机关备案', en: 'Filed with the agency' },
    executed: { zh: '已执行', en: 'Executed' },
    closed: { zh: '已结案', en: 'Closed' },
  },
  steps: [
    step({
      id: 'decide_on_spot', zh: '当场作出处罚决定', en: 'Decide on the spot', phase: 'decision',
      from: ['registered'], to: 'decided', documents: ['on_the_spot_penalty_decision'], av: true,
      guards: ['two_certified_officers', 'summary_limits'], effect: 'set_officers',
      data: z.object({ officers, penalty: z.enum(['warning', 'fine']), fineAmount: yuan().optional(), facts: text() }).strict(),
    }),
    step({
      id: 'file_with_agency', zh: '报所属机关备案', en: 'File with the agency', phase: 'service_execution',
      from: ['decided'], to: 'filed_with_agency', data: comment,
    }),
    step({
      id: 'execute', zh: '执行', en: 'Execute', phase: 'service_execution',
      from: ['filed_with_agency'], to: 'executed',
      data: z.object({ how: z.enum(['paid', 'collected_on_spot', 'warning_given']), paidAmount: yuan().optional(), receiptNo: z.string().max(50).optional() }).strict(),
    }),
    closeStep(['executed'], []),
  ],
  clocks: [
    {
      id: 'filing_with_agency', zh: '当场处罚决定报机关备案', en: 'File the on-the-spot decision with the agency',
      basis: '行政处罚法第五十二条', startsAt: 'decide_on_spot', stopsAt: ['file_with_agency'], amount: 2, unit: 'working_days',
    },
  ],
};

/** 行政许可 (R5 record items; 行政许可法 Arts. 32–44; limits in working days, Art. 82). */
const licensing: Procedure = {
  id: 'licensing',
  category: 'licensing',
  zh: '行政许可',
  en: 'Licensing',
  initial: 'applied',
  partyRequired: true,
  states: {
    applied: { zh: '已收到申请', en: 'Application received' },
    awaiting_supplement: { zh: '待补正材料', en: 'Awaiting missing materials' },
    accepted: { zh: '已受理（审查中）', en: 'Accepted (under review)' },
    reviewed: { zh: '审查完毕', en: 'Reviewed' },
    granted: { zh: '准予许可', en: 'Granted' },
    refused: { zh: '不予许可', en: 'Refused' },
    certificate_issued: { zh: '许可证件已颁发', en: 'Certificate issued' },
    not_accepted: { zh: '不予受理', en: 'Not accepted' },
    served: { zh: '已送达', en: 'Served' },
    closed: { zh: '已结案', en: 'Closed' },
  },
  steps: [
    step({
      id: 'notify_missing', zh: '一次性告知补正', en: 'One-time notice of missing materials', phase: 'initiation',
      from: ['applied'], to: 'awaiting_supplement', documents: ['missing_materials_notice'],
      data: z.object({ missing: z.array(text(200)).min(1).max(100) }).strict(),
    }),
    step({
      id: 'receive_supplement', zh: '收到补正材料', en: 'Missing materials received', phase: 'initiation',
      from: ['awaiting_supplement'], to: 'applied', data: z.object({ received: z.array(text(200)).min(1).max(100) }).strict(),
    }),
    step({
      id: 'accept', zh: '受理', en: 'Accept', phase: 'initiation',
      from: ['applied'], to: 'accepted', documents: ['acceptance_notice'], effect: 'set_officers', data: z.object({ officers }).strict(),
    }),
    step({
      id: 'refuse_to_accept', zh: '不予受理', en: 'Refuse to accept', phase: 'initiation',
      from: ['applied'], to: 'not_accepted', data: z.object({ reason: text() }).strict(),
    }),
    step({
      id: 'site_check', zh: '实地核查', en: 'Site check', phase: 'investigation',
      from: ['accepted'], to: 'accepted', documents: ['inspection_record'], av: true, guards: ['two_certified_officers'], data: comment,
    }),
    step({
      id: 'expert_review', zh: '专家评审/听证/征求意见', en: 'Expert review, hearing or opinions', phase: 'investigation',
      from: ['accepted'], to: 'accepted',
      data: z.object({ kind: z.enum(['evaluation', 'expert_review', 'hearing', 'opinions_sought', 'testing']), summary: text() }).strict(),
    }),
    step({
      id: 'extend', zh: '延长审查期限', en: 'Extend the time limit', phase: 'investigation',
      from: ['accepted'], to: 'accepted', permission: 'case.approve', guards: ['extension_unused'], data: z.object({ reason: text() }).strict(),
      notAnApproval: '行政许可法第四十二条: the leader extends the time limit on their own authority; no step of this table proposes it',
    }),
    step({
      id: 'conclude_review', zh: '审查完毕（含法制审核意见）', en: 'Conclude the review (with legal review opinion)', phase: 'decision',
      from: ['accepted'], to: 'reviewed',
      data: z.object({ recommendation: z.enum(['grant', 'refuse']), opinion: text(), legalReviewOpinion: text() }).strict(),
    }),
    step({
      id: 'grant', zh: '作出准予许可决定', en: 'Grant the licence', phase: 'decision',
      from: ['reviewed'], to: 'granted', permission: 'case.approve', documents: ['licence_grant'], data: comment,
      approves: ['conclude_review'], // 行政许可法第三十四条、第三十八条: staff review, the agency decides
    }),
    step({
      id: 'refuse', zh: '作出不予许可决定', en: 'Refuse the licence', phase: 'decision',
      from: ['reviewed'], to: 'refused', permission: 'case.approve', documents: ['licence_refusal'], data: comment,
      approves: ['conclude_review'],
    }),
    step({
      id: 'issue_certificate', zh: '颁发许可证件', en: 'Issue the certificate', phase: 'service_execution',
      from: ['granted'], to: 'certificate_issued', data: z.object({ certificateNumber: text(64), validUntil: date().optional() }).strict(),
    }),
    step({
      id: 'serve', zh: '送达', en: 'Serve', phase: 'service_execution',
      from: ['certificate_issued', 'refused', 'not_accepted'], to: 'served', documents: ['service_receipt'],
      data: z.object({ method: z.enum(['in_person', 'post', 'electronic', 'at_window']), servedOn: date() }).strict(),
    }),
    closeStep(['served'], []),
  ],
  clocks: [
    {
      id: 'acceptance_5_days', zh: '五日内一次告知需补正的材料', en: 'Notify missing materials within 5 working days',
      basis: '行政许可法第三十二条、第八十二条', startsAt: 'opened', stopsAt: ['notify_missing', 'accept', 'refuse_to_accept'], amount: 5, unit: 'working_days',
    },
    {
      id: 'decision_20_days', zh: '受理之日起二十日内作出决定', en: 'Decide within 20 working days of acceptance',
      basis: '行政许可法第四十二条、第八十二条', startsAt: 'accept', stopsAt: ['grant', 'refuse'], amount: 20, unit: 'working_days',
      extension: { step: 'extend', by: 10 },
    },
    {
      id: 'certificate_10_days', zh: '决定之日起十日内颁发、送达许可证件', en: 'Issue the certificate within 10 working days',
      basis: '行政许可法第四十四条、第八十二条', startsAt: 'grant', stopsAt: ['issue_certificate'], amount: 10, unit: 'working_days',
    },
  ],
};

/** 行政强制措施: sealing up and seizure (行政强制法 Arts. 18–28). */
const coercion: Procedure = {
  id: 'coercion',
  category: 'coercion',
  zh: '行政强制措施（查封扣押）',
  en: 'Coercive measure (seal-up / seizure)',
  initial: 'registered',
  partyRequired: true,
  states: {
    registered: { zh: '已登记', en: 'Registered' },
    proposed: { zh: '待负责人批准', en: 'Awaiting approval' },
    approved: { zh: '已批准', en: 'Approved' },
    in_force: { zh: '措施实施中', en: 'In force' },
    lifted: { zh: '已解除或处理', en: 'Lifted or disposed of' },
    closed: { zh: '已结案', en: 'Closed' },
  },
  steps: [
    step({
      id: 'propose_measure', zh: '报请实施强制措施', en: 'Propose the measure', phase: 'initiation',
      from: ['registered'], to: 'proposed', effect: 'set_officers', guards: ['two_certified_officers'],
      data: z.object({ officers, measure: z.enum(['seal_up', 'seize', 'freeze']), items: text(), reason: text() }).strict(),
    }),
    step({
      id: 'approve_measure', zh: '负责人批准', en: 'Leader approves', phase: 'initiation',
      from: ['proposed'], to: 'approved', permission: 'case.approve', data: comment, approves: ['propose_measure'], // 行政强制法第十八条第一项
    }),
    step({
      id: 'implement', zh: '实施（现场笔录、查封扣押决定书）', en: 'Implement on site', phase: 'investigation',
      from: ['approved'], to: 'in_force', documents: ['seizure_decision', 'inspection_record'], av: true, guards: ['two_certified_officers'],
      data: z.object({ partyPresent: z.boolean(), witness: z.string().max(50).optional() }).strict(),
    }),
    step({
      id: 'extend', zh: '延长期限', en: 'Extend', phase: 'investigation',
      from: ['in_force'], to: 'in_force', permission: 'case.approve', guards: ['extension_unused'], data: z.object({ reason: text() }).strict(),
      notAnApproval: '行政强制法第二十五条: the leader extends the seizure on their own authority; no step of this table proposes it',
    }),
    step({
      id: 'lift', zh: '解除或作出处理决定', en: 'Lift or dispose', phase: 'decision',
      from: ['in_force'], to: 'lifted', permission: 'case.approve',
      notAnApproval: '行政强制法第二十七、二十八条: the leader decides to lift or dispose on their own authority; no step of this table proposes it',
      data: z.object({ outcome: z.enum(['lifted', 'confiscated', 'destroyed', 'transferred']), note: text() }).strict(),
    }),
    closeStep(['lifted']),
  ],
  clocks: [
    {
      id: 'seizure_30_days', zh: '查封、扣押期限不得超过三十日', en: 'A seal-up or seizure lasts at most 30 days',
      basis: '行政强制法第二十五条', startsAt: 'implement', stopsAt: ['lift'], amount: 30, unit: 'calendar_days',
      extension: { step: 'extend', by: 30 },
    },
  ],
};

/** 行政征收/征用. */
const levy: Procedure = {
  id: 'levy',
  category: 'levy',
  zh: '行政征收',
  en: 'Levy',
  initial: 'registered',
  partyRequired: true,
  states: {
    registered: { zh: '已登记', en: 'Registered' },
    assessed: { zh: '已核定', en: 'Assessed' },
    decided: { zh: '已作出征收决定', en: 'Decided' },
    served: { zh: '已送达', en: 'Served' },
    collected: { zh: '已征收', en: 'Collected' },
    closed: { zh: '已结案', en: 'Closed' },
  },
  steps: [
    step({
      id: 'assess', zh: '核定征收事项', en: 'Assess', phase: 'investigation',
      from: ['registered'], to: 'assessed', effect: 'set_officers',
      data: z.object({ officers, basis: text(), amount: yuan() }).strict(),
    }),
    step({
      id: 'decide', zh: '作出征收决定', en: 'Decide', phase: 'decision',
      from: ['assessed'], to: 'decided', permission: 'case.approve', documents: ['levy_decision'], data: comment, approves: ['assess'],
    }),
    step({
      id: 'serve', zh: '送达', en: 'Serve', phase: 'service_execution',
      from: ['decided'], to: 'served', documents: ['service_receipt'],
      data: z.object({ method: z.enum(['in_person', 'post', 'electronic']), servedOn: date() }).strict(),
    }),
    step({
      id: 'collect', zh: '征收入库', en: 'Collect', phase: 'service_execution',
      from: ['served'], to: 'collected', data: z.object({ amount: yuan(), receiptNo: text(50) }).strict(),
    }),
    closeStep(['collected']),
  ],
  clocks: [],
};

export const PROCEDURES: readonly Procedure[] = [inspection, penaltyGeneral, penaltySummary, licensing, coercion, levy];

const byId = new Map(PROCEDURES.map((p) => [p.id, p]));

export const procedureOf = (id: string): Procedure => {
  const p = byId.get(id);
  if (!p) throw new Error(`unknown procedure ${id}`);
  return p;
};

export const isProcedure = (id: string) => byId.has(id);
export const PROCEDURE_IDS = PROCEDURES.map((p) => p.id) as [string, ...string[]];
