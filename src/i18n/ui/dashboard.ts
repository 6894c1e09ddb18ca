/** UI strings, zh-CN first and English second — the dashboard and the to-do list. Part of the one tree in ../ui.ts. */
import { t, type Tree } from './text.js';

export const dashboardMessages = {
  dashboard: {
    title: t('工作台', 'Dashboard'),
    today: { zh: (d: string) => `今天是 ${d}`, en: (d: string) => `Today is ${d}` },
    agencies: t('执法主体', 'Agencies'),
    unconfirmedAgencies: t('待确认主体', 'Awaiting confirmation'),
    activeOfficers: t('持证执法人员', 'Officers with a valid certificate'),
    expiringCertificates: t('30 日内到期证件', 'Certificates expiring in 30 days'),
    openCases: t('在办案件', 'Open cases'),
    overdueCases: t('超期案件', 'Cases past a time limit'),
    archiveOverdue: t('逾期未归档', 'Files overdue for the archive'),
    reviewerRatios: t('法制审核人员配备（不少于执法人员的 5%，且至少 1 名）', 'Legal reviewers (at least 5% of officers, and at least one)'),
    agency: t('执法主体', 'Agency'),
    reviewers: t('法制审核人员', 'Legal reviewers'),
    officers: t('持证执法人员', 'Active officers'),
    ratio: t('比例', 'Ratio'),
    status: t('状态', 'Status'),
    noWarnings: t('暂无需要处理的提醒', 'Nothing needs attention'),
  },
  todo: {
    title: t('我的待办', 'My to-do list'),
    cases: t('在办案件', 'Open cases'),
    archive: t('归档任务', 'Case files to archive'),
    empty: t('暂无待办事项', 'Nothing to do'),
    step: t('当前环节', 'Current step'),
    deadline: t('期限', 'Deadline'),
    task: t('任务', 'Task'),
    taskLabel: {
      compile: t('立卷', 'Compile the file'),
      transfer: t('移交归档', 'Transfer to the archive'),
    },
    statusLabel: {
      due: t('未到期', 'Not yet due'),
      due_soon: t('即将到期', 'Due soon'),
      overdue: t('已逾期', 'Overdue'),
    },
  },
} satisfies Tree;
