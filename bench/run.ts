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
 * Usage: npm run -s bench > result.json   (about 1½ minutes; PGlite only; -s keeps npm's banner out of the JSON)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const RUNS = 3;
const SETTLE_MS = 2_000;
const START_TIMEOUT_MS = 120_000;
const ROOT = path.resolve(import.meta.dirname, '..');

const log = (message: string) => process.stderr.write(`${message}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ms = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e6;
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Resident set size of a process in MiB, from /proc (Linux). */
function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1]);
  if (!Number.isFinite(kb)) throw new Error(`no VmRSS for process ${pid}`);
  return kb / 1024;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function stop(child: ChildProcess): Promise<void> {
  const done = exited(child);
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await done;
  clearTimeout(timer);
}

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

async function main() {
  const started = process.hrtime.bigint();
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

  const result = {
    benchmark: 'server start-up and idle memory',
    database: 'PGlite (embedded)',
    runs: RUNS,
    settleMs: SETTLE_MS,
    machine: { node: process.version, platform: `${os.platform()} ${os.arch()}`, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, memoryGiB: round(os.totalmem() / 2 ** 30) },
    baselines: {
      nodeHttpListenMs: round(baselineStartMs),
      nodeHttpListenRuns: baselineStarts.map((v) => round(v)),
      cliHelpMs: round(cliMs),
      cliHelpRuns: cliRuns.map((v) => round(v)),
      idleNodeRssMiB: round(baselineRssMiB),
    },
    startup: scenarios,
    benchSeconds: round(ms(started) / 1000),
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

await main();
