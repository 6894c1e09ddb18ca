import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, TEST_NOW, type Session, type TestContext } from '../../../test/harness.js';
import { buildWorld, fakeIdNumber, PASSWORD, type World } from '../../../test/factories.js';
import type { AuditContext } from '../../audit/record.js';
import { AppError } from '../../platform/errors.js';
import { maskIdNumber } from '../check-digits.js';
import { createPerson } from './create-person.js';
import { recording } from './test-support.js';

let t: TestContext;
let world: World;
let adminA: Session;
let adminB: Session;
let officerA: Session;
let supervisorA: Session;
let supervisorB: Session;
let sysadmin: Session;
let divisionA: string;
let divisionB: string;

/** Every response body of this file, and every full ID number registered: none may appear in any body. */
const bodies: string[] = [];
const idNumbers: string[] = [];

let serial = 0;
const newId = () => {
  const id = fakeIdNumber();
  idNumbers.push(id);
  return id;
};
/** The same number with a wrong check character. */
const badCheckDigit = (id: string) => id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
const newCertificate = (over: Record<string, unknown> = {}) => ({
  number: `YN-GX-${String(++serial).padStart(4, '0')}`,
  issuedOn: '2026-01-10',
  expiresOn: '2031-01-09',
  status: 'active',
  ...over,
});
const officerBody = (over: Record<string, unknown> = {}) => ({
  name: '李娜',
  sex: 'female',
  idNumber: newId(),
  divisionId: divisionA,
  positionTitle: '科员',
  phone: '13800000000',
  isLegalReviewer: false,
  certificate: newCertificate(),
  categories: ['penalty', 'inspection'],
  area: '楚雄州行政区域',
  qualification: 'exam',
  ...over,
});

async function register(session: Session, agencyId: string, body: Record<string, unknown>) {
  const res = await session.post(`/api/agencies/${agencyId}/people`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; name: string; certificate: { number: string } | null };
}

const auditOf = (subjectId: string) =>
  t.database.query<{ action: string; actor_user_id: string | null; agency_id: string | null; detail: Record<string, unknown> }>(
    'select action, actor_user_id, agency_id, detail from audit_events where subject_id = $1 order by id',
    [subjectId],
  );
const countPeople = async () => (await t.database.query<{ n: number }>('select count(*)::int as n from people'))[0]!.n;
const fieldsOf = (res: { json(): { error: { fields?: { field: string; code: string }[] } } }) =>
  (res.json().error.fields ?? []).map((f) => `${f.field}:${f.code}`);

/** Runs `fn` with the clock at `instant`, logged in afresh (sessions expire with the clock), then puts the clock back. */
async function at<T>(instant: string, fn: (admin: Session) => Promise<T>): Promise<T> {
  t.clock.set(instant);
  try {
    return await fn(recording(await loginAs(t.app, 'admin_a', PASSWORD), bodies));
  } finally {
    t.clock.set(TEST_NOW);
  }
}

beforeAll(async () => {
  t = await createTestApp();
  world = await buildWorld(t.database);
  [adminA, adminB, officerA, supervisorA, supervisorB, sysadmin] = (
    await Promise.all(['admin_a', 'admin_b', 'officer_a', 'supervisor_a', 'supervisor_b', 'sysadmin'].map((u) => loginAs(t.app, u, PASSWORD)))
  ).map((s) => recording(s, bodies));
  divisionA = (await adminA.post(`/api/agencies/${world.agencyA.id}/divisions`, { name: '执法监督科' })).json().id;
  divisionB = (await adminB.post(`/api/agencies/${world.agencyB.id}/divisions`, { name: '办公室' })).json().id;
});
afterAll(() => t.close());

describe('POST /api/agencies/:id/people', () => {
  it('registers an officer: the full ID number is stored, only the masked one is shown, and the creation is audited', async () => {
    const body = officerBody();
    const res = await adminA.post(`/api/agencies/${world.agencyA.id}/people`, body);
    expect(res.statusCode).toBe(201);
    const person = res.json();
    expect(person).toEqual({
      id: expect.any(String),
      agencyId: world.agencyA.id,
      agencyName: '楚雄州工业和信息化局',
      divisionId: divisionA,
      divisionName: '执法监督科',
      name: '李娜',
      sex: 'female',
      idNumberMasked: maskIdNumber(body.idNumber),
      hasPhoto: false,
      positionTitle: '科员',
      phone: '13800000000',
      isLegalReviewer: false,
      certificate: { ...body.certificate, effectiveStatus: 'active', validToday: true },
      categories: ['penalty', 'inspection'],
      area: '楚雄州行政区域',
      qualification: 'exam',
      qualificationNote: null,
      isDemo: false,
      allowedActions: ['update', 'setPhoto', 'addTraining'],
    });
    expect(person.idNumberMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    const [row] = await t.database.query<Record<string, unknown>>(
      `select id_number, certificate_number, certificate_issued_on::text as issued, certificate_expires_on::text as expires, certificate_status
       from people where id = $1`,
      [person.id],
    );
    expect(row).toEqual({ id_number: body.idNumber, certificate_number: body.certificate.number, issued: '2026-01-10', expires: '2031-01-09', certificate_status: 'active' });
    const audit = await auditOf(person.id);
    expect(audit).toEqual([
      {
        action: 'person.created',
        actor_user_id: world.users.adminA.id,
        agency_id: world.agencyA.id,
        detail: { name: '李娜', certificateNumber: body.certificate.number, isLegalReviewer: false },
      },
    ]);
    expect(JSON.stringify(audit)).not.toContain(body.idNumber);
  });

  it('registers staff without a certificate, with defaults, and upper-cases an x check character', async () => {
    let id = fakeIdNumber();
    while (!id.endsWith('X')) id = fakeIdNumber();
    idNumbers.push(id);
    const res = await adminA.post(`/api/agencies/${world.agencyA.id}/people`, { name: '周敏', idNumber: id.toLowerCase() });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ certificate: null, categories: [], isLegalReviewer: false, divisionId: null, divisionName: null, sex: null, qualification: null });
    const [row] = await t.database.query<{ id_number: string }>('select id_number from people where id = $1', [res.json().id]);
    expect(row!.id_number).toBe(id);
    expect(res.json().idNumberMasked.endsWith('X')).toBe(true);
  });

  it('names each invalid field and stores nothing', async () => {
    const before = await countPeople();
    const badCheck = badCheckDigit(newId());
    const badBirth = fakeIdNumber('532301', '1990-01-01').replace('19900101', '19900231');
    expect(fieldsOf(await adminA.post(`/api/agencies/${world.agencyA.id}/people`, officerBody({ idNumber: badCheck })))).toEqual(['idNumber:id_number_check']);
    expect(fieldsOf(await adminA.post(`/api/agencies/${world.agencyA.id}/people`, officerBody({ idNumber: badBirth })))).toEqual(['idNumber:id_number_check']);
    const many = await adminA.post(`/api/agencies/${world.agencyA.id}/people`, {
      sex: 'x',
      idNumber: '12345',
      divisionId: 'nope',
      phone: 'call me',
      certificate: { number: 'A 1', issuedOn: '2026-02-30', status: 'expired' },
      categories: ['parking'],
      qualification: 'degree',
    });
    expect(many.statusCode).toBe(400);
    expect(many.json().error.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(many)).toEqual(
      expect.arrayContaining([
        'name:required',
        'sex:invalid_value',
        'idNumber:id_number_check',
        'divisionId:invalid_format',
        'phone:phone',
        'certificate.number:invalid_format',
        'certificate.issuedOn:invalid_date',
        'certificate.expiresOn:required',
        'certificate.status:invalid_value',
        'categories.0:invalid_value',
        'qualification:invalid_value',
      ]),
    );
    expect(fieldsOf(await adminA.post(`/api/agencies/${world.agencyA.id}/people`, officerBody({ name: 'x'.repeat(51) })))).toEqual(['name:too_big']);
    expect(await countPeople()).toBe(before);
  });

  it('refuses a certificate that expires on or before its issue date (422 CERTIFICATE_DATES_INVALID)', async () => {
    for (const expiresOn of ['2025-01-09', '2026-01-10']) {
      const res = await adminA.post(`/api/agencies/${world.agencyA.id}/people`, officerBody({ certificate: newCertificate({ issuedOn: '2026-01-10', expiresOn }) }));
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'CERTIFICATE_DATES_INVALID', message: '证件有效期截止日期应晚于发证日期' });
    }
  });

  it('refuses an unknown division and a division of another agency alike', async () => {
    for (const divisionId of ['00000000-0000-4000-8000-000000000000', divisionB]) {
      const res = await adminA.post(`/api/agencies/${world.agencyA.id}/people`, officerBody({ divisionId }));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toEqual([expect.objectContaining({ field: 'divisionId', code: 'not_in_agency' })]);
    }
  });

  it('keeps certificate numbers unique system-wide and ID numbers unique per agency (409)', async () => {
    const first = officerBody();
    await register(adminA, world.agencyA.id, first);
    const sameCertificate = await adminB.post(`/api/agencies/${world.agencyB.id}/people`, officerBody({ divisionId: null, certificate: { ...first.certificate } }));
    expect(sameCertificate.statusCode).toBe(409);
    expect(sameCertificate.json().error).toMatchObject({ code: 'DUPLICATE_CERTIFICATE_NUMBER', message: '执法证件号码已存在' });
    const sameId = await adminA.post(`/api/agencies/${world.agencyA.id}/people`, officerBody({ idNumber: first.idNumber }));
    expect(sameId.statusCode).toBe(409);
    expect(sameId.json().error.code).toBe('DUPLICATE_ID_NUMBER');
    // The same person may be on the staff of another agency.
    await register(adminB, world.agencyB.id, officerBody({ idNumber: first.idNumber, divisionId: divisionB }));
  });

  it('answers 404 out of scope (other agency, other province, unknown agency) and 403 for a wrong role', async () => {
    const before = await countPeople();
    const body = () => officerBody({ divisionId: null });
    expect((await adminB.post(`/api/agencies/${world.agencyA.id}/people`, body())).statusCode).toBe(404);
    expect((await adminA.post(`/api/agencies/${world.agencyA2.id}/people`, body())).statusCode).toBe(404);
    expect((await supervisorB.post(`/api/agencies/${world.agencyA.id}/people`, body())).statusCode).toBe(404);
    expect((await adminA.post(`/api/agencies/00000000-0000-4000-8000-000000000000/people`, body())).statusCode).toBe(404);
    const forbidden = await officerA.post(`/api/agencies/${world.agencyA.id}/people`, body());
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.code).toBe('FORBIDDEN');
    expect(await countPeople()).toBe(before);
    await register(supervisorA, world.agencyA2.id, body());
    await register(sysadmin, world.agencyB.id, body());
  });

  it('answers any body with a 4xx, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            name: fc.oneof(fc.string(), fc.constant('张三'), fc.integer()),
            idNumber: fc.oneof(fc.string({ maxLength: 20 }), fc.constant(fakeIdNumber())),
            divisionId: fc.oneof(fc.uuid(), fc.string(), fc.constant(null)),
            certificate: fc.oneof(
              fc.constant(null),
              fc.record({ number: fc.string({ maxLength: 60 }), issuedOn: fc.string(), expiresOn: fc.string(), status: fc.string() }, { requiredKeys: [] }),
            ),
            categories: fc.array(fc.string(), { maxLength: 7 }),
            extra: fc.anything(),
          },
          { requiredKeys: [] },
        ),
        async (body) => {
          const res = await adminA.post(`/api/agencies/${world.agencyA.id}/people`, body);
          expect(res.statusCode).toBeLessThan(500);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('createPerson (the use case the import and the demo seeder call)', () => {
  const ctx: AuditContext = { actor: null, now: new Date(TEST_NOW), label: 'test' };
  const attempt = (input: Parameters<typeof createPerson>[3], options?: { isDemo?: boolean }) =>
    t.database.db.transaction((tx) => createPerson(tx, ctx, world.agencyA.id, input, options));
  const refusal = async (input: Parameters<typeof createPerson>[3]) => {
    const error = await attempt(input).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  };

  it('keeps the certificate fields all or nothing', async () => {
    const partial = await refusal({ name: '甲', idNumber: newId(), certificateNumber: 'YN-UC-0001', certificateIssuedOn: '2026-01-01' });
    expect(partial.code).toBe('VALIDATION_FAILED');
    expect(partial.fields.map((f) => `${f.field}:${f.code}`)).toEqual(['certificateExpiresOn:certificate_incomplete', 'certificateStatus:certificate_incomplete']);
    const stray = await refusal({ name: '乙', idNumber: newId(), certificateStatus: 'active' });
    expect(stray.fields.map((f) => `${f.field}:${f.code}`)).toEqual(['certificateNumber:certificate_incomplete']);
  });

  it('checks the dates, the ID number and the division itself', async () => {
    const certificate = { certificateNumber: 'YN-UC-0002', certificateStatus: 'active' as const };
    expect((await refusal({ name: '丙', idNumber: newId(), ...certificate, certificateIssuedOn: '2026-05-01', certificateExpiresOn: '2026-04-30' })).code).toBe('CERTIFICATE_DATES_INVALID');
    expect((await refusal({ name: '丁', idNumber: badCheckDigit(newId()) })).fields.map((f) => f.field)).toEqual(['idNumber']);
    expect((await refusal({ name: '戊', idNumber: newId(), divisionId: divisionB })).fields.map((f) => `${f.field}:${f.code}`)).toEqual(['divisionId:not_in_agency']);
  });

  it('marks demo rows when asked and audits under the caller’s label', async () => {
    const row = await attempt({ name: '己', idNumber: newId() }, { isDemo: true });
    expect(row.isDemo).toBe(true);
    const [audit] = await t.database.query<{ actor_label: string }>(`select actor_label from audit_events where subject_id = $1`, [row.id]);
    expect(audit!.actor_label).toBe('test');
  });
});

describe('GET /api/people/:id', () => {
  let person: { id: string };
  beforeAll(async () => {
    person = await register(adminA, world.agencyA.id, officerBody({ name: '杨帆' }));
  });

  it('shows the person with the actions the caller may take, and audits the read', async () => {
    const asOfficer = await officerA.get(`/api/people/${person.id}`);
    expect(asOfficer.statusCode).toBe(200);
    expect(asOfficer.json()).toMatchObject({ id: person.id, name: '杨帆', allowedActions: [] });
    expect((await supervisorA.get(`/api/people/${person.id}`)).json().allowedActions).toEqual(['update', 'setPhoto', 'addTraining']);
    expect((await sysadmin.get(`/api/people/${person.id}`)).json().allowedActions).toEqual(['update', 'setPhoto', 'addTraining']);
    const reads = (await auditOf(person.id)).filter((a) => a.action === 'person.read');
    expect(reads.map((r) => r.actor_user_id)).toEqual([world.users.officerA.id, world.users.supervisorA.id, world.users.sysadmin.id]);
    expect(reads.every((r) => r.agency_id === world.agencyA.id)).toBe(true);
  });

  it('answers 404 out of scope, for an unknown id, and 400 for a malformed one; nothing is audited', async () => {
    const before = (await auditOf(person.id)).length;
    expect((await adminB.get(`/api/people/${person.id}`)).statusCode).toBe(404);
    expect((await supervisorB.get(`/api/people/${person.id}`)).statusCode).toBe(404);
    expect((await adminA.get('/api/people/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const malformed = await adminA.get('/api/people/abc');
    expect(malformed.statusCode).toBe(400);
    expect(fieldsOf(malformed)).toEqual(['id:invalid_format']);
    expect((await auditOf(person.id)).length).toBe(before);
  });
});

describe('GET /api/people', () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    ids.active = (await register(adminA, world.agencyA.id, officerBody({ name: '欧阳列表', certificate: newCertificate({ number: 'LIST-100-01' }) }))).id;
    ids.percent = (await register(adminA, world.agencyA.id, officerBody({ name: '百分之百%', certificate: null }))).id;
    ids.suspended = (await register(adminA, world.agencyA.id, officerBody({ name: '列表暂扣', certificate: newCertificate({ status: 'suspended' }) }))).id;
    ids.revoked = (await register(adminA, world.agencyA.id, officerBody({ name: '列表吊销', certificate: newCertificate({ status: 'revoked' }) }))).id;
    ids.expired = (await register(adminA, world.agencyA.id, officerBody({ name: '列表过期', certificate: newCertificate({ issuedOn: '2020-01-01', expiresOn: '2026-11-21' }) }))).id;
    ids.reviewer = (await register(adminA, world.agencyA.id, officerBody({ name: '列表审核', isLegalReviewer: true, certificate: null }))).id;
    ids.a2 = (await register(supervisorA, world.agencyA2.id, officerBody({ name: '列表州内', divisionId: null }))).id;
    ids.b = (await register(adminB, world.agencyB.id, officerBody({ name: '列表山西', divisionId: null }))).id;
  });
  const names = (res: { json(): { items: { name: string }[] } }) => res.json().items.map((p) => p.name);
  const idsOf = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((p) => p.id);

  it('lists only people in scope: own agency, the supervisor’s region, everything for the system administrator', async () => {
    const agencyOf = async (session: Session) => new Set(((await session.get('/api/people?limit=500')).json().items as { agencyId: string }[]).map((p) => p.agencyId));
    expect(await agencyOf(officerA)).toEqual(new Set([world.agencyA.id]));
    expect(await agencyOf(adminB)).toEqual(new Set([world.agencyB.id]));
    expect(await agencyOf(supervisorA)).toEqual(new Set([world.agencyA.id, world.agencyA2.id]));
    expect(await agencyOf(supervisorB)).toEqual(new Set([world.agencyB.id]));
    expect(await agencyOf(sysadmin)).toEqual(new Set([world.agencyA.id, world.agencyA2.id, world.agencyB.id]));
  });

  it('answers 404 for an agency out of scope and 400 for bad filters', async () => {
    expect((await adminB.get(`/api/people?agencyId=${world.agencyA.id}`)).statusCode).toBe(404);
    expect((await supervisorB.get(`/api/people?agencyId=${world.agencyA2.id}`)).statusCode).toBe(404);
    expect(fieldsOf(await adminA.get('/api/people?status=lost&reviewer=maybe&limit=0&agencyId=x'))).toEqual(
      expect.arrayContaining(['status:invalid_value', 'reviewer:invalid_value', 'limit:too_small', 'agencyId:invalid_format']),
    );
  });

  it('searches the name or the certificate number, wildcards taken literally', async () => {
    expect(names(await adminA.get(`/api/people?q=${encodeURIComponent('欧阳')}`))).toEqual(['欧阳列表']);
    expect(names(await adminA.get(`/api/people?q=${encodeURIComponent('100-0')}`))).toEqual(['欧阳列表']);
    expect(names(await adminA.get(`/api/people?q=${encodeURIComponent('list-100')}`))).toEqual(['欧阳列表']);
    // Unescaped, '分%百' and '百_之' would match 百分之百%; taken literally they match nothing.
    expect(names(await adminA.get(`/api/people?q=${encodeURIComponent('之百%')}`))).toEqual(['百分之百%']);
    expect(names(await adminA.get(`/api/people?q=${encodeURIComponent('分%百')}`))).toEqual([]);
    expect(names(await adminA.get(`/api/people?q=${encodeURIComponent('百_之')}`))).toEqual([]);
    expect(names(await adminB.get(`/api/people?q=${encodeURIComponent('欧阳')}`))).toEqual([]);
  });

  it('filters by effective certificate status and by reviewer', async () => {
    const only = async (query: string) => idsOf(await adminA.get(`/api/people?agencyId=${world.agencyA.id}&q=${encodeURIComponent('列表')}&${query}`));
    expect(await only('status=active')).toEqual([ids.active]);
    expect(await only('status=suspended')).toEqual([ids.suspended]);
    expect(await only('status=revoked')).toEqual([ids.revoked]);
    expect(await only('status=expired')).toEqual([ids.expired]);
    expect(await only('status=none')).toEqual([ids.reviewer]);
    expect(await only('reviewer=true')).toEqual([ids.reviewer]);
    expect((await only('reviewer=false')).sort()).toEqual([ids.active, ids.suspended, ids.revoked, ids.expired].sort());
    const expired = (await adminA.get(`/api/people/${ids.expired}`)).json();
    expect(expired.certificate).toMatchObject({ status: 'active', effectiveStatus: 'expired', validToday: false });
  });

  it('pages with a total', async () => {
    const all = await adminA.get(`/api/people?q=${encodeURIComponent('列表')}&agencyId=${world.agencyA.id}`);
    expect(all.json().total).toBe(5);
    const page = await adminA.get(`/api/people?q=${encodeURIComponent('列表')}&agencyId=${world.agencyA.id}&limit=2&offset=2`);
    expect(page.json().total).toBe(5);
    expect(idsOf(page)).toEqual(idsOf(all).slice(2, 4));
  });

  it('audits the ids shown (person.list), and nothing for an empty page', async () => {
    const res = await officerA.get(`/api/people?agencyId=${world.agencyA.id}&q=${encodeURIComponent('列表')}&limit=3`);
    const [audit] = await t.database.query<{ actor_user_id: string; subject_type: string; subject_id: string; agency_id: string; detail: { ids: string[] } }>(
      `select actor_user_id, subject_type, subject_id, agency_id, detail from audit_events where action = 'person.list' order by id desc limit 1`,
    );
    expect(audit).toEqual({
      actor_user_id: world.users.officerA.id,
      subject_type: 'agency',
      subject_id: world.agencyA.id,
      agency_id: world.agencyA.id,
      detail: { ids: idsOf(res) },
    });
    const count = async () => (await t.database.query<{ n: number }>(`select count(*)::int as n from audit_events where action = 'person.list'`))[0]!.n;
    const before = await count();
    expect((await adminA.get('/api/people?q=nobody-by-this-name')).json()).toEqual({ items: [], total: 0 });
    expect(await count()).toBe(before);
  });
});

describe('PATCH /api/people/:id', () => {
  let person: { id: string; certificate: { number: string } | null };
  let body: ReturnType<typeof officerBody>;
  beforeAll(async () => {
    body = officerBody({ name: '马骏' });
    person = await register(adminA, world.agencyA.id, body);
  });
  const patch = (session: Session, update: Record<string, unknown>) => session.patch(`/api/people/${person.id}`, update);

  it('suspends, revokes and reinstates the certificate, recording each change of status', async () => {
    for (const status of ['suspended', 'revoked', 'active'] as const) {
      const res = await patch(adminA, { certificate: { ...body.certificate, status } });
      expect(res.statusCode).toBe(200);
      expect(res.json().certificate).toEqual({ ...body.certificate, status, effectiveStatus: status, validToday: status === 'active' });
      const [row] = await t.database.query<{ certificate_status: string }>('select certificate_status from people where id = $1', [person.id]);
      expect(row!.certificate_status).toBe(status);
    }
    const updates = (await auditOf(person.id)).filter((a) => a.action === 'person.updated').map((a) => a.detail);
    expect(updates).toEqual([
      { fields: ['certificateStatus'], certificateStatus: { from: 'active', to: 'suspended' } },
      { fields: ['certificateStatus'], certificateStatus: { from: 'suspended', to: 'revoked' } },
      { fields: ['certificateStatus'], certificateStatus: { from: 'revoked', to: 'active' } },
    ]);
  });

  it('does not accept "expired" as a stored status', async () => {
    const res = await patch(adminA, { certificate: { ...body.certificate, status: 'expired' } });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['certificate.status:invalid_value']);
  });

  it('changes only the fields given and audits their names, never the new ID number', async () => {
    const newIdNumber = newId();
    const res = await patch(adminA, { positionTitle: '副科长', idNumber: newIdNumber, isLegalReviewer: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ positionTitle: '副科长', idNumberMasked: maskIdNumber(newIdNumber), isLegalReviewer: true, name: '马骏', phone: '13800000000', divisionId: divisionA });
    const [audit] = (await auditOf(person.id)).slice(-1);
    expect(audit!.detail).toEqual({ fields: ['idNumber', 'positionTitle', 'isLegalReviewer'] });
    expect(JSON.stringify(audit)).not.toContain(newIdNumber);
  });

  it('writes nothing when nothing changes', async () => {
    const before = (await auditOf(person.id)).length;
    const res = await patch(adminA, { positionTitle: '副科长' });
    expect(res.statusCode).toBe(200);
    expect((await auditOf(person.id)).length).toBe(before);
  });

  it('removes the certificate as a whole', async () => {
    const other = await register(adminA, world.agencyA.id, officerBody({ name: '证件删除' }));
    const res = await adminA.patch(`/api/people/${other.id}`, { certificate: null });
    expect(res.json().certificate).toBeNull();
    const [row] = await t.database.query<Record<string, unknown>>(
      'select certificate_number, certificate_issued_on, certificate_expires_on, certificate_status from people where id = $1',
      [other.id],
    );
    expect(Object.values(row!)).toEqual([null, null, null, null]);
  });

  it('applies the same rules as registration: dates, division, duplicates, ID check digit', async () => {
    const other = officerBody({ name: '重复者' });
    await register(adminA, world.agencyA.id, other);
    const dates = await patch(adminA, { certificate: { ...body.certificate, expiresOn: '2020-01-01' } });
    expect([dates.statusCode, dates.json().error.code]).toEqual([422, 'CERTIFICATE_DATES_INVALID']);
    const division = await patch(adminA, { divisionId: divisionB });
    expect([division.statusCode, ...fieldsOf(division)]).toEqual([400, 'divisionId:not_in_agency']);
    const certificate = await patch(adminA, { certificate: other.certificate });
    expect([certificate.statusCode, certificate.json().error.code]).toEqual([409, 'DUPLICATE_CERTIFICATE_NUMBER']);
    const idNumber = await patch(adminA, { idNumber: other.idNumber });
    expect([idNumber.statusCode, idNumber.json().error.code]).toEqual([409, 'DUPLICATE_ID_NUMBER']);
    const checkDigit = await patch(adminA, { idNumber: badCheckDigit(newId()) });
    expect(fieldsOf(checkDigit)).toEqual(['idNumber:id_number_check']);
    // Keeping one's own certificate and ID number is not a duplicate.
    expect((await patch(adminA, { certificate: body.certificate, name: '马骏' })).statusCode).toBe(200);
  });

  it('keeps a revoked certificate revoked when its dates are corrected without naming the status (issue 7)', async () => {
    const revoked = await register(adminA, world.agencyA.id, officerBody({ name: '吊销者', certificate: newCertificate({ status: 'revoked' }) }));
    const { status: _status, ...withoutStatus } = revoked.certificate as unknown as Record<string, unknown>;
    const res = await adminA.patch(`/api/people/${revoked.id}`, { certificate: { number: withoutStatus.number, issuedOn: withoutStatus.issuedOn, expiresOn: '2031-06-30' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().certificate).toMatchObject({ expiresOn: '2031-06-30', status: 'revoked' });
    // A first certificate without a status starts active.
    const plain = await register(adminA, world.agencyA.id, officerBody({ name: '无证者', certificate: null }));
    const first = await adminA.patch(`/api/people/${plain.id}`, { certificate: { number: `YN-GX-NEW-${Date.now() % 100000}`, issuedOn: '2026-01-10', expiresOn: '2031-01-09' } });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().certificate).toMatchObject({ status: 'active' });
  });

  it('answers 404 out of scope and 403 for a wrong role; supervisors of the region may update', async () => {
    expect((await patch(adminB, { name: '改名' })).statusCode).toBe(404);
    expect((await patch(supervisorB, { name: '改名' })).statusCode).toBe(404);
    expect((await patch(officerA, { name: '改名' })).statusCode).toBe(403);
    expect((await adminA.patch('/api/people/00000000-0000-4000-8000-000000000000', { name: '改名' })).statusCode).toBe(404);
    const res = await patch(supervisorA, { name: '马骏驰' });
    expect([res.statusCode, res.json().name]).toEqual([200, '马骏驰']);
  });
});

describe('expiry is derived from the injected clock (O2)', () => {
  let person: { id: string };
  let suspended: { id: string };
  beforeAll(async () => {
    person = await register(adminA, world.agencyA.id, officerBody({ name: '到期者', certificate: newCertificate({ issuedOn: '2021-12-31', expiresOn: '2026-12-31' }) }));
    suspended = await register(adminA, world.agencyA.id, officerBody({ name: '到期暂扣', certificate: newCertificate({ issuedOn: '2021-12-31', expiresOn: '2026-12-31', status: 'suspended' }) }));
  });
  const statusOn = (admin: Session, id: string) => admin.get(`/api/people/${id}`).then((r) => r.json().certificate.effectiveStatus as string);

  it('is active through its last day in China time and expired from the next day', async () => {
    expect(await statusOn(adminA, person.id)).toBe('active');
    // 2026-12-31 23:59:59 in China.
    expect(await at('2026-12-31T15:59:59Z', (admin) => statusOn(admin, person.id))).toBe('active');
    // 2027-01-01 00:00 in China, still 2026-12-31 in UTC.
    await at('2026-12-31T16:00:00Z', async (admin) => {
      expect(await statusOn(admin, person.id)).toBe('expired');
      const expired = (await admin.get(`/api/people?status=expired&q=${encodeURIComponent('到期')}`)).json().items.map((p: { id: string }) => p.id);
      expect(expired).toEqual([person.id]);
      expect((await admin.get(`/api/people?status=active&q=${encodeURIComponent('到期')}`)).json().items).toEqual([]);
      // A suspension outranks the date.
      expect(await statusOn(admin, suspended.id)).toBe('suspended');
      // The list the team picker reads marks both as unable to act (issue 8), by the guard's own rule.
      const listed = (await admin.get(`/api/people?agencyId=${world.agencyA.id}&q=${encodeURIComponent('到期')}`)).json().items;
      expect(Object.fromEntries(listed.map((p: { id: string; certificate: { validToday: boolean } }) => [p.id, p.certificate.validToday]))).toEqual({ [person.id]: false, [suspended.id]: false });
    });
    const listedBefore = (await adminA.get(`/api/people?agencyId=${world.agencyA.id}&q=${encodeURIComponent('到期者')}`)).json().items;
    expect(listedBefore.map((p: { certificate: { validToday: boolean } }) => p.certificate.validToday)).toEqual([true]);
    const [row] = await t.database.query<{ certificate_status: string }>('select certificate_status from people where id = $1', [person.id]);
    expect(row!.certificate_status).toBe('active');
  });
});

describe('the full ID number', () => {
  it('never appeared in any response body of this file', () => {
    expect(bodies.length).toBeGreaterThan(50);
    const leaks = idNumbers.filter((id) => bodies.some((b) => b.includes(id) || b.includes(id.toLowerCase())));
    expect(leaks).toEqual([]);
  });
});
