import { z } from 'zod';
import type { Procedure, StateLabel } from '../types.js';
import { text, date, comment, officers, yuan, step, closeStep } from './steps.js';

const states = {
  registered: { zh: '已登记', en: 'Registered' },
  proposed: { zh: '待负责人批准', en: 'Awaiting approval' },
  approved: { zh: '已批准', en: 'Approved' },
  frozen: { zh: '冻结中', en: 'Frozen' },
  disposed: { zh: '已作出处理决定', en: 'Disposed of' },
  unfrozen: { zh: '已解除冻结', en: 'Unfrozen' },
  closed: { zh: '已结案', en: 'Closed' },
} as const satisfies Record<string, StateLabel>;

/**
 * Art. 29: "冻结存款、汇款应当由法律规定的行政机关实施" — a 法律 (a statute of the NPC or its Standing
 * Committee, named "…法"), not a regulation or rule, must give the agency the power. The proposal
 * names it, e.g. 《中华人民共和国税收征收管理法》第三十八条.
 */
const statutoryAuthority = text(500).refine((s) => /《[^》]*法》/.test(s) && !/《[^》]*(条例|规定|办法|细则)》/.test(s), {
  message: '冻结须由法律规定的行政机关实施，请写明授权的法律及条款（《……法》第……条）/ only an agency a statute (法律) empowers may freeze: name the statute and article',
});

const account = { bank: text(200), accountNumber: z.string().trim().regex(/^[0-9A-Za-z-]{6,40}$/), amount: yuan().refine((n) => n > 0, '冻结数额须大于零 / the amount must be positive') };

/** 冻结存款、汇款: freezing of deposits and remittances (行政强制法 Arts. 29–33, 69). */
export const freezing: Procedure<keyof typeof states> = {
  id: 'freezing',
  category: 'coercion',
  zh: '行政强制措施（冻结存款、汇款）',
  en: 'Coercive measure (freezing of deposits)',
  initial: 'registered',
  partyRequired: true,
  states,
  steps: [
    step({
      // Art. 30 with Art. 18(1)–(3): reported to and approved by the leader, two officers.
      id: 'propose_freeze', zh: '报请冻结', en: 'Propose the freeze', phase: 'initiation',
      from: ['registered'], to: 'proposed', effect: 'set_officers', guards: ['two_certified_officers'],
      data: z.object({ officers, statutoryAuthority, ...account, reason: text() }).strict(),
    }),
    step({
      id: 'approve_freeze', zh: '负责人批准冻结', en: 'Leader approves the freeze', phase: 'initiation',
      from: ['proposed'], to: 'approved', permission: 'case.approve', data: comment, approves: ['propose_freeze'], // 行政强制法第三十条、第十八条第一项
    }),
    step({
      // Art. 30: "向金融机构交付冻结通知书", with the 现场笔录 of Art. 18(7); the day of freezing starts Arts. 31 and 32.
      id: 'freeze', zh: '向金融机构交付冻结通知书', en: 'Serve the freeze notice on the bank', phase: 'investigation',
      from: ['approved'], to: 'frozen', documents: ['freeze_notice', 'inspection_record'], guards: ['two_certified_officers'],
      data: z.object({ frozenOn: date(), ...account }).strict(),
    }),
    step({
      // Art. 31: "应当在三日内向当事人交付冻结决定书" (three working days, Art. 69).
      id: 'serve_freeze_decision', zh: '向当事人交付冻结决定书', en: 'Serve the freeze decision on the party', phase: 'service_execution',
      from: ['frozen'], to: 'frozen', documents: ['freeze_decision', 'service_receipt'],
      data: z.object({ method: z.enum(['in_person', 'left_at_residence', 'post', 'electronic']), servedOn: date() }).strict(),
    }),
    step({
      id: 'extend', zh: '延长冻结期限', en: 'Extend the freeze', phase: 'investigation',
      from: ['frozen'], to: 'frozen', permission: 'case.approve', guards: ['extension_unused', 'extension_in_time'], documents: ['freeze_extension_decision'],
      data: z.object({ days: z.number().int().min(1).max(30), reason: text() }).strict(),
      notAnApproval: '行政强制法第三十二条: the leader extends the freeze on their own authority; no step of this table proposes it',
    }),
    step({
      // Art. 32(2): "延长冻结的决定应当及时书面告知当事人，并说明理由".
      id: 'serve_extension', zh: '送达延长冻结决定', en: 'Serve the extension decision', phase: 'service_execution',
      from: ['frozen'], to: 'frozen', requires: ['extend'], documents: ['service_receipt'],
      data: z.object({ method: z.enum(['in_person', 'left_at_residence', 'post', 'electronic']), servedOn: date() }).strict(),
    }),
    step({
      // Art. 32: "自冻结存款、汇款之日起三十日内，行政机关应当作出处理决定".
      id: 'dispose', zh: '作出处理决定', en: 'Decide how to dispose', phase: 'decision',
      from: ['frozen'], to: 'disposed', permission: 'case.approve', guards: ['within_measure_period'],
      notAnApproval: '行政强制法第三十二条: the leader decides on their own authority; no step of this table proposes it',
      data: z.object({ outcome: z.enum(['deducted', 'transferred']), note: text() }).strict(),
    }),
    step({
      // Art. 33: "应当及时作出解除冻结决定…应当及时通知金融机构和当事人".
      id: 'unfreeze', zh: '解除冻结', en: 'Unfreeze', phase: 'decision',
      from: ['frozen'], to: 'unfrozen', permission: 'case.approve', documents: ['unfreeze_decision'],
      notAnApproval: '行政强制法第三十三条: the leader unfreezes on their own authority; no step of this table proposes it',
      data: z.object({ ground: z.enum(['no_violation', 'unrelated', 'decided', 'period_expired', 'no_longer_needed']), bankNotifiedOn: date(), partyNotifiedOn: date(), note: text() }).strict(),
    }),
    closeStep(['disposed', 'unfrozen']),
  ],
  clocks: [
    {
      id: 'freeze_decision_3_days', zh: '三日内向当事人交付冻结决定书', en: 'Serve the freeze decision within 3 working days',
      // Art. 31 "三日内", counted in working days by Art. 69 ("十日以内期限的规定是指工作日，不含法定节假日").
      kind: 'agency_deadline', basis: '行政强制法第三十一条、第六十九条', startsAt: { step: 'freeze', date: 'frozenOn' }, stopsAt: [{ step: 'serve_freeze_decision', date: 'servedOn' }],
      amount: 3, unit: 'working_days',
    },
    {
      id: 'freeze_30_days', zh: '冻结之日起三十日内作出处理决定或者解除冻结', en: 'Dispose or unfreeze within 30 days of freezing',
      kind: 'agency_deadline', basis: '行政强制法第三十二条、第三十三条', startsAt: { step: 'freeze', date: 'frozenOn' }, stopsAt: ['dispose', 'unfreeze'],
      amount: 30, unit: 'calendar_days', extension: { step: 'extend', max: 30, field: 'days' },
      // As the seizure (./coercion.ts): a maximum period of deprivation, which Art. 33(3) has the bank
      // end by itself "自冻结期满之日起" — a holiday on day 30 does not lengthen it.
      lastDayOff: 'keep',
    },
  ],
};
