import { onCalendar } from '../../calendar/fallback.js';
import type { WorkingDayCalendar } from '../../calendar/working-days.js';
import { chinaDate } from '../../platform/clock.js';
import type { ClockDef, ClockKind, LastDayOff, Procedure } from '../workflows/types.js';
import { stepFact } from './facts.js';
import type { CaseRow } from './load.js';

/**
 * An agency deadline is running, due soon, overdue, met or met late; a party window is open or
 * closed — never overdue or met late, since it is not the agency's to miss (issue 9).
 */
export type ClockStatus = 'running' | 'due_soon' | 'overdue' | 'met' | 'met_late' | 'open' | 'closed';

export interface ClockView extends Record<string, unknown> {
  id: string;
  zh: string;
  en: string;
  kind: ClockKind;
  basis: string;
  startedOn: string;
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
  unit: ClockDef['unit'],
  lastDayOff: LastDayOff = 'next_working_day',
): { date: string; provisional: boolean } {
  if (unit === 'calendar_days' && lastDayOff === 'keep') return { date: calendar.addCalendarDays(from, n), provisional: false };
  const { value, provisional } = onCalendar(calendar, (c) => (unit === 'working_days' ? c.addWorkingDays(from, n) : c.calendarDaysDeadline(from, n)));
  return { date: value, provisional };
}

/** Days before a deadline at which a running clock shows as due soon. */
const DUE_SOON_DAYS = 3;

function statusOf(def: ClockDef, deadline: string, metOn: string | null, today: string, calendar: WorkingDayCalendar): ClockStatus {
  if (def.kind === 'party_window') return metOn || today > deadline ? 'closed' : 'open';
  if (metOn) return metOn <= deadline ? 'met' : 'met_late';
  if (today > deadline) return 'overdue';
  return calendar.addCalendarDays(today, DUE_SOON_DAYS) >= deadline ? 'due_soon' : 'running';
}

/** The statutory clocks of a case that have started, with their status on `now`. */
export function caseClocks(procedure: Procedure, c: CaseRow, calendar: WorkingDayCalendar, now: Date): ClockView[] {
  const today = chinaDate(now);
  const views: ClockView[] = [];
  for (const def of procedure.clocks) {
    if (def.onlyIf && stepFact(c, def.onlyIf.step)?.data[def.onlyIf.flag] !== true) continue;
    const startedAt = def.startsAt === 'opened' ? c.openedAt.toISOString() : stepFact(c, def.startsAt)?.firstAt;
    if (!startedAt) continue;
    const startedOn = chinaDate(new Date(startedAt));
    const extended = def.extension && stepFact(c, def.extension.step) ? def.extension.by : 0;
    const lastDayOff = def.unit === 'calendar_days' ? def.lastDayOff : undefined;
    const { date: deadline, provisional } = deadlineAfter(calendar, startedOn, def.amount + extended, def.unit, lastDayOff);
    const stops = def.stopsAt.map((s) => stepFact(c, s)?.firstAt).filter((x): x is string => !!x && x >= startedAt);
    const metOn = stops.length ? chinaDate(new Date(stops.sort()[0])) : null;
    const status = statusOf(def, deadline, metOn, today, calendar);
    views.push({ id: def.id, zh: def.zh, en: def.en, kind: def.kind, basis: def.basis, startedOn, deadline, provisional, status, metOn });
  }
  return views;
}
