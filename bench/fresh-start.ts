/**
 * A first start on a fresh PGlite data directory, in process, phase by phase: the CPU time this
 * process spent (user + system, all threads — less sensitive than wall time to other work on the
 * machine) and the statements sent to PGlite (each one a crossing into its WebAssembly engine).
 * Then the memory the process holds, before and after two full collections.
 *
 *   npx tsx bench/fresh-start.ts              from the template `npm run build` wrote, if current
 *   BENCH_NO_TEMPLATE=1 npx tsx bench/fresh-start.ts   initdb and the migrations, as without it
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { loadConfig } from '../src/config.js';
import { seedDemoCases } from '../src/demo/cases.js';
import { seedDemoIfEmpty } from '../src/demo/seed.js';
import { collectGarbage } from '../src/platform/memory.js';
import { openDatabase } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrate.js';
import { openPgliteFromTemplate } from '../src/platform/db/template.js';
import { createDeps } from '../src/server.js';

let statements = 0;
// Every statement, inside a transaction or not, goes through this one queue of PGlite's.
const pglite = PGlite.prototype as unknown as { _runExclusiveQuery<T>(fn: () => Promise<T>): Promise<T> };
const runExclusiveQuery = pglite._runExclusiveQuery;
pglite._runExclusiveQuery = function <T>(this: unknown, fn: () => Promise<T>): Promise<T> {
  statements++;
  return runExclusiveQuery.call(this, fn) as Promise<T>;
};

const phases: Record<string, { cpuMs: number; wallMs: number; statements: number }> = {};
let cpu = process.cpuUsage();
let wall = performance.now();
let counted = 0;
function phase(name: string): void {
  const used = process.cpuUsage(cpu);
  phases[name] = { cpuMs: Math.round((used.user + used.system) / 1000), wallMs: Math.round(performance.now() - wall), statements: statements - counted };
  cpu = process.cpuUsage();
  wall = performance.now();
  counted = statements;
}
const mib = () => Object.fromEntries(Object.entries(process.memoryUsage()).map(([k, v]) => [k, Math.round(v / 2 ** 20)]));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-fresh-'));
try {
  const config = loadConfig({ ...process.env, DATA_DIR: dir, DATABASE_URL: '' });
  const dataDir = path.join(dir, 'pgdata');
  phase('setup');
  const database = process.env.BENCH_NO_TEMPLATE ? await openDatabase({ dataDir }) : await openPgliteFromTemplate(dataDir);
  phase('open');
  await migrate(database);
  phase('migrate');
  const deps = await createDeps(database, config);
  phase('calendar');
  await seedDemoIfEmpty(deps, { cases: false });
  phase('demoRegistry');
  await seedDemoCases(deps);
  phase('demoCases');
  const total = Object.values(phases).reduce((sum, p) => ({ cpuMs: sum.cpuMs + p.cpuMs, wallMs: sum.wallMs + p.wallMs, statements: sum.statements + p.statements }));
  const memory = mib();
  collectGarbage();
  console.log(JSON.stringify({ phases, total, memoryMiB: memory, afterCollectionMiB: mib() }, null, 1));
  await database.close();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
