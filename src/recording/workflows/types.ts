import type { z } from 'zod';
import type { RecordingPermission } from '../policy.js';
import type { EnforcementCategory } from '../../organisation/tables.js';

/** The phases every enforcement act passes through (R1). */
export type Phase = 'initiation' | 'investigation' | 'decision' | 'service_execution' | 'closing';

/** A named check a step must pass besides its state, role and requirements (./guards.ts). */
export type GuardName =
  | 'two_certified_officers' // ≥ 2 officers with certificates valid today, one of them the leader (R4, 行政处罚法 Art. 42)
  | 'summary_limits' // on-the-spot penalty within Art. 51's limits
  | 'hearing_request_in_time' // made (postmark for post) within 5 working days of the prior notice's service (Art. 64(1))
  | 'defence_window_closed' // every party window that stops at this step is closed: waived, lapsed or used (Arts. 62, 64(1))
  | 'hearing_notice_period' // hearing at least 7 working days after today, the earliest the summons can be served (Art. 64(2))
  | 'hearing_date_reached'
  | 'hearing_eligible' // the investigation report said a hearing right applies (Art. 63)
  | 'problem_found' // the inspection found a problem (to refer for a penalty)
  | 'extension_unused' // a time limit may be extended once
  | 'extension_in_time' // an extension only before the deadline it extends (许可法 Art. 42, 强制法 Art. 25)
  | 'notice_service_date' // a notice served once, on a day between its issue and today (公告: 30 days after publication)
  | 'waiver_date' // a waiver once, signed between the notice's service and today
  | 'hearing_summons_served' // the latest 听证通知书 served at least 7 working days before the hearing (Art. 64(2))
  | 'within_measure_period' // a disposal decision within the seizure or freezing period (强制法 Arts. 27, 32)
  | 'limitation_period' // discovered within 2 (or 5) years of the offence, or an exception recorded (处罚法 Art. 36)
  | 'fine_imposed' // the decision imposed a fine
  | 'payment_window_open' // a deferral asked for within the time to pay (处罚法 Arts. 66(2), 67)
  | 'payment_schedule' // an approved schedule adds up to the fine, in date order (Art. 66(2))
  | 'remedy_pending' // a review or litigation has been recorded and not yet ended (Art. 73(3))
  | 'payment_window_closed' // the time to pay has passed (强制法 Art. 54's reminder follows non-performance)
  | 'court_application_in_time' // 强制法 Arts. 53, 54: 10 working days after the reminder, within 3 months of the remedy period
  | 'payment_within_law' // the date paid recorded, the late-payment penalty within Art. 72(1)
  | 'on_spot_collection_allowed' // collection on the spot only in Arts. 68–69's cases, with Art. 70's receipt
  | 'collected_on_spot' // the fine was collected on the spot (Art. 71 hand-over)
  | 'collected_fine_handed_over' // a fine collected on the spot was handed to the agency before closing (Art. 71)
  | 'acceptance_window_open' // 许可法 Art. 32(4): not once the 5 working days from receipt passed with no notice (deemed accepted)
  | 'first_missing_notice' // 许可法 Art. 32(4): the notice of missing materials is given once ("一次告知")
  | 'extension_length_allowed' // the length approved within the cap (许可法 Art. 42: 10 days; 42(2): 15, from the power item)
  | 'licence_hearing_request_in_time' // 许可法 Art. 47: requested within 5 working days of being told of the right
  | 'licence_hearing_notice_period' // 许可法 Art. 48(1): notified at least 7 working days before the hearing
  | 'superior_decides' // 许可法 Art. 43: only a licence the lower agency reviews for its superior is forwarded, on a real date
  | 'decided_here'; // 许可法 Art. 43: a licence the superior decides is not reviewed to a decision here

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
  /** Every completion's data is kept in the case facts, not only the latest (a pause recorded more than once). */
  roundsKept?: boolean;
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

/**
 * A moment a clock counts from or stops at (issue 9: count from the event the law names, not from
 * when someone typed it in):
 * - 'opened' — when the case was opened (entered);
 * - 'received' — the day the case source says it was received (sourceDetail.receivedOn: the day
 *   the application materials reached the agency, 许可法 Art. 32), or the opening where none is recorded;
 * - a step id — when that step was first completed (the agency's own act: filing, a decision);
 * - `{ step, date }` — a real-world date the step recorded in its data field `date` (served on,
 *   received on, paid on): the party's receipt of a notice, not the day it was entered. For an
 *   hours clock the field holds a China-time date and time ('YYYY-MM-DDTHH:mm').
 */
export type ClockEvent = string | { step: string; date: string };

/** The step a clock event comes from ('opened' for the case's opening). */
export const eventStep = (e: ClockEvent): string => (typeof e === 'string' ? e : e.step);

interface ClockBase {
  id: string;
  zh: string;
  en: string;
  kind: ClockKind;
  /** The law and article it comes from. */
  basis: string;
  startsAt: ClockEvent;
  /** Met (an agency deadline) or closed early (a party window) at the first of these events. */
  stopsAt: readonly ClockEvent[];
  /** The statutory period; where `setBy` is given, the statutory maximum of the period a decision sets. */
  amount: number;
  /**
   * The period set by a decision within `amount` (行政强制法 Art. 25: the seizure decision states its
   * 期限, at most 30 days): a whole number in the data field `field` of `step`.
   */
  setBy?: { step: string; field: string };
  /**
   * An extension granted by `step` (once): of the length in its data field `field`, at most `max`
   * (or exactly `max` where the step has no field). It counts only when granted on or before the
   * deadline it extends — an extension recorded after the deadline leaves the clock overdue
   * (许可法 Art. 42, 强制法 Art. 25); the step's guard `extension_in_time` refuses it then.
   */
  extension?: { step: string; max: number; field?: string };
  /**
   * Periods the law leaves out of the count (许可法 Art. 45 "所需时间不计算在本节规定的期限内", 强制法
   * Art. 25(3) "检测、检验、检疫或者技术鉴定的期间不计算在查封、扣押期间内"): each completion of
   * `start.step` opens a pause on its date `start.date`, the next completion of `end.step` ends it on
   * `end.date`. Both steps keep every round (`roundsKept`). A pause that has not ended stops the
   * clock (status 'paused').
   */
  pauses?: { start: { step: string; date: string }; end: { step: string; date: string } };
  /**
   * The clock applies only where the data of `step` set `flag` to true (or to an amount above zero:
   * the payment window only where a fine was imposed): the law gives the time limit only then (e.g.
   * the hearing request window only where a hearing right applies).
   */
  onlyIf?: { step: string; flag: string };
  /**
   * The reverse of `onlyIf`: the clock does not apply where the data of `step` set `flag` (许可法
   * Art. 43: where the superior decides, the lower agency's Art. 42 decision clock does not run).
   */
  unless?: { step: string; flag: string };
  /**
   * A last day a decision set as a date, replacing the counted one once recorded (行政处罚法第六十六条
   * 第二款: the deferred date, or the last instalment's, that the agency approved); a day off there
   * follows the clock's `lastDayOff`.
   */
  endsOn?: { step: string; date: string };
  /**
   * Where the law deems the start event to have happened earlier when another limit is missed
   * (许可法 Art. 32(4) "逾期不告知的，自收到申请材料之日起即为受理"): once the clock `whenMissed`
   * (declared before this one) is overdue or was met late, this clock starts from `from` instead
   * of `startsAt` — and has started even if `startsAt` never happens.
   */
  deemedStart?: { whenMissed: string; from: ClockEvent };
}

/** A statutory time limit shown on the case and, for agency deadlines, as due/overdue in to-do lists. */
export type ClockDef = ClockBase &
  (
    | { unit: 'working_days' }
    | { unit: 'calendar_days'; lastDayOff: LastDayOff }
    // 行政强制法 Art. 19: report within 24 hours — counted from the recorded time, to the minute.
    | { unit: 'hours' }
  );

/**
 * A period a power item sets for one clock where the law lets other rules set it (处罚法 Art. 60
 * "法律、法规、规章另有规定的，从其规定", 许可法 Art. 42 "法律、法规另有规定的，依照其规定"): replaces the
 * clock's amount and unit, citing its own basis.
 */
export interface ClockOverride {
  amount: number;
  unit: 'working_days' | 'calendar_days';
  basis: string;
  /** The cap on the clock's extension under the same rule (许可法 Art. 42(2): 45 days, extended by 15). */
  extensionMax?: number;
}

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
