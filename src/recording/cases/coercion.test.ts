/**
 * 行政强制法, article by article, through the HTTP API (issue 9). The answers come from the words:
 *
 * - 第二十四条、第二十五条 "查封、扣押的期限不得超过三十日；情况复杂的，经行政机关负责人批准，可以延长，但是
 *   延长期限不得超过三十日…延长查封、扣押的决定应当及时书面告知当事人，并说明理由" — the period the decision
 *   states, from the day the measure was taken; an extension of the days approved, only before the
 *   deadline, with its decision issued and served.
 * - 第二十五条第三款 "查封、扣押的期间不包括检测、检验、检疫或者技术鉴定的期间…应当明确，并书面告知当事人".
 * - 第十九条 "情况紧急，需要当场实施行政强制措施的，行政执法人员应当在二十四小时内向行政机关负责人报告，并补办
 *   批准手续。行政机关负责人认为不应当采取行政强制措施的，应当立即解除" — to the minute.
 * - 第二十七条 "在本法第二十五条规定的期限内作出处理决定"; 第二十八条 "解除查封、扣押应当立即退还财物；已将鲜活
 *   物品或者其他不易保管的财物拍卖或者变卖的，退还拍卖或者变卖所得款项".
 * - 第二十九条至第三十三条 (freezing): "由法律规定的行政机关实施"; "应当在三日内向当事人交付冻结决定书" with
 *   第六十九条 "十日以内期限的规定是指工作日，不含法定节假日"; "自冻结存款、汇款之日起三十日内…可以延长，但是
 *   延长期限不得超过三十日".
 *
 * Calendar: the 2026 notice (National Day 10-01…10-07 off, Sat 10-10 a make-up working day); 2027's
 * is not loaded, so 1 January 2027 is off by law and answers past it are provisional. Each case
 * keeps its own time moving forward.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/harness.js';
import { buildRecordingWorld, caseStepKit, NO_AV, partyCompany, recordingSessions, type RecordingWorld } from '../../../test/recording-world.js';

let ctx: TestContext;
let world: RecordingWorld;
let s: Awaited<ReturnType<typeof recordingSessions>>;

beforeAll(async () => {
  ctx = await createTestApp({ now: '2026-09-14T01:00:00Z', config: { sessionTtlMinutes: 60 * 24 * 365 } });
  world = await buildRecordingWorld(ctx.database);
  s = await recordingSessions(ctx);
});
afterAll(() => ctx?.close());

/** Sets the clock to `hm` China time on `day` (09:00 by default); documents with sample fields; steps. */
const { at, today, doc, group, step } = caseStepKit(() => ctx, () => world);


interface Clock { id: string; deadline: string; status: string; extendedBy: number; excluded: number; startedOn: string; metOn: string | null; provisional: boolean; amount: number }


async function view(caseId: string) {
  const res = await s.leader.get(`/api/cases/${caseId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { step: string; clocks: Clock[]; nextSteps: { id: string; permitted: boolean; blocked: { code: string; details: Record<string, unknown> } | null }[] };
}
const clock = async (caseId: string, id: string) => (await view(caseId)).clocks.find((k) => k.id === id);

async function openCase(procedure: 'coercion' | 'freezing'): Promise<string> {
  const res = await s.li.post('/api/cases', { procedure, powerItemId: world.items.coercion.id, title: '强制措施期限测试', source: 'referral', sourceDetail: { content: '检查中发现' }, parties: [partyCompany()] });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/** A seizure approved on `day` and taken on `implementedOn`, entered the day after, for `periodDays`. */
async function seizure(day: string, implementedOn: string, periodDays: number): Promise<string> {
  at(day);
  const id = await openCase('coercion');
  await step(s.li, id, { step: 'propose_measure', data: { officers: group(), measure: 'seize', items: '电热水壶320台', reason: '防止转移' } });
  await step(s.leader, id, { step: 'approve_measure', data: {} });
  at(implementedOn, '17:00');
  const data = { implementedOn, periodDays, partyPresent: true };
  await step(s.li, id, { step: 'implement', data, documents: [doc('seizure_decision'), doc('inspection_record', true)], waivers: NO_AV });
  return id;
}

const extendBy = (id: string, days: number, status = 200) =>
  step(s.leader, id, { step: 'extend', data: { days, reason: '涉案产品需追查来源' }, documents: [doc('seizure_extension_decision')] }, status);

describe('第二十四条、第二十五条: the period the decision states, extended only in time', () => {
  it('taken Wed 09-16 for 15 days: the last day is Thu 10-01, kept on the holiday (a maximum period of deprivation)', async () => {
    const id = await seizure('2026-09-15', '2026-09-16', 15);
    expect(await clock(id, 'seizure_30_days')).toMatchObject({ startedOn: '2026-09-16', amount: 15, deadline: '2026-10-01', status: 'running' });
  });

  it('a decision may not state more than 30 days', async () => {
    at('2026-09-15');
    const id = await openCase('coercion');
    await step(s.li, id, { step: 'propose_measure', data: { officers: group(), measure: 'seal_up', items: '生产线1条', reason: '防止危害扩大' } });
    await step(s.leader, id, { step: 'approve_measure', data: {} });
    const tooLong = await step(s.li, id, { step: 'implement', data: { implementedOn: '2026-09-15', periodDays: 31, partyPresent: true }, documents: [doc('seizure_decision'), doc('inspection_record', true)], waivers: NO_AV }, 400);
    expect(tooLong.error.code).toBe('VALIDATION_FAILED');
  });

  it('extended on the last day (10-01) by the 10 days approved: to 10-11, with the written decision issued and then served', async () => {
    const id = await seizure('2026-09-15', '2026-09-16', 15);
    at('2026-10-01', '16:00');
    const withoutDecision = await step(s.leader, id, { step: 'extend', data: { days: 10, reason: '需追查来源' } }, 422);
    expect(withoutDecision.error.details.missing).toEqual(['seizure_extension_decision']);
    expect((await step(s.leader, id, { step: 'extend', data: { days: 31, reason: '需追查来源' }, documents: [doc('seizure_extension_decision')] }, 400)).error.code).toBe('VALIDATION_FAILED');
    const extended = await extendBy(id, 10);
    expect(extended.issuedDocuments[0].number).toMatch(/^楚工信强延〔2026〕\d+号$/);
    expect(extended.clocks.find((k: Clock) => k.id === 'seizure_30_days')).toMatchObject({ extendedBy: 10, deadline: '2026-10-11', status: 'running' });
    expect((await extendBy(id, 5, 409)).error.details.reason).toBe('already_extended');
    at('2026-10-02');
    await step(s.li, id, { step: 'serve_extension', data: { method: 'in_person', servedOn: '2026-10-02' }, documents: [doc('service_receipt', true)] });
  });

  it('an extension the day after the deadline (10-02) is refused and the clock stays overdue', async () => {
    const id = await seizure('2026-09-15', '2026-09-16', 15);
    at('2026-10-02', '09:00');
    expect((await extendBy(id, 10, 409)).error).toMatchObject({ code: 'EXTENSION_TOO_LATE', details: { clock: 'seizure_30_days', deadline: '2026-10-01' } });
    expect(await clock(id, 'seizure_30_days')).toMatchObject({ deadline: '2026-10-01', extendedBy: 0, status: 'overdue' });
  });

  it('the extension decision is told before it is served: serving one needs the extension first', async () => {
    const id = await seizure('2026-09-15', '2026-09-16', 15);
    at('2026-09-18');
    expect((await step(s.li, id, { step: 'serve_extension', data: { method: 'in_person', servedOn: '2026-09-18' }, documents: [doc('service_receipt', true)] }, 409)).error.details).toMatchObject({ reason: 'requires_step', step: 'extend' });
  });
});

describe('第二十五条第三款: testing is left out of the period, told in writing', () => {
  it('taken Mon 09-21 for 30 days (10-21); testing 09-28…10-09 leaves 12 days out: 11-02', async () => {
    const id = await seizure('2026-09-21', '2026-09-21', 30);
    at('2026-09-28');
    const testing = { kind: 'testing', institution: '云南省产品质量监督检验研究院', from: '2026-09-28', until: '2026-10-09' };
    expect((await step(s.li, id, { step: 'start_testing', data: testing }, 422)).error.details.missing).toEqual(['testing_period_notice']);
    expect((await step(s.li, id, { step: 'start_testing', data: { ...testing, until: '2026-09-27' }, documents: [doc('testing_period_notice')] }, 400)).error.code).toBe('VALIDATION_FAILED');
    await step(s.li, id, { step: 'start_testing', data: testing, documents: [doc('testing_period_notice')] });
    at('2026-10-08');
    expect(await clock(id, 'seizure_30_days')).toMatchObject({ status: 'paused' });
    at('2026-10-12');
    await step(s.li, id, { step: 'end_testing', data: { on: '2026-10-09', result: '泄漏电流不合格' } });
    expect(await clock(id, 'seizure_30_days')).toMatchObject({ excluded: 12, deadline: '2026-11-02', status: 'running' });
  });
});

describe('第二十七条、第二十八条: disposal within the period; release returns the property', () => {
  it('taken 2026-12-10 for 30 days: disposal allowed on the last day, Sat 2027-01-09, refused on 01-10; release then', async () => {
    const id = await seizure('2026-12-09', '2026-12-10', 30);
    at('2027-01-09', '23:59');
    expect(await clock(id, 'seizure_30_days')).toMatchObject({ deadline: '2027-01-09', provisional: false, status: 'due_soon' });
    expect((await view(id)).nextSteps.find((n) => n.id === 'dispose')).toMatchObject({ permitted: true, blocked: null });
    at('2027-01-10', '00:00');
    const refused = await step(s.leader, id, { step: 'dispose', data: { outcome: 'confiscated', note: '检验不合格' } }, 409);
    expect(refused.error).toMatchObject({ code: 'STEP_NOT_ALLOWED', details: { reason: 'measure_period_expired', clock: 'seizure_30_days', lastDay: '2027-01-09' } });
    expect((await step(s.leader, id, { step: 'release', data: { ground: 'period_expired', note: '期限届满' } }, 422)).error.details.missing).toEqual(['seizure_release']);
    const released = await step(s.leader, id, { step: 'release', data: { ground: 'period_expired', note: '期限届满' }, documents: [doc('seizure_release')] });
    expect(released.issuedDocuments[0].number).toMatch(/^楚工信强解〔2027〕1号$/);
    expect(released.clocks.find((k: Clock) => k.id === 'seizure_30_days')).toMatchObject({ status: 'met_late', metOn: '2027-01-10' });
  });

  it('disposed of on the last day of the period (10-01)', async () => {
    const id = await seizure('2026-09-15', '2026-09-16', 15);
    at('2026-10-01', '18:00');
    const done = await step(s.leader, id, { step: 'dispose', data: { outcome: 'confiscated', note: '检验不合格，依法没收' } });
    expect(done.clocks.find((k: Clock) => k.id === 'seizure_30_days')).toMatchObject({ status: 'met', metOn: '2026-10-01' });
    await step(s.li, id, { step: 'close', data: {}, documents: [doc('closing_report')] });
  });

  it('records the return with its date and items, and for goods sold the price obtained', async () => {
    const id = await seizure('2026-09-15', '2026-09-16', 15);
    at('2026-09-25');
    await step(s.leader, id, { step: 'release', data: { ground: 'no_violation', note: '复检合格' }, documents: [doc('seizure_release')] });
    const items = '电热水壶300台；已变卖20台';
    expect((await step(s.li, id, { step: 'return_property', data: { returnedOn: '2026-09-25', itemsReturned: items, soldBy: 'sale' } }, 400)).error.code).toBe('VALIDATION_FAILED');
    const returned = await step(s.li, id, { step: 'return_property', data: { returnedOn: '2026-09-25', itemsReturned: items, soldBy: 'sale', saleProceeds: 1980.5, saleNote: '易受潮部件按市价变卖' } });
    expect(returned.step).toBe('returned');
    const facts = (await ctx.database.db.execute(`select facts from cases where id = '${id}'`)) as unknown as { rows: { facts: { steps: Record<string, { data: Record<string, unknown> }> } }[] };
    expect(facts.rows[0]!.facts.steps.return_property!.data).toMatchObject({ returnedOn: '2026-09-25', saleProceeds: 1980.5 });
    await step(s.li, id, { step: 'close', data: {}, documents: [doc('closing_report')] });
  });
});

describe('第十九条: taken on the spot, reported within 24 hours, ratified or released at once', () => {
  async function actedUrgently(actedAt: string): Promise<string> {
    at(actedAt.slice(0, 10), '22:00');
    const id = await openCase('coercion');
    const data = { officers: group(), measure: 'seize', items: '电热水壶320台', reason: '防止转移', urgency: '当事人正在装车外运', actedAt, periodDays: 30, partyPresent: true };
    expect((await step(s.li, id, { step: 'act_urgently', data: { ...data, actedAt: '2026-09-30 21:15' }, documents: [doc('seizure_decision'), doc('inspection_record', true)], waivers: NO_AV }, 400)).error.code).toBe('VALIDATION_FAILED');
    await step(s.li, id, { step: 'act_urgently', data, documents: [doc('seizure_decision'), doc('inspection_record', true)], waivers: NO_AV });
    return id;
  }
  const report = (id: string, reportedAt: string) => step(s.li, id, { step: 'report_urgent', data: { reportedAt, reportedTo: '张局长', summary: '已当场扣押，申请补办批准' } });

  it('acted 09-30T21:15: due by 10-01T21:15 on the holiday; overdue at 21:16 China time', async () => {
    const id = await actedUrgently('2026-09-30T21:15');
    at('2026-10-01', '21:15');
    expect(await clock(id, 'urgent_report_24_hours')).toMatchObject({ deadline: '2026-10-01T21:15', status: 'due_soon' });
    at('2026-10-01', '21:16');
    expect(await clock(id, 'urgent_report_24_hours')).toMatchObject({ status: 'overdue' });
    // The seizure itself counts from the day it was taken.
    expect(await clock(id, 'seizure_30_days_emergency')).toMatchObject({ startedOn: '2026-09-30', deadline: '2026-10-30' });
  });

  it('reported at 10-01T21:15 is in time, and the leader ratifies: the seizure is in force', async () => {
    const id = await actedUrgently('2026-09-30T21:15');
    at('2026-10-01', '21:20');
    const reported = await report(id, '2026-10-01T21:15');
    expect(reported.clocks.find((k: Clock) => k.id === 'urgent_report_24_hours')).toMatchObject({ status: 'met', metOn: '2026-10-01T21:15' });
    expect((await step(s.li, id, { step: 'ratify', data: {} }, 403)).error.code).toBe('FORBIDDEN');
    expect((await step(s.leader, id, { step: 'ratify', data: {} })).step).toBe('in_force');
  });

  it('reported at 10-01T21:16 is late; the leader orders immediate release with the release decision', async () => {
    const id = await actedUrgently('2026-09-30T21:15');
    at('2026-10-01', '21:30');
    const reported = await report(id, '2026-10-01T21:16');
    expect(reported.clocks.find((k: Clock) => k.id === 'urgent_report_24_hours')).toMatchObject({ status: 'met_late', metOn: '2026-10-01T21:16' });
    const released = await step(s.leader, id, { step: 'release_immediately', data: { reason: '不属于情况紧急，不应当采取强制措施' }, documents: [doc('seizure_release')] });
    expect(released.step).toBe('released');
    expect(released.clocks.find((k: Clock) => k.id === 'seizure_30_days_emergency')).toMatchObject({ status: 'met', metOn: '2026-10-01' });
    await step(s.li, id, { step: 'return_property', data: { returnedOn: '2026-10-01', itemsReturned: '电热水壶320台' } });
  });
});

describe('第二十九条至第三十三条: freezing of deposits', () => {
  const account = { bank: '中国工商银行楚雄分行', accountNumber: '2503001009200012345', amount: 50000 };
  async function frozen(frozenOn: string): Promise<string> {
    at(frozenOn, '08:30');
    const id = await openCase('freezing');
    const proposal = { officers: group(), ...account, reason: '有转移存款的迹象' };
    const byRule = await step(s.li, id, { step: 'propose_freeze', data: { ...proposal, statutoryAuthority: '《云南省某某管理条例》第十二条' } }, 400);
    expect(byRule.error.code).toBe('VALIDATION_FAILED');
    await step(s.li, id, { step: 'propose_freeze', data: { ...proposal, statutoryAuthority: '《中华人民共和国税收征收管理法》第三十八条' } });
    await step(s.leader, id, { step: 'approve_freeze', data: {} });
    at(frozenOn, '10:00');
    const done = await step(s.li, id, { step: 'freeze', data: { frozenOn, ...account }, documents: [doc('freeze_notice'), doc('inspection_record', true)] });
    expect(done.issuedDocuments[0].number).toMatch(/^楚工信冻通〔\d{4}〕\d+号$/);
    return id;
  }
  const serve = (id: string, servedOn: string) => step(s.li, id, { step: 'serve_freeze_decision', data: { method: 'in_person', servedOn }, documents: [doc('freeze_decision'), doc('service_receipt', true)] });

  it('frozen Tue 09-29: the decision is due in 3 working days (Art. 69) — 09-30, 10-08, 10-09; served 10-09 in time', async () => {
    const id = await frozen('2026-09-29');
    expect(await clock(id, 'freeze_decision_3_days')).toMatchObject({ deadline: '2026-10-09', status: 'running' });
    at('2026-10-09');
    const served = await serve(id, '2026-10-09');
    expect(served.clocks.find((k: Clock) => k.id === 'freeze_decision_3_days')).toMatchObject({ status: 'met', metOn: '2026-10-09' });
    // 30 days from 09-29 end Thu 10-29.
    expect(served.clocks.find((k: Clock) => k.id === 'freeze_30_days')).toMatchObject({ deadline: '2026-10-29' });
  });

  it('served on the make-up Saturday 10-10, the day after: late', async () => {
    const id = await frozen('2026-09-29');
    at('2026-10-10');
    expect((await serve(id, '2026-10-10')).clocks.find((k: Clock) => k.id === 'freeze_decision_3_days')).toMatchObject({ status: 'met_late' });
  });

  it('frozen Wed 2026-12-30: 12-31, (01-01 off by law, weekend) 01-04, 01-05 — provisional, 2027 not loaded', async () => {
    const id = await frozen('2026-12-30');
    expect(await clock(id, 'freeze_decision_3_days')).toMatchObject({ deadline: '2027-01-05', provisional: true });
    // 30 days end Fri 2027-01-29, kept as it falls (Art. 33(3): the bank releases on expiry).
    expect(await clock(id, 'freeze_30_days')).toMatchObject({ deadline: '2027-01-29', provisional: false });
  });

  it('extended on the last day (10-29) by 30 days to 11-28 and told; refused the day after; unfrozen with the bank and party told', async () => {
    const late = await frozen('2026-09-29');
    const id = await frozen('2026-09-29');
    const extend = (caseId: string, status = 200) =>
      step(s.leader, caseId, { step: 'extend', data: { days: 30, reason: '资金往来需逐笔核查' }, documents: [doc('freeze_extension_decision')] }, status);
    at('2026-10-29', '17:00');
    expect((await extend(id)).clocks.find((k: Clock) => k.id === 'freeze_30_days')).toMatchObject({ extendedBy: 30, deadline: '2026-11-28' });
    at('2026-10-30');
    expect((await extend(late, 409)).error).toMatchObject({ code: 'EXTENSION_TOO_LATE', details: { clock: 'freeze_30_days', deadline: '2026-10-29' } });
    expect((await step(s.leader, late, { step: 'dispose', data: { outcome: 'deducted', note: '依法划拨' } }, 409)).error.details).toMatchObject({ reason: 'measure_period_expired', lastDay: '2026-10-29' });
    await step(s.li, id, { step: 'serve_extension', data: { method: 'post', servedOn: '2026-10-30' }, documents: [doc('service_receipt', true)] });
    const unfrozen = await step(s.leader, id, { step: 'unfreeze', data: { ground: 'no_violation', bankNotifiedOn: '2026-10-30', partyNotifiedOn: '2026-10-30', note: '经查无违法行为' }, documents: [doc('unfreeze_decision')] });
    expect(unfrozen.clocks.find((k: Clock) => k.id === 'freeze_30_days')).toMatchObject({ status: 'met' });
    await step(s.li, id, { step: 'close', data: {}, documents: [doc('closing_report')] });
  });
});
