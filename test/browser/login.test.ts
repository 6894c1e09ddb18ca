import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, launchBrowser, newContext, screenshot, watchForErrors } from './support.js';

describe('staff login (browser)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('refuses a wrong password, then logs in, shows who is signed in, and logs out', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const problems = watchForErrors(page, [/^POST 401 \/api\/auth\/login$/]);

    // An unauthenticated visit to the app lands on the login page.
    await page.goto('/app/');
    await page.getByTestId('login-username').waitFor();
    expect(new URL(page.url()).pathname).toBe('/app/login');
    await screenshot(page, 'login');

    await page.getByTestId('login-username').fill(admin().username);
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('login-error').textContent()).resolves.toMatch(/用户名或密码/);
    await screenshot(page, 'login-refused');

    await page.getByTestId('login-password').fill(admin().password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-user').waitFor();
    expect(await page.getByTestId('current-user').textContent()).toContain('系统管理员');
    await screenshot(page, 'dashboard');

    await page.getByTestId('logout').click();
    await page.getByTestId('login-username').waitFor();
    expect(new URL(page.url()).pathname).toBe('/app/login');
    expect(problems()).toEqual([]);
    await context.close();
  });
});
