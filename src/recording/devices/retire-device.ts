import { eq } from 'drizzle-orm';
import { recordAudit, type AuditContext } from '../../audit/record.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { devices } from '../tables.js';
import { lockDevice, type DeviceRow } from './device-rules.js';

/**
 * 报废 — retires a device for good. It must have been returned first (DEVICE_ON_LOAN), so that no
 * loan is left open on a retired device; evidence captured before retirement may still name it.
 */
export async function retireDevice(tx: Tx, ctx: AuditContext, deviceId: string): Promise<DeviceRow> {
  const { device, openLoan } = await lockDevice(tx, deviceId);
  if (device.retiredAt) throw new AppError('DEVICE_RETIRED');
  if (openLoan) throw new AppError('DEVICE_ON_LOAN');
  const [row] = await tx.update(devices).set({ retiredAt: ctx.now }).where(eq(devices.id, deviceId)).returning();
  await recordAudit(tx, ctx, { action: 'device.retired', subjectType: 'device', subjectId: deviceId, agencyId: device.agencyId });
  return row!;
}
