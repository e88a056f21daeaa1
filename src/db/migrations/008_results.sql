-- Signed documents: the province PKI (certificates with their encrypted keys, CRLs), the signed PDFs
-- (bytes in the content-addressed blob store by sha256), the applicant's personal document store and
-- the reuse of stored documents in later dossiers.

create table pki_certificates (
  id uuid primary key,
  -- root_ca: a trust anchor (the province's own, or the root of an imported certificate's chain);
  -- issuing_ca: an intermediate; seal: an agency's organisation seal; signing: an officer's signature.
  purpose text not null check (purpose in ('root_ca', 'issuing_ca', 'seal', 'signing')),
  source text not null check (source in ('province', 'imported')),
  user_id uuid references users (id),
  agency_id text references agencies (id),
  issuer_id uuid references pki_certificates (id),
  subject text not null,
  serial text not null check (serial ~ '^[0-9a-f]+$'),
  fingerprint text not null unique,
  cert_pem text not null,
  -- PKCS#8, AES-256-CBC with a key derived from PKI_PASSPHRASE; null when the key is held elsewhere.
  key_pem text check (key_pem is null or key_pem like '-----BEGIN ENCRYPTED PRIVATE KEY-----%'),
  not_before timestamptz not null,
  not_after timestamptz not null,
  status text not null default 'active' check (status in ('active', 'revoked', 'superseded')),
  revoked_at timestamptz,
  revocation_reason text,
  created_at timestamptz not null,
  check (purpose <> 'signing' or user_id is not null),
  check (purpose <> 'seal' or agency_id is not null)
);
create unique index pki_one_signing on pki_certificates (user_id) where purpose = 'signing' and status = 'active';
create unique index pki_one_seal on pki_certificates (agency_id) where purpose = 'seal' and status = 'active';
create unique index pki_one_own_ca on pki_certificates (purpose) where source = 'province' and purpose in ('root_ca', 'issuing_ca') and status = 'active';
create index pki_issuer on pki_certificates (issuer_id, status);

create table pki_crls (
  issuer_id uuid not null references pki_certificates (id),
  number integer not null check (number >= 1),
  this_update timestamptz not null,
  next_update timestamptz not null,
  der bytea not null,
  primary key (issuer_id, number)
);

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
