-- Platform: audit log, content-addressed blobs, accounts and sessions.
-- Forward-only; runs unchanged on PGlite (PostgreSQL 18) and PostgreSQL >= 15.

-- Audit: every write and every read of personal data (who, what, when, from where).
-- Append-only, enforced here by triggers rather than trusted to application code.
create table audit_events (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_user_id uuid,
  actor_label text not null,
  agency_id uuid,
  action text not null,
  subject_type text not null,
  subject_id text,
  ip text,
  user_agent text,
  detail jsonb not null default '{}'::jsonb
);
create index audit_events_agency_at on audit_events (agency_id, at desc);
create index audit_events_subject on audit_events (subject_type, subject_id);

create function reject_change() returns trigger language plpgsql as $$
begin
  raise exception 'table % is append-only: % is not allowed', tg_table_name, tg_op
    using errcode = '42501';
end;
$$;

create trigger audit_events_no_update before update or delete on audit_events
  for each row execute function reject_change();
create trigger audit_events_no_truncate before truncate on audit_events
  for each statement execute function reject_change();
revoke update, delete, truncate on audit_events from public;

-- Content-addressed file store index (photos now; evidence later).
create table blobs (
  sha256 text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
  size bigint not null check (size >= 0),
  content_type text not null,
  storage_key text not null,
  created_at timestamptz not null default now()
);

create table users (
  id uuid primary key default gen_random_uuid(),
  username text not null unique,
  display_name text not null,
  password_hash text not null,
  -- Tenancy: an agency user's scope is this agency; a supervisor's is scope_region_code's subtree.
  agency_id uuid,
  scope_region_code text,
  roles text[] not null default '{}',
  person_id uuid,
  disabled boolean not null default false,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  last_login_at timestamptz,
  is_demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index users_agency on users (agency_id);

create table sessions (
  id text primary key,            -- sha256 of the cookie token; the token itself is never stored
  user_id uuid not null references users (id),
  csrf_token text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  revoked_at timestamptz,
  ip text,
  user_agent text
);
create index sessions_user on sessions (user_id);

create table api_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id),
  name text not null,
  token_hash text not null unique,
  created_at timestamptz not null,
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz
);
