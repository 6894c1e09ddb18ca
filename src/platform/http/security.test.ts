import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens } from '../../accounts/tables.js';
import { loadConfig } from '../../config.js';
import { createTestApp, type TestContext } from '../../../test/harness.js';
import { buildWorld, PASSWORD } from '../../../test/factories.js';
import { authentication } from '../../modules.js';
import { buildApp } from './app.js';
import type { App } from './app.js';

/** Issue 7: the audited client address, security headers, the Secure cookie, and what reaches the log. */

let t: TestContext;

beforeAll(async () => {
  t = await createTestApp();
  await buildWorld(t.database);
});
afterAll(() => t.close());

const auditedIp = async (ctx: TestContext, username: string) => {
  const rows = await ctx.database.query<{ ip: string }>(
    `select ip from audit_events where action = 'auth.login_failed' and detail->>'username' = $1 order by id desc limit 1`,
    [username],
  );
  return rows[0]?.ip;
};

const forwardedLogin = (app: TestContext['app'], username: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'wrong-password-1' }, headers: { 'x-forwarded-for': '1.2.3.4' } });

describe('the audited client address', () => {
  it('ignores X-Forwarded-For by default', async () => {
    expect(t.config.trustProxy).toBe(false);
    await forwardedLogin(t.app, 'spoofer');
    expect(await auditedIp(t, 'spoofer')).toBe('127.0.0.1');
  });

  it('takes X-Forwarded-For from the proxy TRUST_PROXY names', async () => {
    const behindProxy = await createTestApp({ config: { trustProxy: loadConfig({ TRUST_PROXY: '127.0.0.1' }).trustProxy } });
    try {
      await forwardedLogin(behindProxy.app, 'via.proxy');
      expect(await auditedIp(behindProxy, 'via.proxy')).toBe('1.2.3.4');
    } finally {
      await behindProxy.close();
    }
  });

  it('TRUST_PROXY takes addresses, not a hop count or "true"', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 10.0.0.0/8' }).trustProxy).toBe('10.0.0.1,10.0.0.0/8');
    expect(() => loadConfig({ TRUST_PROXY: '1' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
  });
});

describe('security headers', () => {
  const expectHeaders = (headers: Record<string, unknown>) => {
    const csp = String(headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/(^|;)\s*default-src '(self|none)'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('same-origin');
  };

  it('are on an API answer, an error and a 404', async () => {
    const ok = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(ok.statusCode).toBe(200);
    expectHeaders(ok.headers);
    expect(ok.headers['content-security-policy']).toContain("script-src 'self'");
    const refused = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(refused.statusCode).toBe(401);
    expectHeaders(refused.headers);
    const missing = await t.app.inject({ method: 'GET', url: '/api/nope' });
    expect(missing.statusCode).toBe(404);
    expectHeaders(missing.headers);
  });

  it('are on the staff app', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/app/' });
    expectHeaders(res.headers);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("style-src 'self' 'unsafe-inline'"); // antd's CSS-in-JS
    expect(csp).toContain("img-src 'self' data: blob:"); // the signature pad, downloads
  });

  it('give the portal pages a policy that allows exactly their one style sheet and no script', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expectHeaders(res.headers);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/]+=*'/);
    expect(csp).not.toContain('script-src');
    // The hash in the policy is the hash of the page's only <style> element.
    const style = /<style>([\s\S]*?)<\/style>/.exec(res.body)![1]!;
    expect(csp).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(res.body).not.toMatch(/<script|style="/);
  });
});

describe('the session cookie', () => {
  it('is Secure by default when PUBLIC_URL is https, and not for plain http', async () => {
    expect(loadConfig({ PUBLIC_URL: 'https://zhifa.example.gov.cn' }).cookieSecure).toBe(true);
    expect(loadConfig({ PUBLIC_URL: 'http://localhost:3000' }).cookieSecure).toBe(false);
    expect(loadConfig({ PUBLIC_URL: 'https://zhifa.example.gov.cn', COOKIE_SECURE: '0' }).cookieSecure).toBe(false);
    const https = await createTestApp({ config: loadConfig({ PUBLIC_URL: 'https://zhifa.example.gov.cn', DATA_DIR: t.config.dataDir }) });
    try {
      await buildWorld(https.database);
      const res = await https.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin_a', password: PASSWORD } });
      expect(res.statusCode).toBe(200);
      expect(res.cookies.find((c) => c.name === 'sx_session')).toMatchObject({ secure: true, httpOnly: true });
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    } finally {
      await https.close();
    }
  });
});

describe('the error log', () => {
  it('shows a failed query without its parameters or the row values', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const HASH = 'f'.repeat(24) + 'deadbeefcafe0123456789abcdef0123456789abcdef';
    const PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2VjcmV0c2FsdA$c2VjcmV0aGFzaHZhbHVl';
    // A route whose query fails on the database (user_id is NOT NULL) with a token hash among its parameters.
    const failingInsert = () =>
      t.database.db.insert(apiTokens).values({ userId: null as unknown as string, name: PASSWORD_HASH, tokenHash: HASH, createdAt: new Date(), expiresAt: new Date() });
    const failing = async (app: App) => {
      app.get('/api/test/failing-query', { config: { public: true } }, async () => {
        await failingInsert();
        return {};
      });
      // A module that logs the error itself (as the tus upload handler does) is redacted by the logger.
      app.get('/api/test/logged-by-module', { config: { public: true } }, async (request, reply) => {
        await failingInsert().catch((error: unknown) => request.log.error({ err: error }, 'module failure'));
        return reply.status(204).send();
      });
    };
    const app = await buildApp(t.deps, [failing], { authentication, logger: { level: 'error', stream } });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/test/failing-query' });
      expect(res.statusCode).toBe(500);
      const log = lines.join('');
      expect(log).toContain('unhandled error');
      expect(log).toContain('insert into \\"api_tokens\\"'); // the query text is kept…
      expect(log).toContain('23502'); // …and the database's code
      expect(log).not.toContain(HASH);
      expect(log).not.toContain(PASSWORD_HASH);
      expect(log).not.toContain('Failing row');

      lines.length = 0;
      expect((await app.inject({ method: 'GET', url: '/api/test/logged-by-module' })).statusCode).toBe(204);
      const moduleLog = lines.join('');
      expect(moduleLog).toContain('module failure');
      expect(moduleLog).not.toContain(HASH);
      expect(moduleLog).not.toContain(PASSWORD_HASH);
    } finally {
      await app.close();
    }
  });
});
