-- split from: 008_results.sql sha256:bdac13288d0883a2b5509a508e6be196b89523506de4c1dac171b19a236d698f
-- (the PKI part; a database that applied 008_results.sql already has it)
-- The province PKI: certificates with their encrypted keys, and CRLs.

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
