/** UI strings, zh-CN first and English second — the audit log. Part of the one tree in ../ui.ts. */
import { t, type Tree } from './text.js';

export const auditMessages = {
  audit: {
    title: t('审计日志', 'Audit log'),
    at: t('时间', 'Time'),
    actor: t('操作人', 'Actor'),
    action: t('操作', 'Action'),
    ip: t('IP 地址', 'IP address'),
    detail: t('详情', 'Detail'),
    subject: t('对象', 'Subject'),
    agency: t('所属机关', 'Agency'),
    person: t('操作人', 'Person'),
    actionFilter: t('全部操作', 'All actions'),
    subjectTypeFilter: t('全部对象类型', 'All subject types'),
    dateRange: t('日期范围', 'Date range'),
    onlyThisSubject: t('只看该对象', 'Only this subject'),
    onlyThisPerson: t('只看此人', 'Only this person'),
    subjectFilter: { zh: (name: string) => `对象：${name}`, en: (name: string) => `Subject: ${name}` },
    /** Who acted when nobody was logged in (src/audit/record.ts labels). */
    actorKind: {
      public: t('公众（未登录）', 'The public (not logged in)'),
      cli: t('命令行', 'Command line'),
      demo: t('演示数据', 'Demo data'),
      system: t('系统', 'System'),
    },
  },
} satisfies Tree;
