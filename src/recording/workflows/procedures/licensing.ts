import { z } from 'zod';
import type { Procedure, StateLabel } from '../types.js';
import { text, date, comment, officers, step, closeStep } from './steps.js';

const states = {
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
} as const satisfies Record<string, StateLabel>;

/** 行政许可 (R5 record items; 行政许可法 Arts. 32–44; limits in working days, Art. 82). */
export const licensing: Procedure<keyof typeof states> = {
  id: 'licensing',
  category: 'licensing',
  zh: '行政许可',
  en: 'Licensing',
  initial: 'applied',
  partyRequired: true,
  states,
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
      from: ['accepted'], to: 'accepted', permission: 'case.approve', guards: ['extension_unused', 'extension_in_time'], data: z.object({ reason: text() }).strict(),
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
      kind: 'agency_deadline', basis: '行政许可法第三十二条、第八十二条', startsAt: 'opened', stopsAt: ['notify_missing', 'accept', 'refuse_to_accept'], amount: 5, unit: 'working_days',
    },
    {
      id: 'decision_20_days', zh: '受理之日起二十日内作出决定', en: 'Decide within 20 working days of acceptance',
      kind: 'agency_deadline', basis: '行政许可法第四十二条、第八十二条', startsAt: 'accept', stopsAt: ['grant', 'refuse'], amount: 20, unit: 'working_days',
      extension: { step: 'extend', max: 10 },
    },
    {
      id: 'certificate_10_days', zh: '决定之日起十日内颁发、送达许可证件', en: 'Issue the certificate within 10 working days',
      kind: 'agency_deadline', basis: '行政许可法第四十四条、第八十二条', startsAt: 'grant', stopsAt: ['issue_certificate'], amount: 10, unit: 'working_days',
    },
  ],
};
