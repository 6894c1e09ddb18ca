import { describe, expect, it } from 'vitest';
import { DOC_TYPE_IDS } from '../documents/library.js';
import { checkProcedure } from './check.js';
import { PROCEDURES, procedureOf } from './procedures/index.js';
import type { Procedure } from './types.js';

describe('transitions tables', () => {
  it('are all sound: states reachable, 结案 reachable, documents in the library', () => {
    for (const p of PROCEDURES) expect(checkProcedure(p, DOC_TYPE_IDS), p.id).toEqual([]);
  });

  it('covers every category with the procedures the law names', () => {
    expect(PROCEDURES.map((p) => p.id)).toEqual(['inspection', 'penalty_general', 'penalty_summary', 'licensing', 'coercion', 'levy', 'freezing']);
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
      clocks: [{ id: 'c', zh: '', en: '', kind: 'agency_deadline', basis: '', startsAt: 'ghost', stopsAt: [], amount: 1, unit: 'working_days' }],
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

  it('reports a deemed start that names no earlier clock (许可法第三十二条)', () => {
    const licensing = procedureOf('licensing');
    const [acceptance, decision, ...rest] = licensing.clocks;
    expect(checkProcedure({ ...licensing, clocks: [decision!, acceptance!, ...rest] }, DOC_TYPE_IDS)).toEqual([
      'licensing: clock decision_20_days is deemed started when acceptance_5_days is missed, which is not a clock declared before it',
    ]);
  });

  it('make every leader approval name the proposal it approves, or say why it approves none (issue 7)', () => {
    const approvals = PROCEDURES.flatMap((p) => p.steps.filter((s) => s.permission === 'case.approve').map((s) => ({ p: p.id, s })));
    expect(approvals.length).toBeGreaterThan(5);
    for (const { p, s } of approvals) {
      expect((s.approves?.length ?? 0) > 0 !== (s.notAnApproval !== undefined), `${p}.${s.id}`).toBe(true);
      for (const id of s.approves ?? []) expect(procedureOf(p).steps.some((o) => o.id === id && o.permission !== 'case.approve'), `${p}.${s.id} -> ${id}`).toBe(true);
    }
    const named = Object.fromEntries(approvals.filter((a) => a.s.approves).map((a) => [`${a.p}.${a.s.id}`, a.s.approves]));
    expect(named).toEqual({
      'inspection.approve_outcome': ['propose_outcome'],
      'penalty_general.approve_filing': ['propose_filing'],
      'penalty_general.decide': ['conclude_investigation'],
      'licensing.grant': ['conclude_review'],
      'licensing.refuse': ['conclude_review'],
      'coercion.approve_measure': ['propose_measure'],
      'coercion.ratify': ['act_urgently'], // 行政强制法第十九条: the leader ratifies (or releases) what the officers took on the spot
      'coercion.release_immediately': ['act_urgently'],
      'levy.decide': ['assess'],
      'freezing.approve_freeze': ['propose_freeze'],
      'penalty_general.approve_preservation': ['propose_preservation'],
      'penalty_general.approve_deferral': ['apply_deferral'],
    });
  });

  it('reports an approval that names nothing, an unknown or later step, or both an approval and an exemption', () => {
    const good = procedureOf('coercion');
    const edit = (id: string, change: Partial<Procedure['steps'][number]>) => good.steps.map((s) => (s.id === id ? { ...s, ...change } : s));
    const problemsOf = (steps: Procedure['steps']) => checkProcedure({ ...good, steps }, DOC_TYPE_IDS);
    expect(problemsOf(edit('approve_measure', { approves: undefined }))).toEqual([
      'coercion.approve_measure: a case.approve step must name the steps it approves or say why it approves none (notAnApproval), not neither',
    ]);
    expect(problemsOf(edit('approve_measure', { notAnApproval: 'the leader decides alone' }))).toEqual([
      'coercion.approve_measure: a case.approve step must name the steps it approves or say why it approves none (notAnApproval), not both',
    ]);
    expect(problemsOf(edit('approve_measure', { approves: ['propose_seizure'] }))).toEqual(['coercion.approve_measure: approves unknown step propose_seizure']);
    expect(problemsOf(edit('approve_measure', { approves: ['implement'] }))).toEqual(['coercion.approve_measure: approves implement, which cannot come before it']);
    expect(problemsOf(edit('approve_measure', { approves: [] }))).toEqual(['coercion.approve_measure: approves names no step']);
    expect(problemsOf(edit('dispose', { notAnApproval: '' }))).toEqual(['coercion.dispose: notAnApproval needs a reason']);
    expect(problemsOf(edit('implement', { approves: ['propose_measure'] }))).toEqual(['coercion.implement: only a case.approve step approves or is exempt']);
  });
});
