import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, fakeIdNumber, PASSWORD, type World } from '../../test/factories.js';
import { createTestApp, loginAs, TEST_NOW, type TestContext } from '../../test/harness.js';
import { divisions, people, type CertificateStatus } from '../organisation/tables.js';
import { storeContent } from '../platform/storage/content-store.js';

let t: TestContext;
let world: World;

/** A stand-in PNG: the signature and some bytes; the route serves bytes, it does not decode them. */
const PHOTO = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), crypto.randomBytes(3000)]);

const AGENCY_KEYS = ['name', 'regionCode', 'regionName', 'headName', 'address', 'phone', 'supervisionPhone', 'categories', 'area'];
const OFFICER_KEYS = ['name', 'agencyName', 'divisionName', 'categories', 'area', 'certificateNumber', 'issuedOn', 'expiresOn', 'status'];
const VERIFICATION_KEYS = ['certificateNumber', 'status', 'checkedOn', 'name', 'photoUrl', 'agencyName', 'categories', 'area', 'issuedOn', 'expiresOn'];

/** Every person we insert, so each response can be checked for their private fields. */
const secrets: { idNumber: string; phone: string }[] = [];
let divisionName: string;

interface OfficerSeed {
  agencyId: string;
  name: string;
  certificateNumber?: string | null;
  status?: CertificateStatus;
  issuedOn?: string;
  expiresOn?: string;
  photoSha256?: string | null;
  divisionId?: string | null;
  area?: string | null;
}

let personCount = 0;
async function addPerson(seed: OfficerSeed) {
  personCount += 1;
  const idNumber = fakeIdNumber('532301', `198${personCount % 10}-0${(personCount % 9) + 1}-1${personCount % 10}`);
  const phone = `139${String(10000000 + personCount * 7919).slice(0, 8)}`;
  secrets.push({ idNumber, phone });
  const hasCertificate = seed.certificateNumber !== null;
  await t.database.db.insert(people).values({
    agencyId: seed.agencyId,
    divisionId: seed.divisionId ?? null,
    name: seed.name,
    idNumber,
    phone,
    positionTitle: '科员',
    photoSha256: seed.photoSha256 ?? null,
    certificateNumber: hasCertificate ? (seed.certificateNumber ?? `YN${personCount}`) : null,
    certificateStatus: hasCertificate ? (seed.status ?? 'active') : null,
    certificateIssuedOn: hasCertificate ? (seed.issuedOn ?? '2024-01-01') : null,
    certificateExpiresOn: hasCertificate ? (seed.expiresOn ?? '2027-12-31') : null,
    categories: ['penalty', 'inspection'],
    area: seed.area === undefined ? '楚雄州全域' : seed.area,
  });
}

async function storePhoto(bytes: Buffer): Promise<string> {
  const stored = await storeContent(t.deps.store, Readable.from(bytes), { contentType: 'image/png', maxBytes: 1024 * 1024 });
  await t.database.query('insert into blobs (sha256, size, content_type, storage_key) values ($1, $2, $3, $4) on conflict do nothing', [
    stored.sha256,
    stored.size,
    'image/png',
    stored.key,
  ]);
  return stored.sha256;
}

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

/** No private field of anyone we inserted appears anywhere in a response. */
function expectNoSecrets(body: string) {
  for (const s of secrets) {
    expect(body).not.toContain(s.idNumber);
    expect(body).not.toContain(s.phone);
  }
  expect(body).not.toContain('科员'); // position title: not on the allow-list
}

const auditRows = (certificateNumber: string) =>
  t.database.query<{ actor_user_id: string | null; actor_label: string; ip: string | null; subject_id: string | null; agency_id: string | null; detail: Record<string, unknown> }>(
    `select actor_user_id, actor_label, ip, subject_id, agency_id, detail from audit_events
      where action = 'public.certificate_verified' and detail->>'certificateNumber' = $1 order by id`,
    [certificateNumber],
  );

beforeAll(async () => {
  // The clock stands still, so every check here falls in one minute; the rate limit has its own tests (portal-throttle.test.ts).
  t = await createTestApp({ config: { publicVerifyPerMinute: 10_000 } });
  world = await buildWorld(t.database);
  const [division] = await t.database.db
    .insert(divisions)
    .values({ agencyId: world.agencyA.id, name: '执法监察支队', duties: '监督检查' })
    .returning();
  divisionName = division!.name;
  const photo = await storePhoto(PHOTO);
  const A = world.agencyA.id;
  await addPerson({ agencyId: A, name: '李明', certificateNumber: 'YN-A-0001', photoSha256: photo, divisionId: division!.id });
  await addPerson({ agencyId: A, name: '王芳', certificateNumber: 'YN-A-0002', expiresOn: '2026-11-21' });
  await addPerson({ agencyId: A, name: '赵强', certificateNumber: 'YN-A-0003', status: 'revoked', photoSha256: photo });
  await addPerson({ agencyId: A, name: '钱敏', certificateNumber: 'YN-A-0004', status: 'suspended' });
  await addPerson({ agencyId: A, name: '孙丽', certificateNumber: 'YN-A-0005', issuedOn: '2026-12-01', expiresOn: '2031-11-30' });
  await addPerson({ agencyId: A, name: '周洁', certificateNumber: 'YN-A-0006', expiresOn: '2026-11-22' });
  await addPerson({ agencyId: A, name: '<script>alert(1)</script>', certificateNumber: 'YN-A-0007', area: '<b>"全州"</b>' });
  await addPerson({ agencyId: A, name: '李明明', certificateNumber: null }); // staff without a certificate
  await addPerson({ agencyId: world.agencyA2.id, name: '李明华', certificateNumber: 'YN-A2-0001', photoSha256: photo }); // unconfirmed agency
  await addPerson({ agencyId: world.agencyB.id, name: '吴刚', certificateNumber: 'SX-B-0001' }); // unconfirmed agency
  for (let i = 0; i < 55; i++) await addPerson({ agencyId: A, name: `测试员${String(i).padStart(2, '0')}`, certificateNumber: `YN-T-${String(i).padStart(4, '0')}` });
});
afterAll(() => t.close());

describe('GET /api/public/agencies', () => {
  it('lists only confirmed enforcement agencies (P13) and, apart, the justice bureaus, through the allow-list', async () => {
    const res = await get('/api/public/agencies');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body)).toEqual(['agencies', 'supervisors']);
    expect(body.agencies.map((a: { name: string }) => a.name)).toEqual(['楚雄州工业和信息化局']);
    expect(body.supervisors.map((a: { name: string }) => a.name)).toEqual(['朔州市朔城区司法局', '楚雄州司法局']);
    for (const a of [...body.agencies, ...body.supervisors]) expect(Object.keys(a)).toEqual(AGENCY_KEYS);
    expect(body.agencies[0]).toEqual({
      name: '楚雄州工业和信息化局',
      regionCode: '532300',
      regionName: '楚雄彝族自治州',
      headName: '张局长',
      address: null,
      phone: '0878-3100000',
      supervisionPhone: '0878-3100001',
      categories: ['penalty', 'inspection'],
      area: '楚雄州行政区域',
    });
    expect(res.body).not.toContain(world.agencyA.creditCode);
    expect(res.body).not.toContain(world.agencyA.id);
  });

  it('needs no login and appears in the OpenAPI document without security', async () => {
    const doc = (await get('/api/openapi.json')).json();
    for (const path of ['/api/public/agencies', '/api/public/officers', '/api/public/officers/{certificateNumber}']) {
      expect(doc.paths[path].get.security).toEqual([]);
    }
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/verify') || p === '/')).toEqual([]);
  });
});

describe('GET /', () => {
  it('renders the confirmed agencies grouped by region, the supervisors, and the certificate search box', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.body).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
    expect(res.body).toContain('<h3 class="region">楚雄彝族自治州</h3>');
    expect(res.body).toContain('楚雄州工业和信息化局');
    expect(res.body).toContain('行政处罚、行政检查');
    expect(res.body).toContain('<a href="tel:08783100001">0878-3100001</a>'); // tel: links carry digits only
    expect(res.body).toContain('监督电话');
    expect(res.body).toContain('行政执法监督机关');
    expect(res.body).toContain('楚雄州司法局');
    expect(res.body).toContain('<form class="search" method="get" action="/officers"');
    expect(res.body).not.toContain('楚雄市科学技术局'); // not confirmed
    expect(res.body).not.toContain('朔州市朔城区科学技术局'); // not confirmed
  });
});

describe('GET /api/public/officers', () => {
  it('finds officers of confirmed agencies by name, with exactly the allow-listed fields', async () => {
    const res = await get(`/api/public/officers?q=${encodeURIComponent('李明')}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body)).toEqual(['items', 'truncated']);
    // 李明明 has no certificate; 李明华's agency is not confirmed.
    expect(body).toEqual({
      items: [
        {
          name: '李明',
          agencyName: '楚雄州工业和信息化局',
          divisionName,
          categories: ['penalty', 'inspection'],
          area: '楚雄州全域',
          certificateNumber: 'YN-A-0001',
          issuedOn: '2024-01-01',
          expiresOn: '2027-12-31',
          status: 'valid',
        },
      ],
      truncated: false,
    });
    expect(Object.keys(body.items[0])).toEqual(OFFICER_KEYS);
    expectNoSecrets(res.body);
  });

  it('finds by certificate number, shows today’s status, and puts an exact number first', async () => {
    const res = await get('/api/public/officers?q=YN-A-000');
    const items = res.json().items as { certificateNumber: string; status: string }[];
    expect(Object.fromEntries(items.map((o) => [o.certificateNumber, o.status]))).toEqual({
      'YN-A-0001': 'valid',
      'YN-A-0002': 'expired',
      'YN-A-0003': 'revoked',
      'YN-A-0004': 'suspended',
      'YN-A-0005': 'not_yet_valid',
      'YN-A-0006': 'valid',
      'YN-A-0007': 'valid',
    });
    const exact = await get('/api/public/officers?q=yn-a-0004');
    expect(exact.json().items.map((o: { name: string }) => o.name)).toEqual(['钱敏']);
    const first = await get('/api/public/officers?q=YN-T-0010');
    expect(first.json().items[0].certificateNumber).toBe('YN-T-0010');
    expectNoSecrets(res.body);
  });

  it('returns at most 50 officers and says the list was cut', async () => {
    const body = (await get(`/api/public/officers?q=${encodeURIComponent('测试员')}`)).json();
    expect(body.items).toHaveLength(50);
    expect(body.truncated).toBe(true);
  });

  it('treats % and _ as plain characters', async () => {
    for (const q of ['%%', '__', '%_']) {
      const res = await get(`/api/public/officers?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toEqual([]);
    }
  });

  it('hides officers of unconfirmed agencies', async () => {
    for (const q of ['李明华', 'YN-A2-0001', '吴刚']) {
      expect((await get(`/api/public/officers?q=${encodeURIComponent(q)}`)).json().items).toEqual([]);
    }
  });

  it('rejects a missing, short, long or control-character query with a field error', async () => {
    const cases: [string, string][] = [
      ['', 'required'],
      [`?q=${encodeURIComponent('李')}`, 'too_small'],
      ['?q=%20%20a%20', 'too_small'],
      [`?q=${encodeURIComponent('长'.repeat(51))}`, 'too_big'],
      ['?q=ab%01cd', 'invalid_format'],
      // NUL is refused for every input before the route's schema (issue 7): one code everywhere.
      ['?q=ab%00cd', 'forbidden_character'],
    ];
    for (const [query, code] of cases) {
      const res = await get(`/api/public/officers${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'q', code }] });
    }
  });
});

describe('GET /officers', () => {
  it('renders the results with links to the verification pages and no private field', async () => {
    const res = await get(`/officers?q=${encodeURIComponent('YN-A-000')}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('<a href="/verify/officer/YN-A-0001">李明</a>');
    expect(res.body).toContain(divisionName);
    expect(res.body).toContain('2024-01-01 至<br>2027-12-31');
    expect(res.body).toContain('已吊销');
    expect(res.body).toContain('value="YN-A-000"');
    expectNoSecrets(res.body);
  });

  it('escapes an officer named <script>', async () => {
    const res = await get('/officers?q=script');
    expect(res.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(res.body).toContain('&lt;b&gt;&quot;全州&quot;&lt;/b&gt;');
    expect(res.body).not.toContain('<script>');
    expect(res.body).not.toContain('<b>');
  });

  it('escapes the query echoed into the search box', async () => {
    const res = await get(`/officers?q=${encodeURIComponent('"><img src=x onerror=alert(1)>')}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
    expect(res.body).not.toContain('<img src=x');
  });

  it('shows the empty form without a query, and a hint (400) for a one-character query', async () => {
    const empty = await get('/officers');
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('<form class="search"');
    expect(empty.body).not.toContain('查询结果');
    const short = await get(`/officers?q=${encodeURIComponent('李')}`);
    expect(short.statusCode).toBe(400);
    expect(short.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(short.body).toContain('请输入至少 2 个字符');
  });

  it('says so when nothing matches', async () => {
    const res = await get(`/officers?q=${encodeURIComponent('无此人员')}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('未找到符合条件的执法人员');
  });
});

describe('GET /api/public/officers/:certificateNumber', () => {
  it('answers valid with exactly the allow-listed fields, and records the check with the caller’s IP', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/officers/YN-A-0001', remoteAddress: '203.0.113.9' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(Object.keys(body)).toEqual(VERIFICATION_KEYS);
    expect(body).toEqual({
      certificateNumber: 'YN-A-0001',
      status: 'valid',
      checkedOn: '2026-11-22',
      name: '李明',
      photoUrl: '/verify/officer/YN-A-0001/photo',
      agencyName: '楚雄州工业和信息化局',
      categories: ['penalty', 'inspection'],
      area: '楚雄州全域',
      issuedOn: '2024-01-01',
      expiresOn: '2027-12-31',
    });
    expectNoSecrets(res.body);
    const rows = await auditRows('YN-A-0001');
    expect(rows.at(-1)).toMatchObject({
      actor_user_id: null,
      actor_label: 'public',
      ip: '203.0.113.9',
      agency_id: world.agencyA.id,
      detail: { certificateNumber: 'YN-A-0001', found: true, verdict: 'valid', channel: 'api', checkedOn: '2026-11-22' },
    });
    expect(rows.at(-1)!.subject_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers expired, revoked, suspended and not yet valid', async () => {
    const status = async (n: string) => (await get(`/api/public/officers/${n}`)).json().status;
    expect(await status('YN-A-0002')).toBe('expired');
    expect(await status('YN-A-0003')).toBe('revoked');
    expect(await status('YN-A-0004')).toBe('suspended');
    expect(await status('YN-A-0005')).toBe('not_yet_valid');
    expect((await get('/api/public/officers/YN-A-0002')).json().photoUrl).toBeNull();
  });

  it('uses the China date of the injected clock: valid on the expiry date, expired from the next China day', async () => {
    try {
      t.clock.set('2026-11-22T15:59:59Z'); // 23:59:59 in China
      expect((await get('/api/public/officers/YN-A-0006')).json()).toMatchObject({ status: 'valid', checkedOn: '2026-11-22' });
      t.clock.set('2026-11-22T16:00:00Z'); // midnight in China
      expect((await get('/api/public/officers/YN-A-0006')).json()).toMatchObject({ status: 'expired', checkedOn: '2026-11-23' });
      t.clock.set('2026-12-01T00:00:00Z');
      expect((await get('/api/public/officers/YN-A-0005')).json().status).toBe('valid');
    } finally {
      t.clock.set(TEST_NOW);
    }
  });

  it('answers 404 for an unknown number or an officer of an unconfirmed agency, and records the check', async () => {
    for (const n of ['NO-SUCH-1', 'YN-A2-0001', 'SX-B-0001']) {
      const res = await get(`/api/public/officers/${n}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
      expect(res.body).not.toContain('李明华');
      const rows = await auditRows(n);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ subject_id: null, agency_id: null, detail: { certificateNumber: n, found: false, verdict: null } });
    }
  });

  it('records a logged-in caller’s check as public (no actor)', async () => {
    const admin = await loginAs(t.app, 'admin_a', PASSWORD);
    expect((await admin.get('/api/public/officers/YN-A-0004')).statusCode).toBe(200);
    const rows = await auditRows('YN-A-0004');
    expect(rows.at(-1)).toMatchObject({ actor_user_id: null, actor_label: 'public' });
  });

  it('never answers 500, whatever the number (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 80 }), async (n) => {
        const encoded = encodeURIComponent(n.replace(/[\uD800-\uDFFF]/g, '?'));
        for (const url of [`/api/public/officers/${encoded}`, `/verify/officer/${encoded}`, `/verify/officer/${encoded}/photo`]) {
          const res = await get(url);
          expect([200, 400, 404], `${url} → ${res.statusCode} ${res.body.slice(0, 200)}`).toContain(res.statusCode);
        }
      }),
      { numRuns: 40 },
    );
    for (const url of ['/verify/officer/a%00b', '/verify/officer/a%00b/photo', '/api/public/officers/a%00b', '/verify/officer/%ED%A0%80', '/verify/officer/%', '/verify/officer/%E0/photo', '/api/public/officers/%FF', '/officers?q=%E0%E0', '/officers?q=a&q=b', '/api/public/officers?q=%ED%A0%80%ED%A0%80']) {
      const res = await get(url);
      expect([200, 400, 404], `${url} → ${res.statusCode} ${res.body.slice(0, 200)}`).toContain(res.statusCode);
    }
  });
});

describe('GET /verify/officer/:certificateNumber', () => {
  it('shows a big green verdict, the holder, the photo and the QR code of the page itself', async () => {
    const res = await get('/verify/officer/YN-A-0001');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('<section class="verdict ok" role="status">\n<div class="big">有效</div>');
    expect(res.body).toContain('<img src="/verify/officer/YN-A-0001/photo"');
    for (const text of ['李明', '楚雄州工业和信息化局', '行政处罚、行政检查', '楚雄州全域', '2024-01-01', '2027-12-31']) expect(res.body).toContain(text);
    expect(res.body).toMatch(/<svg [^>]*viewBox="0 0 \d+ \d+"/);
    expectNoSecrets(res.body);
    expect(res.body).not.toContain(divisionName); // not on the verification allow-list
    const rows = await auditRows('YN-A-0001');
    expect(rows.at(-1)!.detail).toMatchObject({ channel: 'page', found: true, verdict: 'valid' });
  });

  it('shows a red verdict for expired, revoked and suspended certificates', async () => {
    for (const [n, zh] of [
      ['YN-A-0002', '已过期'],
      ['YN-A-0003', '已吊销'],
      ['YN-A-0004', '暂扣'],
    ]) {
      const res = await get(`/verify/officer/${n}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(`<section class="verdict bad" role="status">\n<div class="big">${zh}</div>`);
    }
  });

  it('turns red when the clock passes the expiry date', async () => {
    try {
      expect((await get('/verify/officer/YN-A-0006')).body).toContain('class="verdict ok"');
      t.clock.set('2026-11-23T02:00:00Z');
      const res = await get('/verify/officer/YN-A-0006');
      expect(res.body).toContain('class="verdict bad"');
      expect(res.body).toContain('已过期');
    } finally {
      t.clock.set(TEST_NOW);
    }
  });

  it('answers a 404 page for an unknown number and for an officer of an unconfirmed agency', async () => {
    for (const n of ['NO-SUCH-2', 'YN-A2-0001']) {
      const res = await get(`/verify/officer/${n}`);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body).toContain('<div class="big">未找到</div>');
      expect(res.body).not.toContain('李明华');
      expect(res.body).not.toContain('<svg');
      expect((await auditRows(n)).at(-1)!.detail).toMatchObject({ found: false, verdict: null, channel: 'page' });
    }
  });

  it('escapes the holder’s name and the number asked', async () => {
    const res = await get('/verify/officer/YN-A-0007');
    expect(res.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(res.body).not.toContain('<script>');
    const probe = await get(`/verify/officer/${encodeURIComponent('<script>x</script>')}`);
    expect(probe.statusCode).toBe(404);
    expect(probe.body).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(probe.body).not.toContain('<script>');
  });
});

describe('GET /verify/officer/:certificateNumber/photo', () => {
  it('streams the exact stored bytes with cache headers, and answers 304 to a matching ETag', async () => {
    const res = await get('/verify/officer/YN-A-0001/photo');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(res.rawPayload, PHOTO)).toBe(0);
    const etag = res.headers.etag as string;
    expect(etag).toBe(`"${crypto.createHash('sha256').update(PHOTO).digest('hex')}"`);
    const again = await get('/verify/officer/YN-A-0001/photo', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
  });

  it('serves the photo whatever the certificate status', async () => {
    const res = await get('/verify/officer/YN-A-0003/photo');
    expect(res.statusCode).toBe(200);
    expect(Buffer.compare(res.rawPayload, PHOTO)).toBe(0);
  });

  it('answers 404 without a photo, for an unknown number, and for an unconfirmed agency', async () => {
    for (const n of ['YN-A-0002', 'NO-SUCH-3', 'YN-A2-0001']) {
      const res = await get(`/verify/officer/${n}/photo`);
      expect(res.statusCode, n).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
  });
});
