-- The audit log page reads newest first (src/accounts/audit-log.ts: order by at desc, id desc).
-- Within one agency audit_events_agency_at serves it; a system administrator or supervisor reading
-- across agencies had every page sort the whole log.
create index audit_events_at on audit_events (at desc, id desc);
