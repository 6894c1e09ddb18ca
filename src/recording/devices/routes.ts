import type { FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { agencyScopeCondition, authorize, loadAgencyRef, type AgencyRef } from '../../accounts/scope.js';
import { AppError, invalidField } from '../../platform/errors.js';
import { actorOf, auditContext } from '../../accounts/request-context.js';
import { transaction } from '../../platform/db/transaction.js';
import type { App } from '../../platform/http/app.js';
import type { AppDeps } from '../../deps.js';
import { errorBody, idParams, text } from '../../platform/http/schemas.js';
import { recordingPolicy, type RecordingPermission } from '../policy.js';
import { devices } from '../tables.js';
import { DEVICE_KINDS } from './device-rules.js';
import { lendDevice, returnDevice } from './lend-device.js';
import { deviceDetailOut, deviceOut, DEVICE_STATUSES, loansOf, presentDevice, queryDevices } from './presenter.js';
import { registerDevice } from './register-device.js';
import { retireDevice } from './retire-device.js';

const createBody = z.object({
  agencyId: z.uuid().optional().describe('default: your own agency'),
  kind: z.enum(DEVICE_KINDS),
  serialNumber: z.string().trim().min(1).max(64),
  model: text(100),
});

const listQuery = z.object({
  agencyId: z.uuid().optional(),
  status: z.enum(DEVICE_STATUSES).optional(),
});

const writeErrors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/**
 * 执法记录设备 (R14): body cameras, cameras, recorders and drives, registered per agency and lent
 * to its officers. Lending and returning are audited; a device is retired, never deleted.
 */
export async function deviceRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;

  /** The device's agency after authorising; out of scope is NOT_FOUND, like a missing device. */
  const authorizeOnDevice = async (request: FastifyRequest, deviceId: string, permission: RecordingPermission): Promise<AgencyRef> => {
    const [device] = await db.select({ agencyId: devices.agencyId }).from(devices).where(eq(devices.id, deviceId));
    if (!device) throw new AppError('NOT_FOUND');
    const agency = await loadAgencyRef(db, device.agencyId);
    authorize(recordingPolicy, actorOf(request), permission, agency);
    return agency;
  };

  const present = async (request: FastifyRequest, deviceId: string, agency: AgencyRef) => {
    const [row] = await queryDevices(db, { scope: undefined, deviceId });
    return presentDevice(row!.device, row!.openLoan, actorOf(request), agency);
  };

  app.get(
    '/api/devices',
    {
      schema: {
        tags: ['recording'],
        summary: '执法记录设备 Recording devices in scope, with who has each one',
        querystring: listQuery,
        response: { 200: z.object({ items: z.array(deviceOut) }), 400: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { agencyId, status } = request.query;
      if (agencyId) authorize(recordingPolicy, actor, 'case.read', await loadAgencyRef(db, agencyId));
      else authorize(recordingPolicy, actor, 'case.read');
      const rows = await queryDevices(db, { scope: agencyScopeCondition(actor, devices.agencyId), agencyId, status });
      const agencies = new Map<string, AgencyRef>();
      const items = [];
      for (const row of rows) {
        let agency = agencies.get(row.device.agencyId);
        if (!agency) agencies.set(row.device.agencyId, (agency = await loadAgencyRef(db, row.device.agencyId)));
        items.push(presentDevice(row.device, row.openLoan, actor, agency));
      }
      return { items };
    },
  );

  app.get(
    '/api/devices/:id',
    { schema: { tags: ['recording'], summary: '设备详情 A device with its loan history', params: idParams, response: { 200: deviceDetailOut, 403: errorBody, 404: errorBody } } },
    async (request) => {
      const agency = await authorizeOnDevice(request, request.params.id, 'case.read');
      const device = await present(request, request.params.id, agency);
      const loans = await loansOf(db, request.params.id);
      return {
        ...device,
        loans: loans.map((l) => ({ id: l.id, personId: l.personId, personName: l.personName, lentAt: l.lentAt.toISOString(), returnedAt: l.returnedAt?.toISOString() ?? null })),
      };
    },
  );

  app.post(
    '/api/devices',
    {
      schema: {
        tags: ['recording'],
        summary: '登记设备 Register a recording device (409 DUPLICATE_DEVICE_SERIAL if the agency has the serial number already)',
        body: createBody,
        response: { 201: deviceOut, ...writeErrors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { agencyId = actor.agencyId, ...input } = request.body;
      if (!agencyId) throw invalidField('agencyId', 'required');
      const agency = await loadAgencyRef(db, agencyId);
      authorize(recordingPolicy, actor, 'device.manage', agency);
      const device = await transaction(deps.database, (tx) => registerDevice(tx, auditContext(request, deps), agency.id, input));
      return reply.status(201).send(await present(request, device.id, agency));
    },
  );

  app.post(
    '/api/devices/:id/loans',
    {
      schema: {
        tags: ['recording'],
        summary: '借出设备 Lend a device to a member of its agency (409 DEVICE_ON_LOAN / DEVICE_RETIRED)',
        params: idParams,
        body: z.object({ personId: z.uuid() }),
        response: { 201: deviceOut, ...writeErrors },
      },
    },
    async (request, reply) => {
      const agency = await authorizeOnDevice(request, request.params.id, 'device.manage');
      await transaction(deps.database, (tx) => lendDevice(tx, auditContext(request, deps), request.params.id, request.body.personId));
      return reply.status(201).send(await present(request, request.params.id, agency));
    },
  );

  app.post(
    '/api/devices/:id/return',
    {
      schema: {
        tags: ['recording'],
        summary: '归还设备 Take a device back (409 DEVICE_NOT_ON_LOAN)',
        params: idParams,
        response: { 200: deviceOut, ...writeErrors },
      },
    },
    async (request) => {
      const agency = await authorizeOnDevice(request, request.params.id, 'device.manage');
      await transaction(deps.database, (tx) => returnDevice(tx, auditContext(request, deps), request.params.id));
      return present(request, request.params.id, agency);
    },
  );

  app.post(
    '/api/devices/:id/retire',
    {
      schema: {
        tags: ['recording'],
        summary: '报废设备 Retire a device (it must be returned first: 409 DEVICE_ON_LOAN)',
        params: idParams,
        response: { 200: deviceOut, ...writeErrors },
      },
    },
    async (request) => {
      const agency = await authorizeOnDevice(request, request.params.id, 'device.manage');
      await transaction(deps.database, (tx) => retireDevice(tx, auditContext(request, deps), request.params.id));
      return present(request, request.params.id, agency);
    },
  );
}
