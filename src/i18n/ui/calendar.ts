/** UI strings, zh-CN first and English second — the working-day calendar: holidays and adjusted working days. Part of the one tree in ../ui.ts. */
import { t, type Tree } from './text.js';

export const calendarMessages = {
  calendar: {
    title: t('工作日历', 'Working calendar'),
    hint: t('期限按工作日计算，节假日与调休按国务院办公厅每年发布的通知录入', 'Deadlines count working days; holidays follow the State Council notice of each year'),
    years: t('已录入年度', 'Loaded years'),
    year: t('年度', 'Year'),
    source: t('来源', 'Source'),
    notice: t('通知文号', 'Notice'),
    noticePlaceholder: t('如：国办发明电〔2025〕7号', 'e.g. 国办发明电〔2025〕7号'),
    // Issue 8: the source is the year's State Council General Office notice, by title and number.
    noticeTitle: t('通知标题', 'Notice title'),
    noticeTitlePlaceholder: { zh: (y: number) => `如：国务院办公厅关于${y}年部分节假日安排的通知`, en: (y: number) => `e.g. 国务院办公厅关于${y}年部分节假日安排的通知` },
    noticeUnknown: t('通知未录入', 'Notice not recorded'),
    loadedAt: t('录入时间', 'Loaded at'),
    holidays: t('放假日', 'Holidays'),
    workdays: t('调休上班日', 'Make-up workdays'),
    addYear: t('录入年度安排', 'Load a year'),
    days: t('节假日与调休', 'Special days'),
    day: t('日期', 'Date'),
    kind: t('类型', 'Kind'),
    name: t('名称', 'Name'),
    namePlaceholder: t('如：春节', 'e.g. 春节'),
    addDay: t('添加一天', 'Add a day'),
    setDay: t('调整某日', 'Set a day'),
    chooseYear: t('选择一个年度查看节假日与调休', 'Select a year to see its special days'),
    yearDays: { zh: (y: number) => `${y} 年节假日与调休`, en: (y: number) => `Special days of ${y}` },
    notInYear: { zh: (y: number) => `日期须在 ${y} 年内`, en: (y: number) => `The date must be in ${y}` },
  },
} satisfies Tree;
