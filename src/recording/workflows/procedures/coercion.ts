import { z } from 'zod';
import type { Procedure, StateLabel } from '../types.js';
import { text, comment, officers, step, closeStep } from './steps.js';

const states = {
  registered: { zh: '已登记', en: 'Registered' },
  proposed: { zh: '待负责人批准', en: 'Awaiting approval' },
  approved: { zh: '已批准', en: 'Approved' },
  in_force: { zh: '措施实施中', en: 'In force' },
  lifted: { zh: '已解除或处理', en: 'Lifted or disposed of' },
  closed: { zh: '已结案', en: 'Closed' },
} as const satisfies Record<string, StateLabel>;

/** 行政强制措施: sealing up and seizure (行政强制法 Arts. 18–28). */
export const coercion: Procedure<keyof typeof states> = {
  id: 'coercion',
  category: 'coercion',
  zh: '行政强制措施（查封扣押）',
  en: 'Coercive measure (seal-up / seizure)',
  initial: 'registered',
  partyRequired: true,
  states,
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
      from: ['in_force'], to: 'in_force', permission: 'case.approve', guards: ['extension_unused', 'extension_in_time'], data: z.object({ reason: text() }).strict(),
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
      kind: 'agency_deadline', basis: '行政强制法第二十五条', startsAt: 'implement', stopsAt: ['lift'], amount: 30, unit: 'calendar_days',
      extension: { step: 'extend', max: 30 },
      // Art. 25: "查封、扣押的期限不得超过三十日" is a maximum period of deprivation, not a period for
      // someone to act: a holiday on day 30 does not lengthen it (the rule that moves a last day off
      // to the next working day protects the person who must act in time, here it would hold the
      // party's property longer). Art. 69 ("十日以内期限的规定是指工作日") does not reach 30 days.
      lastDayOff: 'keep',
    },
  ],
};
