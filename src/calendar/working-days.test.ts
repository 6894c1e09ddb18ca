/**
 * Working-day calendar: known answers from the State Council notices, the chinese-days source, and
 * properties. Deadlines P5 (publication within 7 working days), R7 (A/V upload within 3) and L10
 * (legal review within 3 or 7) are all computed with this module.
 *
 * Sources of the expected values (written by hand from the notices, NOT read back from chinese-days):
 * - 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号, 2024-11-12）
 * - 国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号, 2025-11-04）
 */
import chineseDays from 'chinese-days';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarDaysFromChineseDays, chineseDaysYears } from './chinese-days-source.js';
import { CalendarYearNotLoadedError, dateOf, dayNumber, WorkingDayCalendar, type CalendarDay } from './working-days.js';

const years = [2025, 2026];
const calendar = new WorkingDayCalendar(years.flatMap(calendarDaysFromChineseDays), years);

/** Every date from `from` to `to`, both included. */
const span = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let n = dayNumber(from); n <= dayNumber(to); n++) out.push(dateOf(n));
  return out;
};
const off = (name: string, from: string, to = from) => span(from, to).map((date): CalendarDay => ({ date, kind: 'holiday', name }));
const on = (name: string, ...dates: string[]) => dates.map((date): CalendarDay => ({ date, kind: 'workday', name }));
const byDate = (a: CalendarDay, b: CalendarDay) => (a.date < b.date ? -1 : 1);
/** Weekday as the notices write it (周一 … 周日), computed independently with Date.UTC. */
const zhou = (date: string) => ['周日', '周一', '周二', '周三', '周四', '周五', '周六'][new Date(`${date}T00:00:00Z`).getUTCDay()];

/** 国办发明电〔2024〕12号 — the 2025 arrangement, day by day. */
const notice2025: CalendarDay[] = [
  ...off('元旦', '2025-01-01'), // 一、元旦：1月1日（周三）放假1天，不调休。
  ...off('春节', '2025-01-28', '2025-02-04'), // 二、春节：1月28日（除夕、周二）至2月4日（周二）放假调休，共8天。
  ...on('春节', '2025-01-26', '2025-02-08'), //    1月26日（周日）、2月8日（周六）上班。
  ...off('清明', '2025-04-04', '2025-04-06'), // 三、清明节：4月4日（周五）至6日（周日）放假，共3天。
  ...off('劳动节', '2025-05-01', '2025-05-05'), // 四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。
  ...on('劳动节', '2025-04-27'), //                 4月27日（周日）上班。
  ...off('端午', '2025-05-31', '2025-06-02'), // 五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
  // 六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
  // chinese-days names 10-06 (the Mid-autumn day itself, 八月十五) 中秋 and the other days 国庆节.
  ...off('国庆节', '2025-10-01', '2025-10-05'),
  ...off('中秋', '2025-10-06'),
  ...off('国庆节', '2025-10-07', '2025-10-08'),
  ...on('国庆节', '2025-09-28', '2025-10-11'),
].sort(byDate);

/** 国办发明电〔2025〕7号 — the 2026 arrangement, day by day. */
const notice2026: CalendarDay[] = [
  ...off('元旦', '2026-01-01', '2026-01-03'), // 一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。
  ...on('元旦', '2026-01-04'), //                  1月4日（周日）上班。
  ...off('春节', '2026-02-15', '2026-02-23'), // 二、春节：2月15日（周日）至23日（周一）放假调休，共9天。
  ...on('春节', '2026-02-14', '2026-02-28'), //    2月14日（周六）、2月28日（周六）上班。
  ...off('清明', '2026-04-04', '2026-04-06'), // 三、清明节：4月4日（周六）至6日（周一）放假，共3天。
  ...off('劳动节', '2026-05-01', '2026-05-05'), // 四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。
  ...on('劳动节', '2026-05-09'), //                 5月9日（周六）上班。
  ...off('端午', '2026-06-19', '2026-06-21'), // 五、端午节：6月19日（周五）至21日（周日）放假，共3天。
  ...off('中秋', '2026-09-25', '2026-09-27'), // 六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
  ...off('国庆节', '2026-10-01', '2026-10-07'), // 七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。
  ...on('国庆节', '2026-09-20', '2026-10-10'), //   9月20日（周日）、10月10日（周六）上班。
].sort(byDate);

describe('the notices as transcribed here', () => {
  it('have the weekdays the notices print (guards the fixtures against typos)', () => {
    const printed: Record<string, string> = {
      '2025-01-01': '周三', '2025-01-28': '周二', '2025-02-04': '周二', '2025-01-26': '周日', '2025-02-08': '周六',
      '2025-04-04': '周五', '2025-04-06': '周日', '2025-05-01': '周四', '2025-05-05': '周一', '2025-04-27': '周日',
      '2025-05-31': '周六', '2025-06-02': '周一', '2025-10-01': '周三', '2025-10-08': '周三', '2025-09-28': '周日',
      '2025-10-11': '周六',
      '2026-01-01': '周四', '2026-01-03': '周六', '2026-01-04': '周日', '2026-02-15': '周日', '2026-02-23': '周一',
      '2026-02-14': '周六', '2026-02-28': '周六', '2026-04-04': '周六', '2026-04-06': '周一', '2026-05-01': '周五',
      '2026-05-05': '周二', '2026-05-09': '周六', '2026-06-19': '周五', '2026-06-21': '周日', '2026-09-25': '周五',
      '2026-09-27': '周日', '2026-10-01': '周四', '2026-10-07': '周三', '2026-09-20': '周日', '2026-10-10': '周六',
    };
    for (const [date, weekday] of Object.entries(printed)) expect(zhou(date), date).toBe(weekday);
    // Make-up working days are all on weekends.
    for (const d of [...notice2025, ...notice2026].filter((x) => x.kind === 'workday')) expect(['周六', '周日']).toContain(zhou(d.date));
  });
});

describe('chinese-days agrees with the State Council notices', () => {
  it('2025 (国办发明电〔2024〕12号): every holiday and make-up working day, with its name', () => {
    expect(calendarDaysFromChineseDays(2025)).toEqual(notice2025);
  });
  it('2026 (国办发明电〔2025〕7号): every holiday and make-up working day, with its name', () => {
    expect(calendarDaysFromChineseDays(2026)).toEqual(notice2026);
  });
  // chinese-days' functions build their own tables by parsing dates as UTC and formatting them in
  // local time, so west of UTC (TZ=America/New_York) every day is shifted — 2025-12-31 comes out as
  // 元旦. Its functions are only a valid reference at UTC or east of it; the data file, which
  // chinese-days-source.ts reads, is correct in every time zone.
  it.skipIf(new Date(2026, 0, 1).getTimezoneOffset() > 0)('the data file agrees with the package functions for every day of every covered year', () => {
    // Local-time Date objects: chinese-days' own functions read dates with local getters.
    for (const year of chineseDaysYears()) {
      const special = new Map(calendarDaysFromChineseDays(year).map((d) => [d.date, d]));
      const full = new WorkingDayCalendar([...special.values()], [year]);
      for (let month = 0; month < 12; month++) {
        for (let day = 1; day <= new Date(year, month + 1, 0).getDate(); day++) {
          const local = new Date(year, month, day);
          const detail = chineseDays.getDayDetail(local);
          const date = `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          expect(detail.date).toBe(date);
          expect(full.isWorkingDay(date), date).toBe(detail.work);
          expect(full.isWorkingDay(date), date).toBe(chineseDays.isWorkday(local));
          const entry = special.get(date);
          if (entry) expect(detail.name.split(',')[1], date).toBe(entry.name);
          else expect(detail.name, date).not.toContain(','); // plain weekday names ("Monday") for ordinary days
        }
      }
    }
  });
  it('covers 2004–2026 and knows it lacks 2027 (where the package silently answers plain weekends)', () => {
    expect(chineseDaysYears()).toEqual(span('2004-01-01', '2026-01-01').filter((d) => d.endsWith('-01-01')).map((d) => Number(d.slice(0, 4))));
    expect(calendarDaysFromChineseDays(2027)).toEqual([]);
    expect(chineseDays.getDayDetail(new Date(2027, 0, 1)).work).toBe(true); // 元旦 2027 "a working day": the fallback
  });
  it('keeps a late-December day of the next notice in the year it falls in (2019 notice: 2018-12-29 上班, 12-30–31 放假)', () => {
    const y2018 = calendarDaysFromChineseDays(2018);
    expect(y2018).toContainEqual({ date: '2018-12-29', kind: 'workday', name: '元旦' });
    expect(y2018).toContainEqual({ date: '2018-12-31', kind: 'holiday', name: '元旦' });
  });
});

describe('isWorkingDay and specialDay', () => {
  it('2025: days off and make-up working days of the notice', () => {
    for (const d of notice2025) expect(calendar.isWorkingDay(d.date), d.date).toBe(d.kind === 'workday');
  });
  it('2026: days off and make-up working days of the notice', () => {
    for (const d of notice2026) expect(calendar.isWorkingDay(d.date), d.date).toBe(d.kind === 'workday');
    expect(calendar.specialDay('2026-02-14')).toEqual({ date: '2026-02-14', kind: 'workday', name: '春节' });
    expect(calendar.specialDay('2026-11-23')).toBeUndefined();
  });
  it('ordinary weekends are days off, ordinary weekdays working days', () => {
    expect(calendar.isWorkingDay('2026-11-21')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2026-11-22')).toBe(false); // Sunday
    expect(calendar.isWorkingDay('2026-11-23')).toBe(true); // Monday
  });
  it('each loaded year has 248 working days', () => {
    // 2025: 365 days − 104 weekend days − 18 weekday holidays (1/1; 1/28–31, 2/3–4; 4/4; 5/1–2, 5/5; 6/2;
    //       10/1–3, 10/6–8) + 5 make-up days = 248. 2025-01-01 itself is a holiday, so (1/1, 12/31] has all 248.
    expect(calendar.countWorkingDays('2025-01-01', '2025-12-31')).toBe(248);
    // 2026: 365 − 104 − 19 (1/1–2; 2/16–20, 2/23; 4/6; 5/1, 5/4–5; 6/19; 9/25; 10/1–2, 10/5–7) + 6 = 248.
    expect(calendar.countWorkingDays('2025-12-31', '2026-12-31')).toBe(248);
  });
});

describe('addWorkingDays — the Nth working day after the date; the start day is not counted', () => {
  const cases: [from: string, n: number, expected: string, why: string][] = [
    // P5 publication deadline over the 2026 Spring Festival.
    ['2026-02-11', 7, '2026-02-27', 'Wed 2/11 → 2/12 Thu (1), 2/13 Fri (2), 2/14 Sat make-up (3), 2/15–23 off, 2/24 (4), 2/25 (5), 2/26 (6), 2/27 (7)'],
    // Across New Year 2026.
    ['2025-12-31', 3, '2026-01-06', '1/1–1/3 off, Sun 1/4 make-up (1), 1/5 (2), 1/6 (3)'],
    // Over the 2025 National Day + Mid-autumn holiday.
    ['2025-09-26', 20, '2025-10-30', 'Fri 9/26 → 9/27 Sat off, 9/28 Sun make-up (1), 9/29 (2), 9/30 (3), 10/1–8 off, 10/9 (4), 10/10 (5), 10/11 Sat make-up (6), 10/13–17 (11), 10/20–24 (16), 10/27 (17), 10/28 (18), 10/29 (19), 10/30 (20)'],
    ['2025-01-24', 5, '2025-02-07', 'Fri 1/24 → 1/25 Sat off, 1/26 Sun make-up (1), 1/27 (2), 1/28–2/4 off, 2/5 (3), 2/6 (4), 2/7 (5)'],
    ['2025-04-25', 3, '2025-04-29', 'Fri 4/25 → 4/26 Sat off, 4/27 Sun make-up (1), 4/28 (2), 4/29 (3)'],
    ['2026-04-30', 7, '2026-05-13', 'Thu 4/30 → 5/1–5 off, 5/6 (1), 5/7 (2), 5/8 (3), 5/9 Sat make-up (4), 5/10 Sun off, 5/11 (5), 5/12 (6), 5/13 (7)'],
    ['2026-09-18', 3, '2026-09-22', 'Fri 9/18 → 9/19 Sat off, 9/20 Sun make-up (1), 9/21 (2), 9/22 (3)'],
    // Licensing (行政许可法 Art. 42, 20 working days) over 2026 Mid-autumn + National Day.
    ['2026-09-24', 20, '2026-10-29', 'Thu 9/24 → 9/25–27 off, 9/28 (1), 9/29 (2), 9/30 (3), 10/1–7 off, 10/8 (4), 10/9 (5), 10/10 Sat make-up (6), 10/12–16 (11), 10/19–23 (16), 10/26 (17), 10/27 (18), 10/28 (19), 10/29 (20)'],
    // A start day that is itself off, or a make-up day, is still not counted.
    ['2026-02-15', 1, '2026-02-24', 'start on a holiday: 2/16–23 off → 2/24'],
    ['2026-02-14', 1, '2026-02-24', 'start on a make-up Saturday: 2/15–23 off → 2/24'],
    // Long runs cross the year boundary.
    ['2025-01-01', 250, '2026-01-05', '2025 has 248 working days after 1/1 (its last is Wed 12/31), then Sun 1/4 make-up (249), Mon 1/5 (250)'],
    ['2025-12-31', 248, '2026-12-31', 'all 248 working days of 2026; Thu 12/31 is the last'],
    ['2026-10-03', 0, '2026-10-03', 'n = 0 is the date itself, even a holiday'],
  ];
  it.each(cases)('%s + %i working days → %s (%s)', (from, n, expected) => {
    expect(calendar.addWorkingDays(from, n)).toBe(expected);
    expect(calendar.countWorkingDays(from, expected)).toBe(n);
  });
  it('nextWorkingDay is the first working day strictly after the date', () => {
    expect(calendar.nextWorkingDay('2025-09-30')).toBe('2025-10-09');
    expect(calendar.nextWorkingDay('2026-01-02')).toBe('2026-01-04'); // Sunday make-up day
    expect(calendar.nextWorkingDay('2026-11-23')).toBe('2026-11-24');
  });
  it('is fast: 20,000 deadlines of 250 working days well under a second', () => {
    const started = performance.now();
    for (let i = 0; i < 20_000; i++) calendar.addWorkingDays(i % 2 ? '2025-01-01' : '2025-02-11', 250);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
  it('does not depend on the process time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['America/New_York', 'Pacific/Kiritimati', 'Asia/Shanghai']) {
        process.env.TZ = tz;
        expect(calendar.addWorkingDays('2026-02-11', 7)).toBe('2026-02-27');
        expect(calendar.isWorkingDay('2026-02-14')).toBe(true);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('countWorkingDays — working days in (from, to]', () => {
  it('counts neither `from` nor days off', () => {
    expect(calendar.countWorkingDays('2026-02-11', '2026-02-27')).toBe(7);
    expect(calendar.countWorkingDays('2026-02-11', '2026-02-11')).toBe(0);
    expect(calendar.countWorkingDays('2026-02-14', '2026-02-23')).toBe(0); // 2/14 is `from`, 2/15–23 off
    expect(calendar.countWorkingDays('2026-02-13', '2026-02-14')).toBe(1); // the make-up Saturday
  });
  it('refuses a reversed range', () => {
    expect(() => calendar.countWorkingDays('2026-03-01', '2026-02-01')).toThrow(RangeError);
  });
});

describe('calendarDaysDeadline — a period ending on a day off ends on the next working day', () => {
  it('15 days from 2026-09-16 nominally end on 10-01 (国庆节) → 2026-10-08', () => {
    expect(calendar.calendarDaysDeadline('2026-09-16', 15)).toBe('2026-10-08');
  });
  it('60 days from 2025-08-02 nominally end on 10-01 → 10-02–08 off too → 2025-10-09', () => {
    // 8/2 + 29 = 8/31, + 30 = 9/30, + 1 = 10/1.
    expect(calendar.addCalendarDays('2025-08-02', 60)).toBe('2025-10-01');
    expect(calendar.calendarDaysDeadline('2025-08-02', 60)).toBe('2025-10-09');
  });
  it('an ordinary weekend moves to Monday', () => {
    expect(calendar.calendarDaysDeadline('2026-11-04', 10)).toBe('2026-11-16'); // nominal Sat 11/14
  });
  it('a make-up working day or an ordinary working day is kept', () => {
    expect(calendar.calendarDaysDeadline('2026-02-04', 10)).toBe('2026-02-14'); // Sat, make-up day
    expect(calendar.calendarDaysDeadline('2026-11-02', 10)).toBe('2026-11-12'); // Thursday
  });
  it('n = 0 on a holiday moves to the next working day', () => {
    expect(calendar.calendarDaysDeadline('2026-10-01', 0)).toBe('2026-10-08');
  });
  it('addCalendarDays needs no calendar and goes both ways', () => {
    expect(calendar.addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(calendar.addCalendarDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(calendar.addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('unloaded years: refuse, never guess', () => {
  const yearOf = (fn: () => unknown): number | undefined => {
    try {
      fn();
    } catch (error) {
      if (error instanceof CalendarYearNotLoadedError) return error.year;
      throw error;
    }
    return undefined;
  };
  it('reports which years are loaded', () => {
    expect(calendar.loadedYears).toEqual([2025, 2026]);
    expect(calendar.isYearLoaded(2026)).toBe(true);
    expect(calendar.isYearLoaded(2027)).toBe(false);
  });
  it('throws CalendarYearNotLoadedError(2027) for 2027 dates', () => {
    expect(yearOf(() => calendar.isWorkingDay('2027-01-04'))).toBe(2027);
    expect(yearOf(() => calendar.specialDay('2027-01-01'))).toBe(2027);
    expect(yearOf(() => calendar.nextWorkingDay('2027-01-04'))).toBe(2027);
    expect(yearOf(() => calendar.addWorkingDays('2027-01-04', 0))).toBe(2027);
    expect(yearOf(() => calendar.calendarDaysDeadline('2026-12-01', 60))).toBe(2027);
    const error = new CalendarYearNotLoadedError(2027);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'CalendarYearNotLoadedError', code: 'CALENDAR_YEAR_NOT_LOADED', year: 2027 });
  });
  it('throws when a count runs into 2027', () => {
    // 12/29 (1), 12/30 (2), 12/31 (3), then 2027 would be needed.
    expect(calendar.addWorkingDays('2026-12-28', 3)).toBe('2026-12-31');
    expect(yearOf(() => calendar.addWorkingDays('2026-12-28', 4))).toBe(2027);
    expect(yearOf(() => calendar.addWorkingDays('2025-12-31', 249))).toBe(2027);
    expect(yearOf(() => calendar.countWorkingDays('2026-12-01', '2027-01-10'))).toBe(2027);
  });
  it('throws for a start date in an unloaded year', () => {
    expect(yearOf(() => calendar.addWorkingDays('2024-12-31', 1))).toBe(2024);
    expect(yearOf(() => calendar.countWorkingDays('2024-12-31', '2025-01-10'))).toBe(2024);
  });
  it('throws for a range over a gap between loaded years', () => {
    const gappy = new WorkingDayCalendar([...calendarDaysFromChineseDays(2024), ...calendarDaysFromChineseDays(2026)], [2024, 2026]);
    expect(yearOf(() => gappy.countWorkingDays('2024-06-01', '2026-01-10'))).toBe(2025);
    expect(yearOf(() => gappy.addWorkingDays('2024-12-20', 30))).toBe(2025);
    expect(gappy.addWorkingDays('2024-12-20', 5)).toBe('2024-12-27');
  });
  it('an empty calendar knows nothing', () => {
    const empty = new WorkingDayCalendar([], []);
    expect(empty.loadedYears).toEqual([]);
    expect(yearOf(() => empty.isWorkingDay('2026-11-23'))).toBe(2026);
  });
});

describe('input validation', () => {
  it('rejects malformed or impossible dates', () => {
    for (const bad of ['2026-02-30', '2026-1-5', '2026-01-05T00:00', '2026/01/05', '', '2026-13-01', '2026-00-10', '2025-02-29', ' 2026-01-05']) {
      expect(() => calendar.isWorkingDay(bad), bad).toThrow(RangeError);
    }
    expect(calendar.isWorkingDay('2026-02-27')).toBe(true);
    expect(() => calendar.addWorkingDays('2026-1-5', 1)).toThrow(RangeError);
    expect(() => calendar.countWorkingDays('2026-01-05', '2026-02-29')).toThrow(RangeError);
  });
  it('rejects a negative, fractional or non-finite count', () => {
    for (const n of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => calendar.addWorkingDays('2026-01-05', n), String(n)).toThrow(RangeError);
      expect(() => calendar.calendarDaysDeadline('2026-01-05', n), String(n)).toThrow(RangeError);
    }
    expect(() => calendar.addCalendarDays('2026-01-05', 0.5)).toThrow(RangeError);
  });
  it('rejects inconsistent data; ignores days of years not declared loaded', () => {
    expect(() => new WorkingDayCalendar([{ date: '2026-02-14', kind: 'workday', name: '春节' }, { date: '2026-02-14', kind: 'holiday', name: '春节' }], [2026])).toThrow(RangeError);
    expect(() => new WorkingDayCalendar([{ date: '2026-2-14', kind: 'workday', name: '春节' }], [2026])).toThrow(RangeError);
    expect(() => new WorkingDayCalendar([], [2026.5])).toThrow(RangeError);
    const partial = new WorkingDayCalendar([{ date: '2027-01-01', kind: 'holiday', name: '元旦' }, ...calendarDaysFromChineseDays(2026)], [2026]);
    expect(partial.isYearLoaded(2027)).toBe(false);
    expect(partial.countWorkingDays('2026-01-01', '2026-12-31')).toBe(248);
  });
  it('dayNumber and dateOf are inverse and time-zone free', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2026-02-27')).toBe(Date.UTC(2026, 1, 27) / 86_400_000);
    expect(dateOf(dayNumber('2000-02-29'))).toBe('2000-02-29');
    expect(() => dayNumber('1900-02-29')).toThrow(RangeError);
    fc.assert(fc.property(fc.integer({ min: dayNumber('0001-01-01'), max: dayNumber('9999-12-31') }), (n) => dayNumber(dateOf(n)) === n && dateOf(n) === new Date(n * 86_400_000).toISOString().slice(-24, -14)));
  });
});

describe('properties (dates in the loaded years 2025–2026, 0 ≤ n ≤ 200)', () => {
  const first = dayNumber('2025-01-01');
  const last = dayNumber('2026-12-31');
  const aDay = fc.integer({ min: first, max: last });
  const aDate = aDay.map(dateOf);
  /** A date and a count that keeps addWorkingDays inside the loaded years. */
  const dateAndCount = aDate.chain((d) => fc.tuple(fc.constant(d), fc.integer({ min: 0, max: Math.min(200, calendar.countWorkingDays(d, '2026-12-31')) })));

  /** Independent oracle: day-by-day walk over the notices' lists (no precomputed tables). */
  const special = new Map([...notice2025, ...notice2026].map((d) => [d.date, d.kind]));
  const oracleWorking = (date: string) => {
    const kind = special.get(date);
    return kind ? kind === 'workday' : !['周六', '周日'].includes(zhou(date));
  };

  it('countWorkingDays(d, addWorkingDays(d, n)) === n', () => {
    fc.assert(fc.property(dateAndCount, ([d, n]) => calendar.countWorkingDays(d, calendar.addWorkingDays(d, n)) === n));
  });
  it('addWorkingDays(d, n) is a working day for n > 0', () => {
    fc.assert(fc.property(dateAndCount, ([d, n]) => n === 0 || calendar.isWorkingDay(calendar.addWorkingDays(d, n))));
  });
  it('addWorkingDays is strictly increasing in n, and after d for n > 0', () => {
    fc.assert(
      fc.property(dateAndCount, ([d, n]) => {
        const here = calendar.addWorkingDays(d, n);
        if (n > 0 && !(here > d)) return false;
        return n === 0 || calendar.addWorkingDays(d, n - 1) < here;
      }),
    );
  });
  it('no working day is skipped: the days strictly between the (n−1)th and the nth are days off', () => {
    fc.assert(
      fc.property(dateAndCount, ([d, n]) => {
        if (n === 0) return true;
        const prev = dayNumber(calendar.addWorkingDays(d, n - 1));
        const here = dayNumber(calendar.addWorkingDays(d, n));
        for (let x = prev + 1; x < here; x++) if (calendar.isWorkingDay(dateOf(x))) return false;
        return true;
      }),
    );
  });
  it('countWorkingDays is additive over adjacent intervals', () => {
    fc.assert(
      fc.property(aDay, aDay, aDay, (x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p - q).map(dateOf);
        return calendar.countWorkingDays(a, c) === calendar.countWorkingDays(a, b) + calendar.countWorkingDays(b, c);
      }),
    );
  });
  it('agrees with a naive day-by-day walk over the notices', () => {
    fc.assert(
      fc.property(dateAndCount, ([d, n]) => {
        expect(calendar.isWorkingDay(d)).toBe(oracleWorking(d));
        let x = dayNumber(d);
        for (let left = n; left > 0; ) if (oracleWorking(dateOf(++x))) left--;
        return calendar.addWorkingDays(d, n) === dateOf(x);
      }),
    );
  });
  it('calendarDaysDeadline is the first working day on or after date + n', () => {
    fc.assert(
      fc.property(aDate, fc.integer({ min: 0, max: 200 }), (d, n) => {
        const nominal = dayNumber(d) + n;
        fc.pre(nominal <= dayNumber('2026-12-28')); // 2026-12-28 … 31 are working days, so no run into 2027
        const deadline = dayNumber(calendar.calendarDaysDeadline(d, n));
        if (deadline < nominal || !calendar.isWorkingDay(dateOf(deadline))) return false;
        for (let x = nominal; x < deadline; x++) if (calendar.isWorkingDay(dateOf(x))) return false;
        return true;
      }),
    );
  });
  it('running past 2026 always throws CalendarYearNotLoadedError(2027), never a guess', () => {
    fc.assert(
      fc.property(aDate, fc.integer({ min: 1, max: 300 }), (d, extra) => {
        const n = calendar.countWorkingDays(d, '2026-12-31') + extra;
        try {
          calendar.addWorkingDays(d, n);
          return false;
        } catch (error) {
          return error instanceof CalendarYearNotLoadedError && error.year === 2027;
        }
      }),
    );
  });
});
