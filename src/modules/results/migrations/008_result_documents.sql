-- split from: 008_results.sql sha256:bdac13288d0883a2b5509a508e6be196b89523506de4c1dac171b19a236d698f
-- (the result documents part; a database that applied 008_results.sql already has it)
-- Signed documents: the signed PDFs (bytes in the content-addressed blob store by sha256), the applicant's
-- personal document store and the reuse of stored documents in later dossiers.

create table signed_documents (
  id uuid primary key,
  dossier_id uuid not null references dossiers (id),
  kind text not null check (kind in ('form_01', 'form_02', 'form_03', 'form_04', 'form_05', 'stop_notice', 'result')),
  template text,
  title text not null,
  -- signed: by the officer, waiting for the seal; issued: final; superseded: replaced by a later one.
  status text not null check (status in ('signed', 'issued', 'superseded')),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  size integer not null check (size > 0),
  signers jsonb not null,
  agency_id text not null references agencies (id),
  history_seq integer not null,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index signed_documents_dossier on signed_documents (dossier_id, created_at);

-- Every signed state of a document (the officer's, then with the seal), so any copy is recognised.
create table signed_document_revisions (
  document_id uuid not null references signed_documents (id),
  revision integer not null,
  sha256 text not null,
  size integer not null,
  created_at timestamptz not null,
  primary key (document_id, revision)
);
create index signed_document_revisions_sha on signed_document_revisions (sha256);

-- The applicant's personal electronic document store; file_id is their copy, attachable to a dossier.
create table personal_documents (
  user_id uuid not null references users (id),
  document_id uuid not null references signed_documents (id),
  file_id uuid not null references files (id),
  title text not null,
  added_at timestamptz not null,
  primary key (user_id, document_id)
);
create unique index personal_documents_file on personal_documents (file_id);

-- A stored document used as a dossier component instead of a new upload (Decision 766 digitisation).
create table document_reuses (
  dossier_id uuid not null references dossiers (id),
  component_code text not null,
  document_id uuid not null references signed_documents (id),
  user_id uuid not null references users (id),
  reused_at timestamptz not null,
  primary key (dossier_id, component_code, document_id)
);
create index document_reuses_at on document_reuses (reused_at);
