import { recordAudit, type AuditContext } from '../../audit/record.js';
import type { Tx } from '../../platform/db/database.js';
import { positions } from '../tables.js';
import { requireDivisionOf } from './same-agency.js';

export interface PositionInput {
  /** e.g. 局长, 分管执法工作的副局长, 法规科科长; unique within the agency. */
  title: string;
  divisionId?: string | null;
  sortOrder?: number;
}

/**
 * Creates a position (职务) of an agency (O4). Leading groups name positions, not people, so the
 * group survives a change of the person in post. A duplicate title is refused by the database
 * (DUPLICATE_POSITION_TITLE).
 */
export async function createPosition(tx: Tx, ctx: AuditContext, agencyId: string, input: PositionInput) {
  if (input.divisionId) await requireDivisionOf(tx, agencyId, input.divisionId, 'divisionId');
  const [row] = await tx
    .insert(positions)
    .values({ agencyId, title: input.title, divisionId: input.divisionId ?? null, sortOrder: input.sortOrder ?? 0, createdAt: ctx.now })
    .returning();
  await recordAudit(tx, ctx, {
    action: 'position.created',
    subjectType: 'position',
    subjectId: row!.id,
    agencyId,
    detail: { title: row!.title, divisionId: row!.divisionId },
  });
  return row!;
}
