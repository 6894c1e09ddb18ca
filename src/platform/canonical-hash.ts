import crypto from 'node:crypto';
import canonicalize from 'canonicalize';
import { AppError } from './errors.js';
import { unstorableFields } from './http/storable-input.js';

/**
 * Hashing of chained records (case events, audit events): SHA-256 over RFC 8785 canonical JSON,
 * so anyone can re-derive a hash from the stored row with any conforming implementation.
 */

export const sha256Hex = (data: string | Buffer) => crypto.createHash('sha256').update(data).digest('hex');

/**
 * SHA-256 of `value`'s canonical JSON. The free-form part (`free`, at `path`) is checked first: RFC
 * 8785 cannot hash a lone surrogate and jsonb cannot store a NUL, so such input is the client's
 * fault, a 400 naming the field, even should a use case forget to validate it (defence in depth).
 */
export function canonicalSha256(value: object, free: { value: unknown; path: string }): string {
  const issues = unstorableFields(free.value, [free.path]);
  if (issues.length) throw new AppError('VALIDATION_FAILED', issues);
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value is not serialisable as canonical JSON');
  return sha256Hex(text);
}

/** A JSON object as it will read back from jsonb (undefined dropped, dates as ISO strings), so its hash verifies. */
export const asStored = (value: object): Record<string, unknown> => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
