import type { DemoPosition } from './types.js';
import { defineAgency, divisionHeadMembers, headOf, leader, division } from './builders.js';
import { CX_AREA } from './areas.js';

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

export const chuxiongIndustry = defineAgency({
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
