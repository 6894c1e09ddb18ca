import { describe, expect, it, vi } from 'vitest';
import { isValidCreditCode, parseIdNumber } from '../organisation/check-digits.js';
import {
  demoAgencies,
  demoCounsel,
  demoGovernmentLeadingGroups,
  demoJusticeBureaus,
  demoReferenceDate,
  demoRegions,
  demoSeeds,
  type DemoAgency,
  type DemoPerson,
} from './data.js';

const regionCodes = new Set(demoRegions.map((r) => r.code));
const bureauKeys = new Set(demoJusticeBureaus.map((b) => b.key));
const allPeople = demoAgencies.flatMap((a) => a.people.map((p) => ({ agency: a, person: p })));
const officers = (agency: DemoAgency): DemoPerson[] => agency.people.filter((p) => p.certificate !== null);

describe('demo regions', () => {
  it('has unique codes whose parents exist and sit one level up', () => {
    expect(regionCodes.size).toBe(demoRegions.length);
    const levels = ['province', 'prefecture', 'county', 'township'];
    for (const region of demoRegions) {
      if (region.parentCode === null) {
        expect(region.level).toBe('province');
        continue;
      }
      const parent = demoRegions.find((r) => r.code === region.parentCode);
      expect(parent, region.code).toBeDefined();
      expect(levels.indexOf(region.level)).toBe(levels.indexOf(parent!.level) + 1);
      expect(region.code.slice(0, 2)).toBe(region.parentCode.slice(0, 2));
    }
  });
});

describe('demo agencies and justice bureaus', () => {
  const bodies = [...demoAgencies, ...demoJusticeBureaus];

  it('are one agency per seed, each in a known region with its supervising bureau', () => {
    expect(demoAgencies.map((a) => a.seed)).toEqual(demoSeeds.map((s) => s.id));
    for (const agency of demoAgencies) {
      expect(regionCodes.has(agency.regionCode), agency.key).toBe(true);
      expect(bureauKeys.has(agency.supervisingJusticeBureauKey), agency.key).toBe(true);
      const bureau = demoJusticeBureaus.find((b) => b.key === agency.supervisingJusticeBureauKey)!;
      expect(bureau.regionCode).toBe(agency.regionCode);
    }
    for (const bureau of demoJusticeBureaus) expect(regionCodes.has(bureau.regionCode), bureau.key).toBe(true);
  });

  it('carry valid, unique credit codes of government organs registered in their own region', () => {
    for (const body of bodies) {
      expect(isValidCreditCode(body.creditCode), body.key).toBe(true);
      expect(body.creditCode.slice(0, 8)).toBe(`11${body.regionCode}`);
    }
    expect(new Set(bodies.map((b) => b.creditCode)).size).toBe(bodies.length);
  });

  it('use the local telephone area code', () => {
    const areaCodes: Record<string, string> = { '5323': '0878', '5334': '0887', '5303': '0874', '1406': '0349' };
    for (const body of bodies) {
      const areaCode = areaCodes[body.regionCode.slice(0, 4)];
      expect(body.phone.startsWith(`${areaCode}-`), body.key).toBe(true);
      expect(body.supervisionPhone.startsWith(`${areaCode}-`), body.key).toBe(true);
      expect(body.phone).not.toBe(body.supervisionPhone);
    }
  });

  it('mark the facts no seed supplies as generated', () => {
    for (const body of bodies) {
      for (const field of ['creditCode', 'headName', 'address', 'phone', 'supervisionPhone']) {
        expect(body.generatedFields, body.key).toContain(field);
      }
      for (const field of body.generatedFields) expect(Object.keys(body), body.key).toContain(field);
    }
  });

  it('name the director as head', () => {
    for (const agency of demoAgencies) {
      const director = agency.positions.find((p) => p.key === 'director')!;
      expect(agency.people.find((p) => p.key === director.holderKey)?.name).toBe(agency.headName);
    }
  });
});

describe('divisions, positions and leading groups', () => {
  it('reference only divisions, positions and people of the same agency', () => {
    for (const agency of demoAgencies) {
      const divisionKeys = new Set(agency.divisions.map((d) => d.key));
      const positionKeys = new Set(agency.positions.map((p) => p.key));
      const personKeys = new Set(agency.people.map((p) => p.key));
      expect(divisionKeys.size, agency.key).toBe(agency.divisions.length);
      expect(positionKeys.size, agency.key).toBe(agency.positions.length);
      expect(personKeys.size, agency.key).toBe(agency.people.length);

      for (const position of agency.positions) {
        if (position.divisionKey !== null) expect(divisionKeys.has(position.divisionKey), position.key).toBe(true);
        expect(personKeys.has(position.holderKey), position.key).toBe(true);
      }
      for (const person of agency.people) {
        if (person.divisionKey !== null) expect(divisionKeys.has(person.divisionKey), person.key).toBe(true);
      }
      for (const group of agency.leadingGroups) {
        expect(divisionKeys.has(group.officeDivisionKey), group.key).toBe(true);
        if (group.officeDirectorPositionKey !== null) {
          expect(positionKeys.has(group.officeDirectorPositionKey), group.key).toBe(true);
        }
        for (const member of group.members) expect(positionKeys.has(member.positionKey), member.positionKey).toBe(true);
      }
    }
  });

  it('give every agency exactly one legal-affairs division, the one it names', () => {
    for (const agency of demoAgencies) {
      const legal = agency.divisions.filter((d) => d.isLegalAffairs);
      expect(legal.map((d) => d.key), agency.key).toEqual([agency.legalAffairsDivisionKey]);
    }
  });

  it('put a head post on every division and a director at the head of every group', () => {
    for (const agency of demoAgencies) {
      for (const division of agency.divisions) {
        expect(agency.positions.some((p) => p.key === `head:${division.key}`), division.key).toBe(true);
      }
      for (const group of agency.leadingGroups) {
        expect(group.members.filter((m) => m.role === 'leader').map((m) => m.positionKey)).toEqual(['director']);
        expect(new Set(group.members.map((m) => m.positionKey)).size).toBe(group.members.length);
      }
    }
  });

  it('keeps the seeds’ group offices: 000 and 003 in their policy divisions, 004 in 办公室', () => {
    const officeOf = (key: string) => {
      const agency = demoAgencies.find((a) => a.key === key)!;
      const group = agency.leadingGroups[0]!;
      return agency.divisions.find((d) => d.key === group.officeDivisionKey)!.name;
    };
    expect(officeOf('chuxiong-science')).toBe('战略规划与政策法规科');
    expect(officeOf('qilin-approval')).toBe('政策法规科');
    expect(officeOf('shuocheng-science')).toBe('办公室');
  });

  it('places seed 001’s prefecture group office in a known justice bureau', () => {
    for (const group of demoGovernmentLeadingGroups) {
      expect(bureauKeys.has(group.officeJusticeBureauKey)).toBe(true);
      expect(regionCodes.has(group.regionCode)).toBe(true);
      expect(group.members.filter((m) => m.role === 'leader')).toHaveLength(1);
    }
  });
});

describe('people and officers', () => {
  it('carry valid, unique ID numbers that match their birth date and sex', () => {
    for (const { person } of allPeople) {
      const facts = parseIdNumber(person.idNumber);
      expect(facts, person.key).not.toBeNull();
      expect(facts!.birthDate).toBe(person.birthDate);
      expect(facts!.sex).toBe(person.sex);
    }
    expect(new Set(allPeople.map(({ person }) => person.idNumber)).size).toBe(allPeople.length);
  });

  it('are all marked generated and do not reuse the names of the real officials in the seeds', () => {
    const seedNames = [
      '李文', '杨朝俊', '延波', '赵鹏', '张文林', '李德江', '邢海涛', '杨丽梅', '李显星', '郭绍云', '王天明', '李艳花',
      '吴学著', '李二龙', '董志君', '此里都吉', '鲁晓军', '农布', '陈俞中', '丛劳丁', '王钟桦', '提布', '汪林', '和文宏',
      '和红忠', '王陈洋', '夏俊', '吴琳', '陶承刚', '徐洪森', '缪丽华', '胡林红', '孙俊辉', '刘云灿', '丁成英', '王太江',
      '孟华俊',
    ];
    const names = [
      ...allPeople.map(({ person }) => person.name),
      ...demoCounsel.map((c) => c.name),
      ...demoJusticeBureaus.map((b) => b.headName),
    ];
    for (const name of names) expect(seedNames, name).not.toContain(name);
    for (const { person } of allPeople) expect(person.generated).toBe(true);
    for (const counsel of demoCounsel) expect(counsel.generated).toBe(true);
  });

  it('number 4–8 officers per agency, acting only within the agency’s categories and area', () => {
    for (const agency of demoAgencies) {
      const list = officers(agency);
      expect(list.length, agency.key).toBeGreaterThanOrEqual(4);
      expect(list.length, agency.key).toBeLessThanOrEqual(8);
      for (const officer of list) {
        expect(officer.categories.length, officer.key).toBeGreaterThan(0);
        for (const category of officer.categories) expect(agency.categories, officer.key).toContain(category);
        expect(officer.area).toBe(agency.area);
        expect(officer.qualification).not.toBeNull();
      }
    }
  });

  it('give certificates unique 14-digit numbers: agency region, year of issue, serial', () => {
    const certified = allPeople.filter(({ person }) => person.certificate !== null);
    for (const { agency, person } of certified) {
      const cert = person.certificate!;
      expect(cert.number, person.key).toMatch(/^\d{14}$/);
      expect(cert.number.slice(0, 6)).toBe(agency.regionCode);
      expect(cert.number.slice(6, 10)).toBe(cert.issuedOn.slice(0, 4));
      expect(cert.expiresOn > cert.issuedOn, person.key).toBe(true);
      expect(cert.issuedOn <= demoReferenceDate, person.key).toBe(true);
    }
    expect(new Set(certified.map(({ person }) => person.certificate!.number)).size).toBe(certified.length);
  });

  it('cover every certificate state: active, expired, suspended, revoked', () => {
    const certs = allPeople.flatMap(({ person }) => (person.certificate ? [person.certificate] : []));
    const live = certs.filter((c) => c.status === 'active' && c.expiresOn >= demoReferenceDate);
    const expired = certs.filter((c) => c.status === 'active' && c.expiresOn < demoReferenceDate);
    expect(live.length).toBeGreaterThan(expired.length);
    expect(expired.length).toBeGreaterThanOrEqual(1);
    expect(certs.filter((c) => c.status === 'suspended')).toHaveLength(1);
    expect(certs.filter((c) => c.status === 'revoked')).toHaveLength(1);
    for (const cert of certs) if (cert.status !== 'active') expect(cert.statusNote).not.toBeNull();
  });

  it('give every agency but 朔城区科技局 certified legal reviewers meeting the 5% ratio (L12)', () => {
    for (const agency of demoAgencies) {
      const reviewers = officers(agency).filter((p) => p.isLegalReviewer);
      if (agency.key === 'shuocheng-science') {
        expect(agency.people.some((p) => p.isLegalReviewer)).toBe(false);
        continue;
      }
      expect(reviewers.length, agency.key).toBeGreaterThanOrEqual(1);
      expect(reviewers.length / officers(agency).length).toBeGreaterThanOrEqual(0.05);
      for (const reviewer of reviewers) expect(reviewer.divisionKey).toBe(agency.legalAffairsDivisionKey);
    }
  });
});

describe('counsel pool (L15)', () => {
  it('belongs to known agencies and covers every agency', () => {
    const agencyKeys = new Set(demoAgencies.map((a) => a.key));
    for (const counsel of demoCounsel) expect(agencyKeys.has(counsel.agencyKey), counsel.key).toBe(true);
    expect(new Set(demoCounsel.map((c) => c.agencyKey))).toEqual(agencyKeys);
    expect(new Set(demoCounsel.map((c) => c.key)).size).toBe(demoCounsel.length);
  });
});

describe('determinism', () => {
  it('produces identical data when the module is loaded again', async () => {
    vi.resetModules();
    const again = await import('./data.js');
    expect(JSON.stringify(again.demoAgencies)).toBe(JSON.stringify(demoAgencies));
    expect(JSON.stringify(again.demoJusticeBureaus)).toBe(JSON.stringify(demoJusticeBureaus));
  });
});
