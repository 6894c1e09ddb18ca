import { and, eq, inArray } from 'drizzle-orm';
import { onCalendar } from '../../calendar/fallback.js';
import type { WorkingDayCalendar } from '../../calendar/working-days.js';
import { certificateValidOn } from '../../organisation/people/certificate.js';
import { people } from '../../organisation/tables.js';
import { chinaDate } from '../../platform/clock.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError, fieldIssue, invalidField } from '../../platform/errors.js';
import { caseOfficers, caseParties } from '../tables.js';
import { procedureOf } from '../workflows/procedures/index.js';
import { eventStep, type ClockOverride, type GuardName, type StepDef } from '../workflows/types.js';
import { caseClocks } from './clocks.js';
import { stepFact } from './facts.js';
import type { CaseRow } from './load.js';
import { courtApplicationWindow, latePaymentPenalty, LIMITATION_YEARS, limitationLastDay, onWorkingDay, paymentLastDay, type Due, type RemedyPeriod } from './penalty-periods.js';

/** Art. 51: on the spot, at most 200 yuan for a citizen, 3000 yuan for a legal person or other organisation. */
export const SUMMARY_FINE_LIMIT = { natural_person: 200, organisation: 3000 } as const;
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

/** A party window of the case's procedure as the clocks show it (counted from the event the law names), or undefined before it starts. */
const partyWindow = (input: GuardInput, id: string) => {
  const procedure = procedureOf(input.kase.procedure);
  return caseClocks(procedure, input.kase, input.calendar, input.now, input.clockOverrides).find((v) => v.id === id);
};

/** A date recorded with a step that cannot be: in the future, or before the event it follows. */
const badDate = (field: string, reason: string, extra: Record<string, unknown> = {}) =>
  new AppError('EVENT_DATE_INVALID', [fieldIssue(`data.${field}`, 'invalid_value')], { field, reason, ...extra });

/** The step that issues the notice a service step serves (the prior notice, the hearing summons). */
const ISSUED_BY: Readonly<Record<string, string>> = { serve_prior_notice: 'notify_prior', serve_hearing_summons: 'schedule_hearing', serve_reminder: 'remind_to_perform' };
/** 民事诉讼法 (公告送达): "自发出公告之日起，经过三十日，即视为送达". */
export const PUBLIC_NOTICE_DEEMED_DAYS = 30;

/** Guards that need the step's data; the next-steps listing evaluates only the others. */
export const DATA_GUARDS: ReadonlySet<GuardName> = new Set([
  'summary_limits', 'hearing_notice_period', 'two_certified_officers',
  'limitation_period', 'payment_schedule', 'payment_within_law', 'on_spot_collection_allowed',
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

  // 行政处罚法第六十四条（一）"当事人要求听证的，应当在行政机关告知后五日内提出", counted from service
  // (the notice: "自收到本告知书之日起五日内"), judged by the day the party made the request — for a
  // request by post the postmark, as 民事诉讼法 counts periods ("期满前交邮的，不算过期") — so a timely
  // request entered after the window closed is accepted, and a request dated in the future refused.
  async hearing_request_in_time(input) {
    const { kase, data } = input;
    const served = stepFact(kase, 'serve_prior_notice')?.data.servedOn as string | undefined;
    if (!served) return notAllowed('requires_step', { step: 'serve_prior_notice' });
    if (stepFact(kase, 'waive_hearing')) return notAllowed('hearing_waived');
    const window = partyWindow(input, 'hearing_request_5_days');
    if (!window || !data) return null; // the listing: a postal request may still arrive in time
    const today = chinaDate(input.now);
    const requestedOn = data.requestedOn as string;
    const post = data.madeBy === 'by_post';
    const madeOn = post ? (data.postmarkOn as string | undefined) : requestedOn;
    if (!madeOn) return badDate('postmarkOn', 'postmark_missing');
    if (requestedOn > today) return badDate('requestedOn', 'in_future', { latest: today });
    if (post && madeOn > requestedOn) return badDate('postmarkOn', 'after_receipt', { latest: requestedOn });
    if (madeOn < served) return badDate(post ? 'postmarkOn' : 'requestedOn', 'before_service', { earliest: served });
    if (madeOn > window.deadline) return notAllowed('hearing_request_too_late', { lastDay: window.deadline, provisional: window.provisional });
    if (window.provisional) input.provisional?.push({ guard: 'hearing_request_in_time', date: window.deadline });
    return null;
  },

  // 第六十二条 with 第四十四条、第四十五条 and 第六十四条（一）: no decision while a window the law leaves the
  // party is open — every party window that this step stops (statement and defence; the hearing request
  // where Art. 63 gives the right) must be closed: waived by the party's signed statement, used, or lapsed.
  async defence_window_closed(input) {
    const { kase, step } = input;
    if (kase.step !== 'notified') return null; // after a hearing the party has been heard
    const procedure = procedureOf(kase.procedure);
    const stops = new Set(procedure.clocks.filter((c) => c.kind === 'party_window' && c.stopsAt.includes(step.id)).map((c) => c.id));
    const windows = caseClocks(procedure, kase, input.calendar, input.now, input.clockOverrides).filter((v) => stops.has(v.id));
    const open = windows.find((v) => v.status === 'open' || v.status === 'paused');
    if (open) return new AppError('TIME_WINDOW_OPEN', [], { window: open.id, lastDay: open.deadline, provisional: open.provisional });
    // Windows that closed by lapse on a provisionally counted last day: the decision depends on that day.
    for (const date of new Set(windows.filter((v) => v.provisional && v.metOn === null).map((v) => v.deadline)))
      input.provisional?.push({ guard: 'defence_window_closed', date });
    return null; // not served yet: no window has started, and the step's `requires` refuses it
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

  // A notice is served once for each issue (a hearing rescheduled issues a new summons, served again),
  // on a day between its issue and today; 公告送达 counts as service 30 days after publication.
  async notice_service_date(input) {
    const { kase, step, data } = input;
    const issued = stepFact(kase, ISSUED_BY[step.id] ?? '');
    if (!issued) return notAllowed('requires_step', { step: ISSUED_BY[step.id] ?? null });
    const earlier = stepFact(kase, step.id);
    if (earlier && earlier.lastAt >= issued.lastAt) return notAllowed('already_served');
    if (!data) return null;
    const today = chinaDate(input.now);
    const issuedOn = chinaDate(new Date(issued.lastAt));
    const servedOn = data.servedOn as string;
    if (servedOn > today) return badDate('servedOn', 'in_future', { latest: today });
    if (servedOn < issuedOn) return badDate('servedOn', 'before_issue', { earliest: issuedOn });
    if (data.method === 'public_notice') {
      const publishedOn = data.publishedOn as string | undefined;
      if (!publishedOn) return badDate('publishedOn', 'publication_missing');
      if (publishedOn < issuedOn) return badDate('publishedOn', 'before_issue', { earliest: issuedOn });
      const deemed = input.calendar.addCalendarDays(publishedOn, PUBLIC_NOTICE_DEEMED_DAYS);
      if (servedOn < deemed) return badDate('servedOn', 'before_deemed_service', { earliest: deemed });
    }
    return null;
  },

  // 第六十二条 "当事人明确放弃": a waiver the party signs after receiving the notice, recorded once.
  async waiver_date(input) {
    const { kase, step, data } = input;
    if (stepFact(kase, step.id)) return notAllowed('already_waived');
    const served = stepFact(kase, 'serve_prior_notice')?.data.servedOn as string | undefined;
    if (!served || !data) return null; // `requires` names the missing service
    const today = chinaDate(input.now);
    const signedOn = data.signedOn as string;
    if (signedOn > today) return badDate('signedOn', 'in_future', { latest: today });
    if (signedOn < served) return badDate('signedOn', 'before_service', { earliest: served });
    return null;
  },

  // 第六十四条（二）"行政机关应当在举行听证的七日前，通知当事人及有关人员听证的时间、地点": counted from
  // the day the latest summons reached the party. Scheduling checks the earliest possible service
  // (today, hearing_notice_period); holding checks the service recorded, so a summons that reached the
  // party late stops the hearing until it is rescheduled and served again.
  async hearing_summons_served(input) {
    const { kase } = input;
    const scheduled = stepFact(kase, 'schedule_hearing');
    const served = stepFact(kase, 'serve_hearing_summons');
    if (!scheduled) return notAllowed('requires_step', { step: 'schedule_hearing' });
    if (!served || served.lastAt < scheduled.lastAt) return notAllowed('summons_not_served');
    const servedOn = served.data.servedOn as string;
    const hearingOn = scheduled.data.hearingOn as string;
    const earliest = workingDaysAfter(input, 'hearing_summons_served', servedOn, HEARING_NOTICE_WORKING_DAYS);
    return hearingOn >= earliest.date ? null : new AppError('HEARING_NOTICE_TOO_SHORT', [], { servedOn, hearingOn, earliest: earliest.date, provisional: earliest.provisional });
  },

  // 行政强制法第二十七条 ("在本法第二十五条规定的期限内作出处理决定") and 第三十二条 ("自冻结存款、汇款之日起
  // 三十日内，行政机关应当作出处理决定"): once the period (with an extension granted in time, less the
  // testing it leaves out) has run, the measure must be lifted (Arts. 28(4), 33(4)), not disposed of.
  async within_measure_period(input) {
    const { kase, step, calendar, now } = input;
    const procedure = procedureOf(kase.procedure);
    const ended = procedure.clocks.filter((c) => c.stopsAt.some((e) => eventStep(e) === step.id)).map((c) => c.id);
    const over = caseClocks(procedure, kase, calendar, now, input.clockOverrides).find((v) => ended.includes(v.id) && v.status === 'overdue');
    return over ? notAllowed('measure_period_expired', { clock: over.id, lastDay: over.deadline, provisional: over.provisional }) : null;
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

  // 行政许可法第四十三条 "依法应当先经下级行政机关审查后报上级行政机关决定的行政许可，下级行政机关应当自其受理
  // 行政许可申请之日起二十日内审查完毕，并将初步审查意见和全部申请材料直接报送上级行政机关": recorded at acceptance
  // (accept.superiorDecides); the day forwarded is the real one, not before acceptance nor in the future.
  async superior_decides(input) {
    const accepted = stepFact(input.kase, 'accept');
    if (accepted?.data.superiorDecides !== true) return notAllowed('superior_does_not_decide');
    const on = input.data?.forwardedOn;
    if (typeof on !== 'string') return null; // listing the next steps: the date is checked when the step is taken
    const today = chinaDate(input.now);
    if (on > today) return badDate('forwardedOn', 'in_future', { latest: today });
    const acceptedOn = chinaDate(new Date(accepted.lastAt));
    return on < acceptedOn ? badDate('forwardedOn', 'before_acceptance', { earliest: acceptedOn }) : null;
  },

  // 第四十三条: the superior decides; this agency reviews and forwards.
  async decided_here({ kase }) {
    return stepFact(kase, 'accept')?.data.superiorDecides === true ? notAllowed('superior_decides') : null;
  },

  ...penaltyGuards(),
};

// — Penalty filing and execution (issue 9): 行政处罚法第三十六条、第六十六条至第七十三条, 行政强制法第五十三条、第五十四条 —

/** A date field of filing or execution data that cannot be (missing where needed, in the future): the caller's bad input. */
const invalidDate = (field: string) => new AppError('VALIDATION_FAILED', [fieldIssue(`data.${field}`, 'invalid_value')]);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const toFen = (yuan: number) => Math.round(yuan * 100);

/** The fine the decision imposed (general or summary procedure), or null. */
function fineOf(kase: CaseRow): number | null {
  const fine = stepFact(kase, 'decide')?.data.fineAmount ?? stepFact(kase, 'decide_on_spot')?.data.fineAmount;
  return typeof fine === 'number' && fine > 0 ? fine : null;
}

/**
 * The last day to pay (行政处罚法第六十七条第三款): 15 days from the service date of the decision (or,
 * on the spot, the day it was handed over, 第五十二条), or the last day of an approved deferral or
 * schedule (第六十六条第二款). Null before the decision is served.
 */
function paymentDue(input: GuardInput, guard: GuardName): { lastDay: string; dues: Due[] } | null {
  const { kase } = input;
  const fine = fineOf(kase);
  if (fine === null) return null;
  const approved = stepFact(kase, 'approve_deferral')?.data as { instalments?: Due[]; payBy?: string } | undefined;
  if (approved?.instalments && approved.payBy) {
    const moved = (d: string) => {
      const r = onWorkingDay(input.calendar, d);
      if (r.provisional) input.provisional?.push({ guard, date: r.date });
      return r.date;
    };
    return { lastDay: moved(approved.payBy), dues: approved.instalments.map((d) => ({ dueOn: moved(d.dueOn), amount: d.amount })) };
  }
  const served = str(stepFact(kase, 'serve')?.data.servedOn) ?? (stepFact(kase, 'decide_on_spot') ? chinaDate(new Date(stepFact(kase, 'decide_on_spot')!.firstAt)) : undefined);
  if (!served) return null;
  const last = paymentLastDay(input.calendar, served);
  if (last.provisional) input.provisional?.push({ guard, date: last.date });
  return { lastDay: last.date, dues: [{ dueOn: last.date, amount: fine }] };
}

/** The review and litigation periods recorded (第七十三条第三款), in order; the last may still run. */
function remediesOf(kase: CaseRow): RemedyPeriod[] {
  const rounds = (id: string) => stepFact(kase, id)?.rounds?.map((r) => r.data) ?? [];
  const ends = rounds('end_remedy').map((d) => str(d.endedOn) ?? null);
  return rounds('record_remedy').map((d, i) => ({ from: str(d.filedOn)!, to: ends[i] ?? null }));
}

type PenaltyGuard = 'limitation_period' | 'fine_imposed' | 'payment_window_open' | 'payment_schedule' | 'remedy_pending' | 'payment_window_closed' | 'court_application_in_time' | 'payment_within_law' | 'on_spot_collection_allowed' | 'collected_on_spot' | 'collected_fine_handed_over';

/** The guards of a penalty's filing and execution (a function, so GUARDS above can spread it). */
function penaltyGuards(): Record<PenaltyGuard, Guard> {
  return {
    // 行政处罚法第三十六条: "违法行为在二年内未被发现的，不再给予行政处罚；涉及公民生命健康安全、金融安全且有危害
    // 后果的，上述期限延长至五年。法律另有规定的除外。" — counted from the day of the offence or, if continuing, the
    // day it ended (penalty-periods.ts). Where another law sets the period, the officer records which.
    async limitation_period({ data, now }) {
      const today = chinaDate(now);
      const offence = str(data?.offenceDate);
      const discovered = str(data?.discoveredOn);
      if (!offence || offence > today) return invalidDate('offenceDate');
      if (!discovered || discovered > today) return invalidDate('discoveredOn');
      if (str(data?.limitationException)) return null;
      const extended = data?.limitationExtended === true;
      const lastDay = limitationLastDay(offence, extended);
      return discovered <= lastDay
        ? null
        : new AppError('LIMITATION_EXPIRED', [], { offenceDate: offence, discoveredOn: discovered, lastDay, years: extended ? LIMITATION_YEARS.extended : LIMITATION_YEARS.ordinary });
    },

    async fine_imposed({ kase }) {
      return fineOf(kase) === null ? notAllowed('no_fine') : null;
    },

    // 第六十六条第二款: the party applies (by the date on the application) while the time to pay runs.
    async payment_window_open(input) {
      const due = paymentDue(input, 'payment_window_open');
      if (!due) return notAllowed('not_served');
      const applied = str(input.data?.appliedOn) ?? chinaDate(input.now);
      if (applied > chinaDate(input.now)) return invalidDate('appliedOn');
      return applied <= due.lastDay ? null : new AppError('PAYMENT_WINDOW_CLOSED', [], { lastDay: due.lastDay });
    },

    async payment_schedule({ kase, data, now }) {
      const fine = fineOf(kase);
      const list = (data?.instalments ?? []) as Due[];
      const served = str(stepFact(kase, 'serve')?.data.servedOn) ?? chinaDate(now);
      const invalid = (reason: string) => new AppError('PAYMENT_SCHEDULE_INVALID', [], { reason, fineAmount: fine });
      if (fine === null) return invalid('no_fine');
      if (list.reduce((sum, d) => sum + toFen(d.amount), 0) !== toFen(fine)) return invalid('amounts_do_not_add_up');
      if (list.some((d, i) => d.amount <= 0 || d.dueOn <= (i ? list[i - 1]!.dueOn : served))) return invalid('dates_not_in_order');
      if (data?.payBy !== list.at(-1)!.dueOn) return invalid('pay_by_not_last_instalment');
      const kind = stepFact(kase, 'apply_deferral')?.data.kind;
      if (kind === 'deferral' && list.length !== 1) return invalid('deferral_is_one_payment');
      return null;
    },

    async remedy_pending({ kase }) {
      return remediesOf(kase).some((r) => r.to === null) ? null : notAllowed('no_remedy_pending');
    },

    // 行政强制法第五十四条 follows 第五十三条 "又不履行行政决定的": the reminder only once the time to pay has passed.
    async payment_window_closed(input) {
      const due = paymentDue(input, 'payment_window_closed');
      if (!due) return null; // no fine: the decision's own period for performance (第六十六条第一款)
      return chinaDate(input.now) > due.lastDay ? null : new AppError('TIME_WINDOW_OPEN', [], { window: 'payment', lastDay: due.lastDay });
    },

    // 行政强制法第五十三条: only where the party neither sought review nor sued, from the end of the
    // period for doing so to three months after; 第五十四条: 10 working days after the reminder's service.
    async court_application_in_time(input) {
      const { kase, calendar, now } = input;
      if (remediesOf(kase).length) return notAllowed('remedy_sought');
      const servedOn = str(stepFact(kase, 'serve')?.data.servedOn);
      if (!servedOn) return notAllowed('not_served');
      const window = courtApplicationWindow(calendar, {
        servedOn,
        deferredUntil: str(stepFact(kase, 'approve_deferral')?.data.payBy) ?? null,
        reminderServedOn: str(stepFact(kase, 'serve_reminder')?.data.servedOn) ?? null,
      });
      if (window.provisional) input.provisional?.push({ guard: 'court_application_in_time', date: window.lastDay });
      const today = chinaDate(now);
      if (today < window.earliest) return new AppError('TIME_WINDOW_OPEN', [], { window: 'court_application', earliest: window.earliest, provisional: window.provisional });
      return today <= window.lastDay ? null : new AppError('COURT_APPLICATION_TOO_LATE', [], { lastDay: window.lastDay, provisional: window.provisional });
    },

    // The date paid is the real one (the bank's); 第七十二条第一款第一项 caps the late-payment penalty.
    async payment_within_law(input) {
      const { data, now } = input;
      const field = data?.how === 'paid' ? 'paidOn' : data?.how === 'collected_on_spot' ? 'collectedOn' : null;
      if (!field) return null;
      const on = str(data?.[field]);
      if (!on || on > chinaDate(now)) return invalidDate(field);
      const due = paymentDue(input, 'payment_within_law');
      const late = typeof data?.latePenalty === 'number' ? data.latePenalty : 0;
      if (!due) return late > 0 ? new AppError('LATE_PENALTY_EXCEEDS_LAW', [], { maximum: 0, days: 0 }) : null;
      const allowed = latePaymentPenalty(due.dues, on, remediesOf(input.kase));
      return toFen(late) <= toFen(allowed.amount) ? null : new AppError('LATE_PENALTY_EXCEEDS_LAW', [], { maximum: allowed.amount, days: allowed.days, lastDay: due.lastDay });
    },

    // 第六十八条: "（一）依法给予一百元以下罚款的；（二）不当场收缴事后难以执行的"; 第六十九条: remote, water or
    // poorly connected areas, on the party's request; 第七十条: the finance department's receipt.
    async on_spot_collection_allowed({ kase, data }) {
      if (data?.how !== 'collected_on_spot') return null;
      const fine = fineOf(kase);
      const refuse = (reason: string) => new AppError('ON_SPOT_COLLECTION_NOT_ALLOWED', [], { reason, fineAmount: fine });
      if (fine === null) return refuse('no_fine');
      const ground = data.collectionGround;
      if (!ground) return refuse('no_ground');
      if (ground === 'fine_up_to_100' && fine > 100) return refuse('fine_above_100');
      if (!str(data.receiptNo)) return refuse('no_receipt');
      return null;
    },

    async collected_on_spot({ kase, data, now }) {
      const executed = stepFact(kase, 'execute')?.data;
      if (executed?.how !== 'collected_on_spot') return notAllowed('not_collected_on_spot');
      if (!data) return null; // listing the next steps: the date is checked when the step is taken
      const on = str(data.handedOverOn);
      return on && on >= String(executed.collectedOn) && on <= chinaDate(now) ? null : invalidDate('handedOverOn');
    },

    // 第七十一条: a fine collected on the spot reaches the agency before the case closes.
    async collected_fine_handed_over({ kase }) {
      return stepFact(kase, 'execute')?.data.how === 'collected_on_spot' && !stepFact(kase, 'hand_over_fine') ? notAllowed('fine_not_handed_over') : null;
    },
  };
}

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
