import { asc, eq } from 'drizzle-orm';
import { recordAudit, type AuditContext } from '../../audit/record.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { positionHolders, positions } from '../tables.js';
import { planHolding } from './holdings.js';
import { requirePersonOf } from './same-agency.js';

export interface HolderInput {
  personId: string;
  fromDate: string;
  /** Known end of the holding (a fixed term, or a past holding being recorded); null = open-ended. */
  toDate?: string | null;
}

/**
 * A person of the position's agency holds the position from `fromDate` (O4). The open holding of
 * the predecessor is closed the day before, so every leading group naming the position now resolves
 * to the successor from that date without any change to the group. Overlaps with other holdings
 * are refused (POSITION_HOLDING_OVERLAP).
 */
export async function assignHolder(tx: Tx, ctx: AuditContext, positionId: string, input: HolderInput) {
  // Lock the position so two concurrent assignments cannot both pass the overlap check.
  const [position] = await tx.select().from(positions).where(eq(positions.id, positionId)).for('update');
  if (!position) throw new AppError('NOT_FOUND');
  const person = await requirePersonOf(tx, position.agencyId, input.personId, 'personId');

  const existing = await tx
    .select({ id: positionHolders.id, fromDate: positionHolders.fromDate, toDate: positionHolders.toDate })
    .from(positionHolders)
    .where(eq(positionHolders.positionId, positionId))
    .orderBy(asc(positionHolders.fromDate));
  const toDate = input.toDate ?? null;
  const plan = planHolding(existing, input.fromDate, toDate);
  if (!plan.ok) throw new AppError('POSITION_HOLDING_OVERLAP');

  if (plan.close) await tx.update(positionHolders).set({ toDate: plan.close.toDate }).where(eq(positionHolders.id, plan.close.id));
  const [holding] = await tx
    .insert(positionHolders)
    .values({ agencyId: position.agencyId, positionId, personId: person.id, fromDate: input.fromDate, toDate, createdAt: ctx.now })
    .returning();
  await recordAudit(tx, ctx, {
    action: 'position.holder_assigned',
    subjectType: 'position',
    subjectId: positionId,
    agencyId: position.agencyId,
    detail: { personId: person.id, fromDate: input.fromDate, toDate, closedHolding: plan.close },
  });
  return { position, holding: holding!, closed: plan.close };
}
