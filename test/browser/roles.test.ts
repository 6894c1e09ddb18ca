import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/seed.js';
import { apiLogin, launchBrowser, newContext, screenshot, watchForErrors, signIn } from './support.js';

interface CaseRow {
  id: string;
  registerNumber: string;
}
interface CaseDetail {
  nextSteps: { id: string; doneBy: 'officers' | 'leader'; forYou: boolean }[];
}

/**
 * Issue 8: each role sees only what it can do. A supervisor and a legal reviewer read a demo case
 * whose next steps are the officers': no step with a 办理 button, one line saying who does them,
 * and no 登记案件 on the case list.
 */
describe('each role sees only what it can do (browser)', () => {
  let browser: Browser;
  let demoCase: CaseRow;

  beforeAll(async () => {
    const officer = await apiLogin('cx.gxj.officer', DEMO_PASSWORD);
    const { items } = await officer.request<{ items: CaseRow[] }>('GET', '/api/cases?status=open&limit=100');
    for (const row of items) {
      const detail = await officer.request<CaseDetail>('GET', `/api/cases/${row.id}`);
      if (detail.nextSteps.some((s) => s.doneBy === 'officers' && s.forYou)) {
        demoCase = row;
        break;
      }
    }
    if (!demoCase) throw new Error('the demo data has no open case with an officer step for cx.gxj.officer');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function logIn(page: Page, username: string): Promise<void> {
    await signIn(page, username, DEMO_PASSWORD);
  }

  it.each([
    { username: 'cx.sfj', who: 'supervisor' },
    { username: 'cx.gxj.reviewer', who: 'legal-reviewer' },
  ])('a $who sees no 登记案件 and none of the officers\' steps', async ({ username, who }) => {
    const page = await (await newContext(browser)).newPage();
    const problems = watchForErrors(page);
    await logIn(page, username);
    await page.goto('/app/cases');
    await page.getByTestId('cases-table').waitFor();
    expect(await page.getByTestId('case-create').count()).toBe(0);

    await page.goto(`/app/cases/${demoCase.id}`);
    await page.getByTestId('case-register-number').waitFor();
    const steps = page.getByTestId('next-steps');
    await page.getByTestId('next-steps-officers').waitFor();
    expect(await page.getByTestId('next-steps-officers').textContent()).toMatch(/^由执法人员办理：/);
    expect(await steps.locator('[data-testid^="next-step-"]').count()).toBe(0);
    expect(await steps.locator('button').count()).toBe(0);
    expect(await steps.textContent()).not.toContain('需由机关负责人办理');
    await screenshot(page, `roles-${who}-case`);
    expect(problems()).toEqual([]);
  });

  it('the officer of the case still sees the step with its 办理 button', async () => {
    const page = await (await newContext(browser)).newPage();
    await logIn(page, 'cx.gxj.officer');
    await page.goto('/app/cases');
    await page.getByTestId('case-create').waitFor();
    await page.goto(`/app/cases/${demoCase.id}`);
    await page.getByTestId('next-steps').locator('[data-testid^="handle-"]').first().waitFor();
  });
});
