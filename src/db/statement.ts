/**
 * Several writes as one SQL statement: data-modifying common table expressions. PostgreSQL runs every
 * one of them exactly once and all of them or none (a lone statement is its own transaction), in one
 * round trip. A write can be made conditional on another: `insertIf` inserts its row only when the CTE
 * it names returned a row — e.g. only when a version-checked update matched.
 */
import { sql, type InsertQueryBuilder, type InsertResult, type OperationNodeSource, type RawBuilder } from 'kysely';
import type { Executor } from './index.ts';
import type { DB } from './types.ts';

/** One named part of a statement: `name as (query)`. */
export interface Cte {
  name: string;
  query: OperationNodeSource;
}

/**
 * `with <ctes> <final>`: the parts in order (a part may read the ones before it), then the final query.
 * `front`: put before it (e.g. the PREPARED mark).
 */
export function withCtes<R>(ctes: Cte[], final: RawBuilder<unknown>, front: RawBuilder<unknown> = sql``): RawBuilder<R> {
  if (!ctes.length) return sql<R>`${front}${final}`;
  return sql<R>`${front}with ${sql.join(ctes.map((c) => sql`${sql.id(c.name)} as (${c.query})`))} ${final}`;
}

/**
 * An insert of one row that happens only if the CTE `gate` returned a row:
 * `insert into t (cols) select $1, $2, … where exists (select 1 from gate)`. The values take the
 * columns' types as in `values (…)` (PostgreSQL types an INSERT's select list from its target columns).
 */
export function insertIf<T extends keyof DB & string>(db: Executor, table: T, row: Record<string, unknown>, gate: string): InsertQueryBuilder<DB, T, InsertResult> {
  const columns = Object.keys(row).filter((c) => row[c] !== undefined);
  return db.insertInto(table)
    .columns(columns as never)
    .expression(sql`select ${sql.join(columns.map((c) => sql`${row[c]}`))} where exists (select 1 from ${sql.id(gate)})` as never);
}
