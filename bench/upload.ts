/**
 * Upload of a large evidence file (default 1 GiB, BENCH_UPLOAD_MB) through the API — tus at
 * /api/uploads on the real server (`node bin/sanxiang.mjs serve`, PGlite, demo data), as a demo
 * officer, into an open demo case: one POST creating the upload, one PATCH streaming the file from
 * disk, until the 204 that says the item is recorded (hashed with SHA-256 and SM3 on the way in,
 * moved into the content store, evidence row and case event written).
 *
 * Baseline, same file, same run: `sha256sum FILE` then `cp FILE COPY` — reading, hashing and
 * writing the bytes once with the system's tools. A second reference adds `openssl dgst -sm3`,
 * since the server also computes SM3 (GB/T 32905), which is the slowest part of its work.
 * RUNS runs of each, alternating; the file's first bytes change before each upload so that every
 * run stores new content. Medians are reported.
 *
 * Needs (2 + RUNS) × the file size free in os.tmpdir() (file, copy, one stored item per run);
 * skipped with a message otherwise. Run alone: npx tsx bench/upload.ts
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { exited, freePort, log, machine, median, ms, ROOT, round, rssMiB, sleep, stop } from './common.js';
import { MP4_HEAD } from '../src/recording/evidence/test-support.js';

const SIZE_MIB = Number(process.env.BENCH_UPLOAD_MB || 1024);
const RUNS = Number(process.env.BENCH_UPLOAD_RUNS || 3);
const START_TIMEOUT_MS = 180_000;
const MiB = 2 ** 20;
/** Demo password, printed by the server on first start (src/demo/seed.ts). */
const PASSWORD_LINE = /password for all: (\S+)\)/;

interface Server {
  child: ChildProcess;
  base: string;
  output: () => string;
}

/** The real server on a fresh data directory with the demo data, answering on a free port. */
async function startServer(dataDir: string): Promise<Server> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', SANXIANG_DEMO: '1', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  let output = '';
  const child = spawn(process.execPath, ['bin/sanxiang.mjs', 'serve'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const t0 = process.hrtime.bigint();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    if (ms(t0) > START_TIMEOUT_MS) {
      await stop(child);
      throw new Error(`server did not answer within ${START_TIMEOUT_MS} ms:\n${output}`);
    }
    const ok = await fetch(`${base}/api/openapi.json`).then(
      (r) => r.ok,
      () => false,
    );
    // The demo logins are printed just after the server starts listening.
    if (ok && PASSWORD_LINE.test(output)) return { child, base, output: () => output };
    await sleep(50);
  }
}

interface Session {
  cookie: string;
  csrfToken: string;
}

async function login(base: string, username: string, password: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrfToken: ((await res.json()) as { csrfToken: string }).csrfToken };
}

const getJson = async <T>(base: string, session: Session, url: string): Promise<T> => {
  const res = await fetch(`${base}${url}`, { headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken } });
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};

interface Target {
  username: string;
  session: Session;
  caseId: string;
  step: string;
}

/** A demo officer with an open case in their agency, and a step of that case's procedure. */
async function findTarget(server: Server): Promise<Target> {
  const password = PASSWORD_LINE.exec(server.output())![1]!;
  const officers = [...server.output().matchAll(/^\s+(\S+\.officer)\s/gm)].map((m) => m[1]!);
  const { items: procedures } = await getJson<{ items: { id: string; steps: { id: string }[] }[] }>(server.base, await login(server.base, officers[0]!, password), '/api/procedures');
  for (const username of officers) {
    const session = await login(server.base, username, password);
    const { items } = await getJson<{ items: { id: string; procedure: string }[] }>(server.base, session, '/api/cases?status=open&limit=1');
    const kase = items[0];
    if (!kase) continue;
    const step = procedures.find((p) => p.id === kase.procedure)!.steps[0]!.id;
    return { username, session, caseId: kase.id, step };
  }
  throw new Error(`no demo officer with an open case among ${officers.join(', ')}`);
}

/** tus Upload-Metadata: comma-separated "key base64(value)". */
const encodeMetadata = (meta: Record<string, string>) =>
  Object.entries(meta)
    .map(([k, v]) => `${k} ${Buffer.from(v, 'utf8').toString('base64')}`)
    .join(',');

/** One HTTP request; `body` is a file streamed from disk. */
function request(url: string, method: string, headers: Record<string, string>, file?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (file) {
      const stream = fs.createReadStream(file);
      stream.on('error', (error) => req.destroy(error));
      stream.pipe(req);
    } else req.end();
  });
}

interface UploadRun {
  ms: number;
  evidenceId: string;
  serverRssBeforeMiB: number;
  serverPeakRssMiB: number;
}

/** POST creating the upload, then one PATCH with the whole file; until the item is recorded. */
async function upload(server: Server, target: Target, file: string, size: number): Promise<UploadRun> {
  const auth = { cookie: target.session.cookie, 'x-csrf-token': target.session.csrfToken, 'tus-resumable': '1.0.0' };
  const meta = {
    caseId: target.caseId,
    step: target.step,
    kind: 'video',
    title: '基准测试：执法记录仪视频',
    capturedAt: new Date(Date.now() - 3_600_000).toISOString(),
    confidentiality: 'none',
    filename: 'bench.mp4',
    filetype: 'video/mp4',
  };
  const before = rssMiB(server.child.pid!);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(server.child.pid!))), 100);
  try {
    const t0 = process.hrtime.bigint();
    const created = await request(`${server.base}/api/uploads`, 'POST', { ...auth, 'upload-length': String(size), 'upload-metadata': encodeMetadata(meta) });
    if (created.status !== 201) throw new Error(`create upload: ${created.status} ${created.body}`);
    const done = await request(
      new URL(created.headers.location!, server.base).toString(),
      'PATCH',
      { ...auth, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream', 'content-length': String(size) },
      file,
    );
    const elapsed = ms(t0);
    if (done.status !== 204) throw new Error(`upload: ${done.status} ${done.body}`);
    return { ms: elapsed, evidenceId: String(done.headers['evidence-id']), serverRssBeforeMiB: before, serverPeakRssMiB: peak };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * The floor for a Node server doing the same work: a bare node:http server, in its own process,
 * that hashes the request body with SHA-256 and SM3 (one pass, as the application does) while
 * writing it to a file, and answers 204 when the file is closed. No framework, protocol, database.
 */
const SINK = `
const http = require('node:http'), fs = require('node:fs'), crypto = require('node:crypto'), { Transform } = require('node:stream');
const server = http.createServer((req, res) => {
  const sha256 = crypto.createHash('sha256'), sm3 = crypto.createHash('sm3');
  const hashing = new Transform({ transform(chunk, _e, done) { sha256.update(chunk); sm3.update(chunk); done(null, chunk); } });
  const out = fs.createWriteStream(process.argv[1]);
  req.pipe(hashing).pipe(out);
  out.on('close', () => { res.writeHead(204, { 'x-sha256': sha256.digest('hex'), 'x-sm3': sm3.digest('hex') }); res.end(); });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
`;

async function startSink(target: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['-e', SINK, target], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString().trim())));
    child.once('exit', (code) => reject(new Error(`sink exited with ${code}`)));
  });
  return { child, url: `http://127.0.0.1:${port}/` };
}

/** Runs a command to completion; its stdout and the milliseconds it took. */
async function timedCommand(command: string, args: string[]): Promise<{ ms: number; stdout: string }> {
  const t0 = process.hrtime.bigint();
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  await exited(child);
  if (child.exitCode !== 0) throw new Error(`${command} ${args.join(' ')} failed with ${child.exitCode}`);
  return { ms: ms(t0), stdout };
}

/**
 * A file of `size` bytes that compresses to nothing: a random block, each copy stamped with its
 * index, behind an MP4 head, since the server refuses a "video" whose bytes are not one.
 */
function writeTestFile(file: string, size: number): void {
  const block = crypto.randomBytes(4 * MiB);
  const fd = fs.openSync(file, 'w');
  try {
    for (let offset = 0, i = 0; offset < size; offset += block.length, i++) {
      block.writeUInt32BE(i, 0);
      if (i === 0) MP4_HEAD.copy(block, 0);
      fs.writeSync(fd, block, 0, Math.min(block.length, size - offset));
      if (i === 0) crypto.randomFillSync(block, 0, MP4_HEAD.length);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** New bytes behind the head, so that each upload is new content (the store keeps one copy per SHA-256). */
function restamp(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.writeSync(fd, crypto.randomBytes(32), 0, 32, MP4_HEAD.length);
  } finally {
    fs.closeSync(fd);
  }
}

/** In-process hashing speed (MiB/s) over a 64 MiB buffer: what bounds the server's intake. */
function hashSpeed(algorithm: string): number {
  const data = crypto.randomBytes(64 * MiB);
  crypto.createHash(algorithm).update(data.subarray(0, 4 * MiB)).digest();
  const t0 = process.hrtime.bigint();
  const hash = crypto.createHash(algorithm);
  for (let i = 0; i < data.length; i += MiB) hash.update(data.subarray(i, i + MiB));
  hash.digest();
  return 64 / (ms(t0) / 1000);
}

export async function benchUpload() {
  const size = SIZE_MIB * MiB;
  const tmp = os.tmpdir();
  const stat = fs.statfsSync(tmp);
  const freeMiB = (stat.bavail * stat.bsize) / MiB;
  const neededMiB = (2 + RUNS) * SIZE_MIB + 512;
  if (freeMiB < neededMiB) {
    const message = `skipped: ${round(freeMiB / 1024)} GiB free in ${tmp}, ${round(neededMiB / 1024)} GiB needed for a ${SIZE_MIB} MiB file and ${RUNS} runs (set BENCH_UPLOAD_MB smaller)`;
    log(`upload: ${message}`);
    return { benchmark: 'evidence upload through the API (tus) vs sha256sum + cp', skipped: message };
  }
  const hasSm3Cli = spawnSync('openssl', ['dgst', '-sm3', '/dev/null'], { stdio: 'ignore' }).status === 0;

  const work = fs.mkdtempSync(path.join(tmp, 'sanxiang-bench-upload-'));
  const file = path.join(work, 'evidence.bin');
  const copy = path.join(work, 'copy.bin');
  const dataDir = path.join(work, 'data');
  let server: Server | undefined;
  let sink: { child: ChildProcess; url: string } | undefined;
  try {
    log(`upload: writing a ${SIZE_MIB} MiB file in ${work}…`);
    writeTestFile(file, size);
    log('upload: starting the server (fresh data directory, demo data)…');
    server = await startServer(dataDir);
    const target = await findTarget(server);
    log(`upload: as ${target.username} into case ${target.caseId}, step ${target.step}`);

    const sinkFile = path.join(work, 'sink.bin');
    sink = await startSink(sinkFile);
    const runs = { upload: [] as UploadRun[], sha256sum: [] as number[], cp: [] as number[], sm3: [] as number[], sink: [] as number[] };
    const baseline = async () => {
      const sum = await timedCommand('sha256sum', [file]);
      runs.sha256sum.push(sum.ms);
      runs.cp.push((await timedCommand('cp', [file, copy])).ms);
      fs.rmSync(copy);
      if (hasSm3Cli) runs.sm3.push((await timedCommand('openssl', ['dgst', '-sm3', file])).ms);
      const expected = sum.stdout.split(/\s/)[0]!;
      const t0 = process.hrtime.bigint();
      const sunk = await request(sink!.url, 'PUT', { 'content-length': String(size) }, file);
      runs.sink.push(ms(t0));
      fs.rmSync(sinkFile);
      if (sunk.status !== 204 || sunk.headers['x-sha256'] !== expected) throw new Error(`node:http sink: ${sunk.status} ${String(sunk.headers['x-sha256'])}`);
      return expected;
    };
    // Baseline and upload alternate, so a drift in machine load hits both alike.
    for (let i = 0; i < RUNS; i++) {
      restamp(file);
      log(`upload: run ${i + 1}/${RUNS}: sha256sum + cp…`);
      const expected = await baseline();
      log(`upload: run ${i + 1}/${RUNS}: through the API…`);
      const run = await upload(server, target, file, size);
      const item = await getJson<{ sha256: string; size: number }>(server.base, target.session, `/api/evidence/${run.evidenceId}`);
      if (item.sha256 !== expected || item.size !== size) throw new Error(`stored item ${JSON.stringify(item)} does not match the file (${expected}, ${size} bytes)`);
      runs.upload.push(run);
    }

    const uploadMs = median(runs.upload.map((r) => r.ms));
    const baselines = runs.sha256sum.map((s, i) => s + runs.cp[i]!);
    const baselineMs = median(baselines);
    const withSm3 = hasSm3Cli ? median(runs.sha256sum.map((s, i) => s + runs.cp[i]! + runs.sm3[i]!)) : null;
    const sinkMs = median(runs.sink);
    const sha256 = hashSpeed('sha256');
    const sm3 = hashSpeed('sm3');
    return {
      benchmark: 'evidence upload through the API (tus) vs sha256sum + cp',
      database: 'PGlite (embedded)',
      fileMiB: SIZE_MIB,
      runs: RUNS,
      uploadMs: Math.round(uploadMs),
      uploadRuns: runs.upload.map((r) => Math.round(r.ms)),
      uploadMiBPerSecond: round(SIZE_MIB / (uploadMs / 1000)),
      // The server's resident set before the first upload and at its highest during any: the file is streamed, not held.
      serverRssBeforeMiB: round(runs.upload[0]!.serverRssBeforeMiB),
      serverPeakRssMiB: round(Math.max(...runs.upload.map((r) => r.serverPeakRssMiB))),
      baselines: {
        sha256sumPlusCpMs: Math.round(baselineMs),
        sha256sumPlusCpRuns: baselines.map((v) => Math.round(v)),
        sha256sumMs: Math.round(median(runs.sha256sum)),
        cpMs: Math.round(median(runs.cp)),
        plusOpensslSm3Ms: withSm3 === null ? 'openssl without SM3' : Math.round(withSm3),
        nodeHttpSinkMs: Math.round(sinkMs),
        nodeHttpSinkRuns: runs.sink.map((v) => Math.round(v)),
      },
      uploadVsSha256sumPlusCp: round(uploadMs / baselineMs, 2),
      uploadVsWithSm3: withSm3 === null ? null : round(uploadMs / withSm3, 2),
      uploadVsNodeHttpSink: round(uploadMs / sinkMs, 2),
      // The server hashes every byte with both, one after the other, on its main thread.
      hashMiBPerSecond: { sha256: Math.round(sha256), sm3: Math.round(sm3), bothInOnePass: Math.round(1 / (1 / sha256 + 1 / sm3)) },
    };
  } finally {
    if (sink) await stop(sink.child);
    if (server) await stop(server.child);
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.filename === process.argv[1]) {
  const result = { machine: machine(), upload: await benchUpload() };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
