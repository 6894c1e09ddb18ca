import type { Role } from '../accounts/roles.js';
import type { Policy } from '../accounts/scope.js';

/** Every staff role: all may read their own agency's registry (scope still applies). */
export const STAFF: readonly Role[] = [
  'officer',
  'division_head',
  'legal_reviewer',
  'agency_leader',
  'publicity_editor',
  'agency_admin',
  'supervisor',
  'system_admin',
];

/**
 * Organisation & personnel permissions (O1, O2, O4, L12, L15). Justice-bureau supervisors create
 * and confirm agencies in their region (P13); agency administrators keep their own registry current.
 */
export const organisationPolicy: Policy<
  | 'region.manage'
  | 'agency.read'
  | 'agency.create'
  | 'agency.update'
  | 'agency.confirm'
  | 'division.manage'
  | 'person.read'
  | 'person.manage'
  | 'group.manage'
  | 'exchange.import'
> = {
  'region.manage': ['supervisor', 'system_admin'],
  'agency.read': STAFF,
  'agency.create': ['supervisor', 'system_admin'],
  'agency.update': ['agency_admin', 'supervisor', 'system_admin'],
  'agency.confirm': ['supervisor'],
  'division.manage': ['agency_admin', 'supervisor', 'system_admin'],
  'person.read': STAFF,
  'person.manage': ['agency_admin', 'supervisor', 'system_admin'],
  'group.manage': ['agency_admin', 'supervisor', 'system_admin'],
  'exchange.import': ['agency_admin', 'supervisor', 'system_admin'],
};
