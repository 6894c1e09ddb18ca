import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { checkLifecycle } from '../../platform/lifecycle.js';
import { agencyConfirmation, confirmationState } from './confirmation.js';

describe('agency confirmation by the justice bureau (O1, P13)', () => {
  it('is sound: both states reachable, neither a dead end', () => {
    expect(checkLifecycle(agencyConfirmation)).toEqual([]);
  });

  it('reads the state from confirmedAt and lists the legal next actions', () => {
    expect(confirmationState({ confirmedAt: null })).toBe('unconfirmed');
    expect(confirmationState({ confirmedAt: new Date() })).toBe('confirmed');
    expect(agencyConfirmation.next('unconfirmed')).toEqual(['confirm']);
    expect(agencyConfirmation.next('confirmed')).toEqual(['withdraw', 'changeIdentity']);
  });

  it('refuses confirming twice and withdrawing what is not confirmed, with the current state', () => {
    const refusal = (f: () => void) => {
      try {
        f();
      } catch (e) {
        return [(e as AppError).code, (e as AppError).details];
      }
      return null;
    };
    expect(refusal(() => agencyConfirmation.assertTransition('confirmed', 'confirm'))).toEqual(['ALREADY_CONFIRMED', { state: 'confirmed' }]);
    expect(refusal(() => agencyConfirmation.assertTransition('unconfirmed', 'withdraw'))).toEqual(['AGENCY_NOT_CONFIRMED', { state: 'unconfirmed' }]);
    expect(refusal(() => agencyConfirmation.assertTransition('unconfirmed', 'confirm', 'confirmed'))).toBeNull();
    expect(agencyConfirmation.can('unconfirmed', 'changeIdentity')).toBe(false);
  });
});
