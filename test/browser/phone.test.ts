import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/seed.js';
import { apiLogin, baseUrl, launchBrowser, screenshot, settled, watchForErrors } from './support.js';

/**
 * Issue 8: on a 390 px phone the staff app's header overlapped the name and the page scrolled
 * sideways; the portal's header wrapped to three lines and its officer table squeezed a column to
 * one character a line. Both apps at phone sizes (390 × 844, and 360 wide), and the language switch.
 */

const OFFICER = 'cx.gxj.officer';

function phoneContext(browser: Browser, width = 390, height = 844): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: baseUrl(),
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width, height },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
}

/** The page does not scroll sideways: nothing is wider than the screen. */
async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  await settled(page);
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${what}: page ${scrollWidth} px wide on a ${innerWidth} px screen`).toBeLessThanOrEqual(innerWidth);
}

/** The header is one line (a two-line header is 64 px or more). */
async function expectOneLineHeader(page: Page, selector: string, what: string): Promise<void> {
  const box = await page.locator(selector).first().boundingBox();
  expect(box, `${what}: header`).not.toBeNull();
  expect(box!.height, `${what}: header height`).toBeLessThan(64);
}

async function logIn(page: Page): Promise<void> {
  await page.goto('/app/login');
  await page.getByTestId('login-username').fill(OFFICER);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user').waitFor();
}

describe('phone sizes (browser)', () => {
  let browser: Browser;
  let caseId: string;
  let officerName: string;

  beforeAll(async () => {
    const officer = await apiLogin(OFFICER, DEMO_PASSWORD);
    const { items } = await officer.request<{ items: { id: string }[] }>('GET', '/api/cases?limit=1');
    if (!items[0]) throw new Error(`the demo data has no case for ${OFFICER}`);
    caseId = items[0].id;
    const me = await officer.request<{ user: { displayName: string } }>('GET', '/api/auth/me');
    officerName = me.user.displayName;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('staff app at 390 px: one-line header, no sideways scroll on the dashboard and a demo case, menu behind the burger', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const problems = watchForErrors(page);
    await logIn(page);
    await expectOneLineHeader(page, '[data-testid="app-header"]', 'dashboard');
    await expectNoSidewaysScroll(page, 'dashboard');
    // The name is shown in full or cut short, never under another element.
    expect(await page.getByTestId('current-user').textContent()).toContain(officerName.slice(0, 2));
    await screenshot(page, 'phone-390-staff-dashboard');

    await page.goto(`/app/cases/${caseId}`);
    await page.getByTestId('case-register-number').waitFor();
    await expectOneLineHeader(page, '[data-testid="app-header"]', 'case page');
    await expectNoSidewaysScroll(page, 'case page');
    await screenshot(page, 'phone-390-staff-case');

    // The menu is reachable: the burger opens it, an entry navigates and closes it.
    expect(await page.locator('.ant-layout-sider').count()).toBe(0);
    await page.getByTestId('menu-open').click();
    await page.getByTestId('menu-cases').waitFor();
    await screenshot(page, 'phone-390-staff-menu');
    await page.getByTestId('menu-cases').click();
    await page.waitForURL(/\/app\/cases$/);
    await page.locator('.ant-drawer-content-wrapper').waitFor({ state: 'hidden' });
    await expectNoSidewaysScroll(page, 'case list');
    await screenshot(page, 'phone-390-staff-cases');
    expect(problems()).toEqual([]);
    await context.close();
  });

  it('staff app at 360 px: the case page does not scroll sideways', async () => {
    const context = await phoneContext(browser, 360, 740);
    const page = await context.newPage();
    await logIn(page);
    await page.goto(`/app/cases/${caseId}`);
    await page.getByTestId('case-register-number').waitFor();
    await expectOneLineHeader(page, '[data-testid="app-header"]', 'case page at 360');
    await expectNoSidewaysScroll(page, 'case page at 360');
    await screenshot(page, 'phone-360-staff-case');
    await context.close();
  });

  it('portal at 390 and 360 px: one-line header, officer results as cards, no sideways scroll', async () => {
    for (const width of [390, 360]) {
      const context = await phoneContext(browser, width);
      const page = await context.newPage();
      const problems = watchForErrors(page);
      await page.goto('/');
      await expectOneLineHeader(page, 'header', `portal home at ${width}`);
      await expectNoSidewaysScroll(page, `portal home at ${width}`);
      await screenshot(page, `phone-${width}-portal-home`);

      await page.getByRole('searchbox').first().fill(officerName);
      await page.getByRole('button', { name: /查\s*询/ }).first().click();
      await page.waitForURL(/\/officers\?q=/);
      const row = page.locator('table.officers tbody tr').first();
      await row.waitFor();
      await expectOneLineHeader(page, 'header', `portal search at ${width}`);
      await expectNoSidewaysScroll(page, `portal search at ${width}`);
      // A card: no header row, and each cell carries its column's name and spans the card.
      expect(await page.locator('table.officers thead').isVisible()).toBe(false);
      const rowBox = (await row.boundingBox())!;
      const cell = (await row.locator('td').nth(1).boundingBox())!;
      expect(cell.width).toBeGreaterThan(rowBox.width * 0.8);
      await screenshot(page, `phone-${width}-portal-search`);
      expect(problems()).toEqual([]);
      await context.close();
    }
  });

  it('portal language switch: English on every page until switched back, and the staff app follows', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto('/');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('body').textContent()).not.toContain('Certificate search');
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/lang=en/);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('main').textContent()).toContain('Certificate search');
    await expectOneLineHeader(page, 'header', 'portal home in English');
    await expectNoSidewaysScroll(page, 'portal home in English');
    await screenshot(page, 'phone-390-portal-home-en');

    // The cookie carries the choice to the next page, and to the staff app's login page.
    await page.getByRole('link', { name: 'Officer search' }).click();
    await page.waitForURL(/\/officers$/);
    expect(await page.locator('h1').textContent()).toBe('Officer search');
    await page.goto('/app/login');
    await page.getByTestId('login-submit').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByTestId('login-submit').textContent()).toMatch(/Sign in/);
    await screenshot(page, 'phone-390-staff-login-en');

    // Switched back in the staff app: Chinese again there and on the portal.
    await page.getByTestId('language-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    expect(await page.getByTestId('login-submit').textContent()).toMatch(/登\s*录/);
    await page.goto('/officers');
    expect(await page.locator('h1').textContent()).toBe('执法人员查询');
    await context.close();
  });

  it('staff app language switch in the header: English menu and antd in English, then back', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await logIn(page);
    await page.getByTestId('language-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.getByTestId('current-user').waitFor();
    await page.getByTestId('menu-open').click();
    expect(await page.getByTestId('menu-cases').textContent()).toBe('Cases');
    await page.getByTestId('menu-cases').click();
    await page.waitForURL(/\/app\/cases$/);
    await settled(page);
    await expectNoSidewaysScroll(page, 'case list in English');
    await screenshot(page, 'phone-390-staff-cases-en');
    await page.getByTestId('language-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    await page.getByTestId('menu-open').click();
    expect(await page.getByTestId('menu-cases').textContent()).toBe('执法案件');
    await context.close();
  });
});
