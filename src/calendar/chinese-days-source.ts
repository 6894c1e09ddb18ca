import { createRequire } from 'node:module';
import type { CalendarDay } from './working-days.js';

const require = createRequire(import.meta.url);

interface ChineseDaysData {
  /** date → "English name,中文名,days" */
  holidays: Record<string, string>;
  /** make-up working days: date → "English name,中文名,days" */
  workdays: Record<string, string>;
}

let data: ChineseDaysData | undefined;
const load = (): ChineseDaysData => (data ??= require('chinese-days/dist/chinese-days.json') as ChineseDaysData);

const chineseName = (value: string) => value.split(',')[1] ?? value;

/**
 * Years the chinese-days package really covers: those with official holidays in its data. (For a
 * year it lacks, its functions silently fall back to plain weekends, so that is not coverage.)
 */
export function chineseDaysYears(): number[] {
  const years = new Set(Object.keys(load().holidays).map((d) => Number(d.slice(0, 4))));
  return [...years].sort((a, b) => a - b);
}

/** One year's official holidays and make-up working days, from the chinese-days package. */
export function calendarDaysFromChineseDays(year: number): CalendarDay[] {
  const { holidays, workdays } = load();
  const prefix = `${year}-`;
  const days: CalendarDay[] = [];
  for (const [date, value] of Object.entries(holidays)) {
    if (date.startsWith(prefix)) days.push({ date, kind: 'holiday', name: chineseName(value) });
  }
  for (const [date, value] of Object.entries(workdays)) {
    if (date.startsWith(prefix)) days.push({ date, kind: 'workday', name: `${chineseName(value)}调休` });
  }
  return days.sort((a, b) => a.date.localeCompare(b.date));
}
