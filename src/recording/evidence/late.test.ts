import { beforeAll, describe, expect, it } from 'vitest';
import { calendarDaysFromChineseDays } from '../../calendar/chinese-days-source.js';
import { WorkingDayCalendar } from '../../calendar/working-days.js';
import { lateness } from './late.js';

let calendar: WorkingDayCalendar;
beforeAll(() => {
  calendar = new WorkingDayCalendar([...calendarDaysFromChineseDays(2025), ...calendarDaysFromChineseDays(2026)], [2025, 2026]);
});

const at = (chinaTime: string) => new Date(`${chinaTime}+08:00`);

describe('lateness (R7: within 3 working days)', () => {
  it('counts across a weekend: captured Fri 2026-11-20, due Wed 11-25', () => {
    expect(lateness(calendar, at('2026-11-20T18:00:00'), at('2026-11-25T23:59:00'))).toEqual({ late: false, dueOn: '2026-11-25', rule: 'calendar' });
    expect(lateness(calendar, at('2026-11-20T18:00:00'), at('2026-11-26T00:00:00')).late).toBe(true);
  });

  it('counts across National Day 2026 with its make-up Saturday (2026 State Council notice): 09-30 → 10-10', () => {
    expect(lateness(calendar, at('2026-09-30T15:00:00'), at('2026-10-09T09:00:00'))).toMatchObject({ late: false, dueOn: '2026-10-10' });
    expect(lateness(calendar, at('2026-09-30T15:00:00'), at('2026-10-12T09:00:00')).late).toBe(true);
  });

  it('uses China dates: 23:30 UTC on 11-19 is already Friday 11-20 in China', () => {
    expect(lateness(calendar, new Date('2026-11-19T23:30:00Z'), at('2026-11-25T12:00:00')).dueOn).toBe('2026-11-25');
  });

  it('counts the statutory days off, and says so, for a year whose calendar is not loaded (2027)', () => {
    // Captured Thu 2027-09-30; 国庆节 1–3 October is off by law (放假办法 Art. 2), whatever the 2027 notice adds:
    // Mon 10-04, Tue 10-05, Wed 10-06. Counting Monday–Friday only would have said Tue 10-05.
    expect(lateness(calendar, at('2027-09-30T10:00:00'), at('2027-10-06T10:00:00'))).toEqual({ late: false, dueOn: '2027-10-06', rule: 'statutory_days_off' });
    expect(lateness(calendar, at('2027-09-30T10:00:00'), at('2027-10-07T10:00:00')).late).toBe(true);
  });
});
