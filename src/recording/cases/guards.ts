import { and, eq, inArray } from 'drizzle-orm';
import { onCalendar } from '../../calendar/fallback.js';
import type { WorkingDayCalendar } from '../../calendar/working-days.js';
import { certificateValidOn } from '../../organisation/people/certificate.js';
import { people } from '../../organisation/tables.js';
import { chinaDate } from '../../platform/clock.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError, invalidField } from '../../platform/errors.js';
import { caseOfficers, caseParties } from '../tables.js';
import { procedureOf } from '../workflows/procedures/index.js';
import type { ClockOverride, GuardName, StepDef } from '../workflows/types.js';
import { caseClocks } from './clocks.js';
import { stepFact } from './facts.js';
import type { CaseRow } from './load.js';

/** Art. 51: on the spot, at most 200 yuan for a citizen, 3000 yuan for a legal person or other organisation. */
export const SUMMARY_FINE_LIMIT = { natural_person: 200, organisation: 3000 } as const;
/** Art. 64(1) with Art. 85 (and 市场监管行政处罚程序规定 Art. 58 for the statement): 5 working days. */
export const DEFENCE_WINDOW_WORKING_DAYS = 5;
/** Art. 64(2) with Art. 85: the hearing notice 7 working days ahead. */
export const HEARING_NOTICE_WORKING_DAYS = 7;
/** 行政许可法第三十二条: the clock whose passing with no notice means the application is accepted. */
const LICENCE_ACCEPTANCE_CLOCK = 'acceptance_5_days';
/** 行政许可法第四十七条 with 第八十二条: a hearing requested within 5 working days of being told. */
export const LICENCE_HEARING_REQUEST_WORKING_DAYS = 5;
/** 行政许可法第四十八条 with 第八十二条: the hearing notified 7 working days ahead. */
export const LICENCE_HEARING_NOTICE_WORKING_DAYS = 7;

/**
 * A date a guard decided on that was counted on the statutory days off, because the holiday notice
 * of a year it depends on is not loaded (issue 9): the step is not stopped, and the date is recorded
 * with the step so anyone reading the record later knows it may move once the notice is entered.
 */
export interface ProvisionalDate {
  guard: GuardName;
  /** What the date is: the last day of a window, or the earliest allowed day. */
  date: string;
}

export interface GuardInput {
  tx: Tx;
  kase: CaseRow;
  step: StepDef;
  data: Record<string, unknown> | null;
  now: Date;
  calendar: WorkingDayCalendar;
  /** Periods the case's power item sets for its clocks (ClockOverride), where it sets any. */
  clockOverrides?: ReadonlyMap<string, ClockOverride>;
  /** Where guards note the dates they decided on provisionally; absent when nobody records them. */
  provisional?: ProvisionalDate[];
}

type Guard = (input: GuardInput) => Promise<AppError | null>;

const notAllowed = (reason: string, extra: Record<string, unknown> = {}) => new AppError('STEP_NOT_ALLOWED', [], { reason, ...extra });

/**
 * The Nth working day after `from` for a guard: on the official calendar, or — where a year is not
 * loaded — on the statutory days off, noted in `input.provisional` and flagged in the answer.
 */
function workingDaysAfter(input: GuardInput, guard: GuardName, from: string, n: number): { date: string; provisional: boolean } {
  const { value: date, provisional } = onCalendar(input.calendar, (c) => c.addWorkingDays(from, n));
  if (provisional) input.provisional?.push({ guard, date });
  return { date, provisional };
}

/** The last day of the 5-working-day window that the prior notice opened (Arts. 44, 45, 64(1), 85). */
const defenceWindowLastDay = (input: GuardInput, guard: GuardName, notifiedAt: string) =>
  workingDaysAfter(input, guard, chinaDate(new Date(notifiedAt)), DEFENCE_WINDOW_WORKING_DAYS);

/** Guards that need the step's data; the next-steps listing evaluates only the others. */
export const DATA_GUARDS: ReadonlySet<GuardName> = new Set([
  'summary_limits', 'hearing_notice_period', 'two_certified_officers',
  'extension_length_allowed', 'licence_hearing_request_in_time', 'licence_hearing_notice_period',
]);

/** The officers named by the step's data, or else the case's officers. */
async function officersOf(input: GuardInput): Promise<{ personId: string; role: string }[]> {
  const named = input.data?.officers as { personId: string; role: string }[] | undefined;
  if (named) return named;
  return input.tx.select({ personId: caseOfficers.personId, role: caseOfficers.role }).from(caseOfficers).where(eq(caseOfficers.caseId, input.kase.id));
}

const GUARDS: Record<GuardName, Guard> = {
  async two_certified_officers(input) {
    const officers = await officersOf(input);
    const ids = [...new Set(officers.map((o) => o.personId))];
    const today = chinaDate(input.now);
    const rows = ids.length
      ? await input.tx
          .select({ id: people.id, status: people.certificateStatus, issued: people.certificateIssuedOn, expires: people.certificateExpiresOn })
          .from(people)
          .where(and(inArray(people.id, ids), eq(people.agencyId, input.kase.agencyId)))
      : [];
    const valid = rows.filter((r) => certificateValidOn({ status: r.status, issuedOn: r.issued, expiresOn: r.expires }, today)).map((r) => r.id);
    const invalid = ids.filter((id) => !valid.includes(id));
    const leaders = officers.filter((o) => o.role === 'leader');
    if (valid.length < 2 || invalid.length || leaders.length !== 1)
      return new AppError('OFFICERS_INSUFFICIENT', [], { validOfficers: valid.length, invalidOfficerIds: invalid, leaders: leaders.length });
    return null;
  },

  async summary_limits(input) {
    const penalty = input.data?.penalty;
    const fine = input.data?.fineAmount as number | undefined;
    if (penalty === 'warning') return fine === undefined ? null : new AppError('SUMMARY_PENALTY_LIMIT', [], { reason: 'warning_has_no_fine' });
    const parties = await input.tx.select({ kind: caseParties.kind }).from(caseParties).where(eq(caseParties.caseId, input.kase.id));
    const limit = parties.some((p) => p.kind === 'natural_person') ? SUMMARY_FINE_LIMIT.natural_person : SUMMARY_FINE_LIMIT.organisation;
    if (fine === undefined || fine <= 0 || fine > limit) return new AppError('SUMMARY_PENALTY_LIMIT', [], { limit, fineAmount: fine ?? null });
    return null;
  },

  async hearing_eligible({ kase }) {
    return stepFact(kase, 'conclude_investigation')?.data.hearingEligible === true ? null : notAllowed('no_hearing_right');
  },

  async hearing_request_in_time(input) {
    const notified = stepFact(input.kase, 'notify_prior');
    if (!notified) return notAllowed('not_notified');
    const last = defenceWindowLastDay(input, 'hearing_request_in_time', notified.firstAt);
    return chinaDate(input.now) <= last.date ? null : notAllowed('hearing_request_too_late', { lastDay: last.date, provisional: last.provisional });
  },

  async defence_window_closed(input) {
    const { kase, data, now } = input;
    if (kase.step !== 'notified') return null; // after a hearing the party has been heard
    if (data?.partyWaivedDefence === true) return null;
    const notified = stepFact(kase, 'notify_prior');
    if (!notified) return notAllowed('not_notified');
    const last = defenceWindowLastDay(input, 'defence_window_closed', notified.firstAt);
    return chinaDate(now) > last.date
      ? null
      : new AppError('TIME_WINDOW_OPEN', [], { window: 'defence_and_hearing_request', lastDay: last.date, provisional: last.provisional });
  },

  async hearing_notice_period(input) {
    const earliest = workingDaysAfter(input, 'hearing_notice_period', chinaDate(input.now), HEARING_NOTICE_WORKING_DAYS);
    const on = input.data?.hearingOn as string | undefined;
    return on && on >= earliest.date ? null : new AppError('HEARING_NOTICE_TOO_SHORT', [], { earliest: earliest.date, provisional: earliest.provisional });
  },

  async hearing_date_reached({ kase, now }) {
    const on = stepFact(kase, 'schedule_hearing')?.data.hearingOn as string | undefined;
    return on && chinaDate(now) >= on ? null : new AppError('TIME_WINDOW_OPEN', [], { window: 'hearing_date', hearingOn: on ?? null });
  },

  async problem_found({ kase }) {
    return stepFact(kase, 'propose_outcome')?.data.result === 'problem_found' ? null : notAllowed('no_problem_found');
  },

  async extension_unused({ kase, step }) {
    return stepFact(kase, step.id) ? notAllowed('already_extended') : null;
  },

  // 行政许可法第四十二条 ("二十日内不能作出决定的，经本行政机关负责人批准，可以延长十日") and 行政强制法第
  // 二十五条 ("情况复杂的，经行政机关负责人批准，可以延长"): an extension is granted while the limit runs;
  // one recorded after the deadline would hide a missed deadline, so it is refused.
  async extension_in_time(input) {
    const { kase, step, calendar, now } = input;
    const procedure = procedureOf(kase.procedure);
    const extended = procedure.clocks.filter((c) => c.extension?.step === step.id).map((c) => c.id);
    const late = caseClocks(procedure, kase, calendar, now, input.clockOverrides).filter((v) => extended.includes(v.id) && (v.status === 'overdue' || v.status === 'met' || v.status === 'met_late'));
    return late.length ? new AppError('EXTENSION_TOO_LATE', [], { clock: late[0]!.id, deadline: late[0]!.deadline }) : null;
  },

  // 行政许可法第三十二条第一款第（四）项 "逾期不告知的，自收到申请材料之日起即为受理": once the 5 working
  // days from receipt pass with no notice, the application is accepted; it can no longer be sent back
  // for materials or refused acceptance (what remains is a decision, Art. 38).
  async acceptance_window_open(input) {
    const { kase, calendar, now } = input;
    const window = caseClocks(procedureOf(kase.procedure), kase, calendar, now, input.clockOverrides).find((v) => v.id === LICENCE_ACCEPTANCE_CLOCK);
    return window?.status === 'overdue' ? new AppError('APPLICATION_DEEMED_ACCEPTED', [], { receivedOn: window.startedOn, lastDay: window.deadline, provisional: window.provisional }) : null;
  },

  // 行政许可法第三十二条第一款第（四）项 "一次告知申请人需要补正的全部内容": one notice, not a second.
  async first_missing_notice({ kase, step }) {
    return stepFact(kase, step.id) ? notAllowed('missing_materials_already_notified') : null;
  },

  // 行政许可法第四十二条: "可以延长十日"; 第二款 (统一、联合、集中办理) "可以延长十五日" where the
  // power item sets that period (ClockOverride.extensionMax).
  async extension_length_allowed(input) {
    const { kase, step, data } = input;
    const clock = procedureOf(kase.procedure).clocks.find((c) => c.extension?.step === step.id && c.extension.field);
    if (!clock?.extension?.field) return null;
    const max = input.clockOverrides?.get(clock.id)?.extensionMax ?? clock.extension.max;
    const days = data?.[clock.extension.field];
    return typeof days === 'number' && days > max ? new AppError('EXTENSION_TOO_LONG', [], { clock: clock.id, max, days }) : null;
  },

  // 行政许可法第四十七条 "在被告知听证权利之日起五日内提出听证申请的" (第八十二条: working days): timely
  // by the request's own date, counted from the day the applicant was told.
  async licence_hearing_request_in_time(input) {
    const notifiedOn = stepFact(input.kase, 'notify_hearing_right')?.data.notifiedOn;
    const requestedOn = input.data?.requestedOn;
    if (typeof notifiedOn !== 'string') return notAllowed('not_notified');
    if (typeof requestedOn !== 'string') return invalidField('requestedOn', 'required');
    if (requestedOn > chinaDate(input.now)) return invalidField('requestedOn', 'in_future');
    if (requestedOn < notifiedOn) return invalidField('requestedOn', 'too_early');
    const last = workingDaysAfter(input, 'licence_hearing_request_in_time', notifiedOn, LICENCE_HEARING_REQUEST_WORKING_DAYS);
    return requestedOn <= last.date ? null : notAllowed('hearing_request_too_late', { lastDay: last.date, provisional: last.provisional });
  },

  // 行政许可法第四十八条第一款第（一）项 "于举行听证的七日前将举行听证的时间、地点通知" (第八十二条:
  // working days): the hearing on or after the 7th working day after the notice.
  async licence_hearing_notice_period(input) {
    const notifiedOn = input.data?.notifiedOn;
    const hearingOn = input.data?.hearingOn;
    if (typeof notifiedOn !== 'string') return invalidField('notifiedOn', 'required');
    if (notifiedOn > chinaDate(input.now)) return invalidField('notifiedOn', 'in_future');
    const earliest = workingDaysAfter(input, 'licence_hearing_notice_period', notifiedOn, LICENCE_HEARING_NOTICE_WORKING_DAYS);
    return typeof hearingOn === 'string' && hearingOn >= earliest.date
      ? null
      : new AppError('LICENCE_HEARING_NOTICE_TOO_SHORT', [], { earliest: earliest.date, provisional: earliest.provisional });
  },
};

/** The first guard of the step that fails, as the error to answer with; null when all pass. */
export async function checkGuards(input: GuardInput, options: { withData: boolean }): Promise<AppError | null> {
  for (const name of input.step.guards ?? []) {
    if (!options.withData && DATA_GUARDS.has(name)) continue;
    const failure = await GUARDS[name](input);
    if (failure) return failure;
  }
  for (const required of input.step.requires ?? [])
    if (!stepFact(input.kase, required)) return notAllowed('requires_step', { step: required });
  return null;
}

/** Whether a named condition holds for the case (conditional documents use guard names). */
export async function conditionHolds(name: GuardName, input: GuardInput): Promise<boolean> {
  return (await GUARDS[name](input)) === null;
}
