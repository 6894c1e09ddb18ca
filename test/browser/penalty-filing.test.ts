import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/seed.js';
import { generateCreditCode } from '../../src/organisation/check-digits.js';
import { mulberry32 } from '../../src/platform/random.js';
import { apiLogin, chinaDatePlusYears, chooseOption, fillDate, launchBrowser, newContext, screenshot, unique, watchForErrors, signIn } from './support.js';

/**
 * Issue 9: the officer records, in the filing form built from the step's schema, when the offence
 * was committed and discovered (行政处罚法第三十六条); an offence discovered more than two years after
 * it was committed is refused with the article's message, one discovered in time is filed.
 */
describe('filing a penalty case with the offence and discovery dates (browser)', () => {
  const suffix = unique();
  let browser: Browser;
  let page: Page;
  let problems: () => string[];
  let caseId: string;

  beforeAll(async () => {
    const admin = await apiLogin('cx.gxj.admin', DEMO_PASSWORD);
    const item = await admin.request<{ id: string }>('POST', '/api/power-items', {
      code: `BT-CF-${suffix}`,
      name: '对使用国家明令淘汰的用能设备的处罚',
      category: 'penalty',
      legalBasis: '《中华人民共和国节约能源法》第十七条、第七十一条',
    });
    const officer = await apiLogin('cx.gxj.officer', DEMO_PASSWORD);
    const created = await officer.request<{ id: string }>('POST', '/api/cases', {
      procedure: 'penalty_general',
      powerItemId: item.id,
      title: `浏览器测试处罚${suffix}`,
      source: 'complaint',
      sourceDetail: { provider: '12345政务服务便民热线', content: '群众反映该单位使用淘汰电机' },
      parties: [{ kind: 'legal_person', name: `楚雄永泰建材有限公司${suffix}`, creditCode: generateCreditCode(mulberry32(Date.now() % 1e9), '532301'), legalRepresentative: '杨光' }],
    });
    caseId = created.id;
    browser = await launchBrowser();
    page = await (await newContext(browser)).newPage();
    problems = watchForErrors(page, [/422/]);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('refuses an offence discovered after two years, files one discovered in time', async () => {
    await signIn(page, 'cx.gxj.officer', DEMO_PASSWORD);
    await page.goto(`/app/cases/${caseId}`);
    await page.getByTestId('handle-propose_filing').click();

    await chooseOption(page, 'step-data-officers-0-personId', '普志明');
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await chooseOption(page, 'step-data-officers-1-personId', '张海燕');
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await page.getByTestId('step-data-summary').fill('当事人在生产车间使用国家明令淘汰的电动机');
    const today = chinaDatePlusYears(0);
    // Committed two years and a day before it was discovered today: out of time.
    await fillDate(page, 'step-data-offenceDate', chinaDatePlusYears(-2, -1));
    await fillDate(page, 'step-data-discoveredOn', today);
    for (const [field, value] of Object.entries({
      caseSource: '投诉举报',
      summary: '当事人在生产车间使用国家明令淘汰的电动机',
      suspectedViolation: '使用国家明令淘汰的用能设备',
      reason: '有违法事实，依法应当给予行政处罚，属于本机关管辖。',
      handlerOpinion: '建议立案调查。',
    }))
      await page.getByTestId(`doc-documents-case_filing_approval-${field}`).fill(value);
    await page.getByTestId('step-submit').click();
    await expect.poll(() => page.getByTestId('step-problem').textContent()).toContain('行政处罚法第三十六条');
    await screenshot(page, 'penalty-01-limitation-refused');

    // Discovered the day its second year ends: filed.
    await fillDate(page, 'step-data-offenceDate', chinaDatePlusYears(-2));
    await page.getByTestId('step-submit').click();
    await page.locator('.ant-modal-wrap').waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('case-step').textContent()).toBe('立案待审批');
    await screenshot(page, 'penalty-02-filed');
    expect(problems().filter((p) => !p.includes('422'))).toEqual([]);
  });
});
