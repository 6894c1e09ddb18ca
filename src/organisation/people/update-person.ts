import { eq } from 'drizzle-orm';
import { recordAudit, type AuditContext } from '../../audit/record.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { people } from '../tables.js';
import { checkPersonRules, personValues, type PersonInput, type PersonValues } from './person-rules.js';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Updates a member of staff: the fields given replace the stored ones and the whole record must
 * still satisfy the rules (O2). A certificate is suspended, revoked or reinstated through
 * `certificateStatus`; expiry is derived from the date, never stored (see certificate.ts).
 * Nothing is written, and nothing audited, when no field changes.
 */
export async function updatePerson(tx: Tx, ctx: AuditContext, id: string, patch: Partial<PersonInput>) {
  const [current] = await tx.select().from(people).where(eq(people.id, id)).for('update');
  if (!current) throw new AppError('NOT_FOUND');
  const given: Partial<PersonInput> = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  // A first certificate given without a status starts active; an existing one keeps its status.
  if (given.certificateNumber && given.certificateStatus === undefined && !current.certificateStatus) given.certificateStatus = 'active';
  const merged = personValues({ ...current, ...given });
  await checkPersonRules(tx, current.agencyId, merged, id);

  const changed = (Object.keys(merged) as (keyof PersonValues)[]).filter((key) => !same(merged[key], current[key]));
  if (changed.length === 0) return current;
  const [row] = await tx
    .update(people)
    .set({ ...Object.fromEntries(changed.map((key) => [key, merged[key]])), updatedAt: ctx.now })
    .where(eq(people.id, id))
    .returning();
  // Field names only: the values may include the ID number, which stays out of the audit log.
  const statusChange =
    current.certificateStatus !== merged.certificateStatus ? { certificateStatus: { from: current.certificateStatus, to: merged.certificateStatus } } : {};
  await recordAudit(tx, ctx, {
    action: 'person.updated',
    subjectType: 'person',
    subjectId: id,
    agencyId: current.agencyId,
    detail: { fields: changed, ...statusChange },
  });
  return row!;
}
