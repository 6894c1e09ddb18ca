import { z } from 'zod';
import type { Procedure, StateLabel } from '../types.js';
import { text, date, comment, officers, yuan, step, closeStep } from './steps.js';

const states = {
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
  reminded: { zh: '已催告履行', en: 'Reminded to perform' },
  court_applied: { zh: '已申请法院强制执行', en: 'Enforcement applied for at the court' },
  executed: { zh: '已执行', en: 'Executed' },
  closed: { zh: '已结案', en: 'Closed' },
} as const satisfies Record<string, StateLabel>;

/**
 * The service of a notice on the party (the prior notice, the hearing summons), by the methods the
 * decision is served by (行政处罚法第六十一条 → 民事诉讼法 送达): `servedOn` is the day the party
 * received it — handed over or left at the residence (直接/留置), signed for on the postal receipt
 * (邮寄), reached the party's system (电子). For 公告送达 the notice is deemed served 30 days after
 * publication (民事诉讼法 "自发出公告之日起，经过三十日，即视为送达"; not in ../shared/laws):
 * `publishedOn` is required and `servedOn` is the deemed day, at the earliest publishedOn + 30.
 */
const noticeService = z
  .object({ method: z.enum(['in_person', 'left_at_residence', 'post', 'electronic', 'public_notice']), servedOn: date(), publishedOn: date().optional() })
  .strict();

/** 行政处罚 一般程序 (行政处罚法 Arts. 54–65). */
export const penaltyGeneral: Procedure<keyof typeof states> = {
  id: 'penalty_general',
  category: 'penalty',
  zh: '行政处罚（一般程序）',
  en: 'Penalty (general procedure)',
  initial: 'registered',
  partyRequired: true,
  states,
  steps: [
    step({
      id: 'propose_filing', zh: '立案申请', en: 'Propose filing', phase: 'initiation',
      from: ['registered'], to: 'filing_proposed', documents: ['case_filing_approval'], effect: 'set_officers',
      guards: ['two_certified_officers', 'limitation_period'],
      // 行政处罚法第三十六条: when the offence was committed (or, if continuing, ended) and when it was discovered.
      data: z.object({
        officers,
        summary: text(),
        offenceDate: date(),
        offenceContinuing: z.boolean(),
        discoveredOn: date(),
        // "涉及公民生命健康安全、金融安全且有危害后果的，上述期限延长至五年"
        limitationExtended: z.boolean(),
        // "法律另有规定的除外": the law and article that set another period.
        limitationException: text(500).optional(),
      }).strict(),
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
    // 行政处罚法第五十六条: "在证据可能灭失或者以后难以取得的情况下，经行政机关负责人批准，可以先行登记保存，
    // 并应当在七日内及时作出处理决定".
    step({
      id: 'propose_preservation', zh: '先行登记保存申请', en: 'Propose registering and preserving evidence', phase: 'investigation',
      from: ['filed'], to: 'filed', data: z.object({ items: text(), reason: text(500) }).strict(),
    }),
    step({
      id: 'approve_preservation', zh: '负责人批准先行登记保存', en: 'Leader approves the preservation', phase: 'investigation',
      from: ['filed'], to: 'filed', permission: 'case.approve', requires: ['propose_preservation'], approves: ['propose_preservation'], data: comment,
    }),
    step({
      id: 'preserve_evidence', zh: '先行登记保存证据', en: 'Register and preserve evidence', phase: 'investigation',
      // The 先行登记保存通知书 lists the items, names the approval and the 7 working days.
      from: ['filed'], to: 'filed', requires: ['approve_preservation'], guards: ['two_certified_officers'], documents: ['preservation_notice'],
      data: z.object({ preservedOn: date(), items: text() }).strict(),
    }),
    step({
      id: 'decide_preservation', zh: '对先行登记保存的证据作出处理决定', en: 'Decide how the preserved evidence is handled', phase: 'investigation',
      from: ['filed'], to: 'filed', requires: ['preserve_evidence'],
      data: z.object({ decidedOn: date(), handling: z.enum(['returned', 'seized_or_sealed', 'sent_for_testing', 'confiscation_proposed']), note: z.string().max(2000).optional() }).strict(),
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
      // A separate step: the notice is issued on one day and may reach the party on another. The
      // windows for statement, defence and a hearing request run from the party's receipt (the notice
      // says "自收到本告知书之日起五日内"), recorded here with its 送达回证.
      id: 'serve_prior_notice', zh: '送达事先告知书', en: 'Serve the prior notice', phase: 'decision',
      from: ['notified'], to: 'notified', documents: ['service_receipt'], guards: ['notice_service_date'], data: noticeService,
    }),
    step({
      id: 'record_statement', zh: '听取陈述申辩', en: 'Record the statement and defence', phase: 'decision',
      from: ['notified'], to: 'notified',
      data: z.object({ summary: text(), accepted: z.boolean() }).strict(),
    }),
    step({
      // 行政处罚法第六十二条 "当事人明确放弃陈述或者申辩权利的除外": an express waiver, signed by the party; it
      // closes the statement window only, never the hearing-request window.
      id: 'waive_statement', zh: '当事人放弃陈述申辩', en: 'The party waives statement and defence', phase: 'decision',
      from: ['notified'], to: 'notified', documents: ['statement_waiver'], requires: ['serve_prior_notice'], guards: ['waiver_date'],
      data: z.object({ signedOn: date() }).strict(),
    }),
    step({
      // 第六十三条: a right the party may give up, by its own signed statement; it closes only the hearing window.
      id: 'waive_hearing', zh: '当事人放弃听证', en: 'The party waives the hearing', phase: 'decision',
      from: ['notified'], to: 'notified', documents: ['hearing_waiver'], requires: ['serve_prior_notice'], guards: ['hearing_eligible', 'waiver_date'],
      data: z.object({ signedOn: date() }).strict(),
    }),
    step({
      // 第六十四条（一）: judged by the day the party made the request (for a request by post, the postmark:
      // 民事诉讼法 期间 "期满前交邮的，不算过期"), not by the day it is entered.
      id: 'request_hearing', zh: '当事人申请听证', en: 'The party asks for a hearing', phase: 'decision',
      from: ['notified'], to: 'hearing_requested', requires: ['serve_prior_notice'], guards: ['hearing_eligible', 'hearing_request_in_time'],
      data: z
        .object({
          madeBy: z.enum(['handed_in', 'by_post', 'electronically']),
          /** The day the agency received it (handed in, delivered by post, reached its system). */
          requestedOn: date(),
          /** For a request by post: the postmark date, the day that counts. */
          postmarkOn: date().optional(),
        })
        .strict(),
    }),
    step({
      // A rescheduled hearing (the summons reached the party too late) is scheduled again, with a new summons.
      id: 'schedule_hearing', zh: '通知听证', en: 'Schedule the hearing', phase: 'decision',
      from: ['hearing_requested', 'hearing_scheduled'], to: 'hearing_scheduled', documents: ['hearing_summons'], guards: ['hearing_notice_period'],
      data: z.object({ hearingOn: date(), place: text(200), host: text(50), public: z.boolean() }).strict(),
    }),
    step({
      id: 'serve_hearing_summons', zh: '送达听证通知书', en: 'Serve the hearing summons', phase: 'decision',
      from: ['hearing_scheduled'], to: 'hearing_scheduled', documents: ['service_receipt'], guards: ['notice_service_date'], data: noticeService,
    }),
    step({
      id: 'hold_hearing', zh: '举行听证', en: 'Hold the hearing', phase: 'decision',
      from: ['hearing_scheduled'], to: 'heard', documents: ['hearing_record'], av: true, guards: ['hearing_summons_served', 'hearing_date_reached'], data: comment,
    }),
    step({
      id: 'decide', zh: '作出处罚决定', en: 'Decide the penalty', phase: 'decision',
      from: ['notified', 'heard'], to: 'decided', permission: 'case.approve', documents: ['penalty_decision'],
      // 第六十二条: not before the notice reached the party and the windows it opened closed (or were waived).
      requires: ['serve_prior_notice'], guards: ['defence_window_closed'], approves: ['conclude_investigation'], // 行政处罚法第五十七条: the leader reviews the investigation's result
      data: z.object({ penalty: text(500), fineAmount: yuan().optional() }).strict(),
    }),
    step({
      id: 'serve', zh: '送达', en: 'Serve the decision', phase: 'service_execution',
      from: ['decided'], to: 'served', documents: ['service_receipt'],
      data: z.object({ method: z.enum(['in_person', 'left_at_residence', 'post', 'electronic', 'public_notice']), servedOn: date() }).strict(),
    }),
    // 行政处罚法第六十六条第二款: "当事人确有经济困难，需要延期或者分期缴纳罚款的，经当事人申请和行政机关批准，
    // 可以暂缓或者分期缴纳". Asked and approved while the payment window is open.
    step({
      id: 'apply_deferral', zh: '当事人申请延期（分期）缴纳罚款', en: 'The party applies to defer or pay the fine in instalments', phase: 'service_execution',
      from: ['served'], to: 'served', guards: ['fine_imposed', 'payment_window_open'],
      data: z.object({ appliedOn: date(), kind: z.enum(['deferral', 'instalments']), reason: text(500) }).strict(),
    }),
    step({
      id: 'approve_deferral', zh: '批准延期（分期）缴纳罚款', en: 'Approve the deferral or instalments', phase: 'service_execution',
      from: ['served'], to: 'served', permission: 'case.approve', requires: ['apply_deferral'], approves: ['apply_deferral'],
      guards: ['payment_schedule'], // the application was checked against the window when recorded
      // One instalment for a deferral; the amounts add up to the fine, the dates in order.
      data: z.object({ instalments: z.array(z.object({ dueOn: date(), amount: yuan() }).strict()).min(1).max(24), payBy: date() }).strict(),
    }),
    // 行政处罚法第七十三条第三款: "当事人申请行政复议或者提起行政诉讼的，加处罚款的数额在行政复议或者行政诉讼期间
    // 不予计算" — the dates bound the pause in the late-payment penalty (penalty-periods.ts).
    step({
      id: 'record_remedy', zh: '当事人申请行政复议或者提起行政诉讼', en: 'The party seeks review or sues', phase: 'service_execution',
      from: ['served'], to: 'served', roundsKept: true,
      data: z.object({ kind: z.enum(['reconsideration', 'litigation']), filedOn: date() }).strict(),
    }),
    step({
      id: 'end_remedy', zh: '行政复议或者行政诉讼终结', en: 'The review or litigation ends', phase: 'service_execution',
      from: ['served'], to: 'served', roundsKept: true, guards: ['remedy_pending'],
      data: z.object({ endedOn: date(), outcome: z.enum(['upheld', 'varied', 'revoked', 'withdrawn']) }).strict(),
    }),
    // 行政强制法第五十四条: "行政机关申请人民法院强制执行前，应当催告当事人履行义务"; 第三十五条 "催告应当以书面形式
    // 作出": the 催告书 (its time limit, manner, amount and way of payment, the right to state and defend).
    // Issued here, served by the next step: 第五十四条 "催告书送达十日后" counts from the party's receipt.
    step({
      id: 'remind_to_perform', zh: '催告履行（制发催告书）', en: 'Remind the party to perform (issue the reminder)', phase: 'service_execution',
      from: ['served'], to: 'reminded', guards: ['payment_window_closed'], documents: ['enforcement_reminder'], data: comment,
    }),
    step({
      id: 'serve_reminder', zh: '送达催告书', en: 'Serve the reminder', phase: 'service_execution',
      from: ['reminded'], to: 'reminded', documents: ['service_receipt'], guards: ['notice_service_date'], data: noticeService,
    }),
    // 行政强制法第五十三条、第五十四条: within three months after the period for review and litigation ends,
    // and after 10 working days from the reminder's service.
    step({
      id: 'apply_to_court', zh: '申请人民法院强制执行', en: 'Apply to the court for enforcement', phase: 'service_execution',
      from: ['reminded'], to: 'court_applied', permission: 'case.approve', requires: ['serve_reminder'], notAnApproval: '负责人以本机关名义向人民法院提出申请（行政强制法第五十五条），不审批他人提议',
      guards: ['court_application_in_time'], data: z.object({ court: text(100) }).strict(),
    }),
    step({
      id: 'execute', zh: '执行', en: 'Execute', phase: 'service_execution',
      from: ['served', 'reminded', 'court_applied'], to: 'executed', guards: ['payment_within_law'],
      data: z.object({
        how: z.enum(['paid', 'performed', 'enforced_by_court', 'not_applicable']),
        paidAmount: yuan().optional(),
        // The day the party paid (the bank's date), not the day it was entered.
        paidOn: date().optional(),
        // 行政处罚法第七十二条第一款第一项: the late-payment penalty collected, within what the law allows.
        latePenalty: yuan().optional(),
        note: z.string().max(2000).optional(),
      }).strict(),
    }),
    closeStep(['executed']),
  ],
  clocks: [
    {
      id: 'decision_90_days', zh: '立案之日起九十日内作出处罚决定', en: 'Decide within 90 days of filing',
      kind: 'agency_deadline', basis: '行政处罚法第六十条', startsAt: 'approve_filing', stopsAt: ['decide'], amount: 90, unit: 'calendar_days',
      // A period for the agency to act: a last day off moves to the next working day (the courts' rule
      // for periods, 民事诉讼法 期间, applied to administrative cases through 行政诉讼法第一百零一条).
      lastDayOff: 'next_working_day',
    },
    {
      id: 'statement_defence_5_days', zh: '收到告知书后五日内陈述、申辩', en: 'Statement and defence within 5 working days of receiving the prior notice',
      // Arts. 44, 45: the right to state and defend; Art. 62: no decision without hearing it unless waived.
      // The law sets no period; the prior notice gives "五日内" (Art. 85: 五日 = working days).
      // Counted from service (the notice says "自收到本告知书之日起"); a signed waiver closes it (Art. 62).
      kind: 'party_window', basis: '行政处罚法第四十四条、第四十五条、第六十二条、第八十五条',
      startsAt: { step: 'serve_prior_notice', date: 'servedOn' }, stopsAt: [{ step: 'waive_statement', date: 'signedOn' }, 'decide'],
      amount: 5, unit: 'working_days',
    },
    {
      id: 'hearing_request_5_days', zh: '告知后五日内可要求听证', en: 'Hearing may be requested within 5 working days',
      // Art. 64(1) "告知后五日内": the party is told when the notice reaches it, so from service too.
      kind: 'party_window', basis: '行政处罚法第六十四条、第八十五条', amount: 5, unit: 'working_days',
      startsAt: { step: 'serve_prior_notice', date: 'servedOn' },
      stopsAt: [{ step: 'request_hearing', date: 'requestedOn' }, { step: 'waive_hearing', date: 'signedOn' }, 'decide'],
      // 行政处罚法第六十三条: the right (and so its window) exists only for the penalties it lists.
      onlyIf: { step: 'conclude_investigation', flag: 'hearingEligible' },
    },
    {
      id: 'service_7_days', zh: '当事人不在场的，七日内送达', en: 'Serve within 7 working days',
      kind: 'agency_deadline', basis: '行政处罚法第六十一条、第八十五条', startsAt: 'decide', stopsAt: ['serve'], amount: 7, unit: 'working_days',
    },
    {
      id: 'preservation_decision_7_days', zh: '先行登记保存后七日内作出处理决定', en: 'Decide on preserved evidence within 7 working days',
      kind: 'agency_deadline', basis: '行政处罚法第五十六条、第八十五条', startsAt: { step: 'preserve_evidence', date: 'preservedOn' },
      stopsAt: [{ step: 'decide_preservation', date: 'decidedOn' }], amount: 7, unit: 'working_days',
    },
    {
      id: 'payment_15_days', zh: '收到决定书之日起十五日内缴纳罚款', en: 'Pay the fine within 15 days of receiving the decision',
      // The party's time to pay (第六十六条, 第六十七条第三款), not a deadline the agency can miss: past it
      // the agency may act (第七十二条). 15 calendar days (Art. 85 lists only 二日…七日) from the service
      // date; a last day off moves to the next working day (民事诉讼法第八十五条, through 行政诉讼法第一百零一条).
      kind: 'party_window', basis: '行政处罚法第六十六条、第六十七条第三款', startsAt: { step: 'serve', date: 'servedOn' },
      stopsAt: [{ step: 'execute', date: 'paidOn' }], amount: 15, unit: 'calendar_days', lastDayOff: 'next_working_day',
      onlyIf: { step: 'decide', flag: 'fineAmount' },
      // 第六十六条第二款: an approved deferral or schedule sets the last day.
      endsOn: { step: 'approve_deferral', date: 'payBy' },
    },
    {
      id: 'reminder_10_days', zh: '催告书送达十日后方可申请法院强制执行', en: 'The court may be applied to 10 working days after the reminder',
      kind: 'party_window', basis: '行政强制法第五十四条、第六十九条', startsAt: { step: 'serve_reminder', date: 'servedOn' },
      stopsAt: [{ step: 'execute', date: 'paidOn' }], amount: 10, unit: 'working_days',
    },
  ],
};
