import { z } from 'zod';
import type { Procedure, StateLabel } from '../types.js';
import { text, comment, officers, yuan, step, closeStep } from './steps.js';

const states = {
  registered: { zh: '现场发现违法行为', en: 'Found on the spot' },
  decided: { zh: '已当场作出决定', en: 'Decided on the spot' },
  filed_with_agency: { zh: '已报机关备案', en: 'Filed with the agency' },
  executed: { zh: '已执行', en: 'Executed' },
  closed: { zh: '已结案', en: 'Closed' },
} as const satisfies Record<string, StateLabel>;

/** 行政处罚 简易程序: on-the-spot decisions (行政处罚法 Arts. 51–53). */
export const penaltySummary: Procedure<keyof typeof states> = {
  id: 'penalty_summary',
  category: 'penalty',
  zh: '行政处罚（简易程序）',
  en: 'Penalty (summary procedure)',
  initial: 'registered',
  partyRequired: true,
  states,
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
  // No statutory clock for 备案: Art. 52 says only "执法人员当场作出的行政处罚决定，应当报所属行政机关备案",
  // with no period (the 2-working-day clock this table had was not in the law, issue 9). The step stays.
  clocks: [],
};
