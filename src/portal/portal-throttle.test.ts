import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../test/harness.js';

/** Issue 7: the anonymous certificate check is rate-limited per client address (enumeration, audit flooding). */

let t: TestContext;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const check = (n: number, remoteAddress: string) =>
  t.app.inject({ method: 'GET', url: `/api/public/officers/ENUM-${String(n).padStart(6, '0')}`, remoteAddress });

describe('anonymous certificate checks', () => {
  it('answer PUBLIC_VERIFY_PER_MINUTE checks a minute per address, then 429 on the API and the page', async () => {
    const ip = '192.0.2.10';
    const limit = t.config.publicVerifyPerMinute;
    const answers = await Promise.all(Array.from({ length: limit }, (_, i) => check(i, ip)));
    expect(answers.every((a) => a.statusCode === 404)).toBe(true);

    const refused = await check(limit, ip);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('60');
    expect(refused.json()).toEqual({ error: { code: 'RATE_LIMITED', message: expect.stringContaining('频繁'), messageEn: expect.any(String) } });

    const page = await t.app.inject({ method: 'GET', url: '/verify/officer/ENUM-999999', remoteAddress: ip });
    expect(page.statusCode).toBe(429);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('查询过于频繁');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");

    // Refused checks are not audited (an attacker cannot flood the audit log through them).
    const [{ n }] = (await t.database.query<{ n: number }>(
      `select count(*)::int as n from audit_events where action = 'public.certificate_verified' and ip = $1`,
      [ip],
    )) as [{ n: number }];
    expect(n).toBe(limit);

    // Another address is unaffected; the same address may check again a minute later.
    expect((await check(0, '192.0.2.11')).statusCode).toBe(404);
    t.clock.advance(61_000);
    expect((await check(0, ip)).statusCode).toBe(404);
  });
});
