import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, TEST_NOW, type Session, type TestContext } from '../../test/harness.js';
import { buildWorld, fakeIdNumber, PASSWORD, type World } from '../../test/factories.js';

interface Row {
  id: number;
  at: string;
  actor: { userId: string | null; label: string };
  agency: { id: string; name: string } | null;
  action: string;
  subject: { type: string; id: string | null; name: string | null; link: { type: string; id: string } | null };
  detail: Record<string, unknown>;
}
interface Page {
  items: Row[];
  total: number;
}

let t: TestContext;
let world: World;
let sysadmin: Session;
let adminA: Session;

beforeAll(async () => {
  t = await createTestApp();
  world = await buildWorld(t.database);
  sysadmin = await loginAs(t.app, 'sysadmin', PASSWORD);
  adminA = await loginAs(t.app, 'admin_a', PASSWORD);
});
afterAll(() => t.close());

const page = async (session: Session, query = ''): Promise<Page> => {
  const res = await session.get(`/api/audit${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const login = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('GET /api/audit: who logged in', () => {
  it('records the user who logged in as the actor, not "public"', async () => {
    const { items } = await page(sysadmin, `?action=auth.login&subjectId=${world.users.adminA.id}`);
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]!.actor).toEqual({ userId: world.users.adminA.id, label: 'admin_a (admin_a)' });
    expect(items[0]!.subject).toMatchObject({ type: 'user', name: 'admin_a (admin_a)', link: { type: 'user', id: world.users.adminA.id } });
  });

  it('names the account tried on a failed login, while the client gets the same answer for known and unknown names', async () => {
    const [known, unknown] = await Promise.all([login('officer_a', 'Wrong-password-1'), login('nobody_here', 'Wrong-password-1')]);
    expect(known.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.json().code).toBe(known.json().code);

    const { items } = await page(sysadmin, '?action=auth.login_failed');
    const ofKnown = items.find((r) => r.detail.username === 'officer_a')!;
    const ofUnknown = items.find((r) => r.detail.username === 'nobody_here')!;
    // Nobody is proven to be officer_a: named, but no actor id.
    expect(ofKnown.actor).toEqual({ userId: null, label: 'officer_a (officer_a)' });
    expect(ofKnown.subject).toMatchObject({ type: 'user', id: world.users.officerA.id, name: 'officer_a (officer_a)' });
    expect(ofUnknown.actor).toEqual({ userId: null, label: 'public' });
    expect(ofUnknown.subject).toMatchObject({ type: 'user', id: null, name: null, link: null });
  });
});

describe('GET /api/audit: names instead of ids', () => {
  it('names agencies and users with a link to their page, and the event’s agency', async () => {
    const { items } = await page(sysadmin, `?subjectType=agency&subjectId=${world.agencyA.id}`);
    const created = items.find((r) => r.action === 'agency.created')!;
    expect(created.subject).toEqual({ type: 'agency', id: world.agencyA.id, name: '楚雄州工业和信息化局', link: { type: 'agency', id: world.agencyA.id } });
    expect(created.agency).toEqual({ id: world.agencyA.id, name: '楚雄州工业和信息化局' });

    const users = await page(sysadmin, '?action=user.created&limit=500');
    expect(users.items.length).toBe(Object.keys(world.users).length);
    expect(users.items.map((r) => r.subject.name)).toContain('officer_a (officer_a)');
    expect(users.items.map((r) => r.subject.link?.type)).toEqual(users.items.map(() => 'user'));
  });

  it('names regions by name and code, and people by name', async () => {
    const regions = await page(sysadmin, '?action=region.created&limit=500');
    expect(regions.items.map((r) => r.subject.name)).toContain('楚雄彝族自治州（532300）');
    const person = await adminA.post(`/api/agencies/${world.agencyA.id}/people`, { name: '审计对象', idNumber: fakeIdNumber('532301', '1990-01-01', 'female') });
    expect(person.statusCode, person.body).toBe(201);
    const { items } = await page(adminA, `?action=person.created&subjectId=${person.json().id}`);
    expect(items[0]!.subject).toMatchObject({ type: 'person', name: '审计对象', link: { type: 'person', id: person.json().id } });
  });
});

describe('GET /api/audit: order, filters and pages', () => {
  it('lists newest first by time, even when an older event was written later', async () => {
    // Written second, but dated an hour earlier (a clock moved back, a replayed import): time decides.
    t.clock.set(new Date(Date.parse(TEST_NOW) + 3600_000));
    await adminA.post('/api/auth/logout-all');
    t.clock.set(TEST_NOW);
    adminA = await loginAs(t.app, 'admin_a', PASSWORD);
    const { items } = await page(sysadmin, `?agencyId=${world.agencyA.id}&limit=500`);
    const times = items.map((r) => Date.parse(r.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // Within one instant, the later-written event first.
    for (let i = 1; i < items.length; i++) if (times[i] === times[i - 1]) expect(items[i]!.id).toBeLessThan(items[i - 1]!.id);
    expect(items[0]!.action).toBe('auth.logout_all');
    expect(items[1]!.action).toBe('auth.login');
  });

  it('filters by person, action, object and date range', async () => {
    const byActor = await page(sysadmin, `?actorUserId=${world.users.adminA.id}&limit=500`);
    expect(byActor.items.length).toBeGreaterThan(0);
    expect(byActor.items.every((r) => r.actor.userId === world.users.adminA.id)).toBe(true);

    const byAction = await page(sysadmin, '?action=agency.created&limit=500');
    expect(byAction.items.map((r) => r.action)).toEqual(byAction.items.map(() => 'agency.created'));
    expect(byAction.total).toBe(5);

    const byType = await page(sysadmin, '?subjectType=region&limit=500');
    expect(byType.total).toBe(7);

    // buildWorld wrote on 2026-11-01; the logins are on TEST_NOW (2026-11-22, China time).
    const november1 = await page(sysadmin, '?from=2026-11-01&to=2026-11-01&limit=500');
    expect(november1.total).toBeGreaterThan(0);
    expect(november1.items.every((r) => r.at.startsWith('2026-11-01') || r.at.startsWith('2026-10-31T1'))).toBe(true);
    const later = await page(sysadmin, '?from=2026-11-02&limit=500');
    expect(later.items.every((r) => Date.parse(r.at) >= Date.parse('2026-11-02T00:00:00+08:00'))).toBe(true);
    expect(november1.total + later.total).toBe((await page(sysadmin, '?limit=1')).total);
  });

  it('pages through the log with a total', async () => {
    const all = await page(sysadmin, '?limit=500');
    const first = await page(sysadmin, '?limit=3');
    const second = await page(sysadmin, '?limit=3&offset=3');
    expect(first.total).toBe(all.total);
    expect([...first.items, ...second.items].map((r) => r.id)).toEqual(all.items.slice(0, 6).map((r) => r.id));
  });

  it('refuses a malformed date with 400', async () => {
    const res = await sysadmin.get('/api/audit?from=2026-13-01');
    expect(res.statusCode).toBe(400);
  });
});

describe('GET /api/audit: scope', () => {
  it('shows an agency administrator only their agency’s events, whatever the filter asks', async () => {
    const mine = await page(adminA, '?limit=500');
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((r) => r.agency?.id === world.agencyA.id)).toBe(true);
    const other = await page(adminA, `?agencyId=${world.agencyB.id}`);
    expect(other).toEqual({ items: [], total: 0 });
    const otherAdmin = await page(adminA, `?actorUserId=${world.users.adminB.id}`);
    expect(otherAdmin.total).toBe(0);
  });

  it('shows a supervisor the agencies of their region', async () => {
    const supervisor = await loginAs(t.app, 'supervisor_a', PASSWORD);
    const seen = await page(supervisor, '?limit=500');
    const agencies = new Set(seen.items.map((r) => r.agency?.id));
    expect(agencies.has(world.agencyA.id)).toBe(true);
    expect(agencies.has(world.agencyB.id)).toBe(false);
  });
});
