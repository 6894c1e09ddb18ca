import { AppError } from '../../platform/errors.js';
import { defineLifecycle } from '../../platform/lifecycle.js';

export type ConfirmationState = 'unconfirmed' | 'confirmed';
export type ConfirmationAction = 'confirm' | 'withdraw' | 'changeIdentity';

/** An agency's confirmation state, from its row: confirmed while `confirmedAt` is set. */
export const confirmationState = (agency: { confirmedAt: Date | null }): ConfirmationState => (agency.confirmedAt ? 'confirmed' : 'unconfirmed');

/**
 * 主体资格确认 (O1, P13): a registered agency is unconfirmed until the justice bureau confirms it as
 * an enforcement body; the bureau may withdraw the confirmation; and a change of a confirmed
 * agency's identifying facts (./agencies.ts, CONFIRMED_IDENTITY_FIELDS) withdraws it too, until the
 * bureau confirms again. Only confirmed agencies are published.
 */
export const agencyConfirmation = defineLifecycle<ConfirmationState, ConfirmationAction>({
  name: 'agency_confirmation',
  states: ['unconfirmed', 'confirmed'],
  initial: 'unconfirmed',
  terminal: [],
  transitions: [
    { action: 'confirm', from: ['unconfirmed'], to: ['confirmed'] },
    { action: 'withdraw', from: ['confirmed'], to: ['unconfirmed'] },
    { action: 'changeIdentity', from: ['confirmed'], to: ['unconfirmed'] },
  ],
  refusal: (action, state) => new AppError(action === 'confirm' ? 'ALREADY_CONFIRMED' : 'AGENCY_NOT_CONFIRMED', [], { state }),
});
