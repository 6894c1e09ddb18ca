import { z } from 'zod';
import type { Procedure, StateLabel } from '../types.js';
import { text, date, comment, officers, step, closeStep } from './steps.js';

const states = {
  applied: { zh: '已收到申请', en: 'Application received' },
  awaiting_supplement: { zh: '待补正材料', en: 'Awaiting missing materials' },
  accepted: { zh: '已受理（审查中）', en: 'Accepted (under review)' },
  excluded_period: { zh: '听证、检验、专家评审等（不计入审查期限）', en: 'Hearing, testing, expert review etc. (not counted)' },
  reviewed: { zh: '审查完毕', en: 'Reviewed' },
  granted: { zh: '准予许可', en: 'Granted' },
  refused: { zh: '不予许可', en: 'Refused' },
  certificate_issued: { zh: '许可证件已颁发', en: 'Certificate issued' },
  not_accepted: { zh: '不予受理', en: 'Not accepted' },
  forwarded: { zh: '已报送上级行政机关决定', en: 'Forwarded to the superior agency for decision' },
  served: { zh: '已送达', en: 'Served' },
  closed: { zh: '已结案', en: 'Closed' },
} as const satisfies Record<string, StateLabel>;

/**
 * 行政许可法第四十五条: the procedures whose time is left out of the count ("听证、招标、拍卖、检验、
 * 检测、检疫、鉴定和专家评审").
 */
const EXCLUDED_PROCEDURES = ['hearing', 'tendering', 'auction', 'inspection', 'testing', 'quarantine', 'appraisal', 'expert_review'] as const;

/** 行政许可法第四十二条: 10 days; 第四十二条第二款 (joint/centralised processing): 15, where the power item says so. */
const EXTENSION_CAP = 15;

/**
 * 行政许可 (R5 record items; 行政许可法 Arts. 32–48; every period in working days, Art. 82 "本法规定的
 * 行政机关实施行政许可的期限以工作日计算，不含法定节假日").
 */
export const licensing: Procedure<keyof typeof states> = {
  id: 'licensing',
  category: 'licensing',
  zh: '行政许可',
  en: 'Licensing',
  initial: 'applied',
  partyRequired: true,
  states,
  steps: [
    // Art. 32(4): "当场或者在五日内一次告知申请人需要补正的全部内容" — once, and only within the 5 days.
    step({
      id: 'notify_missing', zh: '一次性告知补正', en: 'One-time notice of missing materials', phase: 'initiation',
      from: ['applied'], to: 'awaiting_supplement', documents: ['missing_materials_notice'], guards: ['first_missing_notice', 'acceptance_window_open'],
      data: z.object({ missing: z.array(text(200)).min(1).max(100) }).strict(),
    }),
    step({
      id: 'receive_supplement', zh: '收到补正材料', en: 'Missing materials received', phase: 'initiation',
      from: ['awaiting_supplement'], to: 'applied',
      data: z.object({ received: z.array(text(200)).min(1).max(100), receivedOn: date().optional() }).strict(),
    }),
    // Art. 32 (last para.): "受理…应当出具加盖本行政机关专用印章和注明日期的书面凭证" — the 受理通知书.
    step({
      id: 'accept', zh: '受理', en: 'Accept', phase: 'initiation',
      from: ['applied'], to: 'accepted', documents: ['acceptance_notice'], effect: 'set_officers',
      // Art. 43: a licence the law has this (lower) agency review and its superior decide — said at acceptance.
      data: z.object({ officers, superiorDecides: z.boolean().optional() }).strict(),
    }),
    // Art. 32(1)(2) and the last paragraph: a refusal to accept is a dated, sealed written document.
    step({
      id: 'refuse_to_accept', zh: '不予受理', en: 'Refuse to accept', phase: 'initiation',
      from: ['applied'], to: 'not_accepted', documents: ['non_acceptance_decision'], guards: ['acceptance_window_open'],
      data: z.object({ ground: z.enum(['not_licensable', 'not_competent', 'materials_incomplete']), reason: text() }).strict(),
    }),
    step({
      id: 'site_check', zh: '实地核查', en: 'Site check', phase: 'investigation',
      from: ['accepted'], to: 'accepted', documents: ['inspection_record'], av: true, guards: ['two_certified_officers'], data: comment,
    }),
    step({
      id: 'seek_opinions', zh: '征求意见/技术审查', en: 'Opinions sought or technical evaluation', phase: 'investigation',
      from: ['accepted'], to: 'accepted',
      data: z.object({ kind: z.enum(['evaluation', 'opinions_sought']), summary: text() }).strict(),
    }),
    // Art. 45: the time of a hearing, tendering, auction, testing, quarantine, appraisal or expert review
    // is not counted; "行政机关应当将所需时间书面告知申请人" — the notice is issued when it begins.
    step({
      id: 'begin_excluded_period', zh: '启动听证、检验、专家评审等', en: 'Begin a hearing, testing, expert review etc.', phase: 'investigation',
      from: ['accepted'], to: 'excluded_period', documents: ['excluded_time_notice'], roundsKept: true,
      data: z.object({ kind: z.enum(EXCLUDED_PROCEDURES), startedOn: date(), timeNeeded: text(200) }).strict(),
    }),
    step({
      id: 'end_excluded_period', zh: '听证、检验、专家评审等结束', en: 'End of the hearing, testing, expert review etc.', phase: 'investigation',
      from: ['excluded_period'], to: 'accepted', roundsKept: true,
      data: z.object({ endedOn: date(), outcome: text() }).strict(),
    }),
    // Art. 47: "应当告知申请人、利害关系人享有要求听证的权利" — told on `notifiedOn` (served).
    step({
      id: 'notify_hearing_right', zh: '告知听证权利', en: 'Notify the right to a hearing', phase: 'investigation',
      from: ['accepted'], to: 'accepted', documents: ['licence_hearing_rights_notice'],
      data: z.object({ notifiedOn: date() }).strict(),
    }),
    // Art. 47: "在被告知听证权利之日起五日内提出听证申请的" — timely by its own date.
    step({
      id: 'request_hearing', zh: '收到听证申请', en: 'Hearing request received', phase: 'investigation',
      from: ['accepted'], to: 'accepted', requires: ['notify_hearing_right'], guards: ['licence_hearing_request_in_time'],
      data: z.object({ requestedOn: date(), requester: text(200) }).strict(),
    }),
    // Art. 48(1): "于举行听证的七日前将举行听证的时间、地点通知申请人、利害关系人". A hearing is one of
    // Art. 45's procedures: it is scheduled and held once its time has been left out of the count
    // (begin_excluded_period, kind 'hearing', with the written notice of the time needed).
    step({
      id: 'schedule_hearing', zh: '通知听证时间地点', en: 'Notify the hearing date and place', phase: 'investigation',
      from: ['excluded_period'], to: 'excluded_period', requires: ['request_hearing'], documents: ['licence_hearing_notice'], guards: ['licence_hearing_notice_period'],
      data: z.object({ hearingOn: date(), place: text(200), notifiedOn: date() }).strict(),
    }),
    // Art. 48(5): "听证应当制作笔录…交听证参加人确认无误后签字或者盖章".
    step({
      id: 'hold_hearing', zh: '举行听证', en: 'Hold the hearing', phase: 'investigation',
      from: ['excluded_period'], to: 'excluded_period', requires: ['schedule_hearing'], documents: ['hearing_record'],
      data: z.object({ heldOn: date() }).strict(),
    }),
    // Art. 42: "经本行政机关负责人批准，可以延长十日，并应当将延长期限的理由告知申请人".
    step({
      id: 'extend', zh: '延长审查期限', en: 'Extend the time limit', phase: 'investigation',
      from: ['accepted'], to: 'accepted', permission: 'case.approve', documents: ['extension_notice'],
      guards: ['extension_unused', 'extension_in_time', 'extension_length_allowed'],
      data: z.object({ days: z.number().int().min(1).max(EXTENSION_CAP), reason: text() }).strict(),
      notAnApproval: '行政许可法第四十二条: the leader extends the time limit on their own authority; no step of this table proposes it',
    }),
    step({
      id: 'conclude_review', zh: '审查完毕（含法制审核意见）', en: 'Conclude the review (with legal review opinion)', phase: 'decision',
      from: ['accepted'], to: 'reviewed', guards: ['decided_here'],
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
    // Art. 43: "下级行政机关应当自其受理行政许可申请之日起二十日内审查完毕，并将初步审查意见和全部申请材料
    // 直接报送上级行政机关。上级行政机关不得要求申请人重复提供申请材料" — the superior decides; the case ends
    // here with the forwarding (the superior's decision is its own case, at its own agency).
    step({
      id: 'forward_to_superior', zh: '报送上级行政机关决定', en: 'Forward to the superior agency for decision', phase: 'decision',
      from: ['accepted'], to: 'forwarded', permission: 'case.approve', guards: ['superior_decides'],
      notAnApproval: '行政许可法第四十三条: the agency forwards its preliminary opinion in its own name; no step proposes it',
      data: z.object({
        superiorAgency: text(200),
        /** The day the opinion and materials were sent (handed over, posted, sent through the system). */
        forwardedOn: date(),
        preliminaryOpinion: text(),
        materials: z.array(text(200)).min(1).max(100),
      }).strict(),
    }),
    closeStep(['served', 'forwarded'], []),
  ],
  clocks: [
    {
      // Art. 32(4): from the day the materials were received, not the day they were entered.
      id: 'acceptance_5_days', zh: '五日内一次告知需补正的材料', en: 'Notify missing materials within 5 working days',
      kind: 'agency_deadline', basis: '行政许可法第三十二条、第八十二条', startsAt: 'received', stopsAt: ['notify_missing', 'accept', 'refuse_to_accept'], amount: 5, unit: 'working_days',
    },
    {
      // Art. 42: "自受理行政许可申请之日起二十日内" — from acceptance (after a timely notice, the acceptance
      // of the supplemented application, Art. 32(5)); Art. 32(4): with no notice in the 5 days, accepted
      // from the day of receipt. Art. 42(2) (45 + 15) and other laws' periods come from the power item.
      id: 'decision_20_days', zh: '受理之日起二十日内作出决定', en: 'Decide within 20 working days of acceptance',
      kind: 'agency_deadline', basis: '行政许可法第四十二条、第八十二条', startsAt: 'accept', stopsAt: ['grant', 'refuse'], amount: 20, unit: 'working_days',
      deemedStart: { whenMissed: 'acceptance_5_days', from: 'received' },
      extension: { step: 'extend', max: 10, field: 'days' },
      pauses: { start: { step: 'begin_excluded_period', date: 'startedOn' }, end: { step: 'end_excluded_period', date: 'endedOn' } },
      // Art. 43: where the superior decides, its own 20 days run there, not here.
      unless: { step: 'accept', flag: 'superiorDecides' },
    },
    {
      // Art. 43: "自其受理行政许可申请之日起二十日内审查完毕，并将初步审查意见和全部申请材料直接报送上级行政机关"
      // (Art. 82: working days) — met on the day forwarded. Acceptance as for Art. 42 (deemed from receipt,
      // Art. 32); Art. 45's excluded periods are left out ("本节规定的期限"). No extension: Art. 43 gives none.
      id: 'lower_review_20_days', zh: '受理之日起二十日内审查完毕并报送上级机关', en: 'Review and forward to the superior within 20 working days of acceptance',
      kind: 'agency_deadline', basis: '行政许可法第四十三条、第八十二条', startsAt: 'accept', stopsAt: [{ step: 'forward_to_superior', date: 'forwardedOn' }],
      amount: 20, unit: 'working_days',
      deemedStart: { whenMissed: 'acceptance_5_days', from: 'received' },
      pauses: { start: { step: 'begin_excluded_period', date: 'startedOn' }, end: { step: 'end_excluded_period', date: 'endedOn' } },
      onlyIf: { step: 'accept', flag: 'superiorDecides' },
    },
    {
      // Art. 47: the applicant's (or interested party's) window, from being told of the right.
      id: 'licence_hearing_request_5_days', zh: '被告知听证权利之日起五日内申请听证', en: 'Request a hearing within 5 working days of notice',
      kind: 'party_window', basis: '行政许可法第四十七条、第八十二条', startsAt: { step: 'notify_hearing_right', date: 'notifiedOn' }, stopsAt: [{ step: 'request_hearing', date: 'requestedOn' }], amount: 5, unit: 'working_days',
    },
    {
      // Art. 47: "行政机关应当在二十日内组织听证" — from the request.
      id: 'licence_hearing_20_days', zh: '听证申请之日起二十日内组织听证', en: 'Hold the hearing within 20 working days of the request',
      kind: 'agency_deadline', basis: '行政许可法第四十七条、第八十二条', startsAt: { step: 'request_hearing', date: 'requestedOn' }, stopsAt: [{ step: 'hold_hearing', date: 'heldOn' }], amount: 20, unit: 'working_days',
    },
    {
      // Art. 44: "自作出决定之日起十日内向申请人颁发、送达行政许可证件" — met when served.
      id: 'certificate_10_days', zh: '决定之日起十日内颁发、送达许可证件', en: 'Issue and serve the certificate within 10 working days',
      kind: 'agency_deadline', basis: '行政许可法第四十四条、第八十二条', startsAt: 'grant', stopsAt: [{ step: 'serve', date: 'servedOn' }], amount: 10, unit: 'working_days',
    },
  ],
};
