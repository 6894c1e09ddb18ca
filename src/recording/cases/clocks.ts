import { onCalendar } from '../../calendar/fallback.js';
import type { WorkingDayCalendar } from '../../calendar/working-days.js';
import { chinaDate, chinaDateTime, fromChinaDateTime } from '../../platform/clock.js';
import type { ClockDef, ClockEvent, ClockKind, ClockOverride, LastDayOff, Procedure } from '../workflows/types.js';
import { stepFact, type StepFact } from './facts.js';
import type { CaseRow } from './load.js';

/**
 * An agency deadline is running, due soon, overdue, met or met late; a party window is open or
 * closed — never overdue or met late, since it is not the agency's to miss (issue 9). Either is
 * paused while a period the law leaves out of the count runs (许可法 Art. 45, 强制法 Art. 25(3)).
 */
export type ClockStatus = 'running' | 'due_soon' | 'overdue' | 'met' | 'met_late' | 'open' | 'closed' | 'paused';

export interface ClockView extends Record<string, unknown> {
  id: string;
  zh: string;
  en: string;
  kind: ClockKind;
  basis: string;
  unit: ClockDef['unit'];
  /** The period counted: the statutory one, the one a decision set within it, or the power item's. */
  amount: number;
  /** Units added by an extension granted in time (0 when none, or when granted too late). */
  extendedBy: number;
  /** Units left out of the count by pauses (a pause still running counts up to today). */
  excluded: number;
  startedOn: string;
  /** The last day ('YYYY-MM-DD'), or for an hours clock the last minute ('YYYY-MM-DDTHH:mm', China time). */
  deadline: string;
  /** A year the deadline depends on has no holiday notice loaded: counted on the statutory days off. */
  provisional: boolean;
  status: ClockStatus;
  metOn: string | null;
}

/**
 * The last day of a period of `n` units after `from` (the start day not counted). Working days are
 * counted on the official calendar; a calendar-day period whose nominal last day is a day off ends
 * on the next working day unless the clock keeps it (`lastDayOff`, see ClockDef). Where a year is
 * not loaded the answer is computed on the statutory days off and marked provisional.
 */
export function deadlineAfter(
  calendar: WorkingDayCalendar,
  from: string,
  n: number,
  unit: 'working_days' | 'calendar_days',
  lastDayOff: LastDayOff = 'next_working_day',
): { date: string; provisional: boolean } {
  if (unit === 'calendar_days' && lastDayOff === 'keep') return { date: calendar.addCalendarDays(from, n), provisional: false };
  const { value, provisional } = onCalendar(calendar, (c) => (unit === 'working_days' ? c.addWorkingDays(from, n) : c.calendarDaysDeadline(from, n)));
  return { date: value, provisional };
}

/** Days before a deadline at which a running clock shows as due soon. */
const DUE_SOON_DAYS = 3;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_MINUTE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * When a clock event happened, as a China-time 'YYYY-MM-DDTHH:mm' (a recorded date alone is taken
 * at 00:00), or null when it has not happened.
 */
function eventTime(c: CaseRow, e: ClockEvent): string | null {
  if (e === 'opened') return chinaDateTime(c.openedAt);
  if (e === 'received') {
    const on = (c.sourceDetail as Record<string, unknown> | null)?.receivedOn;
    return typeof on === 'string' && ISO_DAY.test(on) ? `${on}T00:00` : chinaDateTime(c.openedAt);
  }
  if (typeof e === 'string') {
    const at = stepFact(c, e)?.firstAt;
    return at ? chinaDateTime(new Date(at)) : null;
  }
  const value = stepFact(c, e.step)?.data[e.date];
  if (typeof value !== 'string') return null;
  if (ISO_MINUTE.test(value)) return value.slice(0, 16);
  return ISO_DAY.test(value) ? `${value}T00:00` : null;
}

/** The periods a clock's pauses leave out, as [first day, last day] (last = null while running). */
function pausesOf(c: CaseRow, def: ClockDef): { from: string; to: string | null }[] {
  if (!def.pauses) return [];
  const dates = (fact: StepFact | undefined, field: string) =>
    (fact?.rounds ?? (fact ? [{ at: fact.firstAt, data: fact.data }] : [])).map((r) => r.data[field]).filter((v): v is string => typeof v === 'string' && ISO_DAY.test(v));
  const starts = dates(stepFact(c, def.pauses.start.step), def.pauses.start.date);
  const ends = dates(stepFact(c, def.pauses.end.step), def.pauses.end.date);
  return starts.map((from, i) => ({ from, to: ends[i] && ends[i] >= from ? ends[i] : null }));
}

/** The units of `unit` in the days `from`…`to`, both counted (a pause excludes every day it covers). */
function unitsIn(calendar: WorkingDayCalendar, from: string, to: string, unit: 'working_days' | 'calendar_days'): { value: number; provisional: boolean } {
  const dayBefore = calendar.addCalendarDays(from, -1);
  if (unit === 'calendar_days') return { value: Math.round((Date.parse(to) - Date.parse(dayBefore)) / 86_400_000), provisional: false };
  return onCalendar(calendar, (k) => k.countWorkingDays(dayBefore, to));
}

/** Whether an `onlyIf` flag holds: true, or an amount above zero (a fine the decision imposed). */
const applies = (v: unknown): boolean => v === true || (typeof v === 'number' && v > 0);

/** A whole number of units recorded in a step's data, or null. */
function wholeUnits(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
}

interface Counted {
  deadline: string;
  provisional: boolean;
  amount: number;
  extendedBy: number;
  excluded: number;
  paused: boolean;
}

/**
 * A day-counted clock's deadline from `startedOn`: the period (as set by a decision or a power
 * item), plus each pause that began by the running deadline, plus an extension granted by then.
 */
function countDays(
  calendar: WorkingDayCalendar,
  c: CaseRow,
  def: ClockDef & { unit: 'working_days' | 'calendar_days' },
  amount: number,
  startedOn: string,
  today: string,
  extensionMax?: number,
): Counted {
  const lastDayOff = def.unit === 'calendar_days' ? def.lastDayOff : undefined;
  let provisional = false;
  const at = (n: number) => {
    const d = deadlineAfter(calendar, startedOn, n, def.unit, lastDayOff);
    provisional ||= d.provisional;
    return d.date;
  };
  let excluded = 0;
  let paused = false;
  let deadline = at(amount);
  for (const pause of pausesOf(c, def)) {
    if (pause.from <= startedOn || pause.from > deadline) continue;
    const to = pause.to ?? today;
    if (!pause.to) paused = true;
    const units = unitsIn(calendar, pause.from, to < pause.from ? pause.from : to, def.unit);
    provisional ||= units.provisional;
    excluded += units.value;
    deadline = at(amount + excluded);
  }
  let extendedBy = 0;
  const ext = def.extension && stepFact(c, def.extension.step);
  if (def.extension && ext && chinaDate(new Date(ext.firstAt)) <= deadline) {
    const max = extensionMax ?? def.extension.max;
    const asked = def.extension.field ? wholeUnits(ext.data[def.extension.field]) : max;
    extendedBy = Math.min(asked ?? 0, max);
    deadline = at(amount + excluded + extendedBy);
  }
  return { deadline, provisional, amount, extendedBy, excluded, paused };
}

function statusOf(def: ClockDef, deadline: string, metOn: string | null, now: string, paused: boolean, calendar: WorkingDayCalendar): ClockStatus {
  const late = (on: string) => on.slice(0, deadline.length) > deadline;
  if (def.kind === 'party_window') return metOn || late(now) ? 'closed' : paused ? 'paused' : 'open';
  if (metOn) return late(metOn) ? 'met_late' : 'met';
  if (paused) return 'paused';
  if (late(now)) return 'overdue';
  if (def.unit === 'hours') return fromChinaDateTime(deadline).getTime() - fromChinaDateTime(now).getTime() <= 6 * 3600_000 ? 'due_soon' : 'running';
  return calendar.addCalendarDays(now.slice(0, 10), DUE_SOON_DAYS) >= deadline ? 'due_soon' : 'running';
}

/**
 * The statutory clocks of a case that have started, with their status on `now`. `overrides` are
 * the periods the case's power item sets where the law lets other rules set them (ClockOverride).
 */
export function caseClocks(
  procedure: Procedure,
  c: CaseRow,
  calendar: WorkingDayCalendar,
  now: Date,
  overrides: ReadonlyMap<string, ClockOverride> = new Map(),
): ClockView[] {
  const nowLocal = chinaDateTime(now);
  const views: ClockView[] = [];
  for (const declared of procedure.clocks) {
    if (declared.onlyIf && !applies(stepFact(c, declared.onlyIf.step)?.data[declared.onlyIf.flag])) continue;
    if (declared.unless && applies(stepFact(c, declared.unless.step)?.data[declared.unless.flag])) continue;
    const override = overrides.get(declared.id);
    const def: ClockDef = override && declared.unit !== 'hours'
      ? { ...declared, basis: override.basis, ...(override.unit === 'calendar_days' ? { unit: 'calendar_days', lastDayOff: declared.unit === 'calendar_days' ? declared.lastDayOff : 'next_working_day' } : { unit: 'working_days' }) }
      : declared;
    const missed = def.deemedStart && views.find((v) => v.id === def.deemedStart!.whenMissed);
    const deemed = missed && (missed.status === 'overdue' || missed.status === 'met_late');
    const startedAt = eventTime(c, deemed ? def.deemedStart!.from : def.startsAt);
    if (!startedAt) continue;
    const set = def.setBy ? wholeUnits(stepFact(c, def.setBy.step)?.data[def.setBy.field]) : null;
    const amount = override?.amount ?? (set !== null ? Math.min(set, def.amount) : def.amount);
    const stops = def.stopsAt.map((s) => eventTime(c, s)).filter((t): t is string => t !== null && t.slice(0, 10) >= startedAt.slice(0, 10)).sort();
    let counted: Counted;
    let startedOn: string;
    let metOn: string | null;
    if (def.unit === 'hours') {
      startedOn = startedAt;
      const deadline = chinaDateTime(new Date(fromChinaDateTime(startedAt).getTime() + amount * 3600_000));
      counted = { deadline, provisional: false, amount, extendedBy: 0, excluded: 0, paused: false };
      metOn = stops.find((t) => t >= startedAt) ?? null;
    } else {
      startedOn = startedAt.slice(0, 10);
      counted = countDays(calendar, c, def, amount, startedOn, nowLocal.slice(0, 10), override?.extensionMax);
      const endsOn = def.endsOn ? stepFact(c, def.endsOn.step)?.data[def.endsOn.date] : undefined;
      if (typeof endsOn === 'string' && ISO_DAY.test(endsOn)) {
        // The date set follows the clock's rule for a last day off, as the period it replaces did.
        const moved = def.unit === 'calendar_days' && def.lastDayOff === 'next_working_day'
          ? onCalendar(calendar, (k) => (k.isWorkingDay(endsOn) ? endsOn : k.nextWorkingDay(endsOn)))
          : { value: endsOn, provisional: false };
        counted = { ...counted, deadline: moved.value, provisional: moved.provisional, extendedBy: 0 };
      }
      metOn = stops.length ? stops[0]!.slice(0, 10) : null;
    }
    const status = statusOf(def, counted.deadline, metOn, def.unit === 'hours' ? nowLocal : nowLocal.slice(0, 10), counted.paused && !metOn, calendar);
    views.push({
      id: def.id, zh: def.zh, en: def.en, kind: def.kind, basis: def.basis, unit: def.unit,
      amount: counted.amount, extendedBy: counted.extendedBy, excluded: counted.excluded,
      startedOn, deadline: counted.deadline, provisional: counted.provisional, status, metOn,
    });
  }
  return views;
}
