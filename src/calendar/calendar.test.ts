import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/harness.js';
import { buildWorld, PASSWORD } from '../../test/factories.js';

let t: TestContext;
let sysadmin: Session;
let officer: Session;

beforeAll(async () => {
  t = await createTestApp();
  await buildWorld(t.database);
  sysadmin = await loginAs(t.app, 'sysadmin', PASSWORD);
  officer = await loginAs(t.app, 'officer_a', PASSWORD);
});
afterAll(() => t.close());

// The 2027 notice had not been issued when this was written; these days are a test fixture, not the real arrangement.
const fixture2027 = {
  year: 2027,
  notice: '测试用通知（非真实安排）',
  noticeTitle: '测试用：2027年部分节假日安排（非真实通知）',
  days: [
    { date: '2027-01-01', kind: 'holiday', name: '元旦' },
    { date: '2027-01-02', kind: 'holiday', name: '元旦' },
    { date: '2027-01-03', kind: 'holiday', name: '元旦' },
    { date: '2027-02-20', kind: 'workday', name: '春节调休' },
  ],
};

describe('GET /api/calendar/years', () => {
  it('lists the years seeded from chinese-days with their counts', async () => {
    const res = await officer.get('/api/calendar/years');
    expect(res.statusCode).toBe(200);
    const y2026 = res.json().items.find((y: { year: number }) => y.year === 2026);
    expect(y2026).toMatchObject({ source: 'chinese-days', workdays: 6 });
    expect(res.json().items.some((y: { year: number }) => y.year === 2027)).toBe(false);
  });

  it('names each seeded year\'s State Council notice by title and number, not the package (issue 8)', async () => {
    const items: { year: number; notice: string | null; noticeTitle: string | null }[] = (await officer.get('/api/calendar/years')).json().items;
    const byYear = new Map(items.map((y) => [y.year, y]));
    expect(byYear.get(2026)).toMatchObject({ notice: '国办发明电〔2025〕7号', noticeTitle: '国务院办公厅关于2026年部分节假日安排的通知' });
    expect(byYear.get(2025)).toMatchObject({ notice: '国办发明电〔2024〕12号', noticeTitle: '国务院办公厅关于2025年部分节假日安排的通知' });
    expect(byYear.get(2024)).toMatchObject({ notice: '国办发明电〔2023〕7号' });
    // Every seeded year from 2007 on has one (2004–2006: numbers not sourced).
    expect(items.filter((y) => y.year >= 2007 && !(y.notice && y.noticeTitle))).toEqual([]);
  });
});

describe('GET /api/calendar/working-days/*', () => {
  it('adds and counts working days on the official calendar', async () => {
    expect((await officer.get('/api/calendar/working-days/add?from=2026-02-11&days=7')).json().date).toBe('2026-02-27');
    expect((await officer.get('/api/calendar/working-days/count?from=2026-02-11&to=2026-02-27')).json().workingDays).toBe(7);
  });
  it('answers 422 CALENDAR_YEAR_NOT_LOADED for 2027', async () => {
    const res = await officer.get('/api/calendar/working-days/add?from=2026-12-28&days=5');
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'CALENDAR_YEAR_NOT_LOADED', details: { year: 2027 } });
  });
  it('validates dates and ranges', async () => {
    expect((await officer.get('/api/calendar/working-days/add?from=2026-02-30&days=1')).json().error.fields[0]).toMatchObject({ field: 'from', code: 'invalid_date' });
    expect((await officer.get('/api/calendar/working-days/add?from=2026-02-10&days=-1')).statusCode).toBe(400);
    expect((await officer.get('/api/calendar/working-days/count?from=2026-03-01&to=2026-02-01')).statusCode).toBe(400);
  });
});

describe('the dashboard warns until next year is loaded; an administrator loads it', () => {
  it('warns about 2027 on 2026-11-22', async () => {
    const res = await officer.get('/api/dashboard');
    expect(res.statusCode).toBe(200);
    expect(res.json().warnings.map((w: { code: string }) => w.code)).toContain('CALENDAR_NEXT_YEAR_MISSING');
  });

  it('refuses non-administrators', async () => {
    expect((await officer.post('/api/calendar/years', fixture2027)).statusCode).toBe(403);
  });

  it('requires the notice\'s number and title to load a year', async () => {
    const { noticeTitle: _title, ...untitled } = fixture2027;
    const res = await sysadmin.post('/api/calendar/years', untitled);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['noticeTitle']);
    expect((await sysadmin.post('/api/calendar/years', { ...fixture2027, notice: '  ' })).statusCode).toBe(400);
  });

  it('rejects a day outside the year, naming it', async () => {
    const res = await sysadmin.post('/api/calendar/years', { ...fixture2027, days: [{ date: '2026-12-31', kind: 'holiday', name: 'x' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('days.0.date');
  });

  it('loads 2027 and deadlines use it at once', async () => {
    const res = await sysadmin.post('/api/calendar/years', fixture2027);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ year: 2027, source: 'manual', notice: fixture2027.notice, noticeTitle: fixture2027.noticeTitle, holidays: 3, workdays: 1 });
    const listed = (await officer.get('/api/calendar/years')).json().items.find((y: { year: number }) => y.year === 2027);
    expect(listed).toMatchObject({ notice: fixture2027.notice, noticeTitle: fixture2027.noticeTitle });
    // 2026-12-31 (Thu) + 2 working days: 1–3 Jan off → Mon 4, Tue 5.
    expect((await officer.get('/api/calendar/working-days/add?from=2026-12-31&days=2')).json().date).toBe('2027-01-05');
    expect((await officer.get('/api/dashboard')).json().warnings.map((w: { code: string }) => w.code)).not.toContain('CALENDAR_NEXT_YEAR_MISSING');
    expect((await sysadmin.post('/api/calendar/years', fixture2027)).statusCode).toBe(409);
  });

  it('lets an administrator adjust one day, and records it', async () => {
    const res = await sysadmin.request('PUT', '/api/calendar/days/2027-02-20', { kind: 'holiday', name: '更正' });
    expect(res.statusCode).toBe(200);
    expect((await officer.get('/api/calendar/years/2027/days')).json().items).toContainEqual({ date: '2027-02-20', kind: 'holiday', name: '更正' });
    const audit = await t.database.query(`select action from audit_events where subject_id = '2027-02-20'`);
    expect(audit).toEqual([{ action: 'calendar.day_set' }]);
    expect((await sysadmin.request('PUT', '/api/calendar/days/2030-01-01', { kind: 'holiday', name: 'x' })).statusCode).toBe(422);
  });
});
