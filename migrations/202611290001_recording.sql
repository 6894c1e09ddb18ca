-- Whole-process recording (R1–R16): power list, cases, the append-only hash-chained case record,
-- documents with gap-free numbering, evidence, recording devices, archive and access requests.
-- Append-only tables are enforced here (triggers + revoked privileges), not trusted to code.

-- 权力清单 — a simple power list per agency: what the agency may do and on which legal basis.
create table power_items (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agencies (id),
  code text not null,
  name text not null,
  category text not null check (category in ('licensing', 'penalty', 'coercion', 'inspection', 'levy')),
  legal_basis text not null,
  division_id uuid references divisions (id),
  is_demo boolean not null default false,
  created_at timestamptz not null default now(),
  constraint power_items_code_unique unique (agency_id, code)
);

-- 执法案件. `step` is the workflow state (src/recording/workflows/); head_seq/head_hash are the
-- tip of the case's event chain, kept here so that `sanxiang verify` notices a removed last event.
create table cases (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agencies (id),
  register_number text not null,
  category text not null check (category in ('licensing', 'penalty', 'coercion', 'inspection', 'levy')),
  procedure text not null,
  power_item_id uuid references power_items (id),
  title text not null,
  source_type text check (source_type in ('plan', 'complaint', 'referral', 'assignment', 'random_draw', 'application', 'on_site')),
  source_detail jsonb not null default '{}'::jsonb,
  parent_case_id uuid references cases (id),
  step text not null,
  status text not null check (status in ('open', 'closed', 'archived')),
  opened_at timestamptz not null,
  closed_at timestamptz,
  archived_at timestamptz,
  created_by uuid references users (id),
  head_seq integer not null default 0,
  head_hash text not null,
  facts jsonb not null default '{}'::jsonb,
  is_demo boolean not null default false,
  constraint cases_register_number_unique unique (agency_id, register_number)
);
create index cases_agency_status on cases (agency_id, status, opened_at desc);

create table case_parties (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  kind text not null check (kind in ('natural_person', 'legal_person', 'other_organisation')),
  name text not null,
  id_number text,
  credit_code text,
  legal_representative text,
  address text,
  phone text,
  check ((kind = 'natural_person') = (id_number is not null) and (kind = 'natural_person' or credit_code is not null))
);
create index case_parties_case on case_parties (case_id);

create table case_officers (
  case_id uuid not null references cases (id),
  person_id uuid not null references people (id),
  role text not null check (role in ('leader', 'member')),
  primary key (case_id, person_id)
);

-- The case record: every step, document, evidence item, approval and view, in order. Each event's
-- hash is SHA-256 over the RFC 8785 canonical JSON of the event including the previous hash.
create table case_events (
  case_id uuid not null references cases (id),
  seq integer not null check (seq > 0),
  at timestamptz not null,
  actor_user_id uuid,
  actor_label text not null,
  type text not null,
  payload jsonb not null,
  prev_hash text not null check (prev_hash ~ '^[0-9a-f]{64}$'),
  hash text not null check (hash ~ '^[0-9a-f]{64}$'),
  primary key (case_id, seq)
);
create trigger case_events_no_update before update or delete on case_events
  for each row execute function reject_change();
create trigger case_events_no_truncate before truncate on case_events
  for each statement execute function reject_change();
revoke update, delete, truncate on case_events from public;

-- A case is never removed (its events reference it); its mutable columns are a cache of the chain.
create trigger cases_no_delete before delete on cases for each row execute function reject_change();
create trigger cases_no_truncate before truncate on cases for each statement execute function reject_change();

-- Which steps require audio/video recording (音像记录事项清单, R3): an agency's own rows override
-- the workflow defaults.
create table av_required_steps (
  agency_id uuid not null references agencies (id),
  procedure text not null,
  step text not null,
  required boolean not null,
  updated_at timestamptz not null default now(),
  updated_by uuid references users (id),
  primary key (agency_id, procedure, step)
);

-- Uniform enforcement documents (R2, R6). Numbers come from document_counters in the issuing
-- transaction: a rolled-back issue returns its number, so numbers have no gaps and no duplicates.
create table document_counters (
  agency_id uuid not null references agencies (id),
  doc_type text not null,
  year integer not null,
  last_serial integer not null check (last_serial >= 0),
  primary key (agency_id, doc_type, year)
);

create table documents (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  agency_id uuid not null references agencies (id),
  doc_type text not null,
  year integer,
  serial integer,
  number text,
  step text not null,
  fields jsonb not null,
  -- The party's signature (an image in the content store) or the reason the party did not sign.
  signature_sha256 text references blobs (sha256),
  refusal_reason text,
  issued_at timestamptz not null,
  issued_by uuid references users (id),
  constraint documents_number_unique unique (agency_id, doc_type, year, serial),
  check ((serial is null) = (number is null))
);
create index documents_case on documents (case_id);
create trigger documents_no_update before update or delete on documents
  for each row execute function reject_change();
create trigger documents_no_truncate before truncate on documents
  for each statement execute function reject_change();
revoke update, delete, truncate on documents from public;

-- 执法记录设备 (R14): body cameras, cameras, recorders, drives, and who has borrowed them.
create table devices (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agencies (id),
  kind text not null check (kind in ('body_camera', 'camera', 'video_camera', 'audio_recorder', 'storage_drive', 'other')),
  serial_number text not null,
  model text not null,
  retired_at timestamptz,
  is_demo boolean not null default false,
  created_at timestamptz not null default now(),
  constraint devices_serial_unique unique (agency_id, serial_number)
);

create table device_loans (
  id uuid primary key default gen_random_uuid(),
  device_id uuid not null references devices (id),
  person_id uuid not null references people (id),
  lent_at timestamptz not null,
  lent_by uuid references users (id),
  returned_at timestamptz,
  returned_to uuid references users (id),
  check (returned_at is null or returned_at >= lent_at)
);
create unique index device_loans_one_open on device_loans (device_id) where returned_at is null;

-- Evidence items (R3, R7, R10). The bytes are in the content store under their SHA-256; SM3 is
-- kept alongside (GB/T 32905). Never updated, never deleted.
create table evidence (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  agency_id uuid not null references agencies (id),
  kind text not null check (kind in ('photo', 'audio', 'video', 'scan', 'other')),
  title text not null,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  sm3 text not null check (sm3 ~ '^[0-9a-f]{64}$'),
  size bigint not null check (size >= 0),
  content_type text not null,
  storage_key text not null,
  original_name text,
  step text not null,
  captured_at timestamptz not null,
  captured_by uuid references people (id),
  device_id uuid references devices (id),
  location text,
  confidentiality text not null check (confidentiality in ('none', 'personal_privacy', 'trade_secret', 'state_secret')),
  uploaded_at timestamptz not null,
  uploaded_by uuid references users (id),
  late boolean not null,
  late_reason text,
  supplementary boolean not null default false
);
create index evidence_case on evidence (case_id);
create trigger evidence_no_update before update or delete on evidence
  for each row execute function reject_change();
create trigger evidence_no_truncate before truncate on evidence
  for each statement execute function reject_change();
revoke update, delete, truncate on evidence from public;

-- 卷宗 (R8): the compiled case file with its catalogue, and its transfer to the archive office.
create table case_files (
  case_id uuid primary key references cases (id),
  compiled_at timestamptz not null,
  compiled_by uuid references users (id),
  catalogue jsonb not null,
  transferred_at timestamptz,
  transferred_by uuid references users (id)
);

-- 查阅/复制 requests (R9) and every use of a grant.
create table access_requests (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  agency_id uuid not null references agencies (id),
  requester_kind text not null check (requester_kind in ('party', 'staff')),
  requester_name text not null,
  requester_user_id uuid references users (id),
  purpose text not null,
  mode text not null check (mode in ('read', 'copy')),
  status text not null check (status in ('pending', 'opinion_given', 'approved', 'rejected')),
  requested_at timestamptz not null,
  division_opinion text,
  division_opinion_by uuid references users (id),
  division_opinion_at timestamptz,
  decided_by uuid references users (id),
  decided_at timestamptz,
  decision_note text,
  valid_from timestamptz,
  valid_until timestamptz,
  check (valid_until is null or valid_until > valid_from)
);
create index access_requests_case on access_requests (case_id);
