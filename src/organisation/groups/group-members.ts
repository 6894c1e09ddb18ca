import { eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { leadingGroupMembers, type GroupRole } from '../tables.js';
import { requirePositionsOf } from './same-agency.js';

/** A seat in a leading group: a position and its role there (组长 / 副组长 / 成员). */
export interface MemberInput {
  positionId: string;
  role: GroupRole;
}

/**
 * Replaces a group's seats (O4). Seats name positions of the group's own agency; their order in
 * the list is the order within each role.
 */
export async function replaceMembers(tx: Tx, agencyId: string, groupId: string, members: readonly MemberInput[]): Promise<void> {
  await requirePositionsOf(
    tx,
    agencyId,
    members.map((m, i) => ({ positionId: m.positionId, field: `members.${i}.positionId` })),
  );
  await tx.delete(leadingGroupMembers).where(eq(leadingGroupMembers.groupId, groupId));
  if (members.length === 0) return;
  await tx
    .insert(leadingGroupMembers)
    .values(members.map((m, i) => ({ agencyId, groupId, positionId: m.positionId, role: m.role, sortOrder: i })));
}
