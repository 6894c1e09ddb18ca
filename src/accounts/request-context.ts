import type { FastifyRequest } from 'fastify';
import type { AuditContext } from '../audit/record.js';
import type { Clock } from '../platform/clock.js';
import { AppError } from '../platform/errors.js';
import type { Actor } from './roles.js';

// The request as the accounts module's auth hook (auth-hook.ts) leaves it.
declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
  }
}

/** The logged-in actor; the auth hook has already rejected anonymous requests to non-public routes. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
}

/** Audit context (who, when, from where) for the current request. */
export function auditContext(request: FastifyRequest, deps: { clock: Clock }): AuditContext {
  return { actor: request.actor, now: deps.clock.now(), ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
}
