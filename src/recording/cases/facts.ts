import type { CaseRow } from './load.js';

/** What completed steps have established, kept on the case row (a cache of the event chain). */
export interface CaseFacts extends Record<string, unknown> {
  steps?: Record<string, StepFact>;
}

export interface StepFact {
  count: number;
  firstAt: string;
  lastAt: string;
  /** The data of the latest completion. */
  data: Record<string, unknown>;
  /** Every completion, oldest first — only for steps that keep their rounds (StepDef.roundsKept). */
  rounds?: { at: string; data: Record<string, unknown> }[];
}

export const factsOf = (c: Pick<CaseRow, 'facts'>): CaseFacts => c.facts as CaseFacts;

export const stepFact = (c: Pick<CaseRow, 'facts'>, stepId: string): StepFact | undefined => factsOf(c).steps?.[stepId];

/** The facts after completing `stepId` at `at` with `data` (keeping every round when `roundsKept`). */
export function withStep(facts: CaseFacts, stepId: string, at: Date, data: Record<string, unknown>, roundsKept = false): CaseFacts {
  const prev = facts.steps?.[stepId];
  const iso = at.toISOString();
  const fact: StepFact = { count: (prev?.count ?? 0) + 1, firstAt: prev?.firstAt ?? iso, lastAt: iso, data };
  if (roundsKept) fact.rounds = [...(prev?.rounds ?? []), { at: iso, data }];
  return { ...facts, steps: { ...facts.steps, [stepId]: fact } };
}
