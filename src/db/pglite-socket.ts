/**
 * The embedded database (PGlite) belongs to one process: a second process opening the same data
 * directory aborts. So the server serves it to the command line on a unix socket in the data
 * directory, `PGLITE_DIR/.s.PGSQL.5432` (the name PostgreSQL gives its own socket, so
 * `psql -h PGLITE_DIR` works too), with @electric-sql/pglite-socket, and the command line connects
 * through it as a PostgreSQL client when it answers.
 *
 * PGlite has one session. The server's own queries take it through Kysely's driver, which hands out
 * its one connection to one user at a time (a Kysely transaction holds it from `begin` to `commit`).
 * A socket client's messages take the same connection, and keep it until the client's exchange is
 * over: a simple query or a Sync that leaves no transaction open. So neither side ever runs a
 * statement inside the other's transaction, nor between another's Parse and Sync.
 */
import { lstatSync, unlinkSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export const SOCKET_NAME = '.s.PGSQL.5432';
/** A client that keeps the session this long without a message loses it (its transaction rolled back). */
const HELD_IDLE_MS = 30_000;

export function socketPath(pgliteDir: string): string {
  return join(pgliteDir, SOCKET_NAME);
}

/** Whether a server answers on the socket (a file left by a server that died does not). */
export function socketAnswers(path: string): Promise<boolean> {
  try {
    if (!lstatSync(path).isSocket()) return Promise.resolve(false);
  } catch {
    return Promise.resolve(false);
  }
  return new Promise((resolve) => {
    const s = connect(path);
    s.once('connect', () => { s.destroy(); resolve(true); });
    s.once('error', () => resolve(false));
  });
}

const QUERY = 0x51; // 'Q'
const SYNC = 0x53; // 'S'
const TERMINATE = 0x58; // 'X'

/** The session's lease to socket clients: the Kysely connection, held across a client's exchange. */
class SessionLease {
  private release: (() => void) | null = null;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly lite: PGlite, private readonly kysely: Kysely<never>) {}

  /** Whether a socket client holds the session (else a transaction open in PGlite is the server's own). */
  get held(): boolean {
    return this.release !== null;
  }

  private acquire(): Promise<void> {
    if (this.release) return Promise.resolve();
    return new Promise((acquired) => {
      void this.kysely.connection().execute(() => new Promise<void>((done) => {
        this.release = () => { this.release = null; done(); };
        acquired();
      }));
    });
  }

  private settle(lastMessage: number | undefined): void {
    clearTimeout(this.timer);
    const exchangeOver = lastMessage === undefined || lastMessage === QUERY || lastMessage === SYNC || lastMessage === TERMINATE || lastMessage === 0;
    if (exchangeOver && !this.lite.isInTransaction()) {
      this.release?.();
      return;
    }
    this.timer = setTimeout(() => void this.abandon(), HELD_IDLE_MS);
    this.timer.unref();
  }

  private async abandon(): Promise<void> {
    if (!this.release) return;
    await this.lite.exec('rollback').catch(() => undefined);
    this.release?.();
  }

  /** Runs `fn` on the session; `ran()` tells afterwards which message it ran (none: a statement of ours). */
  async run<T>(fn: () => Promise<T>, ran: () => Uint8Array | undefined = () => undefined, exclusive = true): Promise<T> {
    await this.acquire();
    try {
      return await (exclusive ? this.lite.runExclusive(fn) : fn()); // lite.exec takes PGlite's query lock itself
    } finally {
      this.settle(ran()?.[0]);
    }
  }
}

/**
 * What the socket server sees of PGlite: its calls go through the lease. (The server's queue calls
 * `runExclusive(() => execProtocolRawStream(message))` for every message, and `exec('ROLLBACK')` when
 * a client leaves inside a transaction.)
 */
function leasedPGlite(lite: PGlite, lease: SessionLease): PGlite {
  let message: Uint8Array | undefined;
  const facade = {
    get waitReady() { return lite.waitReady; },
    // While a client holds the session (an exchange or a transaction under way) the queue serves only
    // that client's messages; when it leaves holding it, the queue rolls back through `exec`, which
    // frees the session. The server's own transactions are not the queue's business (it would wait for
    // a message of the last client, perhaps gone, and stall).
    isInTransaction: () => lease.held,
    execProtocolRawStream(m: Uint8Array, o: Parameters<PGlite['execProtocolRawStream']>[1]) {
      message = m;
      return lite.execProtocolRawStream(m, o);
    },
    runExclusive<T>(fn: () => Promise<T>) {
      message = undefined;
      return lease.run(fn, () => message);
    },
    exec: (q: string) => lease.run(() => lite.exec(q), undefined, false),
  };
  return facade as unknown as PGlite;
}

export interface SocketService { path: string; stop(): Promise<void> }

/** Serves `lite` on `PGLITE_DIR/.s.PGSQL.5432`; refuses when another server answers there. */
export async function serveSocket(lite: PGlite, kysely: Kysely<never>, pgliteDir: string): Promise<SocketService> {
  const path = socketPath(pgliteDir);
  if (await socketAnswers(path)) throw new Error(`another server is using the embedded database in ${pgliteDir} (it answers on ${path})`);
  try { unlinkSync(path); } catch { /* none left behind */ }
  const server = new PGLiteSocketServer({ db: leasedPGlite(lite, new SessionLease(lite, kysely)), path, maxConnections: 8, idleTimeout: HELD_IDLE_MS });
  await server.start();
  return {
    path,
    async stop() {
      await server.stop();
      try { unlinkSync(path); } catch { /* already gone */ }
    },
  };
}
