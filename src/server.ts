import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { seedCalendarFromPackage, WorkingDayCalendarService } from './calendar/service.js';
import type { Config } from './config.js';
import { importShippedLaws } from './lists/laws/import-laws.js';
import { systemClock, type Clock } from './platform/clock.js';
import { openDatabase, type Database } from './platform/db/database.js';
import { migrate } from './platform/db/migrate.js';
import { openPgliteFromTemplate } from './platform/db/template.js';
import { templateContent } from './template-content.js';
import type { AppDeps } from './deps.js';
import { createBlobStore } from './platform/storage/create-store.js';

/**
 * Opens the configured database (PGlite under DATA_DIR, or DATABASE_URL) and applies migrations,
 * through MIGRATION_DATABASE_URL (the owner role) when it is set.
 */
export async function openAndMigrate(config: Config): Promise<Database> {
  if (config.migrationDatabaseUrl) {
    const owner = await openDatabase({ databaseUrl: config.migrationDatabaseUrl });
    try {
      await migrate(owner, { appRole: config.databaseAppRole });
    } finally {
      await owner.close();
    }
  }
  const dataDir = path.join(config.dataDir, 'pgdata');
  // A new embedded database starts from the migrated template `npm run build` wrote, if current.
  const database = config.databaseUrl ? await openDatabase({ databaseUrl: config.databaseUrl }) : await openPgliteFromTemplate(dataDir, templateContent);
  try {
    await migrate(database, { appRole: config.databaseAppRole });
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/** Builds the dependencies: calendar seeded and loaded, shipped law texts imported, blob store opened. */
export async function createDeps(database: Database, config: Config, clock: Clock = systemClock): Promise<AppDeps> {
  await seedCalendarFromPackage(database.db, { actor: null, now: clock.now(), label: 'system' });
  await importShippedLaws(database.db, { actor: null, now: clock.now(), label: 'system' });
  const calendar = new WorkingDayCalendarService(database.db);
  await calendar.reload();
  return { database, clock, config, store: await createBlobStore(config), calendar };
}

/** Loads the HTTP layer: Fastify, every module's routes and their schemas — most of the server's code. */
export function loadHttpModules() {
  return Promise.all([import('./platform/http/app.js'), import('./modules.js')]);
}

/**
 * The HTTP application with every module's routes. Its modules (Fastify, the routes and their
 * schemas: most of the server's code) load here, not when this file does, so that `serve` can
 * start opening the database first and load them meanwhile (issue 8).
 */
export async function createServer(deps: AppDeps, logger: boolean | object = false): Promise<FastifyInstance> {
  const [{ buildApp }, { authentication, modules }] = await loadHttpModules();
  return buildApp(deps, modules, { authentication, logger });
}
