import { eq } from 'drizzle-orm';
import { recordAudit, type AuditContext } from '../audit/record.js';
import type { Tx } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { revokeAllCredentials } from './authenticate.js';
import { unlockAccount } from './login.js';
import { assertStrongPassword, hashPassword } from './passwords.js';
import { hasRole, type Actor, type Role } from './roles.js';
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

/**
 * Roles an actor may grant: agency administrators grant agency-level roles only; supervisors
 * may also create supervisors; only system administrators create system administrators.
 */
export function assertMayGrant(actor: Actor, roles: Role[]): void {
  const granted = new Set<Role>(['officer', 'division_head', 'legal_reviewer', 'agency_leader', 'publicity_editor', 'agency_admin']);
  if (hasRole(actor, 'supervisor', 'system_admin')) granted.add('supervisor');
  if (hasRole(actor, 'system_admin')) granted.add('system_admin');
  if (roles.some((r) => !granted.has(r))) throw new AppError('FORBIDDEN');
}

/**
 * Creates a user account (password hashed with argon2id). `passwordHash`, an argon2 hash of
 * `input.password` computed once by the caller, lets the demo seeder create many accounts sharing
 * one password without hashing it each time.
 */
export async function createUser(tx: Tx, ctx: AuditContext, input: UserInput, options: { isDemo?: boolean; passwordHash?: string } = {}) {
  assertStrongPassword(input.password);
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
    detail: { username: input.username, roles: input.roles },
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
