/**
 * Start-up of several app nodes on one database: the migrations and the first-start seed run by one
 * node at a time. The lock is a PostgreSQL session-level advisory lock held on a connection of its own
 * (not one of the pool's, which the work inside needs), so a second node starting at the same moment
 * waits, then finds the database migrated and seeded. It is released when the work ends, or by the
 * server when the node dies holding it (its connection closes). PGlite is one process: no lock.
 */
import pg from 'pg';

export const STARTUP_LOCK = 727273;

export async function withStartupLock<T>(databaseUrl: string | null, fn: () => Promise<T>): Promise<T> {
  if (!databaseUrl) return fn();
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on('error', () => undefined); // a lost connection also loses the lock; fn's own queries report it
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [STARTUP_LOCK]);
    return await fn();
  } finally {
    await client.end().catch(() => undefined); // ends the session, which releases the lock
  }
}
