/**
 * Fuzz test over every operation of the OpenAPI document (issue 7, "Bad input never answers 500"):
 * malformed values of each declared type for each parameter and body property, sent as a system
 * administrator, as the case officer (recording operations, so bad input reaches the case record)
 * and anonymously. No answer may be a 5xx, and every 4xx must have the error shape.
 * Deterministic: the random strings come from fast-check with a fixed seed.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../src/accounts/authenticate.js';
import { fakeCreditCode, fakeIdNumber, PASSWORD } from './factories.js';
import { createTestApp, loginAs, type Session, type TestContext } from './harness.js';
import {
  bodyText,
  exampleOf,
  hasErrorShape,
  HOSTILE_BODIES,
  hostileUrlValues,
  hostileValues,
  operationsOf,
  propertyPaths,
  withValueAt,
  type Hints,
  type Operation,
} from './openapi-fuzz.js';
import { buildRecordingWorld, partyCompany, type RecordingWorld } from './recording-world.js';

const SEED = 20261122;

let ctx: TestContext;
let world: RecordingWorld;
let operations: Operation[];
/** Real ids by the path segment before a parameter, so that valid ids reach the handlers. */
let pathValues: Record<string, string>;
let hints: Hints;

const randomUuid = () => crypto.randomUUID();

beforeAll(async () => {
  ctx = await createTestApp({ config: { sessionTtlMinutes: 60 * 24 * 365 } });
  world = await buildRecordingWorld(ctx.database);
  operations = operationsOf((await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json());
  const adminA = await loginAs(ctx.app, 'admin_a', PASSWORD);
  const li = await loginAs(ctx.app, 'li_officer', PASSWORD);
  const created = async (session: Session, url: string, body: unknown) => {
    const res = await session.post(url, body);
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: string }).id;
  };
  const agencyId = world.agencyA.id;
  const divisionId = await created(adminA, `/api/agencies/${agencyId}/divisions`, { name: '法规科', isLegalAffairs: false });
  const positionId = await created(adminA, `/api/agencies/${agencyId}/positions`, { title: '局长' });
  const deviceId = await created(adminA, '/api/devices', { agencyId, kind: 'body_camera', serialNumber: 'FUZZ-001', model: 'DSJ-1' });
  const caseId = await created(li, '/api/cases', {
    procedure: 'inspection',
    powerItemId: world.items.inspection.id,
    title: '对楚雄市恒达电器有限公司的监督检查',
    source: 'plan',
    sourceDetail: { content: '年度检查计划' },
    parties: [partyCompany()],
  });
  pathValues = {
    users: world.users.officerA.id,
    agencies: agencyId,
    divisions: divisionId,
    people: world.people.li.id,
    positions: positionId,
    'leading-groups': randomUuid(),
    cases: caseId,
    documents: randomUuid(),
    'access-requests': randomUuid(),
    uploads: crypto.randomBytes(16).toString('hex'),
    evidence: randomUuid(),
    devices: deviceId,
    regions: '532301',
    years: '2026',
    days: '2026-10-01',
    officers: '53230001001',
    format: 'pdf',
  };
  hints = {
    agencyId,
    powerItemId: world.items.inspection.id,
    personId: world.people.li.id,
    positionId,
    divisionId,
    deviceId,
    caseId,
    regionCode: '532301',
    parentCode: '532300',
    creditCode: fakeCreditCode(),
    idNumber: fakeIdNumber(),
    phone: '0878-3100000',
    from: '2026-11-20',
    to: '2026-12-20',
    date: '2026-11-20',
    // Never a real user's name: failed logins must not lock the accounts the fuzz test uses.
    username: 'fuzz_nobody',
    password: 'Fuzz-password-2026',
  };
}, 120_000);
afterAll(() => ctx?.close());

interface FuzzRequest {
  method: string;
  url: string;
  body?: string;
  headers?: Record<string, string>;
  what: string;
}

/** The URL of an operation with real ids in the path, overriding some parameters with raw (encoded) text. */
function urlOf(op: Operation, overrides: Record<string, string> = {}): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string, offset: number) => {
    if (name in overrides) return overrides[name]!;
    const segment = op.path.slice(0, offset).split('/').filter(Boolean).at(-1) ?? '';
    return encodeURIComponent(name === 'format' ? pathValues.format! : (pathValues[segment] ?? randomUuid()));
  });
  const query = op.parameters
    .filter((p) => p.in === 'query' && (p.required || p.name in overrides))
    .map((p) => `${p.name}=${p.name in overrides ? overrides[p.name] : encodeURIComponent(String(exampleOf(p.schema, hints, p.name)))}`);
  return query.length ? `${path}?${query.join('&')}` : path;
}

/** The malformed requests of one operation, generated from its schemas. */
function requestsOf(op: Operation, seed: number): FuzzRequest[] {
  const out: FuzzRequest[] = [];
  const hasBody = op.body !== null;
  const base = hasBody ? exampleOf(op.body!, hints) : undefined;
  const baseText = base === undefined ? undefined : bodyText(base);
  out.push({ method: op.method, url: urlOf(op), body: baseText, what: 'example' });
  for (const p of op.parameters.filter((x) => x.in === 'path' || x.in === 'query')) {
    for (const value of hostileUrlValues(p.schema, seed + p.name.length)) out.push({ method: op.method, url: urlOf(op, { [p.name]: value }), body: baseText, what: `${p.in} ${p.name}=${value.slice(0, 40)}` });
    // A repeated query parameter arrives as an array.
    if (p.in === 'query') out.push({ method: op.method, url: `${urlOf(op)}${urlOf(op).includes('?') ? '&' : '?'}${p.name}=a&${p.name}=b`, body: baseText, what: `query ${p.name} repeated` });
  }
  if (hasBody) {
    for (const { path, schema } of propertyPaths(op.body!)) {
      hostileValues(schema, seed + path.length).forEach((value, i) => {
        out.push({ method: op.method, url: urlOf(op), body: bodyText(withValueAt(base, path, value, op.body!, hints)), what: `body ${path.join('.')} #${i}` });
      });
    }
    for (const body of HOSTILE_BODIES) out.push({ method: op.method, url: urlOf(op), body, what: `body ${body.slice(0, 30)}` });
  }
  if (op.method !== 'GET' && op.method !== 'HEAD') {
    // Other body parsers: multipart without a boundary or truncated, text, a declared encoding nobody undoes.
    for (const [type, body] of [
      ['multipart/form-data', 'x'],
      ['multipart/form-data; boundary=b', '--b\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK'],
      ['text/plain', 'a\u0000b'],
      ['application/json; charset=utf-16', '{}'],
    ]) out.push({ method: op.method, url: urlOf(op), body, headers: { 'content-type': type! }, what: `body as ${type}` });
  }
  return out;
}

interface Failure {
  request: string;
  status: number;
  body: string;
}

/** Sends each request; collects every 5xx and every 4xx without the error shape. */
async function send(requests: FuzzRequest[], headers: Record<string, string>): Promise<{ failures: Failure[]; count: number }> {
  const failures: Failure[] = [];
  for (const r of requests) {
    const withBody = r.body !== undefined && r.method !== 'GET' && r.method !== 'HEAD';
    const res = await ctx.app.inject({
      method: r.method as 'GET',
      url: r.url,
      headers: { ...headers, ...(withBody ? { 'content-type': 'application/json' } : {}), ...r.headers },
      ...(withBody ? { payload: r.body } : {}),
    });
    const shapeless = res.statusCode >= 400 && r.method !== 'HEAD' && !hasErrorShape(res.body);
    if (res.statusCode >= 500 || shapeless) {
      failures.push({ request: `${r.method} ${r.url.slice(0, 120)} [${r.what}]`, status: res.statusCode, body: res.body.slice(0, 200) });
    }
  }
  return { failures, count: requests.length };
}

const sessionHeaders = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrfToken });
const isRecording = (op: Operation) => /^\/api\/(cases|access-requests|evidence|documents|devices)/.test(op.path);
/** Ending the session would end the fuzz run's login: it is fuzzed with a session of its own. */
const isLogout = (op: Operation) => op.path === '/api/auth/logout';

describe('fuzz: malformed input to every operation of the OpenAPI document', () => {
  it('covers the document', () => {
    expect(operations.length).toBeGreaterThan(80);
  });

  it('never answers 5xx and always answers 4xx in the error shape (system administrator)', async () => {
    const sysadmin = await loginAs(ctx.app, 'sysadmin', PASSWORD);
    const failures: Failure[] = [];
    let count = 0;
    for (const [i, op] of operations.entries()) {
      const session = isLogout(op) ? await loginAs(ctx.app, 'sysadmin', PASSWORD) : sysadmin;
      const result = await send(requestsOf(op, SEED + i), sessionHeaders(session));
      failures.push(...result.failures);
      count += result.count;
    }
    console.info(`fuzz (system_admin): ${operations.length} operations, ${count} requests`);
    expect(failures).toEqual([]);
  }, 300_000);

  it('never answers 5xx to the case officer on recording operations (bad input reaches the case record)', async () => {
    const li = await loginAs(ctx.app, 'li_officer', PASSWORD);
    const failures: Failure[] = [];
    let count = 0;
    for (const [i, op] of operations.filter(isRecording).entries()) {
      const result = await send(requestsOf(op, SEED + 1000 + i).filter((r) => r.what.startsWith('body') || r.what === 'example'), sessionHeaders(li));
      failures.push(...result.failures);
      count += result.count;
    }
    console.info(`fuzz (officer): ${count} requests`);
    expect(failures).toEqual([]);
  }, 300_000);

  it('never answers 5xx anonymously, with hostile cookies and tokens too', async () => {
    const failures: Failure[] = [];
    let count = 0;
    const credentials: Record<string, string>[] = [{}, { cookie: `${SESSION_COOKIE}=%00` }, { cookie: `${SESSION_COOKIE}=%ED%A0%80` }, { authorization: `Bearer ${'x'.repeat(8000)}` }, { authorization: 'Bearer %00' }];
    for (const [i, op] of operations.entries()) {
      // Public operations get the whole treatment; the others must refuse before looking at input.
      const requests = op.isPublic ? requestsOf(op, SEED + 2000 + i) : requestsOf(op, SEED + 2000 + i).slice(0, 3);
      for (const headers of credentials) {
        const result = await send(headers === credentials[0] ? requests : requests.slice(0, 1), headers);
        failures.push(...result.failures);
        count += result.count;
      }
    }
    console.info(`fuzz (anonymous): ${count} requests`);
    expect(failures).toEqual([]);
  }, 300_000);
});
