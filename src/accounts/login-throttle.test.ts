import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, TEST_NOW, type TestContext } from '../../test/harness.js';
import { buildWorld, PASSWORD, type World } from '../../test/factories.js';

/**
 * Issue 7, "Logins": the attacks that worked before — parallel guessing past the lockout, telling
 * known from unknown user names by the answer, guessing across many names from one address.
 * Each test uses its own client address, so the per-address limit of one does not leak into another.
 */

let t: TestContext;
let world: World;

beforeAll(async () => {
  t = await createTestApp();
  world = await buildWorld(t.database);
});
afterAll(() => t.close());

const login = (username: string, password: string, remoteAddress: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });

/** What an observer can compare: status, code and the shape of the body. */
const observable = (res: Awaited<ReturnType<typeof login>>) => {
  const body = res.json();
  return { status: res.statusCode, code: body.error?.code, keys: Object.keys(body.error ?? {}).sort(), retryAfter: res.headers['retry-after'] ?? null };
};

describe('parallel guessing', () => {
  it('36 wrong passwords in parallel batches of 6 lock the account; the right password is refused after', async () => {
    const ip = '198.51.100.1';
    for (let batch = 0; batch < 6; batch++) {
      const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => login('officer_a', `wrong-${batch}-${i}`, ip)));
      for (const a of answers) expect([401, 429]).toContain(a.statusCode);
    }
    const [row] = await t.database.query<{ count: number }>(`select count from throttle_counters where key = $1`, ['login:account:officer_a']);
    expect(row!.count).toBeGreaterThanOrEqual(5); // the first batch alone reached the limit: no increment lost to a race
    const right = await login('officer_a', PASSWORD, ip);
    expect(right.statusCode).toBe(429);
    expect(right.json().error.code).toBe('LOGIN_THROTTLED');
    // From another address too: the lock is on the account name.
    expect((await login('officer_a', PASSWORD, '198.51.100.99')).statusCode).toBe(429);
  });

  it('the lock ends after LOGIN_LOCK_MINUTES', async () => {
    t.clock.advance(14 * 60_000);
    expect((await login('officer_a', PASSWORD, '198.51.100.2')).statusCode).toBe(429);
    t.clock.advance(2 * 60_000);
    expect((await login('officer_a', PASSWORD, '198.51.100.2')).statusCode).toBe(200);
    t.clock.set(TEST_NOW);
  });
});

describe('known and unknown user names', () => {
  it('get the same status, code, body shape and Retry-After at every attempt count', async () => {
    const known = [];
    const unknown = [];
    for (let i = 1; i <= 7; i++) {
      known.push(observable(await login('admin_b', `wrong-${i}`, '198.51.100.3')));
      unknown.push(observable(await login('no.such.user', `wrong-${i}`, '198.51.100.4')));
    }
    expect(unknown).toEqual(known);
    expect(known.map((k) => k.status)).toEqual([401, 401, 401, 401, 429, 429, 429]);
    expect(known[4]!.code).toBe('LOGIN_THROTTLED');
    expect(known[0]!.keys).toEqual(['code', 'message', 'messageEn']);
  });

  it('count the name however it is capitalised', async () => {
    const ip = '198.51.100.5';
    for (const name of ['Supervisor_B', 'SUPERVISOR_B', 'supervisor_b', 'supervisor_B']) await login(name, 'wrong-x', ip);
    expect((await login('supervisor_b', 'wrong-x', ip)).statusCode).toBe(429);
  });
});

describe('one address, many names', () => {
  it('is throttled after LOGIN_MAX_FAILURES_PER_IP failures across different user names', async () => {
    const t2 = await createTestApp({ config: { loginMaxFailuresPerIp: 8 } });
    try {
      await buildWorld(t2.database);
      const ip = '203.0.113.77';
      const names = Array.from({ length: 8 }, (_, i) => `sprayed.${i}`);
      const answers = await Promise.all(names.map((n) => t2.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: n, password: 'Spring-2026' }, remoteAddress: ip })));
      expect(answers.map((a) => a.statusCode).filter((s) => s === 401).length).toBeLessThanOrEqual(7);
      // A real account with its right password is refused from that address now...
      const fromAttacker = await t2.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin_a', password: PASSWORD }, remoteAddress: ip });
      expect(fromAttacker.statusCode).toBe(429);
      expect(fromAttacker.json().error.code).toBe('LOGIN_THROTTLED');
      // ...but not from elsewhere: no account reached its own limit.
      const fromElsewhere = await t2.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin_a', password: PASSWORD }, remoteAddress: '203.0.113.78' });
      expect(fromElsewhere.statusCode).toBe(200);
    } finally {
      await t2.close();
    }
  });

  it('counts an IPv6 client by its /64', async () => {
    const t2 = await createTestApp({ config: { loginMaxFailuresPerIp: 3 } });
    try {
      for (const suffix of ['1', '2', '3']) {
        await t2.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `v6.${suffix}`, password: 'x' }, remoteAddress: `2001:db8:1:2::${suffix}` });
      }
      const next = await t2.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'v6.4', password: 'x' }, remoteAddress: '2001:db8:1:2:ffff::9' });
      expect(next.statusCode).toBe(429);
    } finally {
      await t2.close();
    }
  });
});

describe('a successful login', () => {
  it('resets the account counter', async () => {
    const ip = '198.51.100.6';
    for (let i = 0; i < 4; i++) expect((await login('supervisor_a', `wrong-${i}`, ip)).statusCode).toBe(401);
    expect((await login('supervisor_a', PASSWORD, ip)).statusCode).toBe(200);
    // Four more failures are allowed again: the fifth in a row would lock, the fourth does not.
    for (let i = 0; i < 4; i++) expect((await login('supervisor_a', `wrong-${i}`, ip)).statusCode).toBe(401);
    expect((await login('supervisor_a', PASSWORD, ip)).statusCode).toBe(200);
  });

  it('is recorded, and so is each failure, with the user when the name is known', async () => {
    const rows = await t.database.query<{ subject_id: string | null; detail: { knownUser: boolean } }>(
      `select subject_id, detail from audit_events where action = 'auth.login_failed' and detail->>'username' in ('admin_b', 'no.such.user')`,
    );
    // Five each: the fifth failure reached the limit; the refused attempts after it never checked a password.
    expect(rows.filter((r) => r.subject_id === world.users.adminB.id)).toHaveLength(5);
    expect(rows.filter((r) => r.subject_id === null && !r.detail.knownUser)).toHaveLength(5);
  });
});

describe('an administrator', () => {
  it('sees the lock in the users list and can lift it', async () => {
    const ip = '198.51.100.7';
    for (let i = 0; i < 5; i++) await login('officer_a', `wrong-${i}`, ip);
    const admin = await loginAs(t.app, 'admin_a', PASSWORD);
    const listed = (await admin.get('/api/users')).json().items.find((u: { username: string }) => u.username === 'officer_a');
    expect(listed.locked).toBe(true);
    const unlocked = await admin.patch(`/api/users/${world.users.officerA.id}`, { unlock: true });
    expect(unlocked.json().locked).toBe(false);
    expect((await login('officer_a', PASSWORD, '198.51.100.8')).statusCode).toBe(200);
  });
});

describe('counters', () => {
  it('are swept once their window has ended, so sprayed names do not pile up', async () => {
    await login('sweep.me', 'wrong', '198.51.100.20');
    const rows = () => t.database.query(`select key from throttle_counters where key like '%sweep.me' or key like '%198.51.100.20'`);
    expect(await rows()).toHaveLength(2);
    t.clock.advance(16 * 60_000);
    await login('another.name', 'wrong', '198.51.100.21');
    expect(await rows()).toHaveLength(0);
    t.clock.set(TEST_NOW);
  });
});
