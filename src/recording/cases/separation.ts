import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../accounts/roles.js';
import type { Db, Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { caseEvents } from '../tables.js';
import type { StepDef } from '../workflows/types.js';
import type { CaseRow } from './load.js';

/**
 * Who proposed what an approval step approves: for each step it `approves`, the actor of that
 * step's latest completion in the case's chained events. The latest completion is the current
 * round: a proposal that was sent back (e.g. 退回处理意见) and made again is approved as made again.
 */
export async function proposersOf(db: Tx | Db, caseId: string, step: StepDef): Promise<Set<string>> {
  if (!step.approves?.length) return new Set();
  const stepOfEvent = sql<string>`${caseEvents.payload} ->> 'step'`;
  const rows = await db
    .select({ step: stepOfEvent, actorUserId: caseEvents.actorUserId })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.type, 'step.completed'), inArray(stepOfEvent, [...step.approves])))
    .orderBy(asc(caseEvents.seq));
  const latest = new Map<string, string | null>();
  for (const r of rows) latest.set(r.step, r.actorUserId);
  return new Set([...latest.values()].filter((id): id is string => id !== null));
}

/**
 * Separation of duties (issue 7: the requester never approves): SELF_APPROVAL_FORBIDDEN when the
 * actor completed, in the current round, a step that this step approves; null otherwise.
 */
export async function selfApprovalRefusal(db: Tx | Db, actor: Actor, kase: CaseRow, step: StepDef): Promise<AppError | null> {
  if (!(await proposersOf(db, kase.id, step)).has(actor.userId)) return null;
  return new AppError('SELF_APPROVAL_FORBIDDEN', [], { reason: 'own_proposal', step: step.id, approves: [...step.approves!] });
}
