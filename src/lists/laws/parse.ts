/**
 * 法律法规库 — the parser of a law text into law → chapter/section → article → paragraph (款) → item
 * (项) (issue 10). Pure: a string in, a structure out; the importer stores it.
 *
 * The texts (./texts, copied from the public transcriptions of the National Database of Laws and
 * Regulations, see ./texts/SOURCE.md) are Markdown: `# title`, the adoption and amendment history
 * up to `<!-- INFO END -->`, `## 第X编|章 name` and `### 第X节 name` headings, and articles that
 * begin a line with `第X条` followed by a full-width or ASCII space. Within an article, each
 * blank-line-separated block is a paragraph (款), except a block that begins with `（一）` …, which is
 * an item (项) of the paragraph before it — the drafting convention of 《立法技术规范（试行）》.
 */
import { parseChineseNumeral, toChineseNumeral } from './chinese-numerals.js';

export interface LawItem {
  /** 1-based: （一） = 1. */
  number: number;
  text: string;
}

export interface LawParagraph {
  /** 1-based: 第一款 = 1. */
  number: number;
  text: string;
  items: LawItem[];
}

export interface LawArticle {
  number: number;
  /** 第五十一条 */
  label: string;
  /** The headings the article sits under, outermost first (e.g. ['第五章 行政处罚的决定', '第三节 普通程序']). */
  divisions: string[];
  paragraphs: LawParagraph[];
}

export interface LawDivision {
  level: 'part' | 'chapter' | 'section';
  /** 第五章 */
  label: string;
  /** 行政处罚的决定 */
  name: string;
  /** Article numbers in it, first and last (null while it has none). */
  firstArticle: number | null;
  lastArticle: number | null;
}

export interface ParsedLaw {
  /** 中华人民共和国行政处罚法 */
  title: string;
  /** The adoption and amendment history, a line each, as printed. */
  history: string[];
  divisions: LawDivision[];
  articles: LawArticle[];
}

/** A text the parser cannot read as a law, with the line it stopped at (1-based). */
export class LawParseError extends Error {
  constructor(
    readonly reason: 'no_title' | 'no_articles' | 'article_out_of_order' | 'text_before_first_article' | 'item_without_paragraph',
    readonly line: number,
    detail: string,
  ) {
    super(`${reason} at line ${line}: ${detail}`);
    this.name = 'LawParseError';
  }
}

const NUMERAL = '[零〇一二三四五六七八九十百千两]+';
const ARTICLE = new RegExp(`^第(${NUMERAL})条(?:[\\s\\u3000]+|$)(.*)$`);
const HEADING = new RegExp(`^(#{2,4})\\s*(第(${NUMERAL})(编|章|节))[\\s\\u3000]*(.*)$`);
const ITEM = new RegExp(`^[（(](${NUMERAL})[)）]\\s*(.*)$`);
const INFO_END = '<!-- INFO END -->';

const LEVEL = { 编: 'part', 章: 'chapter', 节: 'section' } as const;

/** Reads one law text. Throws LawParseError on a text that does not have the shape above. */
export function parseLaw(source: string): ParsedLaw {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  const titleLine = lines.findIndex((l) => l.trim() !== '');
  const title = lines[titleLine]?.match(/^#\s+(.+?)\s*$/)?.[1];
  if (!title) throw new LawParseError('no_title', titleLine + 1, 'the first line must be "# title"');

  const infoEnd = lines.indexOf(INFO_END);
  const bodyStart = infoEnd >= 0 ? infoEnd + 1 : titleLine + 1;
  const history = lines
    .slice(titleLine + 1, infoEnd >= 0 ? infoEnd : titleLine + 1)
    .map((l) => l.trim())
    .filter(Boolean);

  const divisions: LawDivision[] = [];
  const open: Partial<Record<LawDivision['level'], LawDivision>> = {};
  const articles: LawArticle[] = [];
  let article: LawArticle | null = null;
  // A paragraph continues until a blank line; the next non-blank block starts a paragraph or an item.
  let blockOpen = false;

  for (let i = bodyStart; i < lines.length; i++) {
    const line = lines[i]!.replace(/[\s\u3000]+$/, '');
    const lineNo = i + 1;
    if (line.trim() === '') {
      blockOpen = false;
      continue;
    }
    const heading = line.match(HEADING);
    if (heading) {
      const level = LEVEL[heading[4] as keyof typeof LEVEL];
      const division: LawDivision = { level, label: heading[2]!, name: heading[5]!.trim(), firstArticle: null, lastArticle: null };
      divisions.push(division);
      open[level] = division;
      // A new part closes its chapter and section; a new chapter closes its section.
      if (level === 'part') delete open.chapter;
      if (level !== 'section') delete open.section;
      article = null;
      blockOpen = false;
      continue;
    }
    const start = line.match(ARTICLE);
    if (start) {
      const number = parseChineseNumeral(start[1]!);
      const expected = (articles.at(-1)?.number ?? 0) + 1;
      if (number !== expected) throw new LawParseError('article_out_of_order', lineNo, `${start[0].slice(0, 12)} (expected 第${toChineseNumeral(expected)}条)`);
      const within = (['part', 'chapter', 'section'] as const).map((l) => open[l]).filter((d): d is LawDivision => !!d);
      for (const d of within) {
        d.firstArticle ??= number;
        d.lastArticle = number;
      }
      article = { number, label: `第${start[1]}条`, divisions: within.map((d) => `${d.label} ${d.name}`.trim()), paragraphs: [] };
      articles.push(article);
      const text = start[2]!.trim();
      if (text) article.paragraphs.push({ number: 1, text, items: [] });
      blockOpen = text !== '';
      continue;
    }
    if (!article) {
      if (line.startsWith('#')) continue; // a heading the law does not number (e.g. a preamble title)
      throw new LawParseError('text_before_first_article', lineNo, line.slice(0, 20));
    }
    const text = line.trim();
    const item = text.match(ITEM);
    if (item) {
      const paragraph = article.paragraphs.at(-1);
      if (!paragraph) throw new LawParseError('item_without_paragraph', lineNo, text.slice(0, 20));
      paragraph.items.push({ number: parseChineseNumeral(item[1]!) ?? paragraph.items.length + 1, text: item[2]!.trim() });
    } else if (blockOpen) {
      // A hard line break inside a block: the same paragraph (or item) goes on.
      const paragraph = article.paragraphs.at(-1)!;
      const last = paragraph.items.at(-1);
      if (last && paragraph.items.length) last.text += text;
      else paragraph.text += text;
    } else {
      article.paragraphs.push({ number: article.paragraphs.length + 1, text, items: [] });
    }
    blockOpen = true;
  }
  if (!articles.length) throw new LawParseError('no_articles', lines.length, 'no line begins with 第X条');
  return { title, history, divisions, articles };
}

/** The version date a text file's name carries: 行政处罚法(2021-01-22).md → 2021-01-22. */
export function versionDateOfFileName(name: string): string | null {
  return name.match(/[（(](\d{4}-\d{2}-\d{2})[)）]\.md$/)?.[1] ?? null;
}

/**
 * The stable citation of an article, paragraph or item in a law version, e.g.
 * 《中华人民共和国行政处罚法》(2021-01-22) 第五十一条第一款第（二）项.
 */
export function citationOf(title: string, versionDate: string, article: number, paragraph?: number, item?: number): string {
  return `《${title}》(${versionDate}) 第${toChineseNumeral(article)}条${paragraph ? `第${toChineseNumeral(paragraph)}款` : ''}${item ? `第（${toChineseNumeral(item)}）项` : ''}`;
}
