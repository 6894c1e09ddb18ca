import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../../test/harness.js';
import { buildWorld, fakeIdNumber, PASSWORD, type World } from '../../../test/factories.js';
import { recording } from './test-support.js';

let t: TestContext;
let world: World;
let adminA: Session;
let adminB: Session;
let officerA: Session;
let supervisorA: Session;
let supervisorB: Session;
let sysadmin: Session;
let personId: string;
let withoutCertificate: string;
const bodies: string[] = [];
const idNumbers: string[] = [];

async function newPerson(body: Record<string, unknown>) {
  const idNumber = fakeIdNumber();
  idNumbers.push(idNumber);
  const res = await adminA.post(`/api/agencies/${world.agencyA.id}/people`, { idNumber, ...body });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

const auditOf = (subjectId: string, action: string) =>
  t.database.query<{ actor_user_id: string; agency_id: string; detail: Record<string, unknown> }>(
    'select actor_user_id, agency_id, detail from audit_events where subject_id = $1 and action = $2 order by id',
    [subjectId, action],
  );
const fieldsOf = (res: { json(): { error: { fields?: { field: string; code: string }[] } } }) =>
  (res.json().error.fields ?? []).map((f) => `${f.field}:${f.code}`).sort();

beforeAll(async () => {
  t = await createTestApp({ config: { publicUrl: 'https://zwfw.example.gov.cn' } });
  world = await buildWorld(t.database);
  [adminA, adminB, officerA, supervisorA, supervisorB, sysadmin] = (
    await Promise.all(['admin_a', 'admin_b', 'officer_a', 'supervisor_a', 'supervisor_b', 'sysadmin'].map((u) => loginAs(t.app, u, PASSWORD)))
  ).map((s) => recording(s, bodies));
  personId = await newPerson({
    name: '孙立',
    certificate: { number: 'YN-A-0101', issuedOn: '2024-03-01', expiresOn: '2029-02-28', status: 'active' },
  });
  withoutCertificate = await newPerson({ name: '钱多' });
});
afterAll(() => t.close());

describe('POST /api/people/:id/trainings', () => {
  it('records a completed training against the person’s agency and audits it', async () => {
    const res = await adminA.post(`/api/people/${personId}/trainings`, { kind: 'pre_job', title: ' 行政执法岗前培训 ', provider: '楚雄州司法局', hours: 40.5, completedOn: '2024-02-20' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ id: expect.any(String), personId, kind: 'pre_job', title: '行政执法岗前培训', provider: '楚雄州司法局', hours: 40.5, completedOn: '2024-02-20' });
    const [row] = await t.database.query<{ agency_id: string; hours: string }>('select agency_id, hours::text from trainings where id = $1', [res.json().id]);
    expect(row).toEqual({ agency_id: world.agencyA.id, hours: '40.5' });
    expect(await auditOf(personId, 'training.created')).toEqual([
      {
        actor_user_id: world.users.adminA.id,
        agency_id: world.agencyA.id,
        detail: { trainingId: res.json().id, kind: 'pre_job', title: '行政执法岗前培训', hours: 40.5, completedOn: '2024-02-20' },
      },
    ]);
  });

  it('accepts a training completed today (China time) but not tomorrow', async () => {
    expect((await adminA.post(`/api/people/${personId}/trainings`, { kind: 'on_job', title: '案卷评查', hours: 4, completedOn: '2026-11-22' })).statusCode).toBe(201);
    const tomorrow = await adminA.post(`/api/people/${personId}/trainings`, { kind: 'on_job', title: '案卷评查', hours: 4, completedOn: '2026-11-23' });
    expect(tomorrow.statusCode).toBe(400);
    expect(fieldsOf(tomorrow)).toEqual(['completedOn:too_big']);
  });

  it('names each invalid field', async () => {
    const res = await adminA.post(`/api/people/${personId}/trainings`, { kind: 'daily', title: '', hours: 0, completedOn: '2026-13-01' });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['completedOn:invalid_date', 'hours:too_small', 'kind:invalid_value', 'title:too_small']);
    expect(fieldsOf(await adminA.post(`/api/people/${personId}/trainings`, { kind: 'on_job', title: 'x', hours: 1.25, completedOn: '2026-01-01' }))).toEqual(['hours:invalid_format']);
    expect(fieldsOf(await adminA.post(`/api/people/${personId}/trainings`, { kind: 'on_job', title: 'x', hours: 2001, completedOn: '2026-01-01' }))).toEqual(['hours:too_big']);
    expect(fieldsOf(await adminA.post(`/api/people/${personId}/trainings`, {}))).toEqual(['completedOn:required', 'hours:required', 'kind:required', 'title:required']);
  });

  it('answers 404 out of scope and 403 for a wrong role', async () => {
    const body = { kind: 'on_job', title: '执法规范化培训', hours: 8, completedOn: '2026-10-01' };
    expect((await adminB.post(`/api/people/${personId}/trainings`, body)).statusCode).toBe(404);
    expect((await supervisorB.post(`/api/people/${personId}/trainings`, body)).statusCode).toBe(404);
    expect((await adminA.post('/api/people/00000000-0000-4000-8000-000000000000/trainings', body)).statusCode).toBe(404);
    expect((await officerA.post(`/api/people/${personId}/trainings`, body)).statusCode).toBe(403);
    expect((await supervisorA.post(`/api/people/${personId}/trainings`, body)).statusCode).toBe(201);
  });
});

describe('GET /api/people/:id/trainings', () => {
  it('lists the trainings latest first and audits the read', async () => {
    const res = await officerA.get(`/api/people/${personId}/trainings`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { completedOn: string }) => i.completedOn)).toEqual(['2026-11-22', '2026-10-01', '2024-02-20']);
    expect(await auditOf(personId, 'person.read')).toEqual([{ actor_user_id: world.users.officerA.id, agency_id: world.agencyA.id, detail: { view: 'trainings' } }]);
    expect((await sysadmin.get(`/api/people/${personId}/trainings`)).json().items).toHaveLength(3);
    expect((await officerA.get(`/api/people/${withoutCertificate}/trainings`)).json()).toEqual({ items: [] });
  });

  it('answers 404 out of scope', async () => {
    expect((await adminB.get(`/api/people/${personId}/trainings`)).statusCode).toBe(404);
    expect((await supervisorB.get(`/api/people/${personId}/trainings`)).statusCode).toBe(404);
  });
});

describe('GET /api/people/:id/qr.svg', () => {
  it('draws the QR code of the public verification page of the certificate', async () => {
    const res = await officerA.get(`/api/people/${personId}/qr.svg`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/svg+xml');
    expect(res.body).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    const QRCode = (await import('qrcode')).default;
    const expected = await QRCode.toString(`https://zwfw.example.gov.cn/verify/officer/${encodeURIComponent('YN-A-0101')}`, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    expect(res.body).toBe(expected);
    // The code leads to a live page: the public check finds this officer (agency A is confirmed).
    const page = await t.app.inject({ method: 'GET', url: `/verify/officer/${encodeURIComponent('YN-A-0101')}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('孙立');
  });

  it('answers 404 without a certificate, out of scope, or for an unknown person', async () => {
    expect((await officerA.get(`/api/people/${withoutCertificate}/qr.svg`)).statusCode).toBe(404);
    expect((await adminB.get(`/api/people/${personId}/qr.svg`)).statusCode).toBe(404);
    expect((await supervisorB.get(`/api/people/${personId}/qr.svg`)).statusCode).toBe(404);
    expect((await adminA.get('/api/people/00000000-0000-4000-8000-000000000000/qr.svg')).statusCode).toBe(404);
  });
});

describe('the full ID number', () => {
  it('never appeared in any response body of this file', () => {
    expect(idNumbers.filter((id) => bodies.some((b) => b.includes(id)))).toEqual([]);
  });
});
