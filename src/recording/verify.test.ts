import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sampleDocumentFields } from '../demo/document-fields.js';
import { tinyPng } from '../organisation/people/test-support.js';
import { createTestApp, type TestContext } from '../../test/harness.js';
import { buildRecordingWorld, partyCompany, recordingSessions, type RecordingWorld } from '../../test/recording-world.js';
import { addEvidenceFromFile } from './evidence/add-evidence.js';
import { eventHash, chainedEventOf } from './chain.js';
import { caseEvents } from './tables.js';
import { verifyRecords, type ProblemKind } from './verify.js';
import { asc, eq } from 'drizzle-orm';

/*
 * Tamper tests: rows and files are changed behind the application's back, the way a database
 * administrator or someone with disk access could, and `verify` must name each change.
 */

let ctx: TestContext;
let world: RecordingWorld;
let caseId: string;
let photoKey: string;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-verify-'));

/** Runs SQL with the append-only triggers switched off, as the table owner could. */
async function tamper(table: 'case_events' | 'documents' | 'evidence' | 'cases', statement: string) {
  await ctx.owner.exec(`alter table ${table} disable trigger user; ${statement}; alter table ${table} enable trigger user;`);
}

const kinds = async () => (await verifyRecords(ctx.database.db, ctx.deps.store, { caseIds: [caseId] })).problems.map((p) => p.kind as ProblemKind);

beforeAll(async () => {
  ctx = await createTestApp({ now: '2026-11-23T01:00:00Z' });
  world = await buildRecordingWorld(ctx.database);
});
afterAll(async () => {
  await ctx.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** A fresh case with two signed documents and a photo for each test, so tampering never leaks between tests. */
beforeEach(async () => {
  const s = await recordingSessions(ctx);
  const open = await s.li.post('/api/cases', {
    procedure: 'inspection', powerItemId: world.items.inspection.id, title: '核验用检查案件', source: 'plan', sourceDetail: { content: '年度检查计划' }, parties: [partyCompany()],
  });
  caseId = open.json().id;
  const group = [{ personId: world.people.li.id, role: 'leader' }, { personId: world.people.wang.id, role: 'member' }];
  await s.li.post(`/api/cases/${caseId}/steps`, { step: 'form_group', data: { officers: group } });
  await s.li.post(`/api/cases/${caseId}/steps`, { step: 'make_plan', data: { purpose: 'a', scope: 'b', focus: 'c', scheduledOn: '2026-11-24', divisionOfWork: 'd', schedule: 'e' } });
  await s.li.post(`/api/cases/${caseId}/steps`, { step: 'notify', data: { method: 'in_writing' }, documents: [{ docType: 'inspection_notice', fields: sampleDocumentFields('inspection_notice', '2026-11-23') }] });
  const photo = path.join(tmp, `site-${caseId}.png`);
  fs.writeFileSync(photo, tinyPng(caseId.charCodeAt(0)));
  const added = await addEvidenceFromFile(ctx.deps, { actor: null, now: ctx.clock.now(), label: 'test' }, null, caseId, photo, {
    step: 'on_site_notice', kind: 'photo', title: '现场照片', capturedAt: '2026-11-23T01:00:00Z', filetype: 'image/png',
  });
  photoKey = added.evidence.storageKey;
  const res = await s.li.post(`/api/cases/${caseId}/steps`, {
    step: 'on_site_notice', data: { certificatesShown: true, rightsExplained: true },
    documents: [{ docType: 'on_site_notice', fields: sampleDocumentFields('on_site_notice', '2026-11-23'), signature: { imageDataUrl: `data:image/png;base64,${tinyPng(3).toString('base64')}` } }],
    waivers: { av: '演示：无视频' },
  });
  expect(res.statusCode, res.body).toBe(200);
  const report = await verifyRecords(ctx.database.db, ctx.deps.store, { caseIds: [caseId] });
  expect(report.problems).toEqual([]);
});

const events = () => ctx.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.seq));

describe('the database refuses changes to the record', () => {
  it('rejects UPDATE, DELETE and TRUNCATE on case events, documents and evidence, even from the table owner', async () => {
    for (const statement of [
      `update case_events set actor_label = 'x' where case_id = '${caseId}'`,
      `delete from case_events where case_id = '${caseId}'`,
      'truncate case_events cascade',
      `update documents set fields = '{}' where case_id = '${caseId}'`,
      `delete from evidence where case_id = '${caseId}'`,
      `delete from cases where id = '${caseId}'`,
    ])
      await expect(ctx.owner.exec(statement), statement).rejects.toThrow(/append-only/);
  });
});

describe('verify finds every kind of tampering', () => {
  it('an altered event', async () => {
    await tamper('case_events', `update case_events set payload = payload || '{"tampered": true}' where case_id = '${caseId}' and seq = 4`);
    const report = await verifyRecords(ctx.database.db, ctx.deps.store, { caseIds: [caseId] });
    expect(report.problems).toEqual([{ kind: 'event_altered', caseId, seq: 4 }]);
  });

  it('a removed event in the middle, and a removed last event', async () => {
    await tamper('case_events', `delete from case_events where case_id = '${caseId}' and seq = 3`);
    expect(await kinds()).toEqual(expect.arrayContaining(['event_missing', 'chain_broken']));
    const last = (await events()).at(-1)!;
    await tamper('case_events', `delete from case_events where case_id = '${caseId}' and seq = ${last.seq}`);
    expect(await kinds()).toContain('head_mismatch');
  });

  it('an inserted event', async () => {
    const [first, second] = await events();
    // A forged event that hashes correctly and links to event 1, squeezed in by renumbering.
    await tamper('case_events', `update case_events set seq = seq + 100 where case_id = '${caseId}' and seq >= 2`);
    const forged = { ...chainedEventOf(second!), seq: 2, actorLabel: '伪造者', prevHash: first!.hash };
    await tamper('case_events', `insert into case_events (case_id, seq, at, actor_label, type, payload, prev_hash, hash) values ('${caseId}', 2, '${forged.at}', '伪造者', '${forged.type}', '${JSON.stringify(forged.payload)}', '${forged.prevHash}', '${eventHash(forged)}')`);
    await tamper('case_events', `update case_events set seq = seq - 99 where case_id = '${caseId}' and seq >= 102`);
    const report = await verifyRecords(ctx.database.db, ctx.deps.store, { caseIds: [caseId] });
    expect(report.problems.map((p) => p.kind)).toEqual(expect.arrayContaining(['chain_broken', 'event_altered']));
    expect(report.problems.find((p) => p.kind === 'chain_broken')!.seq).toBe(3);
  });

  it('two events swapped', async () => {
    await tamper('case_events', `update case_events set seq = 1000 where case_id = '${caseId}' and seq = 2`);
    await tamper('case_events', `update case_events set seq = 2 where case_id = '${caseId}' and seq = 3`);
    await tamper('case_events', `update case_events set seq = 3 where case_id = '${caseId}' and seq = 1000`);
    const report = await verifyRecords(ctx.database.db, ctx.deps.store, { caseIds: [caseId] });
    expect(report.problems.filter((p) => p.kind === 'chain_broken').map((p) => p.seq)).toEqual([2, 3, 4]);
  });

  it('a rewritten chain (every hash recomputed) only against anchors taken earlier', async () => {
    const anchors = (await verifyRecords(ctx.database.db, ctx.deps.store, { caseIds: [caseId] })).anchors;
    await tamper('case_events', `update case_events set payload = payload || '{"tampered": true}' where case_id = '${caseId}' and seq = 4`);
    // Recompute every hash from event 4 on and the case head, as a determined insider would.
    let prev = (await events())[2]!.hash;
    for (const e of (await events()).slice(3)) {
      const hash = eventHash({ ...chainedEventOf(e), prevHash: prev });
      await tamper('case_events', `update case_events set prev_hash = '${prev}', hash = '${hash}' where case_id = '${caseId}' and seq = ${e.seq}`);
      prev = hash;
    }
    await ctx.database.exec(`update cases set head_hash = '${prev}' where id = '${caseId}'`);
    expect((await verifyRecords(ctx.database.db, ctx.deps.store, { caseIds: [caseId] })).problems).toEqual([]);
    const against = await verifyRecords(ctx.database.db, ctx.deps.store, { caseIds: [caseId], anchors });
    expect(against.problems).toEqual([expect.objectContaining({ kind: 'anchor_mismatch', caseId })]);
  });

  it('an altered or removed document', async () => {
    await tamper('documents', `update documents set fields = jsonb_set(fields, '{content}', '"改过的内容"') where case_id = '${caseId}' and doc_type = 'inspection_notice'`);
    expect(await kinds()).toEqual(['document_altered']);
    await tamper('documents', `delete from documents where case_id = '${caseId}' and doc_type = 'inspection_notice'`);
    expect(await kinds()).toEqual(['document_missing']);
  });

  it('an evidence row with another digest, a changed file, a missing file', async () => {
    const file = path.join(ctx.config.dataDir, 'files', photoKey);
    expect(fs.existsSync(file)).toBe(true);
    const original = fs.readFileSync(file);
    fs.chmodSync(file, 0o644);
    fs.writeFileSync(file, Buffer.concat([original, Buffer.from([0])]));
    expect(await kinds()).toEqual(['file_altered']);
    fs.rmSync(file);
    expect(await kinds()).toEqual(['file_missing']);
    fs.writeFileSync(file, original);
    await tamper('evidence', `update evidence set sha256 = repeat('a', 64) where case_id = '${caseId}'`);
    expect(await kinds()).toEqual(['evidence_altered']);
  });
});

describe('sanxiang verify (command line)', () => {
  it('reports an intact empty database and exits 0', () => {
    const dataDir = path.join(tmp, 'cli');
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' };
    const run = spawnSync(process.execPath, ['bin/sanxiang.mjs', 'verify'], { env, encoding: 'utf8', timeout: 120_000 });
    expect(run.stdout, run.stderr).toContain('All records intact');
    expect(run.status).toBe(0);
  });
});
