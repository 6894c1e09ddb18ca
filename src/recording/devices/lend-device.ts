import { eq } from 'drizzle-orm';
import { recordAudit, type AuditContext } from '../../audit/record.js';
import { people } from '../../organisation/tables.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError, invalidField } from '../../platform/errors.js';
import { deviceLoans } from '../tables.js';
import { lockDevice, type LoanRow } from './device-rules.js';

/**
 * 借用 — lends a device to a member of its agency (R14). A retired device is not lent
 * (DEVICE_RETIRED); a device out on loan must come back first (DEVICE_ON_LOAN).
 */
export async function lendDevice(tx: Tx, ctx: AuditContext, deviceId: string, personId: string): Promise<LoanRow> {
  const { device, openLoan } = await lockDevice(tx, deviceId);
  if (device.retiredAt) throw new AppError('DEVICE_RETIRED');
  if (openLoan) throw new AppError('DEVICE_ON_LOAN');
  const [person] = await tx.select({ agencyId: people.agencyId }).from(people).where(eq(people.id, personId));
  if (!person || person.agencyId !== device.agencyId) throw invalidField('personId', 'not_in_agency');
  const [loan] = await tx
    .insert(deviceLoans)
    .values({ deviceId, personId, lentAt: ctx.now, lentBy: ctx.actor?.userId ?? null })
    .returning();
  await recordAudit(tx, ctx, { action: 'device.lent', subjectType: 'device', subjectId: deviceId, agencyId: device.agencyId, detail: { loanId: loan!.id, personId } });
  return loan!;
}

/** 归还 — takes a device back (DEVICE_NOT_ON_LOAN when it is not out). */
export async function returnDevice(tx: Tx, ctx: AuditContext, deviceId: string): Promise<LoanRow> {
  const { device, openLoan } = await lockDevice(tx, deviceId);
  if (!openLoan) throw new AppError('DEVICE_NOT_ON_LOAN');
  const [loan] = await tx
    .update(deviceLoans)
    .set({ returnedAt: ctx.now, returnedTo: ctx.actor?.userId ?? null })
    .where(eq(deviceLoans.id, openLoan.id))
    .returning();
  await recordAudit(tx, ctx, { action: 'device.returned', subjectType: 'device', subjectId: deviceId, agencyId: device.agencyId, detail: { loanId: openLoan.id, personId: openLoan.personId } });
  return loan!;
}
