/**
 * Answers for work that must not stop because next year's State Council notice is not loaded yet
 * (issue 9): a hearing request on a notice served in late December, a seizure running into
 * January. The answer is computed on the official calendar where it is loaded; where it is not, on
 * the days off every year has by law (weekends and the holidays of 《全国年节及纪念日放假办法》,
 * ./statutory-holidays.ts) — and then marked provisional, because the notice may still move days
 * (调休) and add make-up working days. Callers show or record the flag; the dashboard warns that
 * the year is missing.
 */
import { STATUTORY_FIRST_YEAR, STATUTORY_LAST_YEAR, statutoryDaysOff } from './statutory-holidays.js';
import { CalendarYearNotLoadedError, WorkingDayCalendar } from './working-days.js';

/** An answer and whether it rests on the statutory fallback for a year that is not loaded. */
export interface MaybeProvisional<T> {
  value: T;
  provisional: boolean;
}

const fallbacks = new WeakMap<WorkingDayCalendar, WorkingDayCalendar>();

/**
 * `calendar` with every year it lacks from 2025 (the amended 办法 in force) to 2099 (the end of the
 * lunar table) filled with weekends and the statutory holidays. Built once per loaded calendar.
 */
export function statutoryFallbackOf(calendar: WorkingDayCalendar): WorkingDayCalendar {
  let fallback = fallbacks.get(calendar);
  if (!fallback) {
    const missing: number[] = [];
    for (let y = STATUTORY_FIRST_YEAR; y <= STATUTORY_LAST_YEAR; y++) if (!calendar.isYearLoaded(y)) missing.push(y);
    fallback = new WorkingDayCalendar([...calendar.specialDays, ...missing.flatMap(statutoryDaysOff)], [...calendar.loadedYears, ...missing]);
    fallbacks.set(calendar, fallback);
  }
  return fallback;
}

/**
 * `answer` on the official calendar, or — if it needs a year that is not loaded — on the statutory
 * fallback, flagged provisional. A year outside the fallback's range still throws
 * CalendarYearNotLoadedError.
 */
export function onCalendar<T>(calendar: WorkingDayCalendar, answer: (calendar: WorkingDayCalendar) => T): MaybeProvisional<T> {
  try {
    return { value: answer(calendar), provisional: false };
  } catch (error) {
    if (!(error instanceof CalendarYearNotLoadedError)) throw error;
    return { value: answer(statutoryFallbackOf(calendar)), provisional: true };
  }
}
