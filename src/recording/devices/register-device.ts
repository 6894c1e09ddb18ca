import { recordAudit, type AuditContext } from '../../audit/record.js';
import type { Tx } from '../../platform/db/database.js';
import { devices, type DeviceKind } from '../tables.js';
import type { DeviceRow } from './device-rules.js';

export interface DeviceInput {
  kind: DeviceKind;
  serialNumber: string;
  model: string;
}

/** 登记执法记录设备 — registers a recording device of an agency (R14). A serial number is unique per agency. */
export async function registerDevice(tx: Tx, ctx: AuditContext, agencyId: string, input: DeviceInput): Promise<DeviceRow> {
  const [row] = await tx.insert(devices).values({ agencyId, ...input, createdAt: ctx.now }).returning();
  await recordAudit(tx, ctx, { action: 'device.registered', subjectType: 'device', subjectId: row!.id, agencyId, detail: { ...input } });
  return row!;
}
