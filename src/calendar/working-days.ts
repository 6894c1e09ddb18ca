/**
 * 工作日 — working-day arithmetic on the official calendar (weekends, statutory holidays and the
 * make-up working days 调休 of each year's State Council notice). Nearly every statutory deadline
 * depends on it: publication within 7 working days (P5), A/V upload within 3 (R7), legal review
 * within 3 or 7 (L10), licensing within 20 (行政许可法 Art. 42).
 *
 * Dates are 'YYYY-MM-DD' strings; arithmetic is on UTC day numbers, so the server's time zone never
 * shifts a date.
 */

export interface CalendarDay {
  date: string;
  /** 'holiday': an official day off; 'workday': a make-up working day on a weekend. */
  kind: 'holiday' | 'workday';
  name: string;
}

/** Asked about a year whose official arrangement is not loaded: refusing beats guessing weekends only. */
export class CalendarYearNotLoadedError extends Error {
  constructor(readonly year: number) {
    super(`The working-day calendar for ${year} is not loaded`);
    this.name = 'CalendarYearNotLoadedError';
  }
}

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number (days since 1970-01-01) of a valid 'YYYY-MM-DD' date. */
export function dayNumber(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`Not a date: ${date}`);
  const n = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
  if (dateOf(n) !== date) throw new RangeError(`Not a date: ${date}`);
  return n;
}

/** The 'YYYY-MM-DD' date of a day number. */
export function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

const yearOf = (day: number) => new Date(day * DAY_MS).getUTCFullYear();

export class WorkingDayCalendar {
  private readonly special = new Map<number, CalendarDay>();
  private readonly loaded: Set<number>;

  constructor(days: readonly CalendarDay[], loadedYears: readonly number[]) {
    this.loaded = new Set(loadedYears);
    for (const d of days) this.special.set(dayNumber(d.date), d);
  }

  isYearLoaded(year: number): boolean {
    return this.loaded.has(year);
  }

  get loadedYears(): number[] {
    return [...this.loaded].sort((a, b) => a - b);
  }

  private checkLoaded(day: number): void {
    const year = yearOf(day);
    if (!this.loaded.has(year)) throw new CalendarYearNotLoadedError(year);
  }

  private isWorking(day: number): boolean {
    this.checkLoaded(day);
    const special = this.special.get(day);
    if (special) return special.kind === 'workday';
    const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday (4)
    return weekday !== 0 && weekday !== 6;
  }

  /** Whether the date is an official working day. */
  isWorkingDay(date: string): boolean {
    return this.isWorking(dayNumber(date));
  }

  /** The special-day entry (holiday name or make-up workday) of a date, if any. */
  specialDay(date: string): CalendarDay | undefined {
    return this.special.get(dayNumber(date));
  }

  /**
   * The Nth working day after `date` — the last day of a period "within N working days of date".
   * The start day itself is not counted (期间开始的日不计算在内); n = 0 returns `date`.
   */
  addWorkingDays(date: string, n: number): string {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
    let day = dayNumber(date);
    this.checkLoaded(day);
    for (let left = n; left > 0; ) {
      day += 1;
      if (this.isWorking(day)) left -= 1;
    }
    return dateOf(day);
  }

  /** Working days in the half-open interval (from, to]; so countWorkingDays(d, addWorkingDays(d, n)) === n. */
  countWorkingDays(from: string, to: string): number {
    const start = dayNumber(from);
    const end = dayNumber(to);
    if (end < start) throw new RangeError(`${to} is before ${from}`);
    this.checkLoaded(start);
    let count = 0;
    for (let day = start + 1; day <= end; day++) if (this.isWorking(day)) count += 1;
    return count;
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string): string {
    return this.addWorkingDays(date, 1);
  }

  /** `date` plus n calendar days (no calendar data needed). */
  addCalendarDays(date: string, n: number): string {
    return dateOf(dayNumber(date) + n);
  }

  /**
   * The last day of a period of n calendar days from `date`; when it falls on a day off it moves to
   * the next working day (期间届满的最后一日是法定节假日的，以节假日后的第一日为期间届满的日期).
   */
  calendarDaysDeadline(date: string, n: number): string {
    const last = this.addCalendarDays(date, n);
    return this.isWorkingDay(last) ? last : this.nextWorkingDay(last);
  }
}
