import { z } from 'zod';
import type { ClockDef, Procedure, StateLabel } from '../types.js';
import { text, date, comment, officers, yuan, step, closeStep } from './steps.js';

const states = {
  registered: { zh: '已登记', en: 'Registered' },
  proposed: { zh: '待负责人批准', en: 'Awaiting approval' },
  approved: { zh: '已批准', en: 'Approved' },
  acted_urgently: { zh: '已当场实施（待报告）', en: 'Taken on the spot (to report)' },
  reported: { zh: '已报告（待补办批准）', en: 'Reported (awaiting ratification)' },
  in_force: { zh: '措施实施中', en: 'In force' },
  testing: { zh: '检测、检验、检疫或者技术鉴定中', en: 'Testing or appraisal' },
  disposed: { zh: '已作出处理决定', en: 'Disposed of' },
  released: { zh: '已解除（待退还财物）', en: 'Released (property to return)' },
  returned: { zh: '财物已退还', en: 'Property returned' },
  closed: { zh: '已结案', en: 'Closed' },
} as const satisfies Record<string, StateLabel>;

/** A China-time moment to the minute, 'YYYY-MM-DDTHH:mm' (the hours clock of Art. 19 counts from it). */
export const minute = () =>
  z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 YYYY-MM-DDTHH:mm / a time as YYYY-MM-DDTHH:mm')
    .meta({ format: 'date-time' });

/** 行政强制法第二十五条: "查封、扣押的期限不得超过三十日" — the period the decision states. */
const periodDays = z.number().int().min(1).max(30);
const measure = z.enum(['seal_up', 'seize']);

/** The seizure clock of one path: from the day the measure was taken, for the period its decision set. */
const seizureClock = (id: string, zh: string, en: string, from: { step: string; date: string }): ClockDef => ({
  id, zh, en, kind: 'agency_deadline', basis: '行政强制法第二十五条、第二十七条',
  startsAt: from, stopsAt: ['dispose', 'release', 'release_immediately'], amount: 30, unit: 'calendar_days',
  setBy: { step: from.step, field: 'periodDays' },
  // "情况复杂的，经行政机关负责人批准，可以延长，但是延长期限不得超过三十日": the length approved, once, in time.
  extension: { step: 'extend', max: 30, field: 'days' },
  // Art. 25(3): "查封、扣押的期间不包括检测、检验、检疫或者技术鉴定的期间".
  pauses: { start: { step: 'start_testing', date: 'from' }, end: { step: 'end_testing', date: 'on' } },
  // Art. 25: "查封、扣押的期限不得超过三十日" is a maximum period of deprivation, not a period for
  // someone to act: a holiday on day 30 does not lengthen it (the rule that moves a last day off
  // to the next working day protects the person who must act in time, here it would hold the
  // party's property longer). Art. 69 ("十日以内期限的规定是指工作日") does not reach 30 days.
  lastDayOff: 'keep',
});

/** 行政强制措施: sealing up and seizure (行政强制法 Arts. 18–28); freezing of deposits is ./freezing.ts. */
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
      data: z.object({ officers, measure, items: text(), reason: text() }).strict(),
    }),
    step({
      id: 'approve_measure', zh: '负责人批准', en: 'Leader approves', phase: 'initiation',
      from: ['proposed'], to: 'approved', permission: 'case.approve', data: comment, approves: ['propose_measure'], // 行政强制法第十八条第一项
    }),
    step({
      // Art. 24: "制作并当场交付查封、扣押决定书和清单"; the decision states its period (Art. 24(2)).
      id: 'implement', zh: '实施（现场笔录、查封扣押决定书）', en: 'Implement on site', phase: 'investigation',
      from: ['approved'], to: 'in_force', documents: ['seizure_decision', 'inspection_record'], av: true, guards: ['two_certified_officers'],
      data: z.object({ implementedOn: date(), periodDays, partyPresent: z.boolean(), witness: z.string().max(50).optional() }).strict(),
    }),
    step({
      // Art. 19: "情况紧急，需要当场实施行政强制措施的" — taken before approval, the time recorded to the minute.
      id: 'act_urgently', zh: '情况紧急当场实施', en: 'Take the measure on the spot (emergency)', phase: 'investigation',
      from: ['registered'], to: 'acted_urgently', effect: 'set_officers', documents: ['seizure_decision', 'inspection_record'], av: true, guards: ['two_certified_officers'],
      data: z.object({ officers, measure, items: text(), reason: text(), urgency: text(), actedAt: minute(), periodDays, partyPresent: z.boolean(), witness: z.string().max(50).optional() }).strict(),
    }),
    step({
      // Art. 19: "应当在二十四小时内向行政机关负责人报告" — the time of the report, to the minute.
      id: 'report_urgent', zh: '向负责人报告', en: 'Report to the leader', phase: 'investigation',
      from: ['acted_urgently'], to: 'reported', data: z.object({ reportedAt: minute(), reportedTo: text(50), summary: text() }).strict(),
    }),
    step({
      id: 'ratify', zh: '补办批准手续', en: 'Leader ratifies', phase: 'investigation',
      from: ['reported'], to: 'in_force', permission: 'case.approve', data: comment, approves: ['act_urgently'], // 行政强制法第十九条 "补办批准手续"
    }),
    step({
      // Art. 19: "行政机关负责人认为不应当采取行政强制措施的，应当立即解除".
      id: 'release_immediately', zh: '负责人决定立即解除', en: 'Leader orders immediate release', phase: 'decision',
      from: ['reported'], to: 'released', permission: 'case.approve', documents: ['seizure_release'], approves: ['act_urgently'],
      data: z.object({ reason: text() }).strict(),
    }),
    step({
      id: 'extend', zh: '延长查封扣押期限', en: 'Extend', phase: 'investigation',
      from: ['in_force'], to: 'in_force', permission: 'case.approve', guards: ['extension_unused', 'extension_in_time'], documents: ['seizure_extension_decision'],
      data: z.object({ days: periodDays, reason: text() }).strict(),
      notAnApproval: '行政强制法第二十五条: the leader extends the seizure on their own authority; no step of this table proposes it',
    }),
    step({
      // Art. 25(2): "延长查封、扣押的决定应当及时书面告知当事人，并说明理由".
      id: 'serve_extension', zh: '送达延长决定', en: 'Serve the extension decision', phase: 'service_execution',
      from: ['in_force'], to: 'in_force', requires: ['extend'], documents: ['service_receipt'],
      data: z.object({ method: z.enum(['in_person', 'left_at_residence', 'post', 'electronic']), servedOn: date() }).strict(),
    }),
    step({
      // Art. 25(3): the period of testing "应当明确，并书面告知当事人"; it is left out of the seizure's count.
      id: 'start_testing', zh: '送检（告知检测期间）', en: 'Send for testing', phase: 'investigation',
      from: ['in_force'], to: 'testing', roundsKept: true, documents: ['testing_period_notice'],
      data: z.object({ kind: z.enum(['testing', 'inspection', 'quarantine', 'appraisal']), institution: text(200), from: date(), until: date() }).strict().refine((d) => d.until >= d.from, {
        path: ['until'], message: '检测期间的结束日不得早于开始日 / the testing period cannot end before it starts',
      }),
    }),
    step({
      id: 'end_testing', zh: '检测结果已出', en: 'Testing finished', phase: 'investigation',
      from: ['testing'], to: 'in_force', roundsKept: true, data: z.object({ on: date(), result: text() }).strict(),
    }),
    step({
      // Art. 27: "在本法第二十五条规定的期限内作出处理决定" — after it, only release (Art. 28(4)).
      id: 'dispose', zh: '作出处理决定', en: 'Decide how to dispose', phase: 'decision',
      from: ['in_force'], to: 'disposed', permission: 'case.approve', guards: ['within_measure_period'],
      notAnApproval: '行政强制法第二十七条: the leader decides on their own authority; no step of this table proposes it',
      data: z.object({ outcome: z.enum(['confiscated', 'destroyed', 'transferred']), note: text() }).strict(),
    }),
    step({
      // Art. 28: "应当及时作出解除查封、扣押决定" on one of its five grounds.
      id: 'release', zh: '解除查封扣押', en: 'Release', phase: 'decision',
      from: ['in_force', 'testing'], to: 'released', permission: 'case.approve', documents: ['seizure_release'],
      notAnApproval: '行政强制法第二十八条: the leader releases on their own authority; no step of this table proposes it',
      data: z.object({ ground: z.enum(['no_violation', 'unrelated', 'decided', 'period_expired', 'no_longer_needed']), note: text() }).strict(),
    }),
    step({
      // Art. 28(2): "解除查封、扣押应当立即退还财物；已将鲜活物品或者其他不易保管的财物拍卖或者变卖的，退还拍卖或者变卖所得款项".
      id: 'return_property', zh: '退还财物', en: 'Return the property', phase: 'service_execution',
      from: ['released'], to: 'returned',
      data: z
        .object({ returnedOn: date(), itemsReturned: text(), soldBy: z.enum(['auction', 'sale']).optional(), saleProceeds: yuan().optional(), saleNote: z.string().trim().max(2000).optional() })
        .strict()
        .refine((d) => (d.soldBy === undefined) === (d.saleProceeds === undefined), {
          path: ['saleProceeds'], message: '已拍卖或者变卖的，须记录所得价款 / goods sold need the price obtained',
        }),
    }),
    closeStep(['disposed', 'returned']),
  ],
  clocks: [
    seizureClock('seizure_30_days', '查封、扣押期限（不超过三十日）', 'Seal-up or seizure period (at most 30 days)', { step: 'implement', date: 'implementedOn' }),
    seizureClock('seizure_30_days_emergency', '查封、扣押期限（当场实施，不超过三十日）', 'Seal-up or seizure period, taken on the spot (at most 30 days)', { step: 'act_urgently', date: 'actedAt' }),
    {
      id: 'urgent_report_24_hours', zh: '二十四小时内向负责人报告', en: 'Report to the leader within 24 hours',
      kind: 'agency_deadline', basis: '行政强制法第十九条', startsAt: { step: 'act_urgently', date: 'actedAt' }, stopsAt: [{ step: 'report_urgent', date: 'reportedAt' }],
      amount: 24, unit: 'hours',
    },
  ],
};
