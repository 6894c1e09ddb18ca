import { eq } from 'drizzle-orm';
import { recordAudit, type AuditContext } from '../audit/record.js';
import type { Tx } from '../platform/db/database.js';
import { regions } from '../organisation/tables.js';
import { AppError, invalidField } from '../platform/errors.js';
import { revokeAllCredentials } from './authenticate.js';
import { unlockAccount } from './login.js';
import { assertStrongPassword, hashPassword } from './passwords.js';
import { accountsPolicy } from './policy.js';
import { ROLES, hasRole, type Actor, type Role } from './roles.js';
import { allowed, authorize, loadAgencyRef, type AgencyRef } from './scope.js';
import { users } from './tables.js';

export interface UserInput {
  username: string;
  displayName: string;
  password: string;
  agencyId: string | null;
  roles: Role[];
  scopeRegionCode?: string | null;
  personId?: string | null;
}

/** Roles held inside one agency; an agency's administrator grants them (DOMAIN.md, organisation & personnel). */
export const AGENCY_ROLES: readonly Role[] = ['officer', 'division_head', 'legal_reviewer', 'agency_leader', 'publicity_editor', 'agency_admin'];

/**
 * Issue 7, "nobody can grant more than they hold": the roles `actor` may grant to an account of
 * `agency` (null: an account without an agency).
 * - A system administrator grants every role, to any account.
 * - An agency administrator grants the agency roles, in their own agency only.
 * - A supervisor grants the agency roles in the agencies of their region subtree, and nowhere
 *   else (not even in their own bureau when it lies above that subtree). The justice bureau
 *   administers the accounts of the agencies it oversees (`user.manage` has always included it,
 *   and small county agencies have no administrator of their own), so the supervisor acts as
 *   the agency administrator of every agency in that subtree: no more than an agency
 *   administrator there, and no role that widens anyone's scope beyond one agency.
 * - Supervisor and system administrator, the roles whose scope is wider than one agency, are
 *   granted by a system administrator only; so is any account without an agency.
 */
export function grantableRoles(actor: Actor, agency: AgencyRef | null): ReadonlySet<Role> {
  if (hasRole(actor, 'system_admin')) return new Set(ROLES);
  if (!agency) return new Set();
  const ownAgency = hasRole(actor, 'agency_admin') && actor.agencyId === agency.id;
  const inSubtree = hasRole(actor, 'supervisor') && !!actor.scopeRegionPath && agency.regionPath.startsWith(actor.scopeRegionPath);
  return new Set(ownAgency || inSubtree ? AGENCY_ROLES : []);
}

/**
 * Refuses (403) a grant above the actor's own: any role outside `grantableRoles`, or a supervision
 * region set by anyone but a system administrator.
 */
export function assertMayGrant(actor: Actor, agency: AgencyRef | null, roles: readonly Role[], scopeRegionCode?: string | null): void {
  const grantable = grantableRoles(actor, agency);
  if (roles.some((r) => !grantable.has(r))) throw new AppError('FORBIDDEN');
  if (scopeRegionCode && !hasRole(actor, 'system_admin')) throw new AppError('FORBIDDEN');
}

/**
 * Whether the actor may edit an account of `agency` holding `roles`: they must see it, manage
 * accounts, and be able to grant every role it holds. Accounts without an agency are a system
 * administrator's alone.
 */
export function mayEditUser(actor: Actor, agency: AgencyRef | null, roles: readonly Role[]): boolean {
  if (!agency && !hasRole(actor, 'system_admin')) return false;
  if (!allowed(accountsPolicy, actor, 'user.manage', agency ?? undefined)) return false;
  const grantable = grantableRoles(actor, agency);
  return roles.every((r) => grantable.has(r));
}

/** Roles the actor may grant to some account (for the UI's role picker). */
export const rolesGrantableSomewhere = (actor: Actor): Role[] =>
  hasRole(actor, 'system_admin') ? [...ROLES] : hasRole(actor, 'agency_admin', 'supervisor') ? [...AGENCY_ROLES] : [];

/**
 * Authorises an edit (roles, name, password, disabled, unlock) of an existing account, inside the
 * edit's transaction with the row locked, so the roles checked are the roles changed. The actor
 * must be able to grant every role the account holds and every role it is given: an agency
 * administrator or supervisor cannot touch a system administrator, a supervisor or an account of
 * a foreign agency, and nobody edits anyone, themselves included, into more than they hold.
 * Accounts without an agency, and accounts out of scope, answer 404. Returns the account's agency.
 */
export async function assertMayEditUser(tx: Tx, actor: Actor, userId: string, newRoles: readonly Role[] = []): Promise<AgencyRef | null> {
  const [existing] = await tx.select({ agencyId: users.agencyId, roles: users.roles }).from(users).where(eq(users.id, userId)).for('update');
  if (!existing) throw new AppError('NOT_FOUND');
  const agency = existing.agencyId ? await loadAgencyRef(tx, existing.agencyId) : null;
  if (!agency && !hasRole(actor, 'system_admin')) throw new AppError('NOT_FOUND');
  authorize(accountsPolicy, actor, 'user.manage', agency ?? undefined);
  if (!mayEditUser(actor, agency, [...(existing.roles as Role[]), ...newRoles])) throw new AppError('FORBIDDEN');
  return agency;
}

/** A supervision region must exist and belongs to a supervisor account only. */
async function assertValidScopeRegion(tx: Tx, input: UserInput): Promise<void> {
  if (!input.scopeRegionCode) return;
  if (!input.roles.includes('supervisor')) throw invalidField('scopeRegionCode', 'invalid_value');
  const [region] = await tx.select({ code: regions.code }).from(regions).where(eq(regions.code, input.scopeRegionCode));
  if (!region) throw invalidField('scopeRegionCode', 'region_not_found');
}

/**
 * Creates a user account (password hashed with argon2id). `passwordHash`, an argon2 hash of
 * `input.password` computed once by the caller, lets the demo seeder create many accounts sharing
 * one password without hashing it each time.
 */
export async function createUser(tx: Tx, ctx: AuditContext, input: UserInput, options: { isDemo?: boolean; passwordHash?: string } = {}) {
  assertStrongPassword(input.password);
  await assertValidScopeRegion(tx, input);
  const [user] = await tx
    .insert(users)
    .values({
      username: input.username,
      displayName: input.displayName,
      passwordHash: options.passwordHash ?? (await hashPassword(input.password)),
      agencyId: input.agencyId,
      scopeRegionCode: input.scopeRegionCode ?? null,
      roles: input.roles,
      personId: input.personId ?? null,
      disabled: false,
      isDemo: options.isDemo ?? false,
    })
    .returning();
  await recordAudit(tx, ctx, {
    action: 'user.created',
    subjectType: 'user',
    subjectId: user!.id,
    agencyId: input.agencyId,
    detail: { username: input.username, roles: input.roles, scopeRegionCode: input.scopeRegionCode ?? null },
  });
  return user!;
}

export interface UserPatch {
  displayName?: string;
  roles?: Role[];
  disabled?: boolean;
  password?: string;
  unlock?: boolean;
}

/** Changes roles, name, password or the disabled flag; `unlock` clears a lockout. */
export async function updateUser(tx: Tx, ctx: AuditContext, userId: string, patch: UserPatch) {
  if (patch.password !== undefined) assertStrongPassword(patch.password);
  const [user] = await tx
    .update(users)
    .set({
      ...(patch.displayName !== undefined && { displayName: patch.displayName }),
      ...(patch.roles !== undefined && { roles: patch.roles }),
      ...(patch.disabled !== undefined && { disabled: patch.disabled }),
      ...(patch.password !== undefined && { passwordHash: await hashPassword(patch.password) }),
      updatedAt: ctx.now,
    })
    .where(eq(users.id, userId))
    .returning();
  if (!user) throw new AppError('NOT_FOUND');
  if (patch.unlock) await unlockAccount(tx, user.username);
  // A new password or a disabled account ends everything issued before (issue 7).
  if (patch.password !== undefined || patch.disabled) await revokeAllCredentials(tx, userId, ctx.now);
  await recordAudit(tx, ctx, {
    action: 'user.updated',
    subjectType: 'user',
    subjectId: userId,
    agencyId: user.agencyId,
    detail: { fields: Object.keys(patch).filter((k) => k !== 'password'), passwordChanged: patch.password !== undefined },
  });
  return user;
}
