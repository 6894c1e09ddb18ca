import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { AppError, fieldIssue, invalidField } from '../../platform/errors.js';
import { divisions, people, positions } from '../tables.js';

/*
 * Everything a position or a leading group refers to must belong to the same agency. A reference
 * to another agency's row and a reference to no row at all give the same answer (a validation
 * error naming the field), so ids of other agencies cannot be probed.
 */

/** Refuses a division that is not one of the agency's own. */
export async function requireDivisionOf(tx: Tx, agencyId: string, divisionId: string, field: string): Promise<void> {
  const [row] = await tx.select({ id: divisions.id }).from(divisions).where(and(eq(divisions.id, divisionId), eq(divisions.agencyId, agencyId)));
  if (!row) throw invalidField(field, 'not_in_agency');
}

/** Refuses a person who is not on the agency's staff; returns the person's name. */
export async function requirePersonOf(tx: Tx, agencyId: string, personId: string, field: string): Promise<{ id: string; name: string }> {
  const [row] = await tx.select({ id: people.id, name: people.name }).from(people).where(and(eq(people.id, personId), eq(people.agencyId, agencyId)));
  if (!row) throw invalidField(field, 'not_in_agency');
  return row;
}

/** Refuses positions of other agencies, naming each offending field (e.g. `members.2.positionId`). */
export async function requirePositionsOf(tx: Tx, agencyId: string, refs: { positionId: string; field: string }[]): Promise<void> {
  if (refs.length === 0) return;
  const ids = [...new Set(refs.map((r) => r.positionId))];
  const found = await tx.select({ id: positions.id }).from(positions).where(and(inArray(positions.id, ids), eq(positions.agencyId, agencyId)));
  const own = new Set(found.map((r) => r.id));
  const issues = refs.filter((r) => !own.has(r.positionId)).map((r) => fieldIssue(r.field, 'not_in_agency'));
  if (issues.length) throw new AppError('VALIDATION_FAILED', issues);
}
