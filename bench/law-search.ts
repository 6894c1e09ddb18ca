/**
 * Law search p95 over the whole shipped library (issue 10): `searchLaws` — citation parsing, jieba
 * segmentation of the query, the ranked tsvector query, the title match and the snippets — against
 * the baseline of the bare SQL statement of the same full-text search, its words segmented
 * beforehand. QUERIES mix words (听证, 罚款 …) and citations; each is run ROUNDS times after one
 * warm-up round, the two kinds interleaved so that a drift in machine load hits both alike.
 *
 * Run alone: npx tsx bench/law-search.ts   (PostgreSQL too when DATABASE_URL is set)
 */
import { sql } from 'drizzle-orm';
import { importShippedLaws } from '../src/lists/laws/import-laws.js';
import { searchLaws } from '../src/lists/laws/search.js';
import { queryWords } from '../src/lists/laws/segment.js';
import { openDatabase, type Database } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrate.js';
import { log, machine, round } from './common.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS || 30);
const QUERIES = ['听证', '行政处罚决定', '罚款', '个人信息', '行政机关应当', '电子签名', '听证程序', '行政处罚法第五十一条', '处罚法 51', '第六十四条第一款', '安全生产'];

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1]!;
const time = async (fn: () => Promise<unknown>) => {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
};

function bare(database: Database, words: string) {
  return database.db.execute(sql`
    select l.id as law_id, l.title, a.number, a.full_text, ts_rank(a.search, q) as rank
    from laws l join (select distinct on (law_id) id, law_id from law_versions order by law_id, version_date desc) v on v.law_id = l.id
      join law_articles a on a.version_id = v.id, plainto_tsquery('simple', ${words}) q
    where a.search @@ q order by rank desc limit 20`);
}

async function bench(kind: 'pglite' | 'postgres') {
  // On PostgreSQL: a database of its own, dropped afterwards.
  const name = `sanxiang_law_bench_${process.pid}`;
  const admin = kind === 'postgres' ? await openDatabase({ databaseUrl: process.env.DATABASE_URL! }) : null;
  await admin?.exec(`create database ${name}`);
  const url = admin ? Object.assign(new URL(process.env.DATABASE_URL!), { pathname: `/${name}` }).toString() : null;
  const database = url ? await openDatabase({ databaseUrl: url }) : await openDatabase({});
  try {
    await migrate(database);
    await importShippedLaws(database.db, { actor: null, now: new Date(), label: 'bench' });
    const segmented = new Map(QUERIES.map((q) => [q, queryWords(q).join(' ')]));
    const search: number[] = [];
    const baseline: number[] = [];
    for (let round = -1; round < ROUNDS; round++) {
      for (const q of QUERIES) {
        const a = await time(() => searchLaws(database.db, q, 20));
        const b = await time(() => bare(database, segmented.get(q)!));
        if (round >= 0) search.push(a), baseline.push(b);
      }
    }
    log(`${kind}: ${search.length} searches`);
    return { searchP95Ms: round(p95(search), 2), bareSqlP95Ms: round(p95(baseline), 2), ratio: round(p95(search) / p95(baseline), 2) };
  } finally {
    await database.close();
    await admin?.exec(`drop database if exists ${name} with (force)`);
    await admin?.close();
  }
}

const result: Record<string, unknown> = { machine: machine(), queries: QUERIES.length, rounds: ROUNDS, pglite: await bench('pglite') };
if (process.env.DATABASE_URL) result.postgres = await bench('postgres');
console.log(JSON.stringify(result, null, 1));
