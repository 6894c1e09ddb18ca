import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDocumentFields } from '../demo/document-fields.js';
import { tinyPng } from '../organisation/people/test-support.js';
import { fakeIdNumber } from '../../test/factories.js';
import { createTestApp, type TestContext } from '../../test/harness.js';
import { buildRecordingWorld, partyCompany, partyPerson, recordingSessions, type RecordingWorld } from '../../test/recording-world.js';
import { addEvidenceFromFile } from './evidence/add-evidence.js';
import { verifyRecords } from './verify.js';

/*
 * Issue 7, "the record holds against the table owner": the rows with evidential meaning that are
 * not themselves events — parties, officers, the case's state, every evidence column, access
 * decisions, device loans — are changed behind the application's back, as the table owner could,
 * and `sanxiang verify` must name each change. Each test puts the row back and sees a clean
 * report again, so each assertion can fail either way.
 */

let ctx: TestContext;
let world: RecordingWorld;
let s: Awaited<ReturnType<typeof recordingSessions>>;
let caseId: string;
let evidenceId: string;
let requestId: string;
let deviceId: string;
let loanId: string;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-verify-rows-'));

async function ok(res: Promise<{ statusCode: number; body: string; json(): any }>, status = 200) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json();
}

/** Runs SQL as the table owner with the append-only triggers of `table` switched off. */
const tamper = (table: string, statement: string) =>
  ctx.owner.exec(`alter table ${table} disable trigger user; ${statement}; alter table ${table} enable trigger user;`);

/** Every problem of a full `sanxiang verify`, without files (they are not what is tampered with here). */
const problems = async () =>
  (await verifyRecords(ctx.database.db, ctx.deps.store, { files: false })).problems.map((p) => ({ kind: p.kind, id: p.id, detail: p.detail }));

beforeAll(async () => {
  ctx = await createTestApp({ now: '2026-11-23T01:00:00Z', config: { sessionTtlMinutes: 60 * 24 * 365 } });
  world = await buildRecordingWorld(ctx.database);
  s = await recordingSessions(ctx);

  // A levy case with a person and a company as parties and a trade-secret photo, run to its end,
  // compiled and archived; then an access request the leader refused.
  const c = await ok(s.li.post('/api/cases', {
    procedure: 'levy', powerItemId: world.items.levy.id, title: '频率占用费征收', source: 'plan', sourceDetail: { content: '年度征收计划' }, parties: [partyCompany(), partyPerson()],
  }), 201);
  caseId = c.id;
  const step = (body: Record<string, unknown>, who = s.li) => ok(who.post(`/api/cases/${caseId}/steps`, body));
  const group = [{ personId: world.people.li.id, role: 'leader' }, { personId: world.people.wang.id, role: 'member' }];
  await step({ step: 'assess', data: { officers: group, basis: '条例第二十五条', amount: 12000 } });
  const photo = path.join(tmp, 'ledger.png');
  fs.writeFileSync(photo, tinyPng(7));
  const added = await addEvidenceFromFile(ctx.deps, { actor: null, now: ctx.clock.now(), label: 'test' }, null, caseId, photo, {
    step: 'assess', kind: 'photo', title: '企业财务账簿照片', capturedAt: '2026-11-23T00:30:00Z', filetype: 'image/png', confidentiality: 'trade_secret', location: '企业财务室',
  });
  evidenceId = added.evidence.id;
  await step({ step: 'decide', data: {}, documents: [{ docType: 'levy_decision', fields: sampleDocumentFields('levy_decision', '2026-11-23') }] }, s.leader);
  await step({ step: 'serve', data: { method: 'in_person', servedOn: '2026-11-23' }, documents: [{ docType: 'service_receipt', fields: sampleDocumentFields('service_receipt', '2026-11-23'), signature: { refusalReason: '当事人拒绝签收，已留置' } }] });
  await step({ step: 'collect', data: { amount: 12000, receiptNo: 'FS2026-001' } });
  await step({ step: 'close', data: {}, documents: [{ docType: 'closing_report', fields: sampleDocumentFields('closing_report', '2026-11-23') }] });
  await ok(s.head.post(`/api/cases/${caseId}/file`), 201);
  await ok(s.head.post(`/api/cases/${caseId}/file/transfer`));
  const request = await ok(s.li.post(`/api/cases/${caseId}/access-requests`, { requesterKind: 'party', requesterName: '周建国', purpose: '复议准备', mode: 'copy' }), 201);
  requestId = request.id;
  await ok(s.head.post(`/api/access-requests/${requestId}/opinion`, { agree: true, opinion: '同意提供复制' }));
  await ok(s.leader.post(`/api/access-requests/${requestId}/decision`, { approve: false, note: '涉及商业秘密' }));

  // A body camera lent to 李明 and returned a day later.
  deviceId = (await ok(s.head.post('/api/devices', { kind: 'body_camera', serialNumber: 'DSJ-VR-01', model: 'DSJ-V9' }), 201)).id;
  await ok(s.head.post(`/api/devices/${deviceId}/loans`, { personId: world.people.li.id }), 201);
  loanId = (await ctx.database.query<{ id: string }>('select id from device_loans where device_id = $1', [deviceId]))[0]!.id;
  ctx.clock.set('2026-11-24T01:00:00Z');
  await ok(s.head.post(`/api/devices/${deviceId}/return`));
});
afterAll(async () => {
  await ctx.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('a world made through the application', () => {
  it('verifies with no problem at all', async () => {
    const report = await verifyRecords(ctx.database.db, ctx.deps.store);
    expect(report.problems).toEqual([]);
    expect(report.devices).toBe(1);
  });
});

describe('verify names each change the table owner makes to a row of the record', () => {
  it('evidence downgraded from trade secret to no classification, and its capture time moved', async () => {
    await tamper('evidence', `update evidence set confidentiality = 'none' where id = '${evidenceId}'`);
    expect(await problems()).toEqual([{ kind: 'evidence_altered', id: evidenceId, detail: 'confidentiality' }]);
    await tamper('evidence', `update evidence set captured_at = captured_at - interval '3 days', location = '别处' where id = '${evidenceId}'`);
    expect(await problems()).toEqual([{ kind: 'evidence_altered', id: evidenceId, detail: 'capturedAt, location, confidentiality' }]);
    await tamper('evidence', `update evidence set confidentiality = 'trade_secret', captured_at = captured_at + interval '3 days', location = '企业财务室' where id = '${evidenceId}'`);
    expect(await problems()).toEqual([]);
  });

  it('a party’s identity changed: name, ID number or address; a party slipped in or removed', async () => {
    const [person] = await ctx.owner.query<{ id: string; id_number: string }>(`select id, id_number from case_parties where case_id = $1 and kind = 'natural_person'`, [caseId]);
    await tamper('case_parties', `update case_parties set id_number = '${fakeIdNumber('532301', '1985-01-01')}' where id = '${person!.id}'`);
    expect(await problems()).toEqual([{ kind: 'party_altered', id: person!.id, detail: 'identity' }]);
    await tamper('case_parties', `update case_parties set name = '张三', id_number = '${person!.id_number}' where id = '${person!.id}'`);
    expect(await problems()).toEqual([{ kind: 'party_altered', id: person!.id, detail: 'name, identity' }]);
    await tamper('case_parties', `update case_parties set name = '杨晓东' where id = '${person!.id}'`);
    const [company] = await ctx.owner.query<{ id: string; address: string }>(`select id, address from case_parties where case_id = $1 and kind = 'legal_person'`, [caseId]);
    await tamper('case_parties', `update case_parties set address = '外省某地' where id = '${company!.id}'`);
    expect(await problems()).toEqual([{ kind: 'party_altered', id: company!.id, detail: 'identity' }]);
    await tamper('case_parties', `update case_parties set address = '${company!.address}' where id = '${company!.id}'`);
    expect(await problems()).toEqual([]);

    const [row] = await ctx.owner.query<Record<string, string | null>>('select * from case_parties where id = $1', [company!.id]);
    await tamper('case_parties', `delete from case_parties where id = '${company!.id}'`);
    await ctx.owner.exec(`insert into case_parties (case_id, kind, name, credit_code, legal_representative) values ('${caseId}', 'legal_person', '替身公司', '${partyCompany().creditCode}', '某某')`);
    const found = await problems();
    expect(found.map((p) => p.kind).sort()).toEqual(['party_missing', 'party_unrecorded']);
    expect(found.find((p) => p.kind === 'party_missing')!.id).toBe(company!.id);
    await tamper('case_parties', `delete from case_parties where case_id = '${caseId}' and name = '替身公司'`);
    const columns = Object.keys(row!);
    await ctx.owner.query(`insert into case_parties (${columns.join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(row!));
    expect(await problems()).toEqual([]);
  });

  it('a case officer removed, or one added who never formed the group', async () => {
    await ctx.owner.exec(`delete from case_officers where case_id = '${caseId}' and person_id = '${world.people.wang.id}'`);
    expect(await problems()).toEqual([{ kind: 'officers_altered', id: undefined, detail: `missing ${world.people.wang.id}:member` }]);
    await ctx.owner.exec(`insert into case_officers (case_id, person_id, role) values ('${caseId}', '${world.people.chen.id}', 'member')`);
    expect((await problems()).map((p) => p.detail)).toEqual([`missing ${world.people.wang.id}:member, not recorded ${world.people.chen.id}:member`]);
    await ctx.owner.exec(`delete from case_officers where case_id = '${caseId}' and person_id = '${world.people.chen.id}';
      insert into case_officers (case_id, person_id, role) values ('${caseId}', '${world.people.wang.id}', 'member')`);
    expect(await problems()).toEqual([]);
  });

  it('an archived case reopened (UPDATE on cases is allowed), and its title changed', async () => {
    const [before] = await ctx.owner.query<{ step: string; closed_at: Date; archived_at: Date; title: string; facts: unknown }>('select step, closed_at, archived_at, title, facts from cases where id = $1', [caseId]);
    expect(before!.step).toBe('closed');
    // As the application role could too: no trigger guards cases against UPDATE.
    await ctx.database.exec(`update cases set status = 'open', step = 'collected', closed_at = null, archived_at = null where id = '${caseId}'`);
    expect(await problems()).toEqual([{ kind: 'case_state_altered', id: undefined, detail: 'step, status, closedAt, archivedAt' }]);
    await ctx.database.query('update cases set status = $2, step = $3, closed_at = $4, archived_at = $5 where id = $1', [caseId, 'archived', 'closed', before!.closed_at, before!.archived_at]);
    expect(await problems()).toEqual([]);
    await ctx.database.exec(`update cases set title = '另一案件', facts = '{}' where id = '${caseId}'`);
    expect(await problems()).toEqual([
      { kind: 'case_altered', id: undefined, detail: 'title' },
      { kind: 'case_state_altered', id: undefined, detail: 'facts' },
    ]);
    await ctx.database.query('update cases set title = $2, facts = $3::jsonb where id = $1', [caseId, before!.title, JSON.stringify(before!.facts)]);
    expect(await problems()).toEqual([]);
  });

  it('an access request’s refusal turned into a grant, and a grant slipped in', async () => {
    await ctx.owner.exec(`update access_requests set status = 'approved', valid_from = decided_at, valid_until = decided_at + interval '30 days' where id = '${requestId}'`);
    expect(await problems()).toEqual([{ kind: 'access_request_altered', id: requestId, detail: 'status, validFrom, validUntil' }]);
    await ctx.owner.exec(`update access_requests set status = 'rejected', valid_from = null, valid_until = null where id = '${requestId}'`);
    expect(await problems()).toEqual([]);
    await ctx.owner.exec(`insert into access_requests (case_id, agency_id, requester_kind, requester_name, purpose, mode, status, requested_at, valid_from, valid_until)
      select case_id, agency_id, 'party', '冒名者', '复制', 'copy', 'approved', now(), now(), now() + interval '30 days' from access_requests where id = '${requestId}'`);
    expect((await problems()).map((p) => p.kind)).toEqual(['access_request_unrecorded']);
    await ctx.owner.exec(`delete from access_requests where requester_name = '冒名者'`);
    expect(await problems()).toEqual([]);
  });

  it('a device loan’s dates moved (to cover a capture), its borrower changed, or the loan removed', async () => {
    await ctx.owner.exec(`update device_loans set returned_at = returned_at + interval '30 days' where id = '${loanId}'`);
    expect(await problems()).toEqual([{ kind: 'device_loan_altered', id: loanId, detail: 'returnedAt' }]);
    await ctx.owner.exec(`update device_loans set returned_at = returned_at - interval '30 days', lent_at = lent_at - interval '1 day', person_id = '${world.people.wang.id}' where id = '${loanId}'`);
    expect(await problems()).toEqual([{ kind: 'device_loan_altered', id: loanId, detail: 'personId, lentAt' }]);
    await ctx.owner.exec(`update device_loans set lent_at = lent_at + interval '1 day', person_id = '${world.people.li.id}' where id = '${loanId}'`);
    expect(await problems()).toEqual([]);
    await ctx.owner.exec(`update devices set retired_at = '2026-11-01T00:00:00Z' where id = '${deviceId}'`);
    expect(await problems()).toEqual([{ kind: 'device_altered', id: undefined, detail: 'retiredAt' }]);
    await ctx.owner.exec(`update devices set retired_at = null where id = '${deviceId}'; delete from device_loans where id = '${loanId}'`);
    expect(await problems()).toEqual([{ kind: 'device_loan_missing', id: loanId, detail: undefined }]);
  });
});

describe('parties are append-only in the database itself', () => {
  it('the table owner is refused by the trigger, the application role (PostgreSQL) has no UPDATE or DELETE at all', async () => {
    for (const statement of [
      `update case_parties set name = 'x' where case_id = '${caseId}'`,
      `delete from case_parties where case_id = '${caseId}'`,
      'truncate case_parties cascade',
    ])
      await expect(ctx.owner.exec(statement), statement).rejects.toThrow(/append-only/);
    if (process.env.DATABASE_URL)
      for (const statement of [`update case_parties set name = 'x' where case_id = '${caseId}'`, `delete from case_parties where case_id = '${caseId}'`])
        await expect(ctx.database.exec(statement), statement).rejects.toThrow(/permission denied/);
  });
});
