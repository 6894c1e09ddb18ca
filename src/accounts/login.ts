import { eq } from 'drizzle-orm';
import type { Config } from '../config.js';
import { recordAudit } from '../audit/record.js';
import type { Database } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { createSession, type RequestMeta } from './authenticate.js';
import { dummyHash, verifyPassword } from './passwords.js';
import { users } from './tables.js';

/**
 * Logs a user in. A wrong password counts towards the lockout and is recorded even though the
 * request fails; a locked account stays locked for `loginLockMinutes` whatever password is given.
 */
export async function login(
  database: Database,
  config: Config,
  now: Date,
  meta: RequestMeta,
  input: { username: string; password: string },
) {
  const [user] = await database.db.select().from(users).where(eq(users.username, input.username));
  if (!user) {
    await verifyPassword(await dummyHash(), input.password);
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.lockedUntil && user.lockedUntil > now) throw new AppError('ACCOUNT_LOCKED');
  const ok = await verifyPassword(user.passwordHash, input.password);
  const ctx = { actor: null, now, ip: meta.ip, userAgent: meta.userAgent };
  if (!ok) {
    const failures = user.failedLogins + 1;
    const locked = failures >= config.loginMaxFailures;
    await database.db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({
          failedLogins: locked ? 0 : failures,
          lockedUntil: locked ? new Date(now.getTime() + config.loginLockMinutes * 60_000) : user.lockedUntil,
        })
        .where(eq(users.id, user.id));
      await recordAudit(tx, ctx, {
        action: 'auth.login_failed',
        subjectType: 'user',
        subjectId: user.id,
        agencyId: user.agencyId,
        detail: { username: user.username, failures, locked },
      });
    });
    throw new AppError(locked ? 'ACCOUNT_LOCKED' : 'INVALID_CREDENTIALS');
  }
  if (user.disabled) throw new AppError('ACCOUNT_DISABLED');
  return database.db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, user.id));
    const session = await createSession(tx, user.id, now, config.sessionTtlMinutes, meta);
    await recordAudit(tx, ctx, {
      action: 'auth.login',
      subjectType: 'user',
      subjectId: user.id,
      agencyId: user.agencyId,
      detail: { username: user.username },
    });
    return { userId: user.id, ...session };
  });
}
