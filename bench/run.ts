/**
 * Performance figures, printed as JSON on stdout (progress on stderr). Every figure comes with a
 * baseline measured in the same run on the same machine, and the ratio between them, so results
 * from different machines can be compared.
 *
 * Start-up: time from spawning `node bin/sanxiang.mjs serve` to the first successful
 * GET /api/openapi.json, on a fresh data directory (migrations, calendar and, with demo data, the
 * demo seed) and on an existing one (second start), with the demo data on and off; the median of
 * RUNS runs each. Memory: the server's resident set (VmRSS) once idle, SETTLE_MS after it answered.
 *
 * Baselines: a bare Node HTTP server that starts listening and exits (the floor for any Node
 * server); `sanxiang --help` (Node, the tsx loader and the CLI module graph up to argument parsing,
 * without opening a database); and the resident set of an idle Node process.
 *
 * Also, each in its own file: case events appended per second (bench/events.ts) and the upload of
 * a large evidence file through the API (bench/upload.ts).
 *
 * Usage: npm run -s bench > result.json   (-s keeps npm's banner out of the JSON)
 *        npm run -s bench -- events upload   (only the named ones: startup, events, upload)
 * About 1½ minutes for start-up, ½ minute for events, 1 minute for a 1 GiB upload. Case events
 * run on PostgreSQL too when DATABASE_URL is set; BENCH_UPLOAD_MB sets the upload's size.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exited, freePort, log, machine, median, ms, ROOT, round, rssMiB, sleep, stop } from './common.js';
import { benchCaseEvents } from './events.js';
import { benchUpload } from './upload.js';

const RUNS = 3;
const SETTLE_MS = 2_000;
const START_TIMEOUT_MS = 300_000;

interface Start {
  startMs: number;
  idleRssMiB: number;
}

/** One start of the real server: milliseconds until it answers, then its idle resident set. */
async function startServer(dataDir: string, demo: boolean): Promise<Start> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/api/openapi.json`;
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', SANXIANG_DEMO: demo ? '1' : '0', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  let output = '';
  const t0 = process.hrtime.bigint();
  const child = spawn(process.execPath, ['bin/sanxiang.mjs', 'serve'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
      if (ms(t0) > START_TIMEOUT_MS) throw new Error(`server did not answer within ${START_TIMEOUT_MS} ms:\n${output}`);
      const ok = await fetch(url).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await sleep(10);
    }
    const startMs = ms(t0);
    await sleep(SETTLE_MS);
    return { startMs, idleRssMiB: rssMiB(child.pid!) };
  } finally {
    await stop(child);
  }
}

/** The floor: a bare Node process that starts an HTTP server listening, then exits. */
async function nodeHttpBaseline(): Promise<number> {
  const t0 = process.hrtime.bigint();
  const child = spawn(process.execPath, ['-e', "require('http').createServer().listen(0, () => process.exit())"], { stdio: 'ignore' });
  await exited(child);
  if (child.exitCode !== 0) throw new Error('baseline node process failed');
  return ms(t0);
}

/** The command line's own start-up: `node bin/sanxiang.mjs --help` until it exits. */
async function cliHelpBaseline(): Promise<number> {
  const t0 = process.hrtime.bigint();
  const child = spawn(process.execPath, ['bin/sanxiang.mjs', '--help'], { cwd: ROOT, stdio: 'ignore' });
  await exited(child);
  if (child.exitCode !== 0) throw new Error('sanxiang --help failed');
  return ms(t0);
}

/** Resident set of an idle Node process, after the same settling time. */
async function nodeIdleRss(): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  try {
    await sleep(SETTLE_MS);
    return rssMiB(child.pid!);
  } finally {
    await stop(child);
  }
}

async function benchStartup() {
  // The server as production runs it: compiled (bin/sanxiang.mjs falls back to the TypeScript
  // through tsx only when dist/server/ is missing or stale). BENCH_SOURCES=1 measures the sources.
  const fromSources = process.env.BENCH_SOURCES === '1';
  if (fromSources) process.env.SANXIANG_SOURCES = '1';
  else if (spawnSync(process.execPath, ['bin/build-server.mjs', '--if-stale'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] }).status !== 0) {
    throw new Error('npm run build:server failed');
  }
  log(`baselines (${RUNS} runs)…`);
  const baselineStarts: number[] = [];
  for (let i = 0; i < RUNS; i++) baselineStarts.push(await nodeHttpBaseline());
  const baselineStartMs = median(baselineStarts);
  const cliRuns: number[] = [];
  for (let i = 0; i < RUNS; i++) cliRuns.push(await cliHelpBaseline());
  const cliMs = median(cliRuns);
  const baselineRssMiB = await nodeIdleRss();

  // Runs alternate between demo on and off, so a drift in machine load hits both alike.
  const starts = { demoOn: { fresh: [] as Start[], existing: [] as Start[] }, demoOff: { fresh: [] as Start[], existing: [] as Start[] } };
  for (let i = 0; i < RUNS; i++) {
    for (const demo of [true, false]) {
      const into = demo ? starts.demoOn : starts.demoOff;
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-bench-'));
      try {
        log(`run ${i + 1}/${RUNS}, demo ${demo ? 'on' : 'off'}: fresh data dir…`);
        into.fresh.push(await startServer(dataDir, demo));
        log(`run ${i + 1}/${RUNS}, demo ${demo ? 'on' : 'off'}: existing data dir…`);
        into.existing.push(await startServer(dataDir, demo));
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    }
  }
  const summary = (runs: Start[]) => {
    const startMs = median(runs.map((r) => r.startMs));
    const idleRssMiB = median(runs.map((r) => r.idleRssMiB));
    return {
      startMs: round(startMs),
      startRuns: runs.map((r) => round(r.startMs)),
      startVsNodeHttp: round(startMs / baselineStartMs, 2),
      startVsCliHelp: round(startMs / cliMs, 2),
      idleRssMiB: round(idleRssMiB),
      idleRssVsIdleNode: round(idleRssMiB / baselineRssMiB, 2),
    };
  };
  const scenario = (runs: { fresh: Start[]; existing: Start[] }) => {
    const fresh = summary(runs.fresh);
    const existing = summary(runs.existing);
    // What the first start costs over a restart: initdb, migrations, calendar (and the demo seed).
    return { freshDataDir: fresh, existingDataDir: existing, freshVsExisting: round(fresh.startMs / existing.startMs, 2) };
  };
  const scenarios = { demoOn: scenario(starts.demoOn), demoOff: scenario(starts.demoOff) };

  return {
    benchmark: 'server start-up and idle memory',
    database: 'PGlite (embedded)',
    server: fromSources ? 'TypeScript sources through tsx (BENCH_SOURCES=1)' : 'compiled (dist/server/)',
    runs: RUNS,
    settleMs: SETTLE_MS,
    baselines: {
      nodeHttpListenMs: round(baselineStartMs),
      nodeHttpListenRuns: baselineStarts.map((v) => round(v)),
      cliHelpMs: round(cliMs),
      cliHelpRuns: cliRuns.map((v) => round(v)),
      idleNodeRssMiB: round(baselineRssMiB),
    },
    startup: scenarios,
  };
}

const BENCHES = { startup: benchStartup, events: benchCaseEvents, upload: benchUpload } as const;
const RESULT_KEYS = { startup: 'startup', events: 'caseEvents', upload: 'upload' } as const;

async function main() {
  const started = process.hrtime.bigint();
  const names = process.argv.slice(2);
  const unknown = names.filter((n) => !(n in BENCHES));
  if (unknown.length) throw new Error(`unknown benchmark(s): ${unknown.join(', ')}; choose from ${Object.keys(BENCHES).join(', ')}`);
  const chosen = (names.length ? names : Object.keys(BENCHES)) as (keyof typeof BENCHES)[];
  const result: Record<string, unknown> = { machine: machine() };
  for (const name of chosen) result[RESULT_KEYS[name]] = await BENCHES[name]();
  result.benchSeconds = round(ms(started) / 1000);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

await main();
