import { describe, expect, it } from 'vitest';
import type { Actor } from '../../accounts/roles.js';
import { AppError } from '../../platform/errors.js';
import { checkLifecycle } from '../../platform/lifecycle.js';
import { accessRequestCan } from './access-requests.js';
import { accessRequestLifecycle, assertDuty, caseFileLifecycle, caseFileState, dutyConflict } from './lifecycles.js';

const actor = (userId: string, ...roles: Actor['roles']): Actor => ({
  userId, username: userId, displayName: userId, roles, agencyId: null, scopeRegionPath: null, scopeRegionCode: null, ip: '127.0.0.1', userAgent: null, via: 'session',
});
const refusalOf = (f: () => void) => {
  try {
    f();
  } catch (e) {
    return { code: (e as AppError).code, details: (e as AppError).details };
  }
  throw new Error('not refused');
};

describe('the access-request lifecycle (R9)', () => {
  it('is sound: every state reachable, approved and rejected terminal', () => {
    expect(checkLifecycle(accessRequestLifecycle)).toEqual([]);
    expect(accessRequestLifecycle.terminal).toEqual(['approved', 'rejected']);
  });

  it('lists the legal next actions of each state', () => {
    expect(accessRequestLifecycle.next('pending')).toEqual(['giveOpinion']);
    expect(accessRequestLifecycle.next('opinion_given')).toEqual(['decide']);
    expect(accessRequestLifecycle.next('approved')).toEqual(['use']);
    expect(accessRequestLifecycle.next('rejected')).toEqual([]);
  });

  it('refuses an action out of turn with ACCESS_REQUEST_STATE and the current status', () => {
    expect(refusalOf(() => accessRequestLifecycle.assertTransition('opinion_given', 'giveOpinion'))).toEqual({ code: 'ACCESS_REQUEST_STATE', details: { status: 'opinion_given' } });
    expect(refusalOf(() => accessRequestLifecycle.assertTransition('rejected', 'decide'))).toEqual({ code: 'ACCESS_REQUEST_STATE', details: { status: 'rejected' } });
    expect(() => accessRequestLifecycle.assertTransition('opinion_given', 'decide', 'opinion_given')).toThrow('cannot lead to opinion_given');
  });

  it('keeps separation of duties: the lodger never gives the opinion or decides, the decider is not the opinion-giver, only the lodger uses', () => {
    const head = actor('head', 'division_head');
    const leader = actor('leader', 'agency_leader');
    const both = actor('both', 'division_head', 'agency_leader');
    const pending = { status: 'pending' as const, divisionOpinionBy: null };
    const opined = (by: string) => ({ status: 'opinion_given' as const, divisionOpinionBy: by });
    const approved = { status: 'approved' as const, divisionOpinionBy: 'head' };
    const can = (a: Actor, request: { status: 'pending' | 'opinion_given' | 'approved'; divisionOpinionBy: string | null }, lodger: string | null) =>
      accessRequestCan(a, request as Parameters<typeof accessRequestCan>[1], lodger);

    expect(can(head, pending, 'clerk')).toEqual({ giveOpinion: true, decide: false, use: false });
    expect(can(head, pending, 'head')).toEqual({ giveOpinion: false, decide: false, use: false });
    expect(can(leader, pending, 'clerk')).toEqual({ giveOpinion: false, decide: false, use: false });
    expect(can(leader, opined('head'), 'clerk')).toEqual({ giveOpinion: false, decide: true, use: false });
    expect(can(leader, opined('head'), 'leader')).toEqual({ giveOpinion: false, decide: false, use: false });
    expect(can(both, opined('both'), 'clerk')).toEqual({ giveOpinion: false, decide: false, use: false });
    expect(can(actor('clerk'), approved, 'clerk')).toEqual({ giveOpinion: false, decide: false, use: true });
    expect(can(head, approved, 'clerk')).toEqual({ giveOpinion: false, decide: false, use: false });
    expect(can(head, approved, null)).toEqual({ giveOpinion: false, decide: false, use: false });

    expect(dutyConflict({ actor: head, request: pending, lodger: 'clerk' }, 'giveOpinion')).toBeNull();
    expect(refusalOf(() => assertDuty({ actor: head, request: pending, lodger: 'head' }, 'giveOpinion'))).toEqual({ code: 'SELF_APPROVAL_FORBIDDEN', details: { reason: 'own_request' } });
    expect(refusalOf(() => assertDuty({ actor: both, request: opined('both'), lodger: 'clerk' }, 'decide'))).toEqual({ code: 'SELF_APPROVAL_FORBIDDEN', details: { reason: 'own_opinion' } });
    expect(refusalOf(() => assertDuty({ actor: head, request: approved, lodger: 'clerk' }, 'use'))).toEqual({ code: 'ACCESS_GRANT_NOT_HELD', details: undefined });
  });
});

describe('the case-file lifecycle (R8)', () => {
  const file = (transferredAt: Date | null) => ({ transferredAt });

  it('is sound: every state reachable, transferred terminal', () => {
    expect(checkLifecycle(caseFileLifecycle)).toEqual([]);
    expect(caseFileLifecycle.terminal).toEqual(['transferred']);
  });

  it('reads the state from the case status and the file row', () => {
    expect(caseFileState('open', undefined)).toBe('case_open');
    expect(caseFileState('closed', undefined)).toBe('to_compile');
    expect(caseFileState('closed', file(null))).toBe('compiled');
    expect(caseFileState('archived', file(new Date()))).toBe('transferred');
  });

  it('lists the legal next actions of each state', () => {
    expect(caseFileLifecycle.next('case_open')).toEqual(['closeCase']);
    expect(caseFileLifecycle.next('to_compile')).toEqual(['compile']);
    expect(caseFileLifecycle.next('compiled')).toEqual(['transfer']);
    expect(caseFileLifecycle.next('transferred')).toEqual(['addSupplement']);
  });

  it('refuses each action out of turn with the error the archive API has always given, and the current state', () => {
    const refuse = (state: Parameters<typeof caseFileLifecycle.assertTransition>[0], action: Parameters<typeof caseFileLifecycle.assertTransition>[1]) =>
      refusalOf(() => caseFileLifecycle.assertTransition(state, action));
    expect(refuse('case_open', 'compile')).toEqual({ code: 'STEP_NOT_ALLOWED', details: { reason: 'case_not_closed', state: 'case_open' } });
    expect(refuse('compiled', 'compile')).toEqual({ code: 'CASE_FILE_EXISTS', details: { state: 'compiled' } });
    expect(refuse('to_compile', 'transfer')).toEqual({ code: 'CASE_FILE_NOT_COMPILED', details: { state: 'to_compile' } });
    expect(refuse('transferred', 'transfer')).toEqual({ code: 'CASE_FILE_EXISTS', details: { reason: 'already_transferred', state: 'transferred' } });
    expect(refuse('compiled', 'addSupplement')).toEqual({ code: 'STEP_NOT_ALLOWED', details: { reason: 'case_not_archived', state: 'compiled' } });
  });
});
