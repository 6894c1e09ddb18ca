/**
 * The periods of a penalty's filing and execution, from the articles' own words:
 *
 * - 行政处罚法第三十六条 "违法行为在二年内未被发现的，不再给予行政处罚；涉及公民生命健康安全、金融安全且有
 *   危害后果的，上述期限延长至五年…从违法行为发生之日起计算；违法行为有连续或者继续状态的，从行为终了之日起
 *   计算", counted as 民法典第二百零一条、第二百零二条 count years ("没有对应日的，月末日为期间的最后一日");
 * - 第六十七条第三款 "自收到行政处罚决定书之日起十五日内" (calendar days; a last day off moves on);
 * - 第七十二条第一款第一项 "到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的
 *   数额", 第七十三条第三款 "加处罚款的数额在行政复议或者行政诉讼期间不予计算";
 * - 行政强制法第五十三条 "自期限届满之日起三个月内", 第五十四条 "催告书送达十日后", 第六十九条 (十日 = working days).
 *
 * Calendar: the State Council notices for 2025 and 2026; 2026 National Day 10-01…10-07 off, Sat 10-10 a
 * make-up working day; 2027 not loaded (statutory days off, provisional).
 */
import { describe, expect, it } from 'vitest';
import { calendarDaysFromChineseDays } from '../../calendar/chinese-days-source.js';
import { WorkingDayCalendar } from '../../calendar/working-days.js';
import { addMonths, courtApplicationWindow, latePaymentPenalty, limitationLastDay, paymentLastDay } from './penalty-periods.js';

const calendar = new WorkingDayCalendar([...calendarDaysFromChineseDays(2025), ...calendarDaysFromChineseDays(2026)], [2025, 2026]);

describe('第三十六条: two years (five) from the offence, or from its end', () => {
  it('an offence of 2024-03-10 may be discovered up to 2026-03-10 (the corresponding day)', () => {
    expect(limitationLastDay('2024-03-10', false)).toBe('2026-03-10');
  });

  it('an offence on the leap day 2024-02-29: no 2026-02-29, so the month end 2026-02-28 is the last day', () => {
    expect(limitationLastDay('2024-02-29', false)).toBe('2026-02-28');
    expect(limitationLastDay('2020-02-29', true)).toBe('2025-02-28');
    expect(limitationLastDay('2023-02-28', true)).toBe('2028-02-28');
  });

  it('an offence ended on New Year’s Eve 2024: last day 2026-12-31, kept although 2027 is not loaded', () => {
    expect(limitationLastDay('2024-12-31', false)).toBe('2026-12-31');
  });

  it('a last day on a day off is kept: 2024-10-01 → 2026-10-01 (National Day)', () => {
    expect(limitationLastDay('2024-10-01', false)).toBe('2026-10-01');
  });

  it('months run over the year end and to a shorter month', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
  });
});

describe('第六十七条第三款: fifteen days from receiving the decision', () => {
  it('served Wed 09-16: the 15th day is Thu 10-01 (National Day), so the last day is Thu 10-08', () => {
    expect(paymentLastDay(calendar, '2026-09-16')).toEqual({ date: '2026-10-08', provisional: false });
  });

  it('served Tue 09-15: the 15th day is Wed 09-30, a working day', () => {
    expect(paymentLastDay(calendar, '2026-09-15').date).toBe('2026-09-30');
  });

  it('served Thu 12-17: the 15th day Fri 2027-01-01 is New Year’s Day in a year not loaded → Mon 01-04, provisional', () => {
    expect(paymentLastDay(calendar, '2026-12-17')).toEqual({ date: '2027-01-04', provisional: true });
  });
});

describe('第七十二条第一款第一项: 3 % of the fine a day after the last day, never more than the fine', () => {
  const fine = [{ dueOn: '2026-10-08', amount: 1000 }];

  it('paid on the last day (10-08): nothing', () => {
    expect(latePaymentPenalty(fine, '2026-10-08')).toEqual({ days: 0, amount: 0 });
  });

  it('paid on day 1 after the window (10-09): 3 % = 30 yuan', () => {
    expect(latePaymentPenalty(fine, '2026-10-09')).toEqual({ days: 1, amount: 30 });
  });

  it('a day off counts: "每日" — paid Mon 10-12 after Sat 10-10 and Sun 10-11: 4 days, 120 yuan', () => {
    expect(latePaymentPenalty(fine, '2026-10-12')).toEqual({ days: 4, amount: 120 });
  });

  it('day 33 is 990 yuan; from day 34 the penalty is capped at the fine, 1000 yuan', () => {
    expect(latePaymentPenalty(fine, '2026-11-10')).toEqual({ days: 33, amount: 990 });
    expect(latePaymentPenalty(fine, '2026-11-11')).toEqual({ days: 34, amount: 1000 });
    expect(latePaymentPenalty(fine, '2027-06-01').amount).toBe(1000);
  });

  it('to the fen: 3 % of 333.33 yuan for one day is 10.00 yuan', () => {
    expect(latePaymentPenalty([{ dueOn: '2026-10-08', amount: 333.33 }], '2026-10-09').amount).toBe(10);
  });

  it('第七十三条第三款: the days of a review (10-12…10-21) are not counted; a review still running stops the count', () => {
    expect(latePaymentPenalty(fine, '2026-10-31', [{ from: '2026-10-12', to: '2026-10-21' }])).toEqual({ days: 13, amount: 390 });
    expect(latePaymentPenalty(fine, '2026-10-31', [{ from: '2026-10-12', to: null }])).toEqual({ days: 3, amount: 90 });
    // A review begun before the window ended leaves out only its days after the last day.
    expect(latePaymentPenalty(fine, '2026-10-12', [{ from: '2026-10-01', to: '2026-10-09' }])).toEqual({ days: 3, amount: 90 });
  });

  it('第六十六条第二款: an approved schedule — each instalment late from its own date', () => {
    const schedule = [
      { dueOn: '2026-11-30', amount: 500 },
      { dueOn: '2026-12-31', amount: 500 },
    ];
    expect(latePaymentPenalty(schedule, '2026-12-31')).toEqual({ days: 31, amount: 465 });
    expect(latePaymentPenalty(schedule, '2026-11-30').amount).toBe(0);
  });
});

describe('行政强制法第五十三条、第五十四条: when the court may be applied to', () => {
  it('served 2026-03-16: litigation may be brought to 09-16; the court from 09-17 to 12-16', () => {
    expect(courtApplicationWindow(calendar, { servedOn: '2026-03-16' })).toEqual({ earliest: '2026-09-17', lastDay: '2026-12-16', provisional: false });
  });

  it('served 2026-04-01: six months end on Thu 10-01 (National Day) → 10-08; three months from then end Fri 2027-01-08 (provisional)', () => {
    expect(courtApplicationWindow(calendar, { servedOn: '2026-04-01' })).toEqual({ earliest: '2026-10-09', lastDay: '2027-01-08', provisional: true });
  });

  it('第五十四条: 10 working days from a reminder served Wed 09-30 are 10-08…10-10 (make-up Saturday)…10-20; the court from 10-21', () => {
    const w = courtApplicationWindow(calendar, { servedOn: '2026-03-16', reminderServedOn: '2026-09-30' });
    expect(calendar.addWorkingDays('2026-09-30', 10)).toBe('2026-10-20');
    expect(w.earliest).toBe('2026-10-21');
  });

  it('处罚法第七十二条第二款: after an approved deferral, three months from its last day', () => {
    expect(courtApplicationWindow(calendar, { servedOn: '2026-03-16', deferredUntil: '2026-10-20' }).lastDay).toBe('2027-01-20');
  });
});
