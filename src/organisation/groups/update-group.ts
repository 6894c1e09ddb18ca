import { eq } from 'drizzle-orm';
import { recordAudit, type AuditContext } from '../../audit/record.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { leadingGroups } from '../tables.js';
import type { GroupInput } from './create-group.js';
import { replaceMembers } from './group-members.js';
import { requireDivisionOf } from './same-agency.js';

/**
 * Changes a leading group's name, purpose, office, date of establishment or seats (O4). Seats,
 * when given, replace the previous ones. A change of the person in a position is NOT an update of
 * the group: that is a new holding of the position (assignHolder).
 */
export async function updateGroup(tx: Tx, ctx: AuditContext, groupId: string, patch: Partial<GroupInput>) {
  const [current] = await tx.select().from(leadingGroups).where(eq(leadingGroups.id, groupId)).for('update');
  if (!current) throw new AppError('NOT_FOUND');
  if (patch.officeDivisionId) await requireDivisionOf(tx, current.agencyId, patch.officeDivisionId, 'officeDivisionId');

  if (Object.keys(patch).length === 0) return; // nothing to change, nothing to record
  const { members, ...fields } = patch;
  if (Object.keys(fields).length > 0) await tx.update(leadingGroups).set(fields).where(eq(leadingGroups.id, groupId));
  if (members) await replaceMembers(tx, current.agencyId, groupId, members);

  await recordAudit(tx, ctx, {
    action: 'leading_group.updated',
    subjectType: 'leading_group',
    subjectId: groupId,
    agencyId: current.agencyId,
    detail: {
      fields: Object.keys(patch),
      ...(members ? { members: members.map((m) => ({ role: m.role, positionId: m.positionId })) } : {}),
    },
  });
}
