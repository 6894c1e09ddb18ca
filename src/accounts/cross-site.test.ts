import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestContext } from '../../test/harness.js';
import { buildRecordingWorld, partyCompany, recordingSessions, type RecordingWorld } from '../../test/recording-world.js';

/*
 * The attack: another site's page links to (or embeds as an <img>) a case page, a person's record
 * or a document download. The victim's browser sends the session cookie with it (SameSite=Lax lets
 * top-level navigations through), so without a check the read would be recorded in the victim's
 * name and the data served. Reads must come from our own pages (Fetch Metadata or the CSRF token).
 */

let t: TestContext;
let world: RecordingWorld;
let s: Awaited<ReturnType<typeof recordingSessions>>;
let caseId: string;

beforeAll(async () => {
  t = await createTestApp();
  world = await buildRecordingWorld(t.database);
  s = await recordingSessions(t);
  const res = await s.li.post('/api/cases', {
    agencyId: world.agencyA.id,
    procedure: 'inspection',
    powerItemId: world.items.inspection.id,
    title: '对楚雄市恒达电器有限公司的监督检查',
    source: 'complaint',
    sourceDetail: { content: '群众投诉', provider: '匿名', receivedOn: '2026-11-20' },
    parties: [partyCompany()],
  });
  expect(res.statusCode, res.body).toBe(201);
  caseId = res.json().id;
});
afterAll(() => t.close());

/** A GET with the victim's cookie only, as a browser sends it for another site's link. */
const crossSite = (session: Session, url: string, site?: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: session.cookie, ...(site ? { 'sec-fetch-site': site } : {}) } });

const views = async () =>
  (await t.database.query<{ n: number }>(`select count(*)::int as n from case_events where case_id = $1 and type = 'case.viewed'`, [caseId]))[0]!.n;
const personReads = async () =>
  (await t.database.query<{ n: number }>(`select count(*)::int as n from audit_events where action = 'person.read'`))[0]!.n;

describe('cookie-authenticated reads from another site', () => {
  it.each([
    ['a link from another site', 'cross-site'],
    ['a link from a sibling subdomain', 'same-site'],
    ['a browser without Fetch Metadata and no CSRF token', undefined],
  ])('are refused with nothing recorded: %s', async (_, site) => {
    const before = { views: await views(), reads: await personReads() };
    for (const url of [`/api/cases/${caseId}`, `/api/people/${world.people.li.id}`, '/api/audit', '/api/users']) {
      const res = await crossSite(s.li, url, site);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'CROSS_SITE_REQUEST', message: expect.stringContaining('其他网站'), messageEn: expect.any(String) });
    }
    expect({ views: await views(), reads: await personReads() }).toEqual(before);
  });

  it('are served and recorded from our own pages (same-origin), an address typed by the user (none), or with the CSRF token', async () => {
    const before = await views();
    expect((await crossSite(s.li, `/api/cases/${caseId}`, 'same-origin')).statusCode).toBe(200);
    expect((await crossSite(s.li, `/api/cases/${caseId}`, 'none')).statusCode).toBe(200);
    expect((await s.li.get(`/api/cases/${caseId}`)).statusCode).toBe(200); // the CSRF header
    expect(await views()).toBe(before + 3);
  });

  it('a forged CSRF token does not stand in for Fetch Metadata', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: { cookie: s.li.cookie, 'x-csrf-token': s.wang.csrfToken } });
    expect(res.statusCode).toBe(403);
  });

  it('do not concern the public portal and its API', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/public/agencies', headers: { cookie: s.li.cookie, 'sec-fetch-site': 'cross-site' } })).statusCode).toBe(200);
  });
});
