import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');

/** An arbitrary constant: one migrator at a time across servers sharing a PostgreSQL database. */
const MIGRATION_LOCK = 5_230_118;

/**
 * Applies the plain-SQL migrations in `migrations/` that have not run yet, in file-name order,
 * each in its own transaction. Forward-only: a migration that changed after it was applied is an
 * error, never silently re-run.
 */
export async function migrate(database: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const applied: string[] = [];
  const run = async () => {
    await database.exec(`create table if not exists schema_migrations (
      name text primary key, checksum text not null, applied_at timestamptz not null default now())`);
    const done = new Map(
      (await database.query<{ name: string; checksum: string }>('select name, checksum from schema_migrations')).map(
        (r) => [r.name, r.checksum],
      ),
    );
    for (const file of files) {
      const sql = fs.readFileSync(path.join(dir, file), 'utf8');
      const checksum = crypto.createHash('sha256').update(sql).digest('hex');
      const previous = done.get(file);
      if (previous !== undefined) {
        if (previous !== checksum) throw new Error(`Migration ${file} was changed after it was applied`);
        continue;
      }
      await database.transaction(async (t) => {
        await t.exec(sql);
        await t.query('insert into schema_migrations (name, checksum) values ($1, $2)', [file, checksum]);
      });
      applied.push(file);
    }
  };
  if (database.kind === 'postgres') {
    await database.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await run();
    } finally {
      await database.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } else {
    await run();
  }
  return applied;
}
