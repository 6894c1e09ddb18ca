/**
 * The law-text parser on every text the product ships (./texts, copied from ../shared/laws), with
 * known answers from the official texts (issue 10): 行政处罚法 (2021) has 86 articles, 行政许可法
 * (2019) 83, 行政强制法 (2011) 71, 安全生产法 (2021) 119.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseChineseNumeral, toChineseNumeral } from './chinese-numerals.js';
import { citationOf, LawParseError, parseLaw, versionDateOfFileName } from './parse.js';

const TEXTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'texts');
const files = fs.readdirSync(TEXTS).filter((f) => f.endsWith('.md') && f !== 'SOURCE.md');
const read = (name: string) => parseLaw(fs.readFileSync(path.join(TEXTS, name), 'utf8'));

describe('Chinese numerals of article numbers', () => {
  it('reads and writes 1…300 both ways, and the forms the texts print', () => {
    for (let n = 1; n <= 300; n++) expect(parseChineseNumeral(toChineseNumeral(n))).toBe(n);
    expect(['一', '十', '十二', '二十', '五十一', '一百', '一百零一', '一百一十九', '二百'].map(parseChineseNumeral)).toEqual([1, 10, 12, 20, 51, 100, 101, 119, 200]);
    expect([toChineseNumeral(10), toChineseNumeral(110), toChineseNumeral(105)]).toEqual(['十', '一百一十', '一百零五']);
    expect(['', '条', '百十'].map(parseChineseNumeral)).toEqual([null, null, null]);
  });
});

describe('every shipped law text', () => {
  it('is the same set as ../shared/laws had when copied (22 texts)', () => {
    expect(files).toHaveLength(22);
  });

  it.each(files)('%s: parses, articles numbered 1…n without gaps, every article has text, the file name dates it', (name) => {
    const law = read(name);
    expect(law.title).toMatch(/法|条例/);
    expect(law.articles.map((a) => a.number)).toEqual(law.articles.map((_, i) => i + 1));
    for (const a of law.articles) expect(a.paragraphs.length, a.label).toBeGreaterThan(0);
    expect(versionDateOfFileName(name)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Every line beginning 第X条 in the file is an article the parser found.
    const source = fs.readFileSync(path.join(TEXTS, name), 'utf8');
    expect(law.articles).toHaveLength(source.split('\n').filter((l) => /^第[零一二三四五六七八九十百千]+条/.test(l)).length);
  });

  it('finds the article counts of the official texts', () => {
    const counts = Object.fromEntries(['行政处罚法(2021-01-22).md', '行政许可法(2019-04-23).md', '行政强制法(2011-06-30).md', '安全生产法(2021-06-10).md'].map((f) => [f, read(f).articles.length]));
    expect(counts).toEqual({ '行政处罚法(2021-01-22).md': 86, '行政许可法(2019-04-23).md': 83, '行政强制法(2011-06-30).md': 71, '安全生产法(2021-06-10).md': 119 });
  });
});

describe('行政处罚法 (2021): chapters, sections, paragraphs (款) and items (项)', () => {
  const law = read('行政处罚法(2021-01-22).md');
  const article = (n: number) => law.articles[n - 1]!;

  it('has the title, its four-line history and eight chapters; chapter 5 has four sections', () => {
    expect(law.title).toBe('中华人民共和国行政处罚法');
    expect(law.history).toHaveLength(4);
    expect(law.history[3]).toContain('2021年1月22日');
    expect(law.divisions.filter((d) => d.level === 'chapter').map((d) => d.label)).toEqual(['第一章', '第二章', '第三章', '第四章', '第五章', '第六章', '第七章', '第八章']);
    expect(law.divisions.filter((d) => d.level === 'section').map((d) => `${d.label} ${d.name}`)).toEqual(['第一节 一般规定', '第二节 简易程序', '第三节 普通程序', '第四节 听证程序']);
  });

  it('places Art. 51 in 第五章 第二节 简易程序 and Art. 63 in 第四节, with the chapter boundaries', () => {
    expect(article(51).divisions).toEqual(['第五章 行政处罚的决定', '第二节 简易程序']);
    expect(article(63).divisions).toEqual(['第五章 行政处罚的决定', '第四节 听证程序']);
    expect(article(66).divisions).toEqual(['第六章 行政处罚的执行']); // a new chapter closes the section
    const chapter5 = law.divisions.find((d) => d.label === '第五章')!;
    expect([chapter5.firstArticle, chapter5.lastArticle]).toEqual([39, 65]);
  });

  it('Art. 51 is one paragraph; Art. 64 one paragraph with items (一)…(八); Art. 63 two paragraphs, the first with six items', () => {
    expect(article(51).paragraphs).toEqual([{ number: 1, text: expect.stringMatching(/^违法事实确凿.*法律另有规定的，从其规定。$/), items: [] }]);
    expect(article(64).paragraphs).toHaveLength(1);
    expect(article(64).paragraphs[0]!.items.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(article(64).paragraphs[0]!.items[0]!.text).toBe('当事人要求听证的，应当在行政机关告知后五日内提出；');
    expect(article(63).paragraphs).toHaveLength(2);
    expect(article(63).paragraphs[0]!.items).toHaveLength(6);
    expect(article(63).paragraphs[1]!.text).toMatch(/^当事人不承担/);
  });

  it('行政强制法 Art. 25 has three paragraphs; the third is the pause for testing', () => {
    const a = read('行政强制法(2011-06-30).md').articles[24]!;
    expect(a.label).toBe('第二十五条');
    expect(a.paragraphs.map((p) => p.text.slice(0, 8))).toEqual(['查封、扣押的期限', '延长查封、扣押的', '对物品需要进行检']);
  });

  it('cites an article, paragraph and item in one stable form', () => {
    expect(citationOf(law.title, '2021-01-22', 64, 1, 2)).toBe('《中华人民共和国行政处罚法》(2021-01-22) 第六十四条第一款第（二）项');
    expect(citationOf(law.title, '2021-01-22', 51)).toBe('《中华人民共和国行政处罚法》(2021-01-22) 第五十一条');
  });
});

describe('a text that is not a law is refused with the line', () => {
  it.each([
    ['no title', '第一条 无标题。', 'no_title'],
    ['no articles', '# 某法\n\n## 第一章 总则\n\n一些文字。', 'text_before_first_article'],
    ['empty body', '# 某法\n\n<!-- INFO END -->\n', 'no_articles'],
    ['a gap', '# 某法\n\n第一条 甲。\n\n第三条 丙。', 'article_out_of_order'],
    ['a repeat', '# 某法\n\n第一条 甲。\n\n第一条 乙。', 'article_out_of_order'],
  ])('%s', (_, text, reason) => {
    expect(() => parseLaw(text)).toThrow(LawParseError);
    try {
      parseLaw(text);
    } catch (e) {
      expect((e as LawParseError).reason).toBe(reason);
    }
  });

  it('joins a hard-wrapped line to its paragraph or item, and takes items written without blank lines', () => {
    const law = parseLaw('# 某法\n\n第一条 有下列情形之一的，\n予以处罚：\n（一）甲；\n（二）乙\n丙。\n\n前款规定以外的，不罚。');
    expect(law.articles[0]!.paragraphs).toEqual([
      { number: 1, text: '有下列情形之一的，予以处罚：', items: [{ number: 1, text: '甲；' }, { number: 2, text: '乙丙。' }] },
      { number: 2, text: '前款规定以外的，不罚。', items: [] },
    ]);
  });
});
