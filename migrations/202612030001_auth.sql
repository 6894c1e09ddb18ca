-- Issue 7, logins, sessions and tokens.
-- Forward-only; runs unchanged on PGlite (PostgreSQL 18) and PostgreSQL >= 15.

-- Throttle counters (failed logins per account name and per client address, public certificate
-- checks per address). One row per key, counted in a fixed window; the application only ever
-- changes a count with one INSERT ... ON CONFLICT DO UPDATE ... RETURNING, so parallel requests
-- cannot lose an increment. Keys of unknown user names are counted exactly like known ones, so the
-- answers cannot tell them apart.
create table throttle_counters (
  key text primary key,
  count integer not null check (count > 0),
  window_ends_at timestamptz not null
);
create index throttle_counters_window_ends_at on throttle_counters (window_ends_at);

-- The failure counter and lock moved to throttle_counters (keyed by the normalised user name).
alter table users drop column failed_logins;
alter table users drop column locked_until;

-- API tokens always expire. Tokens issued before this migration get 90 days from now.
update api_tokens set expires_at = now() + interval '90 days' where expires_at is null;
alter table api_tokens alter column expires_at set not null;
create index api_tokens_user on api_tokens (user_id);
