import type { AppError } from './errors.js';

/*
 * A small lifecycle as data (STYLE.md: a transitions table, not scattered ifs): its states, the
 * actions that move between them, who may take each, and the error an action refused in the
 * current state throws. The enforcement procedures have richer tables of their own
 * (recording/workflows/); this one serves the small lifecycles beside them — access requests and
 * case files (recording/archive/lifecycles.ts), agency confirmation (organisation/agencies/
 * confirmation.ts). A table is checked when it is defined, so an unsound one stops the start.
 */

/** One row: `action` moves a record from one of `from` to one of `to` (which one, the input decides). */
export interface Transition<S extends string, A extends string, C> {
  action: A;
  from: readonly S[];
  to: readonly S[];
  /**
   * Who may take it, beyond the route's permission (a role, separation of duties), for listing
   * what a user may do next. The use case enforces the same rule with its own named error.
   */
  who?: (context: C) => boolean;
  /** Why the action is listed though another module takes it (e.g. a case closed by its procedure). */
  takenBy?: string;
}

export interface LifecycleDef<S extends string, A extends string, C = never> {
  name: string;
  states: readonly S[];
  initial: S;
  /** States no action leads out of (an action may still be recorded in them, leading back to them). */
  terminal: readonly S[];
  transitions: readonly Transition<S, A, C>[];
  /** The module's error for `action` refused in `state`, carrying the current state. */
  refusal: (action: A, state: S) => AppError;
}

export interface Lifecycle<S extends string, A extends string, C = never> extends LifecycleDef<S, A, C> {
  /** Whether the table allows `action` in `state` (whoever takes it). */
  can(state: S, action: A): boolean;
  /** Whether `context` may take `action` in `state`: the table allows it and its `who` agrees. */
  allows(state: S, action: A, context: C): boolean;
  /** The legal next actions in `state`, in table order; with a context, only those its `who` allows. */
  next(state: S, context?: C): A[];
  /**
   * Throws the table's refusal when `action` is not allowed in `state`. With `to`, also checks the
   * outcome is one the table names (a use case that would move elsewhere is a programming error).
   */
  assertTransition(state: S, action: A, to?: S): void;
}

/**
 * The table's problems (empty when sound): unknown states, an action listed twice from one state,
 * a state unreachable from the initial one, a terminal state with a way out, and a state with no
 * way out that is not declared terminal.
 */
export function checkLifecycle<S extends string, A extends string, C>(def: LifecycleDef<S, A, C>): string[] {
  const problems: string[] = [];
  const states = new Set<string>(def.states);
  const known = (s: string, where: string) => states.has(s) || problems.push(`${def.name}: ${where} names unknown state ${s}`);
  if (states.size !== def.states.length) problems.push(`${def.name}: a state is listed twice`);
  known(def.initial, 'initial');
  for (const s of def.terminal) known(s, 'terminal');
  const seen = new Set<string>();
  for (const t of def.transitions) {
    for (const s of [...t.from, ...t.to]) known(s, t.action);
    if (!t.to.length) problems.push(`${def.name}: ${t.action} leads nowhere`);
    for (const s of t.from) {
      if (seen.has(`${s} ${t.action}`)) problems.push(`${def.name}: ${t.action} is listed twice from ${s}`);
      seen.add(`${s} ${t.action}`);
    }
  }
  const reached = new Set<string>([def.initial]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of def.transitions)
      if (t.from.some((s) => reached.has(s)))
        for (const s of t.to)
          if (!reached.has(s)) {
            reached.add(s);
            grew = true;
          }
  }
  const exits = (s: string) => def.transitions.some((t) => t.from.includes(s as S) && t.to.some((to) => to !== s));
  for (const s of states) {
    if (!reached.has(s)) problems.push(`${def.name}: state ${s} is unreachable`);
    const terminal = def.terminal.includes(s as S);
    if (terminal && exits(s)) problems.push(`${def.name}: terminal state ${s} has a way out`);
    if (!terminal && !exits(s)) problems.push(`${def.name}: state ${s} has no way out and is not declared terminal`);
  }
  return problems;
}

/** Defines a lifecycle table, checked now (at module load, so at start-up): an unsound table throws. */
export function defineLifecycle<S extends string, A extends string, C = never>(def: LifecycleDef<S, A, C>): Lifecycle<S, A, C> {
  const problems = checkLifecycle(def);
  if (problems.length) throw new Error(`lifecycle table ${def.name} is unsound:\n${problems.join('\n')}`);
  const rowOf = (state: S, action: A) => def.transitions.find((t) => t.action === action && t.from.includes(state));
  return {
    ...def,
    can: (state, action) => rowOf(state, action) !== undefined,
    allows(state, action, context) {
      const row = rowOf(state, action);
      return row !== undefined && (row.who?.(context) ?? true);
    },
    next(state, context) {
      return def.transitions.filter((t) => t.from.includes(state) && (context === undefined || (t.who?.(context) ?? true))).map((t) => t.action);
    },
    assertTransition(state, action, to) {
      const row = rowOf(state, action);
      if (!row) throw def.refusal(action, state);
      if (to !== undefined && !row.to.includes(to)) throw new Error(`${def.name}: ${action} from ${state} cannot lead to ${to}`);
    },
  };
}
