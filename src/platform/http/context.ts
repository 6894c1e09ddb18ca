import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../../accounts/roles.js';
import type { AuditContext } from '../../audit/record.js';
import type { WorkingDayCalendarService } from '../../calendar/service.js';
import type { Config } from '../../config.js';
import type { Clock } from '../clock.js';
import type { Database, Tx } from '../db/database.js';
import { AppError } from '../errors.js';
import type { BlobStore } from '../storage/blob-store.js';

/** Everything a request handler may use; built once at start-up and injected (tests pass their own). */
export interface AppDeps {
  database: Database;
  clock: Clock;
  config: Config;
  store: BlobStore;
  calendar: WorkingDayCalendarService;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** Reachable without logging in (public portal, login). */
    public?: boolean;
  }
}

/** The Fastify instance with Zod as its type provider. */
export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

/** The logged-in actor; the auth hook has already rejected anonymous requests to non-public routes. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
}

/** Audit context (who, when, from where) for the current request. */
export function auditContext(request: FastifyRequest, deps: AppDeps): AuditContext {
  return { actor: request.actor, now: deps.clock.now(), ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
}

/** Runs a use case in one transaction: all of its writes and its audit record commit together or not at all. */
export function transaction<T>(deps: AppDeps, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return deps.database.db.transaction(fn);
}
