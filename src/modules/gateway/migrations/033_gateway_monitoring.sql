-- Operational monitoring of the gateway (module gateway, issue 14): per minute, per client subsystem and
-- service, what every node saw. Each node keeps its figures in memory and adds them here every few seconds
-- (GATEWAY_MONITORING_FLUSH_SECONDS) with an upsert that increments, so nodes add up. Latency buckets are
-- counts (not cumulative) of exchanges whose total duration was at most the bound (monitoring-stats.ts).
create table gateway_monitoring (
  minute timestamptz not null,
  client text not null,
  service text not null,
  requests bigint not null default 0,
  errors bigint not null default 0,
  bytes_in bigint not null default 0,
  bytes_out bigint not null default 0,
  duration_ms_sum double precision not null default 0,
  b0 bigint not null default 0,  -- ≤ 1 ms
  b1 bigint not null default 0,  -- ≤ 2 ms
  b2 bigint not null default 0,  -- ≤ 5 ms
  b3 bigint not null default 0,  -- ≤ 10 ms
  b4 bigint not null default 0,  -- ≤ 20 ms
  b5 bigint not null default 0,  -- ≤ 50 ms
  b6 bigint not null default 0,  -- ≤ 100 ms
  b7 bigint not null default 0,  -- ≤ 200 ms
  b8 bigint not null default 0,  -- ≤ 500 ms
  b9 bigint not null default 0,  -- ≤ 1000 ms
  b10 bigint not null default 0,  -- ≤ 2000 ms
  b11 bigint not null default 0,  -- ≤ 5000 ms
  b12 bigint not null default 0,  -- ≤ 10000 ms
  b13 bigint not null default 0,  -- ≤ 30000 ms
  b14 bigint not null default 0,  -- slower
  primary key (minute, client, service)
);
