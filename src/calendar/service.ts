import { asc, sql } from 'drizzle-orm';
import { recordAudit, type AuditContext } from '../audit/record.js';
import type { Db, Tx } from '../platform/db/database.js';
import { calendarDaysFromChineseDays, chineseDaysYears } from './chinese-days-source.js';
import { holidayNoticeOf, type HolidayNotice } from './notices.js';
import { calendarDays, calendarYears } from './tables.js';
import { WorkingDayCalendar, type CalendarDay } from './working-days.js';

/**
 * Holds the working-day calendar loaded from the database; reloaded after an administrator
 * changes it. Deadline code asks `current` (P5, R7, R8, L10 all count working days).
 */
export class WorkingDayCalendarService {
  private calendar = new WorkingDayCalendar([], []);

  constructor(private readonly db: Db) {}

  get current(): WorkingDayCalendar {
    return this.calendar;
  }

  async reload(): Promise<WorkingDayCalendar> {
    const years = await this.db.select().from(calendarYears).orderBy(asc(calendarYears.year));
    const days = await this.db.select().from(calendarDays).orderBy(asc(calendarDays.day));
    this.calendar = new WorkingDayCalendar(
      days.map((d) => ({ date: d.day, kind: d.kind, name: d.name })),
      years.map((y) => y.year),
    );
    return this.calendar;
  }
}

/** Writes one year's special days, replacing nothing: a loaded year is extended day by day. */
export async function loadCalendarYear(
  tx: Tx,
  ctx: AuditContext,
  year: number,
  days: CalendarDay[],
  source: 'chinese-days' | 'manual',
  notice: HolidayNotice | null,
) {
  await tx
    .insert(calendarYears)
    .values({ year, source, notice: notice?.number ?? null, noticeTitle: notice?.title ?? null, loadedAt: ctx.now, loadedBy: ctx.actor?.userId ?? null })
    .onConflictDoNothing();
  if (days.length) {
    await tx
      .insert(calendarDays)
      .values(days.map((d) => ({ day: d.date, kind: d.kind, name: d.name, year })))
      .onConflictDoUpdate({ target: calendarDays.day, set: { kind: sql`excluded.kind`, name: sql`excluded.name` } });
  }
  await recordAudit(tx, ctx, { action: 'calendar.year_loaded', subjectType: 'calendar_year', subjectId: String(year), detail: { source, notice: notice?.number ?? null, noticeTitle: notice?.title ?? null, days: days.length } });
}

/** Seeds every year the chinese-days package covers and the table lacks. Idempotent; run at start. */
export async function seedCalendarFromPackage(db: Db, ctx: AuditContext): Promise<number[]> {
  const loaded = new Set((await db.select({ year: calendarYears.year }).from(calendarYears)).map((r) => r.year));
  const added: number[] = [];
  for (const year of chineseDaysYears()) {
    if (loaded.has(year)) continue;
    await db.transaction((tx) => loadCalendarYear(tx, ctx, year, calendarDaysFromChineseDays(year), 'chinese-days', holidayNoticeOf(year)));
    added.push(year);
  }
  return added;
}
