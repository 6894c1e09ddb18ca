import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { WorkingDayCalendarService } from '../src/calendar/service.js';
import { loadConfig, type Config } from '../src/config.js';
import { authentication, modules } from '../src/modules.js';
import { FixedClock } from '../src/platform/clock.js';
import { openDatabase, type Database } from '../src/platform/db/database.js';
import { buildApp } from '../src/platform/http/app.js';
import type { AppDeps } from '../src/deps.js';
import { FsBlobStore } from '../src/platform/storage/fs-store.js';
import { DEFAULT_APP_ROLE } from '../src/platform/db/roles.js';
import { withDatabase } from './global-setup.js';

/** The default "now" of tests: 2026-11-22 10:00 in China. */
export const TEST_NOW = '2026-11-22T02:00:00Z';

/**
 * A fresh database for one test file, cloned from the migrated template. On PostgreSQL the
 * application connects as the application role, as in production; `owner` is a connection with
 * the table owner's rights, for tests that tamper with the record as an administrator could. On
 * PGlite (one connection, one user) both are the same.
 */
export async function openTestDatabase(): Promise<Database & { owner: Database }> {
  const template = inject('dbTemplate');
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `${template}_${crypto.randomBytes(6).toString('hex')}`;
    const admin = await openDatabase({ databaseUrl: url });
    await admin.exec(`create database ${name} template ${template}`);
    await admin.close();
    const owner = await openDatabase({ databaseUrl: withDatabase(url, name) });
    const database = await openDatabase({ databaseUrl: withDatabase(url, name, DEFAULT_APP_ROLE) });
    const close = database.close;
    database.close = async () => {
      await close();
      await owner.close();
      const a = await openDatabase({ databaseUrl: url });
      await a.exec(`drop database if exists ${name} with (force)`);
      await a.close();
    };
    return Object.assign(database, { owner });
  }
  const blob = new Blob([fs.readFileSync(template)]);
  const database = await openDatabase({ loadDataDir: blob });
  return Object.assign(database, { owner: database });
}

export interface TestContext {
  app: FastifyInstance;
  deps: AppDeps;
  clock: FixedClock;
  /** The application's connection (the application role on PostgreSQL). */
  database: Database;
  /** The table owner's connection to the same database (see openTestDatabase). */
  owner: Database;
  config: Config;
  close(): Promise<void>;
}

/** The whole application over a fresh database, a temporary file store and a fixed clock. */
export async function createTestApp(options: { now?: string; config?: Partial<Config> } = {}): Promise<TestContext> {
  const database = await openTestDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-test-'));
  const config: Config = { ...loadConfig({ DATA_DIR: dataDir }), ...options.config };
  const clock = new FixedClock(new Date(options.now ?? TEST_NOW));
  const calendar = new WorkingDayCalendarService(database.db);
  await calendar.reload();
  const deps: AppDeps = { database, clock, config, store: new FsBlobStore(path.join(dataDir, 'files')), calendar };
  const app = await buildApp(deps, modules, { authentication });
  return {
    app,
    deps,
    clock,
    database,
    owner: database.owner,
    config,
    close: async () => {
      // Tests that listen on a real socket may leave a half-read upload's connection open; a test
      // server has nothing in flight worth waiting for.
      app.server.closeAllConnections();
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A logged-in HTTP client: carries the session cookie and the CSRF header. */
export interface Session {
  cookie: string;
  csrfToken: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  request(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export async function loginAs(app: FastifyInstance, username: string, password: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrfToken = res.json().csrfToken as string;
  const request: Session['request'] = (method, url, body, headers = {}) =>
    app.inject({
      method,
      url,
      headers: { cookie, 'x-csrf-token': csrfToken, ...headers },
      ...(body === undefined ? {} : typeof body === 'string' || Buffer.isBuffer(body) ? { payload: body } : { payload: body as object }),
    });
  return {
    cookie,
    csrfToken,
    request,
    get: (url) => request('GET', url),
    post: (url, body) => request('POST', url, body ?? {}),
    patch: (url, body) => request('PATCH', url, body ?? {}),
  };
}
