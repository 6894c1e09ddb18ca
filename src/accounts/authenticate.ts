import crypto from 'node:crypto';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../platform/db/database.js';
import { regions, agencies } from '../organisation/tables.js';
import type { Actor, Role } from './roles.js';
import { apiTokens, sessions, users } from './tables.js';

export const SESSION_COOKIE = 'sx_session';
export const CSRF_HEADER = 'x-csrf-token';

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const randomToken = (prefix = '') => prefix + crypto.randomBytes(32).toString('base64url');

export interface RequestMeta {
  ip: string;
  userAgent: string | null;
}

/** Opens a session; only the token's hash is stored. */
export async function createSession(
  tx: Tx,
  userId: string,
  now: Date,
  ttlMinutes: number,
  meta: RequestMeta,
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + ttlMinutes * 60_000);
  await tx.insert(sessions).values({
    id: sha256(token),
    userId,
    csrfToken,
    createdAt: now,
    expiresAt,
    ip: meta.ip,
    userAgent: meta.userAgent,
  });
  return { token, csrfToken, expiresAt };
}

export async function revokeSession(tx: Tx, token: string, now: Date): Promise<void> {
  await tx.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.id, sha256(token)), isNull(sessions.revokedAt)));
}

/** Ends every open session of a user ("log out everywhere"); returns how many were open. */
export async function revokeAllSessions(tx: Tx, userId: string, now: Date): Promise<number> {
  const ended = await tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return ended.length;
}

/**
 * Ends every session and revokes every API token of a user: after a password reset or when the
 * account is disabled, nothing issued under the old password may still work.
 */
export async function revokeAllCredentials(tx: Tx, userId: string, now: Date): Promise<{ sessions: number; tokens: number }> {
  const endedSessions = await revokeAllSessions(tx, userId, now);
  const revokedTokens = await tx
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return { sessions: endedSessions, tokens: revokedTokens.length };
}

/** Issues an API token for machine clients (shown once; stored hashed). Every token expires. */
export async function createApiToken(tx: Tx, userId: string, name: string, now: Date, expiresAt: Date) {
  const token = randomToken('sx_');
  const [row] = await tx
    .insert(apiTokens)
    .values({ userId, name, tokenHash: sha256(token), createdAt: now, expiresAt })
    .returning({ id: apiTokens.id });
  return { id: row!.id, token };
}

/** A user's own API tokens, newest first (never the hash). */
export function listApiTokens(db: Db, userId: string) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt));
}

/**
 * Revokes one of the user's own tokens. Returns false when the user holds no token with that id
 * (someone else's token is "not found", so ids cannot be probed). Revoking twice keeps the first time.
 */
export async function revokeApiToken(tx: Tx, userId: string, tokenId: string, now: Date): Promise<boolean> {
  const [own] = await tx
    .select({ id: apiTokens.id })
    .from(apiTokens)
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId)));
  if (!own) return false;
  await tx.update(apiTokens).set({ revokedAt: now }).where(and(eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)));
  return true;
}

/** Builds the actor for a user row, resolving a supervisor's region scope to its path. */
export async function actorForUser(
  db: Db,
  userId: string,
  meta: RequestMeta,
  via: Actor['via'],
): Promise<Actor | null> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user || user.disabled) return null;
  let scopeRegionCode = user.scopeRegionCode;
  if (!scopeRegionCode && user.roles.includes('supervisor') && user.agencyId) {
    const [agency] = await db.select({ code: agencies.regionCode }).from(agencies).where(eq(agencies.id, user.agencyId));
    scopeRegionCode = agency?.code ?? null;
  }
  let scopeRegionPath: string | null = null;
  if (scopeRegionCode) {
    const [region] = await db.select({ path: regions.path }).from(regions).where(eq(regions.code, scopeRegionCode));
    scopeRegionPath = region?.path ?? null;
  }
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles as Role[],
    agencyId: user.agencyId,
    scopeRegionCode,
    scopeRegionPath,
    ip: meta.ip,
    userAgent: meta.userAgent,
    via,
  };
}

/** Resolves a session cookie to its actor and CSRF token, or null when absent, expired or revoked. */
export async function actorFromSession(db: Db, token: string, now: Date, meta: RequestMeta) {
  const [session] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, sha256(token)), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)));
  if (!session) return null;
  const actor = await actorForUser(db, session.userId, meta, 'session');
  return actor ? { actor, csrfToken: session.csrfToken } : null;
}

/** Resolves a bearer API token to its actor. */
export async function actorFromApiToken(db: Db, token: string, now: Date, meta: RequestMeta) {
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, sha256(token)), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, now)));
  if (!row) return null;
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
  return actorForUser(db, row.userId, meta, 'token');
}

/** Constant-time comparison of CSRF tokens. */
export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
