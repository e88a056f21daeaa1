/** The monitoring table (033_gateway_monitoring.sql): incrementing upserts and the sums the page reads. */
import type { Kysely } from 'kysely';
import type { Executor } from '../../db/index.ts';
import type { DB } from '../../db/types.ts';
import { BUCKET_COUNT, emptyStats, type MinuteStats } from './monitoring-stats.ts';

type Digit = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14;
type BucketColumn = `b${Digit}`;
type Num = number | string | bigint;

export type MonitoringTables = {
  gateway_monitoring: {
    minute: Date; client: string; service: string;
    requests: Num; errors: Num; bytes_in: Num; bytes_out: Num; duration_ms_sum: number;
  } & Record<BucketColumn, Num>;
};

const BUCKET_COLUMNS = Array.from({ length: BUCKET_COUNT }, (_, i) => `b${i}` as BucketColumn);
const SUMMED = ['requests', 'errors', 'bytes_in', 'bytes_out', 'duration_ms_sum', ...BUCKET_COLUMNS] as const;
type Summed = (typeof SUMMED)[number];

function mt(db: Executor): Kysely<DB & MonitoringTables> {
  return (db as Kysely<DB>).withTables<MonitoringTables>();
}

export interface MinuteKey {
  minute: number;
  client: string;
  service: string;
}

/** Adds the figures to what the table holds (the same minute, client and service from another node or an earlier flush add up). */
export async function addMinutes(db: Executor, entries: readonly (MinuteKey & { stats: MinuteStats })[]): Promise<void> {
  if (!entries.length) return;
  const values = entries.map(({ minute, client, service, stats: s }) => ({
    minute: new Date(minute), client, service,
    requests: s.requests, errors: s.errors, bytes_in: s.bytesIn, bytes_out: s.bytesOut, duration_ms_sum: s.durationMsSum,
    ...Object.fromEntries(BUCKET_COLUMNS.map((c, i) => [c, s.buckets[i] ?? 0])) as Record<BucketColumn, number>,
  }));
  await mt(db).insertInto('gateway_monitoring').values(values)
    .onConflict((oc) => oc.columns(['minute', 'client', 'service']).doUpdateSet((eb) => Object.fromEntries(
      SUMMED.map((c) => [c, eb(eb.ref(`gateway_monitoring.${c}`), '+', eb.ref(`excluded.${c}`))]),
    ) as Record<Summed, never>))
    .execute();
}

function statsOf(r: Record<string, unknown>): MinuteStats {
  const s = emptyStats();
  s.requests = Number(r.requests ?? 0);
  s.errors = Number(r.errors ?? 0);
  s.bytesIn = Number(r.bytes_in ?? 0);
  s.bytesOut = Number(r.bytes_out ?? 0);
  s.durationMsSum = Number(r.duration_ms_sum ?? 0);
  s.buckets = BUCKET_COLUMNS.map((c) => Number(r[c] ?? 0));
  return s;
}

function sums(db: Executor) {
  return SUMMED.map((c) => mt(db).fn.sum<Num>(c).as(c));
}

/** Per client and service, the sums over minutes in [from, to). */
export async function sumByPair(db: Executor, from: Date, to: Date): Promise<{ client: string; service: string; stats: MinuteStats }[]> {
  const rows = await mt(db).selectFrom('gateway_monitoring')
    .select(['client', 'service']).select(sums(db))
    .where('minute', '>=', from).where('minute', '<', to)
    .groupBy(['client', 'service']).orderBy('client').orderBy('service')
    .execute();
  return rows.map((r) => ({ client: r.client, service: r.service, stats: statsOf(r) }));
}

/** Per minute, the sums over clients and services in [from, to). */
export async function sumByMinute(db: Executor, from: Date, to: Date): Promise<{ minute: number; stats: MinuteStats }[]> {
  const rows = await mt(db).selectFrom('gateway_monitoring')
    .select('minute').select(sums(db))
    .where('minute', '>=', from).where('minute', '<', to)
    .groupBy('minute').orderBy('minute')
    .execute();
  return rows.map((r) => ({ minute: new Date(r.minute).getTime(), stats: statsOf(r) }));
}

/** Deletes the minutes before `before` (retention); returns how many rows went. */
export async function pruneMinutes(db: Executor, before: Date): Promise<number> {
  const r = await mt(db).deleteFrom('gateway_monitoring').where('minute', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}
