-- The gateway's message log (module gateway, issue 14), on X-Road's message log model: every request and
-- response (headers, body digest, the body unless the service is digest-only), hash-chained, signed in
-- batches and time-stamped in batches over RFC 3161. All tables are append-only (triggers); the chain
-- head only moves forward.

-- One signed batch: the hash tree over the previous chain hash and its records' message digests, as
-- X-Road's sig-hashchainresult.xml (result_xml), and the gateway's signature over it.
create table gateway_log_batches (
  id bigint primary key,
  first_seq bigint not null,
  last_seq bigint not null check (last_seq >= first_seq),
  -- chain hash before first_seq (a leaf of the signed tree: the signature fixes the order across batches)
  prev_hash bytea not null,
  root bytea not null,
  result_xml bytea not null,
  -- META-INF/signatures.xml as kept in the .asice containers (XAdES over result_xml)
  signature_xml bytea not null,
  signed_at timestamptz not null
);
create unique index gateway_log_batches_first on gateway_log_batches (first_seq);

-- Every message, in chain order (seq = 1, 2, …). hash = SHA-512(previous hash || digest), where digest
-- is the message's leaf in its batch's tree (over message.xml and the body's SHA-512).
create table gateway_log_records (
  seq bigint primary key,
  batch_id bigint not null references gateway_log_batches (id),
  kind text not null check (kind in ('request', 'response')),
  x_road_id text not null,
  request_id text not null,
  client text not null,
  service text not null,
  method text not null,
  path text not null,
  status integer,
  error text,
  at timestamptz not null,
  headers jsonb not null,
  body_sha512 bytea not null,
  body_size bigint not null,
  digest_only boolean not null,
  -- the body when small (inline) …
  body bytea,
  -- … or the file under GATEWAY_LOG_DIR that holds it
  body_file text,
  digest bytea not null,
  hash bytea not null
);
create index gateway_log_records_xroad on gateway_log_records (x_road_id);
create index gateway_log_records_at on gateway_log_records (at, seq);
create index gateway_log_records_client on gateway_log_records (client, at);
create index gateway_log_records_service on gateway_log_records (service, at);
create index gateway_log_records_batch on gateway_log_records (batch_id);

-- One batch time-stamp: the tree over the signatures of batches first_batch..last_batch, as X-Road's
-- ts-hashchainresult.xml, and the RFC 3161 token over it.
create table gateway_log_timestamps (
  id bigint primary key,
  first_batch bigint not null,
  last_batch bigint not null check (last_batch >= first_batch),
  result_xml bytea not null,
  token bytea not null,
  gen_time timestamptz not null,
  created_at timestamptz not null
);
create unique index gateway_log_timestamps_first on gateway_log_timestamps (first_batch);

-- The chain head (one row), locked by each batch's transaction: several nodes write one chain.
create table gateway_log_head (
  id integer primary key check (id = 1),
  seq bigint not null,
  hash bytea not null,
  batch_id bigint not null
);
insert into gateway_log_head (id, seq, hash, batch_id) values (1, 0, '\x'::bytea, 0);

-- X-Road's LAST_ARCHIVE_DIGEST: where the archives' linkinginfo chain continues, one row per archive written.
create table gateway_log_archives (
  id bigint primary key,
  file_name text not null,
  first_seq bigint not null,
  last_seq bigint not null,
  last_digest text not null,
  created_at timestamptz not null
);

create function gateway_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only', tg_table_name;
end;
$$;
create function gateway_log_head_forward() returns trigger language plpgsql as $$
begin
  if tg_op <> 'UPDATE' or new.seq < old.seq or new.batch_id < old.batch_id then
    raise exception 'gateway_log_head only moves forward';
  end if;
  return new;
end;
$$;

create trigger gateway_log_records_no_change before update or delete on gateway_log_records
  for each row execute function gateway_log_append_only();
create trigger gateway_log_records_no_truncate before truncate on gateway_log_records
  for each statement execute function gateway_log_append_only();
create trigger gateway_log_batches_no_change before update or delete on gateway_log_batches
  for each row execute function gateway_log_append_only();
create trigger gateway_log_batches_no_truncate before truncate on gateway_log_batches
  for each statement execute function gateway_log_append_only();
create trigger gateway_log_timestamps_no_change before update or delete on gateway_log_timestamps
  for each row execute function gateway_log_append_only();
create trigger gateway_log_timestamps_no_truncate before truncate on gateway_log_timestamps
  for each statement execute function gateway_log_append_only();
create trigger gateway_log_archives_no_change before update or delete on gateway_log_archives
  for each row execute function gateway_log_append_only();
create trigger gateway_log_archives_no_truncate before truncate on gateway_log_archives
  for each statement execute function gateway_log_append_only();
create trigger gateway_log_head_only_forward before update or delete on gateway_log_head
  for each row execute function gateway_log_head_forward();
create trigger gateway_log_head_no_truncate before truncate on gateway_log_head
  for each statement execute function gateway_log_append_only();
