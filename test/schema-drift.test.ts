import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as accounts from '../src/accounts/tables.js';
import * as audit from '../src/audit/tables.js';
import * as calendar from '../src/calendar/tables.js';
import * as laws from '../src/lists/laws/tables.js';
import * as organisation from '../src/organisation/tables.js';
import * as blobs from '../src/platform/storage/blobs.js';
import * as throttle from '../src/platform/throttle.js';
import * as recording from '../src/recording/tables.js';
import { createTestApp, type TestContext } from './harness.js';

/*
 * The SQL migrations are the source of truth and the drizzle table objects mirror them by hand
 * (docs/ARCHITECTURE.md). This test keeps the two in step: every column drizzle knows exists in the
 * migrated database with the same nullability and type family, and no table drizzle knows lacks a
 * column that the database requires (NOT NULL without a default) — an insert would fail there.
 */

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const tables = [accounts, audit, blobs, calendar, laws, organisation, throttle, recording]
  .flatMap((module) => Object.values(module))
  .filter((value): value is PgTable => is(value, PgTable))
  .map((table) => getTableConfig(table));

/** Type families, so that e.g. drizzle's `timestamp` matches `timestamp with time zone`. */
function family(sqlType: string): string {
  const t = sqlType.toLowerCase();
  if (t.startsWith('timestamp')) return 'timestamp';
  if (t.startsWith('character varying') || t.startsWith('varchar') || t === 'text') return 'text';
  if (['integer', 'bigint', 'smallint', 'numeric', 'real', 'double precision'].some((n) => t.startsWith(n))) return t.split('(')[0]!.replace('bigint', 'integer').replace('smallint', 'integer');
  if (t.endsWith('[]') || t === 'array') return 'array';
  return t.split('(')[0]!;
}

interface DbColumn {
  table_name: string;
  column_name: string;
  is_nullable: 'YES' | 'NO';
  data_type: string;
  column_default: string | null;
  is_identity: 'YES' | 'NO';
  is_generated: string;
}

describe('drizzle table objects and the migrated database', () => {
  it('knows the tables', () => {
    expect(tables.length).toBeGreaterThanOrEqual(25);
  });

  it('agree on every column, its nullability and its type', async () => {
    const rows = await t.database.query<DbColumn>(
      `select table_name, column_name, is_nullable, data_type, column_default, is_identity, is_generated
         from information_schema.columns where table_schema = 'public'`,
    );
    const db = new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, r]));
    const problems: string[] = [];
    for (const table of tables) {
      const known = new Set<string>();
      for (const column of table.columns) {
        const key = `${table.name}.${column.name}`;
        known.add(column.name);
        const actual = db.get(key);
        if (!actual) {
          problems.push(`${key}: in drizzle, not in the database`);
          continue;
        }
        if (column.notNull !== (actual.is_nullable === 'NO')) problems.push(`${key}: drizzle notNull=${column.notNull}, database ${actual.is_nullable === 'NO' ? 'NOT NULL' : 'nullable'}`);
        const ours = family(column.getSQLType());
        const theirs = family(actual.data_type === 'ARRAY' ? 'array' : actual.data_type);
        if (ours !== theirs) problems.push(`${key}: drizzle ${column.getSQLType()}, database ${actual.data_type}`);
      }
      for (const r of rows.filter((r) => r.table_name === table.name && !known.has(r.column_name))) {
        if (r.is_nullable === 'NO' && r.column_default === null && r.is_identity === 'NO' && r.is_generated === 'NEVER')
          problems.push(`${table.name}.${r.column_name}: required by the database, unknown to drizzle`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('map every table the migrations create (but the migrations ledger)', async () => {
    const rows = await t.database.query<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'schema_migrations'`,
    );
    const known = new Set(tables.map((x) => x.name));
    expect(rows.map((r) => r.table_name).filter((n) => !known.has(n)).sort()).toEqual([]);
  });
});
