-- Issue 10: the law library (法律法规库) — law → version → article, each article with its
-- paragraphs (款) and items (项) as the parser reads them (src/lists/laws/parse.ts). The texts the
-- product ships are loaded at first start (src/lists/laws/import-laws.ts).

create table laws (
  id uuid primary key default gen_random_uuid(),
  title text not null unique,
  -- Derived from the title at import: 法律, 行政法规, 地方性法规 (import-laws.ts lawKindOf).
  kind text not null check (kind in ('law', 'administrative_regulation', 'local_regulation', 'other')),
  created_at timestamptz not null default now()
);

-- A version is a text as amended on its version date. Append-only: a changed text is a new
-- version, never an edit; whether a version is in force, amended or repealed is derived from the
-- versions after it when read (queries.ts), so no row needs to change when a law is amended.
create table law_versions (
  id uuid primary key default gen_random_uuid(),
  law_id uuid not null references laws (id),
  -- The date of the adoption or amendment the text is as of (from the shipped file's name).
  version_date date not null,
  -- The commencement date the text itself states ("自YYYY年M月D日起施行"), when it is not before the
  -- version date; null when not known (an amendment's commencement is in its amending decision,
  -- not in the consolidated text).
  in_force_from date,
  history text[] not null,
  -- The parts, chapters and sections with their article ranges (the table of contents).
  divisions jsonb not null,
  article_count integer not null check (article_count > 0),
  source_sha256 text not null check (source_sha256 ~ '^[0-9a-f]{64}$'),
  source_name text not null,
  imported_at timestamptz not null default now(),
  imported_by uuid references users (id),
  unique (law_id, version_date)
);

create table law_articles (
  version_id uuid not null references law_versions (id),
  number integer not null check (number > 0),
  -- 第五十一条
  label text not null,
  -- The headings the article sits under, outermost first.
  divisions text[] not null,
  -- [{ number, text, items: [{ number, text }] }]
  paragraphs jsonb not null,
  full_text text not null,
  -- The article's words as @node-rs/jieba segments them (search mode), space-separated: the
  -- 'simple' configuration then indexes each word (PostgreSQL has no Chinese parser built in).
  search_words text not null,
  search tsvector generated always as (to_tsvector('simple', search_words)) stored,
  primary key (version_id, number)
);
create index law_articles_search on law_articles using gin (search);

create trigger law_versions_no_update before update or delete on law_versions
  for each row execute function reject_change();
create trigger law_versions_no_truncate before truncate on law_versions
  for each statement execute function reject_change();
revoke update, delete, truncate on law_versions from public;
create trigger law_articles_no_update before update or delete on law_articles
  for each row execute function reject_change();
create trigger law_articles_no_truncate before truncate on law_articles
  for each statement execute function reject_change();
revoke update, delete, truncate on law_articles from public;
