/**
 * Outbox consumers that lose no event and apply each exactly once.
 *
 * Bigserial ids are taken when a row is inserted but become visible when its transaction commits, so
 * id order is not commit order: a reader that remembers "the last id seen" skips an event whose
 * transaction took a smaller id and committed later. Each event therefore records its transaction id
 * (`txid`, migration 009). A consumer reads in (txid, id) order and only events whose transaction is
 * older than the oldest transaction still running (`pg_snapshot_xmin`): below that horizon every
 * transaction has ended, so nothing can still appear there. A long-open transaction delays consumers
 * (it holds the horizon back); it never makes them skip.
 *
 * The cursor of each consumer (`outbox_cursors`) is locked and advanced in the same transaction as
 * the consumer's writes: a batch is applied exactly once, and a second node running the same consumer
 * skips the locked cursor instead of applying the batch twice.
 */
import { sql } from 'kysely';
import type { Static, TSchema } from 'typebox';
import { inTx, type Db, type Executor, type Tx } from '../db/index.ts';
import type { Topic } from './outbox.ts';

export interface OutboxEvent {
  id: number;
  /** Transaction id (xid8) as text. */
  txid: string;
  topic: string;
  aggregateType: string;
  aggregateId: string;
  /** As stored: narrow it with `isTopic` before reading it. */
  payload: unknown;
  occurredAt: Date;
}

/** An event of a known topic, its payload checked against the topic's schema. */
export type EventOf<S extends TSchema> = OutboxEvent & { payload: Static<S> };

/** True when the event is of that topic and its payload fits the topic's schema (then it is typed by it). */
export function isTopic<S extends TSchema>(e: OutboxEvent, topic: Topic<S>): e is EventOf<S> {
  return e.topic === topic.name && e.aggregateType === topic.aggregateType && topic.check(e.payload);
}

export type EventHandler = (tx: Tx, events: OutboxEvent[]) => Promise<void>;

export interface Cursor {
  txid: string;
  id: number;
  skip: number[];
}

/** The cursor row of a consumer, created at zero when missing; locked when `lock` (null: another node holds it). */
export async function cursorOf(tx: Tx, name: string, lock: 'wait' | 'skip' | false = false): Promise<Cursor | null> {
  await sql`insert into outbox_cursors (name) values (${name}) on conflict (name) do nothing`.execute(tx);
  const suffix = lock === 'wait' ? sql` for update` : lock === 'skip' ? sql` for update skip locked` : sql``;
  const { rows } = await sql<{ txid: string; id: number; skip: (number | string)[] }>`
    select txid::text as txid, id, skip from outbox_cursors where name = ${name}${suffix}`.execute(tx);
  const r = rows[0];
  return r ? { txid: r.txid, id: Number(r.id), skip: r.skip.map(Number) } : null;
}

export async function setCursor(tx: Tx, name: string, c: Cursor): Promise<void> {
  await sql`update outbox_cursors set txid = ${c.txid}::xid8, id = ${c.id}, skip = ${c.skip}::bigint[], updated_at = now()
    where name = ${name}`.execute(tx);
}

/** Where a consumer's cursor stands, as one comparable string ('' before it exists): it changes when events are applied. */
export async function cursorMark(db: Executor, name: string): Promise<string> {
  const { rows } = await sql<{ v: string }>`select txid::text || ':' || id as v from outbox_cursors where name = ${name}`.execute(db);
  return rows[0]?.v ?? '';
}

/** When a consumer last moved its cursor (null: never). */
export async function cursorUpdatedAt(db: Executor, name: string): Promise<Date | null> {
  const { rows } = await sql<{ updated_at: Date | null }>`select updated_at from outbox_cursors where name = ${name}`.execute(db);
  return rows[0]?.updated_at ? new Date(rows[0].updated_at) : null;
}

/** Ids of the events of that aggregate type written by transactions from `txid` on (a rebuild's snapshot already saw them). */
export async function eventIdsFrom(tx: Tx, txid: string, aggregateType: string): Promise<number[]> {
  const { rows } = await sql<{ id: number | string }>`
    select id from outbox where txid >= ${txid}::xid8 and aggregate_type = ${aggregateType} order by id`.execute(tx);
  return rows.map((r) => Number(r.id));
}

/** Creates the consumer's cursor if missing and locks it until the transaction ends. */
export async function lockCursor(tx: Tx, name: string): Promise<void> {
  await cursorOf(tx, name, 'wait');
}

/**
 * Applies the next batch of events (at most `batch`) to `handler` in one transaction with the cursor.
 * Returns how many events were read past (0: nothing new, or another node holds the cursor).
 */
export async function consumeOnce(db: Db, name: string, handler: EventHandler, batch = 500): Promise<number> {
  return inTx(db, async (tx) => {
    const cursor = await cursorOf(tx, name, 'skip');
    if (!cursor) return 0;
    const { rows } = await sql<{ id: number | string; txid: string; topic: string; aggregate_type: string; aggregate_id: string; payload: unknown; occurred_at: Date }>`
      -- ORDER BY names the table's columns: a bare \`txid\` would be the text output column, and '1000' < '999'.
      select id, txid::text as txid, topic, aggregate_type, aggregate_id, payload, occurred_at from outbox
      where (txid, id) > (${cursor.txid}::xid8, ${cursor.id}) and txid < pg_snapshot_xmin(pg_current_snapshot())
      order by outbox.txid, outbox.id limit ${batch}`.execute(tx);
    if (!rows.length) return 0;
    const skip = new Set(cursor.skip);
    const events: OutboxEvent[] = rows.filter((r) => !skip.has(Number(r.id))).map((r) => ({
      id: Number(r.id), txid: r.txid, topic: r.topic, aggregateType: r.aggregate_type, aggregateId: r.aggregate_id,
      payload: r.payload, occurredAt: new Date(r.occurred_at),
    }));
    if (events.length) await handler(tx, events);
    const last = rows[rows.length - 1]!;
    const seen = new Set(rows.map((r) => Number(r.id)));
    await setCursor(tx, name, { txid: last.txid, id: Number(last.id), skip: cursor.skip.filter((id) => !seen.has(id)) });
    return rows.length;
  });
}

/** Applies batches until the consumer has caught up; returns the number of events read past. */
export async function drain(db: Db, name: string, handler: EventHandler, batch = 500): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await consumeOnce(db, name, handler, batch);
    total += n;
    if (n < batch) return total;
  }
}

/**
 * Applies batches until every event committed before the call has been applied — waiting, if need be,
 * for older transactions anywhere in the cluster to end (they hold the horizon back). For jobs, tests
 * and benchmarks; throws after `timeoutMs`.
 */
export async function catchUp(db: Db, name: string, handler: EventHandler, opts: { batch?: number; timeoutMs?: number } = {}): Promise<number> {
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  const { rows } = await sql<{ txid: string; id: number | string }>`
    select txid::text as txid, id from outbox
    where (txid, id) > coalesce((select (c.txid, c.id) from outbox_cursors c where c.name = ${name}), ('0'::xid8, 0::bigint))
    order by outbox.txid desc, outbox.id desc limit 1`.execute(db);
  const target = rows[0];
  let total = 0;
  for (;;) {
    total += await drain(db, name, handler, opts.batch);
    if (!target) return total;
    const done = await sql<{ done: boolean }>`
      select (txid, id) >= (${target.txid}::xid8, ${Number(target.id)}::bigint) as done from outbox_cursors where name = ${name}`.execute(db);
    if (done.rows[0]?.done) return total;
    if (Date.now() > deadline) throw new Error(`consumer ${name} has not caught up: an older transaction is still open`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export interface Consumer {
  name: string;
  handler: EventHandler;
  batch?: number;
  /** Called after a pass that applied events (e.g. to tell dashboards to reload). */
  onApplied?: (events: number) => void;
}

export interface ConsumerLoop {
  /** Stops polling; resolves when the pass under way (if any) has finished. */
  stop(): Promise<void>;
}

/**
 * Polls every `intervalMs` and drains each consumer. Errors are reported and retried on the next tick
 * (the failed batch was rolled back with its cursor).
 */
export function runConsumers(db: Db, consumers: Consumer[], opts: { intervalMs?: number; onError?: (err: unknown, name: string) => void } = {}): ConsumerLoop {
  const interval = opts.intervalMs ?? 1000;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  const pass = async () => {
    for (const c of consumers) {
      if (stopped) return;
      try {
        const n = await drain(db, c.name, c.handler, c.batch);
        if (n > 0) c.onApplied?.(n);
      } catch (err) {
        opts.onError?.(err, c.name);
      }
    }
  };
  const tick = () => {
    timer = null;
    if (stopped || running) return;
    running = pass().finally(() => {
      running = null;
      if (!stopped) timer = setTimeout(tick, interval);
    });
  };
  timer = setTimeout(tick, 0);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
