import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/harness.js';
import { buildWorld, PASSWORD, type World } from '../../test/factories.js';

let t: TestContext;
let world: World;
let adminA: Session;
let sysadmin: Session;

beforeAll(async () => {
  t = await createTestApp();
  world = await buildWorld(t.database);
  adminA = await loginAs(t.app, 'admin_a', PASSWORD);
  sysadmin = await loginAs(t.app, 'sysadmin', PASSWORD);
});
afterAll(() => t.close());

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('POST /api/auth/login', () => {
  it('sets an HttpOnly session cookie and returns the CSRF token and capabilities', async () => {
    const res = await login('supervisor_a', PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'sx_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const body = res.json();
    expect(body.user).toMatchObject({ username: 'supervisor_a', roles: ['supervisor'], agencyName: '楚雄州司法局', scopeRegionCode: '532300' });
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    expect(body.can).toMatchObject({ confirmAgencies: true, createAgencies: true, manageCalendar: false });
    const [session] = await t.database.query<{ id: string }>('select id from sessions order by created_at desc limit 1');
    expect(session!.id).not.toBe(cookie.value); // only the token's hash is stored
  });

  it('stores passwords as argon2id hashes', async () => {
    const [row] = await t.database.query<{ password_hash: string }>(`select password_hash from users where username = 'admin_a'`);
    expect(row!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('answers the same error for an unknown user and a wrong password', async () => {
    const a = await login('nobody', PASSWORD);
    const b = await login('admin_b', 'wrong-password-1');
    expect([a.statusCode, b.statusCode]).toEqual([401, 401]);
    expect(a.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(b.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('refuses an account name after 5 failures, even with the right password, until the lock expires', async () => {
    for (let i = 1; i <= 4; i++) expect((await login('officer_a', `wrong-${i}`)).json().error.code).toBe('INVALID_CREDENTIALS');
    const fifth = await login('officer_a', 'wrong-5');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().error.code).toBe('LOGIN_THROTTLED');
    expect(fifth.headers['retry-after']).toBe(String(15 * 60));
    const locked = await login('officer_a', PASSWORD);
    expect(locked.statusCode).toBe(429);
    const audit = await t.database.query<{ n: number }>(`select count(*)::int as n from audit_events where action = 'auth.login_failed' and subject_id = $1`, [world.users.officerA.id]);
    expect(audit[0]!.n).toBe(5);
    t.clock.advance(16 * 60_000);
    expect((await login('officer_a', PASSWORD)).statusCode).toBe(200);
    t.clock.set('2026-11-22T02:00:00Z');
  });

  it('validates the body', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['password', 'username']);
  });
});

describe('sessions', () => {
  it('expire after the configured lifetime', async () => {
    const s = await loginAs(t.app, 'admin_b', PASSWORD);
    expect((await s.get('/api/auth/me')).statusCode).toBe(200);
    t.clock.advance(8 * 3600_000 + 1000);
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);
    t.clock.set('2026-11-22T02:00:00Z');
  });

  it('end at logout', async () => {
    const s = await loginAs(t.app, 'admin_b', PASSWORD);
    expect((await s.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('reject a forged cookie', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: 'sx_session=forged' } });
    expect(res.statusCode).toBe(401);
  });
});

describe('API tokens', () => {
  it('authenticate machine clients without CSRF and can expire', async () => {
    const res = await adminA.post('/api/auth/tokens', { name: 'credit platform push', expiresInDays: 1 });
    expect(res.statusCode).toBe(201);
    const { token } = res.json();
    const headers = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers })).json().user.username).toBe('admin_a');
    const patch = await t.app.inject({ method: 'PATCH', url: `/api/agencies/${world.agencyA.id}`, headers, payload: { area: '楚雄州全境' } });
    expect(patch.statusCode).toBe(200);
    t.clock.advance(86_400_000 + 1000);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers })).statusCode).toBe(401);
    t.clock.set('2026-11-22T02:00:00Z');
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: 'Bearer sx_nope' } })).statusCode).toBe(401);
  });
});

describe('users', () => {
  it('lets an agency administrator create an officer account in their agency', async () => {
    const res = await adminA.post('/api/users', { username: 'li.officer', displayName: '李警官', password: 'Officer-pass-123', agencyId: world.agencyA.id, roles: ['officer'] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: 'li.officer', agencyName: '楚雄州工业和信息化局', roles: ['officer'], disabled: false });
    expect((await login('li.officer', 'Officer-pass-123')).statusCode).toBe(200);
  });

  it('refuses to let an agency administrator grant supervisor or system roles', async () => {
    const res = await adminA.post('/api/users', { username: 'sneaky', displayName: 'x', password: 'Officer-pass-123', agencyId: world.agencyA.id, roles: ['system_admin'] });
    expect(res.statusCode).toBe(403);
  });

  it('refuses users for an agency out of scope (404) and weak passwords (422)', async () => {
    expect((await adminA.post('/api/users', { username: 'x.y.z', displayName: 'x', password: 'Officer-pass-123', agencyId: world.agencyB.id, roles: ['officer'] })).statusCode).toBe(404);
    const weak = await adminA.post('/api/users', { username: 'weak.one', displayName: 'x', password: 'short', agencyId: world.agencyA.id, roles: ['officer'] });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error.code).toBe('WEAK_PASSWORD');
  });

  it('refuses a duplicate user name with 409', async () => {
    const res = await sysadmin.post('/api/users', { username: 'admin_a', displayName: 'x', password: 'Officer-pass-123', agencyId: null, roles: ['system_admin'] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('DUPLICATE_USERNAME');
  });

  it('lists only users in scope', async () => {
    const names = (await adminA.get('/api/users')).json().items.map((u: { username: string }) => u.username);
    expect(names).toContain('officer_a');
    expect(names).not.toContain('admin_b');
    expect(names).not.toContain('sysadmin');
  });

  // Unlocking a throttled account: src/accounts/login-throttle.test.ts "sees the lock in the users list and can lift it".
  it('disables an account (its login is refused) and enables it again', async () => {
    const created = (await adminA.post('/api/users', { username: 'to.disable', displayName: 'x', password: 'Officer-pass-123', agencyId: world.agencyA.id, roles: ['officer'] })).json();
    expect((await adminA.patch(`/api/users/${created.id}`, { disabled: true })).json().disabled).toBe(true);
    expect((await login('to.disable', 'Officer-pass-123')).json().error.code).toBe('ACCOUNT_DISABLED');
    expect((await adminA.patch(`/api/users/${created.id}`, { disabled: false })).json().disabled).toBe(false);
    expect((await login('to.disable', 'Officer-pass-123')).statusCode).toBe(200);
  });
});

describe('audit log', () => {
  it('is append-only in the database itself, even for the table owner', async () => {
    await expect(t.owner.exec(`update audit_events set action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.owner.exec(`delete from audit_events`)).rejects.toThrow(/append-only/);
    await expect(t.owner.exec(`truncate audit_events`)).rejects.toThrow(/append-only/);
  });

  it('is readable by administrators within scope only', async () => {
    const mine = (await adminA.get('/api/audit?limit=500')).json().items as { agency: { id: string } | null }[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((e) => e.agency?.id === world.agencyA.id)).toBe(true);
    const officer = await loginAs(t.app, 'li.officer', 'Officer-pass-123');
    expect((await officer.get('/api/audit')).statusCode).toBe(403);
  });
});

describe('OpenAPI', () => {
  it('is served as OpenAPI 3.1 generated from the route schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/agencies'].post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['name', 'creditCode', 'regionCode', 'level']),
    );
  });

  it('answers unknown routes with a 404 error body', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ROUTE_NOT_FOUND');
  });
});
