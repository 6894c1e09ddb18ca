import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/seed.js';
import { generateCreditCode } from '../../src/organisation/check-digits.js';
import { mulberry32 } from '../../src/platform/random.js';
import { sampleDocumentFields } from '../../src/demo/document-fields.js';
import { tinyPng } from '../../src/organisation/people/test-support.js';
import { apiLogin, chooseOption, fillDate, inputOf, launchBrowser, newContext, screenshot, unique, watchForErrors, type Api, signIn, waitForStage } from './support.js';

/*
 * 行政强制法第十九条、第二十五条 in the web app: a seizure taken on the spot in an emergency is
 * reported to the leader within 24 hours (the time entered to the minute), the leader ratifies it,
 * then extends it with the written extension decision — every form made from the step's schema.
 */

interface CaseView {
  id: string;
  step: string;
  officers: { personId: string; role: 'leader' | 'member' }[];
  clocks: { id: string; status: string; deadline: string; extendedBy: number }[];
}

const chinaNow = () => new Date(Date.now() + 8 * 3600_000).toISOString();

async function login(page: Page, username: string) {
  await signIn(page, username, DEMO_PASSWORD);
}

/** Submits the step dialog and waits for it to close; a refusal or a field left invalid fails with what the form shows. */
async function submit(page: Page, shot: string): Promise<void> {
  await page.getByTestId('step-submit').click();
  const closed = page.locator('.ant-modal-wrap').waitFor({ state: 'hidden', timeout: 30_000 }).then(() => null);
  const shown = page.locator('[data-testid="step-problem"], .ant-form-item-explain-error').first().waitFor({ timeout: 30_000 }).then(() => 'problem');
  if ((await Promise.race([closed, shown])) === 'problem') {
    await screenshot(page, shot);
    throw new Error(`the step was not taken: ${await page.locator('[data-testid="step-problem"], .ant-form-item-explain-error').allTextContents()}`);
  }
}


describe('an emergency seizure, reported, ratified and extended in the browser (行政强制法第十九条、第二十五条)', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: () => string[];
  let officer: Api;
  let caseId: string;

  beforeAll(async () => {
    officer = await apiLogin('cx.gxj.officer', DEMO_PASSWORD);
    const items = await officer.request<{ items: { id: string; category: string }[] }>('GET', '/api/power-items?category=coercion');
    const demo = await officer.request<{ items: { id: string }[] }>('GET', '/api/cases?procedure=coercion');
    const { officers } = await officer.request<CaseView>('GET', `/api/cases/${demo.items[0]!.id}`);
    const created = await officer.request<{ id: string }>('POST', '/api/cases', {
      procedure: 'coercion',
      powerItemId: items.items[0]!.id,
      title: `当场扣押浏览器测试${unique()}`,
      source: 'complaint',
      sourceDetail: { content: '群众举报正在转移涉案产品' },
      parties: [{ kind: 'legal_person', name: '楚雄恒达电器有限公司', creditCode: generateCreditCode(mulberry32(Date.now() % 1e9), '532301'), legalRepresentative: '周建国', address: '楚雄市鹿城镇永安路18号' }],
    });
    caseId = created.id;
    // Taken an hour ago, on the spot, before any approval (Art. 19).
    const actedAt = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 16);
    const on = chinaNow().slice(0, 10);
    await officer.request('POST', `/api/cases/${caseId}/steps`, {
      step: 'act_urgently',
      data: { officers: officers.map(({ personId, role }) => ({ personId, role })), measure: 'seize', items: '电热水壶 HD-1750 320台', reason: '防止证据灭失', urgency: '当事人正将涉案产品装车外运', actedAt, periodDays: 30, partyPresent: true },
      documents: [
        { docType: 'seizure_decision', fields: sampleDocumentFields('seizure_decision', on) },
        { docType: 'inspection_record', fields: sampleDocumentFields('inspection_record', on), signature: { imageDataUrl: `data:image/png;base64,${tinyPng(5).toString('base64')}` } },
      ],
      waivers: { av: '执法记录仪电量耗尽，无法录像，已在笔录中注明' },
    });
    browser = await launchBrowser();
    context = await newContext(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the officer reports within 24 hours, the time entered to the minute', async () => {
    page = await context.newPage();
    problems = watchForErrors(page);
    await login(page, 'cx.gxj.officer');
    await page.goto(`/app/cases/${caseId}`);
    await expect.poll(() => page.getByTestId('clock-urgent_report_24_hours').getAttribute('data-status')).toBe('running');
    await page.getByTestId('handle-report_urgent').click();
    // The report's time starts at now (China time), to the minute; the officer may correct it.
    await fillDate(page, 'step-data-reportedAt', chinaNow().slice(0, 16).replace('T', ' '));
    await inputOf(page, 'step-data-reportedTo').fill('张局长');
    await page.getByTestId('step-data-summary').fill('已当场扣押涉案电热水壶320台，现报告并申请补办批准手续。');
    await screenshot(page, 'coercion-01-report');
    await submit(page, 'coercion-01-report-refused');
    await waitForStage(page, '已报告（待补办批准）');
    await expect.poll(() => page.getByTestId('clock-urgent_report_24_hours').getAttribute('data-status')).toBe('met');
    expect(problems()).toEqual([]);
  });

  it('the leader ratifies, then extends by the days approved with the written decision', async () => {
    await context.clearCookies();
    await login(page, 'cx.gxj.leader');
    await page.goto(`/app/cases/${caseId}`);
    await page.getByTestId('handle-ratify').click();
    await submit(page, 'coercion-02-ratify-refused');
    await waitForStage(page, '措施实施中');

    const today = chinaNow().slice(0, 10);
    const plus = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    await page.getByTestId('handle-extend').click();
    await inputOf(page, 'step-data-days').fill('20');
    await page.getByTestId('step-data-reason').fill('涉案产品需追查来源和销售去向，案情复杂');
    await chooseOption(page, 'doc-documents-seizure_extension_decision-measure', '扣押');
    await fillDate(page, 'doc-documents-seizure_extension_decision-originalLastDay', plus(30));
    await inputOf(page, 'doc-documents-seizure_extension_decision-extendedDays').fill('20');
    await fillDate(page, 'doc-documents-seizure_extension_decision-newLastDay', plus(50));
    await page.getByTestId('doc-documents-seizure_extension_decision-reason').fill('涉案产品需追查来源和销售去向，案情复杂');
    await screenshot(page, 'coercion-03-extend');
    await submit(page, 'coercion-03-extend-refused');
    const view = await (await apiLogin('cx.gxj.leader', DEMO_PASSWORD)).request<CaseView>('GET', `/api/cases/${caseId}`);
    expect(view.clocks.find((k) => k.id === 'seizure_30_days_emergency')).toMatchObject({ extendedBy: 20, status: 'running' });
    await expect.poll(() => page.getByTestId('next-step-serve_extension').count()).toBe(1);
    expect(problems()).toEqual([]);
  });
});
