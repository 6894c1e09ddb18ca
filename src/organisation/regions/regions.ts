import { asc, eq } from 'drizzle-orm';
import { recordAudit, type AuditContext } from '../../audit/record.js';
import type { Db, Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { regions, type RegionLevel } from '../tables.js';

/**
 * The level a GB/T 2260 code denotes: 9 digits a township; otherwise trailing zeros tell
 * province (XX0000), prefecture (XXXX00) or county.
 */
export function levelOfCode(code: string): RegionLevel {
  if (code.length === 9) return 'township';
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'prefecture';
  return 'county';
}

/** The significant prefix of a code: what its children's codes begin with. */
export function codePrefix(code: string): string {
  switch (levelOfCode(code)) {
    case 'province':
      return code.slice(0, 2);
    case 'prefecture':
      return code.slice(0, 4);
    default:
      return code.slice(0, 6);
  }
}

const rank: Record<RegionLevel, number> = { province: 0, prefecture: 1, county: 2, township: 3 };

/** Creates a region under its parent; the code must extend the parent's prefix and sit below its level. */
export async function createRegion(tx: Tx, ctx: AuditContext, input: { code: string; name: string; parentCode: string | null }) {
  const level = levelOfCode(input.code);
  let path = `${input.code}/`;
  if (input.parentCode) {
    const [parent] = await tx.select().from(regions).where(eq(regions.code, input.parentCode));
    if (!parent) throw new AppError('REGION_PARENT_MISMATCH');
    if (!input.code.startsWith(codePrefix(parent.code)) || rank[level] <= rank[parent.level]) {
      throw new AppError('REGION_PARENT_MISMATCH');
    }
    path = parent.path + path;
  } else if (level !== 'province') {
    throw new AppError('REGION_PARENT_MISMATCH');
  }
  const [row] = await tx.insert(regions).values({ code: input.code, name: input.name, level, parentCode: input.parentCode, path }).returning();
  await recordAudit(tx, ctx, { action: 'region.created', subjectType: 'region', subjectId: input.code, detail: { name: input.name } });
  return row!;
}

export async function renameRegion(tx: Tx, ctx: AuditContext, code: string, name: string) {
  const [row] = await tx.update(regions).set({ name }).where(eq(regions.code, code)).returning();
  if (!row) throw new AppError('NOT_FOUND');
  await recordAudit(tx, ctx, { action: 'region.updated', subjectType: 'region', subjectId: code, detail: { name } });
  return row;
}

export async function findRegion(db: Db, code: string) {
  const [row] = await db.select().from(regions).where(eq(regions.code, code));
  return row;
}

/** Children of a region (or the provinces when parentCode is null), in code order. */
export async function listRegions(db: Db, parentCode: string | null) {
  const all = await db.select().from(regions).orderBy(asc(regions.code));
  return all.filter((r) => r.parentCode === parentCode);
}
