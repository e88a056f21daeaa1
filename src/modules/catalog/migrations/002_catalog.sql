-- Catalogue: administrative units, agencies, fields and versioned procedures.
create table admin_units (
  code text primary key,
  name text not null,
  type text not null,
  parent_code text references admin_units (code)
);

create table agencies (
  id text primary key check (length(id) <= 35),
  name text not null,
  name_en text not null,
  kind text not null,
  unit_code text references admin_units (code),
  parent_id text references agencies (id)
);
create index agencies_kind_unit on agencies (kind, unit_code);

create table procedure_fields (
  code text primary key,
  name text not null
);

-- One row per published version of a procedure; exactly one current version per code.
create table procedures (
  code text not null,
  version integer not null,
  is_current boolean not null,
  name text not null,
  field_code text not null references procedure_fields (code),
  level text not null check (level in ('province', 'commune')),
  agency_kind text not null,
  online_level text check (online_level in ('full', 'partial')),
  -- lower-case, diacritics removed: what the catalogue search matches against
  search_text text not null,
  content_hash text not null,
  data jsonb not null,
  created_at timestamptz not null default now(),
  primary key (code, version)
);
create unique index procedures_one_current on procedures (code) where is_current;
create index procedures_current_field on procedures (field_code, name) where is_current;
