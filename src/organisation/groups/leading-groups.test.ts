import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, TEST_NOW, type Session, type TestContext } from '../../../test/harness.js';
import { buildWorld, fakeIdNumber, PASSWORD, type World } from '../../../test/factories.js';
import { leadingGroupMembers, leadingGroups, people } from '../tables.js';

let t: TestContext;
let world: World;
let adminA: Session;
let adminB: Session;
let officerA: Session;
let supervisorA: Session;
let supervisorB: Session;
const pos: Record<string, string> = {};
const person: Record<string, string> = {};
let officeDivisionId: string;

async function insertPerson(agencyId: string, name: string) {
  const [row] = await t.database.db.insert(people).values({ agencyId, name, idNumber: fakeIdNumber(), categories: [] }).returning();
  return row!.id;
}

async function position(session: Session, agencyId: string, title: string) {
  const res = await session.post(`/api/agencies/${agencyId}/positions`, { title });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

beforeAll(async () => {
  t = await createTestApp();
  world = await buildWorld(t.database);
  [adminA, adminB, officerA, supervisorA, supervisorB] = await Promise.all(
    ['admin_a', 'admin_b', 'officer_a', 'supervisor_a', 'supervisor_b'].map((u) => loginAs(t.app, u, PASSWORD)),
  );
  officeDivisionId = (await adminA.post(`/api/agencies/${world.agencyA.id}/divisions`, { name: '政策法规科' })).json().id;
  pos.director = await position(adminA, world.agencyA.id, '局长');
  pos.deputy = await position(adminA, world.agencyA.id, '分管执法副局长');
  pos.legalHead = await position(adminA, world.agencyA.id, '政策法规科科长');
  pos.otherAgency = await position(adminB, world.agencyB.id, '局长');
  person.x = await insertPerson(world.agencyA.id, '李明');
  person.y = await insertPerson(world.agencyA.id, '王芳');
  person.deputy = await insertPerson(world.agencyA.id, '赵强');
});
afterAll(() => t.close());

const groupBody = (over: Record<string, unknown> = {}) => ({
  name: '行政执法三项制度推进工作领导小组',
  purpose: '统筹推进行政执法公示、执法全过程记录、重大执法决定法制审核制度',
  officeDivisionId,
  establishedOn: '2023-12-20',
  members: [
    { positionId: pos.director, role: 'leader' },
    { positionId: pos.deputy, role: 'deputy_leader' },
    { positionId: pos.legalHead, role: 'member' },
  ],
  ...over,
});

const holderOf = (group: { members: { positionId: string; holder: { name: string } | null }[] }, positionId: string) =>
  group.members.find((m) => m.positionId === positionId)!.holder;

const auditOf = (subjectId: string) =>
  t.database.query<{ action: string; detail: Record<string, unknown> }>(`select action, detail from audit_events where subject_id = $1 order by id`, [subjectId]);

describe('O4: a leading group defined by position follows the holders without a new document', () => {
  let groupId: string;

  it('sets up the group with 组长 = 局长 and audits it', async () => {
    const res = await adminA.post(`/api/agencies/${world.agencyA.id}/leading-groups`, groupBody());
    expect(res.statusCode).toBe(201);
    groupId = res.json().id;
    expect(res.json()).toMatchObject({
      agencyId: world.agencyA.id,
      name: '行政执法三项制度推进工作领导小组',
      officeDivisionId,
      officeDivisionName: '政策法规科',
      establishedOn: '2023-12-20',
      date: '2026-11-22',
      canManage: true,
    });
    expect(res.json().members).toEqual([
      { role: 'leader', positionId: pos.director, positionTitle: '局长', holder: null },
      { role: 'deputy_leader', positionId: pos.deputy, positionTitle: '分管执法副局长', holder: null },
      { role: 'member', positionId: pos.legalHead, positionTitle: '政策法规科科长', holder: null },
    ]);
    const audit = await auditOf(groupId);
    expect(audit).toEqual([{ action: 'leading_group.created', detail: expect.objectContaining({ name: '行政执法三项制度推进工作领导小组' }) }]);
  });

  it('resolves 局长 to X before 2026-06-01 and to Y from that day, the group untouched', async () => {
    const groupRows = async () => ({
      group: await t.database.db.select().from(leadingGroups).where(eq(leadingGroups.id, groupId)),
      members: await t.database.db.select().from(leadingGroupMembers).where(eq(leadingGroupMembers.groupId, groupId)),
    });
    const before = await groupRows();

    expect((await adminA.post(`/api/positions/${pos.director}/holders`, { personId: person.x, fromDate: '2024-01-01' })).statusCode).toBe(201);
    expect((await adminA.post(`/api/positions/${pos.director}/holders`, { personId: person.y, fromDate: '2026-06-01' })).statusCode).toBe(201);
    expect((await adminA.post(`/api/positions/${pos.deputy}/holders`, { personId: person.deputy, fromDate: '2025-03-01' })).statusCode).toBe(201);

    const at = async (date: string) => {
      const res = await officerA.get(`/api/leading-groups/${groupId}?date=${date}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().date).toBe(date);
      return res.json();
    };
    expect(holderOf(await at('2026-05-31'), pos.director)).toEqual({ personId: person.x, name: '李明', from: '2024-01-01', to: '2026-05-31' });
    expect(holderOf(await at('2026-06-01'), pos.director)).toEqual({ personId: person.y, name: '王芳', from: '2026-06-01', to: null });
    expect(holderOf(await at('2023-12-31'), pos.director)).toBeNull();
    // Nobody has ever held the legal-affairs head position: vacant on every date.
    expect(holderOf(await at('2026-06-01'), pos.legalHead)).toBeNull();
    expect(holderOf(await at('2025-02-28'), pos.deputy)).toBeNull();
    expect(holderOf(await at('2025-03-01'), pos.deputy)).toMatchObject({ name: '赵强' });

    expect(await groupRows()).toEqual(before);
    expect((await auditOf(groupId)).map((a) => a.action).filter((a) => a.startsWith('leading_group.'))).toEqual(['leading_group.created']);
  });

  it('refuses a second 局长 overlapping the current one', async () => {
    const res = await adminA.post(`/api/positions/${pos.director}/holders`, { personId: person.x, fromDate: '2026-06-01' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('POSITION_HOLDING_OVERLAP');
  });

  it('defaults to today in China time from the injected clock', async () => {
    try {
      t.clock.set('2026-05-31T15:59:00Z'); // 23:59 on 31 May in China
      expect((await officerA.get(`/api/leading-groups/${groupId}`)).json()).toMatchObject({ date: '2026-05-31' });
      expect(holderOf((await officerA.get(`/api/leading-groups/${groupId}`)).json(), pos.director)).toMatchObject({ name: '李明' });
      t.clock.set('2026-05-31T16:00:00Z'); // 00:00 on 1 June in China
      expect(holderOf((await officerA.get(`/api/leading-groups/${groupId}`)).json(), pos.director)).toMatchObject({ name: '王芳' });
    } finally {
      t.clock.set(TEST_NOW);
    }
  });

  it('audits the names it shows as a list of people', async () => {
    await adminA.get(`/api/leading-groups/${groupId}?date=2026-06-01`);
    const reads = (await auditOf(groupId)).filter((a) => a.action === 'person.list');
    expect(reads.at(-1)!.detail).toEqual({ ids: [person.y, person.deputy] });
  });

  it('lists the agency’s groups with their number of seats', async () => {
    const res = await officerA.get(`/api/agencies/${world.agencyA.id}/leading-groups`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      items: [
        {
          id: groupId,
          agencyId: world.agencyA.id,
          name: '行政执法三项制度推进工作领导小组',
          purpose: '统筹推进行政执法公示、执法全过程记录、重大执法决定法制审核制度',
          officeDivisionId,
          officeDivisionName: '政策法规科',
          establishedOn: '2023-12-20',
          seats: 3,
        },
      ],
      canManage: false,
    });
  });
});

describe('POST /api/agencies/:id/leading-groups', () => {
  it('refuses a position of another agency, naming the seat, and stores nothing', async () => {
    const res = await adminA.post(
      `/api/agencies/${world.agencyA.id}/leading-groups`,
      groupBody({ name: '安全生产领导小组', members: [{ positionId: pos.director, role: 'leader' }, { positionId: pos.otherAgency, role: 'member' }] }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([expect.objectContaining({ field: 'members.1.positionId', code: 'not_in_agency' })]);
    expect(await t.database.db.select().from(leadingGroups).where(eq(leadingGroups.name, '安全生产领导小组'))).toEqual([]);
  });

  it('refuses an office division of another agency', async () => {
    const other = await adminB.post(`/api/agencies/${world.agencyB.id}/divisions`, { name: '办公室' });
    const res = await adminA.post(`/api/agencies/${world.agencyA.id}/leading-groups`, groupBody({ name: '安全生产领导小组', officeDivisionId: other.json().id }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([expect.objectContaining({ field: 'officeDivisionId', code: 'not_in_agency' })]);
  });

  it('names each invalid field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: undefined }, 'name:required'],
      [{ establishedOn: '2023-13-01' }, 'establishedOn:invalid_date'],
      [{ members: [] }, 'members:too_small'],
      [{ members: [{ positionId: pos.deputy, role: 'member' }] }, 'members:leader_required'],
      [{ members: [{ positionId: pos.director, role: 'leader' }, { positionId: pos.director, role: 'member' }] }, 'members.1.positionId:duplicate'],
      [{ members: [{ positionId: pos.director, role: 'chief' }] }, 'members.0.role:invalid_value'],
      [{ members: [{ role: 'leader' }] }, 'members.0.positionId:required'],
    ];
    for (const [over, expected] of cases) {
      const res = await adminA.post(`/api/agencies/${world.agencyA.id}/leading-groups`, groupBody({ name: '安全生产领导小组', ...over }));
      expect(res.statusCode, expected).toBe(400);
      const fields = res.json().error.fields.map((f: { field: string; code: string }) => `${f.field}:${f.code}`);
      expect(fields).toContain(expected);
    }
  });

  it('refuses a duplicate name with 409', async () => {
    const res = await adminA.post(`/api/agencies/${world.agencyA.id}/leading-groups`, groupBody());
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('DUPLICATE_GROUP_NAME');
  });

  it('answers 404 across agencies and provinces, 403 for a wrong role', async () => {
    const body = groupBody({ name: '安全生产领导小组' });
    expect((await adminB.post(`/api/agencies/${world.agencyA.id}/leading-groups`, body)).statusCode).toBe(404);
    expect((await supervisorB.post(`/api/agencies/${world.agencyA.id}/leading-groups`, body)).statusCode).toBe(404);
    expect((await adminA.post(`/api/agencies/${world.agencyA2.id}/leading-groups`, body)).statusCode).toBe(404);
    expect((await officerA.post(`/api/agencies/${world.agencyA.id}/leading-groups`, body)).statusCode).toBe(403);
    expect((await supervisorA.post(`/api/agencies/${world.agencyA.id}/leading-groups`, body)).statusCode).toBe(201);
  });

  it('answers 4xx, never 500, for any JSON body', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (body) => {
        const res = await adminA.request('POST', `/api/agencies/${world.agencyA.id}/leading-groups`, JSON.stringify(body), { 'content-type': 'application/json' });
        expect(res.statusCode).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
  });
});

describe('GET /api/leading-groups/:id', () => {
  let groupId: string;
  beforeAll(async () => {
    groupId = (await adminA.get(`/api/agencies/${world.agencyA.id}/leading-groups`)).json().items[0].id;
  });

  it('rejects an impossible date, naming it', async () => {
    const res = await officerA.get(`/api/leading-groups/${groupId}?date=2026-02-29`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([expect.objectContaining({ field: 'date', code: 'invalid_date' })]);
  });

  it('answers 404 across agencies and provinces, and for no such group', async () => {
    expect((await adminB.get(`/api/leading-groups/${groupId}`)).statusCode).toBe(404);
    expect((await supervisorB.get(`/api/leading-groups/${groupId}`)).statusCode).toBe(404);
    expect((await officerA.get(`/api/leading-groups/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
    const res = await supervisorA.get(`/api/leading-groups/${groupId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().canManage).toBe(true);
  });
});

describe('PATCH /api/leading-groups/:id', () => {
  let groupId: string;
  beforeAll(async () => {
    groupId = (await adminA.get(`/api/agencies/${world.agencyA.id}/leading-groups`)).json().items.find((g: { name: string }) => g.name === '行政执法三项制度推进工作领导小组').id;
  });

  it('replaces the seats and other fields, and audits the change', async () => {
    const res = await adminA.patch(`/api/leading-groups/${groupId}`, {
      purpose: null,
      members: [
        { positionId: pos.director, role: 'leader' },
        { positionId: pos.legalHead, role: 'deputy_leader' },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ purpose: null, name: '行政执法三项制度推进工作领导小组' });
    expect(res.json().members.map((m: { role: string; positionTitle: string }) => `${m.role}:${m.positionTitle}`)).toEqual([
      'leader:局长',
      'deputy_leader:政策法规科科长',
    ]);
    const updates = (await auditOf(groupId)).filter((a) => a.action === 'leading_group.updated');
    expect(updates).toEqual([
      {
        action: 'leading_group.updated',
        detail: {
          fields: ['purpose', 'members'],
          members: [
            { role: 'leader', positionId: pos.director },
            { role: 'deputy_leader', positionId: pos.legalHead },
          ],
        },
      },
    ]);
  });

  it('refuses a cross-agency seat, a duplicate name and invalid fields', async () => {
    const cross = await adminA.patch(`/api/leading-groups/${groupId}`, { members: [{ positionId: pos.otherAgency, role: 'leader' }] });
    expect(cross.statusCode).toBe(400);
    expect(cross.json().error.fields).toEqual([expect.objectContaining({ field: 'members.0.positionId', code: 'not_in_agency' })]);
    const dup = await adminA.patch(`/api/leading-groups/${groupId}`, { name: '安全生产领导小组' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('DUPLICATE_GROUP_NAME');
    const bad = await adminA.patch(`/api/leading-groups/${groupId}`, { name: 'x', officeDivisionId: 42 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['name', 'officeDivisionId']));
    expect((await adminA.get(`/api/leading-groups/${groupId}`)).json().members).toHaveLength(2);
  });

  it('answers 404 across agencies and provinces, 403 for a wrong role', async () => {
    expect((await adminB.patch(`/api/leading-groups/${groupId}`, { purpose: 'x' })).statusCode).toBe(404);
    expect((await supervisorB.patch(`/api/leading-groups/${groupId}`, { purpose: 'x' })).statusCode).toBe(404);
    expect((await adminA.patch(`/api/leading-groups/00000000-0000-4000-8000-000000000000`, { purpose: 'x' })).statusCode).toBe(404);
    expect((await officerA.patch(`/api/leading-groups/${groupId}`, { purpose: 'x' })).statusCode).toBe(403);
  });
});
