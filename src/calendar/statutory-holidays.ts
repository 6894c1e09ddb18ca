/**
 * The days off every year has by law, whatever the State Council's yearly notice adds: the public
 * holidays of 《全国年节及纪念日放假办法》 as amended on 2024-11-10 (State Council Order No. 795, in
 * force 2025-01-01), Art. 2 — 全体公民放假的节日：
 *   （一）新年，放假1天（1月1日）；
 *   （二）春节，放假4天（农历除夕、正月初一至初三）；
 *   （三）清明节，放假1天（农历清明当日）；
 *   （四）劳动节，放假2天（5月1日、2日）；
 *   （五）端午节，放假1天（农历端午当日）；
 *   （六）中秋节，放假1天（农历中秋当日）；
 *   （七）国庆节，放假3天（10月1日至3日）。
 *
 * Used only for a year whose notice is not loaded (./fallback.ts), and every answer built on it is
 * marked provisional: the notice also moves days (调休), adds make-up working days, and gives a
 * weekday in lieu of a holiday that falls on a weekend (办法 Art. 6: 适逢周六、周日，应当在工作日补假),
 * none of which can be known before it is published.
 *
 * Lunar dates come from the chinese-days package's lunar table through its two integer-only
 * functions (monthDays, getYearLeapMonth); its date-returning functions read local-time getters
 * and shift by a day west of UTC (see ./chinese-days-source.ts), so the conversion to a Gregorian
 * date is done here on day numbers. 清明 is the solar term, by the standard formula for 2001–2099
 * (寿星通用公式, C = 4.81), which has no exception in that range.
 */
import { createRequire } from 'node:module';
import { dateOf, dayNumber, type CalendarDay } from './working-days.js';

const require = createRequire(import.meta.url);

/** The years the amended 办法 governs and the lunar table covers. */
export const STATUTORY_FIRST_YEAR = 2025;
export const STATUTORY_LAST_YEAR = 2099;

interface LunarTable {
  /** Days (29 or 30) of lunar month `month` (1–12, not the leap month) of lunar year `year`. */
  monthDays(year: number, month: number): number;
  /** The leap month of lunar year `year` (undefined if none) and its length. */
  getYearLeapMonth(year: number): { leapMonth?: number; days: number };
}

let lunar: LunarTable | undefined;

function lunarTable(): LunarTable {
  if (lunar) return lunar;
  const pkg = require('chinese-days') as Partial<LunarTable>;
  if (typeof pkg.monthDays !== 'function' || typeof pkg.getYearLeapMonth !== 'function') {
    throw new Error('chinese-days no longer exports monthDays and getYearLeapMonth');
  }
  lunar = pkg as LunarTable;
  return lunar;
}

/** Lunar 1900-01-01 (正月初一) fell on Gregorian 1900-01-31, where the table starts. */
const LUNAR_EPOCH = dayNumber('1900-01-31');

function lunarYearDays(table: LunarTable, year: number): number {
  let days = table.getYearLeapMonth(year).days;
  for (let m = 1; m <= 12; m++) days += table.monthDays(year, m);
  return days;
}

/** The Gregorian day number of lunar `year`-`month`-`day` (an ordinary, not a leap, month). */
function lunarToDay(year: number, month: number, day: number): number {
  const table = lunarTable();
  let n = LUNAR_EPOCH;
  for (let y = 1900; y < year; y++) n += lunarYearDays(table, y);
  const leap = table.getYearLeapMonth(year);
  for (let m = 1; m < month; m++) {
    n += table.monthDays(year, m);
    if (m === leap.leapMonth) n += leap.days; // a leap month follows the month it repeats
  }
  return n + day - 1;
}

/** The festivals of lunar `year` and 清明 of Gregorian `year` (2001–2099), as 'YYYY-MM-DD'. */
export function festivalDates(year: number): { springFestival: string; qingming: string; dragonBoat: string; midAutumn: string } {
  if (!Number.isInteger(year) || year < 2001 || year > 2099) throw new RangeError(`Festivals are computed for 2001–2099, not ${year}`);
  const y = year % 100;
  const qingming = Math.floor(y * 0.2422 + 4.81) - Math.floor(y / 4); // day of April
  return {
    springFestival: dateOf(lunarToDay(year, 1, 1)),
    qingming: `${year}-04-${String(qingming).padStart(2, '0')}`,
    dragonBoat: dateOf(lunarToDay(year, 5, 5)),
    midAutumn: dateOf(lunarToDay(year, 8, 15)),
  };
}

/**
 * The days off of 办法 Art. 2 in Gregorian `year`, named as the notices name them (元旦, 春节, 清明,
 * 劳动节, 端午, 中秋, 国庆节), sorted by date. Where two fall on one day (中秋 on 1–3 October), the
 * day is listed once.
 * @throws RangeError for a year outside {@link STATUTORY_FIRST_YEAR}–{@link STATUTORY_LAST_YEAR}.
 */
export function statutoryDaysOff(year: number): CalendarDay[] {
  if (!Number.isInteger(year) || year < STATUTORY_FIRST_YEAR || year > STATUTORY_LAST_YEAR) {
    throw new RangeError(`The statutory holidays are computed for ${STATUTORY_FIRST_YEAR}–${STATUTORY_LAST_YEAR}, not ${year}`);
  }
  const days = new Map<string, string>();
  const add = (day: number, name: string) => {
    const date = dateOf(day);
    if (date.startsWith(`${year}-`) && !days.has(date)) days.set(date, name);
  };
  const fixed = (mmdd: string, name: string) => add(dayNumber(`${year}-${mmdd}`), name);
  const festivals = festivalDates(year);
  fixed('01-01', '元旦');
  // 除夕 is the day before 正月初一, which falls between 21 January and 20 February: all in `year`.
  const newYear = dayNumber(festivals.springFestival);
  for (let i = -1; i <= 2; i++) add(newYear + i, '春节');
  add(dayNumber(festivals.qingming), '清明');
  fixed('05-01', '劳动节');
  fixed('05-02', '劳动节');
  add(dayNumber(festivals.dragonBoat), '端午');
  for (const mmdd of ['10-01', '10-02', '10-03']) fixed(mmdd, '国庆节');
  add(dayNumber(festivals.midAutumn), '中秋');
  return [...days]
    .map(([date, name]): CalendarDay => ({ date, kind: 'holiday', name }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
