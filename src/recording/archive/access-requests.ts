import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../../accounts/roles.js';
import { authorize, loadAgencyRef } from '../../accounts/scope.js';
import type { AuditContext } from '../../audit/record.js';
import type { Db, Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { appendCaseEvent } from '../chain.js';
import { loadCaseFor, type CaseRow } from '../cases/load.js';
import { recordingPolicy } from '../policy.js';
import { accessRequests, caseEvents } from '../tables.js';
import { accessRequestLifecycle, assertDuty, type AccessAction } from './lifecycles.js';

export const accessRequestBody = z
  .object({
    requesterKind: z.enum(['party', 'staff']),
    requesterName: z.string().trim().min(1).max(100),
    purpose: z.string().trim().min(2).max(1000),
    mode: z.enum(['read', 'copy']),
  })
  .strict();

export const opinionBody = z.object({ agree: z.boolean(), opinion: z.string().trim().min(1).max(1000) }).strict();
export const decisionBody = z
  .object({ approve: z.boolean(), note: z.string().trim().max(1000).optional(), validDays: z.int().min(1).max(30).default(7) })
  .strict();
export const useBody = z.object({ action: z.enum(['read', 'copy']), note: z.string().trim().max(1000).optional() }).strict();

export type AccessRequestRow = typeof accessRequests.$inferSelect;

/**
 * R9: a licensing file needs only the division head's approval; other files (inspection, penalty,
 * coercion, levy) need the division head's opinion and then a leader's approval.
 */
export const needsLeaderApproval = (kase: Pick<CaseRow, 'category'>) => kase.category !== 'licensing';

export const DAY_MS = 86_400_000;

/** How long a grant given by the division head's opinion alone (a licensing file) lasts. */
export const OPINION_GRANT_DAYS = 7;

async function loadRequest(tx: Tx, actor: Actor, id: string, permission: Parameters<typeof loadCaseFor>[3]) {
  const [request] = await tx.select().from(accessRequests).where(eq(accessRequests.id, id)).for('update');
  if (!request) throw new AppError('NOT_FOUND');
  const kase = await loadCaseFor(tx, actor, request.caseId, 'case.read');
  authorize(recordingPolicy, actor, permission!, await loadAgencyRef(tx, kase.agencyId));
  return { request, kase };
}

/**
 * Who lodged each request of a case: the actor of its access.requested event, read from the case
 * chain rather than from the mutable request row. For a staff request that is the requester; for a
 * party's request it is the officer who received it and attends the party's reading or copying.
 */
export async function lodgersOf(tx: Db | Tx, caseId: string, requestId?: string): Promise<Map<string, string | null>> {
  const requestIdOf = sql<string>`${caseEvents.payload}->>'requestId'`;
  const rows = await tx
    .select({ requestId: requestIdOf, userId: caseEvents.actorUserId })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.type, 'access.requested'), requestId ? sql`${requestIdOf} = ${requestId}` : undefined));
  return new Map(rows.map((r) => [r.requestId, r.userId]));
}

/**
 * What the actor may do next with each request — the lifecycle table's next actions in its state,
 * less those the role or separation of duties (./lifecycles.ts) rules out — so the UI never
 * re-derives the rules.
 */
export function accessRequestCan(actor: Actor, request: AccessRequestRow, lodger: string | null | undefined): Record<AccessAction, boolean> {
  const next = accessRequestLifecycle.next(request.status, { actor, request, lodger });
  return { giveOpinion: next.includes('giveOpinion'), decide: next.includes('decide'), use: next.includes('use') };
}

export async function requestAccess(tx: Tx, ctx: AuditContext, actor: Actor, caseId: string, input: z.infer<typeof accessRequestBody>) {
  const kase = await loadCaseFor(tx, actor, caseId, 'access.request');
  const [row] = await tx
    .insert(accessRequests)
    .values({ caseId, agencyId: kase.agencyId, ...input, requesterUserId: input.requesterKind === 'staff' ? actor.userId : null, status: accessRequestLifecycle.initial, requestedAt: ctx.now })
    .returning();
  await appendCaseEvent(tx, ctx, caseId, { type: 'access.requested', payload: { requestId: row!.id, ...input } });
  return row!;
}

/** The division head's opinion; for a licensing file it is the approval itself (R9). */
export async function giveOpinion(tx: Tx, ctx: AuditContext, actor: Actor, id: string, input: z.infer<typeof opinionBody>) {
  const { request, kase } = await loadRequest(tx, actor, id, 'access.opinion');
  assertDuty({ actor, request, lodger: (await lodgersOf(tx, request.caseId, id)).get(id) }, 'giveOpinion');
  const final = !input.agree || !needsLeaderApproval(kase);
  const status = !input.agree ? 'rejected' : final ? 'approved' : 'opinion_given';
  accessRequestLifecycle.assertTransition(request.status, 'giveOpinion', status);
  const validUntil = status === 'approved' ? new Date(ctx.now.getTime() + OPINION_GRANT_DAYS * DAY_MS) : null;
  const [row] = await tx
    .update(accessRequests)
    .set({
      status,
      divisionOpinion: input.opinion,
      divisionOpinionBy: actor.userId,
      divisionOpinionAt: ctx.now,
      ...(status === 'approved' ? { decidedBy: actor.userId, decidedAt: ctx.now, validFrom: ctx.now, validUntil } : {}),
    })
    .where(eq(accessRequests.id, id))
    .returning();
  await appendCaseEvent(tx, ctx, request.caseId, { type: 'access.opinion_given', payload: { requestId: id, agree: input.agree, opinion: input.opinion, status, validUntil: validUntil?.toISOString() ?? null } });
  return row!;
}

/** A leader's approval after the division head's opinion, with a time box. */
export async function decideAccess(tx: Tx, ctx: AuditContext, actor: Actor, id: string, input: z.infer<typeof decisionBody>) {
  const { request } = await loadRequest(tx, actor, id, 'access.decide');
  assertDuty({ actor, request, lodger: (await lodgersOf(tx, request.caseId, id)).get(id) }, 'decide');
  accessRequestLifecycle.assertTransition(request.status, 'decide', input.approve ? 'approved' : 'rejected');
  const validUntil = new Date(ctx.now.getTime() + input.validDays * DAY_MS);
  const [row] = await tx
    .update(accessRequests)
    .set({
      status: input.approve ? 'approved' : 'rejected',
      decidedBy: actor.userId,
      decidedAt: ctx.now,
      decisionNote: input.note ?? null,
      ...(input.approve ? { validFrom: ctx.now, validUntil } : {}),
    })
    .where(eq(accessRequests.id, id))
    .returning();
  await appendCaseEvent(tx, ctx, request.caseId, {
    type: 'access.decided',
    payload: { requestId: id, approve: input.approve, note: input.note ?? null, validUntil: input.approve ? validUntil.toISOString() : null },
  });
  return row!;
}

/**
 * Records one use of a grant (the file read or copied); outside the grant it is refused, and the
 * refusal is not a use. A grant is used only by its holder — the account that lodged it (issue 7).
 */
export async function useAccess(tx: Tx, ctx: AuditContext, actor: Actor, id: string, input: z.infer<typeof useBody>) {
  const { request } = await loadRequest(tx, actor, id, 'access.request');
  assertDuty({ actor, request, lodger: (await lodgersOf(tx, request.caseId, id)).get(id) }, 'use');
  const inWindow = accessRequestLifecycle.can(request.status, 'use') && request.validFrom && request.validUntil && ctx.now >= request.validFrom && ctx.now < request.validUntil;
  if (!inWindow) throw new AppError('ACCESS_NOT_GRANTED', [], { status: request.status, validUntil: request.validUntil?.toISOString() ?? null });
  if (input.action === 'copy' && request.mode !== 'copy') throw new AppError('ACCESS_NOT_GRANTED', [], { reason: 'read_only_grant' });
  return appendCaseEvent(tx, ctx, request.caseId, { type: 'access.used', payload: { requestId: id, requester: request.requesterName, ...input } });
}
