import { eq } from 'drizzle-orm';
import type { Actor } from '../../accounts/roles.js';
import { authorize, inScope, loadAgencyRef } from '../../accounts/scope.js';
import type { Db, Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { recordingPolicy, type RecordingPermission } from '../policy.js';
import { cases } from '../tables.js';
import { isStateOf, procedureOf, type CaseState } from '../workflows/procedures/index.js';

/** A case as the database stores it: its state (`step`) is any string. */
export type StoredCase = typeof cases.$inferSelect;

/** A case whose state has been checked against its procedure's transitions table (`asCaseRow`). */
export type CaseRow = Omit<StoredCase, 'step'> & { step: CaseState };

/**
 * Narrows a case read from the database: its state must be one of its procedure's states. The
 * column is plain text, so this is the one place a string becomes a typed state; a row that fails
 * is a broken record (`sanxiang verify` names it), never something to act on.
 */
export function asCaseRow(row: StoredCase): CaseRow {
  if (!isStateOf(procedureOf(row.procedure), row.step)) throw new Error(`case ${row.id}: ${row.step} is not a state of procedure ${row.procedure}`);
  return row as CaseRow;
}

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
  return asCaseRow(row);
}
