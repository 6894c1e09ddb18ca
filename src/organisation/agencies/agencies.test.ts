import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../../test/harness.js';
import { buildWorld, fakeCreditCode, PASSWORD, type World } from '../../../test/factories.js';

let t: TestContext;
let world: World;
let supervisorA: Session;
let supervisorB: Session;
let adminA: Session;
let officerA: Session;
let sysadmin: Session;

beforeAll(async () => {
  t = await createTestApp();
  world = await buildWorld(t.database);
  [supervisorA, supervisorB, adminA, officerA, sysadmin] = await Promise.all(
    ['supervisor_a', 'supervisor_b', 'admin_a', 'officer_a', 'sysadmin'].map((u) => loginAs(t.app, u, PASSWORD)),
  );
});
afterAll(() => t.close());

const newAgency = (over: Record<string, unknown> = {}) => ({
  name: '楚雄州市场监督管理局',
  creditCode: fakeCreditCode('532300'),
  regionCode: '532300',
  level: 'prefecture',
  categories: ['penalty', 'inspection'],
  phone: '0878-3123456',
  supervisionPhone: '0878-3123457',
  ...over,
});

describe('GET /api/agencies', () => {
  it('shows a supervisor the agencies of their region subtree only', async () => {
    const res = await supervisorA.get('/api/agencies');
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((a: { name: string }) => a.name);
    expect(names).toEqual(expect.arrayContaining(['楚雄州司法局', '楚雄州工业和信息化局', '楚雄市科学技术局']));
    expect(names).not.toContain('朔州市朔城区科学技术局');
  });

  it('shows an agency user only their own agency', async () => {
    const res = await officerA.get('/api/agencies');
    expect(res.json().items.map((a: { id: string }) => a.id)).toEqual([world.agencyA.id]);
  });

  it('answers 404, not 403, for an agency out of scope', async () => {
    const res = await supervisorB.get(`/api/agencies/${world.agencyA.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it('refuses anonymous callers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/agencies' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ code: 'UNAUTHENTICATED', message: '请先登录', messageEn: 'Please log in first' });
  });

  it('reports the reviewer ratio flag (L12): no reviewer yet', async () => {
    const res = await adminA.get(`/api/agencies/${world.agencyA.id}`);
    expect(res.json().reviewerRatio).toEqual({ reviewers: 0, activeOfficers: 0, ratio: null, flag: 'no_reviewer' });
  });
});

describe('POST /api/agencies', () => {
  it('lets a supervisor register an agency in their region', async () => {
    const body = newAgency();
    const res = await supervisorA.post('/api/agencies', body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: body.name, creditCode: body.creditCode, regionName: '楚雄彝族自治州', confirmation: null });
    const audit = await t.database.query(`select action from audit_events where subject_id = $1`, [res.json().id]);
    expect(audit).toEqual([{ action: 'agency.created' }]);
  });

  it('rejects a credit code with a wrong check character, naming the field', async () => {
    const good = fakeCreditCode('532300');
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const res = await supervisorA.post('/api/agencies', newAgency({ creditCode: bad }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.fields).toEqual([expect.objectContaining({ field: 'creditCode', code: 'credit_code_check' })]);
  });

  it('names every missing required field', async () => {
    const res = await supervisorA.post('/api/agencies', {});
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields.map((f: { field: string; code: string }) => `${f.field}:${f.code}`);
    expect(fields).toEqual(expect.arrayContaining(['name:required', 'creditCode:required', 'regionCode:required', 'level:required']));
  });

  it('refuses a duplicate credit code with 409 and writes nothing', async () => {
    const res = await supervisorA.post('/api/agencies', newAgency({ creditCode: world.agencyA.creditCode }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('DUPLICATE_CREDIT_CODE');
  });

  it('refuses a supervisor registering an agency in another province', async () => {
    const res = await supervisorA.post('/api/agencies', newAgency({ regionCode: '140602', creditCode: fakeCreditCode('140602') }));
    expect(res.statusCode).toBe(403);
  });

  it('refuses an agency administrator', async () => {
    const res = await adminA.post('/api/agencies', newAgency());
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });

  it('refuses a write without the CSRF header', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/agencies', headers: { cookie: supervisorA.cookie }, payload: newAgency() });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_TOKEN_INVALID');
  });

  it('rejects malformed JSON with 400, not 500', async () => {
    const res = await supervisorA.request('POST', '/api/agencies', '{"name":', { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('MALFORMED_REQUEST');
  });
});

describe('POST /api/agencies/:id/confirm (O1, P13)', () => {
  it('records who confirmed and when', async () => {
    const res = await supervisorA.post(`/api/agencies/${world.agencyA2.id}/confirm`, { note: '经审核，主体资格合法' });
    expect(res.statusCode).toBe(200);
    expect(res.json().confirmation).toEqual({ confirmedAt: '2026-11-22T02:00:00.000Z', confirmedBy: 'supervisor_a', note: '经审核，主体资格合法' });
  });

  it('refuses to confirm twice', async () => {
    const res = await supervisorA.post(`/api/agencies/${world.agencyA2.id}/confirm`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('ALREADY_CONFIRMED');
  });

  it('withdraws a confirmation: the agency leaves the public portal, the audit says who, and it can be confirmed again', async () => {
    const name = (await supervisorA.get(`/api/agencies/${world.agencyA2.id}`)).json().name as string;
    const listed = async () => ((await t.app.inject({ method: 'GET', url: '/api/public/agencies' })).json() as { agencies: { name: string }[] }).agencies.map((a) => a.name);
    expect(await listed()).toContain(name);
    const res = await supervisorA.post(`/api/agencies/${world.agencyA2.id}/withdraw-confirmation`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json().confirmation).toBeNull();
    expect(await listed()).not.toContain(name);
    const audit = await t.database.query<{ action: string; actor_label: string }>(`select action, actor_label from audit_events where subject_id = $1 order by id desc limit 1`, [world.agencyA2.id]);
    expect(audit).toEqual([{ action: 'agency.confirmation_withdrawn', actor_label: expect.stringContaining('supervisor_a') }]);
    expect((await supervisorA.post(`/api/agencies/${world.agencyA2.id}/confirm`, {})).statusCode).toBe(200);
    expect(await listed()).toContain(name);
  });

  it('is reserved to supervisors in scope', async () => {
    expect((await adminA.post(`/api/agencies/${world.agencyA.id}/withdraw-confirmation`, {})).statusCode).toBe(403);
    expect((await supervisorB.post(`/api/agencies/${world.agencyA.id}/withdraw-confirmation`, {})).statusCode).toBe(404);
    expect((await sysadmin.post(`/api/agencies/${world.agencyB.id}/confirm`, {})).statusCode).toBe(403);
  });
});

describe('PATCH /api/agencies/:id', () => {
  it('lets the agency administrator update published facts', async () => {
    const res = await adminA.patch(`/api/agencies/${world.agencyA.id}`, { address: '楚雄市鹿城南路1号', categories: ['licensing', 'penalty'] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ address: '楚雄市鹿城南路1号', categories: ['licensing', 'penalty'] });
  });

  it('refuses another agency’s administrator (404)', async () => {
    const admB = await loginAs(t.app, 'admin_b', PASSWORD);
    expect((await admB.patch(`/api/agencies/${world.agencyA.id}`, { address: 'x' })).statusCode).toBe(404);
  });

  it('rejects an unknown category', async () => {
    const res = await adminA.patch(`/api/agencies/${world.agencyA.id}`, { categories: ['taxation'] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ field: 'categories.0', code: 'invalid_value' });
  });
});

describe('PATCH /api/agencies/:id changes only what it names (issue 7)', () => {
  it('leaves the categories alone when only the phone is sent (GET and the public portal agree)', async () => {
    const before = (await adminA.get(`/api/agencies/${world.agencyA.id}`)).json();
    expect(before.categories.length).toBeGreaterThan(0);
    const res = await adminA.patch(`/api/agencies/${world.agencyA.id}`, { phone: '0878-3999999' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ phone: '0878-3999999', categories: before.categories, address: before.address, shortName: before.shortName });
    expect((await adminA.get(`/api/agencies/${world.agencyA.id}`)).json().categories).toEqual(before.categories);
    const portal = (await t.app.inject({ method: 'GET', url: '/api/public/agencies' })).json() as { agencies: { name: string; phone: string; categories: string[] }[] };
    expect(portal.agencies.find((a) => a.name === before.name)).toMatchObject({ phone: '0878-3999999', categories: before.categories });
    const [audit] = await t.database.query<{ detail: unknown }>(
      `select detail from audit_events where subject_id = $1 and action = 'agency.updated' order by id desc limit 1`,
      [world.agencyA.id],
    );
    expect(audit!.detail).toEqual({ changes: { phone: { old: before.phone, new: '0878-3999999' } } });
  });

  it('withdraws the confirmation when a confirmed agency is renamed, and audits old and new values', async () => {
    const before = (await adminA.get(`/api/agencies/${world.agencyA.id}`)).json();
    expect(before.confirmation).not.toBeNull();
    const res = await adminA.patch(`/api/agencies/${world.agencyA.id}`, { name: '楚雄州工业和信息化委员会' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: '楚雄州工业和信息化委员会', confirmation: null });
    const portal = (await t.app.inject({ method: 'GET', url: '/api/public/agencies' })).json() as { agencies: { name: string }[] };
    expect(portal.agencies.map((a) => a.name)).not.toContain('楚雄州工业和信息化委员会');
    const [audit] = await t.database.query<{ detail: { changes: unknown; confirmationWithdrawn?: unknown } }>(
      `select detail from audit_events where subject_id = $1 and action = 'agency.updated' order by id desc limit 1`,
      [world.agencyA.id],
    );
    expect(audit!.detail.changes).toEqual({ name: { old: before.name, new: '楚雄州工业和信息化委员会' } });
    expect(audit!.detail.confirmationWithdrawn).toMatchObject({ confirmedAt: before.confirmation.confirmedAt });
    // The justice bureau confirms the new name; the agency is published again.
    expect((await supervisorA.post(`/api/agencies/${world.agencyA.id}/confirm`, { note: '更名后重新确认' })).statusCode).toBe(200);
    const after = (await t.app.inject({ method: 'GET', url: '/api/public/agencies' })).json() as { agencies: { name: string }[] };
    expect(after.agencies.map((a) => a.name)).toContain('楚雄州工业和信息化委员会');
  });

  it('keeps the confirmation for a change of phone or address', async () => {
    const res = await adminA.patch(`/api/agencies/${world.agencyA.id}`, { address: '楚雄市鹿城南路2号' });
    expect(res.json().confirmation).not.toBeNull();
  });
});
