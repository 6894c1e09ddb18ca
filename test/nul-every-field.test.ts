/**
 * Issue 7: "a NUL in every text field of every operation — generated from the OpenAPI document,
 * not listed by hand". For each string in each JSON body, query string and path of the document,
 * a NUL (and a lone surrogate) answers 400 VALIDATION_FAILED naming that field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, PASSWORD, type World } from './factories.js';
import { createTestApp, loginAs, type Session, type TestContext } from './harness.js';
import { bodyText, exampleOf, operationsOf, propertyPaths, withValueAt, type JsonSchema, type Operation } from './openapi-fuzz.js';

let ctx: TestContext;
let world: World;
let operations: Operation[];
let admin: Session;

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.database);
  operations = operationsOf((await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json());
  admin = await loginAs(ctx.app, 'sysadmin', PASSWORD);
});
afterAll(() => ctx.close());

const typesOf = (s: JsonSchema): string[] => (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []);
/** True if the schema (or a branch of it) takes a string. */
const takesString = (s: JsonSchema): boolean => typesOf(s).includes('string') || [...(s.anyOf ?? []), ...(s.oneOf ?? [])].some(takesString);
/** Free-form objects (z.record): a key of our choosing holds the text. */
const isRecord = (s: JsonSchema) => typeof s.additionalProperties === 'object' && !s.properties;

/** Every place of a body that holds text, as a dotted path. */
function textPaths(body: JsonSchema): string[][] {
  const out: string[][] = [];
  for (const { path, schema } of propertyPaths(body)) {
    if (takesString(schema)) out.push(path);
    if (isRecord(schema)) out.push([...path, 'note']);
  }
  return out;
}

const BAD = [
  { name: 'NUL', value: 'a\u0000b', url: 'a%00b' },
  { name: 'lone surrogate', value: 'a\ud800b', url: null }, // a URL decodes as UTF-8, which cannot carry one
];

const urlOf = (op: Operation, param?: { name: string; value: string }) => {
  const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => (param?.name === name ? param.value : name === 'year' ? '2026' : name === 'format' ? 'pdf' : world.agencyA.id));
  return param && op.parameters.some((p) => p.in === 'query' && p.name === param.name) ? `${path}?${param.name}=${param.value}` : path;
};

async function expectRefused(op: Operation, url: string, body: string | undefined, field: string) {
  const withBody = body !== undefined && op.method !== 'GET' && op.method !== 'HEAD';
  const res = await ctx.app.inject({
    method: op.method as 'GET',
    url,
    headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, ...(withBody ? { 'content-type': 'application/json' } : {}) },
    ...(withBody ? { payload: body } : {}),
  });
  const what = `${op.method} ${op.path} ${field}`;
  expect(res.statusCode, `${what}: ${res.body.slice(0, 200)}`).toBe(400);
  if (op.method === 'HEAD') return;
  const error = res.json().error as { code: string; fields: { field: string; code: string }[] };
  expect(error.code, what).toBe('VALIDATION_FAILED');
  expect(error.fields, what).toContainEqual(expect.objectContaining({ field, code: 'forbidden_character' }));
}

describe('a NUL or a lone surrogate in any text field of any operation', () => {
  it('is refused in every text property of every JSON body, naming the field', async () => {
    let count = 0;
    for (const op of operations.filter((o) => o.body)) {
      const base = exampleOf(op.body!, {});
      for (const path of textPaths(op.body!)) {
        for (const bad of BAD) {
          await expectRefused(op, urlOf(op), bodyText(withValueAt(base, path, bad.value, op.body!, {})), path.join('.'));
          count += 1;
        }
      }
    }
    // The document has dozens of bodies with hundreds of text fields; a shrinking count means the walk broke.
    expect(count).toBeGreaterThan(250);
  }, 120_000);

  it('is refused in every path and query parameter, naming it', async () => {
    let count = 0;
    for (const op of operations) {
      for (const p of op.parameters.filter((x) => x.in === 'path' || x.in === 'query')) {
        await expectRefused(op, urlOf(op, { name: p.name, value: BAD[0]!.url! }), op.body ? bodyText(exampleOf(op.body, {})) : undefined, p.name);
        count += 1;
      }
    }
    expect(count).toBeGreaterThan(80);
  }, 120_000);

  it('is refused in an object key', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":"a","password":"b","x\\u0000":1}' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toContainEqual(expect.objectContaining({ field: 'x\ufffd', code: 'forbidden_character' }));
  });
});
