-- The LGSP registry (module gateway, issue 14), on X-Road's identifier model:
-- INSTANCE/CLASS/MEMBER/SUBSYSTEM for clients and providers, INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE for
-- services. Members are organisations (class GOV, COM, …; code = the agency's electronic id such as
-- 000.00.44.H56), subsystems are their information systems, services are offered by a provider subsystem.

create table gateway_members (
  id uuid primary key,
  instance text not null,
  member_class text not null,
  member_code text not null,
  name text not null,
  created_at timestamptz not null,
  unique (instance, member_class, member_code)
);

create table gateway_subsystems (
  id uuid primary key,
  member_id uuid not null references gateway_members (id),
  subsystem_code text not null,
  name text not null,
  created_at timestamptz not null,
  unique (member_id, subsystem_code)
);

-- How a calling system proves it is a subsystem: OAuth 2.0 client credentials (client_id + a secret kept
-- as an Argon2id hash) or a TLS client certificate issued by the province CA (its SHA-256 fingerprint).
create table gateway_credentials (
  id uuid primary key,
  subsystem_id uuid not null references gateway_subsystems (id),
  kind text not null check (kind in ('secret', 'certificate')),
  client_id text not null unique,
  secret_hash text,
  cert_sha256 text unique check (cert_sha256 is null or cert_sha256 ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null,
  revoked_at timestamptz,
  check ((kind = 'secret') = (secret_hash is not null)),
  check ((kind = 'certificate') = (cert_sha256 is not null))
);
create index gateway_credentials_subsystem on gateway_credentials (subsystem_id);

create table gateway_services (
  id uuid primary key,
  subsystem_id uuid not null references gateway_subsystems (id),
  service_code text not null,
  title text not null default '',
  -- The provider's backend; the rest of /r1/…/SERVICE/path is appended to it.
  base_url text not null,
  -- The service's OpenAPI 3 document as imported (null when registered without one).
  openapi jsonb,
  -- The message log keeps only the bodies' digests, not the bodies (personal data kept at the provider).
  digest_only boolean not null default false,
  timeout_ms integer check (timeout_ms is null or timeout_ms > 0),
  disabled boolean not null default false,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (subsystem_id, service_code)
);

-- A service's endpoints (method + path; `*` for any method, path patterns with `*` and `{param}`),
-- imported from its OpenAPI document or added by hand.
create table gateway_endpoints (
  id uuid primary key,
  service_id uuid not null references gateway_services (id) on delete cascade,
  method text not null check (method ~ '^(\*|GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$'),
  path text not null check (path like '/%' or path = '*'),
  created_at timestamptz not null,
  unique (service_id, method, path)
);

-- Groups of subsystems (X-Road's global/local groups), granted rights together.
create table gateway_groups (
  id uuid primary key,
  instance text not null,
  group_code text not null,
  description text not null default '',
  created_at timestamptz not null,
  unique (instance, group_code)
);

create table gateway_group_members (
  group_id uuid not null references gateway_groups (id) on delete cascade,
  subsystem_id uuid not null references gateway_subsystems (id),
  added_at timestamptz not null,
  primary key (group_id, subsystem_id)
);

-- Access rights, deny by default: a subsystem or a group may call a service, either all of it
-- (method '*', path '*') or the endpoints matching method + path pattern.
create table gateway_access_rights (
  id uuid primary key,
  service_id uuid not null references gateway_services (id) on delete cascade,
  subject_subsystem_id uuid references gateway_subsystems (id),
  subject_group_id uuid references gateway_groups (id) on delete cascade,
  method text not null default '*' check (method ~ '^(\*|GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$'),
  path text not null default '*' check (path like '/%' or path = '*'),
  created_at timestamptz not null,
  check ((subject_subsystem_id is null) <> (subject_group_id is null))
);
create unique index gateway_access_rights_one on gateway_access_rights
  (service_id, coalesce(subject_subsystem_id, subject_group_id), method, path);
create index gateway_access_rights_subsystem on gateway_access_rights (subject_subsystem_id);
