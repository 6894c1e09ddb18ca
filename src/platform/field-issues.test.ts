/** The one mapping from a schema's complaint to a field issue (platform/errors.ts `fieldIssueOf`). */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldIssueOf } from './errors.js';

const schema = z
  .object({
    name: z.string().min(2),
    kind: z.enum(['a', 'b']),
    nested: z.object({ code: z.string().refine((v) => v.startsWith('9'), { params: { code: 'credit_code_check' } }) }).optional(),
    note: z.string().refine((v) => !v.includes('x'), { message: '不得含 x / must not contain x' }).optional(),
  })
  .strict();

const issuesOf = (input: unknown, prefix?: string) => schema.safeParse(input).error!.issues.map((i) => fieldIssueOf(i, input, prefix));

describe('fieldIssueOf', () => {
  it('names an absent field as required, a wrong one by its zod code, under the prefix', () => {
    expect(issuesOf({ kind: 'c' }, 'fields')).toEqual([
      expect.objectContaining({ field: 'fields.name', code: 'required' }),
      expect.objectContaining({ field: 'fields.kind', code: 'invalid_value' }),
    ]);
    expect(issuesOf({ name: 'x', kind: 'a' })).toEqual([expect.objectContaining({ field: 'name', code: 'too_small', message: expect.any(String), messageEn: expect.any(String) })]);
  });

  it('keeps the catalogue code a refinement names, and a refinement’s own bilingual message', () => {
    expect(issuesOf({ name: 'xy', kind: 'a', nested: { code: '11' } })).toEqual([expect.objectContaining({ field: 'nested.code', code: 'credit_code_check' })]);
    expect(issuesOf({ name: 'xy', kind: 'a', note: 'xx' })).toEqual([{ field: 'note', code: 'custom', message: '不得含 x', messageEn: 'must not contain x' }]);
  });

  it('keeps a code the catalogue does not know, with the generic message', () => {
    expect(issuesOf({ name: 'xy', kind: 'a', extra: 1 })).toEqual([expect.objectContaining({ field: '', code: 'unrecognized_keys' })]);
    expect(fieldIssueOf({ code: 'not_multiple_of', path: ['amount'], message: '' }, { amount: 0.001 })).toMatchObject({ field: 'amount', code: 'not_multiple_of' });
  });
});
