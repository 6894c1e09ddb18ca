import fs from 'node:fs';
import path from 'node:path';
import { PGlite, types, type ParserOptions, type QueryOptions, type Transaction } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { lockDataDir } from './data-dir-lock.js';

/** The query builder every module uses; the same type on PGlite and PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;
/** An open transaction. Use cases take one as a required parameter (one transaction per use case). */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Raw SQL access, for migrations, triggers and tests that tamper with rows. */
export interface RawSql {
  exec(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Database extends RawSql {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Runs raw statements in one transaction on one connection. */
  transaction(fn: (sql: RawSql) => Promise<void>): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the data directory as a tarball (tests clone a migrated template from it). */
  dumpDataDir?(): Promise<Blob>;
}

export interface OpenOptions {
  /** postgres://… — when absent, the embedded PGlite database is used. */
  databaseUrl?: string;
  /** PGlite data directory; omitted means in memory. */
  dataDir?: string;
  /** A PGlite data-dir tarball to start from (tests clone a migrated template). */
  loadDataDir?: Blob;
}

/** Opens the embedded PGlite database or a PostgreSQL pool, behind one interface. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.dataDir, options.loadDataDir);
}

/**
 * PGlite's buffer cache, inside its WebAssembly memory (which never shrinks). PostgreSQL's default
 * of 128MB was ≈ 130 MiB of the idle server's resident set; the embedded database is meant for one
 * agency's data, and pages that miss the cache come from the operating system's file cache.
 */
const PGLITE_SHARED_BUFFERS = '32MB';

/**
 * The types drizzle's PGlite driver reads as the text PostgreSQL sends (drizzle-orm/pglite/session.js):
 * timestamps, intervals, dates and their arrays, and numeric[].
 */
const DRIZZLE_TEXT_TYPES = [types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182];

/**
 * drizzle passes those parsers with every query, and PGlite then copies its whole table of ≈ 320
 * type parsers to merge them in — per statement, ≈ 0.1 ms, as long as a simple query takes
 * (issue 8: ≈ 0.9 s of CPU in a first start with the demo). Instead the instance's own table
 * gets drizzle's parsers once, and drizzle's queries go without them: the same rows. Raw queries
 * (RawSql) keep PGlite's usual parsers (Date objects), given back to them explicitly.
 */
function clientForDrizzle(client: PGlite): { client: PGlite; rawParsers: ParserOptions } {
  const rawParsers: ParserOptions = Object.fromEntries(DRIZZLE_TEXT_TYPES.map((type) => [type, client.parsers[type]!]));
  for (const type of DRIZZLE_TEXT_TYPES) client.parsers[type] = (value: string) => value;
  const withoutParsers = (options?: QueryOptions) => (options?.parsers ? { ...options, parsers: undefined } : options);
  const forDrizzle = {
    query: (sql: string, params?: unknown[], options?: QueryOptions) => client.query(sql, params, withoutParsers(options)),
    transaction: <T>(fn: (tx: Transaction) => Promise<T>) =>
      client.transaction((tx) =>
        // The transaction object itself stays the prototype: its `closed` getter keeps working.
        fn(Object.assign(Object.create(tx) as Transaction, { query: (sql: string, params?: unknown[], options?: QueryOptions) => tx.query(sql, params, withoutParsers(options)) })),
      ),
  };
  return { client: forDrizzle as unknown as PGlite, rawParsers };
}

async function openPglite(dataDir: string | undefined, loadDataDir: Blob | undefined): Promise<Database> {
  if (dataDir) fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  // One process at a time on a data directory (the server and `sanxiang verify` would each write their own copy).
  const unlock = dataDir ? lockDataDir(dataDir) : () => undefined;
  let client: PGlite;
  try {
    client = await PGlite.create({ dataDir, loadDataDir, startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`] });
  } catch (error) {
    unlock();
    throw error;
  }
  const drizzleClient = clientForDrizzle(client);
  const { rawParsers } = drizzleClient;
  const raw: RawSql = {
    exec: async (sql) => {
      await client.exec(sql);
    },
    query: async <T>(sql: string, params: unknown[] = []) => (await client.query<T>(sql, params, { parsers: rawParsers })).rows,
  };
  return {
    kind: 'pglite',
    db: drizzlePglite(drizzleClient.client) as unknown as Db,
    ...raw,
    transaction: (fn) =>
      client.transaction(async (t) => {
        await fn({
          exec: async (sql) => {
            await t.exec(sql);
          },
          query: async <T>(sql: string, params: unknown[] = []) => (await t.query<T>(sql, params, { parsers: rawParsers })).rows,
        });
      }),
    close: async () => {
      try {
        await client.close();
      } finally {
        unlock();
      }
    },
    dumpDataDir: () => client.dumpDataDir('gzip'),
  };
}

async function openPostgres(url: string): Promise<Database> {
  // Loaded only here: the embedded database (the default) never needs the PostgreSQL client.
  const [{ default: pg }, { drizzle: drizzlePg }] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres')]);
  // Dates stay strings (YYYY-MM-DD) on both drivers; PGlite returns them the same way through drizzle.
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_MAX || 10) });
  pool.on('error', () => {
    /* an idle client dropped by the server; the pool replaces it */
  });
  return {
    kind: 'postgres',
    db: drizzlePg(pool) as unknown as Db,
    exec: async (sql) => {
      await pool.query(sql);
    },
    query: async <T>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as T[],
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        await fn({
          exec: async (sql) => {
            await client.query(sql);
          },
          query: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[],
        });
        await client.query('commit');
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
