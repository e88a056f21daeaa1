/**
 * Jobs that call the outside world (national portal, payments, e-mail, SMS): a PostgreSQL job queue
 * (pg-boss 10) with retries, back-off and a dead-letter list, fed from the outbox.
 *
 * Each `JobDefinition` is one pg-boss queue `<name>` with its retry policy and a dead-letter queue
 * `<name>.dead`: a job that failed its last retry is copied there (data and error), where it stays
 * until an admin replays it (`replay`: sent again to its queue, the dead letter marked completed) or
 * it expires (about four weeks). A definition with `from` receives every outbox event of those topics
 * (the `jobs` consumer sends the job in the consumer's transaction: one job per event); one with
 * `schedule` is sent by pg-boss's cron once per tick across all nodes.
 *
 * Handlers must be idempotent: pg-boss runs a job at least once (a node that dies mid-job, a job past
 * its expiry, a replay after a partial success run it again). Make the outside call with the job's
 * id or the event's id as idempotency key, or check first whether the effect is already there.
 */
import { randomUUID } from 'node:crypto';
import PgBoss from 'pg-boss';
import { sql } from 'kysely';
import { inTx, type Database, type Executor, type Tx } from '../db/index.ts';
import type { Consumer, OutboxEvent } from './consumers.ts';
import { AppError } from './errors.ts';
import { databaseSql, eventJobId, txSql } from './jobs-db.ts';

export interface JobContext {
  /** The job's id on the queue. */
  id: string;
  /** How many times it was tried before this attempt. */
  retryCount: number;
}

export interface JobDefinition<T = unknown> {
  /** The queue's name, `<module>.<what>` (e.g. `dvcqg.sync`). */
  name: string;
  /** Outbox topics whose events become jobs of this queue (the job's data is the event). */
  from?: readonly string[];
  /** A cron schedule (five fields, Vietnam time) on which the job runs once across nodes with no data. */
  schedule?: string;
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /** Runs one job; throwing retries it, and after the last retry it goes to the dead-letter list. Must be idempotent. */
  handler(data: T, job: JobContext): Promise<void>;
}

/** The data of a job fed from the outbox. */
export type EventJob = Pick<OutboxEvent, 'id' | 'topic' | 'aggregateType' | 'aggregateId' | 'payload'> & { occurredAt: string };

export const DEAD_SUFFIX = '.dead';
export const SCHEDULE_TZ = 'Asia/Ho_Chi_Minh';
const SCHEMA = 'pgboss';

export interface JobRunnerOptions {
  /** false: no workers, schedules or maintenance (the command line: read the queues, replay). Default true. */
  work?: boolean;
  /** How often an idle worker looks for jobs (default 2 s, at least 0.5). */
  pollingIntervalSeconds?: number;
  /** pg-boss maintenance: expiry, archiving, deletion (default 120 s). */
  maintenanceIntervalSeconds?: number;
  /** How often the cron schedules are checked (default 30 s, 1–45). */
  cronMonitorIntervalSeconds?: number;
  /** Worker errors and pg-boss errors (a job's own failure is not one: it is retried or dead-lettered). */
  onError?: (err: unknown) => void;
}

export interface QueueStats {
  name: string;
  queued: number;
  active: number;
  completed: number;
  failed: number;
  dead: number;
}

export interface DeadLetter {
  id: string;
  /** The queue the job failed on. */
  queue: string;
  /** The job's data, shortened for a list. */
  summary: string;
  data: unknown;
  /** The last error's message (and its output as pg-boss recorded it). */
  error: string | null;
  output: unknown;
  /** When it was dead-lettered. */
  at: string;
  /** How many times it was retried before. */
  retries: number;
}

export interface Replayed {
  id: string;
  queue: string;
  jobId: string;
}

export interface SendOptions {
  /** A job id (an existing id on the queue makes the send a no-op and returns null). */
  id?: string;
  startAfter?: Date | number;
  /** Send in this transaction (committed or rolled back with it). */
  tx?: Executor;
}

export interface JobRunner {
  readonly definitions: readonly JobDefinition[];
  send(name: string, data: object | null, opts?: SendOptions): Promise<string | null>;
  queues(): Promise<QueueStats[]>;
  deadLetters(opts?: { queue?: string; limit?: number }): Promise<DeadLetter[]>;
  /**
   * Sends a dead letter's data to its queue again and marks the dead letter completed (output
   * `{ replayedAs }`), in one transaction with `within` (the audit entry). null: no such dead letter
   * (unknown, or already replayed).
   */
  replay(id: string, within?: (tx: Tx, r: Replayed) => Promise<void>): Promise<Replayed | null>;
  /** Stops the workers (waiting up to 30 s for running jobs) and the schedules. */
  stop(): Promise<void>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** pg-boss on `database` (its schema `pgboss` installed or migrated on start), one queue per definition. */
export async function startJobs(database: Database, definitions: readonly JobDefinition[], opts: JobRunnerOptions = {}): Promise<JobRunner> {
  const work = opts.work ?? true;
  const names = new Set<string>();
  for (const d of definitions) {
    if (!/^[a-z][a-z0-9-]*\.[a-z0-9.-]+$/.test(d.name) || d.name.endsWith(DEAD_SUFFIX)) throw new Error(`job ${d.name}: name it <module>.<what>`);
    if (names.has(d.name)) throw new Error(`two jobs are named ${d.name}`);
    names.add(d.name);
  }
  const boss = new PgBoss({
    db: databaseSql(database),
    schema: SCHEMA,
    migrate: true,
    supervise: work,
    schedule: work,
    ...(opts.pollingIntervalSeconds !== undefined ? { pollingIntervalSeconds: opts.pollingIntervalSeconds } : {}),
    ...(opts.maintenanceIntervalSeconds !== undefined ? { maintenanceIntervalSeconds: opts.maintenanceIntervalSeconds } : {}),
    ...(opts.cronMonitorIntervalSeconds !== undefined ? { cronMonitorIntervalSeconds: opts.cronMonitorIntervalSeconds } : {}),
  });
  boss.on('error', (err) => opts.onError?.(err));
  await boss.start();

  for (const d of definitions) {
    const dead = d.name + DEAD_SUFFIX;
    await boss.createQueue(dead, { name: dead, retentionMinutes: 60 * 24 * 28 });
    const queue = {
      name: d.name,
      retryLimit: d.retryLimit ?? 3,
      retryDelay: d.retryDelaySeconds ?? 30,
      retryBackoff: d.retryBackoff ?? true,
      deadLetter: dead,
    };
    await boss.createQueue(d.name, queue); // a no-op when it exists …
    await boss.updateQueue(d.name, queue); // … so its policy follows the definition
  }
  if (work) {
    for (const d of definitions) {
      await boss.work<unknown>(d.name, { includeMetadata: true, batchSize: 1 }, async ([job]) => {
        if (job) await d.handler(job.data, { id: job.id, retryCount: job.retryCount });
      });
      if (d.schedule) await boss.schedule(d.name, d.schedule, {}, { tz: SCHEDULE_TZ });
      else await boss.unschedule(d.name); // a schedule turned off since the last start
    }
  }

  const send = (name: string, data: object | null, o: SendOptions = {}) =>
    boss.send(name, data ?? {}, {
      ...(o.id ? { id: o.id } : {}),
      ...(o.startAfter !== undefined ? { startAfter: o.startAfter } : {}),
      ...(o.tx ? { db: txSql(o.tx) } : {}),
    });

  return {
    definitions,
    send,
    async queues() {
      const { rows } = await sql<Omit<QueueStats, 'dead'> & { dead: number }>`
        select q.name,
          count(*) filter (where j.state in ('created', 'retry'))::int as queued,
          count(*) filter (where j.state = 'active')::int as active,
          count(*) filter (where j.state = 'completed')::int as completed,
          count(*) filter (where j.state = 'failed')::int as failed,
          (select count(*)::int from pgboss.job d where d.name = q.name || ${DEAD_SUFFIX} and d.state = 'created') as dead
        from pgboss.queue q left join pgboss.job j on j.name = q.name
        where q.name not like '\_\_pgboss\_\_%' and q.name not like ${'%' + DEAD_SUFFIX}
        group by q.name order by q.name`.execute(database.db);
      return rows;
    },
    async deadLetters(o = {}) {
      const { rows } = await sql<{ id: string; name: string; data: unknown; output: unknown; created_on: Date | string; retry_limit: number }>`
        select id::text as id, name, data, output, created_on, retry_limit from pgboss.job
        where state = 'created' and ${o.queue ? sql`name = ${o.queue + DEAD_SUFFIX}` : sql`name like ${'%' + DEAD_SUFFIX}`}
        order by created_on desc, id limit ${o.limit ?? 100}`.execute(database.db);
      return rows.map((r) => ({
        id: r.id,
        queue: r.name.slice(0, -DEAD_SUFFIX.length),
        summary: summarize(r.data),
        data: r.data,
        error: errorMessage(r.output),
        output: r.output,
        at: new Date(r.created_on).toISOString(),
        retries: r.retry_limit,
      }));
    },
    async replay(id, within) {
      if (!UUID.test(id)) return null;
      const jobId = randomUUID();
      return inTx(database.db, async (tx) => {
        const { rows } = await sql<{ name: string; data: object | null }>`
          update pgboss.job set state = 'completed', completed_on = now(), output = jsonb_build_object('replayedAs', ${jobId}::text)
          where id = ${id}::uuid and name like ${'%' + DEAD_SUFFIX} and state = 'created'
          returning name, data`.execute(tx);
        const row = rows[0];
        if (!row) return null;
        const r: Replayed = { id, queue: row.name.slice(0, -DEAD_SUFFIX.length), jobId };
        const sent = await send(r.queue, row.data, { id: jobId, tx });
        if (!sent) throw new AppError('conflict', `queue ${r.queue} no longer exists`);
        await within?.(tx, r);
        return r;
      });
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, close: false });
    },
  };
}

function summarize(data: unknown): string {
  const d = data as Partial<EventJob> | null;
  if (d && typeof d === 'object' && typeof d.topic === 'string') return `${d.topic} ${d.aggregateType ?? ''} ${d.aggregateId ?? ''} (event ${d.id})`.replace(/\s+/g, ' ');
  const text = JSON.stringify(data ?? null);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

function errorMessage(output: unknown): string | null {
  if (!output || typeof output !== 'object') return output == null ? null : String(output);
  const o = output as { message?: unknown; value?: { message?: unknown } };
  const m = o.message ?? o.value?.message;
  return typeof m === 'string' ? m : JSON.stringify(output);
}

/** The job an outbox event becomes. */
export function eventJob(e: OutboxEvent): EventJob {
  return { id: e.id, topic: e.topic, aggregateType: e.aggregateType, aggregateId: e.aggregateId, payload: e.payload, occurredAt: e.occurredAt.toISOString() };
}

/**
 * The outbox consumer `jobs`: each event whose topic is in some job's `from` is sent to that queue in
 * the consumer's transaction (with its cursor: exactly once), under an id derived from (queue, event)
 * as a second guard. null when no job is fed from the outbox (nothing to consume).
 */
export function jobsConsumer(runner: JobRunner): Consumer | null {
  const byTopic = new Map<string, string[]>();
  for (const d of runner.definitions) for (const t of d.from ?? []) byTopic.set(t, [...(byTopic.get(t) ?? []), d.name]);
  if (!byTopic.size) return null;
  return {
    name: 'jobs',
    async handler(tx, events) {
      for (const e of events) {
        for (const queue of byTopic.get(e.topic) ?? []) await runner.send(queue, eventJob(e), { id: eventJobId(queue, e.id), tx });
      }
    },
  };
}

/**
 * The cron schedule for "every `minutes` minutes" (1–59, or whole hours up to a day); null for 0 (off).
 * `setting` names the variable it came from, for the error.
 */
export function everyMinutes(minutes: number, setting: string): string | null {
  if (minutes <= 0) return null;
  if (minutes < 60) return `*/${minutes} * * * *`;
  if (minutes % 60 === 0 && minutes < 24 * 60) return `0 */${minutes / 60} * * *`;
  if (minutes === 24 * 60) return '0 0 * * *';
  throw new Error(`${setting}=${minutes}: 1 to 59 minutes, or whole hours up to 1440`);
}
