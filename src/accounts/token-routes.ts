import { z } from 'zod';
import { recordAudit } from '../audit/record.js';
import { AppError } from '../platform/errors.js';
import { actorOf, auditContext } from './request-context.js';
import { transaction } from '../platform/db/transaction.js';
import type { App } from '../platform/http/app.js';
import type { AppDeps } from '../deps.js';
import { errorBody } from '../platform/http/schemas.js';
import { createApiToken, listApiTokens, revokeApiToken } from './authenticate.js';

/** The longest life an API token may be given. */
const MAX_TOKEN_DAYS = 365;

const tokenOut = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.date(),
  expiresAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});

/** Allow-lists a token row: never the hash. */
const presentToken = (t: z.infer<typeof tokenOut>): z.infer<typeof tokenOut> => ({
  id: t.id,
  name: t.name,
  createdAt: t.createdAt,
  expiresAt: t.expiresAt,
  lastUsedAt: t.lastUsedAt,
  revokedAt: t.revokedAt,
});

/** 接口令牌 — a user's own API tokens for machine clients: create (shown once), list, revoke. */
export async function tokenRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;

  app.get(
    '/api/auth/tokens',
    {
      schema: {
        tags: ['accounts'],
        summary: '我的接口令牌 One’s own API tokens (never the secret)',
        response: { 200: z.object({ items: z.array(tokenOut) }) },
      },
    },
    async (request) => ({ items: (await listApiTokens(db, actorOf(request).userId)).map(presentToken) }),
  );

  app.post(
    '/api/auth/tokens',
    {
      schema: {
        tags: ['accounts'],
        summary: '创建接口令牌 Create an API token for a machine client (shown once; expires, 90 days by default)',
        body: z.object({ name: z.string().trim().min(1).max(100), expiresInDays: z.number().int().min(1).max(MAX_TOKEN_DAYS).optional() }),
        response: { 201: tokenOut.extend({ token: z.string() }), 403: errorBody },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      // A leaked token must not be able to mint tokens that outlive it.
      if (actor.via !== 'session') throw new AppError('TOKEN_NEEDS_SESSION');
      const now = deps.clock.now();
      const days = request.body.expiresInDays ?? deps.config.apiTokenDefaultDays;
      const expiresAt = new Date(now.getTime() + days * 86_400_000);
      const created = await transaction(deps.database, async (tx) => {
        const t = await createApiToken(tx, actor.userId, request.body.name, now, expiresAt);
        await recordAudit(tx, auditContext(request, deps), {
          action: 'auth.token_created',
          subjectType: 'api_token',
          subjectId: t.id,
          agencyId: actor.agencyId,
          detail: { name: request.body.name, expiresAt: expiresAt.toISOString() },
        });
        return t;
      });
      const view = presentToken({ id: created.id, name: request.body.name, createdAt: now, expiresAt, lastUsedAt: null, revokedAt: null });
      return reply.status(201).send({ ...view, token: created.token });
    },
  );

  app.delete(
    '/api/auth/tokens/:id',
    {
      schema: {
        tags: ['accounts'],
        summary: '吊销接口令牌 Revoke one of one’s own API tokens',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.undefined(), 404: errorBody },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await transaction(deps.database, async (tx) => {
        if (!(await revokeApiToken(tx, actor.userId, request.params.id, deps.clock.now()))) throw new AppError('NOT_FOUND');
        await recordAudit(tx, auditContext(request, deps), { action: 'auth.token_revoked', subjectType: 'api_token', subjectId: request.params.id, agencyId: actor.agencyId });
      });
      return reply.status(204).send();
    },
  );
}
