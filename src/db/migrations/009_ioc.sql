-- IOC: outbox consumption by transaction id, consumer cursors, the rollups of the operations centre.

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

-- Monthly rollups of the dossier events. scope '' = the whole province, else the handling agency
-- (what its leader may see); level + key: the province (''), an agency, a procedure or a commune.
-- Every column is a count or sum of event contributions, so months add up to quarters and years.
create table ioc_rollups (
  scope text not null,
  level text not null check (level in ('province', 'agency', 'procedure', 'commune')),
  key text not null,
  month date not null,
  received integer not null default 0,
  received_online integer not null default 0,
  received_postal integer not null default 0,
  opened integer not null default 0,
  closed integer not null default 0,
  settled integer not null default 0,
  refused integer not null default 0,
  early integer not null default 0,
  on_time integer not null default 0,
  late integer not null default 0,
  withdrawn integer not null default 0,
  returned integer not null default 0,
  returned_known integer not null default 0,
  returned_electronic integer not null default 0,
  rated_very_satisfied integer not null default 0,
  rated_satisfied integer not null default 0,
  rated_not_satisfied integer not null default 0,
  supplements integer not null default 0,
  rescheduled integer not null default 0,
  processing_minutes bigint not null default 0,
  processing_count integer not null default 0,
  primary key (scope, level, month, key)
);

-- Rows are updated in place all the time: room on each page keeps the updates HOT (no index churn).
alter table ioc_rollups set (fillfactor = 70);

-- Online services used (index indicator B: procedures with at least one dossier submitted online in
-- the period) is not a sum of months, so it is kept as a set: per scope, procedure and year, bit m-1
-- of `months` is set when month m received an online dossier of that procedure.
create table ioc_online_months (
  scope text not null,
  procedure_code text not null,
  year integer not null,
  months integer not null default 0,
  primary key (year, scope, procedure_code)
);

-- Overdue open dossiers are derived when asked (overdue is never a status): the open ones by due date.
create index dossiers_open_due on dossiers (due_at)
  include (handling_agency_id, procedure_code, commune_code, paused_at)
  where status in (2, 4, 5, 6, 7) and result_at is null;

-- The drill-down to the late dossiers themselves: those whose result came after their due date, by when.
create index dossiers_settled_late on dossiers (result_at)
  include (handling_agency_id, procedure_code, commune_code)
  where result_at > due_at;
