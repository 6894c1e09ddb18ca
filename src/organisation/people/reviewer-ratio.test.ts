import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../../test/harness.js';
import { buildWorld, fakeIdNumber, PASSWORD, type World } from '../../../test/factories.js';

/**
 * L12: legal reviewers number at least 5 % of the agency's active officers, and at least one. The
 * ratio is computed by the agencies module; these tests drive it through the people API only.
 */
let t: TestContext;
let world: World;
let adminA: Session;
let supervisorA: Session;

let serial = 0;
async function register(body: Record<string, unknown>) {
  const n = ++serial;
  const res = await adminA.post(`/api/agencies/${world.agencyA.id}/people`, {
    name: `执法员${n}`,
    idNumber: fakeIdNumber(),
    certificate: { number: `L12-${String(n).padStart(3, '0')}`, issuedOn: '2025-01-01', expiresOn: '2030-12-31', status: 'active' },
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}
/** The person's certificate as a request body, with another status. */
async function certificateWith(personId: string, status: string) {
  const { number, issuedOn, expiresOn } = (await adminA.get(`/api/people/${personId}`)).json().certificate;
  return { number, issuedOn, expiresOn, status };
}
const ratio = async (session = adminA) => {
  const res = await session.get(`/api/agencies/${world.agencyA.id}`);
  expect(res.statusCode).toBe(200);
  return res.json().reviewerRatio;
};

beforeAll(async () => {
  t = await createTestApp();
  world = await buildWorld(t.database);
  [adminA, supervisorA] = await Promise.all(['admin_a', 'supervisor_a'].map((u) => loginAs(t.app, u, PASSWORD)));
});
afterAll(() => t.close());

describe('reviewer ratio on GET /api/agencies/:id (L12)', () => {
  const officers: string[] = [];

  it('flags an agency without any reviewer', async () => {
    expect(await ratio()).toEqual({ reviewers: 0, activeOfficers: 0, ratio: null, flag: 'no_reviewer' });
    for (let i = 0; i < 25; i++) officers.push(await register({}));
    // Neither an expired certificate nor staff without one count as active officers.
    await register({ certificate: { number: 'L12-EXPIRED', issuedOn: '2020-01-01', expiresOn: '2026-11-21', status: 'active' } });
    await register({ certificate: null });
    expect(await ratio()).toEqual({ reviewers: 0, activeOfficers: 25, ratio: 0, flag: 'no_reviewer' });
  });

  it('is below the minimum with 1 reviewer per 25 active officers (4 %)', async () => {
    const res = await adminA.patch(`/api/people/${officers[0]}`, { isLegalReviewer: true });
    expect(res.statusCode).toBe(200);
    expect(await ratio()).toEqual({ reviewers: 1, activeOfficers: 25, ratio: 0.04, flag: 'below_minimum' });
    expect((await ratio(supervisorA)).flag).toBe('below_minimum');
  });

  it('is ok with 1 reviewer per 20 active officers (5 %): suspended and revoked certificates stop counting', async () => {
    for (const [i, status] of [
      [1, 'suspended'],
      [2, 'suspended'],
      [3, 'suspended'],
      [4, 'revoked'],
      [5, 'revoked'],
    ] as const) {
      const res = await adminA.patch(`/api/people/${officers[i]}`, { certificate: await certificateWith(officers[i]!, status) });
      expect(res.statusCode, res.body).toBe(200);
    }
    expect(await ratio()).toEqual({ reviewers: 1, activeOfficers: 20, ratio: 0.05, flag: 'ok' });
  });

  it('drops below the minimum again when a suspended officer is reinstated (1 per 21)', async () => {
    expect((await adminA.patch(`/api/people/${officers[1]}`, { certificate: await certificateWith(officers[1]!, 'active') })).statusCode).toBe(200);
    const now = await ratio();
    expect(now).toMatchObject({ reviewers: 1, activeOfficers: 21, flag: 'below_minimum' });
    expect(now.ratio).toBeCloseTo(1 / 21, 10);
  });

  it('counts a reviewer without a certificate of their own', async () => {
    await register({ certificate: null, isLegalReviewer: true });
    expect(await ratio()).toEqual({ reviewers: 2, activeOfficers: 21, ratio: 2 / 21, flag: 'ok' });
  });
});
