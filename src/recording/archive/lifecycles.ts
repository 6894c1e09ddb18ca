import { hasRole, type Actor } from '../../accounts/roles.js';
import { defineLifecycle } from '../../platform/lifecycle.js';
import { AppError } from '../../platform/errors.js';
import type { AccessStatus, CaseStatus, caseFiles } from '../tables.js';

/*
 * The archive's two small lifecycles as tables (../../platform/lifecycle.ts): an access request to
 * a case file (R9) and the case file itself (R8).
 */

export type AccessAction = 'giveOpinion' | 'decide' | 'use';

/** What `who` sees of a request: the actor, the request, and who lodged it (from the case chain). */
export interface AccessContext {
  actor: Actor;
  request: { divisionOpinionBy: string | null };
  lodger: string | null | undefined;
}

/**
 * Separation of duties (issue 7): whoever lodged a request — for themselves or on behalf of a
 * party, which is how a division head could otherwise approve their own disguised request — never
 * gives the opinion on it nor decides it; the leader's approval comes from someone other than the
 * division head whose opinion it follows, so R9's two signatures are two people; and a grant is
 * used only by its holder, the account that lodged it. Returns the conflict, or null.
 */
export function dutyConflict(c: AccessContext, action: AccessAction): 'own_request' | 'own_opinion' | 'not_holder' | null {
  const own = c.lodger === c.actor.userId;
  if (action === 'use') return own ? null : 'not_holder';
  if (own) return 'own_request';
  if (action === 'decide' && c.request.divisionOpinionBy === c.actor.userId) return 'own_opinion';
  return null;
}

/** Throws the named error of a separation-of-duties conflict. */
export function assertDuty(c: AccessContext, action: AccessAction): void {
  const conflict = dutyConflict(c, action);
  if (conflict === 'not_holder') throw new AppError('ACCESS_GRANT_NOT_HELD');
  if (conflict) throw new AppError('SELF_APPROVAL_FORBIDDEN', [], { reason: conflict });
}

/**
 * 查阅申请 (R9): the division head gives an opinion on a pending request — for a licensing file that
 * opinion is the approval itself, otherwise an agreeing opinion goes to a leader, who approves with a
 * time box or rejects. The holder then uses the grant (reads or copies) while it lasts; each use is
 * recorded and the request stays approved.
 */
export const accessRequestLifecycle = defineLifecycle<AccessStatus, AccessAction, AccessContext>({
  name: 'access_request',
  states: ['pending', 'opinion_given', 'approved', 'rejected'],
  initial: 'pending',
  terminal: ['approved', 'rejected'],
  transitions: [
    {
      action: 'giveOpinion',
      from: ['pending'],
      to: ['opinion_given', 'approved', 'rejected'],
      who: (c) => hasRole(c.actor, 'division_head') && !dutyConflict(c, 'giveOpinion'),
    },
    { action: 'decide', from: ['opinion_given'], to: ['approved', 'rejected'], who: (c) => hasRole(c.actor, 'agency_leader') && !dutyConflict(c, 'decide') },
    { action: 'use', from: ['approved'], to: ['approved'], who: (c) => !dutyConflict(c, 'use') },
  ],
  refusal: (_action, status) => new AppError('ACCESS_REQUEST_STATE', [], { status }),
});

export type CaseFileState = 'case_open' | 'to_compile' | 'compiled' | 'transferred';
export type CaseFileAction = 'closeCase' | 'compile' | 'transfer' | 'addSupplement';

/**
 * Where a case stands in its file's lifecycle, from the case's status and its file row: the row
 * exists once the file is compiled; transferring it archives the case.
 */
export function caseFileState(status: CaseStatus, file: Pick<typeof caseFiles.$inferSelect, 'transferredAt'> | undefined): CaseFileState {
  if (status === 'archived' || file?.transferredAt) return 'transferred';
  if (file) return 'compiled';
  return status === 'open' ? 'case_open' : 'to_compile';
}

/**
 * 卷宗 (R8): a closed case's file is compiled with its catalogue, then handed to the archive office,
 * which archives the case; material arriving later is a supplementary record, never part of the file.
 */
export const caseFileLifecycle = defineLifecycle<CaseFileState, CaseFileAction>({
  name: 'case_file',
  states: ['case_open', 'to_compile', 'compiled', 'transferred'],
  initial: 'case_open',
  terminal: ['transferred'],
  transitions: [
    { action: 'closeCase', from: ['case_open'], to: ['to_compile'], takenBy: "the procedure's 结案 step (../workflows/)" },
    { action: 'compile', from: ['to_compile'], to: ['compiled'] },
    { action: 'transfer', from: ['compiled'], to: ['transferred'] },
    { action: 'addSupplement', from: ['transferred'], to: ['transferred'] },
  ],
  refusal(action, state) {
    if (action === 'compile')
      return state === 'case_open' ? new AppError('STEP_NOT_ALLOWED', [], { reason: 'case_not_closed', state }) : new AppError('CASE_FILE_EXISTS', [], { state });
    if (action === 'transfer')
      return state === 'transferred'
        ? new AppError('CASE_FILE_EXISTS', [], { reason: 'already_transferred', state })
        : new AppError('CASE_FILE_NOT_COMPILED', [], { state });
    return new AppError('STEP_NOT_ALLOWED', [], { reason: action === 'addSupplement' ? 'case_not_archived' : 'case_closed', state });
  },
});
