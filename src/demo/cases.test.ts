import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestContext } from '../../test/harness.js';
import { verifyRecords } from '../recording/verify.js';
import { DEMO_PASSWORD, seedDemoIfEmpty } from './seed.js';

let t: TestContext;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoIfEmpty(t.deps);
});
afterAll(() => t.close());

type Row = { procedure: string; step: string; status: string };

describe('demo cases', () => {
  it('give each confirmed agency cases in every state its categories allow', async () => {
    const { rows } = (await t.database.db.execute(
      `select a.name, c.procedure, c.step, c.status from cases c join agencies a on a.id = c.agency_id order by 1, 2`,
    )) as unknown as { rows: (Row & { name: string })[] };
    const industry = rows.filter((r) => r.name === '楚雄彝族自治州工业和信息化局').map((r) => `${r.procedure}:${r.step}:${r.status}`);
    expect(industry).toEqual(
      expect.arrayContaining([
        'inspection:on_site:open',
        'inspection:closed:closed',
        'penalty_general:notified:open',
        'penalty_general:served:open', // the party's 15 days to pay running
        'penalty_general:registered:open', // referred by an inspection
        'penalty_general:closed:archived',
        'penalty_summary:closed:closed',
        'licensing:closed:closed',
        'licensing:served:open',
        'licensing:accepted:open',
        'coercion:in_force:open',
        'coercion:closed:closed', // extended, released and the goods returned (行政强制法第二十五条、第二十八条)
        'levy:closed:closed',
      ]),
    );
    expect(rows.some((r) => r.name === '迪庆藏族自治州商务局')).toBe(false); // not confirmed: no cases
  });

  it('are intact records with numbered documents, recordings, a late upload and an archived file', async () => {
    const report = await verifyRecords(t.database.db, t.deps.store);
    expect(report.problems).toEqual([]);
    expect(report.documents).toBeGreaterThan(50);
    const { rows } = (await t.database.db.execute(
      `select (select count(*)::int from evidence where late) late, (select count(*)::int from evidence where kind = 'audio') audio,
              (select count(*)::int from case_files where transferred_at is not null) archived,
              (select count(*)::int from documents where number like '楚工信罚〔%') decisions`,
    )) as unknown as { rows: { late: number; audio: number; archived: number; decisions: number }[] };
    expect(rows[0]!.late).toBeGreaterThan(0);
    expect(rows[0]!.audio).toBeGreaterThan(10);
    expect(rows[0]!.archived).toBeGreaterThan(0);
    expect(rows[0]!.decisions).toBe(2); // the archived case's and the served one's
  });

  it('show in the officer’s to-do list with their clocks', async () => {
    const officer = await loginAs(t.app, 'cx.gxj.officer', DEMO_PASSWORD);
    const todo = (await officer.get('/api/todo')).json();
    expect(todo.cases.length).toBeGreaterThan(3);
    expect(todo.cases.flatMap((c: { clocks: unknown[] }) => c.clocks).length).toBeGreaterThan(0);
  });

  it('keep a trade-secret item’s title out of an officer’s timeline, not out of the leader’s (R10)', async () => {
    const { rows } = (await t.database.db.execute(
      `select c.id from cases c join evidence e on e.case_id = c.id join agencies a on a.id = c.agency_id
       where e.confidentiality = 'trade_secret' and a.name = '楚雄彝族自治州工业和信息化局' limit 1`,
    )) as unknown as { rows: { id: string }[] };
    const caseId = rows[0]!.id;
    const secretOf = async (username: string) => {
      const session = await loginAs(t.app, username, DEMO_PASSWORD);
      const page = (await session.get(`/api/cases/${caseId}`)).json();
      return page.timeline.filter((e: { type: string; payload: { confidentiality?: string } }) => e.type === 'evidence.added' && e.payload.confidentiality === 'trade_secret');
    };
    const asOfficer = await secretOf('cx.gxj.officer');
    expect(asOfficer.length).toBeGreaterThan(0);
    expect(asOfficer[0].payload).toMatchObject({ restricted: true });
    expect(asOfficer[0].payload.title).toBeUndefined();
    const asLeader = await secretOf('cx.gxj.leader');
    expect(asLeader[0].payload.title).toEqual(expect.any(String));
  });
});
