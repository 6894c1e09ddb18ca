import { eq } from 'drizzle-orm';
import { recordAudit, type AuditContext } from '../../audit/record.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { people } from '../tables.js';
import { assertPersonRules, certificateColumns, type PersonInput } from './create-person.js';

/**
 * Updates a person; a certificate given replaces the current one (e.g. suspension or revocation
 * changes its status), `certificate: null` removes it. The ID number is never changed here.
 */
export async function updatePerson(tx: Tx, ctx: AuditContext, id: string, patch: Partial<Omit<PersonInput, 'idNumber'>>) {
  const [current] = await tx.select().from(people).where(eq(people.id, id));
  if (!current) throw new AppError('NOT_FOUND');
  await assertPersonRules(tx, current.agencyId, patch);
  const { certificate, ...rest } = patch;
  const [row] = await tx
    .update(people)
    .set({ ...rest, ...(certificate !== undefined && certificateColumns(certificate)), updatedAt: ctx.now })
    .where(eq(people.id, id))
    .returning();
  await recordAudit(tx, ctx, {
    action: 'person.updated',
    subjectType: 'person',
    subjectId: id,
    agencyId: current.agencyId,
    detail: {
      fields: Object.keys(patch),
      ...(certificate !== undefined && { certificateStatus: { from: current.certificateStatus, to: certificate?.status ?? null } }),
    },
  });
  return row!;
}
