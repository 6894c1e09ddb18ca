/**
 * Pure rules for holdings of a position over time (O4). A holding covers the calendar dates
 * `fromDate`..`toDate` inclusive; a null `toDate` means "until further notice". Dates are
 * YYYY-MM-DD strings, which compare correctly as strings.
 */
export interface Holding {
  id: string;
  fromDate: string;
  toDate: string | null;
}

/** What assigning a new holding does to the existing ones, or why it cannot be done. */
export type HoldingPlan =
  | { ok: true; close: { id: string; toDate: string } | null }
  | { ok: false; conflict: Holding };

/** The calendar date before `isoDate` (YYYY-MM-DD), across month, year and leap-day boundaries. */
export function dayBefore(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Whether two holdings share at least one date. */
export function overlaps(a: { fromDate: string; toDate: string | null }, b: { fromDate: string; toDate: string | null }): boolean {
  return (a.toDate === null || a.toDate >= b.fromDate) && (b.toDate === null || b.toDate >= a.fromDate);
}

/**
 * Plans a new holding from `fromDate` (to `toDate`, or open-ended). O4: a successor takes over
 * without a new document, so the open holding that began earlier is closed the day before the new
 * one starts. Any other overlap — with a closed holding, or with an open one that starts on or
 * after `fromDate` — is refused: two people never hold one position on the same day.
 */
export function planHolding(existing: readonly Holding[], fromDate: string, toDate: string | null): HoldingPlan {
  const open = existing.find((h) => h.toDate === null && h.fromDate < fromDate);
  const close = open ? { id: open.id, toDate: dayBefore(fromDate) } : null;
  const after = existing.map((h) => (close && h.id === close.id ? { ...h, toDate: close.toDate } : h));
  const conflict = after.find((h) => overlaps(h, { fromDate, toDate }));
  if (conflict) return { ok: false, conflict: existing.find((h) => h.id === conflict.id)! };
  return { ok: true, close };
}

