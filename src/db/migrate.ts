/**
 * Applies the SQL migrations of the platform (`src/platform/migrations`) and of every module
 * (`src/modules/<name>/migrations`) in one global order — by file name, whose `NNN_` prefix is the
 * order — once each, recorded in schema_migrations. The same files run on PGlite and on PostgreSQL.
 *
 * A file that was split when its tables moved to the modules owning them starts with
 * `-- split from: NNN_old.sql sha256:<checksum of the old file>`: on a database that applied the old
 * file (with that checksum), the part is recorded as applied without running it again.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from './index.ts';

export const PLATFORM_MIGRATIONS = new URL('../platform/migrations/', import.meta.url);

export interface MigrationFile {
  name: string;
  /** The folder it comes from (its module's). */
  dir: URL;
  sql: string;
  checksum: string;
  /** The migration this file was split from, already applied on older databases. */
  splitFrom: { name: string; checksum: string } | null;
}

/** The advisory lock key under which migrations are applied (one node at a time). */
export const MIGRATION_LOCK = 727274;

const SPLIT = /^-- split from: (\S+\.sql) sha256:([0-9a-f]{64})$/m;

/** The migration files of the given folders, in global order; two files of one name are an error. */
export function migrationFiles(dirs: readonly URL[]): MigrationFile[] {
  const files = dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.sql')).map((name) => {
    const text = readFileSync(new URL(name, dir), 'utf8');
    const split = SPLIT.exec(text.split('\n', 1)[0] ?? '');
    return {
      name, dir, sql: text, checksum: createHash('sha256').update(text).digest('hex'),
      splitFrom: split ? { name: split[1]!, checksum: split[2]! } : null,
    };
  }));
  files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (let i = 1; i < files.length; i++) {
    if (files[i]!.name === files[i - 1]!.name) throw new Error(`two migrations are named ${files[i]!.name}: ${files[i - 1]!.dir.pathname} and ${files[i]!.dir.pathname}`);
  }
  return files;
}

/** The platform's migrations folder and every module's, from the module list. */
export async function allMigrationDirs(): Promise<URL[]> {
  // Loaded when needed: the module list imports every module, and modules import the db layer.
  const { MODULES } = await import('../modules/index.ts');
  return [PLATFORM_MIGRATIONS, ...MODULES.flatMap((m) => (m.migrations ? [m.migrations] : []))];
}

/** A statement that fails (and so rolls the file's transaction back) when the file was applied meanwhile by another node. */
const unlessApplied = (f: MigrationFile) =>
  `do $$ begin if exists (select 1 from schema_migrations where name = '${f.name}') then raise exception 'migration ${f.name} already applied'; end if; end $$;`;

/** Returns the names of the migrations applied by this call. */
export async function migrate(database: Database, dirs?: readonly URL[]): Promise<string[]> {
  const { db } = database;
  // Under the migrations' lock: two nodes creating the table at once would collide in the catalogue
  // (`create table if not exists` is not safe against a concurrent one).
  await database.execScript(`begin;
    select pg_advisory_xact_lock(${MIGRATION_LOCK});
    create table if not exists schema_migrations (
      name text primary key,
      checksum text not null,
      applied_at timestamptz not null default now()
    );
    commit;`);
  const applied: string[] = [];
  const recorded = async (name: string) =>
    (await sql<{ checksum: string }>`select checksum from schema_migrations where name = ${name}`.execute(db)).rows[0];
  const record = (f: MigrationFile) => `insert into schema_migrations(name, checksum) values ('${f.name}', '${f.checksum}');`;
  for (const file of migrationFiles(dirs ?? (await allMigrationDirs()))) {
    const existing = await recorded(file.name);
    if (existing) {
      if (existing.checksum !== file.checksum) throw new Error(`migration ${file.name} was changed after it was applied`);
      continue;
    }
    if (file.splitFrom) {
      const whole = await recorded(file.splitFrom.name);
      if (whole) {
        if (whole.checksum !== file.splitFrom.checksum) throw new Error(`migration ${file.splitFrom.name} (split into ${file.name}) was changed after it was applied`);
        await database.execScript(record(file).replace(';', ' on conflict (name) do nothing;'));
        continue;
      }
    }
    try {
      // The lock makes a second node wait; it then finds the record and stops before the file (see below).
      await database.execScript(`begin;\nselect pg_advisory_xact_lock(${MIGRATION_LOCK});\n${unlessApplied(file)}\n${file.sql}\n${record(file)}\ncommit;`);
    } catch (err) {
      if (database.kind === 'pglite') await database.execScript('rollback;').catch(() => undefined);
      if (await recorded(file.name)) continue;
      throw err;
    }
    applied.push(file.name);
  }
  return applied;
}
