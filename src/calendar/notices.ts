/**
 * The State Council General Office notice (国务院办公厅关于…年部分节假日安排的通知) behind each year
 * the chinese-days package seeds, shown as the year's source on the calendar page. Titles and
 * numbers as published on www.gov.cn (国务院公报); a year changed later by a further notice (2015:
 * 国发明电〔2015〕1号; 2019: 国办发明电〔2019〕3号; 2020: 国办发明电〔2020〕1号) lists its main notice.
 * 2004–2006 are not listed: their numbers could not be sourced, and those years show none.
 */
export interface HolidayNotice {
  title: string;
  number: string;
}

const NUMBERS: Record<number, string> = {
  2007: '国办发明电〔2006〕49号',
  2008: '国办发明电〔2007〕52号',
  2009: '国办发明电〔2008〕42号',
  2010: '国办发明电〔2009〕27号',
  2011: '国办发明电〔2010〕40号',
  2012: '国办发明电〔2011〕45号',
  2013: '国办发明电〔2012〕33号',
  2014: '国办发明电〔2013〕28号',
  2015: '国办发明电〔2014〕28号',
  2016: '国办发明电〔2015〕18号',
  2017: '国办发明电〔2016〕17号',
  2018: '国办发明电〔2017〕12号',
  2019: '国办发明电〔2018〕15号',
  2020: '国办发明电〔2019〕16号',
  2021: '国办发明电〔2020〕27号',
  2022: '国办发明电〔2021〕11号',
  2023: '国办发明电〔2022〕16号',
  2024: '国办发明电〔2023〕7号',
  2025: '国办发明电〔2024〕12号',
  2026: '国办发明电〔2025〕7号',
};

/** The notice of a year, or null when it is not known here. */
export function holidayNoticeOf(year: number): HolidayNotice | null {
  const number = NUMBERS[year];
  return number ? { title: `国务院办公厅关于${year}年部分节假日安排的通知`, number } : null;
}
