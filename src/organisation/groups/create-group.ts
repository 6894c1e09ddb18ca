import { recordAudit, type AuditContext } from '../../audit/record.js';
import type { Tx } from '../../platform/db/database.js';
import { leadingGroups } from '../tables.js';
import { replaceMembers, type MemberInput } from './group-members.js';
import { requireDivisionOf } from './same-agency.js';

export interface GroupInput {
  name: string;
  purpose?: string | null;
  /** The division that runs the group's office (领导小组办公室设在…). */
  officeDivisionId?: string | null;
  establishedOn?: string | null;
  members: MemberInput[];
}

/**
 * Sets up a leading group (领导小组) defined by position (O4): 组长 = 局长, 副组长 = 分管副局长,
 * 成员 = 各科室负责人. Whoever holds each position on a given date is the member on that date, so
 * a change of person needs no new document. A duplicate name is refused (DUPLICATE_GROUP_NAME).
 */
export async function createGroup(tx: Tx, ctx: AuditContext, agencyId: string, input: GroupInput) {
  if (input.officeDivisionId) await requireDivisionOf(tx, agencyId, input.officeDivisionId, 'officeDivisionId');
  const [group] = await tx
    .insert(leadingGroups)
    .values({
      agencyId,
      name: input.name,
      purpose: input.purpose ?? null,
      officeDivisionId: input.officeDivisionId ?? null,
      establishedOn: input.establishedOn ?? null,
      createdAt: ctx.now,
    })
    .returning();
  await replaceMembers(tx, agencyId, group!.id, input.members);
  await recordAudit(tx, ctx, {
    action: 'leading_group.created',
    subjectType: 'leading_group',
    subjectId: group!.id,
    agencyId,
    detail: { name: input.name, members: input.members.map((m) => ({ role: m.role, positionId: m.positionId })) },
  });
  return group!;
}
