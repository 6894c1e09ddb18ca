import type { Policy } from './scope.js';

/** Who may manage accounts (scope is checked against the target user's agency). */
export const accountsPolicy: Policy<'user.read' | 'user.manage' | 'audit.read'> = {
  'user.read': ['agency_admin', 'supervisor', 'system_admin'],
  'user.manage': ['agency_admin', 'supervisor', 'system_admin'],
  'audit.read': ['agency_admin', 'supervisor', 'system_admin'],
};
