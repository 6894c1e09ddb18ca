import type { DemoPosition } from './types.js';
import { defineAgency, divisionHeadMembers, headOf, leader, division } from './builders.js';
import { SC_AREA } from './areas.js';

// ---------------------------------------------------------------------------------------------
// Seed 004 — 朔州市朔城区科学技术局 (names only 局办公室, which does the legal review)
// ---------------------------------------------------------------------------------------------

const shuochengSciencePositions: readonly DemoPosition[] = [
  leader('director', '局长', 'scs-01'),
  leader('deputy-1', '副局长', 'scs-02', { generated: true }),
  headOf('office', '办公室主任', 'scs-03'),
  headOf('development', '科技发展与成果转化科科长', 'scs-04', { generated: true }),
  headOf('rural-popularisation', '农村科技与科普科科长', 'scs-05', { generated: true }),
];

export const shuochengScience = defineAgency({
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
