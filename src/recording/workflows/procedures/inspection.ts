import { z } from 'zod';
import type { Procedure, StateLabel } from '../types.js';
import { text, date, nothing, comment, officers, step, closeStep } from './steps.js';

const states = {
  registered: { zh: '案源已登记', en: 'Source registered' },
  group_formed: { zh: '检查组已组成', en: 'Group formed' },
  planned: { zh: '检查方案已制定', en: 'Planned' },
  notified: { zh: '已通知被检查人', en: 'Party notified' },
  on_site: { zh: '现场检查中', en: 'On site' },
  outcome_proposed: { zh: '处理意见待审批', en: 'Outcome awaiting approval' },
  concluded: { zh: '检查结论已作出', en: 'Concluded' },
  closed: { zh: '已结案', en: 'Closed' },
} as const satisfies Record<string, StateLabel>;

/** 行政检查 (R4, seed 002 ch. 2). */
export const inspection: Procedure<keyof typeof states> = {
  id: 'inspection',
  category: 'inspection',
  zh: '行政检查',
  en: 'Inspection',
  initial: 'registered',
  partyRequired: true,
  states,
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
