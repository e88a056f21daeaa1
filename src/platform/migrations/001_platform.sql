-- Platform: the hash-chained audit log and the transactional outbox.

-- Each chain's head: the last sequence number and hash. Entries are spread over 8 chains by subject
-- so that concurrent transactions do not all queue on one row; each chain is verified on its own.
create table audit_heads (
  chain smallint primary key,
  seq bigint not null,
  hash bytea not null
);
insert into audit_heads (chain, seq, hash)
select g, 0, decode(repeat('00', 32), 'hex') from generate_series(0, 7) as g;

create table audit_log (
  id bigserial primary key,
  chain smallint not null,
  seq bigint not null,
  occurred_at timestamptz not null,
  actor_kind text not null,
  actor_id text,
  action text not null,
  subject_type text not null,
  subject_id text not null,
  request_id text,
  data jsonb not null default '{}'::jsonb,
  -- sha256(previous hash || sha256(canonical entry)); see src/platform/audit.ts
  hash bytea not null,
  unique (chain, seq)
);
create index audit_log_subject on audit_log (subject_type, subject_id);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_append_only();

-- Events written in the same transaction as the state change; consumers read them in id order.
create table outbox (
  id bigserial primary key,
  topic text not null,
  aggregate_type text not null,
  aggregate_id text not null,
  payload jsonb not null,
  occurred_at timestamptz not null,
  published_at timestamptz
);
create index outbox_unpublished on outbox (id) where published_at is null;
