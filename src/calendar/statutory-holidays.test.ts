/**
 * The statutory days off (《全国年节及纪念日放假办法》 Art. 2, as amended 2024) used for a year whose
 * State Council notice is not loaded, and the fallback calendar built from them.
 *
 * Known answers: the 2025 and 2026 notices (国办发明电〔2024〕12号, 〔2025〕7号) give every statutory day
 * off (plus bridging days); the lunar festivals and 清明 of 2008–2026 are official holidays in every
 * notice since 2008, as chinese-days records them; 2027's dates are those of the published lunar
 * calendar (春节 初一 2027-02-06, 端午 06-09, 中秋 09-15, 清明 04-05).
 */
import { describe, expect, it } from 'vitest';
import { calendarDaysFromChineseDays } from './chinese-days-source.js';
import { onCalendar, statutoryFallbackOf } from './fallback.js';
import { festivalDates, statutoryDaysOff } from './statutory-holidays.js';
import { CalendarYearNotLoadedError, dateOf, dayNumber, WorkingDayCalendar } from './working-days.js';

const holidaysOf = (year: number) => new Set(calendarDaysFromChineseDays(year).filter((d) => d.kind === 'holiday').map((d) => d.date));

describe('statutoryDaysOff', () => {
  it('gives 13 days in 2027: 新年, 春节 (除夕 + 初一–初三), 清明, 劳动节 1–2 May, 端午, 中秋, 国庆节 1–3 October', () => {
    expect(statutoryDaysOff(2027).map((d) => `${d.date} ${d.name}`)).toEqual([
      '2027-01-01 元旦',
      '2027-02-05 春节',
      '2027-02-06 春节',
      '2027-02-07 春节',
      '2027-02-08 春节',
      '2027-04-05 清明',
      '2027-05-01 劳动节',
      '2027-05-02 劳动节',
      '2027-06-09 端午',
      '2027-09-15 中秋',
      '2027-10-01 国庆节',
      '2027-10-02 国庆节',
      '2027-10-03 国庆节',
    ]);
  });

  it('lists a day once where 中秋 falls in 国庆节 (2028-10-03)', () => {
    const days = statutoryDaysOff(2028);
    expect(days).toHaveLength(12);
    expect(days.filter((d) => d.date === '2028-10-03')).toEqual([{ date: '2028-10-03', kind: 'holiday', name: '国庆节' }]);
  });

  it('every statutory day of 2025 and 2026 is a day off in that year’s State Council notice', () => {
    for (const year of [2025, 2026]) {
      const official = holidaysOf(year);
      for (const d of statutoryDaysOff(year)) expect(official.has(d.date), `${d.date} ${d.name}`).toBe(true);
    }
  });

  it('agrees with every notice from 2008 to 2026 on 春节 初一–初三, 清明, 端午 and 中秋 (the lunar table and the solar term)', () => {
    // A day off in the notice: a listed holiday, or a weekend day not made a working day (chinese-days omits
    // Sat 2012-06-23 from 端午, which the 2012 notice gives as "6月22日至24日放假").
    for (let year = 2008; year <= 2026; year++) {
      const official = new WorkingDayCalendar(calendarDaysFromChineseDays(year), [year]);
      const f = festivalDates(year);
      const newYear = dayNumber(f.springFestival);
      for (const date of [dateOf(newYear), dateOf(newYear + 1), dateOf(newYear + 2), f.qingming, f.dragonBoat, f.midAutumn])
        expect(official.isWorkingDay(date), `${year}: ${date}`).toBe(false);
    }
  });

  it('refuses a year outside 2025–2099', () => {
    expect(() => statutoryDaysOff(2024)).toThrow(RangeError);
    expect(() => statutoryDaysOff(2100)).toThrow(RangeError);
  });
});

describe('the fallback calendar for a year not loaded', () => {
  const calendar = new WorkingDayCalendar([...calendarDaysFromChineseDays(2025), ...calendarDaysFromChineseDays(2026)], [2025, 2026]);

  it('counts weekends and the statutory holidays of 2027, and says the answer is provisional', () => {
    expect(() => calendar.addWorkingDays('2026-12-28', 5)).toThrow(CalendarYearNotLoadedError);
    expect(onCalendar(calendar, (c) => c.addWorkingDays('2026-12-28', 5))).toEqual({ value: '2027-01-05', provisional: true });
    expect(onCalendar(calendar, (c) => c.addWorkingDays('2026-12-21', 5))).toEqual({ value: '2026-12-28', provisional: false });
    const fallback = statutoryFallbackOf(calendar);
    expect(fallback.isWorkingDay('2027-01-01')).toBe(false);
    expect(fallback.isWorkingDay('2027-02-05')).toBe(false); // 除夕
    expect(fallback.isWorkingDay('2027-02-09')).toBe(true); // 初四: only the notice can bridge it
    expect(fallback.isWorkingDay('2026-10-10')).toBe(true); // the 2026 notice's make-up Saturday is kept
    expect(statutoryFallbackOf(calendar)).toBe(fallback);
  });
});
