import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { seedCalendarFromPackage } from '../src/calendar/service.js';
import { importShippedLaws } from '../src/lists/laws/import-laws.js';
import { openDatabase } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrate.js';
import { DEFAULT_APP_ROLE, ensureLoginRole, grantApplicationPrivileges } from '../src/platform/db/roles.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: path of a migrated data-dir tarball. PostgreSQL: name of a migrated template database. */
    dbTemplate: string;
  }
}

/** Builds one migrated database (calendar seeded, shipped law texts imported, as at a first start) that every test file clones. */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `sanxiang_tpl_${process.pid}`;
    const admin = await openDatabase({ databaseUrl: url });
    await admin.exec(`drop database if exists ${name}`);
    await admin.exec(`create database ${name}`);
    const template = await openDatabase({ databaseUrl: withDatabase(url, name) });
    await migrate(template);
    await seedCalendarFromPackage(template.db, { actor: null, now: new Date() });
    await importShippedLaws(template.db, { actor: null, now: new Date(), label: 'system' });
    // Tests on PostgreSQL run the application as the production application role (see roles.ts):
    // a test that needed more than that role holds would fail here, not in production.
    await ensureLoginRole(template, DEFAULT_APP_ROLE);
    await grantApplicationPrivileges(template, DEFAULT_APP_ROLE);
    await template.close();
    project.provide('dbTemplate', name);
    return async () => {
      // Test databases cloned from the template are dropped by each file; drop the template last.
      // Only this run's databases (named after its template), so parallel runs leave each other alone.
      const dbs = await admin.query<{ datname: string }>(`select datname from pg_database where datname like $1 order by datname desc`, [`${name.replaceAll('_', '\\_')}%`]);
      for (const { datname } of dbs) await admin.exec(`drop database if exists ${datname} with (force)`).catch(() => undefined);
      await admin.close();
    };
  }
  const database = await openDatabase({});
  await migrate(database);
  await seedCalendarFromPackage(database.db, { actor: null, now: new Date() });
  await importShippedLaws(database.db, { actor: null, now: new Date(), label: 'system' });
  const dump = await database.dumpDataDir!();
  const file = path.resolve('.tmp', `pglite-template-${process.pid}.tar.gz`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('dbTemplate', file);
  return () => fs.rmSync(file, { force: true });
}

export function withDatabase(url: string, name: string, user?: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  if (user) {
    u.username = user;
    u.password = '';
  }
  return u.toString();
}
