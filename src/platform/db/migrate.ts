import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../project-root.js';
import type { Database } from './database.js';
import { grantApplicationPrivileges, roleExists } from './roles.js';

export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'migrations');

/** An arbitrary constant: one migrator at a time across servers sharing a PostgreSQL database. */
const MIGRATION_LOCK = 5_230_118;

export interface MigrateOptions {
  /** Where the .sql files are (the repository's migrations/ by default). */
  dir?: string;
  /**
   * The application role (DATABASE_APP_ROLE): when it exists, its privileges are granted afresh
   * after the migrations, so a new table is covered at once (see roles.ts).
   */
  appRole?: string;
}

/**
 * Applies the plain-SQL migrations in `migrations/` that have not run yet, in file-name order,
 * each in its own transaction. Forward-only: a migration that changed after it was applied is an
 * error, never silently re-run. An up-to-date database is only read, so the application role
 * (which may not create anything) can check it at start.
 */
export async function migrate(database: Database, options: MigrateOptions = {}): Promise<string[]> {
  const dir = options.dir ?? MIGRATIONS_DIR;
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const applied: string[] = [];
  const run = async () => {
    const [{ exists }] = (await database.query<{ exists: boolean }>(`select to_regclass('schema_migrations') is not null as exists`)) as [
      { exists: boolean },
    ];
    if (!exists) {
      await database.exec(`create table schema_migrations (
        name text primary key, checksum text not null, applied_at timestamptz not null default now())`);
    }
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
      await database
        .transaction(async (t) => {
          await t.exec(sql);
          await t.query('insert into schema_migrations (name, checksum) values ($1, $2)', [file, checksum]);
        })
        .catch((error: unknown) => {
          if ((error as { code?: string }).code !== '42501') throw error;
          throw new Error(
            `Migration ${file} is pending but this database role may not apply it: run \`sanxiang migrate\` as the owner role ` +
              `(MIGRATION_DATABASE_URL), then start the server. 待执行的数据库迁移须以属主角色运行。`,
          );
        });
      applied.push(file);
    }
    if (options.appRole && applied.length > 0 && (await roleExists(database, options.appRole))) {
      await grantApplicationPrivileges(database, options.appRole);
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
