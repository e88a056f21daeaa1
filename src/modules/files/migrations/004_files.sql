-- Uploaded files: metadata here, bytes in the content-addressed blob store (by sha256).
create table files (
  id uuid primary key,
  owner_id uuid not null references users (id),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  size bigint not null check (size > 0),
  media_type text not null check (media_type in ('application/pdf', 'image/jpeg', 'image/png')),
  name text,
  created_at timestamptz not null
);
create index files_owner on files (owner_id, created_at);
create index files_sha256 on files (sha256);
