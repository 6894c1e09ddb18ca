/**
 * Case events appended per second (R11, R12): `appendCaseEvent` — lock the case row, read its
 * head, hash the event as RFC 8785 canonical JSON with SHA-256 chained to the previous hash,
 * insert it, move the case head — against the baseline of a plain INSERT of the same rows into
 * the same table (values and hashes computed beforehand), with the same transaction batching:
 * one transaction per event, as the application writes them.
 *
 * EVENTS events spread round-robin over CASES cases, after WARMUP events of each kind; the two
 * kinds alternate in ROUNDS blocks so that a drift in machine load hits both alike. Sequential
 * (one transaction at a time) on PGlite, which has one connection; on PostgreSQL also with
 * CONCURRENCY transactions in flight (the pool's default size), where appends to one case wait
 * for each other's row lock.
 *
 * Run alone: npx tsx bench/events.ts   (PostgreSQL too when DATABASE_URL is set)
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Actor } from '../src/accounts/roles.js';
import type { AuditContext } from '../src/audit/record.js';
import { openDatabase, type Database, type Db } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrate.js';
import { actorLabelOf, appendCaseEvent, eventHash, GENESIS_HASH, type ChainedEvent } from '../src/recording/chain.js';
import { caseEvents } from '../src/recording/tables.js';
import { log, machine, ms, round } from './common.js';

const EVENTS = Number(process.env.BENCH_EVENTS || 2_000);
const CASES = 20;
const WARMUP = 100;
const ROUNDS = 4;
const CONCURRENCY = 10;

const actor: Actor = {
  userId: crypto.randomUUID(),
  username: 'bench_officer',
  displayName: '基准测试',
  roles: ['officer'],
  agencyId: null,
  scopeRegionPath: null,
  scopeRegionCode: null,
  ip: '127.0.0.1',
  userAgent: null,
  via: 'session',
};
const ctx: AuditContext = { actor, now: new Date() };

/** A step.completed payload of a typical size (≈ 450 bytes of JSON, Chinese text included). */
const payloadOf = (i: number) => ({
  step: 'on_site',
  from: 'registered',
  to: 'on_site',
  data: {
    place: '楚雄市鹿城镇永安路18号',
    findings: `现场检查第 ${i} 项：企业生产的电热水器未标注能效等级，库存 120 台，已拍照取证。`,
    startedAt: '2026-11-22T02:00:00.000Z',
    endedAt: '2026-11-22T03:30:00.000Z',
    officers: ['6f1c2a4e-8d7b-4a53-9c1e-2b3d4e5f6a7b', '0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d'],
  },
  documents: [{ id: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f', docType: 'inspection_record', number: null }],
  evidence: ['9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b', '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e'],
  waivers: {},
});

/** A region, an agency and two sets of CASES open cases: one set per kind of write. */
async function insertCases(database: Database): Promise<{ chained: string[]; plain: string[] }> {
  await database.exec(`insert into regions (code, name, level, path) values ('530000', '云南省', 'province', '530000/')`);
  const [agency] = await database.query<{ id: string }>(
    `insert into agencies (kind, name, credit_code, region_code, level) values ('enforcement', '基准测试执法局', '11530000BENCH0001X', '530000', 'province') returning id`,
  );
  const insert = async (prefix: string) => {
    const ids: string[] = [];
    for (let i = 0; i < CASES; i++) {
      const [row] = await database.query<{ id: string }>(
        `insert into cases (agency_id, register_number, category, procedure, title, step, status, opened_at, head_hash)
         values ($1, $2, 'inspection', 'inspection', $3, 'on_site', 'open', now(), $4) returning id`,
        [agency!.id, `${prefix}-${i}`, `基准测试案件 ${prefix}-${i}`, GENESIS_HASH],
      );
      ids.push(row!.id);
    }
    return ids;
  };
  return { chained: await insert('A'), plain: await insert('P') };
}

/** The rows appendCaseEvent would write for `count` events round-robin over `caseIds`. */
function precomputedRows(caseIds: string[], count: number): (ChainedEvent & { hash: string })[] {
  const heads = new Map(caseIds.map((id) => [id, { seq: 0, hash: GENESIS_HASH }]));
  const rows: (ChainedEvent & { hash: string })[] = [];
  for (let i = 0; i < count; i++) {
    const caseId = caseIds[i % caseIds.length]!;
    const head = heads.get(caseId)!;
    const event: ChainedEvent = {
      caseId,
      seq: head.seq + 1,
      at: ctx.now.toISOString(),
      actorUserId: actor.userId,
      actorLabel: actorLabelOf(ctx),
      type: 'step.completed',
      payload: payloadOf(i),
      prevHash: head.hash,
    };
    const hash = eventHash(event);
    heads.set(caseId, { seq: event.seq, hash });
    rows.push({ ...event, hash });
  }
  return rows;
}

/** Runs write(i) for i in [from, from + count) with `concurrency` in flight; milliseconds taken. */
async function timed(from: number, count: number, concurrency: number, write: (i: number) => Promise<unknown>): Promise<number> {
  let next = from;
  const end = from + count;
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < end) await write(next++);
    }),
  );
  return ms(t0);
}

interface Measured {
  concurrency: number;
  plainInsertsPerSecond: number;
  appendsPerSecond: number;
  /** Time per appended event over time per plain insert. */
  appendVsPlain: number;
  plainMsPerEvent: number;
  appendMsPerEvent: number;
}

/** Both kinds of write, alternating in ROUNDS blocks after a warm-up of each. */
async function measure(db: Db, ids: { chained: string[]; plain: string[] }, concurrency: number, offset: number): Promise<Measured> {
  const total = offset + WARMUP + EVENTS;
  const rows = precomputedRows(ids.plain, total);
  const plain = (i: number) =>
    db.transaction(async (tx) => {
      const row = rows[i]!;
      await tx.insert(caseEvents).values({ ...row, at: ctx.now });
    });
  const chained = (i: number) =>
    db.transaction((tx) => appendCaseEvent(tx, ctx, ids.chained[i % CASES]!, { type: 'step.completed', payload: payloadOf(i) }));

  await timed(offset, WARMUP, concurrency, plain);
  await timed(offset, WARMUP, concurrency, chained);
  let plainMs = 0;
  let chainedMs = 0;
  const block = EVENTS / ROUNDS;
  for (let r = 0; r < ROUNDS; r++) {
    const from = offset + WARMUP + r * block;
    if (r % 2 === 0) {
      plainMs += await timed(from, block, concurrency, plain);
      chainedMs += await timed(from, block, concurrency, chained);
    } else {
      chainedMs += await timed(from, block, concurrency, chained);
      plainMs += await timed(from, block, concurrency, plain);
    }
  }
  return {
    concurrency,
    plainInsertsPerSecond: Math.round((EVENTS / plainMs) * 1000),
    appendsPerSecond: Math.round((EVENTS / chainedMs) * 1000),
    appendVsPlain: round(chainedMs / plainMs, 2),
    plainMsPerEvent: round(plainMs / EVENTS, 3),
    appendMsPerEvent: round(chainedMs / EVENTS, 3),
  };
}

/** Every case ends with the expected head and number of events (the appends really happened). */
async function check(database: Database, ids: { chained: string[]; plain: string[] }, perKind: number) {
  const [counts] = await database.query<{ chained: number; plain: number; heads: number }>(
    `select (select count(*)::int from case_events where case_id = any($1::uuid[])) as chained,
            (select count(*)::int from case_events where case_id = any($2::uuid[])) as plain,
            (select coalesce(sum(head_seq), 0)::int from cases where id = any($1::uuid[])) as heads`,
    [ids.chained, ids.plain],
  );
  if (counts!.chained !== perKind || counts!.plain !== perKind || counts!.heads !== perKind) {
    throw new Error(`expected ${perKind} events of each kind, found ${JSON.stringify(counts)}`);
  }
}

/** Canonical JSON + SHA-256 of one event alone, in memory: the hashing share of an append. */
function hashMicrosPerEvent(): number {
  precomputedRows([crypto.randomUUID()], 1_000);
  const t0 = process.hrtime.bigint();
  precomputedRows([crypto.randomUUID()], 10_000);
  return round((ms(t0) * 1000) / 10_000, 1);
}

async function onDatabase(database: Database, concurrencies: number[]) {
  await migrate(database);
  const ids = await insertCases(database);
  const results: Measured[] = [];
  let offset = 0;
  for (const concurrency of concurrencies) {
    log(`case events: ${database.kind}, ${EVENTS} events over ${CASES} cases, ${concurrency} in flight…`);
    results.push(await measure(database.db, ids, concurrency, offset));
    offset += WARMUP + EVENTS;
  }
  await check(database, ids, offset);
  return results;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function benchCaseEvents(databaseUrl = process.env.DATABASE_URL) {
  const result: Record<string, unknown> = {
    benchmark: 'case events appended per second: appendCaseEvent vs plain INSERT of the same rows',
    events: EVENTS,
    cases: CASES,
    warmup: WARMUP,
    transactions: 'one per event',
    hashMicrosPerEvent: hashMicrosPerEvent(),
  };

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-bench-events-'));
  try {
    const database = await openDatabase({ dataDir: path.join(dir, 'pgdata') });
    try {
      result.pglite = { database: 'PGlite (embedded, data directory on disk)', runs: await onDatabase(database, [1]) };
    } finally {
      await database.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  if (databaseUrl) {
    const name = `sanxiang_bench_${process.pid}`;
    const admin = await openDatabase({ databaseUrl });
    try {
      await admin.exec(`drop database if exists ${name}`);
      await admin.exec(`create database ${name}`);
      const database = await openDatabase({ databaseUrl: withDatabase(databaseUrl, name) });
      try {
        const [version] = await database.query<{ v: string }>(`select current_setting('server_version') as v`);
        result.postgres = { database: `PostgreSQL ${version!.v} (${new URL(databaseUrl).host}, pool of ${CONCURRENCY})`, runs: await onDatabase(database, [1, CONCURRENCY]) };
      } finally {
        await database.close();
      }
    } finally {
      await admin.exec(`drop database if exists ${name} with (force)`).catch(() => undefined);
      await admin.close();
    }
  } else result.postgres = 'skipped: DATABASE_URL not set';
  return result;
}

if (import.meta.filename === process.argv[1]) {
  const result = { machine: machine(), caseEvents: await benchCaseEvents() };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
