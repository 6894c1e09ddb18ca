/**
 * 工作日 — working-day arithmetic on the official Chinese calendar: Saturdays and Sundays off, plus
 * the statutory holidays (法定节假日) and make-up working days (调休上班) that the State Council
 * General Office announces each year (国务院办公厅关于 YYYY 年部分节假日安排的通知).
 *
 * Requirement context: nearly every statutory deadline the platform tracks is counted on this
 * calendar — publication of enforcement decisions within 7 working days (P5), upload of audio/video
 * records within 3 working days (R7), legal review within 3 or 7 working days (L10), licensing within
 * 20 working days (行政许可法 Art. 42). 行政处罚法 Art. 85: "本法中'二日''三日''五日''七日'的规定是指
 * 工作日，不含法定节假日".
 *
 * Counting rule (行政处罚法, 行政诉讼法, 民事诉讼法 — 期间开始的时和日，不计算在期间内): the start day is
 * never counted, so "within N working days of D" ends on the Nth working day strictly after D.
 *
 * Refusing beats guessing silently: every date whose status an answer depends on must lie in a year
 * whose official arrangement is loaded, otherwise {@link CalendarYearNotLoadedError} is thrown. Work
 * that must not stop for it answers through ./fallback.ts instead: the days off every year has by
 * law (./statutory-holidays.ts), with the answer marked provisional.
 *
 * Dates are 'YYYY-MM-DD' strings. All arithmetic is on integer day numbers (days since 1970-01-01,
 * proleptic Gregorian, computed with integer formulas — no Date objects), so the server's time zone
 * and daylight saving can never shift a date.
 *
 * Pure module: no database, no I/O. The service layer (service.ts) builds a calendar from the
 * calendar_days / calendar_years tables; chinese-days-source.ts supplies the packaged data.
 */

/** One special day of the official calendar. Ordinary weekdays and weekends are implied. */
export interface CalendarDay {
  /** 'YYYY-MM-DD'. */
  date: string;
  /**
   * 'holiday': an official day off (放假) — a weekday off, or a weekend day inside a holiday
   * period; 'workday': a make-up working day (调休上班) on a Saturday or Sunday.
   */
  kind: 'holiday' | 'workday';
  /** The festival in Chinese, e.g. 春节, 国庆节. */
  name: string;
}

/**
 * Thrown when an answer depends on a year whose official holiday arrangement is not loaded.
 * Callers map it to CALENDAR_YEAR_NOT_LOADED (HTTP 422) or a dashboard warning.
 */
export class CalendarYearNotLoadedError extends Error {
  /** Stable error code, the same as the API's. */
  readonly code = 'CALENDAR_YEAR_NOT_LOADED' as const;
  constructor(readonly year: number) {
    super(`The working-day calendar for ${year} is not loaded`);
    this.name = 'CalendarYearNotLoadedError';
  }
}

// ---------------------------------------------------------------------------------------------
// Dates as day numbers

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysInMonth = (y: number, m: number) => (m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);

/** Days since 1970-01-01 of a valid civil date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Civil date of a day number (H. Hinnant's civil_from_days). */
function civilFromDays(n: number): [year: number, month: number, day: number] {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

const MIN_DAY = daysFromCivil(MIN_YEAR, 1, 1);
const MAX_DAY = daysFromCivil(MAX_YEAR, 12, 31);

/**
 * Day number (days since 1970-01-01) of a 'YYYY-MM-DD' date.
 * @throws RangeError if `date` is not a real calendar date in that exact format (e.g. '2026-02-30',
 *   '2026-1-5', '2026-01-05T00:00').
 */
export function dayNumber(date: string): number {
  const m = typeof date === 'string' ? DATE_RE.exec(date) : null;
  if (!m) throw new RangeError(`Not a YYYY-MM-DD date: ${String(date)}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < MIN_YEAR || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) throw new RangeError(`Not a calendar date: ${date}`);
  return daysFromCivil(y, mo, d);
}

/**
 * The 'YYYY-MM-DD' date of a day number.
 * @throws RangeError if `day` is not an integer or falls outside years 0001–9999.
 */
export function dateOf(day: number): string {
  if (!Number.isInteger(day) || day < MIN_DAY || day > MAX_DAY) throw new RangeError(`Day number out of range: ${day}`);
  const [y, m, d] = civilFromDays(day);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
const isoWeekday = (day: number) => ((((day + 3) % 7) + 7) % 7) + 1;
const isWeekend = (day: number) => isoWeekday(day) >= 6;
const yearOfDay = (day: number) => civilFromDays(day)[0];

function assertCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer, got ${n}`);
}

// ---------------------------------------------------------------------------------------------
// The calendar

/** Precomputed status of every day of one loaded year. */
interface YearTable {
  /** Day number of 1 January. */
  readonly start: number;
  /** 1 if the day (index = day − start) is a working day, else 0. */
  readonly working: Uint8Array;
  /** cum[i] = working days among indices 0 … i−1; cum[length] is the year's total. */
  readonly cum: Uint16Array;
  /** Day numbers of the year's working days, ascending; list[cum[i]] is the first working day at index ≥ i. */
  readonly list: Int32Array;
}

/**
 * The official working-day calendar for a set of loaded years.
 *
 * A day is a working day when it is Monday–Friday and not an official holiday, or when it is a
 * make-up working day. Construction precomputes, per loaded year, a working-day bitmap, a prefix
 * count and the sorted list of working days, so `isWorkingDay` is O(1) and `addWorkingDays` /
 * `countWorkingDays` are O(number of years spanned) — adding 250 working days is a couple of array
 * reads.
 *
 * Year coverage caveat: the notice for year Y+1 sometimes moves days at the end of December of Y
 * (e.g. 2018-12-29 was a make-up working day and 2018-12-31 a holiday under the 2019 notice). Late
 * December answers for the last loaded year can therefore change when the next year's notice is
 * entered; the dashboard's "next year missing" warning covers this.
 */
export class WorkingDayCalendar {
  private readonly tables = new Map<number, YearTable>();
  private readonly special = new Map<number, CalendarDay>();

  /**
   * @param days the special days (holidays and make-up working days). Days in years not listed in
   *   `loadedYears` are ignored: a year counts only once its whole arrangement is declared loaded.
   * @param loadedYears the years whose official arrangement is complete in `days`.
   * @throws RangeError on a malformed date or year, or on two entries for one date with different kinds.
   */
  constructor(days: readonly CalendarDay[], loadedYears: readonly number[]) {
    const years = new Set<number>();
    for (const y of loadedYears) {
      if (!Number.isInteger(y) || y < MIN_YEAR || y > MAX_YEAR) throw new RangeError(`Not a year: ${y}`);
      years.add(y);
    }
    for (const d of days) {
      const day = dayNumber(d.date);
      if (d.kind !== 'holiday' && d.kind !== 'workday') throw new RangeError(`Unknown kind of ${d.date}: ${String(d.kind)}`);
      if (!years.has(yearOfDay(day))) continue;
      const previous = this.special.get(day);
      if (previous && previous.kind !== d.kind) throw new RangeError(`${d.date} is listed both as a ${previous.kind} and as a ${d.kind}`);
      this.special.set(day, { date: d.date, kind: d.kind, name: d.name });
    }
    for (const y of [...years].sort((a, b) => a - b)) this.tables.set(y, this.buildYear(y));
  }

  private buildYear(year: number): YearTable {
    const start = daysFromCivil(year, 1, 1);
    const length = daysFromCivil(year + 1, 1, 1) - start;
    const working = new Uint8Array(length);
    const cum = new Uint16Array(length + 1);
    const list: number[] = [];
    for (let i = 0; i < length; i++) {
      const day = start + i;
      const special = this.special.get(day);
      const isWorking = special ? special.kind === 'workday' : !isWeekend(day);
      working[i] = isWorking ? 1 : 0;
      cum[i + 1] = cum[i] + working[i];
      if (isWorking) list.push(day);
    }
    return { start, working, cum, list: Int32Array.from(list) };
  }

  /** The precomputed table of a year. @throws CalendarYearNotLoadedError */
  private table(year: number): YearTable {
    const table = this.tables.get(year);
    if (!table) throw new CalendarYearNotLoadedError(year);
    return table;
  }

  /** The table of the year containing `day`, and the day's index in it. */
  private locate(day: number): [YearTable, number] {
    const table = this.table(yearOfDay(day));
    return [table, day - table.start];
  }

  private isWorking(day: number): boolean {
    const [table, i] = this.locate(day);
    return table.working[i] === 1;
  }

  /** Whether the official arrangement of `year` is loaded. */
  isYearLoaded(year: number): boolean {
    return this.tables.has(year);
  }

  /** The loaded years, ascending. */
  get loadedYears(): number[] {
    return [...this.tables.keys()];
  }

  /** The special days of the loaded years (holidays and make-up working days), unordered. */
  get specialDays(): CalendarDay[] {
    return [...this.special.values()];
  }

  /**
   * Whether `date` is an official working day.
   * @throws RangeError on a malformed date; CalendarYearNotLoadedError if its year is not loaded.
   */
  isWorkingDay(date: string): boolean {
    return this.isWorking(dayNumber(date));
  }

  /**
   * The special-day entry of `date` (an official holiday or a make-up working day), or undefined for
   * an ordinary weekday or weekend.
   * @throws RangeError on a malformed date; CalendarYearNotLoadedError if its year is not loaded.
   */
  specialDay(date: string): CalendarDay | undefined {
    const day = dayNumber(date);
    this.table(yearOfDay(day));
    return this.special.get(day);
  }

  /**
   * The Nth working day after `date`: the last day of a period "within N working days of date"
   * (N个工作日内). The start day is not counted (期间开始的日不计算在内), whether or not it is a
   * working day: n = 1 is the first working day strictly after `date`; n = 0 returns `date` itself.
   *
   * Example (2026 notice): 7 working days after Wed 2026-02-11 → 02-12, 02-13, 02-14 (Saturday,
   * make-up working day), 02-24, 02-25, 02-26, 02-27 → '2026-02-27'.
   *
   * @throws RangeError on a malformed date or an n that is not a non-negative integer;
   *   CalendarYearNotLoadedError if `date`'s year, or any year the count runs through, is not loaded.
   */
  addWorkingDays(date: string, n: number): string {
    assertCount(n, 'n');
    const day = dayNumber(date);
    const [startTable, i] = this.locate(day);
    if (n === 0) return date;
    let table = startTable;
    let k = table.cum[i + 1]; // index in table.list of the first working day after `day`
    let left = n;
    for (let year = yearOfDay(day); ; ) {
      const available = table.list.length - k;
      if (left <= available) return dateOf(table.list[k + left - 1]);
      left -= available;
      year += 1;
      table = this.table(year); // throws once the count runs past the loaded years
      k = 0;
    }
  }

  /**
   * The number of working days in the half-open interval (from, to]: `from` is not counted, `to`
   * is. Hence countWorkingDays(d, addWorkingDays(d, n)) === n, countWorkingDays(d, d) === 0, and
   * counts add up over adjacent intervals.
   * @throws RangeError on a malformed date or if `to` is before `from`;
   *   CalendarYearNotLoadedError if any year from `from`'s to `to`'s is not loaded.
   */
  countWorkingDays(from: string, to: string): number {
    const start = dayNumber(from);
    const end = dayNumber(to);
    if (end < start) throw new RangeError(`${to} is before ${from}`);
    const firstYear = yearOfDay(start);
    const lastYear = yearOfDay(end);
    for (let y = firstYear; y <= lastYear; y++) this.table(y); // refuse before counting anything
    const first = this.table(firstYear);
    const last = this.table(lastYear);
    let count = last.cum[end - last.start + 1] - first.cum[start - first.start + 1];
    for (let y = firstYear; y < lastYear; y++) count += this.table(y).list.length;
    return count;
  }

  /**
   * The first working day strictly after `date` (= addWorkingDays(date, 1)).
   * @throws RangeError on a malformed date; CalendarYearNotLoadedError as for addWorkingDays.
   */
  nextWorkingDay(date: string): string {
    return this.addWorkingDays(date, 1);
  }

  /**
   * `date` plus n calendar days (n may be negative). Needs no calendar data, so it never throws
   * CalendarYearNotLoadedError.
   * @throws RangeError on a malformed date, a non-integer n, or a result outside years 0001–9999.
   */
  addCalendarDays(date: string, n: number): string {
    if (!Number.isSafeInteger(n)) throw new RangeError(`n must be an integer, got ${n}`);
    return dateOf(dayNumber(date) + n);
  }

  /**
   * The last day of a period of n calendar days from `date` (期间以日计算): the start day is not
   * counted, so the period nominally ends on date + n; if that day is not a working day — an
   * official holiday, or a Saturday/Sunday that is not a make-up working day — the period ends on
   * the first working day after it (行政诉讼法 / 民事诉讼法: 期间届满的最后一日是法定节假日的，以
   * 节假日后的第一日为期间届满的日期; weekends count as 法定休假日 in judicial practice). A nominal
   * last day that is a make-up working day is kept.
   *
   * Example (2026 notice): 15 days from 2026-09-16 nominally end on 10-01 (国庆节) → '2026-10-08'.
   *
   * @throws RangeError on a malformed date or an n that is not a non-negative integer;
   *   CalendarYearNotLoadedError if `date`'s year, the nominal last day's year, or a year the
   *   extension runs into is not loaded.
   */
  calendarDaysDeadline(date: string, n: number): string {
    assertCount(n, 'n');
    const start = dayNumber(date);
    this.table(yearOfDay(start));
    const last = dateOf(start + n);
    return this.isWorkingDay(last) ? last : this.nextWorkingDay(last);
  }
}
