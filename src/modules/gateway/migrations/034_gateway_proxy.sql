-- The proxy's own state (module gateway, issue 14).

-- A counter moved by every change to the registry tables, so that each node's in-memory copy of the
-- registry (lookup.ts) sees a change made by another process (the command line, another node) within
-- a second: it reads this one row at most once a second and reloads when the number moved.
create table gateway_registry_version (
  id boolean primary key default true check (id),
  version bigint not null
);
insert into gateway_registry_version (id, version) values (true, 1);

create function gateway_registry_changed() returns trigger language plpgsql as $$
begin
  update gateway_registry_version set version = version + 1;
  return null;
end;
$$;

create trigger gateway_members_changed after insert or update or delete on gateway_members
  for each statement execute function gateway_registry_changed();
create trigger gateway_subsystems_changed after insert or update or delete on gateway_subsystems
  for each statement execute function gateway_registry_changed();
create trigger gateway_credentials_changed after insert or update or delete on gateway_credentials
  for each statement execute function gateway_registry_changed();
create trigger gateway_services_changed after insert or update or delete on gateway_services
  for each statement execute function gateway_registry_changed();
create trigger gateway_endpoints_changed after insert or update or delete on gateway_endpoints
  for each statement execute function gateway_registry_changed();
create trigger gateway_groups_changed after insert or update or delete on gateway_groups
  for each statement execute function gateway_registry_changed();
create trigger gateway_group_members_changed after insert or update or delete on gateway_group_members
  for each statement execute function gateway_registry_changed();
create trigger gateway_access_rights_changed after insert or update or delete on gateway_access_rights
  for each statement execute function gateway_registry_changed();

-- The key that signs OAuth 2.0 access tokens (HS256), one for all nodes: made by the first node that
-- needs it (insert … on conflict do nothing), read by the others.
create table gateway_token_keys (
  id text primary key,
  secret bytea not null check (length(secret) >= 32),
  created_at timestamptz not null
);
