import { eq } from 'drizzle-orm';
import type { Actor } from '../../accounts/roles.js';
import { authorize, inScope, loadAgencyRef } from '../../accounts/scope.js';
import type { Db, Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { recordingPolicy, type RecordingPermission } from '../policy.js';
import { cases } from '../tables.js';

export type CaseRow = typeof cases.$inferSelect;

/**
 * Loads a case the actor may act on with `permission`: a case outside the actor's scope is
 * NOT_FOUND (its existence is not revealed); a wrong role is FORBIDDEN.
 */
export async function loadCaseFor(
  db: Db | Tx,
  actor: Actor,
  caseId: string,
  permission: RecordingPermission = 'case.read',
  options: { lock?: boolean } = {},
): Promise<CaseRow> {
  const query = db.select().from(cases).where(eq(cases.id, caseId));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw new AppError('NOT_FOUND');
  const agency = await loadAgencyRef(db, row.agencyId);
  if (!inScope(actor, agency)) throw new AppError('NOT_FOUND');
  authorize(recordingPolicy, actor, permission, agency);
  return row;
}
