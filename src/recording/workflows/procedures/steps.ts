import { z } from 'zod';
import type { StepDef } from '../types.js';

/** Field schemas and step builders the transitions tables (./*.ts) share. */

export const text = (max = 2000) => z.string().trim().min(1).max(max);
export const date = () => z.iso.date();
export const nothing = z.object({}).strict();
export const comment = z.object({ comment: z.string().trim().max(2000).optional() }).strict();
export const officers = z
  .array(z.object({ personId: z.uuid(), role: z.enum(['leader', 'member']) }).strict())
  .min(1)
  .max(20);
export const yuan = () => z.number().nonnegative().max(1e12).multipleOf(0.01);

export const step = (s: Omit<StepDef, 'documents' | 'av' | 'data'> & Partial<Pick<StepDef, 'documents' | 'av' | 'data'>>): StepDef => ({
  documents: [],
  av: false,
  data: nothing,
  ...s,
});

export const closeStep = (from: string[], documents: string[] = ['closing_report']) =>
  step({ id: 'close', zh: '结案', en: 'Close the case', phase: 'closing', from, to: 'closed', documents, data: comment });
