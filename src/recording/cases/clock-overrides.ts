import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { EnforcementCategory } from '../../organisation/tables.js';
import type { Db, Tx } from '../../platform/db/database.js';
import { AppError, fieldIssue } from '../../platform/errors.js';
import { powerItems } from '../tables.js';
import { PROCEDURES } from '../workflows/procedures/index.js';
import type { ClockOverride } from '../workflows/types.js';

/**
 * A power item's own time limits (issue 9): where the law lets other rules set a period (行政处罚法
 * 第六十条 "法律、法规、规章另有规定的，从其规定"; 行政许可法第四十二条 "法律、法规另有规定的，依照其
 * 规定", 第四十二条第二款 统一、联合、集中办理 "不得超过四十五日…可以延长十五日"; 第四十三条's 20 days for a
 * lower level's review where a law sets another), the item names the clock, its period and the rule
 * it comes from, and caseClocks counts that period instead of the law's default.
 */
export const timeLimitSchema = z
  .object({
    amount: z.number().int().min(1).max(3650),
    unit: z.enum(['working_days', 'calendar_days']),
    basis: z.string().trim().min(1).max(500),
    extensionMax: z.number().int().min(1).max(3650).optional(),
  })
  .strict();

export const timeLimitsSchema = z
  .record(z.string().regex(/^[a-z0-9_]{1,60}$/), timeLimitSchema)
  .describe('the power item’s own periods by clock id of its procedures (e.g. decision_20_days), each citing its basis');

export type TimeLimits = z.infer<typeof timeLimitsSchema>;

/**
 * Refuses time limits naming a clock that no procedure of the item's category has, or an hours
 * clock (a period of hours is the law's own, 行政强制法第十九条), or an extension cap for a clock
 * that cannot be extended.
 */
export function checkTimeLimits(category: EnforcementCategory, limits: TimeLimits): void {
  const clocks = PROCEDURES.filter((p) => p.category === category).flatMap((p) => p.clocks);
  const issues = Object.entries(limits).flatMap(([id, limit]) => {
    const clock = clocks.find((c) => c.id === id);
    if (!clock || clock.unit === 'hours') return [fieldIssue(`timeLimits.${id}`, 'invalid_value')];
    if (limit.extensionMax !== undefined && !clock.extension) return [fieldIssue(`timeLimits.${id}.extensionMax`, 'invalid_value')];
    return [];
  });
  if (issues.length) throw new AppError('VALIDATION_FAILED', issues);
}

/** The overrides a stored item carries; a value that fails the schema counts as none. */
export function overridesOf(stored: unknown): Map<string, ClockOverride> {
  const parsed = timeLimitsSchema.safeParse(stored ?? {});
  return new Map(parsed.success ? Object.entries(parsed.data) : []);
}

/** The overrides of each of the given power items, by item id (items without any are absent). */
export async function overridesByItem(db: Db | Tx, itemIds: readonly (string | null)[]): Promise<Map<string, Map<string, ClockOverride>>> {
  const ids = [...new Set(itemIds.filter((id): id is string => id !== null))];
  if (!ids.length) return new Map();
  const rows = await db.select({ id: powerItems.id, timeLimits: powerItems.timeLimits }).from(powerItems).where(inArray(powerItems.id, ids));
  return new Map(rows.map((r) => [r.id, overridesOf(r.timeLimits)] as const).filter(([, m]) => m.size > 0));
}

/** The overrides of one case's power item. */
export async function overridesOfCase(db: Db | Tx, kase: { powerItemId: string | null }): Promise<Map<string, ClockOverride>> {
  return (await overridesByItem(db, [kase.powerItemId])).get(kase.powerItemId ?? '') ?? new Map();
}
