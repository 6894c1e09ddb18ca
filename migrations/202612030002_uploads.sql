-- Space reserved by unfinished evidence uploads (issue 7): each user may hold at most
-- UPLOAD_QUOTA_BYTES of declared Upload-Length in uploads not yet finished. Working tables, not
-- part of the record: rows are deleted when an upload finishes, is cancelled or expires.

-- One row per unfinished upload (the tus id), with the bytes it reserved and when it expires.
create table upload_reservations (
  upload_id text primary key,
  user_id uuid not null references users (id),
  bytes bigint not null check (bytes > 0),
  created_at timestamptz not null,
  expires_at timestamptz not null
);
create index upload_reservations_expires_at on upload_reservations (expires_at);
create index upload_reservations_user on upload_reservations (user_id);

-- The sum of a user's reservations, kept as one counter so that reserving is a single atomic
-- INSERT ... ON CONFLICT DO UPDATE ... WHERE reserved + new <= quota (no read-then-write race).
create table upload_quota_usage (
  user_id uuid primary key references users (id),
  reserved_bytes bigint not null default 0 check (reserved_bytes >= 0)
);
