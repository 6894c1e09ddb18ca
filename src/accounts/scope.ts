import { eq, sql, type SQL, type AnyColumn } from 'drizzle-orm';
import type { Db } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { agencies, regions } from '../organisation/tables.js';
import { hasRole, type Actor, type Role } from './roles.js';

/** An agency as far as scope checks need it. */
export interface AgencyRef {
  id: string;
  regionCode: string;
  regionPath: string;
}

/**
 * Tenancy: an agency user sees their own agency; a supervisor sees every agency whose region lies
 * in their region's subtree; a system administrator sees all.
 */
export function inScope(actor: Actor, agency: AgencyRef): boolean {
  if (hasRole(actor, 'system_admin')) return true;
  if (actor.agencyId === agency.id) return true;
  if (hasRole(actor, 'supervisor') && actor.scopeRegionPath) return agency.regionPath.startsWith(actor.scopeRegionPath);
  return false;
}

/** Whether a region (by path) lies within the actor's region scope (supervisors and system admins). */
export function regionInScope(actor: Actor, regionPath: string): boolean {
  if (hasRole(actor, 'system_admin')) return true;
  return hasRole(actor, 'supervisor') && !!actor.scopeRegionPath && regionPath.startsWith(actor.scopeRegionPath);
}

/**
 * A SQL condition restricting `agencyIdColumn` to the agencies the actor may see, for list
 * queries; undefined for system administrators (no restriction).
 */
export function agencyScopeCondition(actor: Actor, agencyIdColumn: AnyColumn): SQL | undefined {
  if (hasRole(actor, 'system_admin')) return undefined;
  const own = actor.agencyId ? sql`${agencyIdColumn} = ${actor.agencyId}` : sql`false`;
  if (hasRole(actor, 'supervisor') && actor.scopeRegionPath) {
    const prefix = `${actor.scopeRegionPath}%`;
    return sql`(${own} or ${agencyIdColumn} in (select a.id from agencies a join regions r on r.code = a.region_code where r.path like ${prefix}))`;
  }
  return own;
}

/** Loads an agency's scope reference; NOT_FOUND when it does not exist. */
export async function loadAgencyRef(db: Db, agencyId: string): Promise<AgencyRef> {
  const [row] = await db
    .select({ id: agencies.id, regionCode: agencies.regionCode, regionPath: regions.path })
    .from(agencies)
    .innerJoin(regions, eq(regions.code, agencies.regionCode))
    .where(eq(agencies.id, agencyId));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** A permission: which roles may do it. Scope is checked separately against the target agency. */
export type Policy<P extends string> = Record<P, readonly Role[]>;

/**
 * Declarative authorisation: the actor must hold one of the permission's roles and, when a target
 * agency is given, have it in scope. Out-of-scope rows answer NOT_FOUND, so ids cannot be probed.
 */
export function authorize<P extends string>(policy: Policy<P>, actor: Actor, permission: P, target?: AgencyRef): void {
  if (target && !inScope(actor, target)) throw new AppError('NOT_FOUND');
  if (!hasRole(actor, ...policy[permission])) throw new AppError('FORBIDDEN');
}

/** Whether the actor may do it (for telling the UI what is allowed). */
export function allowed<P extends string>(policy: Policy<P>, actor: Actor, permission: P, target?: AgencyRef): boolean {
  return (!target || inScope(actor, target)) && hasRole(actor, ...policy[permission]);
}
