import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, apiLogin, launchBrowser, newContext, screenshot, watchForErrors } from './support.js';

interface AgencyRow {
  name: string;
  confirmation: unknown;
}

/** The public portal as a visitor sees it (P2, P12, P13), over the demo data. */
describe('public portal (browser)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lists the confirmed enforcement agencies, and only those, on the home page', async () => {
    const sysadmin = await apiLogin(admin().username, admin().password);
    const { items } = await sysadmin.request<{ items: AgencyRow[] }>('GET', '/api/agencies?kind=enforcement&limit=100');
    const confirmed = items.filter((a) => a.confirmation !== null).map((a) => a.name);
    const unconfirmed = items.filter((a) => a.confirmation === null).map((a) => a.name);
    expect(confirmed.length).toBeGreaterThan(0);

    const context = await newContext(browser);
    const page = await context.newPage();
    const problems = watchForErrors(page);
    const res = await page.goto('/');
    expect(res?.status()).toBe(200);
    const cards = await page.locator('section.card h3').allTextContents();
    for (const name of confirmed) expect(cards).toContain(name);
    for (const name of unconfirmed) expect(cards).not.toContain(name);
    await screenshot(page, 'portal-home');
    expect(problems()).toEqual([]);
    await context.close();
  });

  it('searches officers from the home page and says when nobody matches', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('searchbox').first().fill('查无此人甲乙');
    await page.getByRole('button', { name: /查\s*询/ }).first().click();
    await page.waitForURL(/\/officers\?q=/);
    expect(await page.locator('main').textContent()).toContain('未找到符合条件的执法人员');
    await screenshot(page, 'portal-search-none');
    await context.close();
  });
});
