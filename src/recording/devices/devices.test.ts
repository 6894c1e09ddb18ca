import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../audit/tables.js';
import { createTestApp, type TestContext } from '../../../test/harness.js';
import { buildRecordingWorld, recordingSessions, type RecordingWorld } from '../../../test/recording-world.js';

let ctx: TestContext;
let world: RecordingWorld;
let s: Awaited<ReturnType<typeof recordingSessions>>;
let cameraId: string;

beforeAll(async () => {
  ctx = await createTestApp({ config: { sessionTtlMinutes: 60 * 24 * 365 } });
  world = await buildRecordingWorld(ctx.database);
  s = await recordingSessions(ctx);
});
afterAll(() => ctx.close());

const body = { kind: 'body_camera', serialNumber: 'DSJ-2026-0001', model: '执法记录仪 DSJ-V9' };

describe('POST /api/devices', () => {
  it('registers a device of the division head’s agency', async () => {
    const res = await s.head.post('/api/devices', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ agencyId: world.agencyA.id, kind: 'body_camera', serialNumber: 'DSJ-2026-0001', status: 'available', currentLoan: null, actions: ['lend', 'retire'] });
    cameraId = res.json().id;
    const [audit] = await ctx.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'device.registered'), eq(auditEvents.subjectId, cameraId)));
    expect(audit?.actorUserId).toBe(world.users.head.id);
  });

  it('refuses a serial number the agency has already (409), an officer (403), another agency (404)', async () => {
    expect((await s.adminA.post('/api/devices', body)).json().error.code).toBe('DUPLICATE_DEVICE_SERIAL');
    expect((await s.li.post('/api/devices', { ...body, serialNumber: 'X-1' })).statusCode).toBe(403);
    expect((await s.head.post('/api/devices', { ...body, serialNumber: 'X-2', agencyId: world.agencyB.id })).statusCode).toBe(404);
    // Agency B's officer may not register devices either.
    const other = await s.officerB.post('/api/devices', body);
    expect(other.statusCode).toBe(403);
  });
});

describe('GET /api/devices', () => {
  it('lists the agency’s devices to its officers, without actions they may not take', async () => {
    const res = await s.li.get('/api/devices');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([expect.objectContaining({ id: cameraId, actions: [] })]);
    expect((await s.officerB.get('/api/devices')).json().items).toEqual([]);
    expect((await s.officerB.get(`/api/devices/${cameraId}`)).statusCode).toBe(404);
  });
});

describe('lending (R14)', () => {
  it('lends to a member of the agency, once at a time', async () => {
    const lent = await s.head.post(`/api/devices/${cameraId}/loans`, { personId: world.people.li.id });
    expect(lent.statusCode, lent.body).toBe(201);
    expect(lent.json()).toMatchObject({ status: 'on_loan', currentLoan: { personId: world.people.li.id, personName: '李明' }, actions: ['return'] });
    const again = await s.head.post(`/api/devices/${cameraId}/loans`, { personId: world.people.wang.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('DEVICE_ON_LOAN');
    expect((await s.head.get('/api/devices?status=on_loan')).json().items.map((d: { id: string }) => d.id)).toEqual([cameraId]);
    expect((await s.head.get('/api/devices?status=available')).json().items).toEqual([]);
  });

  it('refuses to retire a device that is out, and an officer taking it back', async () => {
    expect((await s.head.post(`/api/devices/${cameraId}/retire`)).json().error.code).toBe('DEVICE_ON_LOAN');
    expect((await s.li.post(`/api/devices/${cameraId}/return`)).statusCode).toBe(403);
  });

  it('takes it back, keeps the history, and refuses a second return', async () => {
    const back = await s.head.post(`/api/devices/${cameraId}/return`);
    expect(back.statusCode).toBe(200);
    expect(back.json()).toMatchObject({ status: 'available', currentLoan: null });
    expect((await s.head.post(`/api/devices/${cameraId}/return`)).json().error.code).toBe('DEVICE_NOT_ON_LOAN');
    const detail = (await s.li.get(`/api/devices/${cameraId}`)).json();
    expect(detail.loans).toEqual([expect.objectContaining({ personId: world.people.li.id, returnedAt: expect.any(String) })]);
  });

  it('refuses a person of another agency', async () => {
    const res = await s.head.post(`/api/devices/${cameraId}/loans`, { personId: world.people.bOfficer.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([expect.objectContaining({ field: 'personId', code: 'not_in_agency' })]);
  });

  it('retires it for good: no more loans', async () => {
    const retired = await s.adminA.post(`/api/devices/${cameraId}/retire`);
    expect(retired.statusCode).toBe(200);
    expect(retired.json()).toMatchObject({ status: 'retired', actions: [] });
    expect((await s.head.post(`/api/devices/${cameraId}/loans`, { personId: world.people.li.id })).json().error.code).toBe('DEVICE_RETIRED');
    expect((await s.head.post(`/api/devices/${cameraId}/retire`)).json().error.code).toBe('DEVICE_RETIRED');
    const actions = await ctx.database.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.subjectId, cameraId));
    expect(actions.map((a) => a.action)).toEqual(['device.registered', 'device.lent', 'device.returned', 'device.retired']);
  });
});
