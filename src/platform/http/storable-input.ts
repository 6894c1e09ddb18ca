import type { FastifyRequest } from 'fastify';
import { AppError, fieldIssue, type FieldIssue } from '../errors.js';

/**
 * Characters that can be neither stored nor hashed, so no input may carry them:
 * - U+0000: PostgreSQL text cannot hold it, and jsonb refuses the escape \u0000 too
 *   (PostgreSQL manual, 8.3 "Character Types" and 8.14.1 "JSON Input and Output Syntax");
 * - an unpaired UTF-16 surrogate: not a Unicode scalar value, so it has no UTF-8 form, and
 *   RFC 8785 (JSON Canonicalization Scheme, §3.2.2.2, by way of I-JSON, RFC 7493 §2.1) refuses it.
 */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');

/** Deeper JSON than any request of ours needs; deeper input would only exhaust recursive code. */
export const MAX_INPUT_DEPTH = 32;
/** Enough issues to name the problem without echoing a whole hostile document back. */
const MAX_ISSUES = 20;

/** True if PostgreSQL can store the text and RFC 8785 can hash it. */
export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/** A key as it may be named in an error: the unstorable characters replaced by U+FFFD. */
const printable = (key: string) => key.replace(UNSTORABLE_ALL, '\ufffd');

/**
 * Every string (object keys included) of a JSON-like value that cannot be stored, and every
 * place it is nested deeper than maxDepth, as field issues named by dotted path under prefix.
 * Iterative, so that hostile nesting cannot exhaust the stack here.
 */
export function unstorableFields(value: unknown, prefix: string[] = [], maxDepth = MAX_INPUT_DEPTH): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const name = (path: string[]) => path.join('.') || 'body';
  const stack: { value: unknown; path: string[] }[] = [{ value, path: prefix }];
  while (stack.length && issues.length < MAX_ISSUES) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === 'string') {
      if (!isStorableText(v)) issues.push(fieldIssue(name(path), 'forbidden_character'));
    } else if (v !== null && typeof v === 'object') {
      if (path.length - prefix.length >= maxDepth) {
        issues.push(fieldIssue(name(path), 'nesting_too_deep'));
        continue;
      }
      for (const [key, child] of Object.entries(v)) {
        const childPath = [...path, printable(key)];
        if (!isStorableText(key)) issues.push(fieldIssue(name(childPath), 'forbidden_character'));
        stack.push({ value: child, path: childPath });
      }
    }
  }
  return issues.reverse();
}

/** Request headers whose values the application records (the audited client). */
const RECORDED_HEADERS = ['user-agent', 'x-forwarded-for'];

/**
 * Refuses, before schema validation, a request whose path parameters, query string, JSON body
 * or recorded headers carry text that cannot be stored (400 VALIDATION_FAILED naming each field).
 * One check for every route, so that no use case meets a NUL or a lone surrogate.
 */
export async function refuseUnstorableInput(request: FastifyRequest): Promise<void> {
  const issues = [
    ...unstorableFields(request.params),
    ...unstorableFields(request.query),
    ...unstorableFields(request.body),
  ];
  for (const header of RECORDED_HEADERS) {
    const value = request.headers[header];
    if (typeof value === 'string' && !isStorableText(value)) issues.push(fieldIssue(header, 'forbidden_character'));
  }
  if (issues.length) throw new AppError('VALIDATION_FAILED', issues.slice(0, MAX_ISSUES));
}
