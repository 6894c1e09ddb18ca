import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayBefore, overlaps, planHolding, type Holding } from './holdings.js';

const isoDay = (offset: number) => new Date(Date.UTC(2000, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
const day = fc.integer({ min: 0, max: 15_000 }).map(isoDay);
/** A request to hold the position: from a date, open-ended or for a number of days. */
const request = fc.tuple(day, fc.option(fc.integer({ min: 0, max: 2_000 }), { nil: null })).map(([from, length]) => ({
  from,
  to: length === null ? null : isoDay((Date.parse(from) - Date.UTC(2000, 0, 1)) / 86_400_000 + length),
}));

/** Applies requests in turn, as assignHolder does, keeping the accepted ones. */
function apply(requests: { from: string; to: string | null }[]) {
  let holdings: Holding[] = [];
  const outcomes: { plan: ReturnType<typeof planHolding>; before: Holding[]; req: { from: string; to: string | null } }[] = [];
  requests.forEach((req, i) => {
    const plan = planHolding(holdings, req.from, req.to);
    outcomes.push({ plan, before: holdings, req });
    if (plan.ok) {
      holdings = holdings.map((h) => (plan.close && h.id === plan.close.id ? { ...h, toDate: plan.close.toDate } : h));
      holdings = [...holdings, { id: String(i), fromDate: req.from, toDate: req.to }];
    }
  });
  return { holdings, outcomes };
}

describe('dayBefore', () => {
  it('knows month, year and leap-day boundaries', () => {
    expect(dayBefore('2026-06-01')).toBe('2026-05-31');
    expect(dayBefore('2026-01-01')).toBe('2025-12-31');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(dayBefore('2023-03-01')).toBe('2023-02-28');
    expect(dayBefore('2000-03-01')).toBe('2000-02-29');
    expect(dayBefore('2100-03-01')).toBe('2100-02-28');
  });

  it('is exactly one day earlier', () => {
    fc.assert(
      fc.property(day, (d) => {
        expect(Date.parse(d) - Date.parse(dayBefore(d))).toBe(86_400_000);
      }),
    );
  });
});

describe('planHolding (O4)', () => {
  it('closes the predecessor’s open holding the day before the successor starts', () => {
    const plan = planHolding([{ id: 'x', fromDate: '2024-01-01', toDate: null }], '2026-06-01', null);
    expect(plan).toEqual({ ok: true, close: { id: 'x', toDate: '2026-05-31' } });
  });

  it('lets a vacant position be filled without closing anything', () => {
    expect(planHolding([], '2026-06-01', null)).toEqual({ ok: true, close: null });
    expect(planHolding([{ id: 'x', fromDate: '2020-01-01', toDate: '2021-12-31' }], '2024-01-01', null)).toEqual({ ok: true, close: null });
  });

  it('refuses a start on the same day as the open holding, or inside a closed one', () => {
    const open = { id: 'y', fromDate: '2026-06-01', toDate: null };
    const closed = { id: 'x', fromDate: '2024-01-01', toDate: '2026-05-31' };
    expect(planHolding([closed, open], '2026-06-01', null)).toEqual({ ok: false, conflict: open });
    expect(planHolding([closed, open], '2025-01-01', '2025-02-01')).toEqual({ ok: false, conflict: closed });
    // An open-ended holding before a later one would swallow it.
    expect(planHolding([open], '2025-01-01', null)).toEqual({ ok: false, conflict: open });
  });

  it('accepts a past holding that fits in a gap', () => {
    const open = { id: 'y', fromDate: '2026-06-01', toDate: null };
    expect(planHolding([open], '2020-01-01', '2026-05-31')).toEqual({ ok: true, close: null });
  });

  it('never lets two holdings share a day, whatever is asked', () => {
    fc.assert(
      fc.property(fc.array(request, { maxLength: 25 }), (requests) => {
        const { holdings } = apply(requests);
        for (const a of holdings) for (const b of holdings) if (a !== b) expect(overlaps(a, b)).toBe(false);
        for (const h of holdings) if (h.toDate !== null) expect(h.toDate >= h.fromDate).toBe(true);
      }),
    );
  });

  it('refuses only when the request really overlaps a holding that cannot be closed', () => {
    fc.assert(
      fc.property(fc.array(request, { maxLength: 25 }), (requests) => {
        for (const { plan, before, req } of apply(requests).outcomes) {
          if (plan.ok) continue;
          expect(before).toContainEqual(plan.conflict);
          const closable = plan.conflict.toDate === null && plan.conflict.fromDate < req.from;
          expect(closable ? overlaps({ ...plan.conflict, toDate: dayBefore(req.from) }, { fromDate: req.from, toDate: req.to }) : overlaps(plan.conflict, { fromDate: req.from, toDate: req.to })).toBe(true);
        }
      }),
    );
  });

  it('accepts every successor taking over at a later date, chaining the holdings day to day', () => {
    fc.assert(
      fc.property(fc.uniqueArray(day, { minLength: 1, maxLength: 15 }), (starts) => {
        const sorted = [...starts].sort();
        const { holdings, outcomes } = apply(sorted.map((from) => ({ from, to: null })));
        expect(outcomes.every((o) => o.plan.ok)).toBe(true);
        holdings.slice(0, -1).forEach((h, i) => expect(h.toDate).toBe(dayBefore(holdings[i + 1]!.fromDate)));
        expect(holdings.at(-1)!.toDate).toBeNull();
      }),
    );
  });
});
