/**
 * The periods of a penalty's filing and execution that the clock engine does not count in days: the
 * limitation period in years (行政处罚法第三十六条), the late-payment penalty (第七十二条, 第七十三条
 * 第三款) and the window for applying to the court (行政强制法第五十三条, 第五十四条). Pure functions of
 * dates ('YYYY-MM-DD', China time) and the working-day calendar; the guards (./guards.ts) apply them.
 *
 * Periods in years and months follow 民法典第二百零一条 ("开始的当日不计入，自下一日开始计算") and
 * 第二百零二条 ("按照年、月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，月末日为期间的
 * 最后一日").
 */
import { onCalendar } from '../../calendar/fallback.js';
import type { WorkingDayCalendar } from '../../calendar/working-days.js';

const DAY_MS = 86_400_000;
const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / DAY_MS;
const fromDayNumber = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** The last day of a period of `months` months from `date` (民法典第二百零一条、第二百零二条). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastOfMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastOfMonth)).padStart(2, '0')}`;
}

/** 行政处罚法第三十六条: two years, five where the offence touched life, health or financial security with harmful effects. */
export const LIMITATION_YEARS = { ordinary: 2, extended: 5 } as const;

/**
 * The last day on which an offence may still be discovered (行政处罚法第三十六条: "违法行为在二年内未被
 * 发现的，不再给予行政处罚；涉及公民生命健康安全、金融安全且有危害后果的，上述期限延长至五年…从违法
 * 行为发生之日起计算；违法行为有连续或者继续状态的，从行为终了之日起计算"). `offenceDate` is the day
 * the offence was committed, or the day it ended. The last day is kept when it is a day off: the
 * article limits the power to punish, and discovery needs no office to be open, so a holiday must
 * not lengthen it against the party.
 */
export function limitationLastDay(offenceDate: string, extended: boolean): string {
  return addMonths(offenceDate, 12 * (extended ? LIMITATION_YEARS.extended : LIMITATION_YEARS.ordinary));
}

/** 行政处罚法第六十七条第三款: "自收到行政处罚决定书之日起十五日内" — calendar days (Art. 85 lists only 二日…七日). */
export const PAYMENT_DAYS = 15;

/**
 * The last day to pay a fine: 15 days after the day the decision was received, a last day off
 * moving to the next working day (民事诉讼法第八十五条, applied through 行政诉讼法第一百零一条; 民法典
 * 第二百零三条). On the statutory days off where the year is not loaded, marked provisional.
 */
export function paymentLastDay(calendar: WorkingDayCalendar, receivedOn: string): { date: string; provisional: boolean } {
  const { value, provisional } = onCalendar(calendar, (c) => c.calendarDaysDeadline(receivedOn, PAYMENT_DAYS));
  return { date: value, provisional };
}

/**
 * A day an approval set (a deferred date, an instalment's, 第六十六条第二款), moved to the next
 * working day when it is a day off — the same rule as the 15 days it replaces.
 */
export function onWorkingDay(calendar: WorkingDayCalendar, date: string): { date: string; provisional: boolean } {
  const { value, provisional } = onCalendar(calendar, (c) => (c.isWorkingDay(date) ? date : c.nextWorkingDay(date)));
  return { date: value, provisional };
}

/** 行政处罚法第七十二条第一款第一项: "每日按罚款数额的百分之三加处罚款" (in hundredths of a per cent: 300 = 3 %). */
export const LATE_PAYMENT_RATE_BASIS_POINTS = 300;

/** An amount due by a day: the whole fine, or one instalment of an approved schedule (第六十六条第二款). */
export interface Due {
  dueOn: string;
  amount: number;
}

/** A period of review or litigation (第七十三条第三款), both days included; `to` null while it runs. */
export interface RemedyPeriod {
  from: string;
  to: string | null;
}

/**
 * The late-payment penalty the law allows on `paidOn` (行政处罚法第七十二条第一款第一项: "到期不缴纳
 * 罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额"): for each amount due,
 * 3 % of it for every day after its last day up to and including the day paid, leaving out the
 * days of review or litigation (第七十三条第三款: "加处罚款的数额在行政复议或者行政诉讼期间不予计算"),
 * never more than the amount itself. Computed in fen, rounded to the fen.
 */
export function latePaymentPenalty(dues: readonly Due[], paidOn: string, remedies: readonly RemedyPeriod[] = []): { days: number; amount: number } {
  let fen = 0;
  let maxDays = 0;
  for (const due of dues) {
    const first = dayNumber(due.dueOn) + 1;
    const last = dayNumber(paidOn);
    let days = Math.max(0, last - first + 1);
    for (const r of remedies) {
      const from = Math.max(first, dayNumber(r.from));
      const to = Math.min(last, r.to ? dayNumber(r.to) : last);
      if (to >= from) days -= to - from + 1;
    }
    days = Math.max(0, days);
    maxDays = Math.max(maxDays, days);
    const dueFen = Math.round(due.amount * 100);
    fen += Math.min(dueFen, Math.round((dueFen * LATE_PAYMENT_RATE_BASIS_POINTS * days) / 10_000));
  }
  return { days: maxDays, amount: fen / 100 };
}

/** 行政诉讼法第四十六条第一款: "应当自知道或者应当知道作出行政行为之日起六个月内提出" (the longer of the two remedies). */
export const LITIGATION_MONTHS = 6;
/** 行政强制法第五十三条: "可以自期限届满之日起三个月内…申请人民法院强制执行". */
export const COURT_APPLICATION_MONTHS = 3;
/** 行政强制法第五十四条 "催告书送达十日后", 第六十九条: 十日以内 = working days. */
export const REMINDER_WAIT_WORKING_DAYS = 10;

/**
 * When an agency without power of enforcement may apply to the court (行政强制法第五十三条: "当事人在
 * 法定期限内不申请行政复议或者提起行政诉讼，又不履行行政决定的，没有行政强制执行权的行政机关可以自期限
 * 届满之日起三个月内…申请人民法院强制执行"): from the day after the period for litigation ends (six
 * months from service, the longer remedy) to three months after it — or, where a deferral or
 * instalments were approved, three months after their last day (行政处罚法第七十二条第二款), and
 * only after 10 working days from the reminder's service (行政强制法第五十四条、第六十九条). Last days
 * off move to the next working day (a court filing; 民事诉讼法第八十五条).
 */
export function courtApplicationWindow(
  calendar: WorkingDayCalendar,
  input: { servedOn: string; deferredUntil?: string | null; reminderServedOn?: string | null },
): { earliest: string; lastDay: string; provisional: boolean } {
  let provisional = false;
  const onWorkingDay = (d: string) => {
    const r = onCalendar(calendar, (c) => (c.isWorkingDay(d) ? d : c.nextWorkingDay(d)));
    provisional ||= r.provisional;
    return r.value;
  };
  const litigationEnds = onWorkingDay(addMonths(input.servedOn, LITIGATION_MONTHS));
  const from = input.deferredUntil && input.deferredUntil > litigationEnds ? input.deferredUntil : litigationEnds;
  const lastDay = onWorkingDay(addMonths(from, COURT_APPLICATION_MONTHS));
  let earliest = fromDayNumber(dayNumber(litigationEnds) + 1);
  if (input.reminderServedOn) {
    const waited = onCalendar(calendar, (c) => c.addWorkingDays(input.reminderServedOn!, REMINDER_WAIT_WORKING_DAYS));
    provisional ||= waited.provisional;
    const after = fromDayNumber(dayNumber(waited.value) + 1);
    if (after > earliest) earliest = after;
  }
  return { earliest, lastDay, provisional };
}
