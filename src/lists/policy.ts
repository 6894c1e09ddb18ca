import type { Policy } from '../accounts/scope.js';
import { STAFF } from '../organisation/policy.js';

/**
 * The lists (issue 10). The law library is read by every staff role: officers cite it, legal
 * reviewers check decisions against it, supervisors and administrators look things up. The public
 * reads laws through the portal (the publicity issue), not through this API.
 */
export const listsPolicy: Policy<'law.read'> = {
  'law.read': STAFF,
};
