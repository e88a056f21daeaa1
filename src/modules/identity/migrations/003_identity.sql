-- Identity: citizens and officers, their sessions.
create table users (
  id uuid primary key,
  kind text not null check (kind in ('citizen', 'officer')),
  username text not null unique,
  full_name text not null,
  id_number text unique,
  phone text,
  password_hash text not null,
  agency_id text references agencies (id),
  roles text[] not null default '{}',
  failed_logins integer not null default 0,
  locked_until timestamptz,
  disabled boolean not null default false,
  created_at timestamptz not null default now(),
  check (kind = 'officer' or id_number is not null),
  check (kind = 'citizen' or agency_id is not null)
);
create index users_agency on users (agency_id) where kind = 'officer';

-- Only a SHA-256 of the token is kept: a database reader cannot reuse a session.
create table sessions (
  token_hash bytea primary key,
  user_id uuid not null references users (id) on delete cascade,
  created_at timestamptz not null,
  expires_at timestamptz not null
);
create index sessions_user on sessions (user_id);
