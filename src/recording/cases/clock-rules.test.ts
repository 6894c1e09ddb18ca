/**
 * How a clock counts (issue 9), on a transitions table made for the test and a case whose facts are
 * set directly — what the procedures declare is tested with them; this file tests the counting:
 *
 * - from the event the law names: a date the step recorded (served on), not the step's entry;
 * - 行政许可法第四十二条 "二十日内不能作出决定的，经本行政机关负责人批准，可以延长十日": an extension counts
 *   only when granted before the deadline, for the length approved within the cap;
 * - 行政许可法第四十五条 "所需时间不计算在本节规定的期限内", 行政强制法第二十五条第三款 "检测、检验、检疫或者
 *   技术鉴定的期间不计算在查封、扣押期间内": pauses leave their days out;
 * - 行政强制法第二十五条 "查封、扣押的期限不得超过三十日": the decision sets the period, at most 30 days;
 * - 行政强制法第十九条 "二十四小时内向行政机关负责人报告": an hours clock, to the minute;
 * - 处罚法第六十条 / 许可法第四十二条 "另有规定的，从其规定": a power item's own period replaces the law's.
 *
 * Calendar: the State Council notices for 2025 and 2026 (chinese-days); 2026 National Day 10-01…10-07
 * off, Saturday 10-10 a make-up working day.
 */
import { describe, expect, it } from 'vitest';
import { calendarDaysFromChineseDays } from '../../calendar/chinese-days-source.js';
import { WorkingDayCalendar } from '../../calendar/working-days.js';
import type { ClockDef, Procedure } from '../workflows/types.js';
import { caseClocks } from './clocks.js';
import type { CaseFacts } from './facts.js';
import type { CaseRow } from './load.js';

const calendar = new WorkingDayCalendar([...calendarDaysFromChineseDays(2025), ...calendarDaysFromChineseDays(2026)], [2025, 2026]);

const procedureWith = (clock: ClockDef): Procedure =>
  ({ id: 'test', category: 'licensing', zh: '', en: '', initial: 'a', partyRequired: false, states: {}, steps: [], clocks: [clock] }) as unknown as Procedure;

/** A case opened on `openedAt` whose steps were completed at the given instants with the given data. */
function caseWith(openedAt: string, steps: Record<string, { at: string; data?: Record<string, unknown>; rounds?: Record<string, unknown>[] }>): CaseRow {
  const facts: CaseFacts = {
    steps: Object.fromEntries(
      Object.entries(steps).map(([id, s]) => [
        id,
        {
          count: s.rounds?.length ?? 1,
          firstAt: s.at,
          lastAt: s.at,
          data: s.data ?? s.rounds?.at(-1) ?? {},
          ...(s.rounds ? { rounds: s.rounds.map((data) => ({ at: s.at, data })) } : {}),
        },
      ]),
    ),
  };
  return { openedAt: new Date(openedAt), facts } as unknown as CaseRow;
}

const base = { id: 'k', zh: '', en: '', basis: '', kind: 'agency_deadline' as const };

describe('a clock counts from the date the law names', () => {
  const window: ClockDef = { ...base, kind: 'party_window', startsAt: { step: 'serve_notice', date: 'servedOn' }, stopsAt: [], amount: 5, unit: 'working_days' };

  it('a notice entered on 09-29 but served on the eve of National Day (09-30) opens 5 working days to 10-13', () => {
    const c = caseWith('2026-09-01T02:00:00Z', { serve_notice: { at: '2026-09-29T02:00:00Z', data: { servedOn: '2026-09-30' } } });
    const [k] = caseClocks(procedureWith(window), c, calendar, new Date('2026-10-13T15:00:00Z')); // 10-13 23:00 China time
    expect(k).toMatchObject({ startedOn: '2026-09-30', deadline: '2026-10-13', status: 'open' });
    expect(caseClocks(procedureWith(window), c, calendar, new Date('2026-10-13T16:00:00Z'))[0]!.status).toBe('closed'); // 10-14 00:00
  });

  it('has not started while the service is not recorded', () => {
    const c = caseWith('2026-09-01T02:00:00Z', { serve_notice: { at: '2026-09-29T02:00:00Z', data: {} } });
    expect(caseClocks(procedureWith(window), c, calendar, new Date('2026-10-01T00:00:00Z'))).toEqual([]);
  });

  it('is met on the date a stop step recorded (served on), not when it was entered', () => {
    const clock: ClockDef = { ...base, startsAt: 'grant', stopsAt: [{ step: 'serve', date: 'servedOn' }], amount: 10, unit: 'working_days' };
    // Granted Fri 09-18: 10 working days are 09-20 (a make-up Sunday), 09-21…09-24, (中秋 09-25 off) 09-28…09-30, 10-08, 10-09.
    const c = caseWith('2026-09-01T02:00:00Z', { grant: { at: '2026-09-18T02:00:00Z' }, serve: { at: '2026-10-14T02:00:00Z', data: { servedOn: '2026-10-09' } } });
    expect(caseClocks(procedureWith(clock), c, calendar, new Date('2026-10-20T02:00:00Z'))[0]).toMatchObject({ deadline: '2026-10-09', metOn: '2026-10-09', status: 'met' });
  });
});

describe('许可法第四十二条: an extension counts only when granted before the deadline', () => {
  const clock: ClockDef = { ...base, startsAt: 'accept', stopsAt: ['grant'], amount: 20, unit: 'working_days', extension: { step: 'extend', max: 10, field: 'days' } };
  // Accepted Tue 2026-09-01: September then has 21 working days (weekdays, the make-up Sunday 09-20, less 中秋 09-25);
  // October's count starts 10-08 and takes the make-up Saturday 10-10.
  const accepted = '2026-09-01T02:00:00Z';
  const deadline20 = calendar.addWorkingDays('2026-09-01', 20);
  const deadline30 = calendar.addWorkingDays('2026-09-01', 30);

  it('20 working days from 09-01 end 09-29; 30 end 10-19 across National Day', () => {
    expect([deadline20, deadline30]).toEqual(['2026-09-29', '2026-10-19']);
  });

  it('granted on the last day: the deadline moves by the 10 days approved', () => {
    const c = caseWith(accepted, { accept: { at: accepted }, extend: { at: '2026-09-29T09:00:00Z', data: { days: 10 } } }); // 09-29 17:00 China time
    expect(caseClocks(procedureWith(clock), c, calendar, new Date('2026-10-15T02:00:00Z'))[0]).toMatchObject({ deadline: '2026-10-19', extendedBy: 10, status: 'running' });
  });

  it('granted the day after the deadline: not counted, the clock stays overdue', () => {
    const c = caseWith(accepted, { accept: { at: accepted }, extend: { at: '2026-09-30T01:00:00Z', data: { days: 10 } } });
    expect(caseClocks(procedureWith(clock), c, calendar, new Date('2026-10-15T02:00:00Z'))[0]).toMatchObject({ deadline: '2026-09-29', extendedBy: 0, status: 'overdue' });
  });

  it('never more than the cap, whatever the step recorded', () => {
    const c = caseWith(accepted, { accept: { at: accepted }, extend: { at: '2026-09-10T01:00:00Z', data: { days: 15 } } });
    expect(caseClocks(procedureWith(clock), c, calendar, new Date('2026-09-15T02:00:00Z'))[0]).toMatchObject({ extendedBy: 10, deadline: '2026-10-19' });
  });

  it('a shorter extension approved counts as approved (5 days: 10-12)', () => {
    const c = caseWith(accepted, { accept: { at: accepted }, extend: { at: '2026-09-10T01:00:00Z', data: { days: 5 } } });
    expect(caseClocks(procedureWith(clock), c, calendar, new Date('2026-09-15T02:00:00Z'))[0]).toMatchObject({ extendedBy: 5, deadline: '2026-10-12' });
  });
});

describe('许可法第四十五条, 强制法第二十五条第三款: periods the law leaves out pause the clock', () => {
  const clock: ClockDef = {
    ...base, startsAt: 'accept', stopsAt: ['grant'], amount: 20, unit: 'working_days',
    pauses: { start: { step: 'pause', date: 'from' }, end: { step: 'resume', date: 'on' } },
  };
  const accepted = '2026-09-01T02:00:00Z';

  it('an expert review from Mon 09-14 to Fri 09-18 leaves 5 working days out: 09-29 → 10-12', () => {
    const c = caseWith(accepted, { accept: { at: accepted }, pause: { at: accepted, rounds: [{ from: '2026-09-14' }] }, resume: { at: accepted, rounds: [{ on: '2026-09-18' }] } });
    expect(caseClocks(procedureWith(clock), c, calendar, new Date('2026-10-01T02:00:00Z'))[0]).toMatchObject({ excluded: 5, deadline: calendar.addWorkingDays('2026-09-01', 25), status: 'running' });
    expect(calendar.addWorkingDays('2026-09-01', 25)).toBe('2026-10-12');
  });

  it('two pauses add up; a pause that has not ended shows the clock paused', () => {
    const two = caseWith(accepted, {
      accept: { at: accepted },
      pause: { at: accepted, rounds: [{ from: '2026-09-14' }, { from: '2026-09-24' }] },
      resume: { at: accepted, rounds: [{ on: '2026-09-15' }, { on: '2026-09-24' }] },
    });
    expect(caseClocks(procedureWith(clock), two, calendar, new Date('2026-09-25T02:00:00Z'))[0]).toMatchObject({ excluded: 3 });
    const open = caseWith(accepted, { accept: { at: accepted }, pause: { at: accepted, rounds: [{ from: '2026-09-14' }] } });
    expect(caseClocks(procedureWith(clock), open, calendar, new Date('2026-10-30T02:00:00Z'))[0]).toMatchObject({ status: 'paused' });
  });

  it('a pause begun after the deadline does not revive an overdue clock', () => {
    const c = caseWith(accepted, { accept: { at: accepted }, pause: { at: accepted, rounds: [{ from: '2026-09-30' }] }, resume: { at: accepted, rounds: [{ on: '2026-10-09' }] } });
    expect(caseClocks(procedureWith(clock), c, calendar, new Date('2026-10-12T02:00:00Z'))[0]).toMatchObject({ excluded: 0, deadline: '2026-09-29', status: 'overdue' });
  });
});

describe('强制法第二十五条: the period the decision set, at most thirty days', () => {
  const clock: ClockDef = { ...base, startsAt: 'implement', stopsAt: ['lift'], amount: 30, unit: 'calendar_days', lastDayOff: 'keep', setBy: { step: 'implement', field: 'days' } };

  it('a seizure decided for 15 days from 09-16 ends 10-01 and is kept on the holiday', () => {
    const c = caseWith('2026-09-10T02:00:00Z', { implement: { at: '2026-09-16T02:00:00Z', data: { days: 15 } } });
    expect(caseClocks(procedureWith(clock), c, calendar, new Date('2026-09-20T02:00:00Z'))[0]).toMatchObject({ amount: 15, deadline: '2026-10-01' });
  });

  it('a decision that states 45 days is held to the 30 the article allows', () => {
    const c = caseWith('2026-09-10T02:00:00Z', { implement: { at: '2026-09-16T02:00:00Z', data: { days: 45 } } });
    expect(caseClocks(procedureWith(clock), c, calendar, new Date('2026-09-20T02:00:00Z'))[0]).toMatchObject({ amount: 30, deadline: '2026-10-16' });
  });
});

describe('强制法第十九条: twenty-four hours, to the minute', () => {
  const clock: ClockDef = { ...base, startsAt: { step: 'act_on_site', date: 'actedAt' }, stopsAt: [{ step: 'report', date: 'reportedAt' }], amount: 24, unit: 'hours' };

  it('acted 2026-09-30T21:15: the report is due by 10-01T21:15 whatever the holiday; a report at 21:16 is late', () => {
    const acted = { act_on_site: { at: '2026-09-30T14:00:00Z', data: { actedAt: '2026-09-30T21:15' } } };
    expect(caseClocks(procedureWith(clock), caseWith('2026-09-30T13:00:00Z', acted), calendar, new Date('2026-10-01T13:00:00Z'))[0]).toMatchObject({
      deadline: '2026-10-01T21:15', status: 'due_soon',
    });
    const late = caseWith('2026-09-30T13:00:00Z', { ...acted, report: { at: '2026-10-01T13:20:00Z', data: { reportedAt: '2026-10-01T21:16' } } });
    expect(caseClocks(procedureWith(clock), late, calendar, new Date('2026-10-02T02:00:00Z'))[0]).toMatchObject({ status: 'met_late', metOn: '2026-10-01T21:16' });
    const onTime = caseWith('2026-09-30T13:00:00Z', { ...acted, report: { at: '2026-10-01T13:20:00Z', data: { reportedAt: '2026-10-01T21:15' } } });
    expect(caseClocks(procedureWith(clock), onTime, calendar, new Date('2026-10-02T02:00:00Z'))[0]!.status).toBe('met');
    expect(caseClocks(procedureWith(clock), caseWith('2026-09-30T13:00:00Z', acted), calendar, new Date('2026-10-01T13:16:00Z'))[0]!.status).toBe('overdue');
  });
});

describe('处罚法第六十条 "另有规定的，从其规定": a power item sets its own period', () => {
  const clock: ClockDef = { ...base, basis: '行政处罚法第六十条', startsAt: 'approve_filing', stopsAt: ['decide'], amount: 90, unit: 'calendar_days', lastDayOff: 'next_working_day' };

  it('60 working days under the item’s own rule replace the 90 calendar days, citing that rule', () => {
    const c = caseWith('2026-07-01T02:00:00Z', { approve_filing: { at: '2026-07-01T02:00:00Z' } });
    const overrides = new Map([['k', { amount: 60, unit: 'working_days' as const, basis: '某部门规章第二十条' }]]);
    expect(caseClocks(procedureWith(clock), c, calendar, new Date('2026-07-02T02:00:00Z'), overrides)[0]).toMatchObject({
      amount: 60, unit: 'working_days', basis: '某部门规章第二十条', deadline: calendar.addWorkingDays('2026-07-01', 60),
    });
    expect(caseClocks(procedureWith(clock), c, calendar, new Date('2026-07-02T02:00:00Z'))[0]).toMatchObject({ deadline: '2026-09-29', unit: 'calendar_days' });
  });
});

describe('处罚法第六十六条第二款、第六十七条: a window only where a fine was imposed, ending on a date an approval set', () => {
  const clock: ClockDef = {
    ...base, kind: 'party_window', startsAt: { step: 'serve', date: 'servedOn' }, stopsAt: [{ step: 'execute', date: 'paidOn' }], amount: 15, unit: 'calendar_days',
    lastDayOff: 'next_working_day', onlyIf: { step: 'decide', flag: 'fineAmount' }, endsOn: { step: 'approve_deferral', date: 'payBy' },
  };
  const served = { serve: { at: '2026-09-16T02:00:00Z', data: { servedOn: '2026-09-16' } } };

  it('no fine, no window; a fine of 0.01 yuan opens it (15 days from 09-16 end on 10-01, a holiday → 10-08)', () => {
    const none = caseWith('2026-09-01T02:00:00Z', { decide: { at: '2026-09-10T02:00:00Z', data: { penalty: '警告' } }, ...served });
    expect(caseClocks(procedureWith(clock), none, calendar, new Date('2026-09-20T02:00:00Z'))).toEqual([]);
    const fined = caseWith('2026-09-01T02:00:00Z', { decide: { at: '2026-09-10T02:00:00Z', data: { fineAmount: 0.01 } }, ...served });
    expect(caseClocks(procedureWith(clock), fined, calendar, new Date('2026-09-20T02:00:00Z'))[0]).toMatchObject({ deadline: '2026-10-08', status: 'open' });
  });

  it('an approved deferral to Fri 2026-12-18 ends it that day; one to Sat 12-19 moves to Mon 12-21 (the same rule as the 15 days)', () => {
    const deferred = (payBy: string) => caseWith('2026-09-01T02:00:00Z', { decide: { at: '2026-09-10T02:00:00Z', data: { fineAmount: 500 } }, ...served, approve_deferral: { at: '2026-10-08T02:00:00Z', data: { payBy } } });
    expect(caseClocks(procedureWith(clock), deferred('2026-12-18'), calendar, new Date('2026-12-18T02:00:00Z'))[0]).toMatchObject({ deadline: '2026-12-18', status: 'open' });
    expect(caseClocks(procedureWith(clock), deferred('2026-12-18'), calendar, new Date('2026-12-18T16:00:00Z'))[0]!.status).toBe('closed'); // 12-19 00:00
    expect(caseClocks(procedureWith(clock), deferred('2026-12-19'), calendar, new Date('2026-12-20T02:00:00Z'))[0]).toMatchObject({ deadline: '2026-12-21', status: 'open' });
  });
});

describe('许可法第三十二条 "逾期不告知的，自收到申请材料之日起即为受理": a start the law deems earlier', () => {
  const acceptance: ClockDef = { ...base, id: 'acceptance', startsAt: 'received', stopsAt: ['notify', 'accept'], amount: 5, unit: 'working_days' };
  const decision: ClockDef = { ...base, id: 'decision', startsAt: 'accept', stopsAt: ['grant'], amount: 20, unit: 'working_days', deemedStart: { whenMissed: 'acceptance', from: 'received' } };
  const both = { ...procedureWith(acceptance), clocks: [acceptance, decision] } as Procedure;
  /** Received Wed 09-30 (the eve of National Day), entered 10-08. */
  const received = (steps: Parameters<typeof caseWith>[1]) => ({ ...caseWith('2026-10-08T02:00:00Z', steps), sourceDetail: { receivedOn: '2026-09-30' } }) as CaseRow;

  it('counts the 5 days from the receipt recorded, not the entry: 10-13 is the last day', () => {
    const [k] = caseClocks(both, received({}), calendar, new Date('2026-10-13T02:00:00Z'));
    expect(k).toMatchObject({ id: 'acceptance', startedOn: '2026-09-30', deadline: '2026-10-13', status: 'due_soon' });
    expect(caseClocks(both, received({}), calendar, new Date('2026-10-13T02:00:00Z'))).toHaveLength(1); // not yet accepted, not yet deemed
  });

  it('the day after with no notice: the decision clock has started on the day of receipt', () => {
    const clocks = caseClocks(both, received({}), calendar, new Date('2026-10-14T02:00:00Z'));
    expect(clocks[1]).toMatchObject({ id: 'decision', startedOn: '2026-09-30', deadline: '2026-11-03', status: 'running' });
  });

  it('accepted on the last day: from the acceptance; accepted the day after: still from the receipt', () => {
    const inTime = caseClocks(both, received({ accept: { at: '2026-10-13T02:00:00Z' } }), calendar, new Date('2026-10-20T02:00:00Z'));
    expect(inTime[1]).toMatchObject({ startedOn: '2026-10-13' });
    const late = caseClocks(both, received({ accept: { at: '2026-10-14T02:00:00Z' } }), calendar, new Date('2026-10-20T02:00:00Z'));
    expect(late[0]!.status).toBe('met_late');
    expect(late[1]).toMatchObject({ startedOn: '2026-09-30', deadline: '2026-11-03' });
  });

  it('without a recorded receipt, counts from the opening', () => {
    const c = caseWith('2026-10-08T02:00:00Z', {});
    expect(caseClocks(both, c, calendar, new Date('2026-10-09T02:00:00Z'))[0]).toMatchObject({ startedOn: '2026-10-08' });
  });
});

describe('许可法第四十二条第二款: the power item’s period brings its own extension cap', () => {
  const clock: ClockDef = { ...base, startsAt: 'accept', stopsAt: ['grant'], amount: 20, unit: 'working_days', extension: { step: 'extend', max: 10, field: 'days' } };
  const overrides = new Map([['k', { amount: 45, unit: 'working_days' as const, basis: '行政许可法第四十二条第二款', extensionMax: 15 }]]);

  it('45 days from 09-01 end 11-09; 15 more (not 10) to 11-30; 16 asked are held to 15', () => {
    const c = (days: number) => caseWith('2026-09-01T02:00:00Z', { accept: { at: '2026-09-01T02:00:00Z' }, extend: { at: '2026-11-09T02:00:00Z', data: { days } } });
    expect(caseClocks(procedureWith(clock), c(15), calendar, new Date('2026-11-10T02:00:00Z'), overrides)[0]).toMatchObject({ amount: 45, extendedBy: 15, deadline: '2026-11-30' });
    expect(caseClocks(procedureWith(clock), c(16), calendar, new Date('2026-11-10T02:00:00Z'), overrides)[0]).toMatchObject({ extendedBy: 15 });
    expect(caseClocks(procedureWith(clock), c(15), calendar, new Date('2026-11-10T02:00:00Z'))[0]).toMatchObject({ amount: 20, extendedBy: 0, status: 'overdue' });
  });
});
