import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { sampleDocumentFields } from '../src/demo/document-fields.js';
import { tinyPng } from '../src/organisation/people/test-support.js';
import { chinaDate } from '../src/platform/clock.js';
import { createUser } from '../src/accounts/manage-users.js';
import type { Role } from '../src/accounts/roles.js';
import type { AuditContext } from '../src/audit/record.js';
import { createPerson } from '../src/organisation/people/create-person.js';
import { agencies, type EnforcementCategory } from '../src/organisation/tables.js';
import type { Database } from '../src/platform/db/database.js';
import { powerItems } from '../src/recording/tables.js';
import { buildWorld, fakeCreditCode, fakeIdNumber, PASSWORD } from './factories.js';
import { loginAs, type Session, type TestContext } from './harness.js';

const system: AuditContext = { actor: null, now: new Date('2026-11-01T00:00:00Z') };

/**
 * buildWorld plus what cases need in agency A (楚雄州工业和信息化局, abbreviation 楚工信): officers
 * with certificates (two valid, one expired), users linked to them (officer, second officer,
 * division head, leader), and a power item for each category. Agency B gets one officer and items.
 */
export async function buildRecordingWorld(database: Database) {
  const world = await buildWorld(database);
  return database.db.transaction(async (tx) => {
    await tx.update(agencies).set({ docAbbreviation: '楚工信' }).where(eq(agencies.id, world.agencyA.id));
    await tx.update(agencies).set({ docAbbreviation: '朔城科' }).where(eq(agencies.id, world.agencyB.id));
    const officer = (agencyId: string, name: string, cert: string, expires = '2029-12-31', status: 'active' | 'revoked' = 'active') =>
      createPerson(tx, system, agencyId, {
        name,
        idNumber: fakeIdNumber(),
        certificateNumber: cert,
        certificateIssuedOn: '2024-01-01',
        certificateExpiresOn: expires,
        certificateStatus: status,
        categories: ['penalty', 'inspection', 'licensing', 'coercion', 'levy'] as EnforcementCategory[],
      });
    const people = {
      li: await officer(world.agencyA.id, '李明', '53230001001'),
      wang: await officer(world.agencyA.id, '王芳', '53230001002'),
      zhao: await officer(world.agencyA.id, '赵强', '53230001003', '2025-12-31'), // expired
      chen: await officer(world.agencyA.id, '陈静', '53230001004'),
      bOfficer: await officer(world.agencyB.id, '刘洋', '14060201001'),
    };
    const user = (username: string, roles: Role[], agencyId: string, personId: string | null = null) =>
      createUser(tx, system, { username, displayName: username, password: PASSWORD, agencyId, roles, personId });
    const users = {
      ...world.users,
      li: await user('li_officer', ['officer'], world.agencyA.id, people.li.id),
      wang: await user('wang_officer', ['officer'], world.agencyA.id, people.wang.id),
      head: await user('head_a', ['division_head'], world.agencyA.id, people.chen.id),
      leader: await user('leader_a', ['agency_leader'], world.agencyA.id),
      reviewer: await user('reviewer_a', ['legal_reviewer'], world.agencyA.id),
      officerB: await user('officer_b', ['officer'], world.agencyB.id, people.bOfficer.id),
    };
    const item = async (agencyId: string, code: string, category: EnforcementCategory, name: string, legalBasis: string) =>
      (await tx.insert(powerItems).values({ agencyId, code, category, name, legalBasis }).returning())[0]!;
    const items = {
      inspection: await item(world.agencyA.id, 'JC-001', 'inspection', '对工业产品生产企业的监督检查', '《中华人民共和国产品质量法》第十五条'),
      penalty: await item(world.agencyA.id, 'CF-001', 'penalty', '对生产不符合保障人体健康和人身、财产安全的国家标准、行业标准的产品的处罚', '《中华人民共和国产品质量法》第四十九条'),
      licensing: await item(world.agencyA.id, 'XK-001', 'licensing', '无线电台（站）设置审批', '《中华人民共和国无线电管理条例》第二十七条'),
      coercion: await item(world.agencyA.id, 'QZ-001', 'coercion', '查封、扣押不符合标准的产品', '《中华人民共和国产品质量法》第十八条'),
      levy: await item(world.agencyA.id, 'ZS-001', 'levy', '征收无线电频率占用费', '《中华人民共和国无线电管理条例》第二十五条'),
      inspectionB: await item(world.agencyB.id, 'JC-001', 'inspection', '对科技计划项目的监督检查', '《中华人民共和国科学技术进步法》'),
    };
    return { ...world, people, users, items };
  });
}

export type RecordingWorld = Awaited<ReturnType<typeof buildRecordingWorld>>;

/** Sessions of the recording world's users. */
export async function recordingSessions(ctx: TestContext) {
  const login = (u: string) => loginAs(ctx.app, u, PASSWORD);
  return {
    li: await login('li_officer'),
    wang: await login('wang_officer'),
    head: await login('head_a'),
    leader: await login('leader_a'),
    reviewer: await login('reviewer_a'),
    adminA: await login('admin_a'),
    officerB: await login('officer_b'),
    supervisorA: await login('supervisor_a'),
    supervisorB: await login('supervisor_b'),
  } satisfies Record<string, Session>;
}

export const partyCompany = () => ({
  kind: 'legal_person' as const,
  name: '楚雄市恒达电器有限公司',
  creditCode: fakeCreditCode('532301'),
  legalRepresentative: '周建国',
  address: '楚雄市鹿城镇永安路18号',
});

export const partyPerson = () => ({ kind: 'natural_person' as const, name: '杨晓东', idNumber: fakeIdNumber('532301', '1990-03-08') });

/**
 * What a test that drives cases step by step needs, in one place (not one copy per test file): the
 * clock set to a China-time moment, today's China date, a document with the sample fields of its
 * type (signed by the party when asked), the two-officer group, and a step posted with the status
 * it must answer. `ctx` and `world` are read when called, so the kit can be made before beforeAll.
 */
export function caseStepKit(ctx: () => TestContext, world: () => RecordingWorld) {
  const at = (day: string, hm = '09:00') => ctx().clock.set(new Date(`${day}T${hm}:00+08:00`).toISOString());
  const today = () => chinaDate(ctx().clock.now());
  const doc = (docType: string, signature: boolean | 'sign' = false) => ({
    docType,
    fields: sampleDocumentFields(docType, today()),
    ...(signature ? { signature: { imageDataUrl: `data:image/png;base64,${tinyPng(7).toString('base64')}` } } : {}),
  });
  const group = () => [
    { personId: world().people.li.id, role: 'leader' },
    { personId: world().people.wang.id, role: 'member' },
  ];
  async function step(session: Session, caseId: string, body: Record<string, unknown>, status = 200) {
    const res = await session.post(`/api/cases/${caseId}/steps`, body);
    expect(res.statusCode, res.body).toBe(status);
    return res.json();
  }
  return { at, today, doc, signed: (docType: string) => doc(docType, true), group, step };
}

/** The reason recorded for a step that requires audio/video when none was made. */
export const NO_AV = { av: '执法记录仪电量耗尽，无法录像，已在笔录中注明' };
