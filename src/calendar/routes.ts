import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { authorize } from '../accounts/scope.js';
import { recordAudit } from '../audit/record.js';
import { AppError } from '../platform/errors.js';
import { actorOf, auditContext } from '../accounts/request-context.js';
import { transaction } from '../platform/db/transaction.js';
import type { App } from '../platform/http/app.js';
import type { AppDeps } from '../deps.js';
import { errorBody, isoDate } from '../platform/http/schemas.js';
import { calendarPolicy } from './policy.js';
import { loadCalendarYear } from './service.js';
import { calendarDays, calendarYears } from './tables.js';
import { CalendarYearNotLoadedError } from './working-days.js';

const dayIn = z.object({ date: isoDate(), kind: z.enum(['holiday', 'workday']), name: z.string().trim().min(1).max(50) });
const yearOut = z.object({
  year: z.number(),
  source: z.enum(['chinese-days', 'manual']),
  notice: z.string().nullable(),
  noticeTitle: z.string().nullable(),
  loadedAt: z.date(),
  holidays: z.number(),
  workdays: z.number(),
});

/** Runs calendar arithmetic, turning "year not loaded" into the named 422 error. */
function onCalendar<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof CalendarYearNotLoadedError) {
      throw new AppError('CALENDAR_YEAR_NOT_LOADED', [], { year: error.year });
    }
    throw error;
  }
}

/**
 * The working-day calendar: years loaded from chinese-days or entered by an administrator from the
 * State Council notice, their special days, and deadline arithmetic for clients.
 */
export async function calendarRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;

  app.get(
    '/api/calendar/years',
    { schema: { tags: ['calendar'], summary: '已录入年度 Loaded years', response: { 200: z.object({ items: z.array(yearOut) }) } } },
    async (request) => {
      authorize(calendarPolicy, actorOf(request), 'calendar.read');
      const rows = await db
        .select({
          year: calendarYears.year,
          source: calendarYears.source,
          notice: calendarYears.notice,
          noticeTitle: calendarYears.noticeTitle,
          loadedAt: calendarYears.loadedAt,
          holidays: sql<number>`(select count(*)::int from calendar_days d where d.year = calendar_years.year and d.kind = 'holiday')`,
          workdays: sql<number>`(select count(*)::int from calendar_days d where d.year = calendar_years.year and d.kind = 'workday')`,
        })
        .from(calendarYears)
        .orderBy(asc(calendarYears.year));
      return { items: rows };
    },
  );

  app.get(
    '/api/calendar/years/:year/days',
    {
      schema: {
        tags: ['calendar'],
        summary: '年度节假日与调休 Special days of a year',
        params: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
        response: { 200: z.object({ items: z.array(dayIn) }), 404: errorBody },
      },
    },
    async (request) => {
      authorize(calendarPolicy, actorOf(request), 'calendar.read');
      const [year] = await db.select().from(calendarYears).where(eq(calendarYears.year, request.params.year));
      if (!year) throw new AppError('NOT_FOUND');
      const days = await db.select().from(calendarDays).where(eq(calendarDays.year, request.params.year)).orderBy(asc(calendarDays.day));
      return { items: days.map((d) => ({ date: d.day, kind: d.kind, name: d.name })) };
    },
  );

  app.post(
    '/api/calendar/years',
    {
      schema: {
        tags: ['calendar'],
        summary: '按国务院通知录入年度安排 Load a year from the State Council notice',
        body: z.object({
          year: z.number().int().min(2000).max(2100),
          notice: z.string().trim().min(1).max(100).describe('The notice\'s document number, e.g. 国办发明电〔2025〕7号'),
          noticeTitle: z.string().trim().min(1).max(200).describe('Its title, e.g. 国务院办公厅关于2026年部分节假日安排的通知'),
          days: z.array(dayIn).min(1).max(120),
        }),
        response: { 201: yearOut, 400: errorBody, 403: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      authorize(calendarPolicy, actorOf(request), 'calendar.manage');
      const { year, notice, noticeTitle, days } = request.body;
      const wrong = days.findIndex((d) => !d.date.startsWith(`${year}-`));
      if (wrong >= 0) {
        throw new AppError('VALIDATION_FAILED', [{ field: `days.${wrong}.date`, code: 'invalid_date', message: `日期不属于 ${year} 年`, messageEn: `Date is not in ${year}` }]);
      }
      const [exists] = await db.select().from(calendarYears).where(eq(calendarYears.year, year));
      if (exists) throw new AppError('CONFLICT');
      await transaction(deps.database, (tx) => loadCalendarYear(tx, auditContext(request, deps), year, days, 'manual', { number: notice, title: noticeTitle }));
      await deps.calendar.reload();
      const holidays = days.filter((d) => d.kind === 'holiday').length;
      return reply.status(201).send({ year, source: 'manual' as const, notice, noticeTitle, loadedAt: deps.clock.now(), holidays, workdays: days.length - holidays });
    },
  );

  app.put(
    '/api/calendar/days/:date',
    {
      schema: {
        tags: ['calendar'],
        summary: '调整某日 Set one special day in a loaded year',
        params: z.object({ date: isoDate() }),
        body: z.object({ kind: z.enum(['holiday', 'workday']), name: z.string().trim().min(1).max(50) }),
        response: { 200: dayIn, 403: errorBody, 422: errorBody },
      },
    },
    async (request) => {
      authorize(calendarPolicy, actorOf(request), 'calendar.manage');
      const { date } = request.params;
      const year = Number(date.slice(0, 4));
      if (!deps.calendar.current.isYearLoaded(year)) throw new AppError('CALENDAR_YEAR_NOT_LOADED', [], { year });
      await transaction(deps.database, async (tx) => {
        await tx
          .insert(calendarDays)
          .values({ day: date, kind: request.body.kind, name: request.body.name, year })
          .onConflictDoUpdate({ target: calendarDays.day, set: { kind: request.body.kind, name: request.body.name } });
        await recordAudit(tx, auditContext(request, deps), { action: 'calendar.day_set', subjectType: 'calendar_day', subjectId: date, detail: request.body });
      });
      await deps.calendar.reload();
      return { date, ...request.body };
    },
  );

  app.get(
    '/api/calendar/working-days/add',
    {
      schema: {
        tags: ['calendar'],
        summary: '计算 N 个工作日后的日期 The Nth working day after a date',
        querystring: z.object({ from: isoDate(), days: z.coerce.number().int().min(0).max(1000) }),
        response: { 200: z.object({ from: z.string(), days: z.number(), date: z.string() }), 422: errorBody },
      },
    },
    async (request) => {
      authorize(calendarPolicy, actorOf(request), 'calendar.read');
      const { from, days } = request.query;
      return { from, days, date: onCalendar(() => deps.calendar.current.addWorkingDays(from, days)) };
    },
  );

  app.get(
    '/api/calendar/working-days/count',
    {
      schema: {
        tags: ['calendar'],
        summary: '两日之间的工作日数 Working days in (from, to]',
        querystring: z.object({ from: isoDate(), to: isoDate() }),
        response: { 200: z.object({ from: z.string(), to: z.string(), workingDays: z.number() }), 400: errorBody, 422: errorBody },
      },
    },
    async (request) => {
      authorize(calendarPolicy, actorOf(request), 'calendar.read');
      const { from, to } = request.query;
      if (to < from) throw new AppError('VALIDATION_FAILED', [{ field: 'to', code: 'too_small', message: '截止日期不得早于起始日期', messageEn: '`to` must not be before `from`' }]);
      return { from, to, workingDays: onCalendar(() => deps.calendar.current.countWorkingDays(from, to)) };
    },
  );
}
