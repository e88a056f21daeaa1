-- split from: 009_ioc.sql sha256:af6682c30433aee161e292b310a7af605e71e2dfde6faa2042bc33ded588b839
-- (the outbox consumption part; a database that applied 009_ioc.sql already has it)
-- Outbox consumption by transaction id, and the consumers' cursors.

-- Bigserial ids become visible out of order (a transaction that took id 7 may commit after the one
-- that took id 8). Each event also records its transaction id; consumers read in (txid, id) order,
-- only below the oldest transaction still running (pg_snapshot_xmin), where no event can still appear.
alter table outbox add column txid xid8 not null default pg_current_xact_id();
create index outbox_txid_id on outbox (txid, id);

-- One row per consumer: everything up to (txid, id) is applied. Advanced in the same transaction as
-- the consumer's writes, so a batch is applied exactly once. `skip`: events after the cursor already
-- included by a rebuild from the raw history (committed while an older transaction was still open).
create table outbox_cursors (
  name text primary key,
  txid xid8 not null default '0',
  id bigint not null default 0,
  skip bigint[] not null default '{}',
  updated_at timestamptz
);
