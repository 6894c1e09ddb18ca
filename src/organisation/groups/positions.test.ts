import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../../test/harness.js';
import { buildWorld, fakeIdNumber, PASSWORD, type World } from '../../../test/factories.js';
import { people, positionHolders } from '../tables.js';

let t: TestContext;
let world: World;
let adminA: Session;
let adminB: Session;
let officerA: Session;
let supervisorA: Session;
let supervisorB: Session;
let sysadmin: Session;
const person: Record<string, { id: string; name: string }> = {};

/** Staff are inserted directly: this module must not depend on the people API. */
async function insertPerson(agencyId: string, name: string) {
  const [row] = await t.database.db.insert(people).values({ agencyId, name, idNumber: fakeIdNumber(), categories: [] }).returning();
  return { id: row!.id, name: row!.name };
}

beforeAll(async () => {
  t = await createTestApp();
  world = await buildWorld(t.database);
  [adminA, adminB, officerA, supervisorA, supervisorB, sysadmin] = await Promise.all(
    ['admin_a', 'admin_b', 'officer_a', 'supervisor_a', 'supervisor_b', 'sysadmin'].map((u) => loginAs(t.app, u, PASSWORD)),
  );
  person.x = await insertPerson(world.agencyA.id, '李明');
  person.y = await insertPerson(world.agencyA.id, '王芳');
  person.z = await insertPerson(world.agencyA.id, '赵强');
  person.otherAgency = await insertPerson(world.agencyA2.id, '陈静');
});
afterAll(() => t.close());

const auditOf = (subjectId: string) =>
  t.database.query<{ action: string; detail: Record<string, unknown> }>(`select action, detail from audit_events where subject_id = $1 order by id`, [subjectId]);

async function createPosition(session: Session, agencyId: string, body: Record<string, unknown>) {
  const res = await session.post(`/api/agencies/${agencyId}/positions`, body);
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; title: string };
}

describe('POST /api/agencies/:id/positions', () => {
  it('creates a position with an optional division of the same agency, and audits it', async () => {
    const division = await adminA.post(`/api/agencies/${world.agencyA.id}/divisions`, { name: '政策法规科' });
    const res = await adminA.post(`/api/agencies/${world.agencyA.id}/positions`, { title: '政策法规科科长', divisionId: division.json().id, sortOrder: 5 });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      id: expect.any(String),
      agencyId: world.agencyA.id,
      title: '政策法规科科长',
      divisionId: division.json().id,
      divisionName: '政策法规科',
      sortOrder: 5,
      currentHolder: null,
    });
    expect(await auditOf(res.json().id)).toEqual([{ action: 'position.created', detail: { title: '政策法规科科长', divisionId: division.json().id } }]);
  });

  it('refuses a division of another agency, naming the field', async () => {
    const other = await adminB.post(`/api/agencies/${world.agencyB.id}/divisions`, { name: '综合科' });
    const res = await adminA.post(`/api/agencies/${world.agencyA.id}/positions`, { title: '综合科科长', divisionId: other.json().id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([expect.objectContaining({ field: 'divisionId', code: 'not_in_agency' })]);
  });

  it('keeps titles unique per agency, not across agencies', async () => {
    await createPosition(adminA, world.agencyA.id, { title: '局长' });
    const again = await adminA.post(`/api/agencies/${world.agencyA.id}/positions`, { title: ' 局长 ' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'DUPLICATE_POSITION_TITLE', message: '本机关已有同名职务' });
    await createPosition(adminB, world.agencyB.id, { title: '局长' });
  });

  it('names each invalid field', async () => {
    const res = await adminA.post(`/api/agencies/${world.agencyA.id}/positions`, { divisionId: 'nope', sortOrder: -1 });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields.map((f: { field: string; code: string }) => `${f.field}:${f.code}`);
    expect(fields).toEqual(expect.arrayContaining(['title:required', 'divisionId:invalid_format', 'sortOrder:too_small']));
    expect((await adminA.post(`/api/agencies/${world.agencyA.id}/positions`, { title: 'x'.repeat(51) })).json().error.fields[0].field).toBe('title');
  });

  it('lets a supervisor of the region and a system administrator manage positions', async () => {
    await createPosition(supervisorA, world.agencyA.id, { title: '副局长' });
    await createPosition(sysadmin, world.agencyA2.id, { title: '局长' });
  });

  it('answers 404 out of scope (other agency, other province) and 403 for a wrong role', async () => {
    expect((await adminB.post(`/api/agencies/${world.agencyA.id}/positions`, { title: '科员' })).statusCode).toBe(404);
    expect((await adminA.post(`/api/agencies/${world.agencyA2.id}/positions`, { title: '科员' })).statusCode).toBe(404);
    expect((await supervisorB.post(`/api/agencies/${world.agencyA.id}/positions`, { title: '科员' })).statusCode).toBe(404);
    const res = await officerA.post(`/api/agencies/${world.agencyA.id}/positions`, { title: '科员' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });
});

describe('POST /api/positions/:id/holders', () => {
  let director: { id: string };
  beforeAll(async () => {
    director = await createPosition(adminA, world.agencyA.id, { title: '党组书记' });
  });

  it('records the first holder; the position was vacant before', async () => {
    const res = await adminA.post(`/api/positions/${director.id}/holders`, { personId: person.x!.id, fromDate: '2024-01-01' });
    expect(res.statusCode).toBe(201);
    expect(res.json().items).toEqual([{ personId: person.x!.id, name: '李明', from: '2024-01-01', to: null }]);
  });

  it('closes the predecessor’s holding the day before the successor starts (O4)', async () => {
    const res = await adminA.post(`/api/positions/${director.id}/holders`, { personId: person.y!.id, fromDate: '2026-06-01' });
    expect(res.statusCode).toBe(201);
    expect(res.json().items).toEqual([
      { personId: person.x!.id, name: '李明', from: '2024-01-01', to: '2026-05-31' },
      { personId: person.y!.id, name: '王芳', from: '2026-06-01', to: null },
    ]);
    const audit = await auditOf(director.id);
    expect(audit.map((a) => a.action)).toEqual(['position.created', 'position.holder_assigned', 'position.holder_assigned']);
    expect(audit[2]!.detail).toMatchObject({ personId: person.y!.id, fromDate: '2026-06-01', toDate: null, closedHolding: { toDate: '2026-05-31' } });
  });

  it('refuses overlapping holdings with 409 and changes nothing', async () => {
    const before = await t.database.db.select().from(positionHolders).where(eq(positionHolders.positionId, director.id));
    for (const body of [
      { personId: person.z!.id, fromDate: '2026-06-01' }, // the day the current holder started
      { personId: person.z!.id, fromDate: '2025-03-01', toDate: '2025-04-30' }, // inside a closed holding
      { personId: person.z!.id, fromDate: '2023-01-01' }, // open-ended, would swallow both
    ]) {
      const res = await adminA.post(`/api/positions/${director.id}/holders`, body);
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'POSITION_HOLDING_OVERLAP', message: '该职务在此期间已有任职人员，任职时间不能重叠' });
    }
    expect(await t.database.db.select().from(positionHolders).where(eq(positionHolders.positionId, director.id))).toEqual(before);
  });

  it('records a past holding that fits in a gap', async () => {
    const res = await adminA.post(`/api/positions/${director.id}/holders`, { personId: person.z!.id, fromDate: '2020-01-01', toDate: '2023-12-31' });
    expect(res.statusCode).toBe(201);
    expect(res.json().items.map((h: { name: string }) => h.name)).toEqual(['赵强', '李明', '王芳']);
  });

  it('refuses a person of another agency, or no person at all, naming the field', async () => {
    for (const personId of [person.otherAgency!.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await adminA.post(`/api/positions/${director.id}/holders`, { personId, fromDate: '2027-01-01' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toEqual([expect.objectContaining({ field: 'personId', code: 'not_in_agency' })]);
    }
  });

  it('names each invalid field', async () => {
    const res = await adminA.post(`/api/positions/${director.id}/holders`, { fromDate: '2026-02-30' });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields.map((f: { field: string; code: string }) => `${f.field}:${f.code}`);
    expect(fields).toEqual(expect.arrayContaining(['personId:required', 'fromDate:invalid_date']));
    const backwards = await adminA.post(`/api/positions/${director.id}/holders`, { personId: person.z!.id, fromDate: '2027-02-01', toDate: '2027-01-31' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields).toEqual([expect.objectContaining({ field: 'toDate', code: 'too_small' })]);
  });

  it('answers 404 out of scope or for no such position, 403 for a wrong role', async () => {
    const body = { personId: person.z!.id, fromDate: '2027-01-01' };
    expect((await adminB.post(`/api/positions/${director.id}/holders`, body)).statusCode).toBe(404);
    expect((await supervisorB.post(`/api/positions/${director.id}/holders`, body)).statusCode).toBe(404);
    expect((await adminA.post(`/api/positions/00000000-0000-4000-8000-000000000000/holders`, body)).statusCode).toBe(404);
    expect((await officerA.post(`/api/positions/${director.id}/holders`, body)).statusCode).toBe(403);
  });
});

describe('GET /api/positions/:id/holders and GET /api/agencies/:id/positions', () => {
  let deputy: { id: string };
  beforeAll(async () => {
    deputy = await createPosition(adminA, world.agencyA.id, { title: '分管执法副局长', sortOrder: 2 });
    await adminA.post(`/api/positions/${deputy.id}/holders`, { personId: person.z!.id, fromDate: '2025-01-01' });
  });

  it('shows the history to any staff member of the agency, and audits the names shown', async () => {
    const res = await officerA.get(`/api/positions/${deputy.id}/holders`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [{ personId: person.z!.id, name: '赵强', from: '2025-01-01', to: null }] });
    const reads = (await auditOf(deputy.id)).filter((a) => a.action === 'person.list');
    expect(reads).toEqual([{ action: 'person.list', detail: { ids: [person.z!.id] } }]);
  });

  it('lists positions with today’s holder (null = vacant), allow-listed', async () => {
    const res = await officerA.get(`/api/agencies/${world.agencyA.id}/positions`);
    expect(res.statusCode).toBe(200);
    expect(res.json().canManage).toBe(false);
    const byTitle = Object.fromEntries(res.json().items.map((p: { title: string }) => [p.title, p]));
    expect(byTitle['分管执法副局长'].currentHolder).toEqual({ personId: person.z!.id, name: '赵强', from: '2025-01-01', to: null });
    expect(byTitle['党组书记'].currentHolder).toMatchObject({ name: '王芳' });
    expect(byTitle['局长'].currentHolder).toBeNull();
    expect(Object.keys(byTitle['党组书记'].currentHolder)).toEqual(['personId', 'name', 'from', 'to']);
    expect(JSON.stringify(res.json())).not.toMatch(/idNumber|phone/);
    expect((await adminA.get(`/api/agencies/${world.agencyA.id}/positions`)).json().canManage).toBe(true);
  });

  it('answers 404 across agencies and provinces', async () => {
    expect((await adminB.get(`/api/positions/${deputy.id}/holders`)).statusCode).toBe(404);
    expect((await supervisorB.get(`/api/agencies/${world.agencyA.id}/positions`)).statusCode).toBe(404);
    expect((await adminA.get(`/api/agencies/${world.agencyA2.id}/positions`)).statusCode).toBe(404);
    expect((await supervisorA.get(`/api/agencies/${world.agencyA.id}/positions`)).statusCode).toBe(200);
    expect((await adminA.get(`/api/positions/not-a-uuid/holders`)).statusCode).toBe(400);
  });
});
