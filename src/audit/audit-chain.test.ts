import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/harness.js';
import { buildWorld, PASSWORD, type World } from '../../test/factories.js';
import { verifyRecords } from '../recording/verify.js';
import { PLATFORM_CHAIN } from './chain.js';
import { recordAudit } from './record.js';
import { verifyAuditLog, type AuditProblem } from './verify-audit.js';

/*
 * The audit log holds against the table owner: rows altered, removed, reordered or slipped in
 * with the append-only triggers switched off are named by `sanxiang verify`.
 */

let t: TestContext;
let world: World;
let adminA: Session;

beforeAll(async () => {
  t = await createTestApp();
  world = await buildWorld(t.database);
  adminA = await loginAs(t.app, 'admin_a', PASSWORD);
});
afterAll(() => t.close());

/** Changes audit rows as the owner could: with the append-only triggers off (and the chain check dropped when asked). */
async function tamper(statement: string, options: { dropCheck?: boolean } = {}) {
  const check = options.dropCheck ? 'alter table audit_events drop constraint audit_events_chained;' : '';
  const restore = options.dropCheck
    ? `alter table audit_events add constraint audit_events_chained check (chain is not null and chain_seq > 0 and prev_hash ~ '^[0-9a-f]{64}$' and hash ~ '^[0-9a-f]{64}$') not valid;`
    : '';
  await t.owner.exec(`alter table audit_events disable trigger user; ${check} ${statement}; ${restore} alter table audit_events enable trigger user;`);
}

const problems = async (anchors?: Record<string, { seq: number; hash: string }>) =>
  (await verifyAuditLog(t.database.db, anchors)).problems.map((p: AuditProblem) => ({ kind: p.kind, chain: p.chain, seq: p.seq }));

const createUsers = (n: number, prefix: string) =>
  Promise.all(
    Array.from({ length: n }, (_, i) =>
      adminA.post('/api/users', { username: `${prefix}${i}`, displayName: `${prefix}${i}`, password: 'Officer-pass-123', agencyId: world.agencyA.id, roles: ['officer'] }),
    ),
  );

describe('audit chains', () => {
  it('chain every event of an agency one after another, even when written in parallel', async () => {
    const created = await createUsers(20, 'parallel.');
    expect(created.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    const rows = await t.database.query<{ chain_seq: number }>(`select chain_seq from audit_events where chain = $1 order by chain_seq`, [world.agencyA.id]);
    expect(rows.map((r) => r.chain_seq)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.length).toBeGreaterThanOrEqual(20);
    expect(await problems()).toEqual([]);
  });

  it('keep one chain per agency and one for the platform', async () => {
    const report = await verifyAuditLog(t.database.db);
    const chains = Object.keys(report.anchors);
    expect(chains).toEqual(expect.arrayContaining([`audit:${world.agencyA.id}`, `audit:${PLATFORM_CHAIN}`]));
    expect(report.events).toBe((await t.database.query<{ n: number }>('select count(*)::int as n from audit_events'))[0]!.n);
  });

  it('are part of sanxiang verify, with their anchors beside the cases’', async () => {
    const report = await verifyRecords(t.database.db, t.deps.store);
    expect(report.problems).toEqual([]);
    expect(report.auditEvents).toBeGreaterThan(20);
    expect(report.anchors[`audit:${world.agencyA.id}`]!.seq).toBeGreaterThanOrEqual(20);
  });
});

describe('verify finds tampering with the audit log', () => {
  const chainA = () => world.agencyA.id;
  const seqOf = async (username: string) =>
    (await t.owner.query<{ chain_seq: number }>(`select chain_seq from audit_events where action = 'user.created' and detail->>'username' = $1`, [username]))[0]!.chain_seq;

  it('an altered row (detail, actor or address)', async () => {
    await createUsers(1, 'altered.');
    const seq = await seqOf('altered.0');
    await tamper(`update audit_events set detail = jsonb_set(detail, '{roles}', '["agency_admin"]') where chain = '${chainA()}' and chain_seq = ${seq}`);
    expect(await problems()).toEqual([{ kind: 'audit_altered', chain: chainA(), seq }]);
    await tamper(`update audit_events set detail = jsonb_set(detail, '{roles}', '["officer"]') where chain = '${chainA()}' and chain_seq = ${seq}`);
    expect(await problems()).toEqual([]);
    const [{ ip }] = (await t.owner.query<{ ip: string }>(`select ip from audit_events where chain = $1 and chain_seq = $2`, [chainA(), seq])) as [{ ip: string }];
    await tamper(`update audit_events set ip = '10.0.0.1' where chain = '${chainA()}' and chain_seq = ${seq}`);
    expect(await problems()).toEqual([{ kind: 'audit_altered', chain: chainA(), seq }]);
    await tamper(`update audit_events set ip = '${ip}' where chain = '${chainA()}' and chain_seq = ${seq}`);
    expect(await problems()).toEqual([]);
  });

  it('a removed row, a row slipped in outside the chain, and the last rows removed with the head moved back', async () => {
    const anchors = (await verifyAuditLog(t.database.db)).anchors;
    await createUsers(3, 'tail.');
    const [{ seq: lastSeq }] = (await t.owner.query<{ seq: number }>(`select seq from audit_chain_heads where chain = $1`, [chainA()])) as [{ seq: number }];

    // The last three rows removed and the head moved back to where it was: internally consistent…
    const anchored = anchors[`audit:${chainA()}`]!;
    await tamper(`delete from audit_events where chain = '${chainA()}' and chain_seq > ${anchored.seq}`);
    await t.owner.exec(`update audit_chain_heads set seq = ${anchored.seq}, hash = '${anchored.hash}' where chain = '${chainA()}'`);
    const withoutAnchors = (await problems()).filter((p) => p.chain === chainA());
    expect(withoutAnchors).toEqual([]);
    // …but not against anchors taken after those rows were written.
    const later = { [`audit:${chainA()}`]: { seq: lastSeq, hash: 'f'.repeat(64) } };
    expect((await problems(later)).filter((p) => p.chain === chainA())).toEqual([{ kind: 'audit_anchor_mismatch', chain: chainA(), seq: lastSeq }]);

    // A middle row removed.
    await tamper(`delete from audit_events where chain = '${chainA()}' and chain_seq = 2`);
    expect((await problems()).filter((p) => p.chain === chainA())).toEqual([
      { kind: 'audit_missing', chain: chainA(), seq: 2 },
      { kind: 'audit_chain_broken', chain: chainA(), seq: 3 },
    ]);

    // A row slipped in without a chain position.
    await tamper(`insert into audit_events (actor_label, action, subject_type) values ('nobody', 'user.created', 'user')`, { dropCheck: true });
    expect((await problems()).filter((p) => p.kind === 'audit_unchained')).toHaveLength(1);
  });

  it('reordered rows', async () => {
    // A chain of its own, so the earlier tampering does not mix in.
    const platform = PLATFORM_CHAIN;
    const before = (await problems()).filter((p) => p.chain === platform);
    expect(before).toEqual([]);
    const rows = await t.owner.query<{ chain_seq: number }>(`select chain_seq from audit_events where chain = $1 order by chain_seq limit 2`, [platform]);
    expect(rows).toHaveLength(2);
    // Swap the first two (through free positions, as the positions are unique).
    await tamper(`update audit_events set chain_seq = chain_seq + 1000000 where chain = '${platform}' and chain_seq in (1, 2)`);
    await tamper(`update audit_events set chain_seq = case chain_seq when 1000001 then 2 else 1 end where chain = '${platform}' and chain_seq in (1000001, 1000002)`);
    const found = (await problems()).filter((p) => p.chain === platform);
    expect(found.map((p) => p.kind)).toEqual(expect.arrayContaining(['audit_chain_broken', 'audit_altered']));
  });
});

// Issue 8: a detail is checked against the audit-action catalogue before it is hashed; one the
// catalogue does not describe never enters the chain.
describe('details against the catalogue', () => {
  const count = async () => ((await t.database.db.execute('select count(*)::int as n from audit_events')) as unknown as { rows: { n: number }[] }).rows[0]!.n;
  const record = (entry: unknown) =>
    t.database.db.transaction((tx) => recordAudit(tx, { actor: null, now: t.clock.now(), label: 'test' }, entry as Parameters<typeof recordAudit>[2]));

  it('refuses a detail with a missing, stray or mistyped field, and records nothing', async () => {
    const before = await count();
    await expect(record({ action: 'region.updated', subjectType: 'region', subjectId: '530000' })).rejects.toThrow(/region\.updated.*name/s);
    await expect(record({ action: 'region.updated', subjectType: 'region', subjectId: '530000', detail: { name: '云南省', idNumber: '110101199003071234' } })).rejects.toThrow(/idNumber/);
    await expect(record({ action: 'device.lent', subjectType: 'device', detail: { loanId: 1, personId: 'p' } })).rejects.toThrow(/loanId/);
    await expect(record({ action: 'device.retired', subjectType: 'device', detail: { reason: 'x' } })).rejects.toThrow(/device\.retired/);
    expect(await count()).toBe(before);
    await record({ action: 'region.updated', subjectType: 'region', subjectId: '530000', detail: { name: '云南省' } });
    expect(await count()).toBe(before + 1);
  });
});
