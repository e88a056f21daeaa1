/**
 * Jobs that call the outside world (national portal, payments, e-mail, SMS): a PostgreSQL job queue
 * (pg-boss) with retries, back-off and a dead-letter list, fed from the outbox.
 */
import type { OutboxEvent } from './consumers.ts';

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
