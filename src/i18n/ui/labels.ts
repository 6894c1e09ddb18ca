/** UI strings, zh-CN first and English second — labels of enum values shown across the app (agency kinds, audit actions, ...). Part of the one tree in ../ui.ts. */
import { auditActionLabels } from '../../audit/actions.js';
import { t, type Tree } from './text.js';

export const labelMessages = {
  labels: {
    agencyKind: {
      enforcement: t('行政执法机关', 'Enforcement agency'),
      justice_bureau: t('司法行政机关', 'Justice bureau'),
    },
    level: {
      province: t('省级', 'Province'),
      prefecture: t('市级', 'Prefecture'),
      county: t('县级', 'County'),
      township: t('乡镇级', 'Township'),
    },
    category: {
      licensing: t('行政许可', 'Licensing'),
      penalty: t('行政处罚', 'Penalty'),
      coercion: t('行政强制', 'Coercion'),
      inspection: t('行政检查', 'Inspection'),
      levy: t('行政征收征用', 'Levy and requisition'),
    },
    sex: {
      male: t('男', 'Male'),
      female: t('女', 'Female'),
    },
    certificateStatus: {
      active: t('有效', 'Valid'),
      suspended: t('暂扣', 'Suspended'),
      revoked: t('吊销', 'Revoked'),
      expired: t('已过期', 'Expired'),
    },
    qualification: {
      exam: t('执法资格考试合格', 'Passed the enforcement exam'),
      legal_professional_qualification: t('国家统一法律职业资格', 'National legal professional qualification'),
    },
    trainingKind: {
      pre_job: t('岗前培训', 'Pre-job'),
      on_job: t('在岗培训', 'On the job'),
    },
    counselKind: {
      legal_adviser: t('法律顾问', 'Legal adviser'),
      public_sector_lawyer: t('公职律师', 'Public-sector lawyer'),
      outside_lawyer: t('外聘律师', 'Outside lawyer'),
    },
    groupRole: {
      leader: t('组长', 'Leader'),
      deputy_leader: t('副组长', 'Deputy leader'),
      member: t('成员', 'Member'),
    },
    role: {
      officer: t('执法人员', 'Officer'),
      division_head: t('科室负责人', 'Division head'),
      legal_reviewer: t('法制审核人员', 'Legal reviewer'),
      agency_leader: t('机关负责人', 'Agency leader'),
      publicity_editor: t('公示编辑', 'Publicity editor'),
      agency_admin: t('机关管理员', 'Agency administrator'),
      supervisor: t('司法局监督人员', 'Supervisor'),
      system_admin: t('系统管理员', 'System administrator'),
    },
    ratioFlag: {
      ok: t('达标', 'Sufficient'),
      below_minimum: t('不足 5%', 'Below 5%'),
      no_reviewer: t('无审核人员', 'No reviewer'),
    },
    dayKind: {
      holiday: t('放假', 'Holiday'),
      workday: t('调休上班', 'Make-up workday'),
    },
    calendarSource: {
      'chinese-days': t('系统预置', 'Preloaded'),
      manual: t('手工录入', 'Entered manually'),
    },
    lawKind: {
      law: t('法律', 'Law'),
      administrative_regulation: t('行政法规', 'Administrative regulation'),
      local_regulation: t('地方性法规', 'Local regulation'),
      other: t('其他', 'Other'),
    },
    lawVersionStatus: {
      in_force: t('现行有效', 'In force'),
      not_yet_in_force: t('尚未施行', 'Not yet in force'),
      amended: t('已被修改', 'Amended'),
    },
    /** What an audit event is about (subjectType in src/audit/record.ts calls). */
    auditSubject: {
      user: t('用户', 'User'),
      agency: t('执法主体', 'Agency'),
      person: t('执法人员', 'Officer'),
      people: t('人员列表', 'List of people'),
      region: t('行政区划', 'Region'),
      division: t('内设机构', 'Division'),
      counsel: t('法律顾问', 'Counsel'),
      position: t('岗位', 'Position'),
      leading_group: t('领导小组', 'Leading group'),
      calendar_year: t('年度节假日', 'Calendar year'),
      calendar_day: t('节假日', 'Calendar day'),
      law_library: t('法律法规库', 'Law library'),
      api_token: t('接口令牌', 'API token'),
      power_item: t('权力事项', 'Power list item'),
      evidence: t('证据', 'Evidence'),
      device: t('执法记录设备', 'Recording device'),
      certificate: t('执法证', 'Certificate'),
      case: t('案件', 'Case'),
      exchange: t('数据交换', 'Data exchange'),
    },
    /** Audit-action labels live in the catalogue beside each action's detail (src/audit/actions.ts); unknown codes are shown as they are. */
    auditAction: auditActionLabels,
  },
} satisfies Tree;
