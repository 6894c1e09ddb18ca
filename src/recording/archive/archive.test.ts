import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDocumentFields } from '../../demo/document-fields.js';
import { createTestApp, loginAs, type Session, type TestContext } from '../../../test/harness.js';
import { buildRecordingWorld, partyCompany, recordingSessions, type RecordingWorld } from '../../../test/recording-world.js';
import { transferDeadline } from './archive.js';

let ctx: TestContext;
let world: RecordingWorld;
let s: Awaited<ReturnType<typeof recordingSessions>>;

beforeAll(async () => {
  ctx = await createTestApp({ now: '2026-11-23T01:00:00Z', config: { sessionTtlMinutes: 60 * 24 * 365 } });
  world = await buildRecordingWorld(ctx.database);
  s = await recordingSessions(ctx);
});
afterAll(() => ctx.close());

const group = () => [
  { personId: world.people.li.id, role: 'leader' },
  { personId: world.people.wang.id, role: 'member' },
];

async function ok(res: Promise<{ statusCode: number; body: string; json(): any }>, status = 200) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json();
}

/** A levy case run to its end on 2026-11-23. */
async function closedLevyCase(session: Session = s.li) {
  const c = await ok(session.post('/api/cases', { procedure: 'levy', powerItemId: world.items.levy.id, title: '频率占用费征收', source: 'plan', sourceDetail: { content: '年度征收计划' }, parties: [partyCompany()] }), 201);
  const step = (body: Record<string, unknown>, who = session) => ok(who.post(`/api/cases/${c.id}/steps`, body));
  await step({ step: 'assess', data: { officers: group(), basis: '条例第二十五条', amount: 12000 } });
  await step({ step: 'decide', data: {}, documents: [{ docType: 'levy_decision', fields: sampleDocumentFields('levy_decision', '2026-11-23') }] }, s.leader);
  await step({ step: 'serve', data: { method: 'in_person', servedOn: '2026-11-23' }, documents: [{ docType: 'service_receipt', fields: sampleDocumentFields('service_receipt', '2026-11-23'), signature: { refusalReason: '当事人拒绝签收，已留置' } }] });
  await step({ step: 'collect', data: { amount: 12000, receiptNo: 'FS2026-001' } });
  await step({ step: 'close', data: {}, documents: [{ docType: 'closing_report', fields: sampleDocumentFields('closing_report', '2026-11-23') }] });
  return c.id as string;
}

describe('transfer deadlines (R8)', () => {
  it('are 30 July for the first half-year and 31 January of the next year for the second', () => {
    expect(transferDeadline('2026-01-01')).toBe('2026-07-30');
    expect(transferDeadline('2026-06-30')).toBe('2026-07-30');
    expect(transferDeadline('2026-07-01')).toBe('2027-01-31');
    expect(transferDeadline('2026-12-31')).toBe('2027-01-31');
  });
});

describe('case file (卷宗) and archive (R8)', () => {
  let caseId: string;
  beforeAll(async () => {
    ctx.clock.set('2026-11-23T01:00:00Z');
    caseId = await closedLevyCase();
  });

  it('shows a closed case as due for compiling within 30 days, then overdue', async () => {
    const due = await ok(s.head.get('/api/archive/due'));
    // Closed Mon 2026-11-23: 30 days later is Wed 2026-12-23.
    expect(due.items).toEqual([expect.objectContaining({ caseId, task: 'compile', deadline: '2026-12-23', status: 'due' })]);
    ctx.clock.set('2026-12-24T01:00:00Z');
    expect((await ok(s.head.get('/api/archive/due'))).items[0].status).toBe('overdue');
    ctx.clock.set('2026-11-24T01:00:00Z');
  });

  it('refuses to compile an open case, and refuses officers', async () => {
    const open = await ok(s.li.post('/api/cases', { procedure: 'levy', powerItemId: world.items.levy.id, title: '未结案件', source: 'plan', sourceDetail: { content: 'x' }, parties: [partyCompany()] }), 201);
    expect((await s.head.post(`/api/cases/${open.id}/file`)).json().error.details.reason).toBe('case_not_closed');
    expect((await s.li.post(`/api/cases/${caseId}/file`)).statusCode).toBe(403);
    expect((await s.head.post(`/api/cases/${caseId}/file/transfer`)).json().error.code).toBe('CASE_FILE_NOT_COMPILED');
  });

  it('compiles a catalogue of the documents in order, transfers it, and the case becomes read-only', async () => {
    const file = await ok(s.head.post(`/api/cases/${caseId}/file`), 201);
    expect(file.catalogue.map((e: { no: number; title: string }) => `${e.no} ${e.title}`)).toEqual(['1 征收决定书', '2 送达回证', '3 结案报告']);
    expect(file.catalogue[0].number).toMatch(/^楚工信.+〔2026〕1号$/);
    expect(file.transferBy).toBe('2027-01-31');
    expect((await s.head.post(`/api/cases/${caseId}/file`)).json().error.code).toBe('CASE_FILE_EXISTS');
    expect((await ok(s.head.get('/api/archive/due'))).items).toEqual([expect.objectContaining({ caseId, task: 'transfer', deadline: '2027-01-31' })]);
    await ok(s.head.post(`/api/cases/${caseId}/file/transfer`));
    const page = await ok(s.li.get(`/api/cases/${caseId}`));
    expect(page.status).toBe('archived');
    expect((await ok(s.head.get('/api/archive/due'))).items).toEqual([]);
    const late = await s.li.post(`/api/cases/${caseId}/steps`, { step: 'close', data: {} });
    expect(late.json().error.code).toBe('CASE_NOT_OPEN');
    await ok(s.li.post(`/api/cases/${caseId}/supplements`, { note: '当事人补交缴款凭证复印件' }), 201);
    const types = (await ok(s.li.get(`/api/cases/${caseId}`))).timeline.map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(['case.file_compiled', 'case.file_transferred', 'case.supplement_added']));
  });
});

describe('access requests (R9)', () => {
  let caseId: string;
  beforeAll(async () => {
    ctx.clock.set('2026-11-24T01:00:00Z');
    caseId = await closedLevyCase();
  });

  it('needs the division head opinion and a leader approval for a non-licensing file, then records each use within the time box', async () => {
    const req = await ok(s.li.post(`/api/cases/${caseId}/access-requests`, { requesterKind: 'party', requesterName: '周建国', purpose: '复议准备', mode: 'copy' }), 201);
    expect(req.status).toBe('pending');
    expect((await s.li.post(`/api/access-requests/${req.id}/use`, { action: 'read' })).json().error.code).toBe('ACCESS_NOT_GRANTED');
    expect((await s.li.post(`/api/access-requests/${req.id}/opinion`, { agree: true, opinion: '同意' })).statusCode).toBe(403);
    expect((await s.leader.post(`/api/access-requests/${req.id}/decision`, { approve: true })).json().error.code).toBe('ACCESS_REQUEST_STATE');
    const opinion = await ok(s.head.post(`/api/access-requests/${req.id}/opinion`, { agree: true, opinion: '同意提供复制' }));
    expect(opinion.status).toBe('opinion_given');
    const decided = await ok(s.leader.post(`/api/access-requests/${req.id}/decision`, { approve: true, validDays: 3, note: '限三日内' }));
    expect(decided).toMatchObject({ status: 'approved', validUntil: '2026-11-27T01:00:00.000Z' });
    await ok(s.li.post(`/api/access-requests/${req.id}/use`, { action: 'read', note: '在档案室查阅' }), 201);
    await ok(s.li.post(`/api/access-requests/${req.id}/use`, { action: 'copy', note: '复制决定书一份' }), 201);
    ctx.clock.set('2026-11-27T01:00:00Z');
    expect((await s.li.post(`/api/access-requests/${req.id}/use`, { action: 'read' })).json().error.code).toBe('ACCESS_NOT_GRANTED');
    const uses = (await ok(s.li.get(`/api/cases/${caseId}`))).timeline.filter((e: { type: string }) => e.type.startsWith('access.'));
    expect(uses.map((e: { type: string }) => e.type)).toEqual(['access.requested', 'access.opinion_given', 'access.decided', 'access.used', 'access.used']);
  });

  it('a read-only grant refuses copying; a refused opinion ends the request', async () => {
    ctx.clock.set('2026-11-24T01:00:00Z');
    const read = await ok(s.li.post(`/api/cases/${caseId}/access-requests`, { requesterKind: 'staff', requesterName: '李明', purpose: '案卷评查', mode: 'read' }), 201);
    await ok(s.head.post(`/api/access-requests/${read.id}/opinion`, { agree: true, opinion: '同意' }));
    await ok(s.leader.post(`/api/access-requests/${read.id}/decision`, { approve: true }));
    expect((await s.li.post(`/api/access-requests/${read.id}/use`, { action: 'copy' })).json().error.details.reason).toBe('read_only_grant');
    const refused = await ok(s.li.post(`/api/cases/${caseId}/access-requests`, { requesterKind: 'party', requesterName: '某人', purpose: '好奇', mode: 'read' }), 201);
    expect((await ok(s.head.post(`/api/access-requests/${refused.id}/opinion`, { agree: false, opinion: '与本案无利害关系' }))).status).toBe('rejected');
    expect((await s.leader.post(`/api/access-requests/${refused.id}/decision`, { approve: true })).statusCode).toBe(409);
  });

  it('is hidden from another agency', async () => {
    expect((await s.officerB.get(`/api/cases/${caseId}/access-requests`)).statusCode).toBe(404);
    expect((await s.officerB.post(`/api/cases/${caseId}/access-requests`, { requesterKind: 'staff', requesterName: 'x', purpose: 'xx', mode: 'read' })).statusCode).toBe(404);
  });
});

describe('separation of duties in access requests (issue 7)', () => {
  let levyCaseId: string;
  let licensingCaseId: string;
  let leader2: Session;
  let headLeader: Session;
  const events = async (caseId: string) => (await ok(s.li.get(`/api/cases/${caseId}`))).timeline.map((e: { type: string }) => e.type).filter((t: string) => t.startsWith('access.'));
  const register = (who: Session, caseId: string, requesterKind: 'party' | 'staff' = 'staff', mode: 'read' | 'copy' = 'read') =>
    ok(who.post(`/api/cases/${caseId}/access-requests`, { requesterKind, requesterName: '申请人', purpose: '案卷评查', mode }), 201);
  const refusal = async (res: Promise<{ statusCode: number; json(): any }>) => {
    const r = await res;
    return `${r.statusCode} ${r.json().error?.code}`;
  };

  beforeAll(async () => {
    ctx.clock.set('2026-11-25T01:00:00Z');
    levyCaseId = await closedLevyCase();
    const licensing = await ok(
      s.li.post('/api/cases', { procedure: 'licensing', powerItemId: world.items.licensing.id, title: '无线电台设置申请', source: 'application', sourceDetail: { content: '申请设置通信基站1座', receivedOn: '2026-11-25' }, parties: [partyCompany()] }),
      201,
    );
    licensingCaseId = licensing.id;
    // A second leader, and one person holding both approving roles, made by the agency's administrator.
    for (const [username, roles] of [['leader2_a', ['agency_leader']], ['head_leader_a', ['division_head', 'agency_leader']]] as const) {
      await ok(s.adminA.post('/api/users', { username, displayName: username, password: 'Test-password-2026', agencyId: world.agencyA.id, roles }), 201);
    }
    leader2 = await loginAs(ctx.app, 'leader2_a', 'Test-password-2026');
    headLeader = await loginAs(ctx.app, 'head_leader_a', 'Test-password-2026');
  });

  it('a division head cannot approve their own request on a licensing file, lodged for themselves or in a party\'s name', async () => {
    for (const kind of ['staff', 'party'] as const) {
      const req = await register(s.head, licensingCaseId, kind);
      expect(await refusal(s.head.post(`/api/access-requests/${req.id}/opinion`, { agree: true, opinion: '同意' }))).toBe('403 SELF_APPROVAL_FORBIDDEN');
      const [row] = await ctx.database.query<{ status: string }>('select status from access_requests where id = $1', [req.id]);
      expect(row!.status).toBe('pending');
      expect((await s.head.post(`/api/access-requests/${req.id}/use`, { action: 'read' })).json().error.code).toBe('ACCESS_NOT_GRANTED');
    }
    expect(await events(licensingCaseId)).toEqual(['access.requested', 'access.requested']);
  });

  it('on a licensing file the division head\'s agreeing opinion is the grant itself (R9): no leader decides, the requester uses it', async () => {
    const req = await register(s.li, licensingCaseId);
    const opinion = await ok(s.head.post(`/api/access-requests/${req.id}/opinion`, { agree: true, opinion: '同意查阅' }));
    expect(opinion.status).toBe('approved');
    expect(await refusal(s.leader.post(`/api/access-requests/${req.id}/decision`, { approve: true, validDays: 3 }))).toBe('409 ACCESS_REQUEST_STATE');
    await ok(s.li.post(`/api/access-requests/${req.id}/use`, { action: 'read' }), 201);
    expect((await events(licensingCaseId)).slice(-3)).toEqual(['access.requested', 'access.opinion_given', 'access.used']);
  });

  it('a leader cannot decide their own request; another leader can, and only the requester then uses the grant', async () => {
    const req = await register(s.leader, levyCaseId, 'staff', 'copy');
    await ok(s.head.post(`/api/access-requests/${req.id}/opinion`, { agree: true, opinion: '同意' }));
    expect(await refusal(s.leader.post(`/api/access-requests/${req.id}/decision`, { approve: true, validDays: 30 }))).toBe('403 SELF_APPROVAL_FORBIDDEN');
    const [row] = await ctx.database.query<{ status: string; decided_by: string | null }>('select status, decided_by from access_requests where id = $1', [req.id]);
    expect(row).toEqual({ status: 'opinion_given', decided_by: null });
    const list = (await ok(s.leader.get(`/api/cases/${levyCaseId}/access-requests`))).items.find((q: { id: string }) => q.id === req.id);
    expect(list.can).toEqual({ giveOpinion: false, decide: false, use: false });
    expect((await ok(leader2.get(`/api/cases/${levyCaseId}/access-requests`))).items.find((q: { id: string }) => q.id === req.id).can.decide).toBe(true);
    await ok(leader2.post(`/api/access-requests/${req.id}/decision`, { approve: true, validDays: 3 }));
    expect((await ok(s.leader.get(`/api/cases/${levyCaseId}/access-requests`))).items.find((q: { id: string }) => q.id === req.id).can.use).toBe(true);
    await ok(s.leader.post(`/api/access-requests/${req.id}/use`, { action: 'copy' }), 201);
  });

  it('one person holding both roles cannot give the opinion and then decide', async () => {
    const req = await register(s.li, levyCaseId);
    await ok(headLeader.post(`/api/access-requests/${req.id}/opinion`, { agree: true, opinion: '同意' }));
    const res = await headLeader.post(`/api/access-requests/${req.id}/decision`, { approve: true });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'SELF_APPROVAL_FORBIDDEN', details: { reason: 'own_opinion' } });
    await ok(s.leader.post(`/api/access-requests/${req.id}/decision`, { approve: true }));
  });

  it('nobody records a use of someone else\'s grant, not even in parallel; the holder still can', async () => {
    const req = await register(s.li, levyCaseId, 'staff', 'copy');
    await ok(s.head.post(`/api/access-requests/${req.id}/opinion`, { agree: true, opinion: '同意' }));
    await ok(s.leader.post(`/api/access-requests/${req.id}/decision`, { approve: true }));
    const before = (await events(levyCaseId)).length;
    const others = [s.wang, s.head, s.leader, s.adminA, s.reviewer];
    const answers = await Promise.all(others.map((o) => refusal(o.post(`/api/access-requests/${req.id}/use`, { action: 'copy', note: '冒用' }))));
    expect(answers).toEqual(others.map(() => '403 ACCESS_GRANT_NOT_HELD'));
    expect(await refusal(s.officerB.post(`/api/access-requests/${req.id}/use`, { action: 'read' }))).toBe('404 NOT_FOUND');
    expect((await events(levyCaseId)).length).toBe(before);
    const mine = (await ok(s.wang.get(`/api/cases/${levyCaseId}/access-requests`))).items.find((q: { id: string }) => q.id === req.id);
    expect(mine.can.use).toBe(false);
    await ok(s.li.post(`/api/access-requests/${req.id}/use`, { action: 'read' }), 201);
    expect((await events(levyCaseId)).length).toBe(before + 1);
  });
});

describe('to-do list', () => {
  it('lists my open cases with their clocks, most urgent first', async () => {
    ctx.clock.set('2026-11-24T01:00:00Z');
    const c = await ok(s.li.post('/api/cases', { procedure: 'penalty_general', powerItemId: world.items.penalty.id, title: '待办测试', source: 'plan', sourceDetail: { content: 'x' }, parties: [partyCompany()] }), 201);
    await ok(s.li.post(`/api/cases/${c.id}/steps`, { step: 'propose_filing', data: { officers: group(), summary: 'x', offenceDate: '2026-06-01', offenceContinuing: false, discoveredOn: '2026-06-15', limitationExtended: false }, documents: [{ docType: 'case_filing_approval', fields: sampleDocumentFields('case_filing_approval', '2026-11-24') }] }));
    await ok(s.leader.post(`/api/cases/${c.id}/steps`, { step: 'approve_filing', data: {} }));
    ctx.clock.set('2027-02-23T01:00:00Z'); // past the 90 days (2027-02-22)
    // A second case filed now (its 90 days running) and a third with no clock yet, registered first.
    const later = await ok(s.li.post('/api/cases', { procedure: 'penalty_general', powerItemId: world.items.penalty.id, title: '待办测试二', source: 'plan', sourceDetail: { content: 'x' }, parties: [partyCompany()] }), 201);
    await ok(s.li.post(`/api/cases/${later.id}/steps`, { step: 'propose_filing', data: { officers: group(), summary: 'x', offenceDate: '2026-06-01', offenceContinuing: false, discoveredOn: '2026-06-15', limitationExtended: false }, documents: [{ docType: 'case_filing_approval', fields: sampleDocumentFields('case_filing_approval', '2027-02-23') }] }));
    await ok(s.leader.post(`/api/cases/${later.id}/steps`, { step: 'approve_filing', data: {} }));
    const todo = await ok(s.li.get('/api/todo'));
    expect(todo.cases[0]).toMatchObject({ id: c.id, urgency: 0 });
    // Every item in order of urgency, not just the first.
    const urgencies = todo.cases.map((x: { urgency: number }) => x.urgency);
    expect(urgencies).toEqual([...urgencies].sort((a: number, b: number) => a - b));
    expect(todo.cases.find((x: { id: string }) => x.id === later.id)).toMatchObject({ urgency: 2 });
    expect(new Set(urgencies).size).toBeGreaterThan(1);
    expect(todo.cases[0].clocks[0]).toMatchObject({ id: 'decision_90_days', status: 'overdue' });
    expect(todo.archive).toEqual([]);
    const dashboard = (await ok(s.leader.get('/api/dashboard')));
    expect(dashboard.counts.overdueCases).toBeGreaterThanOrEqual(1);
    expect(dashboard.warnings.map((w: { code: string }) => w.code)).toEqual(expect.arrayContaining(['CASES_OVERDUE', 'ARCHIVE_OVERDUE']));
    const wang = await ok(s.wang.get('/api/todo'));
    expect(wang.cases.map((x: { id: string }) => x.id)).toContain(c.id);
    const other = await ok(s.officerB.get('/api/todo'));
    expect(other.cases).toEqual([]);
  });
});
