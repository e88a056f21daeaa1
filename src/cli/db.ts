/** The database a command line command works on: from the configuration, migrated, closed afterwards. */
import { loadConfig, type Config } from '../config.ts';
import { openDatabase, type Database } from '../db/index.ts';
import { migrate } from '../db/migrate.ts';

export async function openMigrated(config: Config = loadConfig()): Promise<Database> {
  const d = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir, poolSize: 4 });
  await migrate(d);
  return d;
}

export async function withDb<T>(fn: (d: Database, config: Config) => Promise<T>, config: Config = loadConfig()): Promise<T> {
  const d = await openMigrated(config);
  try {
    return await fn(d, config);
  } finally {
    await d.close();
  }
}
