import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { deviceLoans, devices, type DeviceKind } from '../tables.js';

export const DEVICE_KINDS = ['body_camera', 'camera', 'video_camera', 'audio_recorder', 'storage_drive', 'other'] as const satisfies readonly DeviceKind[];

export type DeviceRow = typeof devices.$inferSelect;
export type LoanRow = typeof deviceLoans.$inferSelect;

/** A device row locked for a change, with its open loan if it is out. */
export async function lockDevice(tx: Tx, deviceId: string): Promise<{ device: DeviceRow; openLoan: LoanRow | null }> {
  const [device] = await tx.select().from(devices).where(eq(devices.id, deviceId)).for('update');
  if (!device) throw new AppError('NOT_FOUND');
  const [openLoan] = await tx
    .select()
    .from(deviceLoans)
    .where(and(eq(deviceLoans.deviceId, deviceId), isNull(deviceLoans.returnedAt)));
  return { device, openLoan: openLoan ?? null };
}
