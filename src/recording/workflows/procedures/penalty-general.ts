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
  executed: { zh: '已执行', en: 'Executed' },
  closed: { zh: '已结案', en: 'Closed' },
} as const satisfies Record<string, StateLabel>;

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
      kind: 'agency_deadline', basis: '行政处罚法第六十条', startsAt: 'approve_filing', stopsAt: ['decide'], amount: 90, unit: 'calendar_days',
      // A period for the agency to act: a last day off moves to the next working day (the courts' rule
      // for periods, 民事诉讼法 期间, applied to administrative cases through 行政诉讼法第一百零一条).
      lastDayOff: 'next_working_day',
    },
    {
      id: 'statement_defence_5_days', zh: '收到告知书后五日内陈述、申辩', en: 'Statement and defence within 5 working days of the prior notice',
      // Arts. 44, 45: the right to state and defend; Art. 62: no decision without hearing it unless waived.
      // The law sets no period; the prior notice gives "五日内" (Art. 85: 五日 = working days).
      kind: 'party_window', basis: '行政处罚法第四十四条、第四十五条、第六十二条、第八十五条', startsAt: 'notify_prior', stopsAt: ['decide'],
      amount: 5, unit: 'working_days',
    },
    {
      id: 'hearing_request_5_days', zh: '告知后五日内可要求听证', en: 'Hearing may be requested within 5 working days',
      kind: 'party_window', basis: '行政处罚法第六十四条、第八十五条', startsAt: 'notify_prior', stopsAt: ['request_hearing', 'decide'], amount: 5, unit: 'working_days',
      // 行政处罚法第六十三条: the right (and so its window) exists only for the penalties it lists.
      onlyIf: { step: 'conclude_investigation', flag: 'hearingEligible' },
    },
    {
      id: 'service_7_days', zh: '当事人不在场的，七日内送达', en: 'Serve within 7 working days',
      kind: 'agency_deadline', basis: '行政处罚法第六十一条、第八十五条', startsAt: 'decide', stopsAt: ['serve'], amount: 7, unit: 'working_days',
    },
  ],
};
