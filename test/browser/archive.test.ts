import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/seed.js';
import { apiLogin, chooseOption, inputOf, launchBrowser, newContext, screenshot, unique, watchForErrors, type Api } from './support.js';

interface CaseSummary {
  id: string;
  registerNumber: string;
  title: string;
  status: string;
}

interface CaseFile {
  status: string;
  compiledAt: string | null;
  transferredAt: string | null;
  catalogue: { no: number; title: string; kind: string }[];
}

/**
 * Issue 3, R8/R14 and the to-do list in the browser: the administrator of 楚雄州工信局 registers a
 * recording device, lends it to an officer and takes it back (the loan history shows both); opens a
 * closed demo case that has no case file, compiles it (the catalogue lists its documents and
 * evidence), transfers it to the archive (the case turns read-only); the dashboard shows the
 * to-do list with the archive tasks.
 */
describe('devices, case file and archive, to-do list (browser)', () => {
  const suffix = unique();
  const serial = `BT-DSJ-${suffix}`;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: () => string[];
  let admin: Api;
  let target: CaseSummary;
  let borrower: string;

  beforeAll(async () => {
    admin = await apiLogin('cx.gxj.admin', DEMO_PASSWORD);
    const me = await admin.request<{ user: { agencyId: string } }>('GET', '/api/auth/me');
    const people = await admin.request<{ items: { name: string }[] }>('GET', `/api/people?agencyId=${me.user.agencyId}&limit=5`);
    borrower = people.items[0]!.name;
    // A closed demo case whose file nobody has compiled yet.
    const closed = await admin.request<{ items: CaseSummary[] }>('GET', '/api/cases?status=closed&limit=100');
    for (const c of closed.items) {
      const file = await admin.request<CaseFile>('GET', `/api/cases/${c.id}/file`);
      if (!file.compiledAt) {
        target = c;
        break;
      }
    }
    expect(target, 'the demo has a closed case without a case file').toBeDefined();
    browser = await launchBrowser();
    context = await newContext(browser);
    page = await context.newPage();
    problems = watchForErrors(page);
    await page.goto('/app/login');
    await page.getByTestId('login-username').fill('cx.gxj.admin');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-agency').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('registers a device, lends it to an officer and takes it back', async () => {
    await page.getByTestId('menu-devices').click();
    await page.getByTestId('devices-table').locator('.ant-table-row').first().waitFor();
    // The demo lends each agency's body camera to an officer.
    expect(await page.getByTestId('device-holder').count()).toBeGreaterThan(0);
    await screenshot(page, 'archive-01-devices');

    await page.getByTestId('device-register').click();
    await chooseOption(page, 'device-kind', '执法记录仪');
    await inputOf(page, 'device-serial').fill(serial);
    await inputOf(page, 'device-model').fill('执法记录仪 DSJ-V9 Pro');
    await page.getByTestId('device-save').click();
    const row = page.getByTestId(`device-${serial}`);
    await row.waitFor();
    expect(await row.getByTestId('device-status').textContent()).toBe('在库');

    await row.getByTestId('device-lend').click();
    await page.locator('.ant-modal-wrap:visible [data-testid="person-select"]').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: borrower }).first().click();
    await screenshot(page, 'archive-02-lend');
    await page.getByTestId('device-lend-ok').click();
    await expect.poll(() => row.getByTestId('device-status').textContent()).toBe('已借出');
    expect(await row.getByTestId('device-holder').textContent()).toBe(borrower);

    await row.getByTestId('device-return').click();
    await page.getByTestId('device-return-ok').click();
    await expect.poll(() => row.getByTestId('device-status').textContent()).toBe('在库');
    await page.locator('.ant-modal-confirm').waitFor({ state: 'hidden' });
    expect(await row.getByTestId('device-holder').count()).toBe(0);

    // The loan history keeps the loan with its return.
    await row.locator('.ant-table-row-expand-icon').click();
    const history = page.locator('[data-testid^="device-loans-"]');
    await history.locator('.ant-table-row').first().waitFor();
    const loan = await history.locator('.ant-table-row').first().textContent();
    expect(loan).toContain(borrower);
    expect(loan).not.toContain('未归还');
    await screenshot(page, 'archive-03-returned');
    expect(problems()).toEqual([]);
  });

  it('compiles the file of a closed case, shows the catalogue, and transfers it to the archive', async () => {
    await page.goto(`/app/cases/${target.id}`);
    await page.getByTestId('case-register-number').waitFor();
    expect(await page.getByTestId('case-status').first().textContent()).toBe('已结案');
    await page.getByTestId('case-tab-file').click();
    await expect.poll(() => page.getByTestId('case-file-state').textContent()).toBe('尚未立卷');
    expect(await page.getByTestId('case-file-compile-by').textContent()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await screenshot(page, 'archive-04-not-compiled');

    await page.getByTestId('case-file-compile').click();
    await page.getByTestId('case-file-compile-ok').click();
    await expect.poll(() => page.getByTestId('case-file-state').textContent()).toBe('已立卷，待移交归档');
    await page.locator('.ant-modal-confirm').waitFor({ state: 'hidden' });
    const file = await admin.request<CaseFile>('GET', `/api/cases/${target.id}/file`);
    expect(file.catalogue.length).toBeGreaterThan(0);
    const rows = page.getByTestId('case-file-catalogue').locator('.ant-table-row');
    await expect.poll(() => rows.count()).toBe(file.catalogue.length);
    expect(await rows.first().textContent()).toContain(file.catalogue[0]!.title);
    await screenshot(page, 'archive-05-compiled');

    await page.getByTestId('case-file-transfer').click();
    await page.getByTestId('case-file-transfer-ok').click();
    await expect.poll(() => page.getByTestId('case-file-state').textContent()).toBe('已移交归档');
    await page.locator('.ant-modal-confirm').waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('case-status').first().textContent()).toBe('已归档');
    await page.getByTestId('case-read-only').waitFor();
    // Read-only: no step can be taken and the file can be neither compiled nor transferred again.
    expect(await page.locator('[data-testid^="handle-"]:not([disabled])').count()).toBe(0);
    expect(await page.getByTestId('case-file-compile').count()).toBe(0);
    expect(await page.getByTestId('case-file-transfer').count()).toBe(0);
    expect((await admin.request<CaseFile>('GET', `/api/cases/${target.id}/file`)).status).toBe('archived');
    await screenshot(page, 'archive-06-archived');

    // The case record (timeline) holds both.
    await page.getByRole('tab', { name: '时间轴' }).click();
    await page.getByTestId('timeline-case.file_transferred').waitFor();
    expect(await page.getByTestId('timeline-case.file_compiled').count()).toBe(1);
    expect(problems()).toEqual([]);
  });

  it('an access request goes from the division head to the leader, and one use is recorded (R9)', async () => {
    await page.getByTestId('case-tab-access').click();
    await page.getByTestId('access-register').click();
    await inputOf(page, 'access-requester-name').fill('李明');
    await page.getByTestId('access-purpose').fill('当事人申请查阅处罚卷宗，准备行政复议');
    await page.getByTestId('access-submit').click();
    await expect.poll(() => page.getByTestId('access-status').first().textContent()).toBe('待科室负责人意见');
    // The administrator gives no opinion (division head) and no decision (leader).
    expect(await page.getByTestId('access-opinion-open').count()).toBe(0);
    await screenshot(page, 'archive-07-access-request');

    // A division head of the agency (created for this test) gives the opinion in the browser.
    const me = await admin.request<{ user: { agencyId: string } }>('GET', '/api/auth/me');
    const head = `cx.gxj.head${suffix}`;
    await admin.request('POST', '/api/users', { username: head, displayName: `科室负责人${suffix}`, password: DEMO_PASSWORD, agencyId: me.user.agencyId, roles: ['division_head'] });
    const other = await newContext(browser);
    try {
      const second = await other.newPage();
      const secondProblems = watchForErrors(second);
      const actAs = async (username: string, open: string, fill: () => Promise<void>, status: string) => {
        await second.goto('/app/login');
        await second.getByTestId('login-username').fill(username);
        await second.getByTestId('login-password').fill(DEMO_PASSWORD);
        await second.getByTestId('login-submit').click();
        await second.getByTestId('current-agency').waitFor();
        await second.goto(`/app/cases/${target.id}`);
        await second.getByTestId('case-tab-access').click();
        await second.getByTestId(open).first().click();
        await fill();
        await second.getByTestId('access-submit').click();
        await expect.poll(() => second.getByTestId('access-status').first().textContent()).toBe(status);
        await second.locator('.ant-modal-wrap').waitFor({ state: 'hidden' });
        await second.getByTestId('logout').click();
        await second.getByTestId('login-username').waitFor();
      };
      // Not a licensing file: the division head's agreement goes on to the leader.
      await actAs(head, 'access-opinion-open', () => second.getByTestId('access-opinion').fill('同意查阅，限于处罚决定部分'), '待机关负责人审批');
      await actAs(
        'cx.gxj.leader',
        'access-decision-open',
        async () => {
          await inputOf(second, 'access-valid-days').fill('3');
          await second.getByTestId('access-note').fill('同意，三日内查阅');
        },
        '已批准',
      );
      expect(secondProblems()).toEqual([]);
    } finally {
      await other.close();
    }

    await page.reload();
    await page.getByTestId('case-tab-access').click();
    await expect.poll(() => page.getByTestId('access-status').first().textContent()).toBe('已批准');
    expect(await page.getByTestId('access-validity').first().textContent()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} 至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await page.getByTestId('access-use-open').click();
    await page.getByTestId('access-note').fill('当事人现场查阅');
    await page.getByTestId('access-submit').click();
    await page.locator('.ant-modal-wrap').waitFor({ state: 'hidden' });
    await page.getByRole('tab', { name: '时间轴' }).click();
    await page.getByTestId('timeline-access.used').waitFor();
    await page.getByTestId('case-tab-access').click();
    await screenshot(page, 'archive-08-access-approved');
    expect(problems()).toEqual([]);
  });

  it('the administrator adjusts the A/V recording list of the agency (R3)', async () => {
    const me = await admin.request<{ user: { agencyId: string } }>('GET', '/api/auth/me');
    const before = await admin.request<{ items: { procedure: string; step: string; required: boolean; overridden: boolean }[] }>('GET', `/api/agencies/${me.user.agencyId}/av-list`);
    // A levy step: the browser tests share one server, and cases.test.ts runs an inspection that
    // must not suddenly need a recording at a step it does not expect.
    const item = before.items.find((i) => i.procedure === 'levy' && !i.overridden && !i.required)!;
    await page.goto(`/app/agencies/${me.user.agencyId}?tab=avList`);
    const toggle = page.getByTestId(`av-${item.procedure}-${item.step}`);
    await toggle.waitFor();
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    await toggle.click();
    await page.getByTestId('av-list-save').click();
    await expect.poll(async () => (await admin.request<typeof before>('GET', `/api/agencies/${me.user.agencyId}/av-list`)).items.find((i) => i.procedure === item.procedure && i.step === item.step)).toMatchObject({ required: true, overridden: true });
    await expect.poll(() => page.getByTestId('av-list-save').isDisabled()).toBe(true);
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    expect(await toggle.locator('xpath=ancestor::td').textContent()).toContain('已调整');
    await screenshot(page, 'archive-09-av-list');
    expect(problems()).toEqual([]);
  });

  it('shows the to-do list on the dashboard', async () => {
    await page.getByTestId('menu-dashboard').click();
    await page.getByTestId('todo').waitFor();
    const todo = await admin.request<{ cases: unknown[]; archive: { caseId: string; registerNumber: string }[] }>('GET', '/api/todo');
    expect(todo.archive.some((a) => a.caseId === target.id)).toBe(false); // just archived
    expect(todo.archive.length).toBeGreaterThan(0); // the demo's other closed cases
    const rows = page.getByTestId('todo-archive').locator('.ant-table-row');
    await rows.first().waitFor();
    expect(await page.getByTestId('todo-archive').textContent()).toContain(todo.archive[0]!.registerNumber);
    await rows.first().getByRole('link').first().click();
    await expect.poll(() => page.getByTestId('case-register-number').textContent()).toBe(todo.archive[0]!.registerNumber);
    await page.goBack();
    await page.getByTestId('todo').waitFor();
    await screenshot(page, 'archive-10-dashboard');
    expect(problems()).toEqual([]);
  });
});
