import type { Actor } from './roles.js';
import { allowed, type Policy } from './scope.js';

/** One thing the UI is told the user may do, decided by the owning module's policy. */
export type Capability = (actor: Actor) => boolean;

/**
 * What `/api/auth/me` tells the UI the user may do (`can`), by name. The composition root
 * (modules.ts) assembles it from each module's policy, so accounts/ imports no other module's policy.
 */
export type Capabilities = Record<string, Capability>;

/** Holding one of the permission's roles (no target agency, so scope is not asked). */
export const may =
  <P extends string>(policy: Policy<P>, permission: P): Capability =>
  (actor) =>
    allowed(policy, actor, permission);

/** Each capability answered for the actor. */
export function capabilitiesOf(capabilities: Capabilities, actor: Actor): Record<string, boolean> {
  return Object.fromEntries(Object.entries(capabilities).map(([name, capability]) => [name, capability(actor)]));
}
