/** The roles a user may hold. One user can hold several. */
export const ROLES = [
  'officer', // 执法人员
  'division_head', // 科室负责人
  'legal_reviewer', // 法制审核人员
  'agency_leader', // 机关负责人
  'publicity_editor', // 公示编辑
  'agency_admin', // 机关管理员
  'supervisor', // 司法局监督人员
  'system_admin', // 系统管理员
] as const;

export type Role = (typeof ROLES)[number];

/** Roles whose scope is a region subtree rather than one agency. */
export const REGION_ROLES: readonly Role[] = ['supervisor'];

/**
 * Who is acting: resolved once per request from the session cookie or API token and passed to
 * every policy check and use case.
 */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  /** The agency the user belongs to (a justice bureau for supervisors); null for system admins. */
  agencyId: string | null;
  /** For supervisors: the region whose subtree they oversee, as its path ('530000/532300/'). */
  scopeRegionPath: string | null;
  scopeRegionCode: string | null;
  ip: string;
  userAgent: string | null;
  via: 'session' | 'token';
}

export const hasRole = (actor: Actor, ...roles: Role[]) => roles.some((r) => actor.roles.includes(r));
