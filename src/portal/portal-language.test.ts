import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, fakeIdNumber } from '../../test/factories.js';
import { createTestApp, type TestContext } from '../../test/harness.js';
import { people } from '../organisation/tables.js';

/**
 * Issue 8: the portal printed English beside every Chinese label. A page now shows one language:
 * Chinese by default, English through the header's switch (`?lang=en`), remembered in a cookie.
 */
let t: TestContext;

const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

/** The value of the `lang` cookie a response sets, as a request's Cookie header, or null. */
function langCookie(res: Awaited<ReturnType<typeof get>>): string | null {
  const all = res.headers['set-cookie'];
  const line = (Array.isArray(all) ? all : all ? [all] : []).find((c) => c.startsWith('lang='));
  return line ? line.split(';')[0]! : null;
}

/** English words of the portal that must not appear on a Chinese page (and the reverse). */
const ENGLISH = ['Certificate search', 'Officer search', 'Enforcement agencies', 'Supervision phone', 'Published by the enforcement agencies'];
const CHINESE = ['执法证件查询', '执法人员查询', '行政执法主体', '监督电话', '本平台公示信息由各行政执法主体提供并负责更新'];

beforeAll(async () => {
  t = await createTestApp();
  const world = await buildWorld(t.database);
  await t.database.db.insert(people).values({
    agencyId: world.agencyA.id,
    name: '李明',
    idNumber: fakeIdNumber('532301', '1985-03-12'),
    phone: '13900000001',
    positionTitle: '科员',
    certificateNumber: 'YN-L-0001',
    certificateStatus: 'active',
    certificateIssuedOn: '2024-01-01',
    certificateExpiresOn: '2027-12-31',
    categories: ['penalty', 'inspection'],
    area: '楚雄州全域',
  });
});
afterAll(() => t.close());

describe('portal language', () => {
  it('shows Chinese only by default, with a switch to English in the header', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
    for (const zh of CHINESE) expect(res.body).toContain(zh);
    for (const en of ENGLISH) expect(res.body).not.toContain(en);
    expect(res.body).not.toContain('class="en"');
    expect(res.body).toContain('<a class="lang" href="/?lang=en" hreflang="en" lang="en">English</a>');
    expect(langCookie(res)).toBeNull(); // nothing chosen, nothing stored
  });

  it('shows English only with ?lang=en, and sets the cookie that keeps it', async () => {
    const res = await get('/?lang=en');
    expect(res.body).toMatch(/^<!doctype html>\n<html lang="en">/);
    for (const en of ENGLISH) expect(res.body).toContain(en);
    for (const zh of CHINESE) expect(res.body).not.toContain(zh);
    expect(res.body).toContain('<a class="lang" href="/?lang=zh" hreflang="zh-CN" lang="zh-CN">中文</a>');
    expect(res.headers['set-cookie']).toMatch(/^lang=en; Max-Age=31536000; Path=\/; SameSite=Lax$/);
    expect(res.headers.vary).toContain('Cookie');
    // Data stays as published (names are Chinese); the words around it are English.
    expect(res.body).toContain('楚雄州工业和信息化局');
    expect(res.body).toContain('Penalty, Inspection');
  });

  it('keeps the chosen language across pages through the cookie, until switched back', async () => {
    const cookie = langCookie(await get('/?lang=en'))!;
    const search = await get(`/officers?q=${encodeURIComponent('李明')}`, cookie);
    expect(search.body).toMatch(/<html lang="en">/);
    expect(search.body).toContain('<th>Certificate no.</th>');
    expect(search.body).toContain('<td data-label="Validity" class="nowrap">2024-01-01 to<br>2027-12-31</td>');
    expect(search.body).not.toContain('执法证号');
    // The switch keeps the query: the same results in the other language.
    expect(search.body).toContain(`href="/officers?q=${encodeURIComponent('李明')}&amp;lang=zh"`);
    const verify = await get('/verify/officer/YN-L-0001', cookie);
    expect(verify.body).toContain('<div class="big">Valid</div>');
    expect(verify.body).toContain('Checked on: ');

    const back = await get('/officers?q=YN-L&lang=zh', cookie);
    expect(back.body).toMatch(/<html lang="zh-CN">/);
    expect(back.body).toContain('<th>执法证号</th>');
    expect(back.body).not.toContain('Certificate no.');
    const zhCookie = langCookie(back)!;
    expect(zhCookie).toBe('lang=zh');
    expect((await get('/', zhCookie)).body).toMatch(/<html lang="zh-CN">[\s\S]*<h1>行政执法公示平台<\/h1>/);
  });

  it('ignores a language it does not know, in the query or the cookie', async () => {
    const res = await get('/?lang=%3Cscript%3E', 'lang=fr');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<html lang="zh-CN">/);
    expect(langCookie(res)).toBeNull();
    expect(res.body).not.toContain('<script>');
  });

  it('lets the one style sheet through the CSP by its hash, phone rules included', async () => {
    const res = await get('/officers?q=YN-L');
    const style = /<style>([\s\S]*?)<\/style>/.exec(res.body)![1]!;
    expect(style).toContain('@media (max-width:640px)');
    expect(res.headers['content-security-policy']).toContain(`style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`);
  });
});
