import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { DEMO_PASSWORD } from '../../src/demo/seed.js';
import { openDatabase } from '../../src/platform/db/database.js';
import { DEFAULT_APP_ROLE, ensureLoginRole } from '../../src/platform/db/roles.js';
import { withDatabase } from '../global-setup.js';
import { CHROMIUM_PATH, SERVER_LOG } from './paths.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the server under test, e.g. http://127.0.0.1:41234 (no trailing slash). */
    baseUrl: string;
    /** The demo's system administrator. */
    adminUsername: string;
    adminPassword: string;
  }
}

const INSTALL_HINT = 'apt-get install -y chromium fonts-noto-cjk';

/**
 * Starts the real server once for all browser test files, as `npm start` does: checks Chromium and
 * the CJK fonts are installed (fails, never skips, when they are not), then runs
 * `sanxiang serve --build-web` (web app rebuilt when its sources changed) on a fresh database with
 * the demo data loaded, on a free port. Tests arrange their own records on top of the demo.
 */
export default async function setup(project: TestProject) {
  requireChromium();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-browser-'));
  const postgres = process.env.DATABASE_URL ? await createPostgresDatabase(process.env.DATABASE_URL) : null;
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: baseUrl,
    SANXIANG_DEMO: '1',
    LOG_LEVEL: 'warn',
    // On PostgreSQL the server migrates as the owner and serves as the application role, as in production.
    DATABASE_URL: postgres?.appUrl ?? '',
    MIGRATION_DATABASE_URL: postgres?.url ?? '',
  };

  fs.mkdirSync(path.dirname(SERVER_LOG), { recursive: true });
  const log = fs.openSync(SERVER_LOG, 'w');

  let server: ChildProcess | undefined;
  const stop = async () => {
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      const timer = setTimeout(() => server!.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    fs.closeSync(log);
    fs.rmSync(dataDir, { recursive: true, force: true });
    await postgres?.drop();
  };

  try {
    // `--build-web` rebuilds web/dist only when web/src or src/i18n changed since the last build.
    server = spawn(process.execPath, ['bin/sanxiang.mjs', 'serve', '--build-web'], { env, stdio: ['ignore', log, log] });
    await waitForServer(server, `${baseUrl}/api/openapi.json`, 240_000);
  } catch (error) {
    await stop();
    throw error;
  }

  project.provide('baseUrl', baseUrl);
  project.provide('adminUsername', 'sysadmin');
  project.provide('adminPassword', DEMO_PASSWORD);
  return stop;
}

function requireChromium(): void {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `浏览器测试需要 Chromium：未找到 ${CHROMIUM_PATH}。The browser tests need Chromium, not found at ${CHROMIUM_PATH}.\n` +
        `Install it (Debian/Ubuntu, as root):  ${INSTALL_HINT}\n` +
        '(or point CHROMIUM_PATH at another Chromium binary)',
    );
  }
  const fonts = spawnSync('fc-list', [':lang=zh-cn', 'family'], { encoding: 'utf8' });
  if (fonts.status === 0 && !/CJK|Hei|Song|Kai|Ming|WenQuanYi/i.test(fonts.stdout)) {
    throw new Error(`浏览器测试需要中文字体。The browser tests need a Chinese font (screenshots show boxes without one).\nInstall it (Debian/Ubuntu, as root):  ${INSTALL_HINT}`);
  }
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

async function waitForServer(server: ChildProcess, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`the server exited (${server.exitCode ?? server.signalCode}) before answering; see ${SERVER_LOG}:\n${tail(SERVER_LOG)}`);
    }
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not answer ${url} within ${timeoutMs / 1000} s; see ${SERVER_LOG}:\n${tail(SERVER_LOG)}`);
}

/**
 * A new, empty database on the PostgreSQL server of DATABASE_URL, dropped afterwards; `appUrl`
 * connects to it as the application role (created when missing).
 */
async function createPostgresDatabase(serverUrl: string): Promise<{ url: string; appUrl: string; drop(): Promise<void> }> {
  const name = `sanxiang_browser_${crypto.randomBytes(4).toString('hex')}`;
  const admin = await openDatabase({ databaseUrl: serverUrl });
  await admin.exec(`create database ${name}`);
  await ensureLoginRole(admin, DEFAULT_APP_ROLE);
  await admin.close();
  return {
    url: withDatabase(serverUrl, name),
    appUrl: withDatabase(serverUrl, name, DEFAULT_APP_ROLE),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

function tail(file: string, lines = 40): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}
