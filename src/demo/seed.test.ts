import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../accounts/manage-users.js';
import { createAgency } from '../organisation/agencies/agencies.js';
import { createRegion } from '../organisation/regions/regions.js';
import { createTestApp, loginAs, type TestContext } from '../../test/harness.js';
import { demoAgencies, demoCounsel, demoJusticeBureaus, demoRegions, type DemoAgency } from './data.js';
import { demoLoginsMarkdown, listDemoLogins } from './logins.js';
import { DEMO_PASSWORD, seedDemoIfEmpty, UNCONFIRMED_DEMO_AGENCY, type DemoSeedResult } from './seed.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const rowCounts = async (t: TestContext) => {
  const tables = ['regions', 'agencies', 'divisions', 'people', 'positions', 'position_holders', 'leading_groups', 'leading_group_members', 'counsel', 'users', 'blobs', 'audit_events'];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await t.database.query<{ n: number }>(`select count(*)::int as n from ${table}`);
    counts[table] = row!.n;
  }
  return counts;
};

const agencyIdOf = async (t: TestContext, name: string) => {
  const [row] = await t.database.query<{ id: string }>('select id from agencies where name = $1', [name]);
  return row!.id;
};

describe('seedDemoIfEmpty on an empty database', () => {
  let t: TestContext;
  let result: DemoSeedResult | null;
  let seconds: number;

  beforeAll(async () => {
    t = await createTestApp();
    const started = performance.now();
    // The demo cases have their own test (cases.test.ts).
    result = await seedDemoIfEmpty(t.deps, { cases: false });
    seconds = (performance.now() - started) / 1000;
  });
  afterAll(() => t.close());

  it('loads quickly and returns the shared password with the logins in order', () => {
    expect(seconds).toBeLessThan(15);
    expect(result?.password).toBe(DEMO_PASSWORD);
    const names = result!.logins.map((l) => l.username);
    expect(names.slice(0, 5)).toEqual(['sysadmin', 'cx.sfj', 'dq.sfj', 'ql.sfj', 'sc.sfj']);
    expect(names).toContain('cx.gxj.admin');
    expect(new Set(names).size).toBe(names.length);
    // Every agency has an administrator and a leader; 朔城区 has no reviewer to log in as.
    for (const prefix of ['cx.kjj', 'dq.swj', 'cx.gxj', 'ql.spj', 'sc.kjj']) {
      expect(names).toEqual(expect.arrayContaining([`${prefix}.admin`, `${prefix}.leader`, `${prefix}.officer`]));
    }
    expect(names.filter((n) => n.endsWith('.reviewer'))).toEqual(['cx.kjj.reviewer', 'dq.swj.reviewer', 'cx.gxj.reviewer', 'ql.spj.reviewer']);
    expect(result!.logins.find((l) => l.username === 'cx.gxj.admin')!.description).toBe('楚雄州工信局 机关管理员');
  });

  it('creates the regions, the five agencies and the four justice bureaus, all marked demo', async () => {
    const admin = await loginAs(t.app, 'sysadmin', DEMO_PASSWORD);
    const res = await admin.get('/api/agencies?limit=100');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { name: string; kind: string; isDemo: boolean; creditCode: string; headName: string }[];
    expect(items.filter((a) => a.kind === 'enforcement').map((a) => a.name).sort()).toEqual(demoAgencies.map((a) => a.name).sort());
    expect(items.filter((a) => a.kind === 'justice_bureau').map((a) => a.name).sort()).toEqual(demoJusticeBureaus.map((b) => b.name).sort());
    expect(items.every((a) => a.isDemo)).toBe(true);
    for (const body of [...demoAgencies, ...demoJusticeBureaus]) {
      const item = items.find((a) => a.name === body.name)!;
      expect(item.creditCode).toBe(body.creditCode);
      expect(item.headName).toBe(body.headName);
    }
    const regions = await t.database.query<{ code: string }>('select code from regions order by code');
    expect(regions.map((r) => r.code)).toEqual(demoRegions.map((r) => r.code).sort());
  });

  it('gives each agency the divisions data.ts lists, in order, with its legal-affairs division', async () => {
    const admin = await loginAs(t.app, 'sysadmin', DEMO_PASSWORD);
    for (const agency of demoAgencies) {
      const res = await admin.get(`/api/agencies/${await agencyIdOf(t, agency.name)}/divisions`);
      expect(res.statusCode).toBe(200);
      const divisions = res.json().items as { name: string; isLegalAffairs: boolean; duties: string | null }[];
      expect(divisions.map((d) => d.name)).toEqual(agency.divisions.map((d) => d.name));
      const legal = agency.divisions.find((d) => d.key === agency.legalAffairsDivisionKey)!;
      expect(divisions.filter((d) => d.isLegalAffairs).map((d) => d.name)).toEqual([legal.name]);
      expect(divisions.every((d) => d.duties)).toBe(true);
    }
  });

  it('sets up each leading group by position, with its office division and today’s holders (O4)', async () => {
    // Position titles are unique per agency, so the two 副局长 posts are numbered.
    const titles = await t.database.query<{ title: string }>(
      `select p.title from positions p join agencies a on a.id = p.agency_id where a.name = '楚雄彝族自治州科学技术局' order by p.sort_order`,
    );
    expect(titles.slice(0, 3).map((p) => p.title)).toEqual(['局长', '副局长（一）', '副局长（二）']);
    for (const agency of demoAgencies) {
      const agencyId = await agencyIdOf(t, agency.name);
      const groups = await t.database.query<{ id: string; name: string; office: string; established_on: string | null }>(
        `select g.id, g.name, d.name as office, g.established_on::text from leading_groups g join divisions d on d.id = g.office_division_id where g.agency_id = $1`,
        [agencyId],
      );
      expect(groups.map((g) => g.name)).toEqual(agency.leadingGroups.map((g) => g.name));
      for (const group of agency.leadingGroups) {
        const row = groups.find((g) => g.name === group.name)!;
        expect(row.office).toBe(agency.divisions.find((d) => d.key === group.officeDivisionKey)!.name);
        expect(row.established_on).toBe(group.establishedOn);
        const members = await t.database.query<{ role: string; holder: string }>(
          `select m.role, p.name as holder from leading_group_members m
             join position_holders h on h.position_id = m.position_id and h.to_date is null
             join people p on p.id = h.person_id
           where m.group_id = $1 order by m.sort_order`,
          [row.id],
        );
        expect(members).toEqual(group.members.map((m) => ({ role: m.role, holder: holderName(agency, m.positionKey) })));
      }
    }
  });

  it('registers every person with a distinct photo, and the counsel, all marked demo', async () => {
    const staff = await t.database.query<{ n: number; demo: number; photos: number; distinct_photos: number }>(
      `select count(*)::int as n, count(*) filter (where is_demo)::int as demo,
              count(*) filter (where photo_sha256 in (select sha256 from blobs where content_type = 'image/png'))::int as photos,
              count(distinct photo_sha256)::int as distinct_photos
         from people`,
    );
    const total = demoAgencies.reduce((n, a) => n + a.people.length, 0);
    expect(staff[0]).toEqual({ n: total, demo: total, photos: total, distinct_photos: total });
    const lawyers = await t.database.query<{ name: string; is_demo: boolean }>('select name, is_demo from counsel order by name');
    expect(lawyers.map((c) => c.name)).toEqual(demoCounsel.map((c) => c.name).sort((a, b) => (a < b ? -1 : 1)));
    expect(lawyers.every((c) => c.is_demo)).toBe(true);
    const [{ n: demoUsers }] = (await t.database.query<{ n: number }>('select count(*)::int as n from users where is_demo')) as [{ n: number }];
    expect(demoUsers).toBe(result!.logins.length);
  });

  it('lets every demo login in over HTTP with the shared password, linked to their person where they are one', async () => {
    for (const { username } of result!.logins) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
      expect(res.statusCode, username).toBe(200);
    }
    const me = (await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'cx.gxj.reviewer', password: DEMO_PASSWORD } })).json();
    expect(me.user.roles).toEqual(['legal_reviewer']);
    expect(me.user.agencyName).toBe('楚雄彝族自治州工业和信息化局');
    const [linked] = await t.database.query<{ reviewer: boolean }>(
      `select p.is_legal_reviewer as reviewer from users u join people p on p.id = u.person_id where u.username = 'cx.gxj.reviewer'`,
    );
    expect(linked).toEqual({ reviewer: true });
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'sysadmin', password: 'Wrong-password-1' } });
    expect(wrong.statusCode).toBe(401);
  });

  it('shows a supervisor only the agencies of their own region', async () => {
    const chuxiong = await loginAs(t.app, 'cx.sfj', DEMO_PASSWORD);
    const seen = (await chuxiong.get('/api/agencies')).json().items.map((a: { name: string }) => a.name).sort();
    expect(seen).toEqual(['楚雄彝族自治州司法局', '楚雄彝族自治州工业和信息化局', '楚雄彝族自治州科学技术局'].sort());
    const shuocheng = await loginAs(t.app, 'sc.sfj', DEMO_PASSWORD);
    expect((await shuocheng.get('/api/agencies')).json().items.map((a: { name: string }) => a.name).sort()).toEqual(
      ['朔州市朔城区司法局', '朔州市朔城区科学技术局'].sort(),
    );
    const other = await shuocheng.get(`/api/agencies/${await agencyIdOf(t, '楚雄彝族自治州科学技术局')}`);
    expect(other.statusCode).toBe(404);
  });

  it('has the supervisors confirm every agency but 迪庆州商务局, which the dashboard reports (P13)', async () => {
    const admin = await loginAs(t.app, 'sysadmin', DEMO_PASSWORD);
    const items = (await admin.get('/api/agencies?kind=enforcement')).json().items as { name: string; confirmation: { confirmedBy: string | null } | null }[];
    const unconfirmed = demoAgencies.find((a) => a.key === UNCONFIRMED_DEMO_AGENCY)!;
    expect(items.filter((a) => !a.confirmation).map((a) => a.name)).toEqual([unconfirmed.name]);
    expect(items.find((a) => a.name === '楚雄彝族自治州工业和信息化局')!.confirmation!.confirmedBy).toBe('楚雄州司法局执法监督员');
    expect(items.find((a) => a.name === '朔州市朔城区科学技术局')!.confirmation!.confirmedBy).toBe('朔城区司法局执法监督员');
    const dashboard = (await admin.get('/api/dashboard')).json();
    expect(dashboard.counts.unconfirmedAgencies).toBe(1);
    expect(dashboard.warnings.map((w: { code: string }) => w.code)).toContain('AGENCIES_UNCONFIRMED');
    const confirmations = await t.database.query<{ actor_label: string }>(`select actor_label from audit_events where action = 'agency.confirmed' order by id`);
    expect(confirmations).toHaveLength(demoAgencies.length - 1);
    expect(confirmations[0]!.actor_label).toMatch(/执法监督员 \([a-z]{2}\.sfj\)$/);
  });

  it('flags 朔城区科技局 as having no legal reviewer (L12)', async () => {
    const admin = await loginAs(t.app, 'sc.kjj.admin', DEMO_PASSWORD);
    const res = await admin.get(`/api/agencies/${await agencyIdOf(t, '朔州市朔城区科学技术局')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().reviewerRatio).toMatchObject({ reviewers: 0, flag: 'no_reviewer' });
    const dashboard = (await (await loginAs(t.app, 'sysadmin', DEMO_PASSWORD)).get('/api/dashboard')).json();
    const flags = Object.fromEntries(dashboard.reviewerRatios.map((r: { agencyName: string; flag: string }) => [r.agencyName, r.flag]));
    expect(flags['朔州市朔城区科学技术局']).toBe('no_reviewer');
    expect(flags['楚雄彝族自治州科学技术局']).toBe('ok');
  });

  it('serves an officer’s photo on the public certificate check once the agency is confirmed', async () => {
    const officer = demoAgencies.find((a) => a.key === 'qilin-approval')!.people.find((p) => p.certificate?.status === 'active')!;
    const res = await t.app.inject({ method: 'GET', url: `/verify/officer/${officer.certificate!.number}/photo` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    const png = res.rawPayload;
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([96, 128]);
    // P13: the unconfirmed agency's officers are not published, photos included.
    const hidden = demoAgencies.find((a) => a.key === UNCONFIRMED_DEMO_AGENCY)!.people.find((p) => p.certificate)!;
    expect((await t.app.inject({ method: 'GET', url: `/verify/officer/${hidden.certificate!.number}/photo` })).statusCode).toBe(404);
  });

  it('lists exactly the seeder’s logins in README.md, with the shared password (issue 8)', async () => {
    const readme = fs.readFileSync(path.resolve('README.md'), 'utf8');
    const section = /<!-- demo-logins:start[^>]*-->\n([\s\S]*?)\n<!-- demo-logins:end -->/.exec(readme);
    expect(section, 'README.md has no demo-logins section').not.toBeNull();
    const rows = await listDemoLogins(t.database.db);
    expect(rows.map((r) => r.username).sort()).toEqual(result!.logins.map((l) => l.username).sort());
    expect(section![1], 'README.md is out of date: paste `npx sanxiang demo-logins --markdown` into it').toBe(demoLoginsMarkdown(rows));
    expect(readme).toContain(`\`${DEMO_PASSWORD}\``);
  });

  it('stops listing a demo login once its password is changed or it is disabled', async () => {
    const sysadmin = await loginAs(t.app, 'sysadmin', DEMO_PASSWORD);
    const [row] = await t.database.query<{ id: string }>(`select id from users where username = 'cx.kjj.officer'`);
    expect((await sysadmin.patch(`/api/users/${row!.id}`, { disabled: true })).statusCode).toBe(200);
    await t.owner.exec(`update users set password_hash = 'x' where username = 'dq.swj.officer'`);
    const names = (await listDemoLogins(t.database.db)).map((r) => r.username);
    expect(names).toContain('cx.gxj.officer');
    expect(names).not.toContain('cx.kjj.officer');
    expect(names).not.toContain('dq.swj.officer');
  });

  it('does nothing the second time', async () => {
    const before = await rowCounts(t);
    expect(await seedDemoIfEmpty(t.deps)).toBeNull();
    expect(await rowCounts(t)).toEqual(before);
  });
});

describe('seedDemoIfEmpty on a database in use', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('loads nothing when there is a user', async () => {
    await t.database.db.transaction((tx) =>
      createUser(tx, { actor: null, now: new Date() }, { username: 'first_admin', displayName: '管理员', password: 'Real-password-2026', agencyId: null, roles: ['system_admin'] }),
    );
    expect(await seedDemoIfEmpty(t.deps)).toBeNull();
    expect(await t.database.query('select id from agencies')).toEqual([]);
  });

  it('has no demo logins to list, though its own user opens with a password', async () => {
    expect(await listDemoLogins(t.database.db)).toEqual([]);
  });
});

describe('seedDemoIfEmpty without users but with an agency', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('loads nothing', async () => {
    await t.database.db.transaction(async (tx) => {
      const ctx = { actor: null, now: new Date() };
      await createRegion(tx, ctx, { code: '110000', name: '北京市', parentCode: null });
      await createAgency(tx, ctx, { kind: 'enforcement', name: '北京市某局', creditCode: '11110000000000000X', regionCode: '110000', level: 'province', categories: [] });
    });
    expect(await seedDemoIfEmpty(t.deps)).toBeNull();
    expect(await t.database.query('select id from users')).toEqual([]);
  });
});

describe('seedDemoIfEmpty when loading fails part-way', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('leaves nothing half-loaded', async () => {
    // Make the very last counsel row (in the last agency, after the others were confirmed) fail.
    await t.owner.exec(`
      create function fail_demo_counsel() returns trigger language plpgsql as $$
      begin raise exception 'refused for the test'; end; $$;
      create trigger fail_demo_counsel before insert on counsel
        for each row when (new.name = '${demoCounsel.at(-1)!.name}') execute function fail_demo_counsel();`);
    const before = await rowCounts(t);
    const failure = await seedDemoIfEmpty(t.deps).then(() => null, (error: Error) => error);
    expect(String(failure?.cause ?? failure)).toMatch(/refused for the test/);
    expect(await rowCounts(t)).toEqual(before);
    expect(before).toMatchObject({ regions: 0, agencies: 0, users: 0, people: 0, blobs: 0 });
  });
});

/** Who holds a position of a demo agency, by the data. */
function holderName(agency: DemoAgency, positionKey: string): string {
  const holderKey = agency.positions.find((p) => p.key === positionKey)!.holderKey;
  return agency.people.find((p) => p.key === holderKey)!.name;
}
