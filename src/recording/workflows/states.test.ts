import { describe, expect, it } from 'vitest';
import { asCaseRow, type StoredCase } from '../cases/load.js';
import { levy } from './procedures/levy.js';
import { isStateOf, procedureOf, type CaseState } from './procedures/index.js';
import { closeStep, step } from './procedures/steps.js';
import type { Procedure } from './types.js';

describe('typed procedure states', () => {
  it('rejects a misspelt state at compile time (tsc checks the @ts-expect-error lines)', () => {
    type LevyState = keyof typeof levy.states;
    const table: Procedure<LevyState> = {
      ...levy,
      // @ts-expect-error 'registerd' is not a levy state
      initial: 'registerd',
      steps: [
        // @ts-expect-error 'colected' is not a levy state
        step({ id: 'collect', zh: '', en: '', phase: 'service_execution', from: ['served'], to: 'colected' }),
        // @ts-expect-error 'assesed' is not a levy state
        closeStep(['assesed']),
        step({ id: 'collect', zh: '', en: '', phase: 'service_execution', from: ['served'], to: 'collected' }),
      ],
    };
    const state: CaseState = 'hearing_scheduled';
    // @ts-expect-error no procedure has this state
    const typo: CaseState = 'hearing_sheduled';
    expect([table.steps.length, state, typo]).toEqual([3, 'hearing_scheduled', 'hearing_sheduled']);
  });

  it('narrows a case read from the database once, refusing a state its procedure does not have', () => {
    const stored = { id: 'c1', procedure: 'levy', step: 'collected' } as StoredCase;
    expect(asCaseRow(stored).step).toBe('collected');
    expect(isStateOf(procedureOf('levy'), 'hearing_scheduled')).toBe(false);
    expect(isStateOf(procedureOf('penalty_general'), 'hearing_scheduled')).toBe(true);
    expect(isStateOf(procedureOf('levy'), 'toString')).toBe(false);
    expect(() => asCaseRow({ ...stored, step: 'hearing_scheduled' })).toThrow('case c1: hearing_scheduled is not a state of procedure levy');
  });
});
