import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, TEST_NOW, type Session, type TestContext } from '../../test/harness.js';
import { buildWorld, PASSWORD, type World } from '../../test/factories.js';

/**
 * Issue 7, "Sessions and tokens": a password reset, a disabled account and "log out everywhere"
 * end what was issued before; API tokens expire, are listed without their secret and are revoked
 * by their holder only.
 */

let t: TestContext;
let world: World;
let adminA: Session;

beforeAll(async () => {
  t = await createTestApp();
  world = await buildWorld(t.database);
  adminA = await loginAs(t.app, 'admin_a', PASSWORD);
});
afterAll(() => t.close());

const bearer = (token: string, url = '/api/auth/me') => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

async function newOfficer(username: string) {
  const res = await adminA.post('/api/users', { username, displayName: username, password: PASSWORD, agencyId: world.agencyA.id, roles: ['officer'] });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string };
}

async function tokenOf(session: Session, name = 'script') {
  const res = await session.post('/api/auth/tokens', { name });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; token: string; expiresAt: string };
}

describe('a password reset', () => {
  it('ends every session and revokes every API token of the user', async () => {
    const user = await newOfficer('reset.me');
    const laptop = await loginAs(t.app, 'reset.me', PASSWORD);
    const phone = await loginAs(t.app, 'reset.me', PASSWORD);
    const { token } = await tokenOf(laptop);
    expect((await bearer(token)).statusCode).toBe(200);

    const reset = await adminA.patch(`/api/users/${user.id}`, { password: 'New-password-2027' });
    expect(reset.statusCode).toBe(200);

    expect((await laptop.get('/api/auth/me')).statusCode).toBe(401);
    expect((await phone.get('/api/auth/me')).statusCode).toBe(401);
    expect((await bearer(token)).statusCode).toBe(401);
    // The administrator's own session is untouched, and the new password works.
    expect((await adminA.get('/api/auth/me')).statusCode).toBe(200);
    expect((await loginAs(t.app, 'reset.me', 'New-password-2027')).cookie).toBeTruthy();
  });
});

describe('a disabled account', () => {
  it('loses its live session and tokens at once, and re-enabling does not bring them back', async () => {
    const user = await newOfficer('leaving.soon');
    const session = await loginAs(t.app, 'leaving.soon', PASSWORD);
    const { token } = await tokenOf(session);
    expect((await adminA.patch(`/api/users/${user.id}`, { disabled: true })).statusCode).toBe(200);
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
    expect((await bearer(token)).statusCode).toBe(401);
    expect((await adminA.patch(`/api/users/${user.id}`, { disabled: false })).statusCode).toBe(200);
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
    expect((await bearer(token)).statusCode).toBe(401);
  });
});

describe('POST /api/auth/logout-all', () => {
  it('ends every session of one’s own, and only one’s own', async () => {
    await newOfficer('many.devices');
    const a = await loginAs(t.app, 'many.devices', PASSWORD);
    const b = await loginAs(t.app, 'many.devices', PASSWORD);
    expect((await a.post('/api/auth/logout-all')).statusCode).toBe(204);
    expect((await a.get('/api/auth/me')).statusCode).toBe(401);
    expect((await b.get('/api/auth/me')).statusCode).toBe(401);
    expect((await adminA.get('/api/auth/me')).statusCode).toBe(200);
  });
});

describe('API tokens', () => {
  it('expire after 90 days by default and refuse a life over 365 days', async () => {
    const { token, expiresAt } = await tokenOf(adminA, 'default life');
    expect(new Date(expiresAt).getTime() - new Date(TEST_NOW).getTime()).toBe(90 * 86_400_000);
    t.clock.advance(90 * 86_400_000 - 1000);
    expect((await bearer(token)).statusCode).toBe(200);
    t.clock.advance(2000);
    expect((await bearer(token)).statusCode).toBe(401);
    t.clock.set(TEST_NOW);
    expect((await adminA.post('/api/auth/tokens', { name: 'forever', expiresInDays: 366 })).statusCode).toBe(400);
  });

  it('are listed for their holder without the secret or its hash', async () => {
    const { id, token } = await tokenOf(adminA, 'listed');
    await bearer(token);
    const res = await adminA.get('/api/auth/tokens');
    expect(res.statusCode).toBe(200);
    const listed = res.json().items.find((i: { id: string }) => i.id === id);
    expect(Object.keys(listed).sort()).toEqual(['createdAt', 'expiresAt', 'id', 'lastUsedAt', 'name', 'revokedAt']);
    expect(listed.lastUsedAt).toBe(TEST_NOW.replace('Z', '.000Z'));
    const [{ token_hash }] = (await t.database.query<{ token_hash: string }>('select token_hash from api_tokens where id = $1', [id])) as [{ token_hash: string }];
    expect(res.body).not.toContain(token_hash);
    expect(res.body).not.toContain(token);
    // Another user sees none of them.
    const officer = await loginAs(t.app, 'officer_a', PASSWORD);
    expect((await officer.get('/api/auth/tokens')).json().items).toEqual([]);
  });

  it('are revoked by their holder; another user’s token id is 404 and stays valid', async () => {
    const mine = await tokenOf(adminA, 'to revoke');
    const officer = await loginAs(t.app, 'officer_a', PASSWORD);
    const theirs = await tokenOf(officer, 'officer script');

    expect((await adminA.request('DELETE', `/api/auth/tokens/${theirs.id}`)).statusCode).toBe(404);
    expect((await bearer(theirs.token)).statusCode).toBe(200);

    expect((await adminA.request('DELETE', `/api/auth/tokens/${mine.id}`)).statusCode).toBe(204);
    expect((await bearer(mine.token)).statusCode).toBe(401);
    const listed = (await adminA.get('/api/auth/tokens')).json().items.find((i: { id: string }) => i.id === mine.id);
    expect(listed.revokedAt).not.toBeNull();
  });

  it('cannot be created with another token (a leaked token must not outlive itself)', async () => {
    const { token } = await tokenOf(adminA, 'machine');
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/tokens', headers: { authorization: `Bearer ${token}` }, payload: { name: 'child' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('TOKEN_NEEDS_SESSION');
  });
});
