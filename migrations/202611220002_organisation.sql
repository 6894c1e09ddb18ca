-- Organisation and personnel (O1, O2, O4, L12, L15, I1): regions, agencies, divisions, people
-- and officers, training, counsel pool, positions and leading groups.
-- Every business row carries agency_id: the tenancy key and the future distribution key.

-- GB/T 2260 administrative divisions; townships use 9-digit codes.
create table regions (
  code text primary key check (code ~ '^[0-9]{6}([0-9]{3})?$'),
  name text not null,
  level text not null check (level in ('province', 'prefecture', 'county', 'township')),
  parent_code text references regions (code),
  -- Slash-separated codes from the province down, ending in '/': a subtree is a prefix match.
  path text not null unique,
  created_at timestamptz not null default now()
);
create index regions_parent on regions (parent_code);
create index regions_path_prefix on regions (path text_pattern_ops);

create table agencies (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('enforcement', 'justice_bureau')),
  name text not null,
  short_name text,
  credit_code text not null unique,
  region_code text not null references regions (code),
  level text not null check (level in ('province', 'prefecture', 'county', 'township')),
  head_name text,
  address text,
  phone text,
  supervision_phone text,
  categories text[] not null default '{}',
  area text,
  doc_abbreviation text,
  -- O1/P13: the justice bureau's confirmation of the agency's status as an enforcement body.
  confirmed_at timestamptz,
  confirmed_by uuid references users (id),
  confirmation_note text,
  is_demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index agencies_region on agencies (region_code);

create table divisions (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agencies (id),
  name text not null,
  duties text,
  area text,
  is_legal_affairs boolean not null default false,
  sort_order integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (agency_id, name)
);
-- At most one legal-affairs division (法制审核机构) per agency.
create unique index divisions_one_legal_affairs on divisions (agency_id) where is_legal_affairs;

create table people (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agencies (id),
  division_id uuid references divisions (id),
  name text not null,
  sex text check (sex in ('male', 'female')),
  id_number text not null,
  photo_sha256 text references blobs (sha256),
  position_title text,
  phone text,
  is_legal_reviewer boolean not null default false,
  -- Enforcement certificate (执法证); null for staff without one.
  certificate_number text unique,
  certificate_issued_on date,
  certificate_expires_on date,
  certificate_status text check (certificate_status in ('active', 'suspended', 'revoked')),
  categories text[] not null default '{}',
  area text,
  qualification text check (qualification in ('exam', 'legal_professional_qualification')),
  qualification_note text,
  is_demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (agency_id, id_number),
  check (certificate_number is null or (certificate_issued_on is not null and certificate_expires_on is not null
         and certificate_status is not null and certificate_expires_on > certificate_issued_on))
);
create index people_agency on people (agency_id);
create index people_division on people (division_id);

create table trainings (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agencies (id),
  person_id uuid not null references people (id),
  kind text not null check (kind in ('pre_job', 'on_job')),
  title text not null,
  provider text,
  hours numeric(6, 1) not null check (hours > 0),
  completed_on date not null,
  created_at timestamptz not null default now()
);
create index trainings_person on trainings (person_id);

-- L15: legal counsel and public-sector lawyers an agency can call on for hard cases.
create table counsel (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agencies (id),
  name text not null,
  kind text not null check (kind in ('legal_adviser', 'public_sector_lawyer', 'outside_lawyer')),
  organisation text,
  phone text,
  specialties text,
  is_demo boolean not null default false,
  created_at timestamptz not null default now()
);
create index counsel_agency on counsel (agency_id);

-- O4: leading groups are defined by position; holders are resolved at the date asked.
create table positions (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agencies (id),
  title text not null,
  division_id uuid references divisions (id),
  sort_order integer not null default 0,
  created_at timestamptz not null default now(),
  unique (agency_id, title)
);

create table position_holders (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agencies (id),
  position_id uuid not null references positions (id),
  person_id uuid not null references people (id),
  from_date date not null,
  to_date date,
  created_at timestamptz not null default now(),
  check (to_date is null or to_date >= from_date)
);
create index position_holders_position on position_holders (position_id, from_date);

create table leading_groups (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agencies (id),
  name text not null,
  purpose text,
  office_division_id uuid references divisions (id),
  established_on date,
  created_at timestamptz not null default now(),
  unique (agency_id, name)
);

create table leading_group_members (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agencies (id),
  group_id uuid not null references leading_groups (id),
  role text not null check (role in ('leader', 'deputy_leader', 'member')),
  position_id uuid not null references positions (id),
  sort_order integer not null default 0,
  unique (group_id, position_id)
);

alter table users add constraint users_agency_fk foreign key (agency_id) references agencies (id);
alter table users add constraint users_scope_region_fk foreign key (scope_region_code) references regions (code);
alter table users add constraint users_person_fk foreign key (person_id) references people (id);
