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

/** SQLSTATEs after which the whole transaction may simply run again: deadlock_detected, serialization_failure. */
const RETRYABLE = new Set(['40P01', '40001']);

function sqlState(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } };
  const code = e?.cause?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Runs a use case in one transaction: all of its writes and its audit record commit together or
 * not at all. Two transactions that lock the same chain heads (a case, an agency's audit chain) in
 * opposite orders can deadlock; PostgreSQL then aborts one, which is run again from the start.
 */
export async function transaction<T>(deps: AppDeps, fn: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.database.db.transaction(fn);
    } catch (error) {
      if (attempt >= 3 || !RETRYABLE.has(sqlState(error) ?? '')) throw error;
    }
  }
}
