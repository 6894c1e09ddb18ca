import { eq } from 'drizzle-orm';
import type { Config } from '../config.js';
import { recordAudit, type AuditContext } from '../audit/record.js';
import type { Database, Db, Tx } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { clear, clientAddressKey, hit, peek, purgeExpired, refuseOverLimit, type ThrottleRule } from '../platform/throttle.js';
import { createSession, type RequestMeta } from './authenticate.js';
import { dummyHash, verifyPassword } from './passwords.js';
import { users } from './tables.js';

/**
 * The throttle key of an account name. Keyed by the name as typed (normalised), not by the user
 * row, so an unknown name is counted and refused exactly like a known one and the answers cannot
 * tell which names exist.
 */
export const accountThrottleKey = (username: string) => `login:account:${username.normalize('NFKC').trim().toLowerCase()}`;
const addressThrottleKey = (ip: string) => `login:address:${clientAddressKey(ip)}`;

const accountRule = (config: Config): ThrottleRule => ({ windowSeconds: config.loginLockMinutes * 60, limit: config.loginMaxFailures });
const addressRule = (config: Config): ThrottleRule => ({ windowSeconds: config.loginLockMinutes * 60, limit: config.loginMaxFailuresPerIp });

/** How the audit log names a user, as it names a logged-in actor (src/audit/record.ts). */
const userLabel = (user: { displayName: string; username: string }) => `${user.displayName} (${user.username})`;

/**
 * Logs a user in. Failures are counted atomically per account name and per client address; at the
 * limit of either, every login is refused with 429 LOGIN_THROTTLED (even with the right password)
 * until the window ends. A known and an unknown account name get the same answers, in the same
 * time (the password is always checked against a hash), at every count.
 */
export async function login(
  database: Database,
  config: Config,
  now: Date,
  meta: RequestMeta,
  input: { username: string; password: string },
) {
  const accountKey = accountThrottleKey(input.username);
  const addressKey = addressThrottleKey(meta.ip);
  const live = await peek(database.db, [accountKey, addressKey], now);
  refuseOverLimit(live.get(accountKey), config.loginMaxFailures, now, 'LOGIN_THROTTLED');
  refuseOverLimit(live.get(addressKey), config.loginMaxFailuresPerIp, now, 'LOGIN_THROTTLED');

  const [user] = await database.db.select().from(users).where(eq(users.username, input.username));
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), input.password);
  const ctx: AuditContext = { actor: null, now, ip: meta.ip, userAgent: meta.userAgent };
  if (!user || !ok) {
    // Its own transaction: the count and the audit record must commit although the request fails.
    const { account, address } = await database.db.transaction(async (tx) => {
      const account = await hit(tx, accountKey, now, accountRule(config));
      const address = await hit(tx, addressKey, now, addressRule(config));
      // The audit log names the account tried (never the client's answer, which stays the same
      // for known and unknown names); nobody is proven to be its user, so no actor id.
      const tried = { ...ctx, label: user ? userLabel(user) : ctx.label };
      await recordAudit(tx, tried, {
        action: 'auth.login_failed',
        subjectType: 'user',
        subjectId: user?.id ?? null,
        agencyId: user?.agencyId ?? null,
        detail: {
          username: input.username.slice(0, 64),
          knownUser: !!user,
          failures: account.count,
          failuresFromAddress: address.count,
          locked: account.count >= config.loginMaxFailures || address.count >= config.loginMaxFailuresPerIp,
        },
      });
      return { account, address };
    });
    // A new window means a new row; now and then is often enough to sweep the ended ones.
    if (account.count === 1 || address.count === 1) await purgeExpired(database.db, now);
    refuseOverLimit(account, config.loginMaxFailures, now, 'LOGIN_THROTTLED');
    refuseOverLimit(address, config.loginMaxFailuresPerIp, now, 'LOGIN_THROTTLED');
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.disabled) throw new AppError('ACCOUNT_DISABLED');
  return database.db.transaction(async (tx) => {
    await clear(tx, accountKey);
    await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
    const session = await createSession(tx, user.id, now, config.sessionTtlMinutes, meta);
    await recordAudit(tx, { ...ctx, actorUserId: user.id, label: userLabel(user) }, {
      action: 'auth.login',
      subjectType: 'user',
      subjectId: user.id,
      agencyId: user.agencyId,
      detail: { username: user.username },
    });
    return { userId: user.id, ...session };
  });
}

/** The user names among `usernames` whose logins are refused right now (for the users list). */
export async function lockedUsernames(db: Db, config: Config, usernames: string[], now: Date): Promise<Set<string>> {
  const live = await peek(db, usernames.map(accountThrottleKey), now);
  return new Set(usernames.filter((u) => (live.get(accountThrottleKey(u))?.count ?? 0) >= config.loginMaxFailures));
}

/** An administrator's unlock: forgets the account name's failures. */
export function unlockAccount(tx: Tx, username: string): Promise<void> {
  return clear(tx, accountThrottleKey(username));
}
