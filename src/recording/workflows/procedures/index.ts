import type { Procedure, StateOf } from '../types.js';
import { inspection } from './inspection.js';
import { penaltyGeneral } from './penalty-general.js';
import { penaltySummary } from './penalty-summary.js';
import { licensing } from './licensing.js';
import { coercion } from './coercion.js';
import { levy } from './levy.js';
import { freezing } from './freezing.js';

/*
 * The transitions tables: one per procedure, data rather than code. ../check.ts verifies them at
 * start-up (states exist, every state reachable and able to reach 结案, documents in the library,
 * every leader approval names the proposal it approves: the proposer never approves, issue 7).
 * Sources: R4 (seed 002, inspection), R5 (seed 003, licensing), 行政处罚法 (2021) Arts. 42–72,
 * 行政许可法 Arts. 32–44, 行政强制法 Arts. 18–33.
 */

const TABLES = [inspection, penaltyGeneral, penaltySummary, licensing, coercion, levy, freezing] as const;

export const PROCEDURES: readonly Procedure[] = TABLES;

/** Any procedure's state: what a case's `step` column holds once ../../cases/load.ts has checked it. */
export type CaseState = StateOf<(typeof TABLES)[number]>;

const byId = new Map(PROCEDURES.map((p) => [p.id, p]));

export const procedureOf = (id: string): Procedure => {
  const p = byId.get(id);
  if (!p) throw new Error(`unknown procedure ${id}`);
  return p;
};

export const isProcedure = (id: string) => byId.has(id);

export const PROCEDURE_IDS = PROCEDURES.map((p) => p.id) as [string, ...string[]];

/** Whether `state` is one of the procedure's states (a case row read from the database is checked with it). */
export const isStateOf = (procedure: Procedure, state: string): state is CaseState => Object.hasOwn(procedure.states, state);
