import net from 'node:net';
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { ErrorCode } from '../i18n/errors.js';
import type { Db, Tx } from './db/database.js';
import { AppError } from './errors.js';

/**
 * Throttles: counters in the database, one row per key, counted in a fixed time window. Every
 * change is one atomic `INSERT ... ON CONFLICT DO UPDATE ... RETURNING`, so requests sent in
 * parallel cannot read the same count and write back the same increment (the lost-update bug that
 * let 36 parallel wrong passwords through).
 */

export const throttleCounters = pgTable('throttle_counters', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  windowEndsAt: timestamp('window_ends_at', { withTimezone: true, mode: 'date' }).notNull(),
});

export interface ThrottleState {
  /** Events counted in the current window, this one included. */
  count: number;
  /** When the window ends and the count starts again from zero. */
  windowEndsAt: Date;
}

export interface ThrottleRule {
  windowSeconds: number;
  /** The count at which the key is blocked. The event that reaches it restarts the window, so a block lasts a full window. */
  limit: number;
}

/** Counts one event under `key` and returns the count in the current window. */
export async function hit(tx: Tx | Db, key: string, now: Date, rule: ThrottleRule): Promise<ThrottleState> {
  const nowText = now.toISOString();
  const windowEnd = new Date(now.getTime() + rule.windowSeconds * 1000);
  const expired = sql`${throttleCounters.windowEndsAt} <= ${nowText}::timestamptz`;
  const [row] = await tx
    .insert(throttleCounters)
    .values({ key, count: 1, windowEndsAt: windowEnd })
    .onConflictDoUpdate({
      target: throttleCounters.key,
      set: {
        count: sql`case when ${expired} then 1 else ${throttleCounters.count} + 1 end`,
        windowEndsAt: sql`case when ${expired} or ${throttleCounters.count} + 1 = ${rule.limit} then ${windowEnd.toISOString()}::timestamptz else ${throttleCounters.windowEndsAt} end`,
      },
    })
    .returning({ count: throttleCounters.count, windowEndsAt: throttleCounters.windowEndsAt });
  return row!;
}

/** The live counts of the given keys (keys without a live window are absent). */
export async function peek(db: Db | Tx, keys: string[], now: Date): Promise<Map<string, ThrottleState>> {
  if (!keys.length) return new Map();
  const rows = await db
    .select()
    .from(throttleCounters)
    .where(and(inArray(throttleCounters.key, keys), gt(throttleCounters.windowEndsAt, now)));
  return new Map(rows.map((r) => [r.key, { count: r.count, windowEndsAt: r.windowEndsAt }]));
}

/**
 * Deletes counters whose window has ended (they mean the same as no row), so names sprayed by an
 * attacker do not pile up. Run it on its own, outside a use case's transaction: SKIP LOCKED means
 * it never waits for a counter in use, and holding no other lock it cannot deadlock with one.
 */
export async function purgeExpired(db: Db, now: Date, batch = 500): Promise<void> {
  await db.execute(sql`delete from throttle_counters where key in (
    select key from throttle_counters where window_ends_at <= ${now.toISOString()}::timestamptz
    order by window_ends_at limit ${batch} for update skip locked)`);
}

/** Forgets the count of `key` (a successful login, an administrator's unlock). */
export async function clear(tx: Tx | Db, key: string): Promise<void> {
  await tx.delete(throttleCounters).where(eq(throttleCounters.key, key));
}

/** A 429 answer that tells the client when to try again (the Retry-After header). */
export class ThrottledError extends AppError {
  constructor(
    code: ErrorCode,
    readonly retryAfterSeconds: number,
  ) {
    super(code);
  }
}

/** Seconds until the window ends when the state is at or over `limit`; null when under it. */
export function retryAfter(state: ThrottleState | undefined, limit: number, now: Date): number | null {
  if (!state || state.count < limit || state.windowEndsAt <= now) return null;
  return Math.max(1, Math.ceil((state.windowEndsAt.getTime() - now.getTime()) / 1000));
}

/** Throws `code` (a 429) with Retry-After when the state is at or over its limit. */
export function refuseOverLimit(state: ThrottleState | undefined, limit: number, now: Date, code: ErrorCode): void {
  const seconds = retryAfter(state, limit, now);
  if (seconds !== null) throw new ThrottledError(code, seconds);
}

/**
 * The part of a client address that identifies one client: an IPv4 address as is, an IPv6 address
 * by its /64 prefix (one subscriber usually holds a whole /64, so counting single IPv6 addresses
 * would let one attacker rotate through 2^64 of them).
 */
export function clientAddressKey(ip: string): string {
  const v4mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (v4mapped) return v4mapped[1]!;
  if (!net.isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.split('::') as [string, string?];
  const h = head ? head.split(':') : [];
  const t = ip.includes('::') && tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t] : h;
  return `${groups.slice(0, 4).map((g) => g.toLowerCase().replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
