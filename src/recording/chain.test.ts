import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../test/harness.js';
import { buildRecordingWorld, partyCompany, type RecordingWorld } from '../../test/recording-world.js';
import { actorForUser } from '../accounts/authenticate.js';
import { openCase } from './cases/open-case.js';
import { appendCaseEvent, eventHash, GENESIS_HASH, type ChainedEvent } from './chain.js';
import { verifyRecords } from './verify.js';

let ctx: TestContext;
let world: RecordingWorld;

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildRecordingWorld(ctx.database);
});
afterAll(() => ctx.close());

describe('event hashes (RFC 8785 canonical JSON)', () => {
  const event: ChainedEvent = { caseId: 'c', seq: 1, at: '2026-11-22T02:00:00.000Z', actorUserId: null, actorLabel: 'x', type: 't', payload: { b: 1, a: [1, '€', null] }, prevHash: GENESIS_HASH };

  it('do not depend on key order or number spelling', () => {
    const reordered = { prevHash: GENESIS_HASH, payload: { a: [1.0, '\u20ac', null], b: 1e0 }, type: 't', actorLabel: 'x', actorUserId: null, at: event.at, seq: 1, caseId: 'c' };
    expect(eventHash(reordered)).toBe(eventHash(event));
  });

  it('change with any field, including the link to the previous event', () => {
    const base = eventHash(event);
    expect(eventHash({ ...event, payload: { ...event.payload, b: 2 } })).not.toBe(base);
    expect(eventHash({ ...event, seq: 2 })).not.toBe(base);
    expect(eventHash({ ...event, prevHash: 'f'.repeat(64) })).not.toBe(base);
  });
});

describe('appending under concurrency', () => {
  it('serialises appends to one case: 25 parallel transactions give seq 1..26 in one unbroken chain', async () => {
    const actor = (await actorForUser(ctx.database.db, world.users.li.id, { ip: '127.0.0.1', userAgent: 'test' }, 'session'))!;
    const now = ctx.clock.now();
    const kase = await ctx.database.db.transaction((tx) =>
      openCase(tx, { actor, now }, actor, { procedure: 'levy', powerItemId: world.items.levy.id, title: '并发', source: 'plan', sourceDetail: { content: 'x' }, parties: [partyCompany()] }),
    );
    await Promise.all(
      Array.from({ length: 25 }, (_, i) => ctx.database.db.transaction((tx) => appendCaseEvent(tx, { actor, now }, kase.id, { type: 'evidence.viewed', payload: { evidenceId: `e${i}` } }))),
    );
    const report = await verifyRecords(ctx.database.db, ctx.deps.store, { caseIds: [kase.id] });
    expect(report.problems).toEqual([]);
    expect(report.events).toBe(26);
    expect(report.anchors[kase.id]!.seq).toBe(26);
  });
});

// Issue 8: a payload is checked against the case-event catalogue before it is hashed; one the
// catalogue does not describe never enters the chain.
describe('payloads against the catalogue', () => {
  it('refuses a payload with a missing or stray field, and appends nothing', async () => {
    const actor = (await actorForUser(ctx.database.db, world.users.li.id, { ip: '127.0.0.1', userAgent: 'test' }, 'session'))!;
    const now = ctx.clock.now();
    const kase = await ctx.database.db.transaction((tx) =>
      openCase(tx, { actor, now }, actor, { procedure: 'levy', powerItemId: world.items.levy.id, title: '目录', source: 'plan', sourceDetail: { content: 'x' }, parties: [partyCompany()] }),
    );
    const append = (entry: unknown) =>
      ctx.database.db.transaction((tx) => appendCaseEvent(tx, { actor, now }, kase.id, entry as Parameters<typeof appendCaseEvent>[3]));
    await expect(append({ type: 'document.viewed', payload: { documentId: 'd' } })).rejects.toThrow(/document\.viewed.*format/s);
    await expect(append({ type: 'document.viewed', payload: { documentId: 'd', format: 'pdf', idNumber: '110101199003071234' } })).rejects.toThrow(/idNumber/);
    await expect(append({ type: 'document.viewed', payload: { documentId: 'd', format: 'odt' } })).rejects.toThrow(/format/);
    await expect(append({ type: 'case.viewed', payload: { i: 1 } })).rejects.toThrow(/case\.viewed/);
    await append({ type: 'document.viewed', payload: { documentId: 'd', format: 'pdf' } });
    const report = await verifyRecords(ctx.database.db, ctx.deps.store, { caseIds: [kase.id] });
    expect(report.problems).toEqual([]);
    expect(report.events).toBe(2); // case.opened and the one good event
  });
});
