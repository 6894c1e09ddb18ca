/**
 * Demo data: the five agencies whose 2019 implementation documents are the project's seeds
 * (/work/shared/seeds/000–004), their supervising justice bureaus, regions, divisions, positions,
 * leading groups, officers and legal counsel.
 *
 * What the seeds say is kept as they say it: agency names, the divisions they name, which body
 * does the legal review, the leading groups' composition by position and where their offices sit.
 * The seeds do not give heads' names (or give 2019 names of real people, which we do not reuse),
 * addresses, phone numbers, credit codes, staff, certificates or ID numbers, and three of them name
 * few or no divisions. Those facts are invented for the demo and marked: a record wholly invented
 * has `generated: true` (and `generatedFields: ['*']` where it has that field); otherwise
 * `generatedFields` lists the invented fields. People and counsel are all invented; a position is
 * seed-backed but its holder never is. Names, numbers and firms that match real ones do so by
 * coincidence.
 *
 * Deterministic: generated identifiers come from generators seeded by each record's key, so the
 * same data appears on every run and adding a record does not change the others.
 */
import type { CertificateStatus, EnforcementCategory, GroupRole, RegionLevel } from '../organisation/tables.js';
import { generateCreditCode, generateIdNumber } from '../organisation/check-digits.js';
import { seededRandom } from '../platform/random.js';

/** Bump when the demo data changes, so a seeded database can tell it is stale. */
export const demoSeedVersion = '2026-11-22.1';

/** "Today" the demo data was written for: certificate states and expiries are relative to it. */
export const demoReferenceDate = '2026-11-22';

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

export type SeedId = '000' | '001' | '002' | '003' | '004';

/** One seed document: what it is and who issued it. */
export interface DemoSeed {
  id: SeedId;
  file: string;
  issuer: string;
  title: string;
  /** 印发 date where the seed prints one. */
  issuedOn: string | null;
}

/** A GB/T 2260 administrative division (real codes and names). */
export interface DemoRegion {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

/** Fields shared by enforcement agencies and justice bureaus (the `agencies` table). */
export interface DemoBody {
  key: string;
  kind: 'enforcement' | 'justice_bureau';
  /** Full official name. */
  name: string;
  shortName: string;
  regionCode: string;
  level: RegionLevel;
  /** GB 32100 code of a government organ: '11' + region + organisation code + check. */
  creditCode: string;
  headName: string;
  address: string;
  phone: string;
  supervisionPhone: string;
  /** 执法区域 as published (P2). */
  area: string;
  /** Fields invented for the demo rather than taken from a seed. */
  generatedFields: readonly string[];
}

export type DemoJusticeBureau = DemoBody & { kind: 'justice_bureau' };

/** 内设机构 — a division, or an affiliated public institution the seed lists with them. */
export interface DemoDivision {
  key: string;
  name: string;
  kind: 'division' | 'affiliated_unit';
  /** The division's duties; where the seed assigns some, they are the seed's. */
  duties: string;
  area: string;
  /** Whether it carries out enforcement acts itself (its duties and area are published, P2). */
  enforcing: boolean;
  /** 法制审核机构 (L7, L12, L13). */
  isLegalAffairs: boolean;
  /** True when the seed does not name this division at all. */
  generated: boolean;
  generatedFields: readonly string[];
}

/** A post, held by one person at a time (O4). */
export interface DemoPosition {
  key: string;
  title: string;
  divisionKey: string | null;
  /** How the seed's 2019 list designates the post, where that differs from the title. */
  seedTitle: string | null;
  holderKey: string;
  holderSince: string;
  /** True when the seed does not mention this post. */
  generated: boolean;
}

/** 领导小组 — members are positions, not people (O4). */
export interface DemoLeadingGroup {
  key: string;
  name: string;
  purpose: string;
  /** The division that houses the group's office (领导小组办公室). */
  officeDivisionKey: string;
  /** The position whose holder directs the office concurrently, where the seed says. */
  officeDirectorPositionKey: string | null;
  establishedOn: string | null;
  /** The seed's rule for changes of person, quoted; null where the seed has none. */
  successionRule: string | null;
  members: readonly { role: GroupRole; positionKey: string }[];
  /** True when the seed mandates the group but does not give its composition. */
  generated: boolean;
  generatedFields: readonly string[];
}

/** 执法证 — an enforcement certificate (O2, P2, P3). */
export interface DemoCertificate {
  /** 14 digits: issuing agency's region code, year of issue, four-digit serial (generated format). */
  number: string;
  issuedOn: string;
  expiresOn: string;
  status: CertificateStatus;
  statusNote: string | null;
}

/** A member of staff; with a certificate, an enforcement officer. Always generated. */
export interface DemoPerson {
  key: string;
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
  /** GB 11643, valid check digit, encodes birthDate and sex. Never publish unmasked (P8). */
  idNumber: string;
  divisionKey: string | null;
  /** Post or civil-service rank as published (职务). */
  positionTitle: string;
  isLegalReviewer: boolean;
  certificate: DemoCertificate | null;
  categories: readonly EnforcementCategory[];
  area: string | null;
  qualification: 'exam' | 'legal_professional_qualification' | null;
  qualificationNote: string | null;
  generated: true;
}

/** An enforcement agency as the demo registers it. */
export interface DemoAgency extends DemoBody {
  kind: 'enforcement';
  seed: SeedId;
  categories: readonly EnforcementCategory[];
  /** Abbreviation used in document numbers, e.g. 楚工信〔2026〕12号. */
  docAbbreviation: string;
  supervisingJusticeBureauKey: string;
  legalAffairsDivisionKey: string;
  /** Who conducts legal review per the seed, verbatim; may be a meeting, not a division. */
  legalReviewBody: string;
  divisions: readonly DemoDivision[];
  positions: readonly DemoPosition[];
  people: readonly DemoPerson[];
  leadingGroups: readonly DemoLeadingGroup[];
}

/** A government-level leading group whose members sit in several bodies (seed 001). */
export interface DemoGovernmentLeadingGroup {
  key: string;
  name: string;
  regionCode: string;
  establishedBy: string;
  establishedOn: string;
  officeJusticeBureauKey: string;
  officeDirector: { organisation: string; title: string };
  successionRule: string;
  members: readonly { role: GroupRole; organisation: string; title: string }[];
}

/** L15: a legal adviser or public-sector lawyer an agency can call on. Always generated. */
export interface DemoCounsel {
  key: string;
  agencyKey: string;
  name: string;
  kind: 'legal_adviser' | 'public_sector_lawyer' | 'outside_lawyer';
  organisation: string;
  phone: string;
  specialties: string;
  generated: true;
}

// ---------------------------------------------------------------------------------------------
// Seeds and regions
// ---------------------------------------------------------------------------------------------

export const demoSeeds: readonly DemoSeed[] = [
  {
    id: '000',
    file: '000_060b640813a1950e.txt',
    issuer: '楚雄彝族自治州科学技术局',
    title: '楚雄州科学技术局全面推行行政执法公示制度执法全过程记录制度重大行政执法决定法制审核制度的实施方案',
    issuedOn: '2019-07-02',
  },
  {
    id: '001',
    file: '001_4e6822aa8f7709c0.txt',
    issuer: '迪庆藏族自治州商务局',
    title: '迪庆州商务局关于转发《迪庆州全面推行行政执法公示制度执法全过程记录制度重大行政执法决定法制审核制度的实施方案》的通知',
    issuedOn: '2019-10-25',
  },
  {
    id: '002',
    file: '002_3e802a87db622e4c.txt',
    issuer: '楚雄彝族自治州工业和信息化局',
    title: '楚雄州工业和信息化局关于印发行政执法公示实施办法、行政执法全过程记录实施办法（试行）、重大行政执法决定法制审核办法（试行）的通知',
    issuedOn: null,
  },
  {
    id: '003',
    file: '003_65e027495edb26cb.txt',
    issuer: '曲靖市麒麟区行政审批局',
    title: '曲靖市麒麟区行政审批局全面推行行政执法公示制度执法全过程记录制度重大行政执法决定法制审核制度实施方案',
    issuedOn: null,
  },
  {
    id: '004',
    file: '004_40b128358af67efb.txt',
    issuer: '朔州市朔城区科学技术局',
    title: '朔州市朔城区科学技术局全面推行行政执法三项制度工作实施方案',
    issuedOn: null,
  },
];

/** GB/T 2260 codes in force; townships are left out rather than guessed. */
export const demoRegions: readonly DemoRegion[] = [
  { code: '530000', name: '云南省', level: 'province', parentCode: null },
  { code: '532300', name: '楚雄彝族自治州', level: 'prefecture', parentCode: '530000' },
  { code: '532301', name: '楚雄市', level: 'county', parentCode: '532300' },
  { code: '533400', name: '迪庆藏族自治州', level: 'prefecture', parentCode: '530000' },
  { code: '533401', name: '香格里拉市', level: 'county', parentCode: '533400' },
  { code: '530300', name: '曲靖市', level: 'prefecture', parentCode: '530000' },
  { code: '530302', name: '麒麟区', level: 'county', parentCode: '530300' },
  { code: '140000', name: '山西省', level: 'province', parentCode: null },
  { code: '140600', name: '朔州市', level: 'prefecture', parentCode: '140000' },
  { code: '140602', name: '朔城区', level: 'county', parentCode: '140600' },
];

// ---------------------------------------------------------------------------------------------
// Builders: compute the generated identifiers from stable keys
// ---------------------------------------------------------------------------------------------

/** Every field of an agency or bureau that no seed supplies. */
const BODY_GENERATED = ['creditCode', 'headName', 'address', 'phone', 'supervisionPhone', 'area'] as const;

function organCreditCode(key: string, regionCode: string): string {
  return generateCreditCode(seededRandom(`credit-code:${key}`), regionCode, {
    registrationAuthority: '1',
    organisationType: '1',
  });
}

/** Generated certificate-number format, the same in both provinces: region + year + serial. */
function certificateNumber(regionCode: string, issuedOn: string, serial: number): string {
  return regionCode + issuedOn.slice(0, 4) + String(serial).padStart(4, '0');
}

interface PersonSpec {
  key: string;
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
  /** County of first household registration; the agency's default county if absent. */
  birthRegionCode?: string;
  divisionKey: string | null;
  positionTitle: string;
  isLegalReviewer?: boolean;
  certificate?: {
    serial: number;
    issuedOn: string;
    expiresOn: string;
    status?: CertificateStatus;
    statusNote?: string;
  };
  /** Defaults to all of the agency's categories for an officer, none otherwise. */
  categories?: readonly EnforcementCategory[];
  qualification?: 'exam' | 'legal_professional_qualification';
  qualificationNote?: string;
}

interface AgencySpec extends Omit<DemoAgency, 'kind' | 'creditCode' | 'headName' | 'people' | 'generatedFields'> {
  /** Default county for people's ID numbers. */
  homeCounty: string;
  people: readonly PersonSpec[];
  extraGeneratedFields?: readonly string[];
}

function buildPerson(agency: AgencySpec, spec: PersonSpec): DemoPerson {
  const cert = spec.certificate;
  return {
    key: spec.key,
    name: spec.name,
    sex: spec.sex,
    birthDate: spec.birthDate,
    idNumber: generateIdNumber(
      seededRandom(`id-number:${agency.key}:${spec.key}`),
      spec.birthRegionCode ?? agency.homeCounty,
      spec.birthDate,
      spec.sex,
    ),
    divisionKey: spec.divisionKey,
    positionTitle: spec.positionTitle,
    isLegalReviewer: spec.isLegalReviewer ?? false,
    certificate: cert
      ? {
          number: certificateNumber(agency.regionCode, cert.issuedOn, cert.serial),
          issuedOn: cert.issuedOn,
          expiresOn: cert.expiresOn,
          status: cert.status ?? 'active',
          statusNote: cert.statusNote ?? null,
        }
      : null,
    categories: spec.categories ?? (cert ? agency.categories : []),
    area: cert ? agency.area : null,
    qualification: spec.qualification ?? (cert ? 'exam' : null),
    qualificationNote: spec.qualificationNote ?? null,
    generated: true,
  };
}

function defineAgency(spec: AgencySpec): DemoAgency {
  const { homeCounty: _homeCounty, extraGeneratedFields = [], people: personSpecs, ...rest } = spec;
  const people = personSpecs.map((p) => buildPerson(spec, p));
  const director = spec.positions.find((p) => p.key === 'director');
  const head = people.find((p) => p.key === director?.holderKey);
  if (!head) throw new Error(`demo agency ${spec.key} has no director`);
  return {
    ...rest,
    kind: 'enforcement',
    creditCode: organCreditCode(spec.key, spec.regionCode),
    headName: head.name,
    people,
    generatedFields: [...BODY_GENERATED, 'docAbbreviation', ...extraGeneratedFields],
  };
}

/** A division head's post, named "<division> 科长" unless a title is given. */
function headOf(
  divisionKey: string,
  title: string,
  holderKey: string,
  extra: { seedTitle?: string; holderSince?: string; generated?: boolean } = {},
): DemoPosition {
  return {
    key: `head:${divisionKey}`,
    title,
    divisionKey,
    seedTitle: extra.seedTitle ?? null,
    holderKey,
    holderSince: extra.holderSince ?? '2024-03-01',
    generated: extra.generated ?? false,
  };
}

function leader(
  key: 'director' | `deputy-${number}`,
  title: string,
  holderKey: string,
  extra: { seedTitle?: string; holderSince?: string; generated?: boolean } = {},
): DemoPosition {
  return {
    key,
    title,
    divisionKey: null,
    seedTitle: extra.seedTitle ?? null,
    holderKey,
    holderSince: extra.holderSince ?? '2023-06-01',
    generated: extra.generated ?? false,
  };
}

/** Members of a group whose seed says "各科室负责人为成员": every division head's post. */
function divisionHeadMembers(positions: readonly DemoPosition[]): { role: GroupRole; positionKey: string }[] {
  return positions.filter((p) => p.key.startsWith('head:')).map((p) => ({ role: 'member', positionKey: p.key }));
}

function division(
  key: string,
  name: string,
  area: string,
  duties: string,
  flags: { enforcing?: boolean; legal?: boolean; generated?: boolean; dutiesGenerated?: boolean; affiliated?: boolean },
): DemoDivision {
  return {
    key,
    name,
    kind: flags.affiliated ? 'affiliated_unit' : 'division',
    duties,
    area,
    enforcing: flags.enforcing ?? false,
    isLegalAffairs: flags.legal ?? false,
    generated: flags.generated ?? false,
    generatedFields: flags.generated ? ['*'] : flags.dutiesGenerated ? ['duties', 'area'] : ['area'],
  };
}

const SUCCESSION_000 = '州科技局全面推行“三项制度”工作领导小组成员如有变动，由担任相应职务的同志自行递补，不再另行发文。';
const SUCCESSION_003 = '工作领导小组成员如有变动，由担任相应职务的同志自行递补。';

// ---------------------------------------------------------------------------------------------
// Seed 000 — 楚雄彝族自治州科学技术局
// ---------------------------------------------------------------------------------------------

const CX_AREA = '楚雄彝族自治州行政区域';

const chuxiongSciencePositions: readonly DemoPosition[] = [
  leader('director', '局长', 'cxs-01', { seedTitle: '局党组书记、局长' }),
  leader('deputy-1', '副局长', 'cxs-02', { seedTitle: '局党组成员、副局长' }),
  leader('deputy-2', '副局长', 'cxs-03'),
  headOf('office', '办公室主任', 'cxs-04', { seedTitle: '办公室副主任（主持工作）' }),
  headOf('strategy-policy', '战略规划与政策法规科科长', 'cxs-05'),
  headOf('rural', '农村科技科科长', 'cxs-06', { seedTitle: '农村科技科负责人' }),
  headOf('social-development', '社会发展科技科科长', 'cxs-07', { seedTitle: '社会发展科技科负责人' }),
  headOf('basic-research', '基础研究与高新技术科科长', 'cxs-08'),
  headOf('supervision-innovation', '科技监督与区域创新科科长', 'cxs-09', { seedTitle: '科技监督与区域创新科负责人' }),
  headOf('foreign-experts', '外国专家服务与引进智力科科长', 'cxs-10'),
  headOf('cooperation', '科技合作科科长', 'cxs-11'),
  headOf('agri-park-centre', '楚雄国家农业科技园区综合服务中心负责人', 'cxs-12'),
];

const chuxiongScience = defineAgency({
  key: 'chuxiong-science',
  seed: '000',
  name: '楚雄彝族自治州科学技术局',
  shortName: '楚雄州科技局',
  regionCode: '532300',
  level: 'prefecture',
  homeCounty: '532301',
  address: '云南省楚雄彝族自治州楚雄市鹿城南路168号',
  phone: '0878-3122361',
  supervisionPhone: '0878-3122379',
  // Seed: 行政许可、行政检查 are the acts to regulate; 行政许可、行政处罚 are "double publicity".
  categories: ['licensing', 'penalty', 'inspection'],
  area: CX_AREA,
  docAbbreviation: '楚科',
  supervisingJusticeBureauKey: 'chuxiong-justice',
  legalAffairsDivisionKey: 'strategy-policy',
  // The seed names no review body outright; it gives the review rules, the review catalogue and
  // the officer registry to 战略规划与政策法规科.
  legalReviewBody: '战略规划与政策法规科',
  extraGeneratedFields: ['legalAffairsDivisionKey', 'legalReviewBody'],
  divisions: [
    division('office', '办公室', CX_AREA, '集中统一采购执法记录仪、相机、移动硬盘、录音笔等行政执法设备；会同战略规划与政策法规科推进“一网通办”和执法信息系统互联互通。', {}),
    division('strategy-policy', '战略规划与政策法规科', CX_AREA, '制定行政执法公示具体办法、行政执法全过程记录办法和重大行政执法决定法制审核办法；编制重大行政执法决定法制审核目录清单；动态调整并公示行政执法人员名录；汇总“三项制度”工作总结报送州司法局；承担领导小组办公室日常工作。', { legal: true }),
    division('rural', '农村科技科', CX_AREA, '负责农业农村科技项目管理、科技特派员和农业科技园区建设工作。', { dutiesGenerated: true }),
    division('social-development', '社会发展科技科', CX_AREA, '负责人口健康、生态环境、公共安全等社会发展领域科技项目管理。', { dutiesGenerated: true }),
    division('basic-research', '基础研究与高新技术科', CX_AREA, '负责基础研究、高新技术企业培育和高新技术产业化工作。', { dutiesGenerated: true, enforcing: true }),
    division('supervision-innovation', '科技监督与区域创新科', CX_AREA, '维护局门户网站“双公示”平台，公示行政许可、行政处罚信息；经州司法局审查确认后公示执法主体；公示行政权力和责任清单；对接全省行政执法综合管理监督信息系统。', { enforcing: true }),
    division('foreign-experts', '外国专家服务与引进智力科', CX_AREA, '负责外国人来华工作许可的受理、审查和决定，以及引进国外智力工作。', { dutiesGenerated: true, enforcing: true }),
    division('cooperation', '科技合作科', CX_AREA, '负责国际及区域科技合作与交流。', { dutiesGenerated: true }),
    division('agri-park-centre', '楚雄国家农业科技园区综合服务中心', CX_AREA, '承担楚雄国家农业科技园区综合服务工作（局属事业单位）。', { dutiesGenerated: true, affiliated: true }),
  ],
  positions: chuxiongSciencePositions,
  leadingGroups: [
    {
      key: 'three-systems',
      name: '楚雄州科学技术局全面推行“三项制度”工作领导小组',
      purpose: '具体负责推进“三项制度”实施工作，定期听取有关工作情况汇报，及时研究解决工作中的重大问题。',
      officeDivisionKey: 'strategy-policy',
      officeDirectorPositionKey: 'deputy-1',
      establishedOn: '2019-07-02',
      successionRule: SUCCESSION_000,
      members: [
        { role: 'leader', positionKey: 'director' },
        { role: 'deputy_leader', positionKey: 'deputy-1' },
        { role: 'deputy_leader', positionKey: 'deputy-2' },
        ...divisionHeadMembers(chuxiongSciencePositions),
      ],
      generated: false,
      generatedFields: [],
    },
  ],
  people: [
    { key: 'cxs-01', name: '普建华', sex: 'male', birthDate: '1971-03-12', divisionKey: null, positionTitle: '局长' },
    { key: 'cxs-02', name: '陈晓东', sex: 'male', birthDate: '1975-08-21', divisionKey: null, positionTitle: '副局长' },
    { key: 'cxs-03', name: '罗美琼', sex: 'female', birthDate: '1978-11-05', divisionKey: null, positionTitle: '副局长' },
    { key: 'cxs-04', name: '段丽萍', sex: 'female', birthDate: '1983-02-17', divisionKey: 'office', positionTitle: '办公室主任' },
    {
      key: 'cxs-05', name: '周永昌', sex: 'male', birthDate: '1980-06-30', divisionKey: 'strategy-policy',
      positionTitle: '战略规划与政策法规科科长', isLegalReviewer: true,
      certificate: { serial: 101, issuedOn: '2024-05-20', expiresOn: '2029-05-19' },
      qualification: 'legal_professional_qualification', qualificationNote: '持有法律职业资格证书（A类），免于执法资格考试',
    },
    { key: 'cxs-06', name: '者国荣', sex: 'male', birthDate: '1976-09-09', divisionKey: 'rural', positionTitle: '农村科技科科长' },
    { key: 'cxs-07', name: '张慧敏', sex: 'female', birthDate: '1985-04-22', divisionKey: 'social-development', positionTitle: '社会发展科技科科长' },
    { key: 'cxs-08', name: '起云飞', sex: 'male', birthDate: '1982-12-03', divisionKey: 'basic-research', positionTitle: '基础研究与高新技术科科长' },
    {
      key: 'cxs-09', name: '马俊杰', sex: 'male', birthDate: '1984-07-14', divisionKey: 'supervision-innovation',
      positionTitle: '科技监督与区域创新科科长', categories: ['inspection', 'penalty'],
      certificate: { serial: 102, issuedOn: '2022-09-01', expiresOn: '2027-08-31' },
      qualificationNote: '2022年云南省行政执法人员资格考试合格',
    },
    {
      key: 'cxs-10', name: '施晓燕', sex: 'female', birthDate: '1986-10-28', divisionKey: 'foreign-experts',
      positionTitle: '外国专家服务与引进智力科科长', categories: ['licensing'],
      certificate: { serial: 103, issuedOn: '2025-03-10', expiresOn: '2030-03-09' },
      qualificationNote: '2025年云南省行政执法人员资格考试合格',
    },
    { key: 'cxs-11', name: '鲁志刚', sex: 'male', birthDate: '1979-01-19', divisionKey: 'cooperation', positionTitle: '科技合作科科长' },
    { key: 'cxs-12', name: '杞红梅', sex: 'female', birthDate: '1981-05-06', divisionKey: 'agri-park-centre', positionTitle: '综合服务中心负责人' },
    {
      key: 'cxs-13', name: '李春燕', sex: 'female', birthDate: '1992-03-25', divisionKey: 'strategy-policy',
      positionTitle: '一级科员', isLegalReviewer: true,
      certificate: { serial: 104, issuedOn: '2023-11-15', expiresOn: '2028-11-14' },
      qualificationNote: '2023年云南省行政执法人员资格考试合格',
    },
    {
      key: 'cxs-14', name: '普文斌', sex: 'male', birthDate: '1990-08-08', divisionKey: 'foreign-experts',
      positionTitle: '四级主任科员', categories: ['licensing'],
      certificate: { serial: 105, issuedOn: '2020-10-12', expiresOn: '2025-10-11' },
      qualificationNote: '2019年云南省行政执法人员资格网上考试合格；证件已过期，待换发',
    },
    {
      key: 'cxs-15', name: '罗天宇', sex: 'male', birthDate: '1994-12-01', divisionKey: 'supervision-innovation',
      positionTitle: '二级科员', categories: ['inspection'],
      certificate: { serial: 106, issuedOn: '2026-06-18', expiresOn: '2031-06-17' },
      qualificationNote: '2026年云南省行政执法人员资格考试合格',
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Seed 001 — 迪庆藏族自治州商务局 (a forwarding notice: it names none of its own divisions)
// ---------------------------------------------------------------------------------------------

const DQ_AREA = '迪庆藏族自治州行政区域';

const diqingCommercePositions: readonly DemoPosition[] = [
  leader('director', '局长', 'dqc-01'),
  leader('deputy-1', '副局长', 'dqc-02'),
  leader('deputy-2', '副局长', 'dqc-03'),
  headOf('office', '办公室主任', 'dqc-04', { generated: true }),
  headOf('policy-law', '政策法规科科长', 'dqc-05', { generated: true }),
  headOf('market', '市场运行和消费促进科科长', 'dqc-06', { generated: true }),
  headOf('trade', '对外贸易和经济合作科科长', 'dqc-07', { generated: true }),
];

const diqingCommerce = defineAgency({
  key: 'diqing-commerce',
  seed: '001',
  name: '迪庆藏族自治州商务局',
  shortName: '迪庆州商务局',
  regionCode: '533400',
  level: 'prefecture',
  homeCounty: '533401',
  address: '云南省迪庆藏族自治州香格里拉市建塘镇长征大道56号',
  phone: '0887-8223145',
  supervisionPhone: '0887-8223160',
  categories: ['licensing', 'penalty', 'inspection'],
  area: DQ_AREA,
  docAbbreviation: '迪商务',
  supervisingJusticeBureauKey: 'diqing-justice',
  legalAffairsDivisionKey: 'policy-law',
  legalReviewBody: '政策法规科',
  extraGeneratedFields: ['categories', 'legalAffairsDivisionKey', 'legalReviewBody'],
  divisions: [
    division('office', '办公室', DQ_AREA, '负责机关日常运转、文秘、档案和执法装备管理。', { generated: true }),
    division('policy-law', '政策法规科', DQ_AREA, '负责重大行政执法决定法制审核，组织行政执法公示和执法全过程记录工作，管理行政执法人员资格。', { generated: true, legal: true }),
    division('market', '市场运行和消费促进科', DQ_AREA, '负责单用途商业预付卡、成品油流通、报废机动车回收等领域的行政许可和监督检查。', { generated: true, enforcing: true }),
    division('trade', '对外贸易和经济合作科', DQ_AREA, '负责对外贸易、外商投资和对外经济合作管理及相关监督检查。', { generated: true, enforcing: true }),
  ],
  positions: diqingCommercePositions,
  leadingGroups: [
    {
      // Seed 001 requires every prefecture-level agency to set up its own group, led by its
      // principal head, but does not give the agency's composition.
      key: 'three-systems',
      name: '迪庆州商务局全面推行“三项制度”工作领导小组',
      purpose: '做好本部门“三项制度”组织实施工作，定期听取工作情况汇报，及时研究解决工作中的重大问题。',
      officeDivisionKey: 'policy-law',
      officeDirectorPositionKey: 'head:policy-law',
      establishedOn: '2019-10-25',
      successionRule: null,
      members: [
        { role: 'leader', positionKey: 'director' },
        { role: 'deputy_leader', positionKey: 'deputy-1' },
        { role: 'deputy_leader', positionKey: 'deputy-2' },
        ...divisionHeadMembers(diqingCommercePositions),
      ],
      generated: true,
      generatedFields: ['*'],
    },
  ],
  people: [
    { key: 'dqc-01', name: '格桑顿珠', sex: 'male', birthDate: '1970-12-02', divisionKey: null, positionTitle: '局长' },
    { key: 'dqc-02', name: '和建新', sex: 'male', birthDate: '1974-05-15', divisionKey: null, positionTitle: '副局长' },
    { key: 'dqc-03', name: '余春梅', sex: 'female', birthDate: '1977-09-27', divisionKey: null, positionTitle: '副局长' },
    { key: 'dqc-04', name: '杨卫东', sex: 'male', birthDate: '1980-03-03', divisionKey: 'office', positionTitle: '办公室主任' },
    {
      key: 'dqc-05', name: '斯那卓玛', sex: 'female', birthDate: '1985-01-14', divisionKey: 'policy-law',
      positionTitle: '政策法规科科长', isLegalReviewer: true,
      certificate: { serial: 201, issuedOn: '2023-04-10', expiresOn: '2028-04-09' },
      qualification: 'legal_professional_qualification', qualificationNote: '持有法律职业资格证书，免于执法资格考试',
    },
    {
      key: 'dqc-06', name: '李国华', sex: 'male', birthDate: '1978-10-10', divisionKey: 'market',
      positionTitle: '市场运行和消费促进科科长',
      certificate: { serial: 202, issuedOn: '2022-06-20', expiresOn: '2027-06-19' },
      qualificationNote: '2022年云南省行政执法人员资格考试合格',
    },
    {
      key: 'dqc-07', name: '七林旺堆', sex: 'male', birthDate: '1983-06-06', divisionKey: 'trade',
      positionTitle: '对外贸易和经济合作科科长', categories: ['inspection', 'penalty'],
      certificate: { serial: 203, issuedOn: '2024-08-05', expiresOn: '2029-08-04' },
      qualificationNote: '2024年云南省行政执法人员资格考试合格',
    },
    {
      key: 'dqc-08', name: '和丽娟', sex: 'female', birthDate: '1991-07-19', divisionKey: 'market',
      positionTitle: '一级科员',
      certificate: {
        serial: 204, issuedOn: '2023-04-10', expiresOn: '2028-04-09',
        status: 'suspended', statusNote: '2026年10月起暂扣：未按规定参加年度岗位培训，待补训考核',
      },
      qualificationNote: '2023年云南省行政执法人员资格考试合格',
    },
    {
      key: 'dqc-09', name: '鲁茸吉称', sex: 'male', birthDate: '1989-11-11', divisionKey: 'trade',
      positionTitle: '四级主任科员', categories: ['inspection'],
      certificate: { serial: 205, issuedOn: '2025-05-12', expiresOn: '2030-05-11' },
      qualificationNote: '2025年云南省行政执法人员资格考试合格',
    },
    {
      key: 'dqc-10', name: '王小芳', sex: 'female', birthDate: '1995-02-08', divisionKey: 'policy-law',
      positionTitle: '二级科员', categories: ['inspection'],
      certificate: { serial: 206, issuedOn: '2026-03-30', expiresOn: '2031-03-29' },
      qualificationNote: '2026年云南省行政执法人员资格考试合格',
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Seed 002 — 楚雄彝族自治州工业和信息化局 (names 政策法规科 and 办公室; review by 局务会)
// ---------------------------------------------------------------------------------------------

const chuxiongIndustryPositions: readonly DemoPosition[] = [
  leader('director', '局长', 'cxi-01'),
  leader('deputy-1', '副局长', 'cxi-02'),
  leader('deputy-2', '副局长', 'cxi-03'),
  headOf('office', '办公室主任', 'cxi-04'),
  headOf('policy-law', '政策法规科科长', 'cxi-05'),
  headOf('monitoring', '运行监测协调科科长', 'cxi-06', { generated: true }),
  headOf('energy', '节能与综合利用科科长', 'cxi-07', { generated: true }),
  headOf('sme', '中小企业科科长', 'cxi-08', { generated: true }),
];

const chuxiongIndustry = defineAgency({
  key: 'chuxiong-industry',
  seed: '002',
  name: '楚雄彝族自治州工业和信息化局',
  shortName: '楚雄州工信局',
  regionCode: '532300',
  level: 'prefecture',
  homeCounty: '532301',
  address: '云南省楚雄彝族自治州楚雄市阳光大道128号',
  phone: '0878-3387512',
  supervisionPhone: '0878-3387530',
  // Seed 002: 行政处罚、行政强制、行政征收征用、行政许可 (recording 第二条) and 行政检查 (chapter 2).
  categories: ['licensing', 'penalty', 'coercion', 'inspection', 'levy'],
  area: CX_AREA,
  docAbbreviation: '楚工信',
  supervisingJusticeBureauKey: 'chuxiong-justice',
  legalAffairsDivisionKey: 'policy-law',
  // 第二条: "由局务会对其合法性、适当性进行审核". 政策法规科 is the division that prepares it.
  legalReviewBody: '局务会',
  extraGeneratedFields: ['legalAffairsDivisionKey'],
  divisions: [
    division('office', '办公室', CX_AREA, '接收业务科室移交的行政检查档案：上半年办结的于7月30日前移交，下半年办结的于次年1月31日前移交。', {}),
    division('policy-law', '政策法规科', CX_AREA, '牵头梳理《行政执法事项清单》《双随机抽查事项清单》；审定行政执法流程图和服务指南；负责行政执法全过程记录工作的监督、检查、指导和协调；保管音像记录设备，业务科室执法时向其借用；负责解释全过程记录实施办法。', { legal: true }),
    division('monitoring', '运行监测协调科', CX_AREA, '负责工业经济运行监测协调，以及民用爆炸物品生产、销售等领域的监督检查。', { generated: true, enforcing: true }),
    division('energy', '节能与综合利用科', CX_AREA, '负责工业节能监察、资源综合利用和相关行政处罚。', { generated: true, enforcing: true }),
    division('sme', '中小企业科', CX_AREA, '负责促进中小企业发展和中小企业服务体系建设。', { generated: true }),
  ],
  positions: chuxiongIndustryPositions,
  leadingGroups: [
    {
      // The seed gives the group's and its office's tasks (第十一条、第十四条、第十五条、第十八条)
      // but not who sits on it or where the office is.
      key: 'three-systems',
      name: '楚雄州工业和信息化局推行三项制度工作领导小组',
      purpose: '编制各类行政执法流程图和服务指南；公示行政执法人员清单；领导小组办公室汇总、审核、发布各科室行政执法公示信息，调查核实并更正不准确的公示信息，负责解释公示实施办法。',
      officeDivisionKey: 'policy-law',
      officeDirectorPositionKey: null,
      establishedOn: null,
      successionRule: null,
      members: [
        { role: 'leader', positionKey: 'director' },
        { role: 'deputy_leader', positionKey: 'deputy-1' },
        { role: 'deputy_leader', positionKey: 'deputy-2' },
        ...divisionHeadMembers(chuxiongIndustryPositions),
      ],
      generated: false,
      generatedFields: ['members', 'officeDivisionKey'],
    },
  ],
  people: [
    { key: 'cxi-01', name: '苏明辉', sex: 'male', birthDate: '1969-04-18', divisionKey: null, positionTitle: '局长' },
    { key: 'cxi-02', name: '鲁春华', sex: 'female', birthDate: '1976-02-26', divisionKey: null, positionTitle: '副局长' },
    { key: 'cxi-03', name: '杨光荣', sex: 'male', birthDate: '1973-08-13', divisionKey: null, positionTitle: '副局长' },
    { key: 'cxi-04', name: '方莉', sex: 'female', birthDate: '1982-09-30', divisionKey: 'office', positionTitle: '办公室主任' },
    {
      key: 'cxi-05', name: '何正文', sex: 'male', birthDate: '1979-12-12', divisionKey: 'policy-law',
      positionTitle: '政策法规科科长', isLegalReviewer: true,
      certificate: { serial: 301, issuedOn: '2022-12-01', expiresOn: '2027-11-30' },
      qualificationNote: '2022年云南省行政执法人员资格考试合格',
    },
    {
      key: 'cxi-06', name: '普志明', sex: 'male', birthDate: '1981-03-08', divisionKey: 'monitoring',
      positionTitle: '运行监测协调科科长', categories: ['inspection', 'penalty', 'coercion'],
      certificate: { serial: 302, issuedOn: '2024-02-26', expiresOn: '2029-02-25' },
      qualificationNote: '2023年云南省行政执法人员资格考试合格',
    },
    {
      key: 'cxi-07', name: '张海燕', sex: 'female', birthDate: '1984-05-25', divisionKey: 'energy',
      positionTitle: '节能与综合利用科科长', categories: ['inspection', 'penalty', 'levy'],
      certificate: { serial: 303, issuedOn: '2025-07-08', expiresOn: '2030-07-07' },
      qualificationNote: '2025年云南省行政执法人员资格考试合格',
    },
    { key: 'cxi-08', name: '毕红伟', sex: 'male', birthDate: '1980-11-20', divisionKey: 'sme', positionTitle: '中小企业科科长' },
    {
      key: 'cxi-09', name: '起丽琼', sex: 'female', birthDate: '1990-06-01', divisionKey: 'energy',
      positionTitle: '一级科员', categories: ['inspection', 'penalty'],
      certificate: { serial: 304, issuedOn: '2023-09-18', expiresOn: '2028-09-17' },
      qualificationNote: '2023年云南省行政执法人员资格考试合格',
    },
    {
      key: 'cxi-10', name: '唐浩', sex: 'male', birthDate: '1993-09-16', divisionKey: 'monitoring',
      positionTitle: '二级科员', categories: ['inspection', 'licensing'],
      certificate: { serial: 305, issuedOn: '2026-04-22', expiresOn: '2031-04-21' },
      qualificationNote: '2026年云南省行政执法人员资格考试合格',
    },
    {
      key: 'cxi-11', name: '李晓雯', sex: 'female', birthDate: '1996-04-04', divisionKey: 'policy-law',
      positionTitle: '二级科员', isLegalReviewer: true,
      certificate: { serial: 306, issuedOn: '2026-01-15', expiresOn: '2031-01-14' },
      qualification: 'legal_professional_qualification', qualificationNote: '2021年通过国家统一法律职业资格考试，免于执法资格考试',
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Seed 003 — 曲靖市麒麟区行政审批局 (names all nine divisions; 政策法规科 is the legal division)
// ---------------------------------------------------------------------------------------------

const QL_AREA = '曲靖市麒麟区行政区域';

const qilinApprovalPositions: readonly DemoPosition[] = [
  leader('director', '局长', 'qla-01', { seedTitle: '局党组书记、局长' }),
  leader('deputy-1', '副局长', 'qla-02', { seedTitle: '局党组成员、副局长' }),
  leader('deputy-2', '副局长', 'qla-03', { seedTitle: '副局长、区公共资源交易管理局局长' }),
  headOf('personnel', '组织人事科科长', 'qla-04', { seedTitle: '局党组成员、组织人事科科长' }),
  headOf('office', '办公室主任', 'qla-05'),
  headOf('market-access', '市场准入科科长', 'qla-06'),
  headOf('investment', '投资建设科科长', 'qla-07'),
  headOf('social-affairs', '社会事务科科长', 'qla-08'),
  headOf('policy-law', '政策法规科科长', 'qla-09'),
  headOf('government-service', '政务服务科科长', 'qla-10'),
  headOf('network', '网络技术科科长', 'qla-11'),
  headOf('efficiency', '效能监督科科长', 'qla-12'),
];

const qilinApproval = defineAgency({
  key: 'qilin-approval',
  seed: '003',
  name: '曲靖市麒麟区行政审批局',
  shortName: '麒麟区行政审批局',
  regionCode: '530302',
  level: 'county',
  homeCounty: '530302',
  address: '云南省曲靖市麒麟区政务服务中心三楼',
  phone: '0874-3196210',
  supervisionPhone: '0874-3196222',
  // The seed concerns licensing only (行政许可 record items, licensing review scope).
  categories: ['licensing'],
  area: QL_AREA,
  docAbbreviation: '麒审批',
  supervisingJusticeBureauKey: 'qilin-justice',
  legalAffairsDivisionKey: 'policy-law',
  legalReviewBody: '政策法规科', // 五(一): "麒麟区行政审批局的法制审核机构为政策法规科"
  divisions: [
    division('personnel', '组织人事科', QL_AREA, '负责机关干部人事、机构编制和党建工作。', { dutiesGenerated: true }),
    division('office', '办公室', QL_AREA, '负责机关日常运转、文秘、档案和后勤保障。', { dutiesGenerated: true }),
    division('market-access', '市场准入科', QL_AREA, '负责市场主体准入类行政许可事项的受理、审查和决定。', { dutiesGenerated: true, enforcing: true }),
    division('investment', '投资建设科', QL_AREA, '负责投资项目和建设工程类行政许可事项的审批。', { dutiesGenerated: true, enforcing: true }),
    division('social-affairs', '社会事务科', QL_AREA, '负责教育、卫生、民政等社会事务类行政许可事项的审批。', { dutiesGenerated: true, enforcing: true }),
    division('policy-law', '政策法规科', QL_AREA, '负责“三项制度”日常工作，做好组织协调、督促检查及领导小组交办的其他工作；作为法制审核机构对重大执法决定进行法制审核；配合各业务科室更新行政执法的法律依据；统一管理全局行政执法资格和执法证件。', { legal: true }),
    division('government-service', '政务服务科', QL_AREA, '负责政务服务大厅窗口管理、一次性告知、办理进度查询和窗口视频监控。', { dutiesGenerated: true }),
    division('network', '网络技术科', QL_AREA, '负责网上审批系统、电子签章和数字化记录的技术保障。', { dutiesGenerated: true }),
    division('efficiency', '效能监督科', QL_AREA, '会同政策法规科督促检查“三项制度”推行情况，建立督查情况通报制度。', {}),
  ],
  positions: qilinApprovalPositions,
  leadingGroups: [
    {
      key: 'three-systems',
      name: '曲靖市麒麟区行政审批局全面推行“三项制度”工作领导小组',
      purpose: '统一领导“三项制度”的组织实施；领导小组办公室（政策法规科）负责日常工作，做好组织协调、督促检查及领导小组交办的其他工作。',
      officeDivisionKey: 'policy-law',
      officeDirectorPositionKey: 'head:policy-law',
      establishedOn: null,
      successionRule: SUCCESSION_003,
      members: [
        { role: 'leader', positionKey: 'director' },
        { role: 'deputy_leader', positionKey: 'deputy-1' },
        { role: 'deputy_leader', positionKey: 'deputy-2' },
        ...divisionHeadMembers(qilinApprovalPositions),
      ],
      generated: false,
      generatedFields: [],
    },
  ],
  people: [
    { key: 'qla-01', name: '赵国庆', sex: 'male', birthDate: '1972-10-01', divisionKey: null, positionTitle: '局长' },
    { key: 'qla-02', name: '钱永红', sex: 'female', birthDate: '1977-06-19', divisionKey: null, positionTitle: '副局长' },
    { key: 'qla-03', name: '孔德明', sex: 'male', birthDate: '1974-03-30', divisionKey: null, positionTitle: '副局长' },
    { key: 'qla-04', name: '蒋晓红', sex: 'female', birthDate: '1979-07-07', divisionKey: 'personnel', positionTitle: '组织人事科科长' },
    { key: 'qla-05', name: '沈建波', sex: 'male', birthDate: '1983-01-23', divisionKey: 'office', positionTitle: '办公室主任' },
    {
      key: 'qla-06', name: '韩雪', sex: 'female', birthDate: '1987-08-15', divisionKey: 'market-access',
      positionTitle: '市场准入科科长',
      certificate: { serial: 401, issuedOn: '2023-05-16', expiresOn: '2028-05-15' },
      qualificationNote: '2023年云南省行政执法人员资格考试合格',
    },
    {
      key: 'qla-07', name: '朱志勇', sex: 'male', birthDate: '1981-02-11', divisionKey: 'investment',
      positionTitle: '投资建设科科长',
      certificate: { serial: 402, issuedOn: '2022-11-03', expiresOn: '2027-11-02' },
      qualificationNote: '2022年云南省行政执法人员资格考试合格',
    },
    { key: 'qla-08', name: '秦燕', sex: 'female', birthDate: '1985-12-24', divisionKey: 'social-affairs', positionTitle: '社会事务科科长' },
    {
      key: 'qla-09', name: '尤文涛', sex: 'male', birthDate: '1982-05-09', divisionKey: 'policy-law',
      positionTitle: '政策法规科科长', isLegalReviewer: true,
      certificate: { serial: 403, issuedOn: '2024-09-09', expiresOn: '2029-09-08' },
      qualification: 'legal_professional_qualification', qualificationNote: '持有法律职业资格证书，免于执法资格考试',
    },
    { key: 'qla-10', name: '许丽萍', sex: 'female', birthDate: '1984-03-18', divisionKey: 'government-service', positionTitle: '政务服务科科长' },
    { key: 'qla-11', name: '何俊', sex: 'male', birthDate: '1988-10-27', divisionKey: 'network', positionTitle: '网络技术科科长' },
    { key: 'qla-12', name: '吕红英', sex: 'female', birthDate: '1980-09-02', divisionKey: 'efficiency', positionTitle: '效能监督科科长' },
    {
      key: 'qla-13', name: '施家豪', sex: 'male', birthDate: '1994-06-13', divisionKey: 'market-access',
      positionTitle: '一级科员',
      certificate: {
        serial: 404, issuedOn: '2023-05-16', expiresOn: '2028-05-15',
        status: 'revoked', statusNote: '2026年8月调离行政执法岗位，执法证件依法注销收回',
      },
      qualificationNote: '2023年云南省行政执法人员资格考试合格',
    },
    {
      key: 'qla-14', name: '金梦瑶', sex: 'female', birthDate: '1997-01-30', divisionKey: 'social-affairs',
      positionTitle: '二级科员',
      certificate: { serial: 405, issuedOn: '2025-10-20', expiresOn: '2030-10-19' },
      qualificationNote: '2025年云南省行政执法人员资格考试合格',
    },
    {
      key: 'qla-15', name: '曹宏伟', sex: 'male', birthDate: '1991-04-16', divisionKey: 'investment',
      positionTitle: '四级主任科员',
      certificate: { serial: 406, issuedOn: '2024-09-09', expiresOn: '2029-09-08' },
      qualificationNote: '2024年云南省行政执法人员资格考试合格',
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Seed 004 — 朔州市朔城区科学技术局 (names only 局办公室, which does the legal review)
// ---------------------------------------------------------------------------------------------

const SC_AREA = '朔州市朔城区行政区域';

const shuochengSciencePositions: readonly DemoPosition[] = [
  leader('director', '局长', 'scs-01'),
  leader('deputy-1', '副局长', 'scs-02', { generated: true }),
  headOf('office', '办公室主任', 'scs-03'),
  headOf('development', '科技发展与成果转化科科长', 'scs-04', { generated: true }),
  headOf('rural-popularisation', '农村科技与科普科科长', 'scs-05', { generated: true }),
];

const shuochengScience = defineAgency({
  key: 'shuocheng-science',
  seed: '004',
  name: '朔州市朔城区科学技术局',
  shortName: '朔城区科技局',
  regionCode: '140602',
  level: 'county',
  homeCounty: '140602',
  address: '山西省朔州市朔城区开发南路9号区政府综合楼',
  phone: '0349-2026318',
  supervisionPhone: '0349-2026325',
  categories: ['inspection', 'penalty'],
  area: SC_AREA,
  docAbbreviation: '朔区科',
  supervisingJusticeBureauKey: 'shuocheng-justice',
  legalAffairsDivisionKey: 'office',
  legalReviewBody: '局办公室', // "我局重大执法决定法制审核主体为局办公室"
  extraGeneratedFields: ['categories'],
  divisions: [
    division('office', '办公室', SC_AREA, '作为重大执法决定法制审核主体，对重大执法决定进行法制审核；承担“三项制度”领导工作小组办公室职责，具体负责联络、协调各项工作。', { legal: true }),
    division('development', '科技发展与成果转化科', SC_AREA, '负责科技计划项目管理、科技成果转化和高新技术企业培育，开展相关监督检查。', { generated: true, enforcing: true }),
    division('rural-popularisation', '农村科技与科普科', SC_AREA, '负责农村科技服务、科学技术普及和科技特派员工作。', { generated: true, enforcing: true }),
  ],
  positions: shuochengSciencePositions,
  leadingGroups: [
    {
      // "成立以局长为组长的'三项制度'领导工作小组……局机关各科室为小组成员": no deputy leader.
      key: 'three-systems',
      name: '朔城区科技局“三项制度”领导工作小组',
      purpose: '办公室具体负责联络、协调各项工作的开展；各科室负责涉及本部门范围内的“三项制度”工作。',
      officeDivisionKey: 'office',
      officeDirectorPositionKey: null,
      establishedOn: null,
      successionRule: null,
      members: [{ role: 'leader', positionKey: 'director' }, ...divisionHeadMembers(shuochengSciencePositions)],
      generated: false,
      generatedFields: [],
    },
  ],
  // No legal reviewer on purpose: the demo shows the L12 "no reviewer" flag on this agency.
  people: [
    { key: 'scs-01', name: '郝建军', sex: 'male', birthDate: '1971-07-23', divisionKey: null, positionTitle: '局长' },
    { key: 'scs-02', name: '武晓梅', sex: 'female', birthDate: '1978-04-12', divisionKey: null, positionTitle: '副局长' },
    {
      key: 'scs-03', name: '乔志宏', sex: 'male', birthDate: '1982-11-08', divisionKey: 'office',
      positionTitle: '办公室主任',
      certificate: { serial: 501, issuedOn: '2023-07-03', expiresOn: '2028-07-02' },
      qualificationNote: '2023年山西省行政执法人员资格考试合格',
    },
    {
      key: 'scs-04', name: '贾丽娜', sex: 'female', birthDate: '1986-02-19', divisionKey: 'development',
      positionTitle: '科技发展与成果转化科科长', categories: ['inspection'],
      certificate: { serial: 502, issuedOn: '2021-12-16', expiresOn: '2026-12-15' },
      qualificationNote: '2021年山西省行政执法人员资格考试合格；证件即将到期',
    },
    {
      key: 'scs-05', name: '牛瑞峰', sex: 'male', birthDate: '1980-08-28', divisionKey: 'rural-popularisation',
      positionTitle: '农村科技与科普科科长', categories: ['inspection'],
      certificate: { serial: 503, issuedOn: '2021-09-10', expiresOn: '2026-09-09' },
      qualificationNote: '2021年山西省行政执法人员资格考试合格；证件已过期，待换发',
    },
    {
      key: 'scs-06', name: '段雅琴', sex: 'female', birthDate: '1993-05-31', divisionKey: 'office',
      positionTitle: '一级科员',
      certificate: { serial: 504, issuedOn: '2025-04-14', expiresOn: '2030-04-13' },
      qualificationNote: '2025年山西省行政执法人员资格考试合格',
    },
  ],
});

/** The five enforcement agencies of the seeds, in seed order. */
export const demoAgencies: readonly DemoAgency[] = [
  chuxiongScience,
  diqingCommerce,
  chuxiongIndustry,
  qilinApproval,
  shuochengScience,
];

// ---------------------------------------------------------------------------------------------
// Justice bureaus, the seed-001 government group, counsel
// ---------------------------------------------------------------------------------------------

function justiceBureau(spec: Omit<DemoJusticeBureau, 'kind' | 'creditCode' | 'generatedFields'>): DemoJusticeBureau {
  return {
    ...spec,
    kind: 'justice_bureau',
    creditCode: organCreditCode(spec.key, spec.regionCode),
    generatedFields: BODY_GENERATED,
  };
}

/** The justice bureaus that confirm and supervise the five agencies (P13, S1). */
export const demoJusticeBureaus: readonly DemoJusticeBureau[] = [
  justiceBureau({
    key: 'chuxiong-justice',
    name: '楚雄彝族自治州司法局',
    shortName: '楚雄州司法局',
    regionCode: '532300',
    level: 'prefecture',
    headName: '龙正华',
    address: '云南省楚雄彝族自治州楚雄市鹿城西路36号',
    phone: '0878-3124580',
    supervisionPhone: '0878-3124599',
    area: CX_AREA,
  }),
  justiceBureau({
    key: 'diqing-justice',
    name: '迪庆藏族自治州司法局',
    shortName: '迪庆州司法局',
    regionCode: '533400',
    level: 'prefecture',
    headName: '扎西尼玛',
    address: '云南省迪庆藏族自治州香格里拉市建塘镇池慈卡街12号',
    phone: '0887-8225106',
    supervisionPhone: '0887-8225118',
    area: DQ_AREA,
  }),
  justiceBureau({
    key: 'qilin-justice',
    name: '曲靖市麒麟区司法局',
    shortName: '麒麟区司法局',
    regionCode: '530302',
    level: 'county',
    headName: '孙立新',
    address: '云南省曲靖市麒麟区南宁西路85号',
    phone: '0874-3122615',
    supervisionPhone: '0874-3122630',
    area: QL_AREA,
  }),
  justiceBureau({
    key: 'shuocheng-justice',
    name: '朔州市朔城区司法局',
    shortName: '朔城区司法局',
    regionCode: '140602',
    level: 'county',
    headName: '冯国栋',
    address: '山西省朔州市朔城区民福东街21号',
    phone: '0349-2185027',
    supervisionPhone: '0349-2185039',
    area: SC_AREA,
  }),
];

/**
 * Seed 001's prefecture-wide group (迪政办发〔2019〕69号 附件), by position; its office sits in the
 * prefecture justice bureau. Kept apart from agency groups because its members span many bodies.
 */
export const demoGovernmentLeadingGroups: readonly DemoGovernmentLeadingGroup[] = [
  {
    key: 'diqing-three-systems',
    name: '迪庆州全面推行“三项制度”工作领导小组',
    regionCode: '533400',
    establishedBy: '迪政办发〔2019〕69号',
    establishedOn: '2019-08-22',
    officeJusticeBureauKey: 'diqing-justice',
    officeDirector: { organisation: '州司法局', title: '副局长' },
    successionRule: '州全面推行“三项制度”工作领导小组成员如有变动，由担任相应职务的同志自行递补，报州司法局备案，不再另行发文。',
    members: [
      { role: 'leader', organisation: '州人民政府', title: '副州长、州公安局局长' },
      { role: 'deputy_leader', organisation: '州人民政府', title: '副秘书长、州信访局局长' },
      { role: 'deputy_leader', organisation: '州司法局', title: '局长' },
      { role: 'member', organisation: '州政府办公室', title: '副主任' },
      { role: 'member', organisation: '州委编办', title: '副主任' },
      { role: 'member', organisation: '州委组织部', title: '州委副处级组织员、部务委员' },
      { role: 'member', organisation: '州发展改革委', title: '副主任' },
      { role: 'member', organisation: '州工业和信息化局', title: '副局长' },
      { role: 'member', organisation: '州司法局', title: '副局长' },
      { role: 'member', organisation: '州财政局', title: '副局长' },
      { role: 'member', organisation: '州人力资源社会保障局', title: '副局长' },
      { role: 'member', organisation: '州市场监管局', title: '副局长' },
      { role: 'member', organisation: '州政务服务局', title: '副局长' },
    ],
  },
];

/** L15: legal advisers and public-sector lawyers; all invented, firm names included. */
export const demoCounsel: readonly DemoCounsel[] = [
  {
    key: 'counsel-01', agencyKey: 'chuxiong-science', name: '王慧', kind: 'public_sector_lawyer',
    organisation: '楚雄彝族自治州司法局', phone: '0878-3124588', specialties: '行政许可、外国人来华工作许可',
    generated: true,
  },
  {
    key: 'counsel-02', agencyKey: 'chuxiong-industry', name: '张明远', kind: 'legal_adviser',
    organisation: '云南紫溪律师事务所', phone: '0878-3215630', specialties: '行政处罚、行政强制、企业合规',
    generated: true,
  },
  {
    key: 'counsel-03', agencyKey: 'diqing-commerce', name: '次仁央宗', kind: 'legal_adviser',
    organisation: '云南雪域律师事务所', phone: '0887-8286412', specialties: '商务行政执法、合同纠纷',
    generated: true,
  },
  {
    key: 'counsel-04', agencyKey: 'qilin-approval', name: '邓立群', kind: 'public_sector_lawyer',
    organisation: '曲靖市麒麟区司法局', phone: '0874-3122641', specialties: '行政许可、政府信息公开',
    generated: true,
  },
  {
    key: 'counsel-05', agencyKey: 'qilin-approval', name: '陆海峰', kind: 'outside_lawyer',
    organisation: '云南珠源律师事务所', phone: '0874-3358207', specialties: '行政复议、行政诉讼',
    generated: true,
  },
  {
    key: 'counsel-06', agencyKey: 'shuocheng-science', name: '温志强', kind: 'legal_adviser',
    organisation: '山西桑干河律师事务所', phone: '0349-2039186', specialties: '行政执法程序、科技项目合同',
    generated: true,
  },
];
