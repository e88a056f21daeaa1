/** What an attacker with superuser rights does: triggers off for the session (`replica`), then `fn` on that connection. */
import { sql } from 'kysely';
import type { Database } from '../../src/db/index.ts';

export type Conn = Parameters<Parameters<ReturnType<Database['db']['connection']>['execute']>[0]>[0];

export async function asSuperuser(database: Pick<Database, 'db'>, fn: (c: Conn) => Promise<void>): Promise<void> {
  await database.db.connection().execute(async (c) => {
    await sql`set session_replication_role = replica`.execute(c);
    try {
      await fn(c);
    } finally {
      await sql`reset session_replication_role`.execute(c);
    }
  });
}
