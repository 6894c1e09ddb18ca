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

/** One year's special days to load, with where they come from. */
export interface CalendarYearLoad {
  year: number;
  days: CalendarDay[];
  source: 'chinese-days' | 'manual';
  notice: HolidayNotice | null;
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
  await loadCalendarYears(tx, ctx, [{ year, days, source, notice }]);
}

/**
 * Writes several years at once: one statement for the years, one for all their days, then one
 * audit record per year, in order (the seed at a first start loads ≈ 20 years; issue 8).
 */
export async function loadCalendarYears(tx: Tx, ctx: AuditContext, loads: CalendarYearLoad[]) {
  if (!loads.length) return;
  await tx
    .insert(calendarYears)
    .values(loads.map(({ year, source, notice }) => ({ year, source, notice: notice?.number ?? null, noticeTitle: notice?.title ?? null, loadedAt: ctx.now, loadedBy: ctx.actor?.userId ?? null })))
    .onConflictDoNothing();
  // One row per date (a statement may not update a row twice): the last load's kind and name win
  // and the first load's year stays, as when the years are written one after another.
  const rows = new Map<string, { day: string; kind: CalendarDay['kind']; name: string; year: number }>();
  for (const { year, days } of loads) {
    for (const d of days) rows.set(d.date, { day: d.date, kind: d.kind, name: d.name, year: rows.get(d.date)?.year ?? year });
  }
  if (rows.size) {
    await tx
      .insert(calendarDays)
      .values([...rows.values()])
      .onConflictDoUpdate({ target: calendarDays.day, set: { kind: sql`excluded.kind`, name: sql`excluded.name` } });
  }
  for (const { year, days, source, notice } of loads) {
    await recordAudit(tx, ctx, { action: 'calendar.year_loaded', subjectType: 'calendar_year', subjectId: String(year), detail: { source, notice: notice?.number ?? null, noticeTitle: notice?.title ?? null, days: days.length } });
  }
}

/** Seeds every year the chinese-days package covers and the table lacks, in one transaction. Idempotent; run at start. */
export async function seedCalendarFromPackage(db: Db, ctx: AuditContext): Promise<number[]> {
  const loaded = new Set((await db.select({ year: calendarYears.year }).from(calendarYears)).map((r) => r.year));
  const added = chineseDaysYears().filter((year) => !loaded.has(year));
  if (added.length) {
    await db.transaction((tx) =>
      loadCalendarYears(
        tx,
        ctx,
        added.map((year) => ({ year, days: calendarDaysFromChineseDays(year), source: 'chinese-days', notice: holidayNoticeOf(year) })),
      ),
    );
  }
  return added;
}
