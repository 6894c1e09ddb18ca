import { eq, sql } from 'drizzle-orm';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { recordAudit, type AuditContext } from '../../audit/record.js';
import type { Db, Tx } from '../../platform/db/database.js';
import { PROJECT_ROOT } from '../../platform/project-root.js';
import { toChineseNumeral } from './chinese-numerals.js';
import { parseLaw, versionDateOfFileName, type ParsedLaw } from './parse.js';
import { indexWords, releaseSegmenter } from './segment.js';
import { lawArticles, laws, lawVersions, type LawKind } from './tables.js';

/** The law texts the product ships (copied from ../shared/laws at development time; texts/SOURCE.md). */
export const SHIPPED_TEXTS_DIR = path.join(PROJECT_ROOT, 'src', 'lists', 'laws', 'texts');

/** Provincial-level names: a 条例 whose title begins with one is a provincial congress's 地方性法规. */
const PROVINCES = [
  '北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南', '湖北',
  '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海', '台湾', '内蒙古', '广西', '西藏', '宁夏', '新疆', '香港', '澳门',
];

/**
 * The kind of a law from its title (立法法 Art. 10, 72, 80: laws are made by the NPC, administrative
 * regulations by the State Council, local regulations by provincial congresses): a title ending
 * in 法 is a 法律; a 条例 (or 实施条例) is a 地方性法规 when the title begins with a province's name,
 * else a 行政法规. Anything else (规定, 办法 …) is 'other' until an administrator says more.
 */
export function lawKindOf(title: string): LawKind {
  const name = title.replace(/^中华人民共和国/, '');
  if (name.endsWith('法')) return 'law';
  if (name.endsWith('条例')) return PROVINCES.some((p) => name.startsWith(p)) ? 'local_regulation' : 'administrative_regulation';
  return 'other';
}

const COMMENCEMENT = /自(\d{4})年(\d{1,2})月(\d{1,2})日起施行/;

/**
 * The date the version is in force from, read from the text's own commencement article (its last
 * articles: "本法自2021年7月15日起施行") when that date is on or after the version date. A
 * consolidated text as amended keeps the original commencement article (产品质量法 as amended in
 * 2018 still says 自1993年9月1日起施行); the amendment's own commencement is in the amending decision,
 * which is not part of the text, so the date is then unknown (null).
 */
export function inForceFromOf(parsed: ParsedLaw, versionDate: string): string | null {
  for (const article of parsed.articles.slice(-3).reverse()) {
    for (const p of article.paragraphs) {
      const m = p.text.match(COMMENCEMENT);
      if (m) {
        const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
        return date >= versionDate ? date : null;
      }
    }
  }
  return null;
}

/** An article's text as one string: its paragraphs, each followed by its items. */
export function articleText(paragraphs: ParsedLaw['articles'][number]['paragraphs']): string {
  return paragraphs.map((p) => [p.text, ...p.items.map((i) => `（${toChineseNumeral(i.number)}）${i.text}`)].join('\n')).join('\n');
}

/** One law text to import: its file name, its text and the version date its name carries. */
export interface LawSource {
  name: string;
  text: string;
}

export interface LawImportReport {
  added: { title: string; versionDate: string; articles: number }[];
  unchanged: number;
  /** Texts not imported: a different text for a version already stored, or a file that does not read. */
  refused: { name: string; reason: string }[];
}

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');
const CHUNK = 500;

/**
 * Imports law texts that are not stored yet, in one transaction with one statement per table (and
 * chunks of 500 articles): a law by its title, a version by its law and version date. A text whose
 * version is stored with the same digest is skipped; with another digest it is refused (versions
 * are append-only: a corrected text is a new version with its own date). One audit record names
 * every version added.
 */
export async function importLaws(db: Db, ctx: AuditContext, sources: LawSource[]): Promise<LawImportReport> {
  // Every start: read what is stored and compare digests, outside any transaction.
  const first = plan(await storedVersions(db), sources);
  if (!first.toAdd.length) return first.report;
  return db.transaction(async (tx) => {
    // Two processes starting on one PostgreSQL database at once: the second waits here, then finds
    // the texts stored by the first (the plan is made again under the lock).
    await tx.execute(sql`select pg_advisory_xact_lock(${LAW_IMPORT_LOCK})`);
    const { report, toAdd, lawIds } = plan(await storedVersions(tx), sources);
    if (!toAdd.length) return report;
    const newTitles = [...new Set(toAdd.map((a) => a.parsed.title))].filter((t) => !lawIds.has(t));
    if (newTitles.length) {
      const rows = await tx.insert(laws).values(newTitles.map((title) => ({ title, kind: lawKindOf(title), createdAt: ctx.now }))).returning({ id: laws.id, title: laws.title });
      for (const r of rows) lawIds.set(r.title, r.id);
    }
    const versionRows = await tx
      .insert(lawVersions)
      .values(
        toAdd.map(({ source, parsed, versionDate, digest }) => ({
          lawId: lawIds.get(parsed.title)!,
          versionDate,
          inForceFrom: inForceFromOf(parsed, versionDate),
          history: parsed.history,
          divisions: parsed.divisions,
          articleCount: parsed.articles.length,
          sourceSha256: digest,
          sourceName: source.name,
          importedAt: ctx.now,
          importedBy: ctx.actor?.userId ?? null,
        })),
      )
      .returning({ id: lawVersions.id });
    const articles = toAdd.flatMap(({ parsed }, i) =>
      parsed.articles.map((a) => {
        const fullText = articleText(a.paragraphs);
        return { versionId: versionRows[i]!.id, number: a.number, label: a.label, divisions: a.divisions, paragraphs: a.paragraphs, fullText, searchWords: indexWords(fullText) };
      }),
    );
    for (let i = 0; i < articles.length; i += CHUNK) await tx.insert(lawArticles).values(articles.slice(i, i + CHUNK));
    report.added = toAdd.map(({ parsed, versionDate }) => ({ title: parsed.title, versionDate, articles: parsed.articles.length }));
    await recordLawImport(tx, ctx, toAdd.map(({ parsed, versionDate, digest }) => ({ title: parsed.title, versionDate, sha256: digest, articles: parsed.articles.length })));
    return report;
  });
}

/** An advisory lock key of the law import (any constant; the migrator uses another). */
const LAW_IMPORT_LOCK = 7_310_010;

function storedVersions(db: Db | Tx) {
  return db
    .select({ lawId: laws.id, title: laws.title, versionDate: lawVersions.versionDate, sha256: lawVersions.sourceSha256 })
    .from(laws)
    .leftJoin(lawVersions, eq(lawVersions.lawId, laws.id));
}

/** Which sources are new versions, which are stored already and which are refused. */
function plan(stored: Awaited<ReturnType<typeof storedVersions>>, sources: LawSource[]) {
  const report: LawImportReport = { added: [], unchanged: 0, refused: [] };
  const lawIds = new Map(stored.map((r) => [r.title, r.lawId]));
  const versions = new Map(stored.filter((r) => r.versionDate).map((r) => [`${r.title}|${r.versionDate}`, r.sha256]));
  const digests = new Set(versions.values());
  const toAdd: { source: LawSource; parsed: ParsedLaw; versionDate: string; digest: string }[] = [];
  for (const source of sources) {
    const versionDate = versionDateOfFileName(source.name);
    if (!versionDate) {
      report.refused.push({ name: source.name, reason: 'the file name carries no version date, e.g. 行政处罚法(2021-01-22).md' });
      continue;
    }
    const digest = sha256(source.text);
    // A stored text is recognised by its digest, without parsing it again (every start does this).
    if (digests.has(digest)) {
      report.unchanged++;
      continue;
    }
    let parsed: ParsedLaw;
    try {
      parsed = parseLaw(source.text);
    } catch (error) {
      report.refused.push({ name: source.name, reason: error instanceof Error ? error.message : String(error) });
      continue;
    }
    const known = versions.get(`${parsed.title}|${versionDate}`);
    if (known) report.refused.push({ name: source.name, reason: `the version of ${versionDate} is stored with another text (sha256 ${known.slice(0, 12)}…); a changed text needs a version of its own` });
    else toAdd.push({ source, parsed, versionDate, digest });
  }
  return { report, toAdd, lawIds };
}

function recordLawImport(tx: Tx, ctx: AuditContext, versions: { title: string; versionDate: string; sha256: string; articles: number }[]) {
  return recordAudit(tx, ctx, { action: 'law.versions_imported', subjectType: 'law_library', subjectId: null, detail: { versions } });
}

/** The shipped texts (texts/*.md but SOURCE.md), in name order. */
export function shippedLawSources(dir: string = SHIPPED_TEXTS_DIR): LawSource[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'SOURCE.md')
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), 'utf8') }));
}

/**
 * Loads the shipped law texts that are not stored yet; run at every start (idempotent: a second
 * start reads the files, compares digests and writes nothing). A refused text is reported through
 * `warn` and the start goes on.
 */
export async function importShippedLaws(db: Db, ctx: AuditContext, warn: (message: string) => void = console.warn, dir: string = SHIPPED_TEXTS_DIR): Promise<LawImportReport> {
  const report = await importLaws(db, ctx, shippedLawSources(dir));
  releaseSegmenter();
  for (const r of report.refused) warn(`law library: ${r.name} not imported: ${r.reason}`);
  return report;
}
