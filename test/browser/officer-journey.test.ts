import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdNumber } from '../../src/organisation/check-digits.js';
import { mulberry32 } from '../../src/platform/random.js';
import {
  admin,
  apiLogin,
  chinaDatePlusYears,
  chooseOption,
  dialogButton,
  fillDate,
  imageLoaded,
  inputOf,
  launchBrowser,
  newContext,
  screenshot,
  unique,
  watchForErrors,
} from './support.js';

const PHOTO = path.resolve('test/browser/fixtures/officer-photo.png');

interface AgencyRow {
  id: string;
  name: string;
  kind: 'enforcement' | 'justice_bureau';
  regionCode: string;
  confirmation: unknown;
}

/**
 * Issue 2's journey (O2, P3, P12): an agency administrator adds a division and registers an
 * officer with a certificate and a photo; the public verification page then says the certificate
 * is valid and shows the officer; once revoked it says so; an unknown number is reported as such.
 */
describe('officer registration to public verification (browser)', () => {
  const suffix = unique();
  const officer = { name: `测试员${suffix.slice(0, 3)}`, certificate: `53BT${Date.now().toString().slice(-8)}` };
  const division = `浏览器测试科${suffix}`;
  let browser: Browser;
  let staff: BrowserContext;
  let publicContext: BrowserContext;
  let agency: AgencyRow;
  const login = { username: `bt.admin.${suffix}`, password: 'Browser-journey-2026' };

  beforeAll(async () => {
    // Arrange through the API: a confirmed enforcement agency of the demo (its officers are
    // published, P13) and a new administrator for it.
    const sysadmin = await apiLogin(admin().username, admin().password);
    const { items } = await sysadmin.request<{ items: AgencyRow[] }>('GET', '/api/agencies?kind=enforcement&limit=100');
    const confirmed = items.find((a) => a.confirmation !== null);
    if (!confirmed) throw new Error('the demo data has no confirmed enforcement agency');
    agency = confirmed;
    await sysadmin.request('POST', '/api/users', { username: login.username, displayName: `浏览器测试管理员${suffix}`, password: login.password, agencyId: agency.id, roles: ['agency_admin'] });
    browser = await launchBrowser();
    staff = await newContext(browser);
    publicContext = await newContext(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  let page: Page;
  let problems: () => string[];

  it('logs in as the agency administrator', async () => {
    page = await staff.newPage();
    // A new officer has no photo until it is uploaded: the photo request answers 404 until then.
    problems = watchForErrors(page, [/^GET 404 \/api\/people\/[^/]+\/photo$/]);
    await page.goto('/app/login');
    await page.getByTestId('login-username').fill(login.username);
    await page.getByTestId('login-password').fill(login.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-agency').waitFor();
    expect(await page.getByTestId('current-agency').textContent()).toContain(agency.name);
    await screenshot(page, 'journey-01-dashboard');
  });

  it('adds a division to the agency', async () => {
    await page.getByTestId('menu-agencies').click();
    await page.getByRole('link', { name: agency.name }).first().click();
    await page.getByTestId('agency-title').waitFor();
    expect(await page.getByTestId('agency-title').textContent()).toBe(agency.name);
    await screenshot(page, 'journey-02-agency');

    await page.getByTestId('agency-tab-divisions').click();
    await page.getByTestId('division-create').click();
    await inputOf(page, 'division-name').fill(division);
    await dialogButton(page, '保存').click();
    await page.locator('.ant-table-row').filter({ hasText: division }).waitFor();
    await screenshot(page, 'journey-03-divisions');
  });

  it('registers an officer with a certificate', async () => {
    await page.getByTestId('agency-tab-people').click();
    await page.getByTestId('agency-person-create').click();
    await inputOf(page, 'person-name').waitFor();
    await inputOf(page, 'person-name').fill(officer.name);
    await page.getByLabel('女', { exact: true }).check();
    await inputOf(page, 'person-id-number').fill(generateIdNumber(mulberry32(Date.now() % 1e9), agency.regionCode, '1990-03-08', 'female'));
    await chooseOption(page, 'person-division', division);
    await inputOf(page, 'person-position').fill('科员');
    await inputOf(page, 'person-certificate-number').fill(officer.certificate);
    await fillDate(page, 'person-certificate-issued-on', chinaDatePlusYears(-1));
    await fillDate(page, 'person-certificate-expires-on', chinaDatePlusYears(4));
    await page.getByLabel('行政处罚', { exact: true }).check();
    await page.getByLabel('行政检查', { exact: true }).check();
    await inputOf(page, 'person-area').fill('本机关管辖区域');
    await screenshot(page, 'journey-04-officer-form');
    await page.getByTestId('person-save').click();

    await page.getByTestId('person-title').waitFor();
    expect(await page.getByTestId('person-title').textContent()).toBe(officer.name);
    expect(await page.getByTestId('certificate-number').first().textContent()).toContain(officer.certificate);
    // The ID number is only ever shown masked (P8).
    expect(await page.getByTestId('person-id-masked').textContent()).toMatch(/\*/);
  });

  it('uploads the officer’s photo from a file', async () => {
    await page.locator('input[type="file"]').setInputFiles(PHOTO);
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('img[data-testid="person-photo"]');
      return !!img && img.src.includes('?v=') && img.complete && img.naturalWidth > 0;
    });
    expect(await imageLoaded(page, 'img[data-testid="person-photo"]')).toBe(true);
    await screenshot(page, 'journey-05-officer');
  });

  it('the public verification page says the certificate is valid and shows the officer', async () => {
    // The officer page links to the public page (opens in a new tab).
    const [popup] = await Promise.all([staff.waitForEvent('page'), page.getByTestId('person-verify-link').click()]);
    await popup.waitForLoadState();
    expect(new URL(popup.url()).pathname).toBe(`/verify/officer/${officer.certificate}`);
    await screenshot(popup, 'verify-from-staff-link');
    await popup.close();

    // A member of the public, not logged in, checks the certificate.
    const visitor = await publicContext.newPage();
    const visitorProblems = watchForErrors(visitor);
    const res = await visitor.goto(`/verify/officer/${encodeURIComponent(officer.certificate)}`);
    expect(res?.status()).toBe(200);
    const verdict = (await visitor.locator('.verdict').textContent()) ?? '';
    expect(verdict).toContain('有效');
    expect(verdict).not.toContain('无效');
    const holder = (await visitor.locator('.holder').textContent()) ?? '';
    expect(holder).toContain(officer.name);
    expect(holder).toContain(officer.certificate);
    expect(holder).toContain(agency.name);
    expect(await imageLoaded(visitor, '.holder img')).toBe(true);
    await screenshot(visitor, 'verify-valid');
    expect(visitorProblems()).toEqual([]);
    await visitor.close();
  });

  it('after the certificate is revoked, the public page says so', async () => {
    await page.getByTestId('person-edit').click();
    await chooseOption(page, 'person-certificate-status', '吊销');
    await page.getByTestId('person-edit-save').click();
    await page.locator('.ant-modal-wrap').waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('certificate-status').first().textContent()).toBe('吊销');
    await screenshot(page, 'journey-06-officer-revoked');

    const visitor = await publicContext.newPage();
    await visitor.goto(`/verify/officer/${encodeURIComponent(officer.certificate)}`);
    const verdict = (await visitor.locator('.verdict').textContent()) ?? '';
    expect(verdict).toContain('已吊销');
    expect(verdict).toContain('无效');
    expect(await visitor.locator('.holder').textContent()).toContain(officer.name);
    await screenshot(visitor, 'verify-revoked');
    await visitor.close();
  });

  it('an unknown certificate number is reported as not found', async () => {
    const visitor = await publicContext.newPage();
    const res = await visitor.goto(`/verify/officer/NOSUCH${suffix}`);
    expect(res?.status()).toBe(404);
    const verdict = (await visitor.locator('.verdict').textContent()) ?? '';
    expect(verdict).toContain('未找到');
    expect(verdict).toContain(`NOSUCH${suffix}`);
    await screenshot(visitor, 'verify-unknown');
    await visitor.close();
  });

  it('nothing failed in the staff app along the way', () => {
    expect(problems()).toEqual([]);
  });
});
