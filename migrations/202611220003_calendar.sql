-- Working-day calendar: official holidays and make-up working days, per the State Council's
-- annual notice. Seeded from the chinese-days package; administrators add later years.
create table calendar_years (
  year integer primary key check (year between 2000 and 2100),
  source text not null check (source in ('chinese-days', 'manual')),
  notice text,
  loaded_at timestamptz not null default now(),
  loaded_by uuid references users (id)
);

create table calendar_days (
  day date primary key,
  kind text not null check (kind in ('holiday', 'workday')),
  name text not null,
  year integer not null references calendar_years (year),
  created_at timestamptz not null default now(),
  check (extract(year from day)::integer = year)
);
