import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../../test/harness.js';
import { buildWorld, fakeIdNumber, PASSWORD, type World } from '../../../test/factories.js';

let t: TestContext;
let world: World;
let adminA: Session;
let adminB: Session;
let officerA: Session;
let supervisorA: Session;
let supervisorB: Session;
let divisionId: string;

/** A real 2×2 PNG, built here so the test needs no fixture file. */
function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32 ? zlib.crc32(body) : crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.from([0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0]);
  const raw = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

async function multipart(field: string, bytes: Buffer, filename: string, type: string) {
  const form = new FormData();
  form.append(field, new Blob([new Uint8Array(bytes)], { type }), filename);
  const r = new Response(form);
  return { payload: Buffer.from(await r.arrayBuffer()), contentType: r.headers.get('content-type')! };
}

const ID = fakeIdNumber('532301', '1988-03-09', 'female');
const officer = (over: Record<string, unknown> = {}) => ({
  name: '李娜',
  sex: 'female',
  idNumber: ID,
  divisionId,
  positionTitle: '科员',
  phone: '13800000000',
  certificate: { number: '53230020260101', issuedOn: '2026-01-10', expiresOn: '2031-01-09', status: 'active' },
  categories: ['penalty', 'inspection'],
  area: '楚雄州',
  qualification: 'exam',
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  world = await buildWorld(t.database);
  [adminA, adminB, officerA, supervisorA, supervisorB] = await Promise.all(
    ['admin_a', 'admin_b', 'officer_a', 'supervisor_a', 'supervisor_b'].map((u) => loginAs(t.app, u, PASSWORD)),
  );
  divisionId = (await adminA.post(`/api/agencies/${world.agencyA.id}/divisions`, { name: '执法监督科' })).json().id;
});
afterAll(() => t.close());

let personId: string;

describe('POST /api/agencies/:id/people', () => {
  it('registers an officer; the ID number is stored but only shown masked', async () => {
    const res = await adminA.post(`/api/agencies/${world.agencyA.id}/people`, officer());
    expect(res.statusCode).toBe(201);
    personId = res.json().id;
    expect(res.json()).toMatchObject({
      name: '李娜',
      divisionName: '执法监督科',
      idNumberMasked: `${ID.slice(0, 6)}********${ID.slice(14)}`,
      certificate: { number: '53230020260101', effectiveStatus: 'active' },
      allowedActions: ['update', 'setPhoto', 'addTraining'],
    });
    expect(res.body).not.toContain(ID);
    const [row] = await t.database.query<{ id_number: string }>('select id_number from people where id = $1', [personId]);
    expect(row!.id_number).toBe(ID);
  });

  it('rejects a wrong ID check digit, naming the field', async () => {
    const bad = ID.slice(0, 17) + (ID[17] === '1' ? '2' : '1');
    const res = await adminA.post(`/api/agencies/${world.agencyA.id}/people`, officer({ idNumber: bad }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ field: 'idNumber', code: 'id_number_check' });
  });

  it('rejects an expiry before the issue date (422)', async () => {
    const res = await adminA.post(`/api/agencies/${world.agencyA.id}/people`, officer({ idNumber: fakeIdNumber(), certificate: { number: '53230020260199', issuedOn: '2026-01-10', expiresOn: '2025-01-09', status: 'active' } }));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('CERTIFICATE_DATES_INVALID');
  });

  it('rejects a division of another agency as if it did not exist', async () => {
    const otherDivision = (await adminB.post(`/api/agencies/${world.agencyB.id}/divisions`, { name: '办公室' })).json().id;
    const res = await adminA.post(`/api/agencies/${world.agencyA.id}/people`, officer({ idNumber: fakeIdNumber(), divisionId: otherDivision, certificate: null }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ field: 'divisionId', code: 'not_in_agency' });
  });

  it('refuses duplicates: certificate number and ID number (409)', async () => {
    const cert = await adminA.post(`/api/agencies/${world.agencyA.id}/people`, officer({ idNumber: fakeIdNumber() }));
    expect(cert.json().error.code).toBe('DUPLICATE_CERTIFICATE_NUMBER');
    const id = await adminA.post(`/api/agencies/${world.agencyA.id}/people`, officer({ certificate: null }));
    expect(id.json().error.code).toBe('DUPLICATE_ID_NUMBER');
  });

  it('authorises by role and scope', async () => {
    expect((await officerA.post(`/api/agencies/${world.agencyA.id}/people`, officer({ idNumber: fakeIdNumber(), certificate: null }))).statusCode).toBe(403);
    expect((await adminB.post(`/api/agencies/${world.agencyA.id}/people`, officer({ idNumber: fakeIdNumber(), certificate: null }))).statusCode).toBe(404);
    expect((await supervisorB.post(`/api/agencies/${world.agencyA.id}/people`, officer({ idNumber: fakeIdNumber(), certificate: null }))).statusCode).toBe(404);
    expect((await supervisorA.post(`/api/agencies/${world.agencyA.id}/people`, officer({ name: '王强', idNumber: fakeIdNumber(), certificate: null }))).statusCode).toBe(201);
  });
});

describe('GET /api/people', () => {
  it('lists people in scope and audits the read of personal data', async () => {
    const res = await officerA.get(`/api/people?agencyId=${world.agencyA.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((p: { name: string }) => p.name).sort()).toEqual(['李娜', '王强']);
    expect(res.json().items[0].allowedActions).toEqual([]);
    const [audit] = await t.database.query<{ detail: { ids: string[] } }>(`select detail from audit_events where action = 'person.list' order by id desc limit 1`);
    expect(audit!.detail.ids).toContain(personId);
    expect((await adminB.get('/api/people')).json().items).toEqual([]);
  });

  it('derives "expired" from the date rather than storing it', async () => {
    t.clock.set('2031-01-10T02:00:00Z');
    try {
      const later = await loginAs(t.app, 'admin_a', PASSWORD);
      const expired = await later.get(`/api/people?status=expired`);
      expect(expired.json().items.map((p: { id: string }) => p.id)).toEqual([personId]);
      expect((await later.get(`/api/people/${personId}`)).json().certificate.effectiveStatus).toBe('expired');
    } finally {
      t.clock.set('2026-11-22T02:00:00Z');
    }
    expect((await adminA.get(`/api/people/${personId}`)).json().certificate.effectiveStatus).toBe('active');
  });

  it('answers 404 for a person out of scope', async () => {
    expect((await adminB.get(`/api/people/${personId}`)).statusCode).toBe(404);
  });
});

describe('PATCH /api/people/:id', () => {
  it('suspends a certificate and records the change', async () => {
    const res = await adminA.patch(`/api/people/${personId}`, { certificate: { number: '53230020260101', issuedOn: '2026-01-10', expiresOn: '2031-01-09', status: 'suspended' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().certificate.effectiveStatus).toBe('suspended');
    const [audit] = await t.database.query<{ detail: { certificateStatus: unknown } }>(`select detail from audit_events where action = 'person.updated' and subject_id = $1`, [personId]);
    expect(audit!.detail.certificateStatus).toEqual({ from: 'active', to: 'suspended' });
    await adminA.patch(`/api/people/${personId}`, { certificate: { number: '53230020260101', issuedOn: '2026-01-10', expiresOn: '2031-01-09', status: 'active' } });
  });
});

describe('photos', () => {
  it('stores a PNG by content address and serves the same bytes', async () => {
    const bytes = png();
    const { payload, contentType } = await multipart('photo', bytes, 'p.png', 'image/png');
    const res = await adminA.request('PUT', `/api/people/${personId}/photo`, payload, { 'content-type': contentType });
    expect(res.statusCode).toBe(200);
    expect(res.json().hasPhoto).toBe(true);
    const sha = crypto.createHash('sha256').update(bytes).digest('hex');
    expect(await t.database.query('select size::int as size from blobs where sha256 = $1', [sha])).toEqual([{ size: bytes.length }]);
    const back = await officerA.get(`/api/people/${personId}/photo`);
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toBe('image/png');
    expect(back.rawPayload.equals(bytes)).toBe(true);
  });

  it('rejects a text file dressed as a PNG (415) and a missing field (400)', async () => {
    const fake = await multipart('photo', Buffer.from('not an image at all, just text'), 'p.png', 'image/png');
    const res = await adminA.request('PUT', `/api/people/${personId}/photo`, fake.payload, { 'content-type': fake.contentType });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('INVALID_IMAGE');
    const wrongField = await multipart('file', png(), 'p.png', 'image/png');
    expect((await adminA.request('PUT', `/api/people/${personId}/photo`, wrongField.payload, { 'content-type': wrongField.contentType })).statusCode).toBe(400);
    expect((await adminA.request('PUT', `/api/people/${personId}/photo`, { x: 1 })).statusCode).toBe(415);
  });

  it('rejects photos over 5 MiB (413)', async () => {
    const big = Buffer.concat([png().subarray(0, 8), Buffer.alloc(5 * 1024 * 1024 + 10)]);
    const { payload, contentType } = await multipart('photo', big, 'big.png', 'image/png');
    expect((await adminA.request('PUT', `/api/people/${personId}/photo`, payload, { 'content-type': contentType })).statusCode).toBe(413);
  });
});

describe('QR code, training and counsel', () => {
  it('draws the QR code of the public verification page', async () => {
    const res = await officerA.get(`/api/people/${personId}/qr.svg`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('image/svg+xml');
    expect(res.body).toContain('<svg');
  });

  it('records training (O2) and validates it', async () => {
    const res = await adminA.post(`/api/people/${personId}/trainings`, { kind: 'on_job', title: '行政处罚法专题培训', hours: 16, completedOn: '2026-06-30' });
    expect(res.statusCode).toBe(201);
    expect((await officerA.get(`/api/people/${personId}/trainings`)).json().items).toEqual([expect.objectContaining({ title: '行政处罚法专题培训', hours: 16 })]);
    expect((await adminA.post(`/api/people/${personId}/trainings`, { kind: 'daily', title: 'x', hours: 0, completedOn: '2026-13-01' })).json().error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['completedOn', 'hours', 'kind']);
  });

  it('keeps a counsel pool per agency (L15)', async () => {
    expect((await adminA.post(`/api/agencies/${world.agencyA.id}/counsel`, { name: '赵律师', kind: 'outside_lawyer', organisation: '云南某律师事务所' })).statusCode).toBe(201);
    expect((await officerA.get(`/api/agencies/${world.agencyA.id}/counsel`)).json().items).toHaveLength(1);
    expect((await adminB.get(`/api/agencies/${world.agencyA.id}/counsel`)).statusCode).toBe(404);
  });
});

describe('reviewer ratio (L12)', () => {
  it('flags no reviewer, then below 5 %, then ok', async () => {
    const ratio = async () => (await adminA.get(`/api/agencies/${world.agencyA.id}`)).json().reviewerRatio;
    expect((await ratio()).flag).toBe('no_reviewer');
    await t.database.exec(`update people set is_legal_reviewer = true where id = '${personId}'`);
    // 1 reviewer; add active officers until 25 (4 %) and then check 20 (5 %).
    const insertOfficers = async (n: number, from: number) => {
      for (let i = 0; i < n; i++) {
        await t.database.query(
          `insert into people (agency_id, name, id_number, certificate_number, certificate_issued_on, certificate_expires_on, certificate_status)
           values ($1, $2, $3, $4, '2026-01-01', '2030-01-01', 'active')`,
          [world.agencyA.id, `执法员${from + i}`, fakeIdNumber(), `5323009900${String(from + i).padStart(4, '0')}`],
        );
      }
    };
    await insertOfficers(24, 0); // 25 active officers incl. 李娜
    expect(await ratio()).toEqual({ reviewers: 1, activeOfficers: 25, ratio: 0.04, flag: 'below_minimum' });
    await t.database.exec(`update people set certificate_status = 'revoked' where certificate_number in ('53230099000000','53230099000001','53230099000002','53230099000003','53230099000004')`);
    expect(await ratio()).toEqual({ reviewers: 1, activeOfficers: 20, ratio: 0.05, flag: 'ok' });
  });
});
