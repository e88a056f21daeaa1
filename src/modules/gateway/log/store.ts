/** The message log's tables (031_gateway_message_log.sql) and their queries. */
import type { Kysely } from 'kysely';
import type { Executor } from '../../../db/index.ts';
import type { DB } from '../../../db/types.ts';
import type { LoggedMessage } from './message.ts';

export type LogTables = {
  gateway_log_records: {
    seq: string | number; batch_id: string | number; kind: 'request' | 'response'; x_road_id: string; request_id: string;
    client: string; service: string; method: string; path: string; status: number | null; error: string | null; at: Date;
    headers: Record<string, string>; body_sha512: Uint8Array; body_size: string | number; digest_only: boolean;
    body: Uint8Array | null; body_file: string | null; digest: Uint8Array; hash: Uint8Array;
  };
  gateway_log_batches: {
    id: string | number; first_seq: string | number; last_seq: string | number; prev_hash: Uint8Array; root: Uint8Array;
    result_xml: Uint8Array; signature_xml: Uint8Array; signed_at: Date;
  };
  gateway_log_timestamps: {
    id: string | number; first_batch: string | number; last_batch: string | number; result_xml: Uint8Array; token: Uint8Array;
    gen_time: Date; created_at: Date;
  };
  gateway_log_head: { id: number; seq: string | number; hash: Uint8Array; batch_id: string | number };
  gateway_log_archives: {
    id: string | number; file_name: string; first_seq: string | number; last_seq: string | number; last_digest: string; created_at: Date;
  };
};

export type RecordRow = LogTables['gateway_log_records'];
export type BatchRow = LogTables['gateway_log_batches'];
export type TimestampRow = LogTables['gateway_log_timestamps'];

export function lt(db: Executor): Kysely<DB & LogTables> {
  return (db as Kysely<DB>).withTables<LogTables>();
}

/** The chain head as it is now, unlocked (a prediction for the next batch; the locked read decides). */
export async function readHead(db: Executor): Promise<{ seq: number; hash: Buffer; batchId: number }> {
  const h = await lt(db).selectFrom('gateway_log_head').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  return { seq: Number(h.seq), hash: Buffer.from(h.hash), batchId: Number(h.batch_id) };
}

/** The chain head, locked until the transaction ends (one batch at a time across nodes). */
export async function lockHead(tx: Executor): Promise<{ seq: number; hash: Buffer; batchId: number }> {
  const h = await lt(tx).selectFrom('gateway_log_head').selectAll().where('id', '=', 1).forUpdate().executeTakeFirstOrThrow();
  return { seq: Number(h.seq), hash: Buffer.from(h.hash), batchId: Number(h.batch_id) };
}

export async function moveHead(tx: Executor, seq: number, hash: Buffer, batchId: number): Promise<void> {
  await lt(tx).updateTable('gateway_log_head').set({ seq, hash, batch_id: batchId }).where('id', '=', 1).execute();
}

export async function insertBatch(tx: Executor, batch: BatchRow, records: RecordRow[]): Promise<void> {
  await lt(tx).insertInto('gateway_log_batches').values(batch).execute();
  for (let i = 0; i < records.length; i += 500) {
    await lt(tx).insertInto('gateway_log_records').values(records.slice(i, i + 500).map((r) => ({ ...r, headers: JSON.stringify(r.headers) as never }))).execute();
  }
}

/** The last time-stamp row, and what waits after it: batches (ids, in order) and the oldest waiting record. */
export async function lastTimestamp(db: Executor): Promise<TimestampRow | null> {
  return (await lt(db).selectFrom('gateway_log_timestamps').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst()) ?? null;
}

export async function waiting(db: Executor, afterBatch: number): Promise<{ records: number; oldest: Date | null }> {
  const r = await lt(db).selectFrom('gateway_log_records')
    .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.min('at').as('oldest')])
    .where('batch_id', '>', afterBatch).executeTakeFirstOrThrow();
  return { records: Number(r.n), oldest: r.oldest ? new Date(r.oldest as Date) : null };
}

export function batchesAfter(db: Executor, afterBatch: number, limit: number): Promise<BatchRow[]> {
  return lt(db).selectFrom('gateway_log_batches').selectAll().where('id', '>', afterBatch).orderBy('id').limit(limit).execute();
}

export async function insertTimestamp(db: Executor, row: TimestampRow): Promise<void> {
  await lt(db).insertInto('gateway_log_timestamps').values(row).execute();
}


/** A record row as the message it logs (what message.xml and the digest are recomputed from). */
export function loggedOfRow(r: RecordRow): LoggedMessage {
  return {
    kind: r.kind, xRoadId: r.x_road_id, requestId: r.request_id, client: r.client, service: r.service, method: r.method,
    path: r.path, status: r.status, error: r.error, at: new Date(r.at), headers: r.headers,
    bodySha512: Buffer.from(r.body_sha512), bodySize: Number(r.body_size),
  };
}

/** Records in chain order after `afterSeq`, one page. */
export function recordsAfter(db: Executor, afterSeq: number, limit: number): Promise<RecordRow[]> {
  return lt(db).selectFrom('gateway_log_records').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
}

export function batchesIn(db: Executor, ids: readonly number[]): Promise<BatchRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return lt(db).selectFrom('gateway_log_batches').selectAll().where('id', 'in', ids).orderBy('id').execute();
}

export function allTimestamps(db: Executor): Promise<TimestampRow[]> {
  return lt(db).selectFrom('gateway_log_timestamps').selectAll().orderBy('id').execute();
}

export function batchRange(db: Executor, first: number, last: number): Promise<BatchRow[]> {
  return lt(db).selectFrom('gateway_log_batches').selectAll().where('id', '>=', first).where('id', '<=', last).orderBy('id').execute();
}

export async function head(db: Executor): Promise<{ seq: number; hash: Buffer; batchId: number }> {
  const h = await lt(db).selectFrom('gateway_log_head').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  return { seq: Number(h.seq), hash: Buffer.from(h.hash), batchId: Number(h.batch_id) };
}

export function recordsOfBatch(db: Executor, batchId: number): Promise<RecordRow[]> {
  return lt(db).selectFrom('gateway_log_records').selectAll().where('batch_id', '=', batchId).orderBy('seq').execute();
}

export function recordsBetween(db: Executor, afterSeq: number, upToSeq: number, limit: number): Promise<RecordRow[]> {
  return lt(db).selectFrom('gateway_log_records').selectAll().where('seq', '>', afterSeq).where('seq', '<=', upToSeq).orderBy('seq').limit(limit).execute();
}

export async function batchById(db: Executor, id: number): Promise<BatchRow | null> {
  return (await lt(db).selectFrom('gateway_log_batches').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

/** The timestamp covering a batch. */
export async function timestampOf(db: Executor, batchId: number): Promise<TimestampRow | null> {
  return (await lt(db).selectFrom('gateway_log_timestamps').selectAll().where('first_batch', '<=', batchId).where('last_batch', '>=', batchId).executeTakeFirst()) ?? null;
}

export type ArchiveRow = LogTables['gateway_log_archives'];

export async function lastArchive(db: Executor): Promise<ArchiveRow | null> {
  return (await lt(db).selectFrom('gateway_log_archives').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst()) ?? null;
}

export async function insertArchive(db: Executor, row: ArchiveRow): Promise<void> {
  await lt(db).insertInto('gateway_log_archives').values(row).execute();
}

export interface LogSearch { xRoadId?: string; client?: string; service?: string; from?: Date; to?: Date; beforeSeq?: number; limit: number }

/** Records newest first, by X-Road-Id, client, service and time; keyset pagination on seq. */
export function searchRecords(db: Executor, q: LogSearch) {
  let s = lt(db).selectFrom('gateway_log_records').select([
    'seq', 'batch_id', 'kind', 'x_road_id', 'request_id', 'client', 'service', 'method', 'path', 'status', 'error', 'at',
    'body_size', 'body_sha512', 'digest_only',
  ]);
  if (q.xRoadId) s = s.where('x_road_id', '=', q.xRoadId);
  if (q.client) s = s.where('client', '=', q.client);
  if (q.service) s = s.where('service', '=', q.service);
  if (q.from) s = s.where('at', '>=', q.from);
  if (q.to) s = s.where('at', '<', q.to);
  if (q.beforeSeq !== undefined) s = s.where('seq', '<', q.beforeSeq);
  return s.orderBy('seq', 'desc').limit(q.limit).execute();
}

export async function recordBySeq(db: Executor, seq: number): Promise<RecordRow | null> {
  return (await lt(db).selectFrom('gateway_log_records').selectAll().where('seq', '=', seq).executeTakeFirst()) ?? null;
}
