import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/seed.js';
import { inputOf, launchBrowser, newContext, screenshot, settled, watchForErrors, signIn } from './support.js';

/**
 * Issue 10: an officer looks up the hearing rules in the law library — searches 听证, opens
 * 行政处罚法第六十四条 from the hits and reads its items (一)…(八); then the law's contents.
 */
describe('law library (browser)', () => {
  let browser: Browser;
  let page: Page;
  let problems: () => string[];

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await newContext(browser)).newPage();
    problems = watchForErrors(page);
    await signIn(page, 'cx.gxj.officer', DEMO_PASSWORD);
  });
  afterAll(() => browser?.close());

  it('searches 听证, opens 行政处罚法第六十四条 and shows its items', async () => {
    await page.getByTestId('menu-laws').click();
    await page.getByTestId('law-list').getByText('中华人民共和国行政处罚法').waitFor();
    await inputOf(page, 'law-search').fill('听证');
    await inputOf(page, 'law-search').press('Enter');
    const hit = page.getByTestId('law-hits').getByRole('link', { name: '《中华人民共和国行政处罚法》(2021-01-22) 第六十四条' });
    await hit.waitFor();
    await screenshot(page, 'laws-search');
    await hit.click();
    await expect.poll(() => page.getByTestId('law-citation').textContent()).toBe('《中华人民共和国行政处罚法》(2021-01-22) 第六十四条');
    // 行政处罚法第六十四条: 听证应当依照以下程序组织：（一）当事人要求听证的，应当在行政机关告知后五日内提出；… （八）听证应当制作笔录。
    await expect.poll(() => page.getByTestId('law-item-1-1').textContent()).toBe('（一）当事人要求听证的，应当在行政机关告知后五日内提出；');
    expect(await page.getByTestId('law-item-1-8').textContent()).toMatch(/^（八）听证应当制作笔录/);
    await screenshot(page, 'laws-article');
    expect(problems()).toEqual([]);
  });

  it('opens the law’s contents from the article and finds 第四节 听证程序 there', async () => {
    await page.getByRole('link', { name: '中华人民共和国行政处罚法' }).first().click();
    await page.getByTestId('law-contents').getByText('第四节 听证程序', { exact: false }).waitFor();
    await screenshot(page, 'laws-contents');
    // The contents lead to an article: 第六十五条, the last of 第四节.
    await page.getByTestId('law-contents').getByText('第六十五条', { exact: true }).click();
    await expect.poll(() => page.getByTestId('law-citation').textContent()).toBe('《中华人民共和国行政处罚法》(2021-01-22) 第六十五条');
    await settled(page);
    expect(problems()).toEqual([]);
  });
});
