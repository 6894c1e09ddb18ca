-- The audit log as hash chains (issue 7): like a case record, each audit event carries SHA-256
-- over its RFC 8785 canonical JSON including the previous event's hash, one chain per agency (and
-- one, 'platform', for events of no agency), so that `sanxiang verify` names an altered, removed or
-- inserted audit row. One chain per agency keeps agencies from waiting on each other.
-- Rows written before this migration stay unchained; the NOT VALID check binds every new row.
alter table audit_events
  add column chain text,
  add column chain_seq integer,
  add column prev_hash text,
  add column hash text;
alter table audit_events add constraint audit_events_chained
  check (chain is not null and chain_seq > 0 and prev_hash ~ '^[0-9a-f]{64}$' and hash ~ '^[0-9a-f]{64}$') not valid;
create unique index audit_events_chain_seq on audit_events (chain, chain_seq);

-- The tip of each chain, locked by the appending transaction (the case row plays this part for case records).
create table audit_chain_heads (
  chain text primary key,
  seq integer not null check (seq >= 0),
  hash text not null
);
