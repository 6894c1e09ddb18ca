-- Issue 8: a calendar year names the State Council General Office notice it follows, by title as
-- well as by number. Years seeded from the chinese-days package before this migration had neither:
-- they get the notices of src/calendar/notices.ts (copied here as of 2026-12; later seeds read that
-- file). 2004–2006 stay empty: their numbers could not be sourced.
alter table calendar_years add column notice_title text;

update calendar_years
set notice = v.number, notice_title = '国务院办公厅关于' || v.year || '年部分节假日安排的通知'
from (values
  (2007, '国办发明电〔2006〕49号'), (2008, '国办发明电〔2007〕52号'), (2009, '国办发明电〔2008〕42号'),
  (2010, '国办发明电〔2009〕27号'), (2011, '国办发明电〔2010〕40号'), (2012, '国办发明电〔2011〕45号'),
  (2013, '国办发明电〔2012〕33号'), (2014, '国办发明电〔2013〕28号'), (2015, '国办发明电〔2014〕28号'),
  (2016, '国办发明电〔2015〕18号'), (2017, '国办发明电〔2016〕17号'), (2018, '国办发明电〔2017〕12号'),
  (2019, '国办发明电〔2018〕15号'), (2020, '国办发明电〔2019〕16号'), (2021, '国办发明电〔2020〕27号'),
  (2022, '国办发明电〔2021〕11号'), (2023, '国办发明电〔2022〕16号'), (2024, '国办发明电〔2023〕7号'),
  (2025, '国办发明电〔2024〕12号'), (2026, '国办发明电〔2025〕7号')
) as v (year, number)
where calendar_years.year = v.year and calendar_years.source = 'chinese-days' and calendar_years.notice is null;
