import type { AuditContext } from '../src/audit/record.js';
import { createUser } from '../src/accounts/manage-users.js';
import type { Role } from '../src/accounts/roles.js';
import { createAgency, setAgencyConfirmation } from '../src/organisation/agencies/agencies.js';
import { generateCreditCode, generateIdNumber } from '../src/organisation/check-digits.js';
import { createRegion } from '../src/organisation/regions/regions.js';
import type { EnforcementCategory } from '../src/organisation/tables.js';
import type { Database } from '../src/platform/db/database.js';
import { mulberry32 } from '../src/platform/random.js';

/** The password of every user the factories create. */
export const PASSWORD = 'Test-password-2026';

const rng = mulberry32(20261122);
export const fakeCreditCode = (region = '532300') => generateCreditCode(rng, region);
export const fakeIdNumber = (region = '532301', birth = '1985-06-15', sex: 'male' | 'female' = 'male') =>
  generateIdNumber(rng, region, birth, sex);

const system: AuditContext = { actor: null, now: new Date('2026-11-01T00:00:00Z') };

/**
 * Two regions in two provinces, each with a justice bureau and an enforcement agency, and a user
 * for each role that authorisation tests need. Agency A is in 楚雄州 (Yunnan); agency B in 朔城区 (Shanxi).
 */
export async function buildWorld(database: Database) {
  return database.db.transaction(async (tx) => {
    for (const r of [
      { code: '530000', name: '云南省', parentCode: null },
      { code: '532300', name: '楚雄彝族自治州', parentCode: '530000' },
      { code: '532301', name: '楚雄市', parentCode: '532300' },
      { code: '533400', name: '迪庆藏族自治州', parentCode: '530000' },
      { code: '140000', name: '山西省', parentCode: null },
      { code: '140600', name: '朔州市', parentCode: '140000' },
      { code: '140602', name: '朔城区', parentCode: '140600' },
    ]) {
      await createRegion(tx, system, r);
    }
    const agency = (name: string, regionCode: string, level: 'prefecture' | 'county', kind: 'enforcement' | 'justice_bureau' = 'enforcement', categories: EnforcementCategory[] = ['penalty', 'inspection']) =>
      createAgency(tx, system, { kind, name, creditCode: fakeCreditCode(regionCode), regionCode, level, categories, headName: '张局长', phone: '0878-3100000', supervisionPhone: '0878-3100001', area: name.slice(0, 3) + '行政区域' });
    const bureauA = await agency('楚雄州司法局', '532300', 'prefecture', 'justice_bureau', []);
    const agencyA = await agency('楚雄州工业和信息化局', '532300', 'prefecture');
    const agencyA2 = await agency('楚雄市科学技术局', '532301', 'county');
    const bureauB = await agency('朔州市朔城区司法局', '140602', 'county', 'justice_bureau', []);
    const agencyB = await agency('朔州市朔城区科学技术局', '140602', 'county');
    const user = (username: string, roles: Role[], agencyId: string | null) =>
      createUser(tx, system, { username, displayName: username, password: PASSWORD, agencyId, roles });
    const users = {
      sysadmin: await user('sysadmin', ['system_admin'], null),
      supervisorA: await user('supervisor_a', ['supervisor'], bureauA.id),
      supervisorB: await user('supervisor_b', ['supervisor'], bureauB.id),
      adminA: await user('admin_a', ['agency_admin'], agencyA.id),
      adminB: await user('admin_b', ['agency_admin'], agencyB.id),
      officerA: await user('officer_a', ['officer'], agencyA.id),
    };
    await setAgencyConfirmation(tx, { ...system, actor: null }, agencyA.id, true, '州司法局确认');
    return { bureauA, agencyA, agencyA2, bureauB, agencyB, users };
  });
}

export type World = Awaited<ReturnType<typeof buildWorld>>;
