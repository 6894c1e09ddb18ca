/**
 * Issue 7, "nobody can grant more than they hold": the whole grant matrix, generated. Every
 * creator (one per role, plus a supervisor whose region lies below their bureau and a foreign
 * agency's administrator) tries every granted role on every target scope, through HTTP; the
 * expected answer comes from the small table below, written independently of the code under test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/harness.js';
import { buildWorld, PASSWORD, type World } from '../../test/factories.js';
import { createUser } from './manage-users.js';
import { hashPassword } from './passwords.js';
import { ROLES, type Role } from './roles.js';

// ---- The independent table -------------------------------------------------------------------

type AgencyKey = 'agencyA' | 'agencyA2' | 'bureauA' | 'agencyB';

/** Region parents of the test world (test/factories.ts) and each agency's region. */
const PARENT: Record<string, string> = { '532301': '532300', '532300': '530000', '533400': '530000', '140602': '140600', '140600': '140000' };
const AGENCY_REGION: Record<AgencyKey, string> = { agencyA: '532300', agencyA2: '532301', bureauA: '532300', agencyB: '140602' };
const within = (code: string | undefined, root: string): boolean => !!code && (code === root || within(PARENT[code], root));

/** Roles one agency's administrator hands out; the two wider roles are a system administrator's alone. */
const AGENCY_LEVEL = new Set<Role>(['officer', 'division_head', 'legal_reviewer', 'agency_leader', 'publicity_editor', 'agency_admin']);
const MANAGERS = new Set<Role>(['agency_admin', 'supervisor', 'system_admin']);

interface Creator {
  username: string;
  roles: Role[];
  agency: AgencyKey | null;
  /** A supervisor's region: their own, or their bureau's. */
  region?: string;
}

const CREATORS: Creator[] = [
  ...ROLES.map((role): Creator => {
    if (role === 'system_admin') return { username: 'sysadmin', roles: [role], agency: null };
    if (role === 'supervisor') return { username: 'supervisor_a', roles: [role], agency: 'bureauA', region: '532300' };
    return { username: `g_${role}`, roles: [role], agency: 'agencyA' };
  }),
  { username: 'g_county_supervisor', roles: ['supervisor'], agency: 'bureauA', region: '532301' },
  { username: 'admin_b', roles: ['agency_admin'], agency: 'agencyB' },
];

const sees = (c: Creator, agency: AgencyKey) =>
  c.roles.includes('system_admin') || c.agency === agency || (c.roles.includes('supervisor') && within(AGENCY_REGION[agency], c.region!));

/** What the creator may hand out to an account of `agency`. */
function mayGrant(c: Creator, agency: AgencyKey | null, roles: Role[]): boolean {
  if (c.roles.includes('system_admin')) return true;
  if (!agency || !roles.every((r) => AGENCY_LEVEL.has(r))) return false;
  return (c.roles.includes('agency_admin') && c.agency === agency) || (c.roles.includes('supervisor') && within(AGENCY_REGION[agency], c.region!));
}

interface Target {
  name: string;
  agency: AgencyKey | null;
  scopeRegionCode?: string;
}

const TARGETS: Target[] = [
  { name: 'own agency A', agency: 'agencyA' },
  { name: 'county agency A2 (in 楚雄州 subtree)', agency: 'agencyA2' },
  { name: 'justice bureau A', agency: 'bureauA' },
  { name: 'agency B (other province)', agency: 'agencyB' },
  { name: 'bureau A + region of another province', agency: 'bureauA', scopeRegionCode: '140000' },
  { name: 'bureau A + the province above', agency: 'bureauA', scopeRegionCode: '530000' },
  { name: 'bureau A + a county inside', agency: 'bureauA', scopeRegionCode: '532301' },
  { name: 'no agency', agency: null },
  { name: 'no agency + region of another province', agency: null, scopeRegionCode: '140000' },
];

const GRANTS: Role[][] = [...ROLES.map((r) => [r]), ['officer', 'supervisor'], ['division_head', 'system_admin']];

function expectedCreate(c: Creator, target: Target, roles: Role[]): number {
  if (target.agency && !sees(c, target.agency)) return 404;
  if (!c.roles.some((r) => MANAGERS.has(r))) return 403;
  if (target.scopeRegionCode && !c.roles.includes('system_admin')) return 403;
  if (!mayGrant(c, target.agency, roles)) return 403;
  if (target.scopeRegionCode && !roles.includes('supervisor')) return 400; // a region belongs to a supervisor only
  return 201;
}

function expectedEdit(c: Creator, agency: AgencyKey | null, current: Role[], next: Role[]): number {
  if (!agency) return c.roles.includes('system_admin') ? 200 : 404;
  if (!sees(c, agency)) return 404;
  if (!c.roles.some((r) => MANAGERS.has(r))) return 403;
  return mayGrant(c, agency, [...current, ...next]) ? 200 : 403;
}

// ---- The world -------------------------------------------------------------------------------

let t: TestContext;
let world: World;
let passwordHash: string;
const sessions = new Map<string, Session>();
const system = { actor: null, now: new Date('2026-11-01T00:00:00Z') };

const agencyId = (key: AgencyKey | null) => (key ? world[key].id : null);

/** An account made directly in the database, for one edit to be tried on. */
async function makeAccount(username: string, agency: AgencyKey | null, roles: Role[]) {
  return t.database.db.transaction((tx) =>
    createUser(tx, system, { username, displayName: username, password: PASSWORD, agencyId: agencyId(agency), roles }, { passwordHash }),
  );
}

beforeAll(async () => {
  t = await createTestApp();
  world = await buildWorld(t.database);
  passwordHash = await hashPassword(PASSWORD);
  for (const c of CREATORS) {
    if (!['sysadmin', 'supervisor_a', 'admin_b'].includes(c.username)) {
      await t.database.db.transaction((tx) =>
        createUser(tx, system, {
          username: c.username,
          displayName: c.username,
          password: PASSWORD,
          agencyId: agencyId(c.agency),
          roles: c.roles,
          scopeRegionCode: c.username === 'g_county_supervisor' ? c.region : null,
        }, { passwordHash }),
      );
    }
    sessions.set(c.username, await loginAs(t.app, c.username, PASSWORD));
  }
}, 60_000);
afterAll(() => t.close());

const usernamesLike = async (prefix: string) =>
  (await t.database.query<{ username: string }>(`select username from users where username like $1 order by username`, [`${prefix}%`])).map((r) => r.username);

// ---- The matrix ------------------------------------------------------------------------------

describe('POST /api/users: creator role × granted role × target scope', () => {
  CREATORS.forEach((creator, ci) => {
    it(`${creator.username} (${creator.roles.join('+')}) creates exactly what the table allows, and nothing when refused`, async () => {
      const session = sessions.get(creator.username)!;
      const expected: string[] = [];
      const actual: string[] = [];
      const created: string[] = [];
      for (const [ti, target] of TARGETS.entries()) {
        for (const [ri, roles] of GRANTS.entries()) {
          const username = `m${ci}-${ti}-${ri}`;
          const res = await session.post('/api/users', {
            username,
            displayName: username,
            password: PASSWORD,
            agencyId: agencyId(target.agency),
            roles,
            ...(target.scopeRegionCode && { scopeRegionCode: target.scopeRegionCode }),
          });
          const want = expectedCreate(creator, target, roles);
          expected.push(`${roles.join('+')} → ${target.name}: ${want}`);
          actual.push(`${roles.join('+')} → ${target.name}: ${res.statusCode}`);
          if (want === 201) created.push(username);
        }
      }
      expect(actual).toEqual(expected);
      expect(await usernamesLike(`m${ci}-`)).toEqual(created.sort());
    }, 60_000);
  });

  it('the matrix is not vacuous: supervisors and agency administrators create some accounts and are refused others', () => {
    const outcomes = (username: string) => new Set(TARGETS.flatMap((tg) => GRANTS.map((g) => expectedCreate(CREATORS.find((c) => c.username === username)!, tg, g))));
    for (const username of ['supervisor_a', 'g_agency_admin', 'g_county_supervisor']) expect([...outcomes(username)].sort()).toEqual([201, 403, 404]);
    expect([...outcomes('sysadmin')].sort()).toEqual([201, 400]);
  });
});

const PATCH_TARGETS: { name: string; agency: AgencyKey | null; roles: Role[] }[] = [
  { name: 'officer of agency A', agency: 'agencyA', roles: ['officer'] },
  { name: 'administrator of agency A', agency: 'agencyA', roles: ['agency_admin'] },
  { name: 'officer of county agency A2', agency: 'agencyA2', roles: ['officer'] },
  { name: 'administrator of agency B (foreign)', agency: 'agencyB', roles: ['agency_admin'] },
  { name: 'supervisor of bureau A', agency: 'bureauA', roles: ['supervisor'] },
  { name: 'leader of agency A who is also system administrator', agency: 'agencyA', roles: ['agency_leader', 'system_admin'] },
  { name: 'system administrator', agency: null, roles: ['system_admin'] },
];

const PATCHES: { name: string; body: (current: Role[]) => Record<string, unknown>; roles?: (current: Role[]) => Role[] }[] = [
  { name: 'rename', body: () => ({ displayName: '改名' }) },
  { name: 'disable', body: () => ({ disabled: true }) },
  { name: 'reset password', body: () => ({ password: 'Another-password-2027' }) },
  { name: 'unlock', body: () => ({ unlock: true }) },
  { name: 'demote to officer', body: () => ({ roles: ['officer'] }), roles: () => ['officer'] },
  { name: 'add agency_leader', body: (c) => ({ roles: [...c, 'agency_leader'] }), roles: (c) => [...c, 'agency_leader'] },
  { name: 'add supervisor', body: (c) => ({ roles: [...c, 'supervisor'] }), roles: (c) => [...c, 'supervisor'] },
  { name: 'make system administrator', body: () => ({ roles: ['system_admin'] }), roles: () => ['system_admin'] },
];

describe('PATCH /api/users/:id: editor × target account × change', () => {
  CREATORS.forEach((editor, ei) => {
    it(`${editor.username} (${editor.roles.join('+')}) edits exactly the accounts the table allows, and leaves the others untouched`, async () => {
      const session = sessions.get(editor.username)!;
      const expected: string[] = [];
      const actual: string[] = [];
      for (const [ti, target] of PATCH_TARGETS.entries()) {
        for (const [pi, patch] of PATCHES.entries()) {
          const account = await makeAccount(`e${ei}-${ti}-${pi}`, target.agency, target.roles);
          const res = await session.patch(`/api/users/${account.id}`, patch.body(target.roles));
          const want = expectedEdit(editor, target.agency, target.roles, patch.roles?.(target.roles) ?? []);
          expected.push(`${patch.name} → ${target.name}: ${want}`);
          actual.push(`${patch.name} → ${target.name}: ${res.statusCode}`);
          if (want !== 200) {
            const [row] = await t.database.query<Record<string, unknown>>(
              `select roles, display_name, disabled, password_hash, updated_at from users where id = $1`,
              [account.id],
            );
            expect(row, `${patch.name} → ${target.name}`).toEqual({
              roles: account.roles,
              display_name: account.displayName,
              disabled: false,
              password_hash: account.passwordHash,
              updated_at: account.updatedAt,
            });
          }
        }
      }
      expect(actual).toEqual(expected);
    }, 120_000);
  });

  it('the user list tells each editor which accounts they may edit, by the same table', async () => {
    const targets = await Promise.all(PATCH_TARGETS.map((tg, i) => makeAccount(`list-${i}`, tg.agency, tg.roles)));
    for (const editor of CREATORS.filter((c) => c.roles.some((r) => MANAGERS.has(r)))) {
      const items: { id: string; editable: boolean }[] = [];
      for (let total = 1; items.length < total; ) {
        const page = (await sessions.get(editor.username)!.get(`/api/users?limit=500&offset=${items.length}`)).json();
        if (!page.items.length) break;
        items.push(...page.items);
        total = page.total;
      }
      const shown = PATCH_TARGETS.map((tg, i) => `${tg.name}: ${items.find((u) => u.id === targets[i]!.id)?.editable ?? 'hidden'}`);
      const want = PATCH_TARGETS.map((tg) => {
        const status = expectedEdit(editor, tg.agency, tg.roles, []);
        return `${tg.name}: ${status === 404 ? 'hidden' : status === 200}`;
      });
      expect(shown, editor.username).toEqual(want);
    }
  });

  it('/api/auth/me lists the roles each user may grant', async () => {
    for (const c of CREATORS) {
      const { grantableRoles } = (await sessions.get(c.username)!.get('/api/auth/me')).json();
      const want = c.roles.includes('system_admin') ? [...ROLES] : c.roles.some((r) => MANAGERS.has(r)) ? ROLES.filter((r) => AGENCY_LEVEL.has(r)) : [];
      expect(grantableRoles, c.username).toEqual(want);
    }
  });
});

describe('the reported attack', () => {
  it('a supervisor cannot create a supervisor over another province or the province above, nor touch a foreign administrator', async () => {
    const supervisor = sessions.get('supervisor_a')!;
    for (const scopeRegionCode of ['140000', '530000']) {
      const res = await supervisor.post('/api/users', { username: `rogue-${scopeRegionCode}`, displayName: 'x', password: PASSWORD, agencyId: world.bureauA.id, roles: ['supervisor'], scopeRegionCode });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    expect(await usernamesLike('rogue-')).toEqual([]);
    const before = await t.database.query(`select * from users where id = $1`, [world.users.adminB.id]);
    expect((await supervisor.patch(`/api/users/${world.users.adminB.id}`, { password: 'Taken-over-2027', roles: ['agency_admin'] })).statusCode).toBe(404);
    expect(await t.database.query(`select * from users where id = $1`, [world.users.adminB.id])).toEqual(before);
  });

  it('nobody edits themselves into a wider role than they hold', async () => {
    for (const c of CREATORS.filter((x) => !x.roles.includes('system_admin'))) {
      const me = (await sessions.get(c.username)!.get('/api/auth/me')).json().user;
      for (const role of ['supervisor', 'system_admin'] as const) {
        const res = await sessions.get(c.username)!.patch(`/api/users/${me.id}`, { roles: [...c.roles, role] });
        expect([403, 404], `${c.username} + ${role}`).toContain(res.statusCode);
      }
      const [row] = await t.database.query<{ roles: string[] }>(`select roles from users where id = $1`, [me.id]);
      expect(row!.roles).toEqual(c.roles);
    }
  });
});

describe('scopeRegionCode', () => {
  it('must name an existing region (400 naming the field) and belongs to supervisors only', async () => {
    const sysadmin = sessions.get('sysadmin')!;
    const unknown = await sysadmin.post('/api/users', { username: 'sup.unknown', displayName: 'x', password: PASSWORD, agencyId: world.bureauA.id, roles: ['supervisor'], scopeRegionCode: '999999' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual([expect.objectContaining({ field: 'scopeRegionCode', code: 'region_not_found' })]);
    const officer = await sysadmin.post('/api/users', { username: 'off.region', displayName: 'x', password: PASSWORD, agencyId: world.agencyA.id, roles: ['officer'], scopeRegionCode: '532300' });
    expect(officer.json().error.fields).toEqual([expect.objectContaining({ field: 'scopeRegionCode', code: 'invalid_value' })]);
    expect(await usernamesLike('sup.unknown')).toEqual([]);
  });

  it('granted by a system administrator, it gives the supervisor exactly that subtree', async () => {
    const sysadmin = sessions.get('sysadmin')!;
    const res = await sysadmin.post('/api/users', { username: 'sup.shanxi', displayName: '山西监督', password: PASSWORD, agencyId: world.bureauB.id, roles: ['supervisor'], scopeRegionCode: '140000' });
    expect(res.statusCode).toBe(201);
    const [audit] = await t.database.query<{ detail: unknown }>(`select detail from audit_events where action = 'user.created' and subject_id = $1`, [res.json().id]);
    expect(audit!.detail).toEqual({ username: 'sup.shanxi', roles: ['supervisor'], scopeRegionCode: '140000' });
    const shanxi = await loginAs(t.app, 'sup.shanxi', PASSWORD);
    const names = (await shanxi.get('/api/users?limit=200')).json().items.map((u: { username: string }) => u.username);
    expect(names).toContain('admin_b');
    expect(names).not.toContain('admin_a');
  });
});
