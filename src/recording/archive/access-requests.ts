import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../../accounts/roles.js';
import { authorize, loadAgencyRef } from '../../accounts/scope.js';
import type { AuditContext } from '../../audit/record.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { appendCaseEvent } from '../chain.js';
import { loadCaseFor, type CaseRow } from '../cases/load.js';
import { recordingPolicy } from '../policy.js';
import { accessRequests } from '../tables.js';

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

const DAY_MS = 86_400_000;

async function loadRequest(tx: Tx, actor: Actor, id: string, permission: Parameters<typeof loadCaseFor>[3]) {
  const [request] = await tx.select().from(accessRequests).where(eq(accessRequests.id, id)).for('update');
  if (!request) throw new AppError('NOT_FOUND');
  const kase = await loadCaseFor(tx, actor, request.caseId, 'case.read');
  authorize(recordingPolicy, actor, permission!, await loadAgencyRef(tx, kase.agencyId));
  return { request, kase };
}

export async function requestAccess(tx: Tx, ctx: AuditContext, actor: Actor, caseId: string, input: z.infer<typeof accessRequestBody>) {
  const kase = await loadCaseFor(tx, actor, caseId, 'access.request');
  const [row] = await tx
    .insert(accessRequests)
    .values({ caseId, agencyId: kase.agencyId, ...input, requesterUserId: input.requesterKind === 'staff' ? actor.userId : null, status: 'pending', requestedAt: ctx.now })
    .returning();
  await appendCaseEvent(tx, ctx, caseId, { type: 'access.requested', payload: { requestId: row!.id, ...input } });
  return row!;
}

/** The division head's opinion; for a licensing file it is the approval itself (R9). */
export async function giveOpinion(tx: Tx, ctx: AuditContext, actor: Actor, id: string, input: z.infer<typeof opinionBody>) {
  const { request, kase } = await loadRequest(tx, actor, id, 'access.opinion');
  if (request.status !== 'pending') throw new AppError('ACCESS_REQUEST_STATE', [], { status: request.status });
  const final = !input.agree || !needsLeaderApproval(kase);
  const status = !input.agree ? 'rejected' : final ? 'approved' : 'opinion_given';
  const [row] = await tx
    .update(accessRequests)
    .set({
      status,
      divisionOpinion: input.opinion,
      divisionOpinionBy: actor.userId,
      divisionOpinionAt: ctx.now,
      ...(status === 'approved' ? { decidedBy: actor.userId, decidedAt: ctx.now, validFrom: ctx.now, validUntil: new Date(ctx.now.getTime() + 7 * DAY_MS) } : {}),
    })
    .where(eq(accessRequests.id, id))
    .returning();
  await appendCaseEvent(tx, ctx, request.caseId, { type: 'access.opinion_given', payload: { requestId: id, agree: input.agree, opinion: input.opinion, status } });
  return row!;
}

/** A leader's approval after the division head's opinion, with a time box. */
export async function decideAccess(tx: Tx, ctx: AuditContext, actor: Actor, id: string, input: z.infer<typeof decisionBody>) {
  const { request } = await loadRequest(tx, actor, id, 'access.decide');
  if (request.status !== 'opinion_given') throw new AppError('ACCESS_REQUEST_STATE', [], { status: request.status });
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

/** Records one use of a grant (the file read or copied); outside the grant it is refused, and the refusal is not a use. */
export async function useAccess(tx: Tx, ctx: AuditContext, actor: Actor, id: string, input: z.infer<typeof useBody>) {
  const { request } = await loadRequest(tx, actor, id, 'access.request');
  const inWindow = request.status === 'approved' && request.validFrom && request.validUntil && ctx.now >= request.validFrom && ctx.now < request.validUntil;
  if (!inWindow) throw new AppError('ACCESS_NOT_GRANTED', [], { status: request.status, validUntil: request.validUntil?.toISOString() ?? null });
  if (input.action === 'copy' && request.mode !== 'copy') throw new AppError('ACCESS_NOT_GRANTED', [], { reason: 'read_only_grant' });
  return appendCaseEvent(tx, ctx, request.caseId, { type: 'access.used', payload: { requestId: id, requester: request.requesterName, ...input } });
}

export const presentAccessRequest = (r: AccessRequestRow) => ({
  id: r.id,
  caseId: r.caseId,
  requesterKind: r.requesterKind,
  requesterName: r.requesterName,
  purpose: r.purpose,
  mode: r.mode,
  status: r.status,
  requestedAt: r.requestedAt.toISOString(),
  divisionOpinion: r.divisionOpinion,
  divisionOpinionAt: r.divisionOpinionAt?.toISOString() ?? null,
  decisionNote: r.decisionNote,
  decidedAt: r.decidedAt?.toISOString() ?? null,
  validFrom: r.validFrom?.toISOString() ?? null,
  validUntil: r.validUntil?.toISOString() ?? null,
});
