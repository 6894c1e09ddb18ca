import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { lawArticles, laws, lawVersions, type LawKind } from './tables.js';
import { versionStates, type LawVersionStatus } from './versions.js';

export interface LawVersionRow {
  id: string;
  lawId: string;
  versionDate: string;
  inForceFrom: string | null;
  inForceUntil: string | null;
  status: LawVersionStatus;
  articleCount: number;
}

export interface LawRow {
  id: string;
  title: string;
  kind: LawKind;
  versions: LawVersionRow[];
}

/** Laws (all, or those given) with their versions, oldest first, each with its state on `today`. */
export async function listLaws(db: Db, today: string, lawIds?: string[]): Promise<LawRow[]> {
  if (lawIds && !lawIds.length) return [];
  const lawRows = await db.select().from(laws).where(lawIds ? inArray(laws.id, lawIds) : undefined).orderBy(asc(laws.title));
  const versionRows = await db
    .select({ id: lawVersions.id, lawId: lawVersions.lawId, versionDate: lawVersions.versionDate, inForceFrom: lawVersions.inForceFrom, articleCount: lawVersions.articleCount })
    .from(lawVersions)
    .where(lawIds ? inArray(lawVersions.lawId, lawIds) : undefined)
    .orderBy(asc(lawVersions.versionDate));
  return lawRows.map((law) => {
    const versions = versionRows.filter((v) => v.lawId === law.id);
    const states = versionStates(versions, today);
    return { id: law.id, title: law.title, kind: law.kind, versions: versions.map((v, i) => ({ ...v, ...states[i]! })) };
  });
}

/** One version with its law and its siblings' states; null when there is no such version. */
export async function findVersion(db: Db, today: string, versionId: string) {
  const [version] = await db.select().from(lawVersions).where(eq(lawVersions.id, versionId));
  if (!version) return null;
  const [law] = await listLaws(db, today, [version.lawId]);
  return { law: law!, version, state: law!.versions.find((v) => v.id === version.id)! };
}

/** The article numbers and labels of a version, in order (its table of contents with the divisions). */
export function articleLabels(db: Db, versionId: string) {
  return db.select({ number: lawArticles.number, label: lawArticles.label }).from(lawArticles).where(eq(lawArticles.versionId, versionId)).orderBy(asc(lawArticles.number));
}

/** One article of a version, or null. */
export async function findArticle(db: Db, versionId: string, number: number) {
  const [article] = await db
    .select({ number: lawArticles.number, label: lawArticles.label, divisions: lawArticles.divisions, paragraphs: lawArticles.paragraphs, fullText: lawArticles.fullText })
    .from(lawArticles)
    .where(and(eq(lawArticles.versionId, versionId), eq(lawArticles.number, number)));
  return article ?? null;
}

/** The article with the same number in each of the given versions (absent where a version has fewer). */
export function sameArticleIn(db: Db, versionIds: string[], number: number) {
  if (!versionIds.length) return Promise.resolve([]);
  return db
    .select({ versionId: lawArticles.versionId, label: lawArticles.label, paragraphs: lawArticles.paragraphs, fullText: lawArticles.fullText })
    .from(lawArticles)
    .where(and(inArray(lawArticles.versionId, versionIds), eq(lawArticles.number, number)));
}

