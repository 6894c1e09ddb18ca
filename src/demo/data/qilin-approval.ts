import type { DemoPosition } from './types.js';
import { defineAgency, divisionHeadMembers, headOf, leader, division } from './builders.js';
import { QL_AREA } from './areas.js';

// ---------------------------------------------------------------------------------------------
// Seed 003 — 曲靖市麒麟区行政审批局 (names all nine divisions; 政策法规科 is the legal division)
// ---------------------------------------------------------------------------------------------

const SUCCESSION_003 = '工作领导小组成员如有变动，由担任相应职务的同志自行递补。';

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

export const qilinApproval = defineAgency({
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
