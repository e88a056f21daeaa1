-- Dossiers (hồ sơ): intake, processing history, code sequences and idempotency keys.
create table dossiers (
  id uuid primary key,
  code text not null unique,
  procedure_code text not null,
  procedure_version integer not null,
  desk_agency_id text not null references agencies (id),
  handling_agency_id text not null references agencies (id),
  commune_code text references admin_units (code),
  applicant_id uuid references users (id),
  applicant_id_number text not null,
  applicant_name text not null,
  channel smallint not null check (channel in (1, 2, 3)),
  status smallint not null check (status between 1 and 10),
  form_data jsonb not null,
  submitted_at timestamptz not null,
  received_at timestamptz,
  due_at timestamptz,
  version integer not null default 1,
  updated_at timestamptz not null,
  foreign key (procedure_code, procedure_version) references procedures (code, version)
);
create index dossiers_applicant on dossiers (applicant_id, submitted_at desc, id);
create index dossiers_handling on dossiers (handling_agency_id, status, submitted_at);
create index dossiers_desk on dossiers (desk_agency_id, status, submitted_at);

create table dossier_files (
  dossier_id uuid not null references dossiers (id),
  component_code text not null,
  file_id uuid not null references files (id),
  primary key (dossier_id, component_code, file_id)
);

-- Processing history (national QuaTrinhXuLy); a dossier's state is the reduction of these rows.
create table dossier_history (
  dossier_id uuid not null references dossiers (id),
  seq integer not null,
  occurred_at timestamptz not null,
  actor_id uuid references users (id),
  actor_name text not null,
  actor_title text,
  unit_name text,
  action text not null,
  note text,
  status smallint not null,
  step_started_at timestamptz,
  step_due_at timestamptz,
  primary key (dossier_id, seq)
);

-- Gap-free per-agency daily sequence: the row lock serialises concurrent intakes, a rollback returns the number.
create table dossier_sequences (
  agency_id text not null references agencies (id),
  day date not null,
  last integer not null,
  primary key (agency_id, day)
);

create table idempotency_keys (
  owner_id uuid not null references users (id),
  key text not null,
  request_hash text not null,
  -- claimed first in the intake transaction, before the dossier row exists
  dossier_id uuid not null references dossiers (id) deferrable initially deferred,
  created_at timestamptz not null,
  primary key (owner_id, key)
);
