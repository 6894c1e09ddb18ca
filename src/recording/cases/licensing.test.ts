/**
 * 行政许可法 clocks and guards through the case API (issue 9), from the articles' own words, on dates
 * around National Day 2026 (10-01…10-07 off, Sat 10-10 a make-up working day) and the 2026/2027 year
 * end (2027's notice is not loaded: counted on the statutory days off, provisional). Every period is
 * in working days (第八十二条 "以工作日计算，不含法定节假日").
 *
 * - 第三十二条第一款第（四）项 "当场或者在五日内一次告知申请人需要补正的全部内容，逾期不告知的，自收到
 *   申请材料之日起即为受理"; 第二款 the dated written 凭证 of a refusal to accept;
 * - 第四十二条 "经本行政机关负责人批准，可以延长十日，并应当将延长期限的理由告知申请人"; 第二款 45 + 15
 *   from the power item;
 * - 第四十四条 "自作出决定之日起十日内向申请人颁发、送达行政许可证件";
 * - 第四十五条 "所需时间不计算在本节规定的期限内。行政机关应当将所需时间书面告知申请人";
 * - 第四十七条 "在被告知听证权利之日起五日内提出听证申请的，行政机关应当在二十日内组织听证";
 * - 第四十八条 "于举行听证的七日前将举行听证的时间、地点通知申请人、利害关系人".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/harness.js';
import { buildRecordingWorld, caseStepKit, partyCompany, recordingSessions, type RecordingWorld } from '../../../test/recording-world.js';

let ctx: TestContext;
let world: RecordingWorld;
let s: Awaited<ReturnType<typeof recordingSessions>>;

beforeAll(async () => {
  ctx = await createTestApp({ now: '2026-09-01T01:00:00Z', config: { sessionTtlMinutes: 60 * 24 * 365 } });
  world = await buildRecordingWorld(ctx.database);
  s = await recordingSessions(ctx);
});
afterAll(() => ctx.close());

const { today, doc, group, step } = caseStepKit(() => ctx, () => world);

/** 10:00 China time on `day`. */
const on = (day: string) => ctx.clock.set(`${day}T02:00:00Z`);

type Clock = { id: string; startedOn: string; deadline: string; status: string; provisional: boolean; amount: number; extendedBy: number; excluded: number; metOn: string | null };
type CaseOut = { id: string; step: string; clocks: Clock[]; nextSteps: { id: string; blocked: { code: string } | null }[]; issuedDocuments?: { docType: string; number: string | null }[] };

const clock = (c: CaseOut, id: string) => c.clocks.find((k) => k.id === id);
const view = async (caseId: string): Promise<CaseOut> => (await s.li.get(`/api/cases/${caseId}`)).json();

/** An application whose materials were received on `receivedOn`, entered today. */
async function apply(receivedOn: string, powerItemId = world.items.licensing.id): Promise<CaseOut> {
  const res = await s.li.post('/api/cases', {
    procedure: 'licensing', powerItemId, title: '楚雄市恒达电器有限公司无线电台（站）设置申请', source: 'application',
    sourceDetail: { content: '申请设置通信基站1座', receivedOn }, parties: [partyCompany()],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const accept = (id: string) => step(s.li, id, { step: 'accept', data: { officers: group() }, documents: [doc('acceptance_notice')] });
const notifyMissing = (id: string, status = 200) => step(s.li, id, { step: 'notify_missing', data: { missing: ['电磁环境测试报告'] }, documents: [doc('missing_materials_notice')] }, status);

describe('第三十二条: five working days from the receipt of the materials', () => {
  // Received Wed 09-30, the eve of National Day: 10-08, 10-09, Sat 10-10 (make-up), 10-12, 10-13.
  it('counts from the day received, not the day entered; the notice on the last day (10-13) is given', async () => {
    on('2026-10-08');
    const c = await apply('2026-09-30');
    expect(clock(c, 'acceptance_5_days')).toMatchObject({ startedOn: '2026-09-30', deadline: '2026-10-13', status: 'running' });
    on('2026-10-13');
    const notified = await notifyMissing(c.id);
    expect(clock(notified, 'acceptance_5_days')).toMatchObject({ status: 'met', metOn: '2026-10-13' });
    expect(notified.issuedDocuments[0]).toMatchObject({ docType: 'missing_materials_notice' });
  });

  it('the day after (10-14): no notice and no refusal to accept — the application is accepted from the day of receipt', async () => {
    on('2026-10-08');
    const c = await apply('2026-09-30');
    on('2026-10-14');
    const late = await notifyMissing(c.id, 409);
    expect(late.error).toMatchObject({ code: 'APPLICATION_DEEMED_ACCEPTED', details: { receivedOn: '2026-09-30', lastDay: '2026-10-13', provisional: false } });
    const refusal = await step(s.li, c.id, { step: 'refuse_to_accept', data: { ground: 'not_competent', reason: '不属于本机关职权范围' }, documents: [doc('non_acceptance_decision')] }, 409);
    expect(refusal.error.code).toBe('APPLICATION_DEEMED_ACCEPTED');
    const shown = await view(c.id);
    expect(shown.nextSteps.find((n) => n.id === 'notify_missing')?.blocked?.code).toBe('APPLICATION_DEEMED_ACCEPTED');
    // Deemed accepted on 09-30: 20 working days are 10-08…10-16 (8), 10-19…10-23, 10-26…10-30, 11-02, 11-03.
    expect(clock(shown, 'decision_20_days')).toMatchObject({ startedOn: '2026-09-30', deadline: '2026-11-03', status: 'running' });
    // Accepting late records the acceptance; the 20 days still run from the receipt.
    on('2026-10-15');
    const accepted = await accept(c.id);
    expect(clock(accepted, 'acceptance_5_days')).toMatchObject({ status: 'met_late' });
    expect(clock(accepted, 'decision_20_days')).toMatchObject({ startedOn: '2026-09-30', deadline: '2026-11-03' });
  });

  it('accepted in time, the 20 days run from the acceptance', async () => {
    on('2026-10-09');
    const c = await apply('2026-09-30');
    const accepted = await accept(c.id);
    expect(clock(accepted, 'acceptance_5_days')).toMatchObject({ status: 'met' });
    expect(clock(accepted, 'decision_20_days')).toMatchObject({ startedOn: '2026-10-09' });
  });

  it('"一次告知": a second notice is refused; after the supplement the 20 days run from the acceptance', async () => {
    on('2026-10-09');
    const c = await apply('2026-09-30');
    await notifyMissing(c.id);
    on('2026-10-20');
    await step(s.li, c.id, { step: 'receive_supplement', data: { received: ['电磁环境测试报告'], receivedOn: '2026-10-19' } });
    const again = await notifyMissing(c.id, 409);
    expect(again.error.details.reason).toBe('missing_materials_already_notified');
    on('2026-10-21');
    const accepted = await accept(c.id);
    expect(clock(accepted, 'decision_20_days')).toMatchObject({ startedOn: '2026-10-21', status: 'running' });
  });

  it('a refusal to accept within the 5 days issues the numbered 不予受理决定书', async () => {
    on('2026-10-12');
    const c = await apply('2026-09-30');
    const bare = await step(s.li, c.id, { step: 'refuse_to_accept', data: { ground: 'not_competent', reason: '不属于本机关职权范围' } }, 422);
    expect(bare.error.details.missing).toEqual(['non_acceptance_decision']);
    const refused = await step(s.li, c.id, { step: 'refuse_to_accept', data: { ground: 'not_competent', reason: '不属于本机关职权范围' }, documents: [doc('non_acceptance_decision')] });
    expect(refused.step).toBe('not_accepted');
    expect(refused.issuedDocuments[0]).toMatchObject({ docType: 'non_acceptance_decision', number: expect.stringMatching(/不受〔2026〕\d+号$/) });
  });

  it('received 12-28: the 5 days run into 2027 on the statutory days off (01-01 off) to Tue 01-05, provisional', async () => {
    on('2026-12-28');
    const c = await apply('2026-12-28');
    expect(clock(c, 'acceptance_5_days')).toMatchObject({ deadline: '2027-01-05', provisional: true });
    on('2027-01-05');
    const notified = await notifyMissing(c.id);
    expect(notified.provisionalDates).toEqual([]);
    const other = await apply('2026-12-28');
    on('2027-01-06');
    expect((await notifyMissing(other.id, 409)).error).toMatchObject({ code: 'APPLICATION_DEEMED_ACCEPTED', details: { lastDay: '2027-01-05', provisional: true } });
  });

  it('an application needs the day its materials were received, and not a day still to come', async () => {
    on('2026-10-09');
    const body = { procedure: 'licensing', powerItemId: world.items.licensing.id, title: '申请', source: 'application', parties: [partyCompany()] };
    const none = await s.li.post('/api/cases', { ...body, sourceDetail: { content: '申请' } });
    expect(none.json().error.fields[0]).toMatchObject({ field: 'sourceDetail.receivedOn', code: 'required' });
    const future = await s.li.post('/api/cases', { ...body, sourceDetail: { content: '申请', receivedOn: '2026-10-10' } });
    expect(future.json().error.fields[0]).toMatchObject({ field: 'sourceDetail.receivedOn', code: 'in_future' });
  });
});

describe('第四十二条: ten more working days, approved by the leader before the deadline, the reason told', () => {
  // Accepted Tue 09-01: 20 working days end Tue 09-29 (the make-up Sunday 09-20 counts, 中秋 09-25 does not).
  const accepted = async () => {
    on('2026-09-01');
    const c = await apply('2026-09-01');
    await accept(c.id);
    return c;
  };
  const extend = (id: string, days: number, status = 200) =>
    step(s.leader, id, { step: 'extend', data: { days, reason: '需征求相邻地区无线电管理机构意见' }, documents: [doc('extension_notice')] }, status);

  it('on the last day (09-29): 10 days across National Day, to 10-19, with the numbered notice of the reason', async () => {
    const c = await accepted();
    on('2026-09-29');
    const extended = await extend(c.id, 10);
    expect(clock(extended, 'decision_20_days')).toMatchObject({ deadline: '2026-10-19', extendedBy: 10 });
    expect(extended.issuedDocuments[0]).toMatchObject({ docType: 'extension_notice', number: expect.stringMatching(/延告〔2026〕\d+号$/) });
  });

  it('the day after (09-30): refused, the clock stays overdue', async () => {
    const c = await accepted();
    on('2026-09-30');
    expect((await extend(c.id, 10, 409)).error).toMatchObject({ code: 'EXTENSION_TOO_LATE', details: { clock: 'decision_20_days', deadline: '2026-09-29' } });
    expect(clock(await view(c.id), 'decision_20_days')).toMatchObject({ status: 'overdue', extendedBy: 0 });
  });

  it('the length approved is recorded (5 days: 10-12); more than ten is refused; without the notice it is refused', async () => {
    const c = await accepted();
    on('2026-09-10');
    expect((await extend(c.id, 11, 422)).error).toMatchObject({ code: 'EXTENSION_TOO_LONG', details: { max: 10, days: 11 } });
    expect((await step(s.leader, c.id, { step: 'extend', data: { days: 5, reason: '需征求意见' } }, 422)).error.details.missing).toEqual(['extension_notice']);
    expect(clock(await extend(c.id, 5), 'decision_20_days')).toMatchObject({ deadline: '2026-10-12', extendedBy: 5 });
  });
});

describe('第四十二条第二款 and "另有规定": the power item’s own period replaces the law’s', () => {
  it('a centralised item of 45 working days, extended by 15, set through the power-item API', async () => {
    on('2026-09-01');
    const bad = await s.adminA.post('/api/power-items', {
      code: 'XK-099', name: '集中办理事项', category: 'licensing', legalBasis: '《中华人民共和国行政许可法》第二十六条',
      timeLimits: { seizure_30_days: { amount: 45, unit: 'working_days', basis: 'x' } },
    });
    expect(bad.json().error.fields[0]).toMatchObject({ field: 'timeLimits.seizure_30_days', code: 'invalid_value' });
    const created = await s.adminA.post('/api/power-items', {
      code: 'XK-002', name: '无线电台（站）设置审批（集中办理）', category: 'licensing', legalBasis: '《中华人民共和国行政许可法》第二十六条、第四十二条第二款',
      timeLimits: { decision_20_days: { amount: 45, unit: 'working_days', basis: '行政许可法第四十二条第二款', extensionMax: 15 } },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().timeLimits.decision_20_days).toMatchObject({ amount: 45, extensionMax: 15 });
    const c = await apply('2026-09-01', created.json().id);
    await accept(c.id);
    // 09-01 + 45 working days: 21 in September (to 09-30), 10-08…10-30 (18, with Sat 10-10), 11-02…11-06 (5), 11-09.
    const shown = await view(c.id);
    expect(clock(shown, 'decision_20_days')).toMatchObject({ amount: 45, deadline: '2026-11-09', status: 'running' });
    // Extended on the last day by 15: 11-10…11-13, 11-16…11-20, 11-23…11-27, 11-30.
    on('2026-11-09');
    const extended = await step(s.leader, c.id, { step: 'extend', data: { days: 15, reason: '需本级人民政府负责人批准延长' }, documents: [doc('extension_notice')] });
    expect(clock(extended, 'decision_20_days')).toMatchObject({ extendedBy: 15, deadline: '2026-11-30' });
    // The ordinary item keeps the law's 20 + 10.
    on('2026-09-01');
    const ordinary = await apply('2026-09-01');
    expect(clock(await accept(ordinary.id), 'decision_20_days')).toMatchObject({ amount: 20, deadline: '2026-09-29' });
  });
});

describe('第四十五条: a hearing, testing or expert review is left out, with written notice of the time needed', () => {
  it('testing from Mon 09-14 to Fri 09-18 leaves 5 working days out: 09-29 → 10-12; paused while it runs', async () => {
    on('2026-09-01');
    const c = await apply('2026-09-01');
    await accept(c.id);
    on('2026-09-14');
    const begun = await step(s.li, c.id, { step: 'begin_excluded_period', data: { kind: 'testing', startedOn: '2026-09-14', timeNeeded: '五个工作日' }, documents: [doc('excluded_time_notice')] });
    expect(begun.step).toBe('excluded_period');
    expect(clock(begun, 'decision_20_days')?.status).toBe('paused');
    on('2026-09-21');
    const ended = await step(s.li, c.id, { step: 'end_excluded_period', data: { endedOn: '2026-09-18', outcome: '检测合格' } });
    expect(clock(ended, 'decision_20_days')).toMatchObject({ excluded: 5, deadline: '2026-10-12', status: 'running' });
  });
});

describe('第四十七条、第四十八条: the hearing a party asks for', () => {
  const toldOn = async (notifiedOn: string) => {
    on(notifiedOn);
    const c = await apply(notifiedOn);
    await accept(c.id);
    return step(s.li, c.id, { step: 'notify_hearing_right', data: { notifiedOn }, documents: [doc('licence_hearing_rights_notice')] }) as Promise<CaseOut>;
  };
  const request = (id: string, requestedOn: string, status = 200) => step(s.li, id, { step: 'request_hearing', data: { requestedOn, requester: '周建国' } }, status);

  it('told on 09-30: a request dated 10-13 is in time, 10-14 is not; held within 20 working days, notified 7 before', async () => {
    const c = await toldOn('2026-09-30');
    expect(clock(c, 'licence_hearing_request_5_days')).toMatchObject({ deadline: '2026-10-13', status: 'open' });
    on('2026-10-14');
    const late = await request(c.id, '2026-10-14', 409);
    expect(late.error.details).toEqual({ reason: 'hearing_request_too_late', lastDay: '2026-10-13', provisional: false });
    // Entered on 10-14, but posted on 10-13: timely by its own date.
    const requested = await request(c.id, '2026-10-13');
    expect(clock(requested, 'licence_hearing_request_5_days')).toMatchObject({ status: 'closed', metOn: '2026-10-13' });
    // 10-13 + 20 working days: 10-14…10-16, 10-19…10-23, 10-26…10-30, 11-02…11-06, 11-09, 11-10.
    expect(clock(requested, 'licence_hearing_20_days')).toMatchObject({ deadline: '2026-11-10', status: 'running' });
    // A hearing's time is left out of the 20 days (Art. 45), with the written notice of the time needed.
    const excluded = await step(s.li, c.id, { step: 'begin_excluded_period', data: { kind: 'hearing', startedOn: '2026-10-14', timeNeeded: '二十个工作日' }, documents: [doc('excluded_time_notice')] });
    expect(clock(excluded, 'decision_20_days')?.status).toBe('paused');
    // Notified 10-14: seven working days ahead is 10-23 (10-15, 16, 19, 20, 21, 22, 23).
    const short = await step(s.li, c.id, { step: 'schedule_hearing', data: { hearingOn: '2026-10-22', place: '本局听证室', notifiedOn: '2026-10-14' }, documents: [doc('licence_hearing_notice')] }, 422);
    expect(short.error).toMatchObject({ code: 'LICENCE_HEARING_NOTICE_TOO_SHORT', details: { earliest: '2026-10-23', provisional: false } });
    const scheduled = await step(s.li, c.id, { step: 'schedule_hearing', data: { hearingOn: '2026-10-23', place: '本局听证室', notifiedOn: '2026-10-14' }, documents: [doc('licence_hearing_notice')] });
    expect(scheduled.step).toBe('excluded_period');
    on('2026-10-23');
    const held = await step(s.li, c.id, { step: 'hold_hearing', data: { heldOn: '2026-10-23' }, documents: [doc('hearing_record', true)] });
    expect(clock(held, 'licence_hearing_20_days')).toMatchObject({ status: 'met', metOn: '2026-10-23' });
  });

  it('told 12-28: the request window ends Tue 2027-01-05 on the statutory days off (provisional), 01-06 is late', async () => {
    const c = await toldOn('2026-12-28');
    on('2027-01-06');
    expect((await request(c.id, '2027-01-06', 409)).error.details).toEqual({ reason: 'hearing_request_too_late', lastDay: '2027-01-05', provisional: true });
    const inTime = await request(c.id, '2027-01-05');
    expect(inTime.provisionalDates).toEqual([{ guard: 'licence_hearing_request_in_time', date: '2027-01-05' }]);
  });

  it('a request dated before the notice, or one still to come, is refused', async () => {
    const c = await toldOn('2026-09-30');
    expect((await request(c.id, '2026-09-29', 400)).error.fields[0]).toMatchObject({ field: 'requestedOn', code: 'too_early' });
    expect((await request(c.id, '2026-10-01', 400)).error.fields[0]).toMatchObject({ field: 'requestedOn', code: 'in_future' });
  });
});

describe('第四十四条: ten working days from the grant to the service of the certificate', () => {
  const granted = async () => {
    on('2026-09-01');
    const c = await apply('2026-09-01');
    await accept(c.id);
    await step(s.li, c.id, { step: 'conclude_review', data: { recommendation: 'grant', opinion: '符合条件', legalReviewOpinion: '程序合法' } });
    on('2026-09-18');
    await step(s.leader, c.id, { step: 'grant', data: {}, documents: [doc('licence_grant')] });
    on('2026-10-09');
    await step(s.li, c.id, { step: 'issue_certificate', data: { certificateNumber: '滇无线电台〔2026〕0088' } });
    return c;
  };
  const serve = (id: string, servedOn: string) => step(s.li, id, { step: 'serve', data: { method: 'at_window', servedOn }, documents: [doc('service_receipt', true)] });

  // Granted Fri 09-18: 09-20 (make-up Sunday), 09-21…09-24, 09-28…09-30, 10-08, 10-09.
  it('issued and served on the last day (10-09): met; issuing alone does not meet it', async () => {
    const c = await granted();
    expect(clock(await view(c.id), 'certificate_10_days')).toMatchObject({ deadline: '2026-10-09', status: 'due_soon', metOn: null });
    expect(clock(await serve(c.id, '2026-10-09'), 'certificate_10_days')).toMatchObject({ status: 'met', metOn: '2026-10-09' });
  });

  it('issued on 10-09 but served the day after (Sat 10-10, a working day): met late', async () => {
    const c = await granted();
    on('2026-10-12');
    expect(clock(await serve(c.id, '2026-10-10'), 'certificate_10_days')).toMatchObject({ status: 'met_late', metOn: '2026-10-10' });
  });
});

describe('第四十三条: "下级行政机关应当自其受理行政许可申请之日起二十日内审查完毕，并将初步审查意见和全部申请材料直接报送上级行政机关"', () => {
  const forward = (id: string, forwardedOn: string, status = 200) =>
    step(s.leader, id, { step: 'forward_to_superior', data: { superiorAgency: '云南省工业和信息化厅', forwardedOn, preliminaryOpinion: '申请材料齐全，符合法定形式，建议准予许可。', materials: ['无线电台（站）设置申请表', '技术资料'] } }, status);
  // Accepted Wed 09-16: 09-17, 09-18, Sun 09-20 (make-up), 09-21…09-24, (中秋 09-25 off) 09-28…09-30,
  // (10-01…10-07 off) 10-08, 10-09, Sat 10-10 (make-up), 10-12…10-16, 10-19, 10-20 — the 20th working day.
  async function acceptedForSuperior(): Promise<string> {
    on('2026-09-16');
    const c = await apply('2026-09-16');
    const accepted = await step(s.li, c.id, { step: 'accept', data: { officers: group(), superiorDecides: true }, documents: [doc('acceptance_notice')] });
    expect(clock(accepted, 'lower_review_20_days')).toMatchObject({ startedOn: '2026-09-16', deadline: '2026-10-20', status: 'running' });
    // The superior decides: this agency's own 20 days (第四十二条) do not run, and it does not decide.
    expect(clock(accepted, 'decision_20_days')).toBeUndefined();
    expect((await step(s.li, c.id, { step: 'conclude_review', data: { recommendation: 'grant', opinion: '符合条件', legalReviewOpinion: '合法' } }, 409)).error.details).toMatchObject({ reason: 'superior_decides' });
    return c.id;
  }

  it('forwarded on the 20th working day (10-20): met; the case ends here with the forwarding', async () => {
    const id = await acceptedForSuperior();
    on('2026-10-20');
    expect(clock(await view(id), 'lower_review_20_days')!.status).toBe('due_soon');
    const forwarded = await forward(id, '2026-10-20');
    expect(forwarded.step).toBe('forwarded');
    expect(clock(forwarded, 'lower_review_20_days')).toMatchObject({ status: 'met', metOn: '2026-10-20' });
    expect((await step(s.li, id, { step: 'close', data: {} })).step).toBe('closed');
  });

  it('forwarded on 10-21, the day after (entered on 10-22): met late, by the real date; the date is checked', async () => {
    const id = await acceptedForSuperior();
    on('2026-10-21');
    expect(clock(await view(id), 'lower_review_20_days')!.status).toBe('overdue');
    on('2026-10-22');
    expect((await forward(id, '2026-10-23', 422)).error).toMatchObject({ code: 'EVENT_DATE_INVALID', details: { field: 'forwardedOn', reason: 'in_future' } });
    expect((await forward(id, '2026-09-15', 422)).error).toMatchObject({ code: 'EVENT_DATE_INVALID', details: { field: 'forwardedOn', reason: 'before_acceptance' } });
    const forwarded = await forward(id, '2026-10-21');
    expect(clock(forwarded, 'lower_review_20_days')).toMatchObject({ status: 'met_late', metOn: '2026-10-21' });
  });

  it('a licence this agency decides is not forwarded, and has no such clock', async () => {
    on('2026-09-16');
    const c = await apply('2026-09-16');
    const accepted = await accept(c.id);
    expect(clock(accepted, 'lower_review_20_days')).toBeUndefined();
    expect(clock(accepted, 'decision_20_days')).toMatchObject({ deadline: '2026-10-20' });
    expect((await forward(c.id, '2026-09-16', 409)).error.details).toMatchObject({ reason: 'superior_does_not_decide' });
  });
});
