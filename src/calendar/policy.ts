import type { Policy } from '../accounts/scope.js';
import { STAFF } from '../organisation/policy.js';

/** Calendar: everyone reads it; a system administrator extends it from each year's State Council notice. */
export const calendarPolicy: Policy<'calendar.read' | 'calendar.manage'> = {
  'calendar.read': STAFF,
  'calendar.manage': ['system_admin'],
};
