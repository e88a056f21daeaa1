-- split from: 006_lifecycle.sql sha256:826ffbc3bbd573ff1aa492a8267815d7baaafa17b12c9b4fb3e503a6652ca58b
-- (the dossier lifecycle part; a database that applied 006_lifecycle.sql already has it)
-- Dossier lifecycle: processes as data, the state columns derived from the history, notifications.

-- A procedure's process, versioned; without a row the platform's template for the procedure applies.
create table procedure_processes (
  procedure_code text not null,
  version integer not null check (version >= 1),
  definition jsonb not null,
  created_by uuid references users (id),
  created_at timestamptz not null,
  primary key (procedure_code, version)
);

-- Each history row carries what is needed to replay it (lifecycle-state.ts).
alter table dossier_history
  add column step_id text,
  add column step_index integer,
  add column assignee_agency_id text,
  add column due_at timestamptz,
  add column data jsonb;

-- The dossier keeps the process it started with; the columns below are the reduction of its history,
-- stored for the work queues (replaying the history always gives the same values).
alter table dossiers
  add column process jsonb,
  add column process_version integer not null default 0,
  add column assignee_agency_id text references agencies (id),
  add column assignee_role text,
  add column step_due_at timestamptz,
  add column paused_at timestamptz,
  add column rescheduled boolean not null default false,
  add column result_at timestamptz,
  add column rating text;
update dossiers set assignee_agency_id = desk_agency_id, assignee_role = 'counter_officer' where assignee_agency_id is null;

-- Work queues: open dossiers per agency and role, by due date (keyset on due_at, id).
create index dossiers_workqueue on dossiers (assignee_agency_id, assignee_role, due_at, id)
  where status in (1, 2, 4, 5, 6, 7, 9);
create index dossiers_step_due on dossiers (step_due_at) where status in (4, 6);

-- A late step is flagged to the agency's leaders once per step visit.
create table step_escalations (
  dossier_id uuid not null references dossiers (id),
  step_started_at timestamptz not null,
  step_id text not null,
  agency_id text not null references agencies (id),
  escalated_at timestamptz not null,
  primary key (dossier_id, step_started_at)
);
