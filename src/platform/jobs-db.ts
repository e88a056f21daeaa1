/**
 * pg-boss over the project's own database handle, so that the job queue also runs on the embedded
 * PGlite: pg-boss accepts any `{ executeSql(text, values) }`. Two adapters:
 * - `databaseSql`: the `Database`'s `query` (PostgreSQL: its pool; PGlite: its one connection, queued
 *   behind Kysely's use of it). pg-boss's scripts without values (`begin; …; commit;`, its schema) run
 *   as multi-statement scripts there.
 * - `txSql`: one Kysely transaction, so that a job is sent in the same transaction as other writes
 *   (the outbox consumer's cursor, a dead letter marked replayed).
 */
import { createHash } from 'node:crypto';
import { CompiledQuery } from 'kysely';
import type { Database, Executor } from '../db/index.ts';

export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: any[] }>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

// pg sends `undefined` as NULL; PGlite's serializers do not all accept it.
const params = (values: unknown[] | undefined) => values?.map((v) => (v === undefined ? null : v));

export function databaseSql(database: Database): SqlExecutor {
  return { executeSql: (text, values) => database.query(text, params(values)) };
}

export function txSql(tx: Executor): SqlExecutor {
  return {
    async executeSql(text, values) {
      const r = await tx.executeQuery(CompiledQuery.raw(text, params(values) ?? []));
      return { rows: r.rows as unknown[] };
    },
  };
}

/**
 * The id of the job an event becomes on a queue: the same (queue, event) always gives the same id,
 * so a second send of it (a rebuilt cursor, a second node) is a no-op for pg-boss (`on conflict do
 * nothing` on the queue's primary key) as long as the first job has not been archived.
 */
export function eventJobId(queue: string, eventId: number): string {
  const h = createHash('sha256').update(`motcua.job\n${queue}\n${eventId}`).digest('hex').split('');
  h[12] = '8'; // version 8 (custom: here a SHA-256 of the name), variant 10xx: a well-formed UUID
  h[16] = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
}
