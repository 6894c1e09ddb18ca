import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { agencies, regions } from '../organisation/tables.js';
import type { Db } from '../platform/db/database.js';
import { actorOf, auditContext } from './request-context.js';
import { transaction } from '../platform/db/transaction.js';
import type { App } from '../platform/http/app.js';
import type { AppDeps, AppModule } from '../deps.js';
import { errorBody, idParams, pageQuery } from '../platform/http/schemas.js';
import { actorForUser, revokeAllSessions, revokeSession, SESSION_COOKIE } from './authenticate.js';
import { capabilitiesOf, type Capabilities } from './capabilities.js';
import { auditPage, auditQuery, listAuditEvents } from './audit-log.js';
import { lockedUsernames, login } from './login.js';
import { assertMayEditUser, assertMayGrant, createUser, mayEditUser, rolesGrantableSomewhere, updateUser } from './manage-users.js';
import { accountsPolicy } from './policy.js';
import { ROLES, hasRole, type Actor, type Role } from './roles.js';
import { agencyScopeCondition, allowed, authorize, loadAgencyRef } from './scope.js';
import { recordAudit } from '../audit/record.js';
import { users } from './tables.js';

const role = z.enum(ROLES);

const userOut = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(role),
  agencyId: z.uuid().nullable(),
  agencyName: z.string().nullable(),
  scopeRegionCode: z.string().nullable(),
  disabled: z.boolean(),
  locked: z.boolean(),
  lastLoginAt: z.date().nullable(),
  /** Whether the current user may edit this account (they could grant every role it holds). */
  editable: z.boolean(),
});

const meOut = z.object({
  user: z.object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(role),
    agencyId: z.uuid().nullable(),
    agencyName: z.string().nullable(),
    scopeRegionCode: z.string().nullable(),
  }),
  csrfToken: z.string().nullable(),
  /** What the user may do, so the UI never re-derives the rules. */
  can: z.record(z.string(), z.boolean()),
  /** Roles the user may grant to some account (issue 7: never more than they hold). */
  grantableRoles: z.array(role),
});

async function agencyName(db: Db, id: string | null) {
  if (!id) return null;
  const [row] = await db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, id));
  return row?.name ?? null;
}

/**
 * Accounts: login/logout, the current user and what they may do (`capabilities`, assembled by the
 * composition root from every module's policy), user management, audit log reading. API tokens: token-routes.ts.
 */
export const accountsRoutes =
  (capabilities: Capabilities): AppModule =>
  (app, deps) =>
    accounts(app, deps, capabilities);

async function accounts(app: App, deps: AppDeps, capabilities: Capabilities) {
  const { db } = deps.database;

  const presentUser = (u: typeof users.$inferSelect, name: string | null, editable: boolean, locked: Set<string>) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles as z.infer<typeof role>[],
    agencyId: u.agencyId,
    agencyName: name,
    scopeRegionCode: u.scopeRegionCode,
    disabled: u.disabled,
    locked: locked.has(u.username),
    lastLoginAt: u.lastLoginAt,
    editable,
  });

  const me = async (actor: Actor, csrfToken: string | null) => ({
    user: {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      roles: actor.roles,
      agencyId: actor.agencyId,
      agencyName: await agencyName(db, actor.agencyId),
      scopeRegionCode: actor.scopeRegionCode,
    },
    csrfToken,
    can: capabilitiesOf(capabilities, actor),
    grantableRoles: rolesGrantableSomewhere(actor),
  });

  app.post(
    '/api/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['accounts'],
        summary: '登录 Log in',
        body: z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) }),
        response: { 200: meOut, 401: errorBody, 403: errorBody, 429: errorBody },
      },
    },
    async (request, reply) => {
      const meta = { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
      const session = await login(deps.database, deps.config, deps.clock.now(), meta, request.body);
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.config.cookieSecure,
        expires: session.expiresAt,
      });
      const actor = (await actorForUser(db, session.userId, meta, 'session'))!;
      return me(actor, session.csrfToken);
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['accounts'], summary: '退出 Log out', response: { 204: z.undefined() } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) {
        await transaction(deps.database, async (tx) => {
          await revokeSession(tx, token, deps.clock.now());
          await recordAudit(tx, auditContext(request, deps), { action: 'auth.logout', subjectType: 'user', subjectId: actorOf(request).userId });
        });
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/auth/logout-all',
    { schema: { tags: ['accounts'], summary: '退出所有登录 End every session of one’s own (API tokens stay; revoke them one by one)', response: { 204: z.undefined() } } },
    async (request, reply) => {
      const actor = actorOf(request);
      await transaction(deps.database, async (tx) => {
        const ended = await revokeAllSessions(tx, actor.userId, deps.clock.now());
        await recordAudit(tx, auditContext(request, deps), { action: 'auth.logout_all', subjectType: 'user', subjectId: actor.userId, agencyId: actor.agencyId, detail: { sessions: ended } });
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { tags: ['accounts'], summary: '当前用户 Current user', response: { 200: meOut, 401: errorBody } } },
    async (request) => me(actorOf(request), request.csrfToken),
  );

  app.get(
    '/api/users',
    {
      schema: {
        tags: ['accounts'],
        summary: '用户列表 Users in scope',
        querystring: z.object({ agencyId: z.uuid().optional(), ...pageQuery }),
        response: { 200: z.object({ items: z.array(userOut), total: z.number() }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(accountsPolicy, actor, 'user.read');
      const { agencyId, limit, offset } = request.query;
      const where = and(
        hasRole(actor, 'system_admin') ? undefined : agencyScopeCondition(actor, users.agencyId),
        agencyId ? eq(users.agencyId, agencyId) : undefined,
      );
      const rows = await db
        .select({ u: users, agencyName: agencies.name, regionCode: agencies.regionCode, regionPath: regions.path })
        .from(users)
        .leftJoin(agencies, eq(agencies.id, users.agencyId))
        .leftJoin(regions, eq(regions.code, agencies.regionCode))
        .where(where)
        .orderBy(users.username)
        .limit(limit)
        .offset(offset);
      const [{ count }] = (await db.select({ count: sql<number>`count(*)::int` }).from(users).where(where)) as [{ count: number }];
      const agencyOf = (r: (typeof rows)[number]) => (r.u.agencyId && r.regionCode && r.regionPath ? { id: r.u.agencyId, regionCode: r.regionCode, regionPath: r.regionPath } : null);
      const locked = await lockedUsernames(db, deps.config, rows.map((r) => r.u.username), deps.clock.now());
      return { items: rows.map((r) => presentUser(r.u, r.agencyName, mayEditUser(actor, agencyOf(r), r.u.roles as Role[]), locked)), total: count };
    },
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags: ['accounts'],
        summary: '创建用户 Create a user',
        body: z.object({
          username: z.string().trim().regex(/^[A-Za-z0-9_.-]{3,64}$/),
          displayName: z.string().trim().min(1).max(100),
          password: z.string().min(1).max(256),
          agencyId: z.uuid().nullable(),
          roles: z.array(role).min(1),
          scopeRegionCode: z.string().regex(/^\d{6}(\d{3})?$/).nullish(),
        }),
        response: { 201: userOut, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const body = request.body;
      const agency = body.agencyId ? await loadAgencyRef(db, body.agencyId) : null;
      authorize(accountsPolicy, actor, 'user.manage', agency ?? undefined);
      assertMayGrant(actor, agency, body.roles, body.scopeRegionCode);
      const user = await transaction(deps.database, (tx) => createUser(tx, auditContext(request, deps), body));
      return reply.status(201).send(presentUser(user, await agencyName(db, user.agencyId), mayEditUser(actor, agency, body.roles), new Set()));
    },
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['accounts'],
        summary: '修改用户 Update a user (roles, password, disable, unlock)',
        params: idParams,
        body: z.object({
          displayName: z.string().trim().min(1).max(100).optional(),
          roles: z.array(role).min(1).optional(),
          disabled: z.boolean().optional(),
          password: z.string().min(1).max(256).optional(),
          unlock: z.boolean().optional(),
        }),
        response: { 200: userOut, 400: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { user, agency } = await transaction(deps.database, async (tx) => {
        const agency = await assertMayEditUser(tx, actor, request.params.id, request.body.roles);
        return { user: await updateUser(tx, auditContext(request, deps), request.params.id, request.body), agency };
      });
      const locked = await lockedUsernames(db, deps.config, [user.username], deps.clock.now());
      return presentUser(user, await agencyName(db, user.agencyId), mayEditUser(actor, agency, user.roles as Role[]), locked);
    },
  );

  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['accounts'],
        summary: '审计日志 Audit log in scope, newest first',
        querystring: auditQuery,
        response: { 200: auditPage },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(accountsPolicy, actor, 'audit.read');
      return listAuditEvents(db, actor, request.query);
    },
  );
}
