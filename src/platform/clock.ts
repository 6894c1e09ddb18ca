/**
 * The injected clock. Every deadline, expiry and retention rule asks this object for "now", so
 * tests can move time (STYLE: "Time comes from an injected clock").
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until moved; for tests and reproducible benchmarks. */
export class FixedClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current.getTime());
  }
  set(to: Date | string): void {
    this.current = new Date(to);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/**
 * The calendar date (YYYY-MM-DD) of an instant in China Standard Time (UTC+8, no DST). Agencies
 * count deadlines in local dates, whatever the server's time zone.
 */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The date and time to the minute (YYYY-MM-DDTHH:mm) of an instant in China Standard Time. */
export function chinaDateTime(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 16);
}

/** The instant of a China-time 'YYYY-MM-DDTHH:mm' (or a whole day, taken at 00:00). */
export function fromChinaDateTime(local: string): Date {
  return new Date(`${local.length === 10 ? `${local}T00:00` : local.slice(0, 16)}:00+08:00`);
}
