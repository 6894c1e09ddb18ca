import { asc, eq } from 'drizzle-orm';
import { recordAudit, type AuditContext } from '../../audit/record.js';
import type { Db, Tx } from '../../platform/db/database.js';
import { counsel } from '../tables.js';

export type CounselKind = 'legal_adviser' | 'public_sector_lawyer' | 'outside_lawyer';

export interface CounselInput {
  name: string;
  /** 法律顾问, 公职律师 or an outside lawyer (外聘律师). */
  kind: CounselKind;
  organisation?: string | null;
  phone?: string | null;
  specialties?: string | null;
}

/** Adds a legal adviser or lawyer to the agency's pool for hard cases (L15). */
export async function addCounsel(tx: Tx, ctx: AuditContext, agencyId: string, input: CounselInput, options: { isDemo?: boolean } = {}) {
  const [row] = await tx
    .insert(counsel)
    .values({
      agencyId,
      name: input.name,
      kind: input.kind,
      organisation: input.organisation ?? null,
      phone: input.phone ?? null,
      specialties: input.specialties ?? null,
      isDemo: options.isDemo ?? false,
      createdAt: ctx.now,
    })
    .returning();
  await recordAudit(tx, ctx, { action: 'counsel.created', subjectType: 'counsel', subjectId: row!.id, agencyId, detail: { name: input.name, kind: input.kind } });
  return row!;
}

/** The agency's counsel pool, by kind then name. */
export function listCounsel(db: Db, agencyId: string) {
  return db.select().from(counsel).where(eq(counsel.agencyId, agencyId)).orderBy(asc(counsel.kind), asc(counsel.name), asc(counsel.id));
}
