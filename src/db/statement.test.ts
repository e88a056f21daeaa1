/**
 * One-statement writes: the gated inserts happen only when their gate returned a row, and take the
 * target columns' types; statements marked PREPARED are named statements on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { freshDatabase } from '../../test/helpers.ts';
import { getWithHistory } from '../modules/dossiers/store.ts';
import type { DB } from './types.ts';
import { createPool, PREPARED, type Database } from './index.ts';
import { insertIf, withCtes } from './statement.ts';

let d: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  d = await freshDatabase();
  await sql`create table stmt_gate (id int primary key, version int not null)`.execute(d.db);
  await sql`create table stmt_after (at timestamptz not null, body jsonb, n int, label text not null)`.execute(d.db);
  await sql`insert into stmt_gate values (1, 1)`.execute(d.db);
});
afterAll(() => d.close());

function bump(db: Database['db'], version: number, label: string) {
  return withCtes<{ id: number; version: number }>([
    { name: 'moved', query: sql`update stmt_gate set version = version + 1 where id = 1 and version = ${version} returning *` },
    { name: 'after', query: insertIf(db, 'stmt_after' as never, { at: new Date('2026-03-10T02:00:00Z'), body: JSON.stringify({ label }), n: null, label }, 'moved') },
  ], sql`select * from moved`);
}

describe('withCtes and insertIf', () => {
  it('inserts after a matching update, with the columns typed from the table', async () => {
    const r = await bump(d.db, 1, 'first').execute(d.db);
    expect(r.rows).toEqual([{ id: 1, version: 2 }]);
    const rows = (await sql<{ at: Date; body: unknown; n: null; label: string }>`select * from stmt_after`.execute(d.db)).rows;
    expect(rows).toEqual([{ at: new Date('2026-03-10T02:00:00Z'), body: { label: 'first' }, n: null, label: 'first' }]);
  });

  it('inserts nothing when the update matched no row', async () => {
    const r = await bump(d.db, 1, 'stale').execute(d.db);
    expect(r.rows).toEqual([]);
    const labels = (await sql<{ label: string }>`select label from stmt_after order by label`.execute(d.db)).rows.map((x) => x.label);
    expect(labels).toEqual(['first']);
  });
});

describe('PREPARED', () => {
  it.runIf(process.env.MOTCUA_TEST_DB === 'postgres')('prepares a marked statement once per connection, and only marked ones', async () => {
    const pool = createPool(d.url!, 1);
    try {
      const marked = `select ${PREPARED.compile(d.db).sql} version from stmt_gate where id = $1`;
      for (let i = 0; i < 3; i++) expect((await pool.query(marked, [1])).rows).toEqual([{ version: 2 }]);
      await pool.query('select version from stmt_gate where id = $1', [1]);
      const prepared = (await pool.query<{ name: string; statement: string }>('select name, statement from pg_prepared_statements')).rows;
      expect(prepared).toHaveLength(1);
      expect(prepared[0]!.name).toMatch(/^motcua_[0-9a-f]{24}$/);
      expect(prepared[0]!.statement).toBe(marked);
    } finally {
      await pool.end();
    }
  });

  it.runIf(process.env.MOTCUA_TEST_DB === 'postgres')('keeps working when a migration adds a column under a prepared statement', async () => {
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: createPool(d.url!, 1) }) });
    try {
      const code = (await d.db.selectFrom('dossiers').select('code').limit(1).executeTakeFirst())?.code ?? 'none';
      const before = await getWithHistory(db, code);
      await sql`alter table dossiers add column added_later integer`.execute(d.db);
      // With `select d.*` this would fail: "cached plan must not change result type".
      expect(await getWithHistory(db, code)).toEqual(before);
    } finally {
      await db.destroy();
    }
  });
});
