import { z } from 'zod';
import { CLOSED, type StepDef } from '../types.js';

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

/**
 * A row of a transitions table. Its states are typed by the table it is written in (the
 * `Procedure<State>` annotation): `NoInfer` keeps a misspelt state from widening the union, so it
 * fails the type check where it is written.
 */
export const step = <S extends string = string>(
  s: Omit<StepDef<NoInfer<S>>, 'documents' | 'av' | 'data'> & Partial<Pick<StepDef, 'documents' | 'av' | 'data'>>,
): StepDef<S> => ({
  documents: [],
  av: false,
  data: nothing,
  ...s,
});

export const closeStep = <S extends string = string>(from: NoInfer<S>[], documents: string[] = ['closing_report']): StepDef<S | typeof CLOSED> =>
  step<S | typeof CLOSED>({ id: 'close', zh: '结案', en: 'Close the case', phase: 'closing', from, to: CLOSED, documents, data: comment });
