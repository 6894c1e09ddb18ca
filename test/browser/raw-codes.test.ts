import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/seed.js';
import { ui } from '../../src/i18n/ui.js';
import { admin, apiLogin, launchBrowser, newContext, screenshot, settled, watchForErrors, signIn } from './support.js';

/**
 * Issue 8: codes such as "document.viewed" and "evidence.added" reached the screen. This walks the
 * staff app as the demo's system administrator, an agency administrator, a supervisor and an
 * officer — every page of their menu, and a demo case with each of its tabs (reads shown too) —
 * and fails on any `word.word` code in the visible text.
 */

/** A dotted code: `evidence.added`, `auth.login_failed`, `case.file_compiled`. */
const CODE = /\b[a-z]+(?:_[a-z]+)*\.[a-z]+(?:_[a-z]+)*\b/g;
/** Text that may contain dots without being a code: web addresses, e-mail addresses, file names. */
const NOT_CODES = [/\bhttps?:\/\/\S+/g, /\b\S+@\S+\.\S+/g, /\b[\w\u4e00-\u9fff-]+\.(?:png|jpe?g|gif|webp|pdf|docx?|xlsx?|csv|txt|zip|json|mp4|webm|mov|mp3|m4a|wav|ogg)\b/gi];

/** The untranslated codes in a text, once each; `usernames` are names people chose, not codes. */
function untranslatedCodes(text: string, usernames: ReadonlySet<string>): string[] {
  let rest = text;
  for (const pattern of NOT_CODES) rest = rest.replace(pattern, ' ');
  // Longest first, so that "cx.gxj.admin" goes before "cx.gxj" could leave ".admin" behind.
  for (const name of [...usernames].sort((a, b) => b.length - a.length)) rest = rest.split(name).join(' ');
  return [...new Set(rest.match(CODE) ?? [])];
}

interface CaseRow {
  id: string;
  registerNumber: string;
  documentId: string;
}
interface CaseDetail {
  id: string;
  documents: { id: string }[];
}

const PEOPLE = [
  { username: 'sysadmin', who: 'system-admin' },
  { username: 'cx.gxj.admin', who: 'agency-admin' },
  { username: 'cx.sfj', who: 'supervisor' },
  { username: 'cx.gxj.officer', who: 'officer' },
] as const;

describe('no raw codes on screen (browser)', () => {
  let browser: Browser;
  let usernames: Set<string>;
  let demoCase: CaseRow;

  beforeAll(async () => {
    const sysadmin = await apiLogin(admin().username, admin().password);
    const users = await sysadmin.request<{ items: { username: string }[] }>('GET', '/api/users?limit=500');
    usernames = new Set(users.items.map((u) => u.username));
    // A demo case of the officer's agency with documents; opening one as .docx records a
    // 'document.viewed' entry, and an evidence upload records 'evidence.added' in the audit log.
    const officer = await apiLogin('cx.gxj.officer', DEMO_PASSWORD);
    const { items } = await officer.request<{ items: CaseRow[] }>('GET', '/api/cases?limit=100');
    for (const row of items) {
      const detail = await officer.request<CaseDetail>('GET', `/api/cases/${row.id}`);
      if (detail.documents.length) {
        demoCase = { ...row, documentId: detail.documents[0]!.id };
        break;
      }
    }
    if (!demoCase) throw new Error('the demo data has no case with documents for cx.gxj.officer');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function logIn(page: Page, username: string): Promise<void> {
    await signIn(page, username, username === admin().username ? admin().password : DEMO_PASSWORD);
  }

  async function codesOn(page: Page): Promise<string[]> {
    await settled(page);
    return untranslatedCodes(await page.locator('body').innerText(), usernames);
  }

  for (const person of PEOPLE) {
    it(`shows no codes on the pages of the ${person.who}`, async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      const problems = watchForErrors(page);
      await logIn(page, person.username);
      const menu = await page.locator('[data-testid^="menu-"]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
      expect(menu.length).toBeGreaterThan(3);
      const found: Record<string, string[]> = {};
      for (const path of [...menu, '/app/account']) {
        await page.goto(path);
        const codes = await codesOn(page);
        if (codes.length) found[path] = codes;
        if (path === '/app/audit') {
          await screenshot(page, `codes-${person.who}-audit`);
          // The newest page is mostly logins: ask for the evidence events of the demo cases too.
          await page.getByTestId('audit-filter-subject-type').click();
          await page.keyboard.type(ui.labels.auditSubject.evidence);
          await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: new RegExp(`^${ui.labels.auditSubject.evidence}$`) }).click();
          await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(0);
          const more = await codesOn(page);
          if (more.length) found[`${path} (evidence)`] = more;
        }
      }
      expect(found).toEqual({});
      expect(problems()).toEqual([]);
      await context.close();
    });
  }

  it('shows no codes on a demo case, on every tab, with the reads shown too', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const problems = watchForErrors(page);
    await logIn(page, 'cx.gxj.officer');
    // Opening a document (from the app's own page) records 'document.viewed' in the case's record.
    await page.goto(`/app/cases/${demoCase.id}`);
    const status = await page.evaluate(async (url) => (await fetch(url)).status, `/api/documents/${demoCase.documentId}/docx`);
    expect(status).toBe(200);
    await page.reload();
    await page.getByTestId('case-timeline').waitFor();
    const found: Record<string, string[]> = {};
    const check = async (where: string) => {
      const codes = await codesOn(page);
      if (codes.length) found[where] = codes;
    };
    await check('timeline');
    await page.getByTestId('timeline-show-reads').click();
    await page.getByTestId('timeline-document.viewed').first().waitFor();
    await check('timeline with reads');
    await screenshot(page, 'codes-case-timeline');
    for (const tab of await page.locator('[data-testid="case-tabs"] .ant-tabs-tab').all()) {
      const name = (await tab.innerText()).trim();
      await tab.click();
      await check(`tab ${name}`);
    }
    expect(found).toEqual({});
    expect(problems()).toEqual([]);
    await context.close();
  });

  it('finds the codes it is meant to find (the check itself can fail)', () => {
    expect(untranslatedCodes('查看文书 document.viewed 与 evidence.added', new Set())).toEqual(['document.viewed', 'evidence.added']);
    expect(untranslatedCodes('苏明辉 (cx.gxj.leader) 上传 现场.jpg https://example.gov.cn/a.b x@y.cn', new Set(['cx.gxj.leader']))).toEqual([]);
  });
});
