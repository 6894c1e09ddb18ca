import { date, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  source: text('source').$type<'chinese-days' | 'manual'>().notNull(),
  /** The notice's document number (国办发明电〔2025〕7号) and title; null where not known. */
  notice: text('notice'),
  noticeTitle: text('notice_title'),
  loadedAt: timestamp('loaded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  loadedBy: uuid('loaded_by'),
});

export const calendarDays = pgTable('calendar_days', {
  day: date('day', { mode: 'string' }).primaryKey(),
  kind: text('kind').$type<'holiday' | 'workday'>().notNull(),
  name: text('name').notNull(),
  year: integer('year').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
