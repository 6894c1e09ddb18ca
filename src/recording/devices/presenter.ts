import { and, asc, desc, eq, isNull, isNotNull, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../../accounts/roles.js';
import { allowed, type AgencyRef } from '../../accounts/scope.js';
import { people } from '../../organisation/tables.js';
import type { Db } from '../../platform/db/database.js';
import { recordingPolicy } from '../policy.js';
import { deviceLoans, devices } from '../tables.js';
import { DEVICE_KINDS, type DeviceRow } from './device-rules.js';

export const DEVICE_STATUSES = ['available', 'on_loan', 'retired'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

const loanOut = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  lentAt: z.string(),
  returnedAt: z.string().nullable(),
});

export const deviceOut = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  kind: z.enum(DEVICE_KINDS),
  serialNumber: z.string(),
  model: z.string(),
  status: z.enum(DEVICE_STATUSES),
  currentLoan: loanOut.nullable(),
  retiredAt: z.string().nullable(),
  createdAt: z.string(),
  isDemo: z.boolean(),
  actions: z.array(z.enum(['lend', 'return', 'retire'])).describe('what you may do next'),
});

export const deviceDetailOut = deviceOut.extend({ loans: z.array(loanOut).describe('every loan, latest first') });

interface LoanWithPerson {
  id: string;
  personId: string;
  personName: string;
  lentAt: Date;
  returnedAt: Date | null;
}

const presentLoan = (loan: LoanWithPerson) => ({
  id: loan.id,
  personId: loan.personId,
  personName: loan.personName,
  lentAt: loan.lentAt.toISOString(),
  returnedAt: loan.returnedAt?.toISOString() ?? null,
});

export function presentDevice(device: DeviceRow, openLoan: LoanWithPerson | null, actor: Actor, agency: AgencyRef) {
  const status: DeviceStatus = device.retiredAt ? 'retired' : openLoan ? 'on_loan' : 'available';
  const manage = allowed(recordingPolicy, actor, 'device.manage', agency);
  const actions: ('lend' | 'return' | 'retire')[] = [];
  if (manage && status === 'available') actions.push('lend', 'retire');
  if (manage && status === 'on_loan') actions.push('return');
  return {
    id: device.id,
    agencyId: device.agencyId,
    kind: device.kind,
    serialNumber: device.serialNumber,
    model: device.model,
    status,
    currentLoan: openLoan ? presentLoan(openLoan) : null,
    retiredAt: device.retiredAt?.toISOString() ?? null,
    createdAt: device.createdAt.toISOString(),
    isDemo: device.isDemo,
    actions,
  };
}

const loanColumns = {
  id: deviceLoans.id,
  personId: deviceLoans.personId,
  personName: people.name,
  lentAt: deviceLoans.lentAt,
  returnedAt: deviceLoans.returnedAt,
};

/** Devices with their open loan, by kind and serial number. */
export async function queryDevices(db: Db, filter: { scope: SQL | undefined; agencyId?: string; deviceId?: string; status?: DeviceStatus }) {
  const status =
    filter.status === 'retired'
      ? isNotNull(devices.retiredAt)
      : filter.status === 'on_loan'
        ? and(isNull(devices.retiredAt), isNotNull(deviceLoans.id))
        : filter.status === 'available'
          ? and(isNull(devices.retiredAt), isNull(deviceLoans.id))
          : undefined;
  const rows = await db
    .select({ device: devices, loan: loanColumns })
    .from(devices)
    .leftJoin(deviceLoans, and(eq(deviceLoans.deviceId, devices.id), isNull(deviceLoans.returnedAt)))
    .leftJoin(people, eq(people.id, deviceLoans.personId))
    .where(and(filter.scope, filter.agencyId ? eq(devices.agencyId, filter.agencyId) : undefined, filter.deviceId ? eq(devices.id, filter.deviceId) : undefined, status))
    .orderBy(asc(devices.kind), asc(devices.serialNumber));
  return rows.map((r) => ({ device: r.device, openLoan: r.loan?.id ? (r.loan as LoanWithPerson) : null }));
}

/** Every loan of a device, latest first. */
export async function loansOf(db: Db, deviceId: string): Promise<LoanWithPerson[]> {
  return db
    .select(loanColumns)
    .from(deviceLoans)
    .innerJoin(people, eq(people.id, deviceLoans.personId))
    .where(eq(deviceLoans.deviceId, deviceId))
    .orderBy(desc(deviceLoans.lentAt)) as Promise<LoanWithPerson[]>;
}
