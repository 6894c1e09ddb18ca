import { z } from 'zod';
import type { Procedure, StateLabel } from '../types.js';
import { text, date, comment, officers, yuan, step, closeStep } from './steps.js';

const states = {
  registered: { zh: '已登记', en: 'Registered' },
  assessed: { zh: '已核定', en: 'Assessed' },
  decided: { zh: '已作出征收决定', en: 'Decided' },
  served: { zh: '已送达', en: 'Served' },
  collected: { zh: '已征收', en: 'Collected' },
  closed: { zh: '已结案', en: 'Closed' },
} as const satisfies Record<string, StateLabel>;

/** 行政征收/征用. */
export const levy: Procedure<keyof typeof states> = {
  id: 'levy',
  category: 'levy',
  zh: '行政征收',
  en: 'Levy',
  initial: 'registered',
  partyRequired: true,
  states,
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
