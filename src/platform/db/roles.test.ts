import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/harness.js';
import { withDatabase } from '../../../test/global-setup.js';
import { openDatabase, type Database } from './database.js';
import { migrate, MIGRATIONS_DIR } from './migrate.js';
import { setupDatabaseRoles } from './roles.js';

/*
 * The attack: someone holding the application's database credentials (a stolen config file, an
 * SQL injection) tries to rewrite the record. As the application role they must not be able to
 * update, delete or truncate an append-only table, switch its triggers off, or change the schema.
 */

const OWNER = 'sanxiang_owner_test';
const APP = 'sanxiang_app_test';
/** The append-only tables, each with a column an UPDATE could set. */
const COLUMN_OF = { audit_events: 'action', case_events: 'payload', documents: 'fields', evidence: 'title' } as const;
const APPEND_ONLY = Object.keys(COLUMN_OF) as (keyof typeof COLUMN_OF)[];

let t: TestContext;
let appendOnly: string[];

beforeAll(async () => {
  t = await createTestApp();
  ({ appendOnly } = await setupDatabaseRoles(t.owner, { owner: OWNER, app: APP }));
});
afterAll(async () => {
  await t.close();
});

/** Runs one statement as `role` in its own transaction; resolves to the SQLSTATE it failed with, or 'ok'. */
async function as(role: string, statement: string): Promise<string> {
  try {
    await t.owner.transaction(async (sql) => {
      await sql.exec(`set local role ${role}`);
      await sql.exec(statement);
    });
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

describe('sanxiang db-roles', () => {
  it('finds the append-only tables from their triggers', () => {
    expect(appendOnly).toEqual(expect.arrayContaining(APPEND_ONLY));
    expect(appendOnly).not.toContain('users');
    expect(appendOnly).not.toContain('cases');
  });

  it('hands the tables to the owner role', async () => {
    const rows = await t.owner.query<{ owner: string }>(
      `select distinct pg_get_userbyid(c.relowner) as owner from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r'`,
    );
    expect(rows).toEqual([{ owner: OWNER }]);
  });

  it('is idempotent: running it again converges to the same grants', async () => {
    const grants = () =>
      t.owner.query(
        `select table_name, privilege_type from information_schema.role_table_grants where grantee = $1 order by 1, 2`,
        [APP],
      );
    const before = await grants();
    await setupDatabaseRoles(t.owner, { owner: OWNER, app: APP });
    expect(await grants()).toEqual(before);
  });

  it('refuses role names that are not plain identifiers', async () => {
    await expect(setupDatabaseRoles(t.owner, { owner: OWNER, app: 'x"; drop table users; --' })).rejects.toThrow(/Not a valid role name/);
    await expect(setupDatabaseRoles(t.owner, { owner: APP, app: APP })).rejects.toThrow(/must differ/);
  });
});

describe('the application role', () => {
  it('may read and append to the record', async () => {
    expect(await as(APP, `select count(*) from case_events`)).toBe('ok');
    const chained = `'test', 1, repeat('0', 64), repeat('a', 64)`;
    expect(await as(APP, `insert into audit_events (actor_label, action, subject_type, chain, chain_seq, prev_hash, hash) values ('test', 'test.append', 'test', ${chained})`)).toBe('ok');
    // …but only chained: an audit row outside the chain is refused by a check constraint.
    expect(await as(APP, `insert into audit_events (actor_label, action, subject_type) values ('test', 'test.append', 'test')`)).toBe('23514');
  });

  it('may change the mutable registry rows (users, sessions)', async () => {
    expect(await as(APP, `update users set display_name = display_name`)).toBe('ok');
    expect(await as(APP, `update sessions set revoked_at = revoked_at`)).toBe('ok');
  });

  it.each(APPEND_ONLY)('may not update, delete from, truncate or un-trigger %s', async (table) => {
    expect(await as(APP, `update ${table} set ${COLUMN_OF[table]} = ${COLUMN_OF[table]}`)).toBe('42501');
    expect(await as(APP, `delete from ${table}`)).toBe('42501');
    expect(await as(APP, `truncate ${table} cascade`)).toBe('42501');
    expect(await as(APP, `alter table ${table} disable trigger user`)).toBe('42501');
    expect(await as(APP, `alter table ${table} disable trigger all`)).toBe('42501');
  });

  it('may not delete a case, drop a trigger or function, bypass triggers, or change the schema', async () => {
    expect(await as(APP, `delete from cases`)).toBe('42501');
    expect(await as(APP, `drop trigger case_events_no_update on case_events`)).toBe('42501');
    expect(await as(APP, `create or replace function reject_change() returns trigger language plpgsql as $$ begin return new; end $$`)).toBe('42501');
    expect(await as(APP, `set session_replication_role = replica`)).toBe('42501');
    expect(await as(APP, `create table smuggled (x int)`)).toBe('42501');
    expect(await as(APP, `alter table users add column smuggled int`)).toBe('42501');
    expect(await as(APP, `insert into schema_migrations (name, checksum) values ('x', 'y')`)).toBe('42501');
  });

  it('whereas the owner could switch a trigger off: that is why the server must not connect as the owner', async () => {
    expect(await as(OWNER, `update audit_events set action = 'x'`)).toBe('42501'); // the trigger holds…
    expect(await as(OWNER, `alter table audit_events disable trigger user`)).toBe('ok'); // …until the owner disables it
  });
});

describe('migrations and the application role', () => {
  /** A connection as `role`: its own pool on PostgreSQL, SET ROLE on PGlite's one connection. */
  async function connectAs(role: string): Promise<{ db: Database; done(): Promise<void> }> {
    if (t.database.kind === 'postgres') {
      const [{ name }] = (await t.owner.query<{ name: string }>('select current_database() as name')) as [{ name: string }];
      const db = await openDatabase({ databaseUrl: withDatabase(process.env.DATABASE_URL!, name, role) });
      return { db, done: () => db.close() };
    }
    await t.owner.exec(`set role ${role}`);
    return { db: t.owner, done: () => t.owner.exec('reset role') };
  }

  it('an up-to-date database is only read, so the application role can check it at start', async () => {
    const app = await connectAs(APP);
    try {
      expect(await migrate(app.db, { appRole: APP })).toEqual([]);
    } finally {
      await app.done();
    }
  });

  it('a pending migration is refused with a message naming the owner role, and nothing is applied', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-migrations-'));
    try {
      for (const f of fs.readdirSync(MIGRATIONS_DIR)) fs.copyFileSync(path.join(MIGRATIONS_DIR, f), path.join(dir, f));
      fs.writeFileSync(path.join(dir, '999912310001_smuggled.sql'), 'create table smuggled (x int);');
      const app = await connectAs(APP);
      try {
        await expect(migrate(app.db, { dir, appRole: APP })).rejects.toThrow(/MIGRATION_DATABASE_URL/);
      } finally {
        await app.done();
      }
      expect(await t.owner.query(`select to_regclass('smuggled') as t`)).toEqual([{ t: null }]);
      // The owner applies it, and the application role is granted the new table at once.
      const owner = await connectAs(OWNER);
      try {
        expect(await migrate(owner.db, { dir, appRole: APP })).toEqual(['999912310001_smuggled.sql']);
      } finally {
        await owner.done();
      }
      expect(await as(APP, `insert into smuggled values (1)`)).toBe('ok');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
