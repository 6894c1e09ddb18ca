import { z } from 'zod';
import type { Procedure, StateLabel } from '../types.js';
import { text, date, comment, officers, yuan, step, closeStep } from './steps.js';

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
      from: ['decided', 'executed'], to: 'filed_with_agency', data: comment,
    }),
    // Payment at the bank within 15 days (第五十三条 → 第六十七条), or collection on the spot where
    // 第六十八条 or 第六十九条 allows it, against the official receipt (第七十条); either before or after 备案.
    step({
      id: 'execute', zh: '执行', en: 'Execute', phase: 'service_execution',
      from: ['decided', 'filed_with_agency'], to: 'executed', guards: ['on_spot_collection_allowed', 'payment_within_law'],
      data: z.object({
        how: z.enum(['paid', 'collected_on_spot', 'warning_given']),
        paidAmount: yuan().optional(),
        // The day paid at the bank (how: paid), or the day collected on the spot (第七十一条 counts from it).
        paidOn: date().optional(),
        collectedOn: date().optional(),
        // 第六十八条: (一) 依法给予一百元以下罚款的; (二) 不当场收缴事后难以执行的; 第六十九条: remote, water or
        // poorly connected areas, where the party asks.
        collectionGround: z.enum(['fine_up_to_100', 'hard_to_enforce_later', 'remote_area_party_asked']).optional(),
        // 第七十条: the number of the receipt printed by the finance department.
        receiptNo: z.string().trim().min(1).max(50).optional(),
        latePenalty: yuan().optional(),
      }).strict(),
    }),
    // 第七十一条: "执法人员当场收缴的罚款，应当自收缴罚款之日起二日内，交至行政机关".
    step({
      id: 'hand_over_fine', zh: '当场收缴的罚款交至行政机关', en: 'Hand the fine collected on the spot to the agency', phase: 'service_execution',
      from: ['executed', 'filed_with_agency'], to: 'executed', guards: ['collected_on_spot'],
      data: z.object({ handedOverOn: date() }).strict(),
    }),
    { ...closeStep(['executed', 'filed_with_agency'], []), requires: ['file_with_agency', 'execute'], guards: ['collected_fine_handed_over'] },
  ],
  // No statutory clock for 备案: Art. 52 says only "执法人员当场作出的行政处罚决定，应当报所属行政机关备案",
  // with no period (the 2-working-day clock this table had was not in the law, issue 9). The step stays.
  clocks: [
    {
      id: 'payment_15_days', zh: '收到决定书之日起十五日内缴纳罚款', en: 'Pay the fine within 15 days of receiving the decision',
      // 第五十二条: the decision is handed to the party on the spot, so the day decided is the day received;
      // 第五十三条 → 第六十七条第三款. Calendar days, a last day off moving to the next working day (as in the general procedure).
      kind: 'party_window', basis: '行政处罚法第五十二条、第五十三条、第六十七条第三款', startsAt: 'decide_on_spot',
      stopsAt: [{ step: 'execute', date: 'paidOn' }, { step: 'execute', date: 'collectedOn' }], amount: 15, unit: 'calendar_days', lastDayOff: 'next_working_day',
      onlyIf: { step: 'decide_on_spot', flag: 'fineAmount' },
    },
    {
      id: 'hand_over_2_days', zh: '当场收缴的罚款二日内交至行政机关', en: 'Hand fines collected on the spot to the agency within 2 working days',
      kind: 'agency_deadline', basis: '行政处罚法第七十一条、第八十五条', startsAt: { step: 'execute', date: 'collectedOn' },
      stopsAt: [{ step: 'hand_over_fine', date: 'handedOverOn' }], amount: 2, unit: 'working_days',
    },
  ],
};
