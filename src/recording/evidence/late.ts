import { onCalendar } from '../../calendar/fallback.js';
import type { WorkingDayCalendar } from '../../calendar/working-days.js';
import { chinaDate } from '../../platform/clock.js';

/** A/V records are put into the system within 3 working days (R7). */
export const UPLOAD_WORKING_DAYS = 3;

export interface Lateness {
  late: boolean;
  /** The last China date on which the upload was in time. */
  dueOn: string;
  /**
   * 'calendar' normally; 'statutory_days_off' when the holiday notice of a year involved is not
   * loaded and the weekends and statutory holidays were counted instead (provisional). Records made
   * before issue 9 may say 'weekdays' (Monday–Friday only).
   */
  rule: 'calendar' | 'statutory_days_off';
}

/**
 * Whether an item captured at `capturedAt` and uploaded at `uploadedAt` came in later than 3
 * working days after the capture day (R7), counted on the official calendar in China dates: the
 * capture day is not counted, so an item captured on Wed 2026-09-30 is due by Sat 2026-10-10 (the
 * National Day holiday runs 10-01…10-07 and 10-10 is a make-up working day).
 *
 * A late item is still accepted — refusing it would lose the record — and flagged. When a year
 * involved is not loaded, the statutory days off are counted instead (the result says so), never
 * refusing.
 */
export function lateness(calendar: WorkingDayCalendar, capturedAt: Date, uploadedAt: Date): Lateness {
  const captured = chinaDate(capturedAt);
  const uploaded = chinaDate(uploadedAt);
  const { value: dueOn, provisional } = onCalendar(calendar, (c) => c.addWorkingDays(captured, UPLOAD_WORKING_DAYS));
  return { late: uploaded > dueOn, dueOn, rule: provisional ? 'statutory_days_off' : 'calendar' };
}
