-- Issue 9: a power item's own time limits, where the law lets other rules set the period
-- (行政处罚法第六十条 "法律、法规、规章另有规定的，从其规定"; 行政许可法第四十二条 "法律、法规另有规定的，
-- 依照其规定"; 第四十二条第二款 统一、联合、集中办理 45 days + 15). Keyed by the clock id of the case's
-- procedure: {"decision_20_days": {"amount": 45, "unit": "working_days", "basis": "…", "extensionMax": 15}}.
-- Validated by the application (src/recording/cases/clock-overrides.ts); an object, nothing else.
alter table power_items add column time_limits jsonb not null default '{}'::jsonb;
alter table power_items add constraint power_items_time_limits_object check (jsonb_typeof(time_limits) = 'object');
