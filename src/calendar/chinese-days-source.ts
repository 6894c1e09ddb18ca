/**
 * The packaged source of the official calendar: the `chinese-days` npm package (holidays and
 * make-up working days of each year's State Council notice, 2004 onwards). Used to seed the
 * calendar tables at start-up; years the package lacks are entered by an administrator from the
 * notice (routes.ts).
 *
 * Why the data file and not the package's functions: chinese-days (1.5.7) parses 'YYYY-MM-DD'
 * strings as UTC midnight but formats and compares them with local-time getters — including when it
 * builds its own holiday table at import. On a server whose time zone is west of UTC every answer of
 * getDayDetail / isWorkday / getHolidaysInRange / findWorkday is therefore shifted by one day
 * (TZ=America/New_York: 2025-12-31 comes out as 元旦, getDayDetail('2025-04-04').date is
 * '2025-04-03'), and its range functions floor millisecond differences across daylight-saving
 * changes. The package's documented data file dist/chinese-days.json — built from the same
 * definitions, keyed by plain date strings — has none of these problems. The tests cross-check the
 * two wherever the functions are valid (UTC and east of it, e.g. Asia/Shanghai).
 */
import { createRequire } from 'node:module';
import { dayNumber, type CalendarDay } from './working-days.js';

const require = createRequire(import.meta.url);

/** Shape of chinese-days/dist/chinese-days.json. Values read "English name,中文名,days". */
interface ChineseDaysData {
  /** Official days off (weekdays, and weekend days inside a holiday period): date → value. */
  holidays: Record<string, string>;
  /** Make-up working days on weekends: date → value. */
  workdays: Record<string, string>;
  /** Days off that are "paid back" by a make-up day (a subset of holidays); not needed here. */
  inLieuDays: Record<string, string>;
}

let cache: ChineseDaysData | undefined;

function load(): ChineseDaysData {
  if (cache) return cache;
  const data = require('chinese-days/dist/chinese-days.json') as Partial<ChineseDaysData>;
  if (typeof data?.holidays !== 'object' || typeof data?.workdays !== 'object') {
    throw new Error('chinese-days/dist/chinese-days.json no longer has { holidays, workdays }');
  }
  cache = data as ChineseDaysData;
  return cache;
}

/** The Chinese festival name of a value "Spring Festival,春节,4" → "春节". */
function chineseName(date: string, value: string): string {
  const name = value.split(',')[1]?.trim();
  if (!name) throw new Error(`chinese-days: unexpected entry for ${date}: ${value}`);
  return name;
}

/**
 * The special days of one Gregorian year from the chinese-days package: every official day off
 * (kind 'holiday' — weekdays off and weekend days within a holiday period) and every make-up
 * working day (kind 'workday'), named with the festival in Chinese (元旦, 春节, 清明, 劳动节, 端午,
 * 中秋, 国庆节, …), sorted by date.
 *
 * Days are selected by their own date, so a late-December day set by the next year's notice (e.g.
 * 2018-12-31, a holiday under the 2019 notice) belongs to the year it falls in.
 *
 * Returns an empty array for a year the package does not cover — check {@link chineseDaysYears}
 * before treating the result as a complete arrangement.
 */
export function calendarDaysFromChineseDays(year: number): CalendarDay[] {
  const { holidays, workdays } = load();
  const prefix = `${String(year).padStart(4, '0')}-`;
  const days: CalendarDay[] = [];
  for (const [date, value] of Object.entries(holidays)) {
    if (date.startsWith(prefix)) days.push({ date, kind: 'holiday', name: chineseName(date, value) });
  }
  for (const [date, value] of Object.entries(workdays)) {
    if (!date.startsWith(prefix)) continue;
    if (holidays[date]) throw new Error(`chinese-days lists ${date} both as a holiday and as a make-up working day`);
    days.push({ date, kind: 'workday', name: chineseName(date, value) });
  }
  for (const d of days) dayNumber(d.date); // throws RangeError on a malformed key
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * The years chinese-days really has an official arrangement for, ascending.
 *
 * For a year it lacks (2027 in version 1.5.7) the package silently answers with plain weekends, so
 * coverage is detected from the data: a year counts only if it has official holidays, including
 * the Spring Festival (present every year, so a year with only a stray late-December entry of the
 * following year's notice is not mistaken for a covered one).
 */
export function chineseDaysYears(): number[] {
  const { holidays } = load();
  const withHolidays = new Set<number>();
  const withSpringFestival = new Set<number>();
  for (const [date, value] of Object.entries(holidays)) {
    const year = Number(date.slice(0, 4));
    withHolidays.add(year);
    if (chineseName(date, value) === '春节') withSpringFestival.add(year);
  }
  return [...withHolidays].filter((y) => withSpringFestival.has(y)).sort((a, b) => a - b);
}
