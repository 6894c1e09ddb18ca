import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/harness.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type JsonSchema = { properties?: Record<string, JsonSchema>; default?: unknown; anyOf?: JsonSchema[]; items?: JsonSchema };

/** Paths (dotted) inside a schema that carry a default: a PATCH body with one would fill in what the client did not name. */
function defaultsIn(schema: JsonSchema | undefined, at = ''): string[] {
  if (!schema) return [];
  const here = schema.default !== undefined ? [at || '(body)'] : [];
  const nested = Object.entries(schema.properties ?? {}).flatMap(([key, sub]) => defaultsIn(sub, at ? `${at}.${key}` : key));
  const alternatives = (schema.anyOf ?? []).flatMap((sub) => defaultsIn(sub, at));
  return [...here, ...nested, ...alternatives];
}

describe('every PATCH changes only what it names (issue 7)', () => {
  it('no PATCH request body in the OpenAPI document declares a default value', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
    };
    const patches = Object.entries(doc.paths).flatMap(([path, ops]) => (ops.patch ? [[path, ops.patch] as const] : []));
    expect(patches.map(([path]) => path)).toEqual(expect.arrayContaining(['/api/agencies/{id}', '/api/people/{id}', '/api/divisions/{id}', '/api/leading-groups/{id}', '/api/users/{id}', '/api/regions/{code}']));
    const offenders = patches.flatMap(([path, op]) => defaultsIn(op.requestBody?.content?.['application/json']?.schema).map((field) => `${path} ${field}`));
    expect(offenders).toEqual([]);
  });
});
