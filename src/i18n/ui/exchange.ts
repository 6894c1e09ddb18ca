/** UI strings, zh-CN first and English second — import and export. Part of the one tree in ../ui.ts. */
import { t, type Tree } from './text.js';

export const exchangeMessages = {
  exchange: {
    title: t('导入导出', 'Import / export'),
    importTitle: t('批量导入', 'Import'),
    exportTitle: t('导出', 'Export'),
    what: t('数据类型', 'Data'),
    agency: t('所属机关', 'Agency'),
    file: t('Excel 文件（.xlsx，不超过 10 MB）', 'Excel file (.xlsx, at most 10 MB)'),
    chooseFile: t('选择 .xlsx 文件并上传', 'Choose an .xlsx file to upload'),
    dryRun: t('仅校验，不导入', 'Check only, import nothing'),
    template: t('下载导入模板', 'Download the template'),
    hint: t('整表校验：任一行有错误则不导入任何数据，并逐行列出全部错误；请使用下载的模板填写', 'All or nothing: if any row is wrong nothing is imported and every problem is listed; use the template'),
    imported: { zh: (n: number, total: number) => `导入成功：共 ${total} 行，已导入 ${n} 条`, en: (n: number, total: number) => `Imported ${n} of ${total} rows` },
    checked: { zh: (total: number) => `校验通过：共 ${total} 行，可以导入`, en: (total: number) => `All ${total} rows are valid` },
    rejected: {
      zh: (rejected: number, total: number) => `共 ${total} 行，其中 ${rejected} 行有错误，未导入任何数据`,
      en: (rejected: number, total: number) => `${rejected} of ${total} rows have errors; nothing was imported`,
    },
    row: t('行号', 'Row'),
    column: t('列', 'Column'),
    header: t('列名', 'Header'),
    problem: t('问题', 'Problem'),
    download: t('下载', 'Download'),
    officers: t('执法人员', 'Officers'),
    agencies: t('执法主体', 'Agencies'),
    exportOfficers: t('导出执法人员', 'Export officers'),
    exportOfficersHelp: t('身份证号码脱敏导出，仅供查阅；导出行为记入审计日志', 'ID numbers are masked; the export is audited'),
    exportAgencies: t('导出执法主体', 'Export agencies'),
    exportAgenciesHelp: t('导出您管辖范围内的全部执法主体', 'All agencies in your scope'),
  },
} satisfies Tree;
