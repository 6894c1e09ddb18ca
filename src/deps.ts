import type { WorkingDayCalendarService } from './calendar/service.js';
import type { Config } from './config.js';
import type { Clock } from './platform/clock.js';
import type { Database } from './platform/db/database.js';
import type { Module } from './platform/http/app.js';
import type { BlobStore } from './platform/storage/blob-store.js';

/**
 * Everything a request handler may use; built once at start-up (server.ts) and injected (tests pass
 * their own). It sits above the domain modules because it holds their services (the calendar):
 * only routes files and the composition root import it; use cases declare the narrow part they need.
 */
export interface AppDeps {
  database: Database;
  clock: Clock;
  config: Config;
  store: BlobStore;
  calendar: WorkingDayCalendarService;
}

/** An HTTP module of this application (modules.ts lists them). */
export type AppModule = Module<AppDeps>;
