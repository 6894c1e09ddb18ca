import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../../test/harness.js';
import { buildWorld, PASSWORD, type World } from '../../../test/factories.js';

let t: TestContext;
let world: World;
let adminA: Session;
let adminB: Session;
let officerA: Session;
let supervisorA: Session;
let supervisorB: Session;
let sysadmin: Session;

const auditOf = (action: string) =>
  t.database.query<{ actor_user_id: string; agency_id: string; subject_id: string; detail: Record<string, unknown> }>(
    'select actor_user_id, agency_id, subject_id, detail from audit_events where action = $1 order by id',
    [action],
  );
const fieldsOf = (res: { json(): { error: { fields?: { field: string; code: string }[] } } }) =>
  (res.json().error.fields ?? []).map((f) => `${f.field}:${f.code}`).sort();

beforeAll(async () => {
  t = await createTestApp();
  world = await buildWorld(t.database);
  [adminA, adminB, officerA, supervisorA, supervisorB, sysadmin] = await Promise.all(
    ['admin_a', 'admin_b', 'officer_a', 'supervisor_a', 'supervisor_b', 'sysadmin'].map((u) => loginAs(t.app, u, PASSWORD)),
  );
});
afterAll(() => t.close());

describe('POST /api/agencies/:id/counsel (L15)', () => {
  it('adds counsel to the agency’s pool and audits it', async () => {
    const res = await adminA.post(`/api/agencies/${world.agencyA.id}/counsel`, {
      name: ' 赵律师 ',
      kind: 'outside_lawyer',
      organisation: '云南某律师事务所',
      phone: '0878-3123456',
      specialties: '行政复议、行政诉讼',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      id: expect.any(String),
      agencyId: world.agencyA.id,
      name: '赵律师',
      kind: 'outside_lawyer',
      organisation: '云南某律师事务所',
      phone: '0878-3123456',
      specialties: '行政复议、行政诉讼',
      isDemo: false,
    });
    const [row] = await t.database.query<{ agency_id: string; name: string }>('select agency_id, name from counsel where id = $1', [res.json().id]);
    expect(row).toEqual({ agency_id: world.agencyA.id, name: '赵律师' });
    expect(await auditOf('counsel.created')).toEqual([
      { actor_user_id: world.users.adminA.id, agency_id: world.agencyA.id, subject_id: res.json().id, detail: { name: '赵律师', kind: 'outside_lawyer' } },
    ]);
  });

  it('names each invalid field', async () => {
    const res = await adminA.post(`/api/agencies/${world.agencyA.id}/counsel`, { kind: 'judge', phone: 'ring ring', organisation: 'x'.repeat(101) });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['kind:invalid_value', 'name:required', 'organisation:too_big', 'phone:phone']);
  });

  it('answers 404 out of scope and 403 for a wrong role; supervisors and the system administrator may add', async () => {
    const body = { name: '钱顾问', kind: 'legal_adviser' };
    expect((await adminB.post(`/api/agencies/${world.agencyA.id}/counsel`, body)).statusCode).toBe(404);
    expect((await supervisorB.post(`/api/agencies/${world.agencyA.id}/counsel`, body)).statusCode).toBe(404);
    expect((await adminA.post(`/api/agencies/${world.agencyA2.id}/counsel`, body)).statusCode).toBe(404);
    expect((await officerA.post(`/api/agencies/${world.agencyA.id}/counsel`, body)).statusCode).toBe(403);
    expect((await supervisorA.post(`/api/agencies/${world.agencyA.id}/counsel`, { name: '孙公职律师', kind: 'public_sector_lawyer' })).statusCode).toBe(201);
    expect((await sysadmin.post(`/api/agencies/${world.agencyB.id}/counsel`, body)).statusCode).toBe(201);
  });
});

describe('GET /api/agencies/:id/counsel (L15)', () => {
  it('lists the agency’s own pool with whether the caller may add, and audits the names shown', async () => {
    const res = await officerA.get(`/api/agencies/${world.agencyA.id}/counsel`);
    expect(res.statusCode).toBe(200);
    expect(res.json().canManage).toBe(false);
    expect(res.json().items.map((c: { name: string; kind: string }) => `${c.kind}:${c.name}`)).toEqual(['outside_lawyer:赵律师', 'public_sector_lawyer:孙公职律师']);
    const [audit] = (await auditOf('counsel.list')).slice(-1);
    expect(audit).toEqual({
      actor_user_id: world.users.officerA.id,
      agency_id: world.agencyA.id,
      subject_id: world.agencyA.id,
      detail: { ids: res.json().items.map((c: { id: string }) => c.id) },
    });
    expect((await adminA.get(`/api/agencies/${world.agencyA.id}/counsel`)).json().canManage).toBe(true);
    expect((await adminB.get(`/api/agencies/${world.agencyB.id}/counsel`)).json().items.map((c: { name: string }) => c.name)).toEqual(['钱顾问']);
  });

  it('answers an empty pool without an audit event', async () => {
    const before = (await auditOf('counsel.list')).length;
    expect((await supervisorA.get(`/api/agencies/${world.agencyA2.id}/counsel`)).json()).toEqual({ items: [], canManage: true });
    expect((await auditOf('counsel.list')).length).toBe(before);
  });

  it('answers 404 out of scope or for an unknown agency', async () => {
    expect((await adminB.get(`/api/agencies/${world.agencyA.id}/counsel`)).statusCode).toBe(404);
    expect((await supervisorB.get(`/api/agencies/${world.agencyA.id}/counsel`)).statusCode).toBe(404);
    expect((await supervisorA.get(`/api/agencies/${world.agencyB.id}/counsel`)).statusCode).toBe(404);
    expect((await adminA.get('/api/agencies/00000000-0000-4000-8000-000000000000/counsel')).statusCode).toBe(404);
  });
});
