/**
 * The demo logins as the database holds them, for `npx sanxiang demo-logins` and the README's
 * table (src/demo/readme.test.ts keeps the two in step). Only accounts the seeder made
 * (users.is_demo) that still open with the demo password are listed: a database without demo
 * data, or whose demo passwords were changed, lists nothing.
 */
import { and, eq } from 'drizzle-orm';
import type { Role } from '../accounts/roles.js';
import { users } from '../accounts/tables.js';
import { verifyPassword } from '../accounts/passwords.js';
import { ui } from '../i18n/ui.js';
import { agencies } from '../organisation/tables.js';
import type { Db } from '../platform/db/database.js';
import { DEMO_PASSWORD } from './seed.js';

export interface DemoLoginRow {
  username: string;
  displayName: string;
  /** The agency's short name (or full name); null for the system administrator. */
  agency: string | null;
  roles: Role[];
}

/** The order people look for a login in: the whole system, the supervisors, then each agency's staff. */
const ROLE_ORDER: Role[] = ['system_admin', 'supervisor', 'agency_admin', 'agency_leader', 'legal_reviewer', 'division_head', 'officer', 'publicity_editor'];
const rank = (r: DemoLoginRow) => Math.min(...r.roles.map((role) => ROLE_ORDER.indexOf(role)));

export async function listDemoLogins(db: Db): Promise<DemoLoginRow[]> {
  const rows = await db
    .select({ username: users.username, displayName: users.displayName, roles: users.roles, hash: users.passwordHash, agency: agencies.shortName, agencyName: agencies.name, regionCode: agencies.regionCode })
    .from(users)
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(eq(users.isDemo, true), eq(users.disabled, false)));
  // The seeder hashes the password once for every login: one check per distinct hash.
  const opens = new Map<string, boolean>();
  for (const hash of new Set(rows.map((r) => r.hash))) opens.set(hash, await verifyPassword(hash, DEMO_PASSWORD));
  const usable = rows.filter((r) => opens.get(r.hash));
  const group = (r: (typeof rows)[number]) => (r.roles.includes('supervisor') || !r.regionCode ? '' : `${r.regionCode} ${r.agencyName}`);
  return usable
    .map((r) => ({ row: { username: r.username, displayName: r.displayName, agency: r.agency ?? r.agencyName, roles: r.roles as Role[] }, group: group(r) }))
    .sort((a, b) => a.group.localeCompare(b.group) || rank(a.row) - rank(b.row) || a.row.username.localeCompare(b.row.username))
    .map((x) => x.row);
}

const roleNames = (roles: Role[]) => roles.map((r) => ui.labels.role[r]).join('、');

/** The table of the README (GitHub Markdown). */
export function demoLoginsMarkdown(rows: DemoLoginRow[]): string {
  return [
    '| 用户名 login | 机关 agency | 角色 role | 姓名 name |',
    '|---|---|---|---|',
    ...rows.map((r) => `| \`${r.username}\` | ${r.agency ?? '—'} | ${roleNames(r.roles)} | ${r.displayName} |`),
  ].join('\n');
}

/** The same list for a terminal. */
export function demoLoginsText(rows: DemoLoginRow[]): string {
  const width = Math.max(...rows.map((r) => r.username.length)) + 2;
  return [
    `演示账号 Demo logins (password for all: ${DEMO_PASSWORD}):`,
    ...rows.map((r) => `  ${r.username.padEnd(width)}${[r.agency, roleNames(r.roles), r.displayName].filter(Boolean).join(' ')}`),
  ].join('\n');
}
