/**
 * Requests generated from the application's OpenAPI document, for the fuzz tests: a valid-ish
 * request per operation (built from its JSON Schemas) and malformed variants of each declared
 * parameter and body property. Nothing here is listed by hand per operation, so a new route is
 * fuzzed the day it is added.
 */
import fc from 'fast-check';
import { isStorableText } from '../src/platform/http/storable-input.js';

export type JsonSchema = {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
};

export interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: string;
  path: string; // OpenAPI template, e.g. /api/agencies/{id}
  parameters: Parameter[];
  body: JsonSchema | null; // application/json request body
  isPublic: boolean; // security: [] in the document
}

type OpenApiDoc = { paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> }; security?: unknown[] }>> };

/** Every operation of the document. */
export function operationsOf(doc: unknown): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries((doc as OpenApiDoc).paths)) {
    for (const [method, op] of Object.entries(item)) {
      out.push({
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
        isPublic: Array.isArray(op.security) && op.security.length === 0,
      });
    }
  }
  return out;
}

/** A JSON value spliced into the body text as written (JSON.stringify cannot write 1e309). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** Body text: JSON with RawJson values spliced in verbatim. Lone surrogates come out as "\ud800" escapes. */
export function bodyText(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof RawJson) {
      raws.push(v.text);
      return `@@raw${raws.length - 1}@@`;
    }
    return v;
  });
  return text.replace(/"@@raw(\d+)@@"/g, (_m, i: string) => raws[Number(i)]!);
}

const UUID_PATTERN = /uuid/;
const isDateSchema = (s: JsonSchema) => s.format === 'date' || (s.pattern?.includes('02-29') ?? false);
const typesOf = (s: JsonSchema): string[] => (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []);

/** The first branch of a union that is not null: the shape a valid value takes. */
function mainBranch(schema: JsonSchema): JsonSchema {
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return mainBranch(branches.find((b) => !typesOf(b).includes('null') || typesOf(b).length > 1) ?? branches[0]!);
  if (schema.allOf?.length) return mainBranch(schema.allOf[0]!);
  return schema;
}

/** Known-good values the example builder uses for fields of these names. */
export type Hints = Record<string, unknown>;

/** A plausible value of the schema (valid where the schema alone decides). */
export function exampleOf(schema: JsonSchema, hints: Hints, name = ''): unknown {
  if (name in hints) return hints[name];
  const s = mainBranch(schema);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  const type = typesOf(s).find((t) => t !== 'null') ?? (s.properties ? 'object' : 'string');
  switch (type) {
    case 'string':
      if (s.format === 'uuid' || (s.pattern && UUID_PATTERN.test(name))) return '00000000-0000-4000-8000-000000000000';
      if (isDateSchema(s)) return '2026-11-20';
      if (s.format === 'date-time') return '2026-11-20T02:00:00.000Z';
      return 'x'.repeat(Math.max(s.minLength ?? 1, 4));
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => exampleOf(s.items ?? {}, hints));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? []) out[key] = exampleOf(s.properties?.[key] ?? {}, hints, key);
      return out;
    }
    default:
      return null;
  }
}

/** Strings PostgreSQL or RFC 8785 cannot store, and sizes and types nobody expects. */
export const HOSTILE_STRINGS: unknown[] = ['\u0000', 'a\u0000b', '\ud800', 'x\udc00y', 'x'.repeat(100_000), '', ' ', 42, { a: 1 }, ['a'], null, true];

/**
 * Malformed values of a declared type, for a JSON body: always the unstorable strings (NUL, lone
 * surrogates), and a few of the others picked with the seed, so that every value is tried across
 * the document while the request count stays bounded.
 */
export function hostileValues(schema: JsonSchema, seed: number, others = 4): unknown[] {
  const all = allHostileValues(schema, seed);
  const always = all.filter((v) => typeof v === 'string' && !isStorableText(v));
  const rest = all.filter((v) => !always.includes(v));
  return [...always, ...pick(rest, others, seed)];
}

/** n of the values, chosen with the seed. */
function pick<T>(values: T[], n: number, seed: number): T[] {
  const size = Math.min(n, values.length);
  return fc.sample(fc.shuffledSubarray(values, { minLength: size, maxLength: size }), { seed, numRuns: 1 })[0]!;
}

function allHostileValues(schema: JsonSchema, seed: number): unknown[] {
  const s = mainBranch(schema);
  const types = typesOf(s);
  const values: unknown[] = [];
  if (s.enum) values.push('no_such_value', 'x\u0000', String(s.enum[0]).toUpperCase(), 7, null);
  else if (types.includes('string') || (!types.length && !s.properties && !s.items)) {
    values.push(...HOSTILE_STRINGS);
    if (s.format === 'uuid') values.push('not-a-uuid', '00000000-0000-4000-8000-00000000000Z', 'AAAAAAAA-AAAA-4AAA-8AAA-AAAAAAAAAAAA', '00000000-0000-4000-8000-000000000000\u0000');
    if (isDateSchema(s) || s.format === 'date-time') values.push('0000-01-01', '2026-02-30', '-000001-01-01', '99999-12-31', '2026-11-20T25:61:00Z');
    // A few random strings over all of Unicode, control characters and unpaired surrogates included.
    values.push(...fc.sample(fc.string({ unit: 'binary', maxLength: 40 }), { seed, numRuns: 2 }));
  }
  if (types.includes('integer') || types.includes('number'))
    values.push('NaN', 'Infinity', new RawJson('1e309'), new RawJson('-1e309'), -1, 1.5, 2 ** 53 + 1, new RawJson('123456789012345678901234567890'), '12abc', null, {});
  if (types.includes('boolean')) values.push('true', 0, 'yes', null);
  if (types.includes('array') || s.items)
    values.push('x', {}, null, Array.from({ length: 5000 }, () => 'x'), nested(200), [[['\u0000']]]);
  if (types.includes('object') || s.properties)
    values.push('x', [], null, { '\u0000': 1 }, { '\ud800': 'x' }, { ['k'.repeat(10_000)]: 1 }, nestedObject(200));
  return values;
}

export function nested(depth: number): unknown {
  let v: unknown = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}
function nestedObject(depth: number): unknown {
  let v: unknown = {};
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

/** Whole bodies that are not what any operation takes. */
export const HOSTILE_BODIES: string[] = [
  '{"\\ud800": "x"}',
  '{"a\\u0000": 1}',
  '"\\ud800"',
  '[]',
  'null',
  '1e309',
  '{"a": 1,',
  '{"__proto__": {"admin": true}}',
  '{"constructor": {"prototype": {"admin": true}}}',
  `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
  `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`,
];

/**
 * Malformed values of a path or query parameter, as they appear in the URL (already encoded):
 * always an encoded NUL, a path traversal and an over-long value, and a few others picked with the seed.
 */
export function hostileUrlValues(schema: JsonSchema, seed: number, others = 4): string[] {
  const always = ['%00', 'a%00b', '..%2f..%2fetc%2fpasswd', 'x'.repeat(300)];
  return [...always, ...pick(otherUrlValues(schema), others, seed)];
}

function otherUrlValues(schema: JsonSchema): string[] {
  const s = mainBranch(schema);
  const values = ['%ED%A0%80', '%F0%9F', '%', '%zz', '', 'x'.repeat(8000), 'NaN', '1e309', '-1', '99999999999999999999999', '%E2%80%AE', '%20'];
  if (s.format === 'uuid') values.push('AAAAAAAA-AAAA-4AAA-8AAA-AAAAAAAAAAAA', '00000000-0000-4000-8000-000000000000%00', 'not-a-uuid');
  if (s.enum) values.push('no_such_value', encodeURIComponent(String(s.enum[0]).toUpperCase()));
  if (isDateSchema(s) || s.format === 'date') values.push('0000-01-01', '2026-02-30');
  return values;
}

/** Each leaf and inner value of a body, with its path, so that each can be replaced in turn. */
export function propertyPaths(schema: JsonSchema, prefix: string[] = [], depth = 0): { path: string[]; schema: JsonSchema }[] {
  const s = mainBranch(schema);
  const out: { path: string[]; schema: JsonSchema }[] = [];
  if (depth > 4) return out;
  for (const [key, child] of Object.entries(s.properties ?? {})) {
    out.push({ path: [...prefix, key], schema: child });
    const c = mainBranch(child);
    if (c.properties) out.push(...propertyPaths(c, [...prefix, key], depth + 1));
    if (c.items && mainBranch(c.items).properties) out.push(...propertyPaths(c.items, [...prefix, key, '0'], depth + 1));
  }
  return out;
}

/** A copy of the value with the value at path replaced (arrays on the way get one element). */
export function withValueAt(root: unknown, path: string[], value: unknown, schema: JsonSchema, hints: Hints): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const s = mainBranch(schema);
  if (s.items || Array.isArray(root)) {
    const items = Array.isArray(root) && root.length ? [...root] : [exampleOf(s.items ?? {}, hints)];
    items[0] = withValueAt(items[0], rest, value, s.items ?? {}, hints);
    return items;
  }
  const obj = root && typeof root === 'object' ? { ...(root as Record<string, unknown>) } : {};
  const child = s.properties?.[head!] ?? {};
  obj[head!] = withValueAt(obj[head!] ?? exampleOf(child, hints, head!), rest, value, child, hints);
  return obj;
}

/** The error shape every 4xx and 5xx has: {error: {code, message, messageEn}}. */
export function hasErrorShape(body: string): boolean {
  try {
    const e = (JSON.parse(body) as { error?: Record<string, unknown> }).error;
    return !!e && typeof e.code === 'string' && typeof e.message === 'string' && typeof e.messageEn === 'string';
  } catch {
    return false;
  }
}
