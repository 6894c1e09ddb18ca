import { and, asc, eq, inArray } from 'drizzle-orm';
import { auditEvents } from '../../audit/tables.js';
import type { Db } from '../../platform/db/database.js';
import { deviceLoans, devices } from '../tables.js';
import { differing } from '../verify-rows.js';

/**
 * What checking recording devices (R14) against the audit log can find. Devices belong to no case
 * record; their register, loans, returns and retirement are audited (device.registered, .lent,
 * .returned, .retired) and the audit log is hash-chained, so the rows are re-derived from it:
 * - device_altered: a device's agency, kind, serial number, model or retirement differs from its audit events;
 * - device_missing / device_unrecorded: a registered device has no row, or a row was never registered;
 * - device_loan_altered: a loan's person, device, dates or officers differ from its lent/returned events;
 * - device_loan_missing / device_loan_unrecorded: a recorded loan has no row, or a row was never lent.
 */
export type DeviceProblemKind = 'device_altered' | 'device_missing' | 'device_unrecorded' | 'device_loan_altered' | 'device_loan_missing' | 'device_loan_unrecorded';

export interface DeviceProblem {
  kind: DeviceProblemKind;
  deviceId: string;
  /** The loan, for loan problems. */
  id?: string;
  /** Devices are in no chain of their own: no position (keeps `seq` readable on every problem). */
  seq?: never;
  detail?: string;
}

const DEVICE_ACTIONS = ['device.registered', 'device.lent', 'device.returned', 'device.retired'];

/** Re-derives every device and loan row from the audit log. Returns the number of devices checked. */
export async function verifyDevices(db: Db, problem: (p: DeviceProblem) => void): Promise<number> {
  const audited = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectType, 'device'), inArray(auditEvents.action, DEVICE_ACTIONS)))
    .orderBy(asc(auditEvents.id));
  const expectedDevices = new Map<string, Record<string, unknown>>();
  const expectedLoans = new Map<string, Record<string, unknown>>();
  for (const e of audited) {
    const deviceId = String(e.subjectId);
    const d = e.detail;
    if (e.action === 'device.registered')
      expectedDevices.set(deviceId, { agencyId: e.agencyId, kind: d.kind, serialNumber: d.serialNumber, model: d.model, createdAt: e.at, retiredAt: null });
    if (e.action === 'device.retired') {
      const device = expectedDevices.get(deviceId);
      if (device) device.retiredAt = e.at;
    }
    if (e.action === 'device.lent')
      expectedLoans.set(String(d.loanId), { deviceId, personId: d.personId, lentAt: e.at, lentBy: e.actorUserId, returnedAt: null, returnedTo: null });
    if (e.action === 'device.returned') {
      const loan = expectedLoans.get(String(d.loanId));
      if (loan) Object.assign(loan, { returnedAt: e.at, returnedTo: e.actorUserId });
    }
  }

  const deviceRows = await db.select().from(devices);
  for (const row of deviceRows) {
    const want = expectedDevices.get(row.id);
    if (!want) {
      problem({ kind: 'device_unrecorded', deviceId: row.id, detail: row.serialNumber });
      continue;
    }
    expectedDevices.delete(row.id);
    const changed = differing(want, row);
    if (changed.length) problem({ kind: 'device_altered', deviceId: row.id, detail: changed.join(', ') });
  }
  for (const deviceId of expectedDevices.keys()) problem({ kind: 'device_missing', deviceId });

  for (const row of await db.select().from(deviceLoans)) {
    const want = expectedLoans.get(row.id);
    if (!want) {
      problem({ kind: 'device_loan_unrecorded', deviceId: row.deviceId, id: row.id });
      continue;
    }
    expectedLoans.delete(row.id);
    const changed = differing(want, row);
    if (changed.length) problem({ kind: 'device_loan_altered', deviceId: row.deviceId, id: row.id, detail: changed.join(', ') });
  }
  for (const [id, loan] of expectedLoans) problem({ kind: 'device_loan_missing', deviceId: String(loan.deviceId), id });
  return deviceRows.length;
}
