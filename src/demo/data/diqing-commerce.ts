import type { DemoPosition } from './types.js';
import { defineAgency, divisionHeadMembers, headOf, leader, division } from './builders.js';
import { DQ_AREA } from './areas.js';

// ---------------------------------------------------------------------------------------------
// Seed 001 — 迪庆藏族自治州商务局 (a forwarding notice: it names none of its own divisions)
// ---------------------------------------------------------------------------------------------

const diqingCommercePositions: readonly DemoPosition[] = [
  leader('director', '局长', 'dqc-01'),
  leader('deputy-1', '副局长', 'dqc-02'),
  leader('deputy-2', '副局长', 'dqc-03'),
  headOf('office', '办公室主任', 'dqc-04', { generated: true }),
  headOf('policy-law', '政策法规科科长', 'dqc-05', { generated: true }),
  headOf('market', '市场运行和消费促进科科长', 'dqc-06', { generated: true }),
  headOf('trade', '对外贸易和经济合作科科长', 'dqc-07', { generated: true }),
];

export const diqingCommerce = defineAgency({
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
