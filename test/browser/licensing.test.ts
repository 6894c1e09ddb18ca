import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/seed.js';
import { generateCreditCode } from '../../src/organisation/check-digits.js';
import { mulberry32 } from '../../src/platform/random.js';
import { apiLogin, chooseOption, fillDate, inputOf, launchBrowser, newContext, screenshot, unique, watchForErrors, type Api, signIn, waitForStage } from './support.js';



async function login(page: Page, username: string): Promise<void> {
  await signIn(page, username, DEMO_PASSWORD);
}

/**
 * Issue 9's licensing steps in the browser (行政许可法): the application records the day its
 * materials were received (第三十二条), the officer accepts it with the 受理通知书, and the leader
 * extends the time limit by the days approved with the notice of the reason (第四十二条) — forms
 * rendered from the steps' JSON Schemas.
 */
describe('a licence application from receipt to an extension (browser)', () => {
  const suffix = unique();
  const title = `浏览器测试许可申请${suffix}`;
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: () => string[];
  let leaderApi: Api;
  let caseId: string;

  beforeAll(async () => {
    leaderApi = await apiLogin('cx.gxj.leader', DEMO_PASSWORD);
    browser = await launchBrowser();
    context = await newContext(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the officer registers the application with the day its materials were received', async () => {
    page = await context.newPage();
    problems = watchForErrors(page);
    await login(page, 'cx.gxj.officer');
    await page.getByTestId('menu-cases').click();
    await page.getByTestId('case-create').click();
    await chooseOption(page, 'case-procedure', '行政许可');
    await chooseOption(page, 'case-power-item', 'XK-001');
    await inputOf(page, 'case-title').fill(title);
    await chooseOption(page, 'case-source', '当事人申请');
    await page.getByTestId('case-source-content').fill('申请设置通信基站1座');
    await inputOf(page, 'party-0-name').fill(`楚雄恒达通信有限公司${suffix}`);
    await inputOf(page, 'party-0-credit-code').fill(generateCreditCode(mulberry32(Date.now() % 1e9), '532301'));
    await inputOf(page, 'party-0-legal-representative').fill('周建国');
    // Without the receipt date the form refuses (第三十二条 counts from it).
    await page.getByTestId('case-save').click();
    await page.locator('.ant-form-item-explain-error').filter({ hasText: '接收日期' }).first().waitFor();
    await fillDate(page, 'case-source-received-on', today);
    await page.getByTestId('case-save').click();
    await page.getByTestId('case-register-number').waitFor();
    caseId = new URL(page.url()).pathname.split('/').pop()!;
    expect(await page.getByTestId('case-step').textContent()).toBe('已收到申请');
    await screenshot(page, 'licensing-01-received');
  });

  it('the officer accepts it with a numbered 受理通知书', async () => {
    await page.getByTestId('handle-accept').click();
    await chooseOption(page, 'step-data-officers-0-personId', '普志明');
    await chooseOption(page, 'step-data-officers-1-personId', '张海燕');
    await inputOf(page, 'doc-documents-acceptance_notice-licenceItem').fill('无线电台（站）设置审批');
    await fillDate(page, 'doc-documents-acceptance_notice-receivedOn', today);
    const materials = inputOf(page, 'doc-documents-acceptance_notice-materials');
    await materials.click();
    await materials.fill('无线电台（站）设置申请表');
    await materials.press('Enter');
    await page.getByTestId('step-submit').click();
    await waitForStage(page, '已受理（审查中）');
  });

  it('the leader extends by the days approved and tells the applicant why', async () => {
    const leaderPage = await (await newContext(browser)).newPage();
    const leaderProblems = watchForErrors(leaderPage);
    await login(leaderPage, 'cx.gxj.leader');
    await leaderPage.goto(`/app/cases/${caseId}`);
    await leaderPage.getByTestId('handle-extend').click();
    await inputOf(leaderPage, 'step-data-days').fill('10');
    await leaderPage.getByTestId('step-data-reason').fill('需征求相邻地区无线电管理机构意见');
    await inputOf(leaderPage, 'doc-documents-extension_notice-licenceItem').fill('无线电台（站）设置审批');
    await fillDate(leaderPage, 'doc-documents-extension_notice-acceptedOn', today);
    await inputOf(leaderPage, 'doc-documents-extension_notice-days').fill('10');
    await leaderPage.getByTestId('doc-documents-extension_notice-reason').fill('需征求相邻地区无线电管理机构意见');
    await screenshot(leaderPage, 'licensing-02-extend');
    await leaderPage.getByTestId('step-submit').click();
    await leaderPage.locator('.ant-modal-wrap').waitFor({ state: 'hidden' });
    const detail = await leaderApi.request<{ documents: { docType: string; number: string | null }[]; clocks: { id: string; extendedBy: number }[] }>('GET', `/api/cases/${caseId}`);
    expect(detail.documents.find((d) => d.docType === 'extension_notice')?.number).toMatch(/延告〔\d{4}〕\d+号$/);
    expect(detail.clocks.find((k) => k.id === 'decision_20_days')?.extendedBy).toBe(10);
    expect(leaderProblems()).toEqual([]);
    expect(problems()).toEqual([]);
  });
});
