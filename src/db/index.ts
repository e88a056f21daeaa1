/**
 * Database connection: embedded PGlite (default) or a PostgreSQL server (DATABASE_URL).
 * Both speak the same SQL; the rest of the code only sees a Kysely instance.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { PGliteDialect } from 'kysely-pglite-dialect';
import type { DB } from './types.ts';
import { serveSocket, socketAnswers, socketPath, type SocketService } from './pglite-socket.ts';

export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs a multi-statement SQL script (migrations). */
  execScript(script: string): Promise<void>;
  /**
   * One statement with `$n` parameters, or — without values — a script of several statements (as pg's
   * simple protocol runs them; the last statement's rows are returned). A script that fails inside its
   * own `begin` is rolled back before the connection is used again. For libraries that speak SQL text
   * (the job queue); the application's own queries go through `db`.
   */
  query<R = Record<string, unknown>>(text: string, values?: readonly unknown[]): Promise<{ rows: R[] }>;
  close(): Promise<void>;
  /** PGlite only: the data directory as a gzipped tarball (tests clone a template from it). */
  dump?: () => Promise<Blob>;
  /**
   * PGlite in a data directory only: serves it on `PGLITE_DIR/.s.PGSQL.5432` for the command line
   * (src/db/pglite-socket.ts) until `close`; the socket's path, or null for an in-memory database.
   */
  serveSocket?: () => Promise<string | null>;
}

// Same value shapes on both backends: int8 as number (counts, sequences), date as 'YYYY-MM-DD'.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export interface OpenOptions {
  databaseUrl: string | null;
  pgliteDir: string;
  poolSize?: number;
  /** A PGlite data directory dump to start from (tests clone a migrated template this way). */
  loadDataDir?: Blob;
}

/**
 * Marks a hot statement whose text does not vary with the data (values are parameters): on PostgreSQL
 * each connection prepares it once as a named statement and then only binds and executes it, instead
 * of parsing and planning it on every call (half of the database's work for a lifecycle action). Put
 * it in the SQL text: `query.modifyFront(PREPARED)` or `sql\`${PREPARED} …\``. PGlite ignores it.
 */
export const PREPARED = sql.raw('/*prepared*/');
const PREPARED_MARK = '/*prepared*/';

const statementNames = new Map<string, string>();
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) statementNames.set(text, (name = `motcua_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`));
  return name;
}

/** A pg client that sends statements marked PREPARED as named statements, named by their text's hash. */
class PreparingClient extends pg.Client {
  override query(...args: unknown[]): never {
    const [text, ...rest] = args;
    const query = super.query as (...a: unknown[]) => never;
    if (typeof text !== 'string' || !text.includes(PREPARED_MARK)) return query.apply(this, args);
    const values = Array.isArray(rest[0]) ? rest.shift() : undefined;
    return query.call(this, { name: statementName(text), text, values }, ...rest); // rest: the callback, if any
  }
}

/** A pool of connections to a PostgreSQL server, preparing the statements marked PREPARED. */
export function createPool(connectionString: string, max = 10): pg.Pool {
  return new pg.Pool({ connectionString, max, Client: PreparingClient });
}

/** A Database over a pool of PostgreSQL connections (a PostgreSQL server, or PGlite served on its socket). */
function poolDatabase(pool: pg.Pool, kind: Database['kind']): Database {
  pool.on('error', () => undefined); // idle client errors surface on the next query
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind,
    async execScript(script) {
      const client = await pool.connect();
      try {
        await client.query(script);
      } catch (err) {
        await client.query('rollback').catch(() => undefined); // a failed `begin; …` would stay open on the pooled connection
        throw err;
      } finally {
        client.release();
      }
    },
    async query(text, values) {
      if (values?.length) return { rows: (await pool.query(text, values as unknown[])).rows as never[] };
      const client = await pool.connect();
      try {
        const res = await client.query(text) as unknown as pg.QueryResult | pg.QueryResult[];
        return { rows: (Array.isArray(res) ? res[res.length - 1]?.rows ?? [] : res.rows) as never[] };
      } catch (err) {
        await client.query('rollback').catch(() => undefined); // a failed `begin; …` block stays open otherwise
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => db.destroy(),
  };
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return poolDatabase(createPool(opts.databaseUrl, opts.poolSize), 'postgres');
  const inMemory = opts.pgliteDir.startsWith('memory://');
  // A server holds this data directory: go through the socket it serves it on (PGlite is one
  // process's; opening its files a second time aborts). One connection, plain statements: the
  // session is the server's, so nothing named is left behind in it.
  if (!inMemory && !opts.loadDataDir && await socketAnswers(socketPath(opts.pgliteDir))) {
    return poolDatabase(new pg.Pool({ host: opts.pgliteDir, port: 5432, user: 'postgres', database: 'postgres', max: 1 }), 'pglite');
  }
  if (!inMemory) mkdirSync(opts.pgliteDir, { recursive: true });
  const lite = await PGlite.create({
    dataDir: inMemory ? undefined : opts.pgliteDir,
    loadDataDir: opts.loadDataDir,
    parsers: { 1082: (v: string) => v, 1700: (v: string) => Number(v) },
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(lite) });
  let served: SocketService | undefined;
  return {
    db,
    kind: 'pglite',
    // PGlite has one connection; the dialect queues Kysely's use of it, so scripts go through Kysely too.
    async execScript(script) {
      await db.connection().execute(async () => {
        await lite.exec(script);
      });
    },
    async query(text, values) {
      return db.connection().execute(async () => {
        if (values?.length) return { rows: (await lite.query(text, values as unknown[])).rows as never[] };
        try {
          const results = await lite.exec(text);
          return { rows: (results[results.length - 1]?.rows ?? []) as never[] };
        } catch (err) {
          await lite.exec('rollback').catch(() => undefined); // one connection: a failed `begin; …` would block every later query
          throw err;
        }
      });
    },
    close: async () => {
      await served?.stop();
      await db.destroy();
    },
    dump: () => db.connection().execute(() => lite.dumpDataDir('gzip')),
    async serveSocket() {
      if (inMemory) return null;
      served ??= await serveSocket(lite, db as unknown as Kysely<never>, opts.pgliteDir);
      return served.path;
    },
  };
}

const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock

/** Runs `fn` again on serialization failures and deadlocks (it must be all-or-nothing: a transaction or one statement). */
export async function retrying<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (i >= attempts || !code || !RETRYABLE.has(code)) throw err;
    }
  }
}

/** Runs `fn` in one transaction, retrying on serialization failures and deadlocks. */
export function inTx<T>(db: Db, fn: (tx: Tx) => Promise<T>, attempts = 5): Promise<T> {
  return retrying(() => db.transaction().execute(fn), attempts);
}

export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
