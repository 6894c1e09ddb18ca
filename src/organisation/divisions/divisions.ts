import { and, asc, eq } from 'drizzle-orm';
import { recordAudit, type AuditContext } from '../../audit/record.js';
import type { Db, Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { divisions } from '../tables.js';

export interface DivisionInput {
  name: string;
  duties?: string | null;
  area?: string | null;
  isLegalAffairs?: boolean;
  sortOrder?: number;
}

/** Adds an internal division (内设机构); at most one per agency is the legal-affairs division. */
export async function createDivision(tx: Tx, ctx: AuditContext, agencyId: string, input: DivisionInput) {
  const [row] = await tx
    .insert(divisions)
    .values({ agencyId, ...input, isLegalAffairs: input.isLegalAffairs ?? false, createdAt: ctx.now, updatedAt: ctx.now })
    .returning();
  await recordAudit(tx, ctx, { action: 'division.created', subjectType: 'division', subjectId: row!.id, agencyId, detail: { name: input.name, isLegalAffairs: row!.isLegalAffairs } });
  return row!;
}

export async function updateDivision(tx: Tx, ctx: AuditContext, id: string, patch: Partial<DivisionInput>) {
  const [row] = await tx.update(divisions).set({ ...patch, updatedAt: ctx.now }).where(eq(divisions.id, id)).returning();
  if (!row) throw new AppError('NOT_FOUND');
  await recordAudit(tx, ctx, { action: 'division.updated', subjectType: 'division', subjectId: id, agencyId: row.agencyId, detail: { fields: Object.keys(patch) } });
  return row;
}

export async function findDivision(db: Db, id: string) {
  const [row] = await db.select().from(divisions).where(eq(divisions.id, id));
  return row;
}

export async function listDivisions(db: Db, agencyId: string) {
  return db.select().from(divisions).where(and(eq(divisions.agencyId, agencyId))).orderBy(asc(divisions.sortOrder), asc(divisions.name));
}
