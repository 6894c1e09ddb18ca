/**
 * A penalty's filing and execution through the API, each guard on its last allowed day and the day
 * after (issue 9). The articles, as the law files word them:
 *
 * - 行政处罚法第三十六条 "违法行为在二年内未被发现的，不再给予行政处罚；涉及公民生命健康安全、金融安全且有危害
 *   后果的，上述期限延长至五年。法律另有规定的除外。"
 * - 第五十六条 "经行政机关负责人批准，可以先行登记保存，并应当在七日内及时作出处理决定"; 第八十五条 (七日 =
 *   working days).
 * - 第六十六条第二款 (deferral, instalments by application and approval), 第六十七条第三款 "自收到行政处罚决定书之日
 *   起十五日内", 第七十二条第一款第一项 (3 % a day, never more than the fine), 第七十三条第三款 (review and litigation
 *   not counted).
 * - 第六十八条 "（一）依法给予一百元以下罚款的；（二）不当场收缴事后难以执行的", 第七十条 (the receipt), 第七十一条
 *   "应当自收缴罚款之日起二日内，交至行政机关".
 * - 行政强制法第五十三条 "自期限届满之日起三个月内", 第五十四条 "催告书送达十日后", 第六十九条 (十日 = working days).
 *
 * Calendar: 2026 notice loaded (National Day 10-01…10-07 off, Sat 10-10 worked); 2027 not loaded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDocumentFields } from '../../demo/document-fields.js';
import { createTestApp, type TestContext } from '../../../test/harness.js';
import { buildRecordingWorld, caseStepKit, NO_AV, partyCompany, recordingSessions, type RecordingWorld } from '../../../test/recording-world.js';

let ctx: TestContext;
let world: RecordingWorld;
let s: Awaited<ReturnType<typeof recordingSessions>>;

beforeAll(async () => {
  ctx = await createTestApp({ now: '2026-09-01T01:00:00Z', config: { sessionTtlMinutes: 60 * 24 * 365 * 2 } });
  world = await buildRecordingWorld(ctx.database);
  s = await recordingSessions(ctx);
});
afterAll(() => ctx?.close());

const { at, today, doc, group, step } = caseStepKit(() => ctx, () => world);

/** Sets the clock to 09:00 China time on `day`. */

const clock = (c: { clocks: { id: string; status: string }[] }, id: string) => c.clocks.find((k) => k.id === id);
const caseOf = async (id: string) => (await s.li.get(`/api/cases/${id}`)).json();

async function openPenalty(procedure = 'penalty_general'): Promise<string> {
  const res = await s.li.post('/api/cases', { procedure, powerItemId: world.items.penalty.id, title: '期限测试', source: 'plan', sourceDetail: { content: '年度计划' }, parties: [partyCompany()] });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const filing = (over: Record<string, unknown>) => ({
  step: 'propose_filing',
  data: { officers: group(), summary: '涉嫌违法', offenceDate: '2024-02-29', offenceContinuing: false, discoveredOn: '2026-02-28', limitationExtended: false, ...over },
  documents: [doc('case_filing_approval')],
});

/** A general-procedure case filed on `filedOn`, decided with a fine of `fine` and served on `servedOn` (also today after). */
async function servedCase(fine: number, servedOn: string): Promise<string> {
  at('2026-09-01');
  const id = await openPenalty();
  await step(s.li, id, filing({ offenceDate: '2026-08-20', discoveredOn: '2026-08-28' }));
  await step(s.leader, id, { step: 'approve_filing', data: {} });
  await step(s.li, id, { step: 'conclude_investigation', data: { proposedPenalty: `罚款${fine}元`, fineAmount: fine, hearingEligible: false }, documents: [doc('investigation_report')] });
  await step(s.li, id, { step: 'notify_prior', data: {}, documents: [doc('penalty_prior_notice')] });
  // 行政处罚法第四十四条: the notice served the same day; the 5 working days for the defence end 09-08.
  await step(s.li, id, { step: 'serve_prior_notice', data: { method: 'in_person', servedOn: '2026-09-01' }, documents: [doc('service_receipt', 'sign')] });
  at('2026-09-09');
  await step(s.leader, id, { step: 'decide', data: { penalty: `罚款${fine}元`, fineAmount: fine }, documents: [doc('penalty_decision')] });
  at(servedOn);
  await step(s.li, id, { step: 'serve', data: { method: 'in_person', servedOn }, documents: [doc('service_receipt', 'sign')] });
  return id;
}

describe('第三十六条: filing only for an offence discovered within two (five) years', () => {
  it('an offence on the leap day 2024-02-29 discovered on 2026-02-28 (the month end: the last day) is filed', async () => {
    at('2026-03-02');
    const id = await openPenalty();
    const filed = await step(s.li, id, filing({}));
    expect(filed.step).toBe('filing_proposed');
  });

  it('discovered on 2026-03-01, the day after, it is refused with LIMITATION_EXPIRED', async () => {
    at('2026-03-02');
    const id = await openPenalty();
    const refused = await step(s.li, id, filing({ discoveredOn: '2026-03-01' }), 422);
    expect(refused.error).toMatchObject({ code: 'LIMITATION_EXPIRED', details: { offenceDate: '2024-02-29', discoveredOn: '2026-03-01', lastDay: '2026-02-28', years: 2 } });
    // Five years where the officer records life, health or financial security with harmful effects …
    await step(s.li, id, filing({ discoveredOn: '2026-03-01', limitationExtended: true }));
  });

  it('… and any period where another law’s exception is recorded ("法律另有规定的除外")', async () => {
    at('2026-03-02');
    const id = await openPenalty();
    await step(s.li, id, filing({ offenceDate: '2020-01-10', discoveredOn: '2026-03-01', limitationException: '《中华人民共和国税收征收管理法》第八十六条：五年' }));
  });

  it('an offence ended on 2024-12-31 may be discovered on 2026-12-31; on 2027-01-01 it is refused', async () => {
    at('2027-01-04');
    const ok = await openPenalty();
    await step(s.li, ok, filing({ offenceDate: '2024-12-31', offenceContinuing: true, discoveredOn: '2026-12-31' }));
    const late = await openPenalty();
    expect((await step(s.li, late, filing({ offenceDate: '2024-12-31', offenceContinuing: true, discoveredOn: '2027-01-01' }), 422)).error.details.lastDay).toBe('2026-12-31');
  });

  it('a discovery date in the future is bad input', async () => {
    at('2026-03-02');
    const id = await openPenalty();
    expect((await step(s.li, id, filing({ discoveredOn: '2026-03-03' }), 400)).error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'data.discoveredOn' }] });
  });
});

describe('第五十六条: evidence preserved with approval, decided within 7 working days', () => {
  async function preserved(on: string): Promise<string> {
    at('2026-09-28');
    const id = await openPenalty();
    await step(s.li, id, filing({ offenceDate: '2026-09-20', discoveredOn: '2026-09-25' }));
    await step(s.leader, id, { step: 'approve_filing', data: {} });
    expect((await step(s.li, id, { step: 'preserve_evidence', data: { preservedOn: on, items: '电热水壶20台' } }, 409)).error.details).toMatchObject({ reason: 'requires_step', step: 'approve_preservation' });
    await step(s.li, id, { step: 'propose_preservation', data: { items: '电热水壶20台', reason: '证据可能灭失' } });
    // The proposer never approves (issue 7); the leader does.
    await step(s.leader, id, { step: 'approve_preservation', data: {} });
    at(on);
    await step(s.li, id, { step: 'preserve_evidence', data: { preservedOn: on, items: '电热水壶20台' }, documents: [doc('preservation_notice')] });
    return id;
  }

  it('preserved on the eve of National Day (09-30): the decision is due on Thu 10-15 (10-08…10-10, 10-12…10-15)', async () => {
    const id = await preserved('2026-09-30');
    expect(clock(await caseOf(id), 'preservation_decision_7_days')).toMatchObject({ kind: 'agency_deadline', startedOn: '2026-09-30', deadline: '2026-10-15', status: 'running' });
    at('2026-10-15');
    const decided = await step(s.li, id, { step: 'decide_preservation', data: { decidedOn: '2026-10-15', handling: 'sent_for_testing' } });
    expect(clock(decided, 'preservation_decision_7_days')).toMatchObject({ status: 'met', metOn: '2026-10-15' });
  });

  it('decided on 10-16, the day after: met late', async () => {
    const id = await preserved('2026-09-30');
    at('2026-10-16');
    expect(clock(await caseOf(id), 'preservation_decision_7_days')!.status).toBe('overdue');
    const decided = await step(s.li, id, { step: 'decide_preservation', data: { decidedOn: '2026-10-16', handling: 'returned' } });
    expect(clock(decided, 'preservation_decision_7_days')).toMatchObject({ status: 'met_late', metOn: '2026-10-16' });
  });
});

describe('第六十七条: the party’s 15 days to pay run from the service date; 第七十二条 the late-payment penalty', () => {
  it('served Wed 09-16: the window is the party’s, open to Thu 10-08 (the 15th day, 10-01, is a holiday)', async () => {
    const id = await servedCase(1000, '2026-09-16');
    expect(clock(await caseOf(id), 'payment_15_days')).toMatchObject({ kind: 'party_window', startedOn: '2026-09-16', deadline: '2026-10-08', status: 'open' });
    at('2026-10-08');
    // 强制法第五十四条 follows non-performance: no reminder while the window is open.
    expect((await step(s.li, id, { step: 'remind_to_perform', data: {}, documents: [doc('enforcement_reminder')] }, 409)).error).toMatchObject({ code: 'TIME_WINDOW_OPEN', details: { window: 'payment', lastDay: '2026-10-08' } });
    // Paid on the last day: no late-payment penalty may be added.
    expect((await step(s.li, id, { step: 'execute', data: { how: 'paid', paidAmount: 1000, paidOn: '2026-10-08', latePenalty: 0.01 } }, 422)).error).toMatchObject({ code: 'LATE_PENALTY_EXCEEDS_LAW', details: { maximum: 0, days: 0 } });
    const paid = await step(s.li, id, { step: 'execute', data: { how: 'paid', paidAmount: 1000, paidOn: '2026-10-08' } });
    expect(clock(paid, 'payment_15_days')).toMatchObject({ status: 'closed', metOn: '2026-10-08' });
  });

  it('paid on 10-09, day 1 after the window: at most 3 % (30 yuan)', async () => {
    const id = await servedCase(1000, '2026-09-16');
    at('2026-10-12');
    expect((await step(s.li, id, { step: 'execute', data: { how: 'paid', paidAmount: 1000, paidOn: '2026-10-09', latePenalty: 30.01 } }, 422)).error.details).toEqual({ maximum: 30, days: 1, lastDay: '2026-10-08' });
    await step(s.li, id, { step: 'execute', data: { how: 'paid', paidAmount: 1000, paidOn: '2026-10-09', latePenalty: 30 } });
  });

  it('a paid date in the future, or none, is bad input', async () => {
    const id = await servedCase(1000, '2026-09-16');
    at('2026-10-12');
    expect((await step(s.li, id, { step: 'execute', data: { how: 'paid', paidAmount: 1000 } }, 400)).error.fields).toEqual([expect.objectContaining({ field: 'data.paidOn' })]);
    await step(s.li, id, { step: 'execute', data: { how: 'paid', paidAmount: 1000, paidOn: '2026-10-13' } }, 400);
  });

  it('第七十三条第三款: a review from 10-12 to 10-21 is left out — paid 10-31, at most 13 days (390 yuan)', async () => {
    const id = await servedCase(1000, '2026-09-16');
    at('2026-10-12');
    await step(s.li, id, { step: 'end_remedy', data: { endedOn: '2026-10-12', outcome: 'upheld' } }, 409);
    await step(s.li, id, { step: 'record_remedy', data: { kind: 'reconsideration', filedOn: '2026-10-12' } });
    at('2026-10-22');
    await step(s.li, id, { step: 'end_remedy', data: { endedOn: '2026-10-21', outcome: 'upheld' } });
    at('2026-11-02');
    expect((await step(s.li, id, { step: 'execute', data: { how: 'paid', paidAmount: 1000, paidOn: '2026-10-31', latePenalty: 390.01 } }, 422)).error.details).toMatchObject({ maximum: 390, days: 13 });
    await step(s.li, id, { step: 'execute', data: { how: 'paid', paidAmount: 1000, paidOn: '2026-10-31', latePenalty: 390 } });
  });
});

describe('第六十六条第二款: deferral and instalments on application, with approval', () => {
  it('applied for on the last day (10-08) and approved: the window follows the schedule to its last instalment', async () => {
    const id = await servedCase(1000, '2026-09-16');
    at('2026-10-08');
    await step(s.li, id, { step: 'apply_deferral', data: { appliedOn: '2026-10-08', kind: 'instalments', reason: '经营困难' } });
    at('2026-10-09');
    const bad = await step(s.leader, id, { step: 'approve_deferral', data: { instalments: [{ dueOn: '2026-11-30', amount: 500 }, { dueOn: '2026-12-31', amount: 400 }], payBy: '2026-12-31' } }, 422);
    expect(bad.error).toMatchObject({ code: 'PAYMENT_SCHEDULE_INVALID', details: { reason: 'amounts_do_not_add_up' } });
    const approved = await step(s.leader, id, { step: 'approve_deferral', data: { instalments: [{ dueOn: '2026-11-30', amount: 500 }, { dueOn: '2026-12-31', amount: 500 }], payBy: '2026-12-31' } });
    expect(clock(approved, 'payment_15_days')).toMatchObject({ deadline: '2026-12-31', status: 'open' });
    // Paid in full on 12-31: the first instalment 31 days late, at most 465 yuan.
    at('2026-12-31');
    expect((await step(s.li, id, { step: 'execute', data: { how: 'paid', paidAmount: 1000, paidOn: '2026-12-31', latePenalty: 466 } }, 422)).error.details.maximum).toBe(465);
  });

  it('applied for on 10-09, the day after the window: refused', async () => {
    const id = await servedCase(1000, '2026-09-16');
    at('2026-10-09');
    // The case page says so before the officer tries.
    expect((await caseOf(id)).nextSteps.find((n: { id: string }) => n.id === 'apply_deferral').blocked).toEqual({ code: 'PAYMENT_WINDOW_CLOSED', details: { lastDay: '2026-10-08' } });
    expect((await step(s.li, id, { step: 'apply_deferral', data: { appliedOn: '2026-10-09', kind: 'deferral', reason: '经营困难' } }, 409)).error).toMatchObject({ code: 'PAYMENT_WINDOW_CLOSED', details: { lastDay: '2026-10-08' } });
  });
});

describe('行政强制法第五十三条、第五十四条: reminder, then the court within three months of the remedy period', () => {
  it('served 09-16: litigation could be brought to 2027-03-16; the court may be applied to from 03-17 (provisional, 2027 not loaded)', async () => {
    const id = await servedCase(1000, '2026-09-16');
    at('2026-10-09');
    await step(s.li, id, { step: 'remind_to_perform', data: {}, documents: [doc('enforcement_reminder')] });
    await step(s.li, id, { step: 'serve_reminder', data: { method: 'in_person', servedOn: '2026-10-09' }, documents: [doc('service_receipt', 'sign')] });
    expect(clock(await caseOf(id), 'reminder_10_days')).toMatchObject({ kind: 'party_window', startedOn: '2026-10-09', deadline: '2026-10-22' });
    at('2027-03-16');
    expect((await step(s.leader, id, { step: 'apply_to_court', data: { court: '楚雄市人民法院' } }, 409)).error).toMatchObject({ code: 'TIME_WINDOW_OPEN', details: { window: 'court_application', earliest: '2027-03-17', provisional: true } });
    at('2027-03-17');
    const applied = await step(s.leader, id, { step: 'apply_to_court', data: { court: '楚雄市人民法院' } });
    expect(applied.step).toBe('court_applied');
    expect(applied.provisionalDates).toEqual([{ guard: 'court_application_in_time', date: '2027-06-16' }]);
  });

  it('a reminder served 2027-03-10: not before 10 working days (to 03-24), nor after the three months (to Wed 06-16)', async () => {
    const id = await servedCase(1000, '2026-09-16');
    at('2027-03-10');
    await step(s.li, id, { step: 'remind_to_perform', data: {}, documents: [doc('enforcement_reminder')] });
    await step(s.li, id, { step: 'serve_reminder', data: { method: 'post', servedOn: '2027-03-10' }, documents: [doc('service_receipt', 'sign')] });
    at('2027-03-24');
    expect((await step(s.leader, id, { step: 'apply_to_court', data: { court: '楚雄市人民法院' } }, 409)).error.details).toMatchObject({ earliest: '2027-03-25' });
    at('2027-06-17');
    expect((await step(s.leader, id, { step: 'apply_to_court', data: { court: '楚雄市人民法院' } }, 409)).error).toMatchObject({ code: 'COURT_APPLICATION_TOO_LATE', details: { lastDay: '2027-06-16' } });
  });
});

describe('简易程序: on-the-spot collection (第六十八条至第七十一条)', () => {
  async function decidedOnSpot(fine: number): Promise<string> {
    const id = await openPenalty('penalty_summary');
    await step(s.li, id, {
      step: 'decide_on_spot',
      data: { officers: group(), penalty: 'fine', fineAmount: fine, facts: '商品包装未标明生产厂厂名和厂址' },
      documents: [{ ...doc('on_the_spot_penalty_decision', 'sign'), fields: { ...sampleDocumentFields('on_the_spot_penalty_decision', today()), fineAmount: fine } }],
      waivers: NO_AV,
    });
    return id;
  }

  it('200 yuan: not "一百元以下"; without a receipt never; where it would be hard to enforce later, with a receipt', async () => {
    at('2026-09-30');
    const id = await decidedOnSpot(200);
    expect(clock(await caseOf(id), 'payment_15_days')).toMatchObject({ startedOn: '2026-09-30', deadline: '2026-10-15' });
    const collect = (extra: Record<string, unknown>, status?: number) => step(s.li, id, { step: 'execute', data: { how: 'collected_on_spot', paidAmount: 200, collectedOn: '2026-09-30', ...extra } }, status);
    expect((await collect({ collectionGround: 'fine_up_to_100', receiptNo: 'YN0001' }, 422)).error).toMatchObject({ code: 'ON_SPOT_COLLECTION_NOT_ALLOWED', details: { reason: 'fine_above_100' } });
    expect((await collect({ collectionGround: 'hard_to_enforce_later' }, 422)).error.details.reason).toBe('no_receipt');
    expect((await collect({ receiptNo: 'YN0001' }, 422)).error.details.reason).toBe('no_ground');
    await collect({ collectionGround: 'hard_to_enforce_later', receiptNo: 'YN0001' });
  });

  it('100 yuan collected Wed 09-30: handed over by Fri 10-09 (2 working days); close refused until handed over and filed', async () => {
    at('2026-09-30');
    const id = await decidedOnSpot(100);
    const executed = await step(s.li, id, { step: 'execute', data: { how: 'collected_on_spot', paidAmount: 100, collectedOn: '2026-09-30', collectionGround: 'fine_up_to_100', receiptNo: 'YN0002' } });
    expect(clock(executed, 'payment_15_days')).toMatchObject({ status: 'closed', metOn: '2026-09-30' });
    expect(clock(executed, 'hand_over_2_days')).toMatchObject({ kind: 'agency_deadline', startedOn: '2026-09-30', deadline: '2026-10-09', status: 'running' });
    at('2026-10-09');
    expect((await step(s.li, id, { step: 'close', data: {} }, 409)).error.details.reason).toBe('fine_not_handed_over');
    const handed = await step(s.li, id, { step: 'hand_over_fine', data: { handedOverOn: '2026-10-09' } });
    expect(clock(handed, 'hand_over_2_days')).toMatchObject({ status: 'met', metOn: '2026-10-09' });
    expect((await step(s.li, id, { step: 'close', data: {} }, 409)).error.details).toMatchObject({ reason: 'requires_step', step: 'file_with_agency' });
    await step(s.li, id, { step: 'file_with_agency', data: {} });
    await step(s.li, id, { step: 'close', data: {} });
  });

  it('handed over on Sat 10-10 (a make-up working day), the day after: met late', async () => {
    at('2026-09-30');
    const id = await decidedOnSpot(50);
    await step(s.li, id, { step: 'execute', data: { how: 'collected_on_spot', paidAmount: 50, collectedOn: '2026-09-30', collectionGround: 'fine_up_to_100', receiptNo: 'YN0003' } });
    at('2026-10-10');
    const handed = await step(s.li, id, { step: 'hand_over_fine', data: { handedOverOn: '2026-10-10' } });
    expect(clock(handed, 'hand_over_2_days')).toMatchObject({ status: 'met_late', deadline: '2026-10-09' });
  });
});

describe('行政强制法第三十五条: the 催告 is written; 第五十四条 "催告书送达十日后" counts from its service', () => {
  // Decision served Thu 09-10: the 15th day (09-25, 中秋) is off, the window runs to Mon 09-28.
  async function reminded(): Promise<string> {
    const id = await servedCase(1000, '2026-09-10');
    at('2026-09-29');
    // "（三）涉及金钱给付的，应当有明确的金额和给付方式": an amount without the way to pay, or the reverse, is bad input.
    const { payment: _p, ...noPayment } = sampleDocumentFields('enforcement_reminder', '2026-09-29');
    const bad = await step(s.li, id, { step: 'remind_to_perform', data: {}, documents: [{ docType: 'enforcement_reminder', fields: noPayment }] }, 400);
    expect(bad.error.fields).toEqual([expect.objectContaining({ field: 'documents.0.fields.payment' })]);
    // No reminder without its written document.
    expect((await step(s.li, id, { step: 'remind_to_perform', data: {} }, 422)).error).toMatchObject({ code: 'STEP_REQUIREMENTS_MISSING', details: { missing: ['enforcement_reminder'] } });
    const issued = await step(s.li, id, { step: 'remind_to_perform', data: {}, documents: [doc('enforcement_reminder')] });
    expect(issued.issuedDocuments[0].number).toMatch(/^楚工信催〔2026〕\d+号$/);
    // Issued, not yet served: no clock, and the court cannot be applied to.
    expect(clock(issued, 'reminder_10_days')).toBeUndefined();
    return id;
  }

  it('served on the eve of National Day (09-30): 10 working days to Tue 10-20 (10-08…10-10, 10-12…10-16, 10-19, 10-20); closed the day after', async () => {
    const id = await reminded();
    at('2026-09-30');
    // The service date is the real one: not before the issue (09-29), not in the future.
    expect((await step(s.li, id, { step: 'serve_reminder', data: { method: 'in_person', servedOn: '2026-09-28' }, documents: [doc('service_receipt', 'sign')] }, 422)).error).toMatchObject({ code: 'EVENT_DATE_INVALID', details: { field: 'servedOn', reason: 'before_issue' } });
    expect((await step(s.li, id, { step: 'serve_reminder', data: { method: 'in_person', servedOn: '2026-10-01' }, documents: [doc('service_receipt', 'sign')] }, 422)).error).toMatchObject({ code: 'EVENT_DATE_INVALID', details: { field: 'servedOn', reason: 'in_future' } });
    await step(s.li, id, { step: 'serve_reminder', data: { method: 'in_person', servedOn: '2026-09-30' }, documents: [doc('service_receipt', 'sign')] });
    at('2026-10-20');
    expect(clock(await caseOf(id), 'reminder_10_days')).toMatchObject({ kind: 'party_window', startedOn: '2026-09-30', deadline: '2026-10-20', status: 'open' });
    at('2026-10-21');
    expect(clock(await caseOf(id), 'reminder_10_days')).toMatchObject({ deadline: '2026-10-20', status: 'closed' });
    // Served once.
    expect((await step(s.li, id, { step: 'serve_reminder', data: { method: 'in_person', servedOn: '2026-10-21' }, documents: [doc('service_receipt', 'sign')] }, 409)).error.details).toMatchObject({ reason: 'already_served' });
  });

  it('a reminder issued but not served: the court is not applied to', async () => {
    const id = await reminded();
    at('2027-03-17');
    expect((await step(s.leader, id, { step: 'apply_to_court', data: { court: '楚雄市人民法院' } }, 409)).error.details).toMatchObject({ reason: 'requires_step', step: 'serve_reminder' });
  });
});

describe('行政处罚法第五十六条: the 先行登记保存通知书 lists the items and names the approval', () => {
  it('preservation without its notice is refused; with it, the notice is numbered', async () => {
    at('2026-09-28');
    const id = await openPenalty();
    await step(s.li, id, filing({ offenceDate: '2026-09-20', discoveredOn: '2026-09-25' }));
    await step(s.leader, id, { step: 'approve_filing', data: {} });
    await step(s.li, id, { step: 'propose_preservation', data: { items: '电热水壶20台', reason: '证据可能灭失' } });
    await step(s.leader, id, { step: 'approve_preservation', data: {} });
    expect((await step(s.li, id, { step: 'preserve_evidence', data: { preservedOn: '2026-09-28', items: '电热水壶20台' } }, 422)).error.details).toEqual({ missing: ['preservation_notice'] });
    const { items: _i, ...noItems } = sampleDocumentFields('preservation_notice', '2026-09-28');
    expect((await step(s.li, id, { step: 'preserve_evidence', data: { preservedOn: '2026-09-28', items: '电热水壶20台' }, documents: [{ docType: 'preservation_notice', fields: noItems }] }, 400)).error.fields).toEqual([expect.objectContaining({ field: 'documents.0.fields.items' })]);
    const done = await step(s.li, id, { step: 'preserve_evidence', data: { preservedOn: '2026-09-28', items: '电热水壶20台' }, documents: [doc('preservation_notice')] });
    expect(done.issuedDocuments[0].number).toMatch(/^楚工信登保〔2026〕\d+号$/);
  });
});
