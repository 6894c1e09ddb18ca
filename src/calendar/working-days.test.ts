import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarDaysFromChineseDays, chineseDaysYears } from './chinese-days-source.js';
import { CalendarYearNotLoadedError, dateOf, dayNumber, WorkingDayCalendar } from './working-days.js';

const years = [2025, 2026];
const calendar = new WorkingDayCalendar(years.flatMap(calendarDaysFromChineseDays), years);
const dayOff = (d: string) => expect(calendar.isWorkingDay(d), `${d} should be a day off`).toBe(false);
const workday = (d: string) => expect(calendar.isWorkingDay(d), `${d} should be a working day`).toBe(true);
const range = (from: string, to: string) => {
  const out: string[] = [];
  for (let n = dayNumber(from); n <= dayNumber(to); n++) out.push(dateOf(n));
  return out;
};

describe('2025 arrangement (国务院办公厅关于2025年部分节假日安排的通知, 国办发明电〔2024〕12号)', () => {
  it('has the holidays of the notice', () => {
    dayOff('2025-01-01');
    range('2025-01-28', '2025-02-04').forEach(dayOff); // 春节
    range('2025-04-04', '2025-04-06').forEach(dayOff); // 清明
    range('2025-05-01', '2025-05-05').forEach(dayOff); // 劳动节
    range('2025-05-31', '2025-06-02').forEach(dayOff); // 端午
    range('2025-10-01', '2025-10-08').forEach(dayOff); // 国庆、中秋
  });
  it('has the make-up working days of the notice', () => {
    ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'].forEach(workday);
  });
});

describe('2026 arrangement (国务院办公厅关于2026年部分节假日安排的通知, 国办发明电〔2025〕7号)', () => {
  it('has the holidays of the notice', () => {
    range('2026-01-01', '2026-01-03').forEach(dayOff);
    range('2026-02-15', '2026-02-23').forEach(dayOff);
    range('2026-04-04', '2026-04-06').forEach(dayOff);
    range('2026-05-01', '2026-05-05').forEach(dayOff);
    range('2026-06-19', '2026-06-21').forEach(dayOff);
    range('2026-09-25', '2026-09-27').forEach(dayOff);
    range('2026-10-01', '2026-10-07').forEach(dayOff);
  });
  it('has the make-up working days of the notice (e.g. Saturday 2026-02-14)', () => {
    ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'].forEach(workday);
    expect(calendar.specialDay('2026-02-14')).toEqual({ date: '2026-02-14', kind: 'workday', name: '春节调休' });
  });
  it('treats ordinary weekends as days off and weekdays as working days', () => {
    dayOff('2026-11-21'); // Saturday
    dayOff('2026-11-22'); // Sunday
    workday('2026-11-23'); // Monday
  });
});

describe('addWorkingDays (the start day is not counted)', () => {
  it('7 working days after Wed 2026-02-11: 12, 13, 14 (Sat, make-up), 24, 25, 26, 27 → 2026-02-27', () => {
    expect(calendar.addWorkingDays('2026-02-11', 7)).toBe('2026-02-27');
  });
  it('3 working days after 2025-12-31: 1–3 Jan off, Sun 4 Jan a make-up day → 4, 5, 6 → 2026-01-06', () => {
    expect(calendar.addWorkingDays('2025-12-31', 3)).toBe('2026-01-06');
  });
  it('20 working days after Fri 2025-09-26 (National Day and Mid-autumn in between) → 2025-10-30', () => {
    // 9-28, 9-29, 9-30 (3); 10-09, 10-10, 10-11 (6); 10-13..10-17 (11); 10-20..10-24 (16); 10-27, 10-28, 10-29, 10-30 (20)
    expect(calendar.addWorkingDays('2025-09-26', 20)).toBe('2025-10-30');
  });
  it('0 working days is the date itself', () => {
    expect(calendar.addWorkingDays('2026-10-03', 0)).toBe('2026-10-03');
  });
});

describe('calendarDaysDeadline (a period ending on a day off ends on the next working day)', () => {
  it('15 days from 2026-09-16 end on 10-01, a holiday → 2026-10-08', () => {
    expect(calendar.calendarDaysDeadline('2026-09-16', 15)).toBe('2026-10-08');
  });
  it('a period ending on a working day is unchanged', () => {
    expect(calendar.calendarDaysDeadline('2026-11-02', 10)).toBe('2026-11-12'); // a Thursday
  });
});

describe('unloaded years', () => {
  it('refuses to guess about 2027 (chinese-days has no 2027 data)', () => {
    expect(chineseDaysYears()).not.toContain(2027);
    expect(() => calendar.isWorkingDay('2027-01-04')).toThrow(CalendarYearNotLoadedError);
    expect(() => calendar.addWorkingDays('2026-12-28', 5)).toThrow(CalendarYearNotLoadedError);
    expect(() => calendar.countWorkingDays('2026-12-01', '2027-01-10')).toThrow(/2027/);
  });
  it('rejects malformed dates', () => {
    expect(() => calendar.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-1-5', 1)).toThrow(RangeError);
  });
});

describe('properties', () => {
  const first = dayNumber('2025-01-01');
  const span = dayNumber('2026-04-30') - first; // leaves room for 240 calendar days inside 2025–2026
  const aDate = fc.integer({ min: 0, max: span }).map((k) => dateOf(first + k));
  const n = fc.integer({ min: 0, max: 120 });

  it('adding then counting working days round-trips', () => {
    fc.assert(fc.property(aDate, n, (d, k) => calendar.countWorkingDays(d, calendar.addWorkingDays(d, k)) === k));
  });
  it('the Nth working day is a working day, and later for larger N', () => {
    fc.assert(
      fc.property(aDate, n, (d, k) => {
        const a = calendar.addWorkingDays(d, k + 1);
        return calendar.isWorkingDay(a) && a > calendar.addWorkingDays(d, k);
      }),
    );
  });
  it('counting is additive over adjacent intervals', () => {
    fc.assert(
      fc.property(aDate, n, n, (d, j, k) => {
        const mid = calendar.addCalendarDays(d, j);
        const end = calendar.addCalendarDays(mid, k);
        return calendar.countWorkingDays(d, end) === calendar.countWorkingDays(d, mid) + calendar.countWorkingDays(mid, end);
      }),
    );
  });
});
