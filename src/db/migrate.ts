/**
 * Applies the SQL files of src/db/migrations in name order, once each, recorded in schema_migrations.
 * The same files run on PGlite and on PostgreSQL.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from './index.ts';

const DIR = new URL('./migrations/', import.meta.url);

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export function migrationFiles(): MigrationFile[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((name) => {
      const text = readFileSync(new URL(name, DIR), 'utf8');
      return { name, sql: text, checksum: createHash('sha256').update(text).digest('hex') };
    });
}

/** Returns the names of the migrations applied by this call. */
export async function migrate(database: Database): Promise<string[]> {
  const { db } = database;
  await database.execScript(`
    create table if not exists schema_migrations (
      name text primary key,
      checksum text not null,
      applied_at timestamptz not null default now()
    );`);
  const applied: string[] = [];
  const recorded = async (name: string) =>
    (await sql<{ checksum: string }>`select checksum from schema_migrations where name = ${name}`.execute(db)).rows[0];
  for (const file of migrationFiles()) {
    const existing = await recorded(file.name);
    if (existing) {
      if (existing.checksum !== file.checksum) throw new Error(`migration ${file.name} was changed after it was applied`);
      continue;
    }
    try {
      // The lock makes a second app node wait; it then fails on the existing tables and sees the record below.
      await database.execScript(
        `begin;\nselect pg_advisory_xact_lock(727274);\n${file.sql}\n` +
          `insert into schema_migrations(name, checksum) values ('${file.name}', '${file.checksum}');\ncommit;`,
      );
    } catch (err) {
      if (database.kind === 'pglite') await database.execScript('rollback;').catch(() => undefined);
      if (await recorded(file.name)) continue;
      throw err;
    }
    applied.push(file.name);
  }
  return applied;
}
