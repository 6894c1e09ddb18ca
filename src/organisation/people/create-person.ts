import { recordAudit, type AuditContext } from '../../audit/record.js';
import type { Tx } from '../../platform/db/database.js';
import { people } from '../tables.js';
import { checkPersonRules, personValues, type PersonInput } from './person-rules.js';

export type { PersonInput } from './person-rules.js';

/**
 * Registers a member of staff of `agencyId`; with a certificate (执法证) they are an enforcement
 * officer (O2, P2, P12). The API, the spreadsheet import and the demo seeder all come through
 * here, so the cross-field rules hold whoever writes (see checkPersonRules).
 */
export async function createPerson(tx: Tx, ctx: AuditContext, agencyId: string, input: PersonInput, options: { isDemo?: boolean } = {}) {
  const values = personValues(input);
  await checkPersonRules(tx, agencyId, values);
  const [row] = await tx
    .insert(people)
    .values({ agencyId, ...values, isDemo: options.isDemo ?? false, createdAt: ctx.now, updatedAt: ctx.now })
    .returning();
  // The ID number stays out of the audit log: the log is read more widely than the registry.
  await recordAudit(tx, ctx, {
    action: 'person.created',
    subjectType: 'person',
    subjectId: row!.id,
    agencyId,
    detail: { name: values.name, certificateNumber: values.certificateNumber, isLegalReviewer: values.isLegalReviewer },
  });
  return row!;
}
