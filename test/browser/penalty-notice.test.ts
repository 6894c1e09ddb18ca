import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/seed.js';
import { sampleDocumentFields } from '../../src/demo/document-fields.js';
import { generateCreditCode } from '../../src/organisation/check-digits.js';
import { mulberry32 } from '../../src/platform/random.js';
import { apiLogin, chooseOption, fillDate, launchBrowser, newContext, screenshot, unique, watchForErrors, type Api, signIn, sign } from './support.js';

interface CaseDetail {
  step: string;
  clocks: { id: string; startedOn: string; status: string; metOn: string | null }[];
  documents: { docType: string; signed: boolean }[];
  nextSteps: { id: string; blocked: { code: string } | null }[];
}


/**
 * Issue 9 in the browser: after the prior notice (行政处罚事先告知书) is issued, the officer records its
 * service — method, the day the party received it, the signed 送达回证 — and the party's signed
 * 放弃陈述申辩声明, from the forms the case page builds from the steps' schemas; the statement window
 * then runs from the service day and is closed by the waiver, so the leader may decide.
 */
describe('a penalty case: the prior notice served and the statement waived (browser)', () => {
  const suffix = unique();
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: () => string[];
  let officer: Api;
  let leader: Api;
  let caseId: string;

  beforeAll(async () => {
    // Arranged through the API: a penalty item, and a case filed, investigated and notified today.
    const admin = await apiLogin('cx.gxj.admin', DEMO_PASSWORD);
    const item = await admin.request<{ id: string }>('POST', '/api/power-items', {
      code: `BT-CF-${suffix}`,
      name: '对生产不符合保障人身、财产安全的国家标准的产品的处罚',
      category: 'penalty',
      legalBasis: '《中华人民共和国产品质量法》第十三条、第四十九条',
    });
    officer = await apiLogin('cx.gxj.officer', DEMO_PASSWORD);
    leader = await apiLogin('cx.gxj.leader', DEMO_PASSWORD);
    const personId = async (name: string) => (await officer.request<{ items: { id: string }[] }>('GET', `/api/people?q=${encodeURIComponent(name)}`)).items[0]!.id;
    const group = [
      { personId: await personId('普志明'), role: 'leader' },
      { personId: await personId('张海燕'), role: 'member' },
    ];
    const opened = await officer.request<{ id: string }>('POST', '/api/cases', {
      procedure: 'penalty_general',
      powerItemId: item.id,
      title: `浏览器测试处罚${suffix}`,
      source: 'plan',
      sourceDetail: { content: '监督抽查发现电热水壶泄漏电流不合格' },
      parties: [{ kind: 'legal_person', name: `楚雄恒达电器有限公司${suffix}`, creditCode: generateCreditCode(mulberry32(Date.now() % 1e9), '532301'), legalRepresentative: '周建国' }],
    });
    caseId = opened.id;
    const doc = (docType: string) => ({ docType, fields: sampleDocumentFields(docType, today) });
    const step = (api: Api, body: Record<string, unknown>) => api.request('POST', `/api/cases/${caseId}/steps`, body);
    await step(officer, { step: 'propose_filing', data: { officers: group, summary: '抽查不合格', offenceDate: '2026-06-01', offenceContinuing: false, discoveredOn: '2026-06-15', limitationExtended: false }, documents: [doc('case_filing_approval')] });
    await step(leader, { step: 'approve_filing', data: {} });
    await step(officer, { step: 'conclude_investigation', data: { proposedPenalty: '没收违法生产的产品，并处罚款', hearingEligible: false }, documents: [doc('investigation_report')] });
    await step(officer, { step: 'notify_prior', data: {}, documents: [doc('penalty_prior_notice')] });
    browser = await launchBrowser();
    context = await newContext(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the officer records the service of the prior notice, with the party signing the 送达回证', async () => {
    page = await context.newPage();
    problems = watchForErrors(page);
    await signIn(page, 'cx.gxj.officer', DEMO_PASSWORD);
    await page.goto(`/app/cases/${caseId}`);
    await page.getByTestId('next-step-serve_prior_notice').waitFor();
    // Not served yet: the decision waits for the service (the leader's step, shown blocked).
    expect((await leader.request<CaseDetail>('GET', `/api/cases/${caseId}`)).nextSteps.find((n) => n.id === 'decide')?.blocked?.code).toBe('STEP_NOT_ALLOWED');

    await page.getByTestId('handle-serve_prior_notice').click();
    await chooseOption(page, 'step-data-method', '直接送达');
    await fillDate(page, 'step-data-servedOn', today);
    await page.getByTestId('doc-documents-service_receipt-servedDocuments-0-title').fill('行政处罚事先告知书');
    await chooseOption(page, 'doc-documents-service_receipt-method', '直接送达');
    await page.getByTestId('doc-documents-service_receipt-place').fill('楚雄市鹿城镇永安路18号');
    await page.getByTestId('doc-documents-service_receipt-recipient').fill('周建国');
    await sign(page, 'signature-service_receipt-canvas');
    await screenshot(page, 'penalty-01-serve-prior-notice');
    await page.getByTestId('step-submit').click();
    await page.locator('.ant-modal-wrap').waitFor({ state: 'hidden' });
    await page.getByTestId('next-step-waive_statement').waitFor();
    const served = await leader.request<CaseDetail>('GET', `/api/cases/${caseId}`);
    expect(served.clocks.find((k) => k.id === 'statement_defence_5_days')).toMatchObject({ startedOn: today, status: 'open' });
    expect(served.nextSteps.find((n) => n.id === 'decide')?.blocked?.code).toBe('TIME_WINDOW_OPEN');
  });

  it('records the party’s signed waiver of statement and defence; the leader may then decide', async () => {
    await page.getByTestId('handle-waive_statement').click();
    await fillDate(page, 'step-data-signedOn', today);
    await page.getByTestId('doc-documents-statement_waiver-declarant').fill('周建国');
    expect(await page.getByTestId('doc-documents-statement_waiver-declaration').inputValue()).toContain('放弃陈述、申辩的权利');
    await sign(page, 'signature-statement_waiver-canvas');
    await screenshot(page, 'penalty-02-waive-statement');
    await page.getByTestId('step-submit').click();
    await page.locator('.ant-modal-wrap').waitFor({ state: 'hidden' });
    await expect.poll(async () => (await leader.request<CaseDetail>('GET', `/api/cases/${caseId}`)).documents.some((d) => d.docType === 'statement_waiver' && d.signed)).toBe(true);
    const waived = await leader.request<CaseDetail>('GET', `/api/cases/${caseId}`);
    expect(waived.clocks.find((k) => k.id === 'statement_defence_5_days')).toMatchObject({ status: 'closed', metOn: today });
    expect(waived.nextSteps.find((n) => n.id === 'decide')?.blocked).toBeNull();
    expect(await page.getByTestId('next-steps-leader').textContent()).toContain('作出处罚决定');
  });

  it('nothing failed in the staff app along the way', () => {
    expect(problems()).toEqual([]);
  });
});
