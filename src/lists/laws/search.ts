import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { parseChineseNumeral } from './chinese-numerals.js';
import { citationOf } from './parse.js';
import { queryWords } from './segment.js';
import type { LawKind } from './tables.js';

/** A citation typed into the search box: part of a title (may be empty), an article, maybe a paragraph and an item. */
export interface CitationQuery {
  title: string;
  article: number;
  paragraph: number | null;
  item: number | null;
}

const NUM = '[零〇一二三四五六七八九十百千两]+|\\d+';
/**
 * 行政处罚法第五十一条, 《中华人民共和国行政处罚法》第六十四条第一款第（二）项, 处罚法 51, 处罚法51条,
 * 第六十四条第一款: the title part, then 第X条 (or a bare number after a title), 第X款, 第（X）项.
 */
const CITATION = new RegExp(
  `^(?<title>.*?)[\\s\\u3000]*(?:第(?<a1>${NUM})条|(?<a2>\\d+)条?)(?:[\\s\\u3000]*第(?<p>${NUM})款)?(?:[\\s\\u3000]*第?[（(](?<i1>${NUM})[)）]项?|[\\s\\u3000]*第(?<i2>${NUM})项)?$`,
);

const numberOf = (s: string | undefined) => (s === undefined ? null : /^\d+$/.test(s) ? Number(s) : parseChineseNumeral(s));

/** Reads a query as a citation, or null when it is not one. A bare number needs a title before it. */
export function parseCitationQuery(query: string): CitationQuery | null {
  const m = query.trim().match(CITATION);
  if (!m?.groups) return null;
  const g = m.groups;
  const title = g.title!.replace(/[《》〈〉<>]/g, '').replace(/\(\d{4}(-\d{2}-\d{2})?\)|（\d{4}(-\d{2}-\d{2})?）/g, '').trim();
  if (g.a2 !== undefined && !title) return null;
  const article = numberOf(g.a1 ?? g.a2);
  if (!article || article > 9999) return null;
  return { title, article, paragraph: numberOf(g.p), item: numberOf(g.i1 ?? g.i2) };
}

export interface ArticleHit {
  lawId: string;
  title: string;
  kind: LawKind;
  versionId: string;
  versionDate: string;
  number: number;
  label: string;
  citation: string;
  paragraph: number | null;
  item: number | null;
  snippet: string;
  rank: number | null;
}

export interface LawSearchResult {
  mode: 'citation' | 'full_text';
  /** Laws whose title holds the query (or the citation's title part). */
  lawIds: string[];
  articles: ArticleHit[];
  /** How many articles matched in all (the list is cut at the limit). */
  total: number;
  /** The words a full-text query was segmented into (to highlight them). */
  words: string[];
}

/** LIKE pattern of a literal text. */
const contains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
/** 中华人民共和国行政处罚法 is found as 行政处罚法 and as 中华人民共和国行政处罚法. */
const titleCondition = (title: string) => sql`(l.title like ${contains(title)} or replace(l.title, '中华人民共和国', '') like ${contains(title.replace(/^中华人民共和国/, ''))})`;

interface HitRow extends Record<string, unknown> {
  law_id: string;
  title: string;
  kind: LawKind;
  version_id: string;
  version_date: string;
  number: number;
  label: string;
  full_text: string;
  paragraphs: { number: number; text: string; items: { number: number; text: string }[] }[];
  rank: number | null;
  total: number;
}

const NEWEST = sql`join (select distinct on (law_id) id, law_id, version_date from law_versions order by law_id, version_date desc) v on v.law_id = l.id`;

/**
 * Searches the newest version of every law: a citation (title part + article) finds the article
 * itself; anything else is searched as words — segmented by jieba into the same words the articles
 * were indexed with, all of them required, ranked by ts_rank. Laws whose title holds the query are
 * returned beside the articles.
 */
export async function searchLaws(db: Db, query: string, limit: number): Promise<LawSearchResult> {
  const q = query.trim();
  const citation = parseCitationQuery(q);
  if (citation) {
    const rows = await db.execute<HitRow>(sql`
      select l.id as law_id, l.title, l.kind, v.id as version_id, v.version_date::text as version_date, a.number, a.label, a.full_text, a.paragraphs,
             null::real as rank, count(*) over ()::int as total
      from laws l ${NEWEST} join law_articles a on a.version_id = v.id
      where a.number = ${citation.article} ${citation.title ? sql`and ${titleCondition(citation.title)}` : sql``}
      order by l.title limit ${limit}`);
    const hits = rowsOf<HitRow>(rows);
    if (hits.length) {
      return {
        mode: 'citation',
        lawIds: [...new Set(hits.map((h) => h.law_id))],
        total: hits[0]!.total,
        words: [],
        articles: hits.map((h) => {
          const paragraph = citation.paragraph && h.paragraphs.some((p) => p.number === citation.paragraph) ? citation.paragraph : null;
          const p = paragraph ? h.paragraphs[paragraph - 1]! : null;
          const item = p && citation.item && p.items.some((i) => i.number === citation.item) ? citation.item : null;
          const snippet = item ? p!.items[item - 1]!.text : p ? p.text : h.full_text;
          return hitOf(h, citationOf(h.title, h.version_date, h.number, paragraph ?? undefined, item ?? undefined), paragraph, item, cut(snippet, 0));
        }),
      };
    }
  }
  const words = queryWords(q);
  const titled = await db.execute<{ id: string }>(sql`select l.id from laws l where ${titleCondition(q)} order by l.title`);
  const lawIds = rowsOf<{ id: string }>(titled).map((r) => r.id);
  if (!words.length) return { mode: 'full_text', lawIds, articles: [], total: 0, words };
  const rows = await db.execute<HitRow>(sql`
    select l.id as law_id, l.title, l.kind, v.id as version_id, v.version_date::text as version_date, a.number, a.label, a.full_text, a.paragraphs,
           ts_rank(a.search, q) as rank, count(*) over ()::int as total
    from laws l ${NEWEST} join law_articles a on a.version_id = v.id, plainto_tsquery('simple', ${words.join(' ')}) q
    where a.search @@ q
    order by rank desc, l.title, a.number limit ${limit}`);
  const hits = rowsOf<HitRow>(rows);
  return {
    mode: 'full_text',
    lawIds,
    total: hits[0]?.total ?? 0,
    words,
    articles: hits.map((h) => hitOf(h, citationOf(h.title, h.version_date, h.number), null, null, snippetOf(h.full_text, words))),
  };
}

/** drizzle's execute answers `{ rows }` on node-postgres and PGlite alike. */
const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

const hitOf = (h: HitRow, citation: string, paragraph: number | null, item: number | null, snippet: string): ArticleHit => ({
  lawId: h.law_id,
  title: h.title,
  kind: h.kind,
  versionId: h.version_id,
  versionDate: h.version_date,
  number: h.number,
  label: h.label,
  citation,
  paragraph,
  item,
  snippet,
  rank: h.rank === null ? null : Number(h.rank),
});

const BEFORE = 20;
const LENGTH = 90;

/** A piece of the text around the first of the words it contains. */
function snippetOf(text: string, words: string[]): string {
  const lower = text.toLowerCase();
  const at = Math.min(...words.map((w) => lower.indexOf(w)).filter((i) => i >= 0), Infinity);
  return cut(text, at === Infinity ? 0 : Math.max(0, at - BEFORE));
}

function cut(text: string, from: number): string {
  const flat = text.replace(/\n/g, ' ');
  const piece = flat.slice(from, from + LENGTH);
  return `${from > 0 ? '…' : ''}${piece}${from + LENGTH < flat.length ? '…' : ''}`;
}
