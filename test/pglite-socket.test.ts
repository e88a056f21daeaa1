/**
 * Issue 13, item 4: the embedded database served to the command line on its socket keeps
 * transactions apart. PGlite has one session: a statement of the server must not run inside a
 * command's open transaction (nor a command's inside the server's).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/db/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'motcua-sock-'));
let server: Database;

beforeAll(async () => {
  server = await openDatabase({ databaseUrl: null, pgliteDir: join(dir, 'pg') });
  await server.execScript('create table t (n int)');
  expect(await server.serveSocket!()).toBe(join(dir, 'pg', '.s.PGSQL.5432'));
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = async (db: Database) => (await sql<{ n: number }>`select count(*)::int as n from t`.execute(db.db)).rows[0]!.n;

describe('PGlite served on its socket', () => {
  it('a second open of the directory goes through the socket', async () => {
    const cli = await openDatabase({ databaseUrl: null, pgliteDir: join(dir, 'pg') });
    try {
      expect(cli.serveSocket).toBeUndefined();
      expect(await count(cli)).toBe(0);
    } finally {
      await cli.close();
    }
  });

  it("the server's statements wait for a client's open transaction to end", async () => {
    const client = new pg.Client({ host: join(dir, 'pg'), port: 5432, user: 'postgres', database: 'postgres' });
    await client.connect();
    try {
      await client.query('begin');
      await client.query('insert into t values (1)');
      const seen = count(server); // must not run inside the client's transaction
      await client.query('rollback');
      expect(await seen).toBe(0);
    } finally {
      await client.end();
    }
  });

  it("a client's statements wait for the server's transaction to end", async () => {
    const client = new pg.Client({ host: join(dir, 'pg'), port: 5432, user: 'postgres', database: 'postgres' });
    await client.connect();
    try {
      let seen: Promise<number> | undefined;
      await server.db.transaction().execute(async (tx) => {
        await sql`insert into t values (2)`.execute(tx);
        seen = client.query<{ n: number }>('select count(*)::int as n from t').then((r) => r.rows[0]!.n);
        await sql`select 1`.execute(tx); // the client's query is queued meanwhile
        throw new Error('roll back');
      }).catch(() => undefined);
      expect(await seen).toBe(0);
    } finally {
      await client.end();
    }
  });
});
