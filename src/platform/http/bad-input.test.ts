/**
 * Issue 7, "Bad input never answers 500": hostile bytes at every layer of the HTTP stack — the
 * raw socket, the router, the body parsers, multipart, tus and the string rule — answer a 4xx in
 * the error shape {error: {code, message, messageEn}}.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/harness.js';
import { buildRecordingWorld, recordingSessions, type RecordingWorld } from '../../../test/recording-world.js';
import { fakeIdNumber } from '../../../test/factories.js';
import { OFFICER_SHEET } from '../../exchange/officers.js';
import { buildXlsx, multipartBody as xlsxBody } from '../../exchange/test-workbooks.js';
import { multipartBody } from '../../organisation/people/test-support.js';
import { eventHash, GENESIS_HASH } from '../../recording/chain.js';
import { insertCase, tusClient } from '../../recording/evidence/test-support.js';
import { AppError } from '../errors.js';
import { safeString } from './schemas.js';

let ctx: TestContext;
let world: RecordingWorld;
let s: Awaited<ReturnType<typeof recordingSessions>>;
let port: number;
let base: string;

beforeAll(async () => {
  ctx = await createTestApp({ config: { sessionTtlMinutes: 60 * 24 * 365 } });
  world = await buildRecordingWorld(ctx.database);
  s = await recordingSessions(ctx);
  base = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  port = Number(new URL(base).port);
});
afterAll(() => ctx.close());

interface ErrorBody {
  error: { code: string; message: string; messageEn: string; fields?: { field: string; code: string }[]; details?: Record<string, unknown> };
}

function expectShape(body: string): ErrorBody['error'] {
  const parsed = JSON.parse(body) as ErrorBody;
  expect(parsed.error).toMatchObject({ code: expect.any(String), message: expect.any(String), messageEn: expect.any(String) });
  return parsed.error;
}

/** Writes raw bytes to the server and reads the whole answer until the server closes. */
function rawRequest(bytes: string | Buffer): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), headers: head, body });
    });
    socket.write(bytes);
  });
}

describe('refusals of the HTTP parser, over a real socket', () => {
  it('answers a malformed request line with 400 MALFORMED_REQUEST in the error shape', async () => {
    const res = await rawRequest('GET /api/auth/me HTTP/1.1 garbage\r\n\r\n');
    expect(res.status).toBe(400);
    expect(res.headers).toMatch(/content-type: application\/json/i);
    expect(expectShape(res.body).code).toBe('MALFORMED_REQUEST');
  });

  it('answers a header without a colon (and a NUL in a header) with 400 in the error shape', async () => {
    for (const header of ['X-Broken\r\n', 'X-Nul: a\u0000b\r\n']) {
      const res = await rawRequest(`GET /api/auth/me HTTP/1.1\r\nHost: x\r\n${header}\r\n`);
      expect(res.status).toBe(400);
      expect(expectShape(res.body).code).toBe('MALFORMED_REQUEST');
    }
  });

  it('answers a 20 KB URL with 414 URI_TOO_LONG in the error shape', async () => {
    const res = await rawRequest(`GET /api/agencies?q=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(res.status).toBe(414);
    expect(expectShape(res.body).code).toBe('URI_TOO_LONG');
  });

  it('answers 20 KB of headers with 431 HEADERS_TOO_LARGE in the error shape', async () => {
    const headers = Array.from({ length: 20 }, (_, i) => `X-Filler-${i}: ${'y'.repeat(1000)}\r\n`).join('');
    const res = await rawRequest(`GET /api/auth/me HTTP/1.1\r\nHost: x\r\n${headers}\r\n`);
    expect(res.status).toBe(431);
    expect(expectShape(res.body).code).toBe('HEADERS_TOO_LARGE');
  });
});

describe('refusals of the router and the body parsers', () => {
  it('answers a path parameter over maxParamLength with 414 URI_TOO_LONG', async () => {
    const res = await s.adminA.get(`/api/agencies/${'x'.repeat(300)}`);
    expect(res.statusCode).toBe(414);
    expect(expectShape(res.body).code).toBe('URI_TOO_LONG');
  });

  it('answers a path that is not valid percent-encoding with 400 MALFORMED_REQUEST', async () => {
    for (const id of ['%', '%zz', '%ED%A0%80']) {
      const res = await s.adminA.get(`/api/agencies/${id}`);
      expect(res.statusCode, id).toBe(400);
      expect(expectShape(res.body).code).toBe('MALFORMED_REQUEST');
    }
  });

  it('answers an unknown route with 404 ROUTE_NOT_FOUND', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(expectShape(res.body).code).toBe('ROUTE_NOT_FOUND');
  });

  it('answers JSON with a syntax error, an empty JSON body and an unknown content type in the error shape', async () => {
    const login = (payload: string, type: string) => ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload, headers: { 'content-type': type } });
    const broken = await login('{"username": "a",', 'application/json');
    expect(broken.statusCode).toBe(400);
    expect(expectShape(broken.body).code).toBe('MALFORMED_REQUEST');
    const empty = await login('', 'application/json');
    expect(empty.statusCode).toBe(400);
    expectShape(empty.body);
    const unknown = await login('<a/>', 'application/xml');
    expect(unknown.statusCode).toBe(415);
    expect(expectShape(unknown.body).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('the string rule: no NUL, no lone surrogate, anywhere (400 naming the field)', () => {
  it('refuses a NUL in the anonymous login', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin\u0000', password: 'x' } });
    expect(res.statusCode).toBe(400);
    const error = expectShape(res.body);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields).toEqual([expect.objectContaining({ field: 'username', code: 'forbidden_character' })]);
  });

  it('refuses a NUL in a search term of the query string', async () => {
    for (const url of ['/api/agencies?q=a%00b', '/api/people?q=%00', '/api/audit?action=%00']) {
      const res = await s.adminA.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(expectShape(res.body).fields?.[0]).toMatchObject({ code: 'forbidden_character' });
    }
  });

  it('refuses a NUL in a path parameter and in the public portal’s pages', async () => {
    const param = await ctx.app.inject({ method: 'GET', url: '/api/public/officers/5323%0001' });
    expect(param.statusCode).toBe(400);
    expect(expectShape(param.body).fields).toEqual([expect.objectContaining({ field: 'certificateNumber', code: 'forbidden_character' })]);
  });

  it('refuses a lone surrogate in a case title (sent as raw JSON text), before the record is hashed', async () => {
    const body = `{"procedure":"inspection","powerItemId":"${world.items.inspection.id}","title":"检查\\ud800","source":"plan","sourceDetail":{"content":"计划"}}`;
    const res = await s.li.request('POST', '/api/cases', body, { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(400);
    expect(expectShape(res.body).fields).toEqual([expect.objectContaining({ field: 'title', code: 'forbidden_character' })]);
  });

  it('refuses a bad character in an object key and in free-form step data, naming the path', async () => {
    const c = await insertCase(ctx, world.agencyA.id);
    const body = `{"step":"collect_materials","data":{"note":{"x\\udc00":"a"},"other":"b\\u0000"}}`;
    const res = await s.li.request('POST', `/api/cases/${c.id}/steps`, body, { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(400);
    const fields = expectShape(res.body).fields!.map((f) => `${f.field}:${f.code}`);
    expect(fields).toEqual(expect.arrayContaining(['data.note.x\ufffd:forbidden_character', 'data.other:forbidden_character']));
  });

  it('refuses JSON nested deeper than any request needs (400 nesting_too_deep, not a stack overflow)', async () => {
    const c = await insertCase(ctx, world.agencyA.id);
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const res = await s.li.request('POST', `/api/cases/${c.id}/steps`, `{"step":"collect_materials","data":${deep}}`, { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(400);
    expect(expectShape(res.body).fields?.[0]?.code).toBe('nesting_too_deep');
  });

  it('accepts well-formed text beyond the BMP (a surrogate pair) and refuses the halves alone', () => {
    expect(safeString().safeParse('𠀀 (U+20000)').success).toBe(true);
    expect(safeString().safeParse('\ud840').success).toBe(false);
    expect(safeString().safeParse('\udc00x').success).toBe(false);
    expect(safeString().safeParse('a\u0000').success).toBe(false);
  });

  it('makes the canonical hashing of the case record refuse a lone surrogate with a 400 (defence in depth)', () => {
    const event = { caseId: world.agencyA.id, seq: 1, at: '2026-11-22T02:00:00.000Z', actorUserId: null, actorLabel: 'public', type: 'case.opened', payload: { title: 'a\ud800' }, prevHash: GENESIS_HASH };
    let thrown: unknown;
    try {
      eventHash(event);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).status).toBe(400);
    expect((thrown as AppError).fields).toEqual([expect.objectContaining({ field: 'payload.title', code: 'forbidden_character' })]);
  });
});

describe('multipart that cannot be parsed', () => {
  const photoUrl = () => `/api/people/${world.people.li.id}/photo`;

  it('answers multipart/form-data without a boundary with 400 MALFORMED_REQUEST (photo and import)', async () => {
    for (const url of [photoUrl(), `/api/exchange/officers?agencyId=${world.agencyA.id}`]) {
      const res = await s.adminA.request(url === photoUrl() ? 'PUT' : 'POST', url, 'whatever', { 'content-type': 'multipart/form-data' });
      expect(res.statusCode, url).toBe(400);
      expect(expectShape(res.body).code).toBe('MALFORMED_REQUEST');
    }
  });

  it('answers a truncated multipart body with 400 MALFORMED_REQUEST', async () => {
    const { payload, headers } = await multipartBody('photo', Buffer.alloc(4000, 1), 'p.png', 'image/png');
    const truncated = payload.subarray(0, payload.length - 200);
    const res = await s.adminA.request('PUT', photoUrl(), truncated, headers);
    expect(res.statusCode).toBe(400);
    expect(expectShape(res.body).code).toBe('MALFORMED_REQUEST');
  });

  it('refuses a file name with a NUL (400 naming the field)', async () => {
    const { payload, headers } = await multipartBody('file', Buffer.from('PK'), 'a\u0000.xlsx', 'application/octet-stream');
    const res = await s.adminA.request('POST', `/api/exchange/officers?agencyId=${world.agencyA.id}`, payload, headers);
    expect(res.statusCode).toBe(400);
    expect(expectShape(res.body).fields).toEqual([expect.objectContaining({ field: 'file', code: 'forbidden_character' })]);
  });
});

describe('text that cannot be stored, in a spreadsheet import', () => {
  it('refuses a NUL or a lone surrogate in a cell (OOXML writes them as _x0000_ / _xD800_) with 422 naming the cell', async () => {
    // exceljs writes the text as is and reads the escapes back as the characters they stand for.
    for (const name of ['张_x0000_三', '张_xD800_三']) {
      const cells: Record<string, string> = { name, idNumber: fakeIdNumber('532301', '1985-06-15', 'male'), isLegalReviewer: '否', categories: '行政检查' };
      const file = await buildXlsx(
        OFFICER_SHEET.columns.map((c) => c.header),
        [OFFICER_SHEET.columns.map((c) => cells[c.key] ?? null)],
        { keys: OFFICER_SHEET.columns.map((c) => c.key), sheetName: '执法人员' },
      );
      const { payload, headers } = xlsxBody(file);
      const res = await s.adminA.request('POST', `/api/exchange/officers?agencyId=${world.agencyA.id}`, payload, headers);
      expect(res.statusCode, res.body).toBe(422);
      const error = expectShape(res.body) as ErrorBody['error'] & { details?: { rows?: { field: string; code: string }[] } };
      expect(error.code).toBe('IMPORT_REJECTED');
      expect(error.details?.rows).toContainEqual(expect.objectContaining({ field: 'name', code: 'forbidden_character' }));
    }
  });
});

describe('tus refusals at /api/uploads', () => {
  it('answers a PATCH at the wrong offset with 409 CONFLICT in the error shape', async () => {
    const c = await insertCase(ctx, world.agencyA.id);
    const tus = tusClient(base, s.li);
    const created = await tus.create({ caseId: c.id, step: 'collect_materials', kind: 'photo', title: '现场照片', capturedAt: '2026-11-21T09:30:00+08:00', confidentiality: 'none' }, 10);
    expect(created.status, await created.clone().text()).toBe(201);
    const res = await tus.patch(created.headers.get('location')!, 5, Buffer.alloc(5));
    expect(res.status).toBe(409);
    expect(expectShape(await res.text()).code).toBe('CONFLICT');
  });

  it('answers a PATCH without Tus-Resumable and with a wrong content type in the error shape', async () => {
    const c = await insertCase(ctx, world.agencyA.id);
    const tus = tusClient(base, s.li);
    const created = await tus.create({ caseId: c.id, step: 'collect_materials', kind: 'photo', title: '现场照片', capturedAt: '2026-11-21T09:30:00+08:00', confidentiality: 'none' }, 10);
    const url = new URL(created.headers.get('location')!, base);
    const auth = { cookie: s.li.cookie, 'x-csrf-token': s.li.csrfToken };
    const noVersion = await fetch(url, { method: 'PATCH', headers: { ...auth, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' }, body: new Uint8Array(10) });
    expect(noVersion.status).toBeGreaterThanOrEqual(400);
    expect(noVersion.status).toBeLessThan(500);
    expectShape(await noVersion.text());
    const wrongType = await fetch(url, { method: 'PATCH', headers: { ...auth, 'tus-resumable': '1.0.0', 'upload-offset': '0', 'content-type': 'text/plain' }, body: 'x' });
    expect(wrongType.status).toBeGreaterThanOrEqual(400);
    expect(wrongType.status).toBeLessThan(500);
    expectShape(await wrongType.text());
  });
});
