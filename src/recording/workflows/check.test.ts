import { describe, expect, it } from 'vitest';
import { DOC_TYPE_IDS } from '../documents/library.js';
import { checkProcedure } from './check.js';
import { PROCEDURES, procedureOf } from './procedures.js';
import type { Procedure } from './types.js';

describe('transitions tables', () => {
  it('are all sound: states reachable, 结案 reachable, documents in the library', () => {
    for (const p of PROCEDURES) expect(checkProcedure(p, DOC_TYPE_IDS), p.id).toEqual([]);
  });

  it('covers every category with the procedures the law names', () => {
    expect(PROCEDURES.map((p) => p.id)).toEqual(['inspection', 'penalty_general', 'penalty_summary', 'licensing', 'coercion', 'levy']);
    expect(new Set(PROCEDURES.map((p) => p.category))).toEqual(new Set(['inspection', 'penalty', 'licensing', 'coercion', 'levy']));
  });

  it('reports a broken table', () => {
    const good = procedureOf('levy');
    const broken: Procedure = {
      ...good,
      states: { ...good.states, limbo: { zh: '悬置', en: 'Limbo' } },
      steps: [
        ...good.steps.filter((s) => s.id !== 'collect'),
        { ...good.steps[0]!, id: 'assess', documents: ['no_such_document'] },
        { ...good.steps[0]!, id: 'vanish', from: ['served'], to: 'nowhere' },
      ],
      clocks: [{ id: 'c', zh: '', en: '', basis: '', startsAt: 'ghost', stopsAt: [], amount: 1, unit: 'working_days' }],
    };
    const problems = checkProcedure(broken, DOC_TYPE_IDS);
    expect(problems).toEqual(
      expect.arrayContaining([
        'levy: step assess is defined twice',
        'levy.assess: document type no_such_document is not in the library',
        'levy.vanish: unknown state nowhere',
        'levy: state limbo is unreachable',
        'levy: state served cannot reach closed',
        'levy: clock c names unknown step ghost',
      ]),
    );
  });
});
