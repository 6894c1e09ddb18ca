import { z } from 'zod';
import type { LawParagraph } from './parse.js';
import type { LawRow, LawVersionRow } from './queries.js';
import type { ArticleHit } from './search.js';

/**
 * What the law-library API returns, field by field (a column reaches a response only when it is
 * named here). Law texts are public, but the API is the staff's; the portal gets its own presenters.
 */

const isoDay = z.string().describe('YYYY-MM-DD');
const LAW_KINDS = ['law', 'administrative_regulation', 'local_regulation', 'other'] as const;
const STATUSES = ['in_force', 'not_yet_in_force', 'amended'] as const;

export const lawVersionOut = z.object({
  id: z.uuid(),
  versionDate: isoDay.describe('the adoption or amendment the text is as of'),
  inForceFrom: isoDay.nullable().describe('the commencement date the text states; null when the text does not state this version’s (an amendment)'),
  inForceUntil: isoDay.nullable().describe('the day before the next version’s commencement, when known'),
  status: z.enum(STATUSES).describe('on today’s date: the newest version that has taken effect is in force, older ones amended'),
  articleCount: z.number().int(),
});

export const lawOut = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: z.enum(LAW_KINDS).describe('法律, 行政法规, 地方性法规, or other'),
  versions: z.array(lawVersionOut).describe('oldest first'),
});

const itemOut = z.object({ number: z.number().int(), text: z.string() });
const paragraphOut = z.object({ number: z.number().int(), text: z.string(), items: z.array(itemOut) });

export const divisionOut = z.object({
  level: z.enum(['part', 'chapter', 'section']),
  label: z.string().describe('第五章'),
  name: z.string(),
  firstArticle: z.number().int().nullable(),
  lastArticle: z.number().int().nullable(),
});

export const lawVersionTocOut = z.object({
  law: lawOut,
  version: lawVersionOut.extend({ history: z.array(z.string()).describe('adoption and amendments, a line each, as printed') }),
  divisions: z.array(divisionOut),
  articles: z.array(z.object({ number: z.number().int(), label: z.string() })),
});

export const lawArticleOut = z.object({
  law: lawOut,
  version: lawVersionOut,
  article: z.object({
    number: z.number().int(),
    label: z.string(),
    citation: z.string().describe('《title》(version date) 第X条'),
    divisions: z.array(z.string()).describe('the headings it sits under, outermost first'),
    paragraphs: z.array(paragraphOut),
  }),
  otherVersions: z
    .array(z.object({ version: lawVersionOut, label: z.string().nullable(), paragraphs: z.array(paragraphOut).nullable().describe('null when that version has no article of this number'), sameText: z.boolean() }))
    .describe('the article of the same number in the law’s other versions, oldest first'),
});

export const articleHitOut = z.object({
  lawId: z.uuid(),
  title: z.string(),
  kind: z.enum(LAW_KINDS),
  versionId: z.uuid(),
  versionDate: isoDay,
  number: z.number().int(),
  label: z.string(),
  citation: z.string(),
  paragraph: z.number().int().nullable().describe('the paragraph (款) a citation named'),
  item: z.number().int().nullable().describe('the item (项) a citation named'),
  snippet: z.string(),
  rank: z.number().nullable().describe('full-text rank (ts_rank); null for a citation'),
});

export const lawSearchOut = z.object({
  mode: z.enum(['citation', 'full_text']),
  laws: z.array(lawOut).describe('laws whose title holds the query'),
  articles: z.array(articleHitOut),
  total: z.number().int().describe('articles found in all; `articles` is cut at the limit'),
  words: z.array(z.string()).describe('the words a full-text query was segmented into'),
});

export const presentVersion = (v: LawVersionRow): z.infer<typeof lawVersionOut> => ({
  id: v.id,
  versionDate: v.versionDate,
  inForceFrom: v.inForceFrom,
  inForceUntil: v.inForceUntil,
  status: v.status,
  articleCount: v.articleCount,
});

export const presentLaw = (law: LawRow): z.infer<typeof lawOut> => ({ id: law.id, title: law.title, kind: law.kind, versions: law.versions.map(presentVersion) });

export const presentParagraphs = (paragraphs: LawParagraph[]): z.infer<typeof paragraphOut>[] =>
  paragraphs.map((p) => ({ number: p.number, text: p.text, items: p.items.map((i) => ({ number: i.number, text: i.text })) }));

export const presentHit = (h: ArticleHit): z.infer<typeof articleHitOut> => ({
  lawId: h.lawId,
  title: h.title,
  kind: h.kind,
  versionId: h.versionId,
  versionDate: h.versionDate,
  number: h.number,
  label: h.label,
  citation: h.citation,
  paragraph: h.paragraph,
  item: h.item,
  snippet: h.snippet,
  rank: h.rank,
});
