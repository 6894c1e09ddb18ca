import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, PASSWORD } from '../../../test/factories.js';
import { createTestApp, loginAs, type Session, type TestContext } from '../../../test/harness.js';
import { importLaws, importShippedLaws, shippedLawSources } from './import-laws.js';

let t: TestContext;
let officer: Session;

beforeAll(async () => {
  t = await createTestApp();
  await buildWorld(t.database);
  officer = await loginAs(t.app, 'officer_a', PASSWORD);
});
afterAll(() => t.close());

interface LawJson {
  id: string;
  title: string;
  kind: string;
  versions: { id: string; versionDate: string; inForceFrom: string | null; inForceUntil: string | null; status: string; articleCount: number }[];
}
const lawsByTitle = async () => new Map(((await officer.get('/api/laws')).json().items as LawJson[]).map((l) => [l.title, l]));
const search = (q: string, limit?: number) => officer.get(`/api/laws/search?q=${encodeURIComponent(q)}${limit ? `&limit=${limit}` : ''}`);

describe('the shipped law texts, imported at first start (the test template is made as a first start)', () => {
  it('holds the 22 laws, each with one version and the article counts of the official texts', async () => {
    const laws = await lawsByTitle();
    expect(laws.size).toBe(22);
    const count = (title: string) => laws.get(title)!.versions[0]!.articleCount;
    // Issue 10's known answers: 行政处罚法 (2021) 86 articles, 行政许可法 (2019) 83, 行政强制法 (2011) 71, 安全生产法 (2021) 119.
    expect(count('中华人民共和国行政处罚法')).toBe(86);
    expect(count('中华人民共和国行政许可法')).toBe(83);
    expect(count('中华人民共和国行政强制法')).toBe(71);
    expect(count('中华人民共和国安全生产法')).toBe(119);
    expect([...laws.values()].every((l) => l.versions.length === 1)).toBe(true);
  });

  it('derives the kind from the title: 法律, 行政法规, 地方性法规', async () => {
    const laws = await lawsByTitle();
    expect(laws.get('中华人民共和国行政处罚法')!.kind).toBe('law');
    expect(laws.get('中华人民共和国政府信息公开条例')!.kind).toBe('administrative_regulation');
    expect(laws.get('中华人民共和国档案法实施条例')!.kind).toBe('administrative_regulation');
    expect(laws.get('山东省行政执法监督条例')!.kind).toBe('local_regulation');
    expect(laws.get('河南省行政执法条例')!.kind).toBe('local_regulation');
  });

  it('takes the commencement from the text only when it is not before the version date', async () => {
    const laws = await lawsByTitle();
    // 行政处罚法第八十六条: 本法自2021年7月15日起施行。
    expect(laws.get('中华人民共和国行政处罚法')!.versions[0]).toMatchObject({ versionDate: '2021-01-22', inForceFrom: '2021-07-15', status: 'in_force', inForceUntil: null });
    // 行政许可法 as amended on 2019-04-23 still says 自2004年7月1日起施行 (Art. 83): the amendment's commencement is not in the text.
    expect(laws.get('中华人民共和国行政许可法')!.versions[0]).toMatchObject({ versionDate: '2019-04-23', inForceFrom: null, status: 'in_force' });
  });

  it('a second start imports nothing and records nothing', async () => {
    const before = await t.database.query<{ n: number }>(`select count(*)::int as n from audit_events where action = 'law.versions_imported'`);
    const report = await importShippedLaws(t.database.db, { actor: null, now: new Date(), label: 'system' });
    expect(report).toEqual({ added: [], unchanged: 22, refused: [] });
    const after = await t.database.query<{ n: number }>(`select count(*)::int as n from audit_events where action = 'law.versions_imported'`);
    expect(after[0]!.n).toBe(before[0]!.n);
    expect(before[0]!.n).toBe(1);
  });
});

describe('GET /api/laws/search', () => {
  it('finds an article by citation: 行政处罚法第五十一条', async () => {
    const res = await search('行政处罚法第五十一条');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ mode: 'citation', total: 1 });
    expect(res.json().articles[0]).toMatchObject({ title: '中华人民共和国行政处罚法', number: 51, citation: '《中华人民共和国行政处罚法》(2021-01-22) 第五十一条' });
    expect(res.json().articles[0].snippet).toMatch(/^违法事实确凿并有法定依据/);
  });

  it('reads a short title and an Arabic number: 处罚法 51', async () => {
    const res = await search('处罚法 51');
    expect(res.json().mode).toBe('citation');
    expect(res.json().articles.map((a: { title: string; number: number }) => `${a.title} ${a.number}`)).toEqual(['中华人民共和国行政处罚法 51']);
  });

  it('reads a paragraph and an item: 《中华人民共和国行政处罚法》第六十四条第一款第（五）项', async () => {
    const hit = (await search('《中华人民共和国行政处罚法》第六十四条第一款第（五）项')).json().articles[0];
    expect(hit).toMatchObject({ number: 64, paragraph: 1, item: 5, citation: '《中华人民共和国行政处罚法》(2021-01-22) 第六十四条第一款第（五）项' });
    // Art. 64 (5): 当事人可以亲自参加听证，也可以委托一至二人代理
    expect(hit.snippet).toBe('当事人可以亲自参加听证，也可以委托一至二人代理；');
  });

  it('without a title, finds the article in every law that has it: 第六十四条第一款', async () => {
    const res = (await search('第六十四条第一款', 100)).json();
    expect(res.mode).toBe('citation');
    const titles: string[] = res.articles.map((a: { title: string }) => a.title);
    expect(titles).toContain('中华人民共和国行政处罚法');
    expect(titles).toContain('中华人民共和国行政许可法');
    expect(titles).not.toContain('中华人民共和国电子签名法'); // 36 articles
    expect(res.total).toBe(titles.length);
  });

  it('searches words segmented by jieba: 听证 finds 行政处罚法第六十四条 among the hearing articles', async () => {
    const res = (await search('听证', 100)).json();
    expect(res.mode).toBe('full_text');
    expect(res.words).toEqual(['听证']);
    const hit = res.articles.find((a: { title: string; number: number }) => a.title === '中华人民共和国行政处罚法' && a.number === 64);
    expect(hit).toBeDefined();
    expect(hit.snippet).toContain('听证');
    expect(res.articles.every((a: { snippet: string }) => a.snippet.includes('听证'))).toBe(true);
    // Ranked: no hit ranks above the one before it.
    const ranks: number[] = res.articles.map((a: { rank: number }) => a.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
  });

  it('requires every word: 听证 程序 finds fewer articles than 听证 alone, each with both words', async () => {
    const both = (await search('听证程序', 100)).json();
    const one = (await search('听证', 100)).json();
    expect(both.words).toEqual(['听证', '程序']);
    expect(both.total).toBeGreaterThan(0);
    expect(both.total).toBeLessThan(one.total);
  });

  it('finds laws by title beside the articles', async () => {
    const res = (await search('行政执法')).json();
    expect(res.laws.map((l: { title: string }) => l.title).sort()).toEqual(['山东省行政执法监督条例', '河南省行政执法条例', '行政执法监督条例'].sort());
  });

  it('answers a query with no match with nothing', async () => {
    const res = await search('氪星人飞船');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ laws: [], articles: [], total: 0 });
    expect((await search('处罚法第九百条')).json().articles).toEqual([]);
  });

  it('treats search syntax and SQL in a query as text', async () => {
    for (const q of ["' or 1=1 --", '听证 & !处罚 | (', '%', '_', ':*', '\\']) {
      const res = await search(q);
      expect(res.statusCode, q).toBe(200);
    }
    expect((await search('%')).json().laws).toEqual([]);
  });

  it('refuses an empty, a too long or a control-character query with 400 naming the field', async () => {
    for (const q of ['', '   ', '听'.repeat(101), 'a\u0000b']) {
      const res = await search(q);
      expect(res.statusCode, JSON.stringify(q)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect((await search('   ')).json().error.fields[0]).toMatchObject({ field: 'q' });
    expect((await officer.get('/api/laws/search?q=x&limit=0')).statusCode).toBe(400);
  });
});

describe('GET /api/law-versions/:id and its articles', () => {
  it('gives the table of contents: chapters and sections with their article ranges', async () => {
    const law = (await lawsByTitle()).get('中华人民共和国行政处罚法')!;
    const res = await officer.get(`/api/law-versions/${law.versions[0]!.id}`);
    expect(res.statusCode).toBe(200);
    const toc = res.json();
    expect(toc.articles).toHaveLength(86);
    expect(toc.version.history.length).toBeGreaterThan(0);
    // 第五章 行政处罚的决定, its 第三节 普通程序 (Arts. 54–62) and 第四节 听证程序 (Arts. 63–65).
    expect(toc.divisions).toContainEqual({ level: 'section', label: '第四节', name: '听证程序', firstArticle: 63, lastArticle: 65 });
    expect(toc.divisions.filter((d: { level: string }) => d.level === 'chapter')).toHaveLength(8);
  });

  it('gives an article with its paragraphs and items: 行政处罚法第六十四条, items (一)…(八)', async () => {
    const law = (await lawsByTitle()).get('中华人民共和国行政处罚法')!;
    const res = await officer.get(`/api/law-versions/${law.versions[0]!.id}/articles/64`);
    expect(res.statusCode).toBe(200);
    const { article, otherVersions } = res.json();
    expect(article).toMatchObject({ number: 64, label: '第六十四条', citation: '《中华人民共和国行政处罚法》(2021-01-22) 第六十四条' });
    expect(article.divisions).toEqual(['第五章 行政处罚的决定', '第四节 听证程序']);
    expect(article.paragraphs[0].items).toHaveLength(8);
    expect(article.paragraphs[0].items[0].text).toMatch(/^当事人要求听证的，应当在行政机关告知后五日内提出/);
    expect(otherVersions).toEqual([]);
  });

  it('answers 404 for an article or a version that does not exist, 400 for a malformed one', async () => {
    const law = (await lawsByTitle()).get('中华人民共和国行政处罚法')!;
    expect((await officer.get(`/api/law-versions/${law.versions[0]!.id}/articles/87`)).statusCode).toBe(404);
    expect((await officer.get('/api/law-versions/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await officer.get(`/api/law-versions/${law.versions[0]!.id}/articles/0`)).statusCode).toBe(400);
    expect((await officer.get('/api/law-versions/not-a-uuid')).statusCode).toBe(400);
  });
});

describe('who may read the library', () => {
  it('refuses a request without a session', async () => {
    for (const url of ['/api/laws', '/api/laws/search?q=听证', '/api/law-versions/00000000-0000-4000-8000-000000000000']) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    }
  });

  it('lets every staff role read it (an agency administrator, a supervisor)', async () => {
    for (const user of ['admin_a', 'supervisor_b']) {
      const s = await loginAs(t.app, user, PASSWORD);
      expect((await s.get('/api/laws')).statusCode).toBe(200);
    }
  });
});

describe('a text for a version already stored, and a new version', () => {
  it('refuses a changed text for a stored version and stores nothing', async () => {
    const source = shippedLawSources().find((s) => s.name.startsWith('行政处罚法'))!;
    const report = await importLaws(t.database.db, { actor: null, now: new Date(), label: 'system' }, [{ name: source.name, text: source.text.replace('第八十六条', '第八十六条 ') + '\n' }]);
    expect(report.added).toEqual([]);
    expect(report.refused).toHaveLength(1);
    expect(report.refused[0]!.reason).toContain('stored with another text');
    expect((await lawsByTitle()).get('中华人民共和国行政处罚法')!.versions).toHaveLength(1);
  });

  it('at start, logs a refused text and goes on', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-laws-'));
    try {
      const source = shippedLawSources().find((s) => s.name.startsWith('行政许可法'))!;
      fs.writeFileSync(path.join(dir, source.name), `${source.text}\n附：更正稿`);
      const warned: string[] = [];
      const report = await importShippedLaws(t.database.db, { actor: null, now: new Date(), label: 'system' }, (m) => warned.push(m), dir);
      expect(report.added).toEqual([]);
      expect(warned).toEqual([expect.stringMatching(/^law library: 行政许可法\(2019-04-23\)\.md not imported: the version of 2019-04-23 is stored with another text/)]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stores a newer text as a new version: the old one is then amended, and an article shows its other version', async () => {
    const source = shippedLawSources().find((s) => s.name.startsWith('行政处罚法'))!;
    // A made-up later version (test fixture, not a real amendment): Art. 51's fine limit changed.
    const text = source.text.replace('本法自2021年7月15日起施行', '本法自2026年9月1日起施行').replace('二百元以下', '三百元以下');
    const report = await importLaws(t.database.db, { actor: null, now: new Date(), label: 'system' }, [{ name: '行政处罚法(2026-06-01).md', text }]);
    expect(report.added).toEqual([{ title: '中华人民共和国行政处罚法', versionDate: '2026-06-01', articles: 86 }]);
    const law = (await lawsByTitle()).get('中华人民共和国行政处罚法')!;
    // Today (2026-11-22) the 2026 version is in force; the 2021 one was in force until the day before 2026-09-01.
    expect(law.versions.map((v) => [v.versionDate, v.status, v.inForceFrom, v.inForceUntil])).toEqual([
      ['2021-01-22', 'amended', '2021-07-15', '2026-08-31'],
      ['2026-06-01', 'in_force', '2026-09-01', null],
    ]);
    const article = (await officer.get(`/api/law-versions/${law.versions[1]!.id}/articles/51`)).json();
    expect(article.otherVersions).toHaveLength(1);
    expect(article.otherVersions[0]).toMatchObject({ label: '第五十一条', sameText: false, version: { versionDate: '2021-01-22' } });
    const unchanged = (await officer.get(`/api/law-versions/${law.versions[1]!.id}/articles/64`)).json();
    expect(unchanged.otherVersions[0].sameText).toBe(true);
    // A search looks in the newest version.
    expect((await search('处罚法第五十一条')).json().articles[0].citation).toBe('《中华人民共和国行政处罚法》(2026-06-01) 第五十一条');
  });

  it('two imports of the same new text at once store it once (the second finds it under the lock)', async () => {
    const source = shippedLawSources().find((s) => s.name.startsWith('电子签名法'))!;
    // A made-up later version (test fixture): the same text under a later date.
    const text = `${source.text}\n`;
    const ctx = { actor: null, now: new Date(), label: 'system' };
    const reports = await Promise.all([importLaws(t.database.db, ctx, [{ name: '电子签名法(2026-10-01).md', text }]), importLaws(t.database.db, ctx, [{ name: '电子签名法(2026-10-01).md', text }])]);
    expect(reports.map((r) => r.added.length).sort()).toEqual([0, 1]);
    expect(reports.map((r) => r.refused)).toEqual([[], []]);
    expect((await lawsByTitle()).get('中华人民共和国电子签名法')!.versions.map((v) => v.versionDate)).toEqual(['2019-04-23', '2026-10-01']);
  });

  it('keeps versions and articles append-only in the database', async () => {
    await expect(t.owner.exec(`update law_articles set full_text = 'x' where number = 51`)).rejects.toThrow(/append-only/);
    await expect(t.owner.exec(`delete from law_versions`)).rejects.toThrow(/append-only/);
  });
});
