import type { DemoPosition } from './types.js';
import { defineAgency, divisionHeadMembers, headOf, leader, division } from './builders.js';
import { CX_AREA } from './areas.js';

// ---------------------------------------------------------------------------------------------
// Seed 000 — 楚雄彝族自治州科学技术局
// ---------------------------------------------------------------------------------------------

const SUCCESSION_000 = '州科技局全面推行“三项制度”工作领导小组成员如有变动，由担任相应职务的同志自行递补，不再另行发文。';

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

export const chuxiongScience = defineAgency({
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
