/**
 * Statutory clocks and the guards that use them, on dates around holidays and year ends (issue 9).
 *
 * The test database holds the State Council notices up to 2026 (chinese-days); 2027's is NOT loaded,
 * so anything running into 2027 is counted on the days off every year has by law (《全国年节及纪念日
 * 放假办法》 Art. 2 as amended in 2024: 新年 1 January, 春节, 清明, 劳动节 1–2 May, 端午, 中秋, 国庆节
 * 1–3 October, and weekends) and marked provisional.
 *
 * Articles, as the law files word them:
 * - 行政处罚法第六十四条（一）"当事人要求听证的，应当在行政机关告知后五日内提出"; 第八十五条 "本法中'二日''三日'
 *   '五日''七日'的规定是指工作日，不含法定节假日" — the hearing-request window, 5 working days, counted from the
 *   day the notice reached the party (the notice itself: "自收到本告知书之日起五日内"), and judged by the day
 *   the request was made (for a request by post the postmark: 民事诉讼法 "期满前交邮的，不算过期").
 * - 第六十四条（二）"行政机关应当在举行听证的七日前，通知当事人及有关人员听证的时间、地点" — 7 working days.
 * - 第四十四条、第四十五条、第六十二条: no decision before the party's statement and defence is heard (the
 *   prior notice gives five days) — the decision guard waits for the window to close; 第六十二条 "当事人明确放弃
 *   陈述或者申辩权利的除外" — a signed waiver closes it, and only it (the hearing waiver closes the hearing window).
 * - 第六十条 "行政机关应当自行政处罚案件立案之日起九十日内作出行政处罚决定" — a calendar-day period for the agency.
 * - 行政强制法第二十五条 "查封、扣押的期限不得超过三十日" — a maximum period the clock keeps as it falls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarDaysFromChineseDays } from '../../calendar/chinese-days-source.js';
import { WorkingDayCalendar } from '../../calendar/working-days.js';
import { createTestApp, type TestContext } from '../../../test/harness.js';
import { buildRecordingWorld, caseStepKit, partyCompany, recordingSessions, type RecordingWorld } from '../../../test/recording-world.js';
import { deadlineAfter } from './clocks.js';

describe('deadlineAfter: the last day of a period', () => {
  const calendar = new WorkingDayCalendar([...calendarDaysFromChineseDays(2025), ...calendarDaysFromChineseDays(2026)], [2025, 2026]);

  it('moves a calendar-day period ending on National Day 2026 to the next working day (2026 notice: 10-01…10-07 off)', () => {
    expect(deadlineAfter(calendar, '2026-09-16', 15, 'calendar_days')).toEqual({ date: '2026-10-08', provisional: false });
  });

  it('counts 5 working days from the eve of National Day 2026 past the holiday and its make-up Saturday 10-10', () => {
    expect(deadlineAfter(calendar, '2026-09-30', 5, 'working_days')).toEqual({ date: '2026-10-13', provisional: false });
  });

  it('a seizure from 2026-12-10 for 30 days: kept on Sat 2027-01-09 (Art. 25 maximum), or moved to Mon 01-11 (provisional)', () => {
    expect(deadlineAfter(calendar, '2026-12-10', 30, 'calendar_days', 'keep')).toEqual({ date: '2027-01-09', provisional: false });
    expect(deadlineAfter(calendar, '2026-12-10', 30, 'calendar_days', 'next_working_day')).toEqual({ date: '2027-01-11', provisional: true });
  });

  it('does not count 1 January 2027 as a working day although the 2027 notice is not loaded', () => {
    // 30 days from Wed 2026-12-02 end on Fri 2027-01-01 (新年), then the weekend: Mon 01-04.
    expect(deadlineAfter(calendar, '2026-12-02', 30, 'calendar_days')).toEqual({ date: '2027-01-04', provisional: true });
    // 5 working days from Mon 2026-12-28: 12-29, 12-30, 12-31, (01-01 off, weekend) 01-04, 01-05.
    expect(deadlineAfter(calendar, '2026-12-28', 5, 'working_days')).toEqual({ date: '2027-01-05', provisional: true });
  });
});

let ctx: TestContext;
let world: RecordingWorld;
let s: Awaited<ReturnType<typeof recordingSessions>>;

beforeAll(async () => {
  ctx = await createTestApp({ now: '2026-09-28T01:00:00Z', config: { sessionTtlMinutes: 60 * 24 * 365 } });
  world = await buildRecordingWorld(ctx.database);
  s = await recordingSessions(ctx);
});
afterAll(() => ctx?.close());

/** Sets the clock to 09:00 China time on `day`; documents with sample fields (`signed`: by the party); steps. */
const { at, today, doc, signed, group, step } = caseStepKit(() => ctx, () => world);



/** A general-procedure penalty case whose prior notice is issued today (not yet served). */
async function notifiedCase(hearingEligible: boolean): Promise<string> {
  const res = await s.li.post('/api/cases', { procedure: 'penalty_general', powerItemId: world.items.penalty.id, title: '期限测试', source: 'plan', sourceDetail: { content: '年度计划' }, parties: [partyCompany()] });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  await step(s.li, id, { step: 'propose_filing', data: { officers: group(), summary: '计划检查', offenceDate: '2026-06-01', offenceContinuing: false, discoveredOn: '2026-06-15', limitationExtended: false }, documents: [doc('case_filing_approval')] });
  await step(s.leader, id, { step: 'approve_filing', data: {} });
  await step(s.li, id, { step: 'conclude_investigation', data: { proposedPenalty: '责令停产停业', hearingEligible }, documents: [doc('investigation_report')] });
  await step(s.li, id, { step: 'notify_prior', data: {}, documents: [doc('penalty_prior_notice'), ...(hearingEligible ? [doc('hearing_notice')] : [])] });
  return id;
}

/** Records the prior notice's service, received by the party on `servedOn`. */
const serve = (id: string, servedOn: string, status?: number, data: Record<string, unknown> = { method: 'in_person' }) =>
  step(s.li, id, { step: 'serve_prior_notice', data: { ...data, servedOn }, documents: [signed('service_receipt')] }, status);
const ask = (id: string, data: Record<string, unknown>, status?: number) => step(s.li, id, { step: 'request_hearing', data }, status);
const waive = (id: string, which: 'statement' | 'hearing', signedOn: string, status?: number) =>
  step(s.li, id, { step: `waive_${which}`, data: { signedOn }, documents: [signed(`${which}_waiver`)] }, status);

const caseOf = async (id: string) => (await s.li.get(`/api/cases/${id}`)).json();
/** Why the leader (who did not conclude the investigation) cannot decide now. */
const decideBlocked = async (id: string) => (await s.leader.get(`/api/cases/${id}`)).json().nextSteps.find((n: { id: string }) => n.id === 'decide').blocked;
const clock = (c: { clocks: { id: string }[] }, id: string) => c.clocks.find((k) => k.id === id);
const decide = (id: string, status?: number) => step(s.leader, id, { step: 'decide', data: { penalty: '责令停产停业' }, documents: [doc('penalty_decision')] }, status);

describe('a prior notice issued 09-29 and served on the eve of National Day 2026 (notice loaded)', () => {
  let asks: string;
  let late: string;
  let posted: string;

  it('runs no window and allows no decision before the notice is served', async () => {
    at('2026-09-29');
    [asks, late, posted] = [await notifiedCase(true), await notifiedCase(true), await notifiedCase(true)];
    const c = await caseOf(asks);
    expect(clock(c, 'statement_defence_5_days')).toBeUndefined();
    expect(clock(c, 'hearing_request_5_days')).toBeUndefined();
    expect(await decideBlocked(asks)).toEqual({ code: 'STEP_NOT_ALLOWED', details: { reason: 'requires_step', step: 'serve_prior_notice' } });
    expect((await ask(asks, { madeBy: 'handed_in', requestedOn: '2026-09-29' }, 409)).error.details).toEqual({ reason: 'requires_step', step: 'serve_prior_notice' });
  });

  it('records the service on its own date: not before the notice was issued, not in the future', async () => {
    at('2026-09-30');
    expect((await serve(asks, '2026-09-28', 422)).error).toMatchObject({ code: 'EVENT_DATE_INVALID', details: { field: 'servedOn', reason: 'before_issue', earliest: '2026-09-29' } });
    expect((await serve(asks, '2026-10-01', 422)).error).toMatchObject({ code: 'EVENT_DATE_INVALID', details: { field: 'servedOn', reason: 'in_future', latest: '2026-09-30' } });
    await serve(asks, '2026-09-30');
    await serve(late, '2026-09-30');
    expect((await serve(asks, '2026-09-30', 409)).error.details).toEqual({ reason: 'already_served' });
  });

  it('the windows are the party’s: from service (09-30) to Tue 10-13 (10-10 is a make-up Saturday), not a deadline of the agency', async () => {
    at('2026-10-08');
    // The third notice was served 09-30 by post; the postal receipt came back after the holiday.
    await serve(posted, '2026-09-30', 200, { method: 'post' });
    for (const id of [asks, posted]) {
      const c = await caseOf(id);
      for (const k of ['statement_defence_5_days', 'hearing_request_5_days'])
        expect(clock(c, k)).toMatchObject({ kind: 'party_window', startedOn: '2026-09-30', deadline: '2026-10-13', provisional: false, status: 'open' });
      expect(clock(c, 'decision_90_days')).toMatchObject({ kind: 'agency_deadline', status: 'running' });
    }
  });

  it('takes a hearing request made on the last day (10-13) and refuses one made the day after', async () => {
    at('2026-10-13');
    expect(await decideBlocked(late)).toEqual({ code: 'TIME_WINDOW_OPEN', details: { window: 'statement_defence_5_days', lastDay: '2026-10-13', provisional: false } });
    await decide(late, 409);
    const asked = await ask(asks, { madeBy: 'handed_in', requestedOn: '2026-10-13' });
    expect(asked.provisionalDates).toEqual([]);
    expect(clock(asked, 'hearing_request_5_days')).toMatchObject({ status: 'closed', metOn: '2026-10-13' });
    at('2026-10-14');
    const refused = await ask(late, { madeBy: 'handed_in', requestedOn: '2026-10-14' }, 409);
    expect(refused.error.details).toEqual({ reason: 'hearing_request_too_late', lastDay: '2026-10-13', provisional: false });
  });

  it('judges a request by post by its postmark: posted 10-13 and entered 10-15 is in time; posted 10-14 is not; a date in the future is refused', async () => {
    at('2026-10-15');
    expect((await ask(late, { madeBy: 'by_post', requestedOn: '2026-10-15', postmarkOn: '2026-10-14' }, 409)).error.details).toEqual({ reason: 'hearing_request_too_late', lastDay: '2026-10-13', provisional: false });
    expect((await ask(posted, { madeBy: 'by_post', requestedOn: '2026-10-15' }, 422)).error).toMatchObject({ code: 'EVENT_DATE_INVALID', details: { field: 'postmarkOn', reason: 'postmark_missing' } });
    expect((await ask(posted, { madeBy: 'handed_in', requestedOn: '2026-10-16' }, 422)).error).toMatchObject({ code: 'EVENT_DATE_INVALID', details: { field: 'requestedOn', reason: 'in_future', latest: '2026-10-15' } });
    expect((await ask(posted, { madeBy: 'by_post', requestedOn: '2026-10-15', postmarkOn: '2026-09-29' }, 422)).error).toMatchObject({ code: 'EVENT_DATE_INVALID', details: { field: 'postmarkOn', reason: 'before_service' } });
    const asked = await ask(posted, { madeBy: 'by_post', requestedOn: '2026-10-15', postmarkOn: '2026-10-13' });
    expect(asked.step).toBe('hearing_requested');
  });

  it('decides once the windows closed; the closed windows are never overdue or met late', async () => {
    const decided = await decide(late);
    for (const id of ['statement_defence_5_days', 'hearing_request_5_days'])
      expect(clock(decided, id)).toMatchObject({ kind: 'party_window', status: 'closed', metOn: '2026-10-15' });
  });
});

describe('行政处罚法第六十二条: separate signed waivers, each closing only its own window', () => {
  let both: string;
  let statementOnly: string;
  let noRight: string;

  it('takes a waiver only after service, signed on or after the service date and not in the future', async () => {
    at('2026-11-02'); // Mon
    [both, statementOnly, noRight] = [await notifiedCase(true), await notifiedCase(true), await notifiedCase(false)];
    expect((await waive(both, 'statement', '2026-11-02', 409)).error.details).toEqual({ reason: 'requires_step', step: 'serve_prior_notice' });
    for (const id of [both, statementOnly, noRight]) await serve(id, '2026-11-02');
    const unsigned = await step(s.li, both, { step: 'waive_statement', data: { signedOn: '2026-11-02' }, documents: [doc('statement_waiver')] }, 422);
    expect(unsigned.error.code).toBe('SIGNATURE_OR_REFUSAL_REQUIRED');
    // A refusal to sign is no waiver: only the party's signature makes it "明确放弃".
    const refused = await step(s.li, both, { step: 'waive_statement', data: { signedOn: '2026-11-02' }, documents: [{ ...doc('statement_waiver'), signature: { refusalReason: '当事人拒绝签名' } }] }, 422);
    expect(refused.error).toMatchObject({ code: 'PARTY_SIGNATURE_REQUIRED', details: { docType: 'statement_waiver' } });
    expect((await waive(both, 'statement', '2026-11-01', 422)).error).toMatchObject({ code: 'EVENT_DATE_INVALID', details: { field: 'signedOn', reason: 'before_service', earliest: '2026-11-02' } });
    expect((await waive(both, 'statement', '2026-11-03', 422)).error).toMatchObject({ code: 'EVENT_DATE_INVALID', details: { field: 'signedOn', reason: 'in_future' } });
    expect((await waive(noRight, 'hearing', '2026-11-02', 409)).error.details).toEqual({ reason: 'no_hearing_right' });
  });

  it('a statement waiver closes the statement window; the hearing window still stops the decision to its last day (11-09)', async () => {
    const waived = await waive(statementOnly, 'statement', '2026-11-02');
    expect(clock(waived, 'statement_defence_5_days')).toMatchObject({ status: 'closed', metOn: '2026-11-02' });
    expect(clock(waived, 'hearing_request_5_days')).toMatchObject({ status: 'open', deadline: '2026-11-09' });
    expect((await waive(statementOnly, 'statement', '2026-11-02', 409)).error.details).toEqual({ reason: 'already_waived' });
    expect(await decideBlocked(statementOnly)).toEqual({ code: 'TIME_WINDOW_OPEN', details: { window: 'hearing_request_5_days', lastDay: '2026-11-09', provisional: false } });
    // Without a hearing right the statement waiver is all it takes.
    await waive(noRight, 'statement', '2026-11-02');
    expect(await decideBlocked(noRight)).toBeNull();
  });

  it('with both waived the leader decides the same day; a waived hearing cannot be asked for', async () => {
    await waive(both, 'hearing', '2026-11-02');
    expect(await decideBlocked(both)).toEqual({ code: 'TIME_WINDOW_OPEN', details: { window: 'statement_defence_5_days', lastDay: '2026-11-09', provisional: false } });
    await waive(both, 'statement', '2026-11-02');
    expect((await ask(both, { madeBy: 'handed_in', requestedOn: '2026-11-02' }, 409)).error.details).toEqual({ reason: 'hearing_waived' });
    const decided = await decide(both);
    expect(decided.provisionalDates).toEqual([]);
    expect(decided.documents.map((d: { zh: string }) => d.zh)).toEqual(expect.arrayContaining(['放弃陈述申辩声明', '放弃听证声明']));
  });

  it('the hearing window stops the decision on its last day (11-09) and not the day after', async () => {
    at('2026-11-09');
    await decide(statementOnly, 409);
    at('2026-11-10');
    await decide(statementOnly);
  });
});

describe('公告送达 (处罚法第六十一条 → 民事诉讼法: deemed served 30 days after publication)', () => {
  it('takes the deemed date publishedOn + 30, not a day earlier, and needs the publication date', async () => {
    at('2026-11-02');
    const id = await notifiedCase(false);
    at('2026-12-03');
    const notice = { method: 'public_notice', publishedOn: '2026-11-02' };
    expect((await serve(id, '2026-12-01', 422, { method: 'public_notice' })).error).toMatchObject({ code: 'EVENT_DATE_INVALID', details: { field: 'publishedOn', reason: 'publication_missing' } });
    expect((await serve(id, '2026-12-01', 422, notice)).error).toMatchObject({ code: 'EVENT_DATE_INVALID', details: { field: 'servedOn', reason: 'before_deemed_service', earliest: '2026-12-02' } });
    const served = await serve(id, '2026-12-02', 200, notice);
    // 5 working days from Wed 12-02: 12-03, 04, 07, 08, 09.
    expect(clock(served, 'statement_defence_5_days')).toMatchObject({ startedOn: '2026-12-02', deadline: '2026-12-09' });
  });
});

describe('a prior notice served on Mon 2026-12-28, with the window running into 2027 (not loaded)', () => {
  let asks: string;
  let late: string;
  let noRight: string;

  it('shows the windows open to Tue 2027-01-05 (1 January off by law), provisional', async () => {
    at('2026-12-28');
    asks = await notifiedCase(true);
    late = await notifiedCase(true);
    noRight = await notifiedCase(false);
    for (const id of [asks, late, noRight]) await serve(id, '2026-12-28');
    const c = await caseOf(late);
    expect(clock(c, 'hearing_request_5_days')).toMatchObject({ kind: 'party_window', deadline: '2027-01-05', provisional: true, status: 'open' });
    // No hearing right (Art. 63): no hearing window at all; the statement window still runs.
    const plain = await caseOf(noRight);
    expect(clock(plain, 'hearing_request_5_days')).toBeUndefined();
    expect(clock(plain, 'statement_defence_5_days')).toMatchObject({ deadline: '2027-01-05', provisional: true, status: 'open' });
  });

  it('records a hearing request on the last day, saying the date was provisional', async () => {
    at('2027-01-05');
    expect(await decideBlocked(late)).toEqual({ code: 'TIME_WINDOW_OPEN', details: { window: 'statement_defence_5_days', lastDay: '2027-01-05', provisional: true } });
    const asked = await ask(asks, { madeBy: 'handed_in', requestedOn: '2027-01-05' });
    expect(asked.provisionalDates).toEqual([{ guard: 'hearing_request_in_time', date: '2027-01-05' }]);
    const event = asked.timeline.at(-1);
    expect(event).toMatchObject({ type: 'step.completed', payload: { step: 'request_hearing', data: { calendarProvisional: [{ guard: 'hearing_request_in_time', date: '2027-01-05' }] } } });
  });

  it('schedules the hearing 7 working days ahead, counted provisionally: not on 01-13, on 01-14', async () => {
    // 7 working days after Tue 01-05: 01-06, 07, 08, 11, 12, 13, 14.
    const short = await step(s.li, asks, { step: 'schedule_hearing', data: { hearingOn: '2027-01-13', place: '听证室', host: '陈静', public: true }, documents: [doc('hearing_summons')] }, 422);
    expect(short.error).toMatchObject({ code: 'HEARING_NOTICE_TOO_SHORT', details: { earliest: '2027-01-14', provisional: true } });
    const scheduled = await step(s.li, asks, { step: 'schedule_hearing', data: { hearingOn: '2027-01-14', place: '听证室', host: '陈静', public: true }, documents: [doc('hearing_summons')] });
    expect(scheduled.provisionalDates).toEqual([{ guard: 'hearing_notice_period', date: '2027-01-14' }]);
  });

  it('refuses a request the day after, lets the decision through, and counts no closed window as overdue', async () => {
    at('2027-01-06');
    const refused = await ask(late, { madeBy: 'handed_in', requestedOn: '2027-01-06' }, 409);
    expect(refused.error.details).toEqual({ reason: 'hearing_request_too_late', lastDay: '2027-01-05', provisional: true });
    const plain = await caseOf(noRight);
    expect(clock(plain, 'statement_defence_5_days')).toMatchObject({ status: 'closed', metOn: null });
    const todo = (await s.leader.get('/api/todo')).json() as { cases: { id: string; clocks: { kind: string; status: string }[]; urgency: number }[] };
    for (const c of todo.cases)
      expect(c.clocks.filter((k) => k.kind === 'party_window').every((k) => k.status === 'open' || k.status === 'closed')).toBe(true);
    // Closed windows are not the agency's failure: these cases rank by their running 90 days (urgency 2).
    for (const id of [late, noRight]) expect(todo.cases.find((c) => c.id === id)).toMatchObject({ urgency: 2 });
    // The dashboard counts only the cases with an agency deadline overdue (the September cases' 90 days ended 12-29).
    const overdue = todo.cases.filter((c) => c.urgency === 0).length;
    expect((await s.leader.get('/api/dashboard')).json().counts.overdueCases).toBe(overdue);
    const decided = await decide(late);
    expect(decided.provisionalDates).toEqual([{ guard: 'defence_window_closed', date: '2027-01-05' }]);
  });
});
