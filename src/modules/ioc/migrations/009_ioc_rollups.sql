-- split from: 009_ioc.sql sha256:af6682c30433aee161e292b310a7af605e71e2dfde6faa2042bc33ded588b839
-- (the IOC rollups part; a database that applied 009_ioc.sql already has it)
-- IOC: the rollups of the operations centre.

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
