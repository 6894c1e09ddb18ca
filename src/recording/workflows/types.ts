import type { z } from 'zod';
import type { RecordingPermission } from '../policy.js';
import type { EnforcementCategory } from '../../organisation/tables.js';

/** The phases every enforcement act passes through (R1). */
export type Phase = 'initiation' | 'investigation' | 'decision' | 'service_execution' | 'closing';

/** A named check a step must pass besides its state, role and requirements (./guards.ts). */
export type GuardName =
  | 'two_certified_officers' // ≥ 2 officers with certificates valid today, one of them the leader (R4, 行政处罚法 Art. 42)
  | 'summary_limits' // on-the-spot penalty within Art. 51's limits
  | 'hearing_request_in_time' // within 5 working days of the prior notice (Art. 64(1))
  | 'defence_window_closed' // the party waived, or the 5 working days for a hearing request have passed
  | 'hearing_notice_period' // hearing at least 7 working days after today (Art. 64(2))
  | 'hearing_date_reached'
  | 'hearing_eligible' // the investigation report said a hearing right applies (Art. 63)
  | 'problem_found' // the inspection found a problem (to refer for a penalty)
  | 'extension_unused'; // a time limit may be extended once

/** One row of a transitions table: a step that moves a case from one of `from` to `to`. */
export interface StepDef<S extends string = string> {
  id: string;
  zh: string;
  en: string;
  phase: Phase;
  from: readonly S[];
  to: S;
  /** Who may complete it (default case.work). */
  permission?: RecordingPermission;
  /** Documents the step must issue (or a recorded reason why not). */
  documents: readonly string[];
  /** Documents required only when a guard-like condition holds (e.g. 听证告知书 when a hearing right applies). */
  conditionalDocuments?: readonly { docType: string; when: GuardName }[];
  /** Audio/video recording required by default (音像记录事项清单, R3); agencies may override. */
  av: boolean;
  guards?: readonly GuardName[];
  /** Steps that must have been completed before (at least once). */
  requires?: readonly string[];
  /** Step-specific data the officer enters; stored in the event and in case facts. */
  data: z.ZodType<Record<string, unknown>>;
  /** Side effect beyond state and facts. */
  effect?: 'set_officers' | 'refer_penalty';
  /**
   * The earlier step(s) whose proposal this step approves (separation of duties, issue 7: the
   * proposer never approves). Whoever completed the latest round of one of them may not complete
   * this step. Every `case.approve` step names them, or says in `notAnApproval` why it approves
   * nobody's proposal (./check.ts).
   */
  approves?: readonly string[];
  /** Why a `case.approve` step approves no one's proposal (the leader acts on their own authority). */
  notAnApproval?: string;
}

/**
 * Whose time a clock measures (issue 9). An agency deadline is a limit the agency must keep: past it
 * the case is overdue, counted on the dashboard and in to-do lists. A party window is the time the
 * law leaves the party to act (state a defence, ask for a hearing): it is open or closed, never the
 * agency's failure, and the agency may not decide while it is open.
 */
export type ClockKind = 'agency_deadline' | 'party_window';

/**
 * What a calendar-day period does when its nominal last day is a day off (a weekend or a holiday):
 * 'next_working_day' — it ends on the first working day after (期间届满的最后一日是法定休假日的，以
 * 法定休假日后的第一日为期间届满的日期, the civil-procedure rule the courts apply to administrative
 * periods); 'keep' — it ends on the nominal day, for a maximum period of deprivation that a holiday
 * must not lengthen. Working-day periods always end on a working day, so only calendar-day clocks
 * say which rule they follow, beside the clock in the procedure file.
 */
export type LastDayOff = 'next_working_day' | 'keep';

interface ClockBase {
  id: string;
  zh: string;
  en: string;
  kind: ClockKind;
  /** The law and article it comes from. */
  basis: string;
  /** Starts when this step is first completed ('opened' = when the case was opened). */
  startsAt: string;
  /** Met (an agency deadline) or closed early (a party window) when any of these steps is completed. */
  stopsAt: readonly string[];
  amount: number;
  /** A step that extends the limit by `by` units (once). */
  extension?: { step: string; by: number };
  /**
   * The clock applies only where the data of `step` set `flag` to true: the law gives the time
   * limit only then (e.g. the hearing request window only where a hearing right applies).
   */
  onlyIf?: { step: string; flag: string };
}

/** A statutory time limit shown on the case and, for agency deadlines, as due/overdue in to-do lists. */
export type ClockDef = ClockBase & ({ unit: 'working_days' } | { unit: 'calendar_days'; lastDayOff: LastDayOff });

/** A state's name as the case page shows it. */
export interface StateLabel {
  zh: string;
  en: string;
}

/**
 * A procedure: the lifecycle of one category of case. `S` is the literal union of its states
 * (declared `as const` in its file and named in the type annotation), so a misspelt `from`, `to`
 * or `initial` fails the type check; ./check.ts still checks reachability at start-up.
 */
export interface Procedure<S extends string = string> {
  id: string;
  category: EnforcementCategory;
  zh: string;
  en: string;
  /** The state a newly opened case is in. */
  initial: S;
  states: Readonly<Record<S, StateLabel>>;
  steps: readonly StepDef<S>[];
  clocks: readonly ClockDef[];
  /** Whether opening a case needs a party (inspections of a whole market may not). */
  partyRequired: boolean;
}

/** The states of a procedure, as a literal union. */
export type StateOf<P> = P extends Procedure<infer S> ? S : never;

/** Terminal state of every procedure. */
export const CLOSED = 'closed';
