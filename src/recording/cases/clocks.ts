import { CalendarYearNotLoadedError, type WorkingDayCalendar } from '../../calendar/working-days.js';
import { chinaDate } from '../../platform/clock.js';
import type { ClockDef, Procedure } from '../workflows/types.js';
import { stepFact } from './facts.js';
import type { CaseRow } from './load.js';

export type ClockStatus = 'running' | 'due_soon' | 'overdue' | 'met' | 'met_late';

export interface ClockView extends Record<string, unknown> {
  id: string;
  zh: string;
  en: string;
  basis: string;
  startedOn: string;
  deadline: string;
  /** The deadline assumes Monday–Friday working days because a year's holiday notice is not loaded. */
  provisional: boolean;
  status: ClockStatus;
  metOn: string | null;
}

/** Working days on a calendar that may lack the later year: Monday–Friday as a fallback, flagged provisional. */
function addWorkingDaysOrGuess(calendar: WorkingDayCalendar, from: string, n: number): { date: string; provisional: boolean } {
  try {
    return { date: calendar.addWorkingDays(from, n), provisional: false };
  } catch (error) {
    if (!(error instanceof CalendarYearNotLoadedError)) throw error;
    const d = new Date(`${from}T00:00:00Z`);
    for (let left = n; left > 0; ) {
      d.setUTCDate(d.getUTCDate() + 1);
      if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) left--;
    }
    return { date: d.toISOString().slice(0, 10), provisional: true };
  }
}

function calendarDaysOrGuess(calendar: WorkingDayCalendar, from: string, n: number): { date: string; provisional: boolean } {
  try {
    return { date: calendar.calendarDaysDeadline(from, n), provisional: false };
  } catch (error) {
    if (!(error instanceof CalendarYearNotLoadedError)) throw error;
    return { date: calendar.addCalendarDays(from, n), provisional: true };
  }
}

/** The deadline `n` units after `from` (the start day not counted). */
export function deadlineAfter(calendar: WorkingDayCalendar, from: string, n: number, unit: ClockDef['unit']) {
  return unit === 'working_days' ? addWorkingDaysOrGuess(calendar, from, n) : calendarDaysOrGuess(calendar, from, n);
}

/** Days before a deadline at which a running clock shows as due soon. */
const DUE_SOON_DAYS = 3;

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
    const { date: deadline, provisional } = deadlineAfter(calendar, startedOn, def.amount + extended, def.unit);
    const stops = def.stopsAt.map((s) => stepFact(c, s)?.firstAt).filter((x): x is string => !!x && x >= startedAt);
    const metOn = stops.length ? chinaDate(new Date(stops.sort()[0])) : null;
    let status: ClockStatus;
    if (metOn) status = metOn <= deadline ? 'met' : 'met_late';
    else if (today > deadline) status = 'overdue';
    else status = calendar.addCalendarDays(today, DUE_SOON_DAYS) >= deadline ? 'due_soon' : 'running';
    views.push({ id: def.id, zh: def.zh, en: def.en, basis: def.basis, startedOn, deadline, provisional, status, metOn });
  }
  return views;
}
