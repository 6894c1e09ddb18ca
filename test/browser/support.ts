import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { CHROMIUM_PATH, SCREENSHOT_DIR } from './paths.js';

/** Flags for a headless Chromium in a container (root, no GPU, small /dev/shm, no network chatter). */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export const baseUrl = () => inject('baseUrl');
export const admin = () => ({ username: inject('adminUsername'), password: inject('adminPassword') });

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** A fresh browser profile (no cookies) in Chinese, at a desktop size. */
export function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ baseURL: baseUrl(), locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 900 } });
}

/**
 * Saves a full-page screenshot to test-results/screenshots/<name>.png, once the page has settled:
 * no request in flight and no loading spinner (waits at most a few seconds; the tests' own
 * assertions decide pass or fail, not the picture).
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  await settled(page);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Waits (a few seconds at most) until no request is in flight and no loading spinner shows. */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'), undefined, { timeout: 5_000 }).catch(() => undefined);
}

/** Responses every page may get without anything being wrong. */
const EXPECTED_RESPONSES: RegExp[] = [
  /^GET 404 \/favicon\.ico$/, // the portal's pages declare no icon
  /^GET 401 \/api\/auth\/me$/, // "am I logged in?" before logging in
];

/**
 * Collects what the page reports as broken: uncaught exceptions, console errors, and HTTP
 * responses of 400 and above (as "METHOD status path"), except those in EXPECTED_RESPONSES and
 * `allow`. The browser's own "Failed to load resource" console line is left out: the response
 * itself is reported (or allowed) instead.
 */
export function watchForErrors(page: Page, allow: RegExp[] = []): () => string[] {
  const problems: string[] = [];
  const allowed = [...EXPECTED_RESPONSES, ...allow];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console error: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() < 400) return;
    const line = `${r.request().method()} ${r.status()} ${new URL(r.url()).pathname}`;
    if (!allowed.some((a) => a.test(line))) problems.push(line);
  });
  return () => problems;
}

/** A logged-in API client (cookie + CSRF header), for arranging data the journey does not cover. */
export interface Api {
  request<T = unknown>(method: string, url: string, body?: unknown): Promise<T>;
}

export async function apiLogin(username: string, password: string): Promise<Api> {
  const res = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    async request<T>(method: string, url: string, body?: unknown): Promise<T> {
      const r = await fetch(`${baseUrl()}${url}`, {
        method,
        headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await r.text();
      if (!r.ok) throw new Error(`${method} ${url}: ${r.status} ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
  };
}

/** A short random suffix, so that files sharing one server never collide on unique numbers. */
export const unique = () => Math.random().toString(36).slice(2, 8);

/** The <input> behind an antd field with this data-testid (the id lands on the input or its wrapper). */
export const inputOf = (page: Page, testId: string) => page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

/** Signs in through the staff app's login page and waits for the header that names the user. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/app/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user').waitFor();
}

/** Types an ISO date into an antd DatePicker and accepts it. */
export async function fillDate(page: Page, testId: string, isoDate: string): Promise<void> {
  const input = inputOf(page, testId);
  await input.click();
  await input.fill(isoDate);
  await input.press('Enter');
}

/**
 * Opens an antd Select and picks the option showing `text`, then waits for its list to close: a list
 * still fading out would otherwise match the next Select's lookup (a flaky click on a vanishing option).
 */
export async function chooseOption(page: Page, testId: string, text: string): Promise<void> {
  await page.locator(`[data-testid="${testId}"]`).first().click();
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first();
  await option.click();
  await option.waitFor({ state: 'hidden' });
}

/** Waits until the step dialog has closed and the case page shows this stage of the procedure. */
export async function waitForStage(page: Page, stage: string): Promise<void> {
  await page.locator('.ant-modal-wrap').waitFor({ state: 'hidden' });
  await expect.poll(() => page.getByTestId('case-step').textContent()).toBe(stage);
}

/** Draws a short signature-like stroke on the canvas with the mouse. */
export async function sign(page: Page, testId: string): Promise<void> {
  const canvas = page.getByTestId(testId);
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + 40, box.y + box.height * 0.6);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 40 + i * 22, box.y + box.height * (0.6 + 0.25 * Math.sin(i)), { steps: 2 });
  await page.mouse.up();
}

/** The button of the open antd dialog whose label is `label` (antd spaces two-character labels: 保 存). */
export const dialogButton = (page: Page, label: string) =>
  page.locator('.ant-modal-wrap:visible').getByRole('button', { name: new RegExp(label.split('').join('\\s*')) });

/** Whether an <img> finished loading a real picture. */
export const imageLoaded = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);

/** Today in China (the server's notion of "today" for certificate validity), shifted by whole years. */
export function chinaDatePlusYears(years: number, days = 0): string {
  const now = new Date(Date.now() + 8 * 3600_000);
  const d = new Date(Date.UTC(now.getUTCFullYear() + years, now.getUTCMonth(), now.getUTCDate() + days));
  return d.toISOString().slice(0, 10);
}
