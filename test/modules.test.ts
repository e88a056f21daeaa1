/**
 * The module contract: each table has one owner that creates it in its own migrations, every table in
 * the database is owned, the problem catalogue has every module's types, and a database migrated before
 * the migrations moved into their modules upgrades without running anything twice.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database } from '../src/db/index.ts';
import { allMigrationDirs, migrate, migrationFiles, PLATFORM_MIGRATIONS } from '../src/db/migrate.ts';
import { problemCatalogue } from '../src/platform/errors.ts';
import { checkModules } from '../src/platform/module.ts';
import { MODULES } from '../src/modules/index.ts';
import { freshDatabase } from './helpers.ts';

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => {
  await database.close();
});

const created = (dirs: URL[]) => migrationFiles(dirs).flatMap((f) => [...f.sql.matchAll(/^create table (?:if not exists )?(\w+)/gim)].map((m) => m[1]!));

describe('the module list', () => {
  it('names each module once and gives each table one owner', () => {
    expect(() => checkModules(MODULES)).not.toThrow();
    expect(() => checkModules([...MODULES, { name: 'other', tables: ['dossiers'] }])).toThrow(/claimed by dossiers and other/);
  });

  it("has each module create exactly the tables it owns, in its own migrations", () => {
    for (const m of MODULES) {
      const own = m.migrations ? created([m.migrations]) : [];
      expect({ module: m.name, tables: [...own].sort() }).toEqual({ module: m.name, tables: [...m.tables].sort() });
    }
  });

  it('leaves no table in the database without an owner', async () => {
    const { rows } = await sql<{ t: string }>`select table_name as t from information_schema.tables where table_schema = 'public'`.execute(database.db);
    const owned = new Set([...MODULES.flatMap((m) => m.tables), ...created([PLATFORM_MIGRATIONS]), 'schema_migrations']);
    expect(rows.map((r) => r.t).filter((t) => !owned.has(t))).toEqual([]);
  });

  it('merges every module problem type into the one catalogue', async () => {
    await import('../src/server.ts');
    const catalogue = problemCatalogue();
    for (const m of MODULES) for (const type of Object.keys(m.problems ?? {})) expect(catalogue.get(type)?.owner).toBe(m.name);
    expect(catalogue.get('not-found')?.owner).toBe('platform');
  });
});

/** Every source file of a folder, tests left out. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === 'migrations' ? [] : sources(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

/** The tables a source file names in Kysely calls or in SQL text. */
function tablesNamed(text: string, tables: readonly string[]): string[] {
  const kysely = /\b(?:selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin|rightJoin|fullJoin|mergeInto|with\w*)\(\s*['"`](\w+)/g;
  const raw = /\b(?:from|join|into|update|table)\s+(\w+)/gi;
  const found = new Set<string>();
  for (const re of [kysely, raw]) for (const m of text.matchAll(re)) if (tables.includes(m[1]!)) found.add(m[1]!);
  return [...found];
}

describe('boundaries', () => {
  it('has each module read and write only its own tables (and the platform\'s through the platform)', () => {
    const all: string[] = MODULES.flatMap((m) => [...m.tables]);
    const crossings: string[] = [];
    for (const m of MODULES) {
      const dir = new URL(`../src/modules/${m.name}/`, import.meta.url).pathname;
      for (const file of sources(dir)) {
        for (const t of tablesNamed(readFileSync(file, 'utf8'), all)) {
          if (!(m.tables as readonly string[]).includes(t)) crossings.push(`${file.slice(file.indexOf('src/'))} → ${t}`);
        }
      }
    }
    expect(crossings).toEqual([]);
  });
});

describe('migrations in their modules', () => {
  it('keeps one global order with unique names', async () => {
    const files = migrationFiles(await allMigrationDirs());
    expect(files.map((f) => f.name)).toEqual([...files.map((f) => f.name)].sort());
    expect(new Set(files.map((f) => f.name)).size).toBe(files.length);
  });

  it('upgrades a database that applied the files before they were split, without running them again', async () => {
    const files = migrationFiles(await allMigrationDirs());
    const parts = files.filter((f) => f.splitFrom);
    expect(parts.length).toBeGreaterThan(0);
    // As an older database has them: the whole files recorded, not their parts.
    const wholes = new Map(parts.map((p) => [p.splitFrom!.name, p.splitFrom!.checksum]));
    await sql`delete from schema_migrations where name in (${sql.join(parts.map((p) => p.name))})`.execute(database.db);
    for (const [name, checksum] of wholes) await sql`insert into schema_migrations (name, checksum) values (${name}, ${checksum})`.execute(database.db);
    expect(await migrate(database)).toEqual([]); // nothing ran: `create table` would fail on the existing tables
    const { rows } = await sql<{ name: string }>`select name from schema_migrations`.execute(database.db);
    expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(parts.map((p) => p.name)));
  });

  it('refuses a split part whose original was changed after it was applied', async () => {
    const part = migrationFiles(await allMigrationDirs()).find((f) => f.splitFrom)!;
    await sql`delete from schema_migrations where name = ${part.name}`.execute(database.db);
    await sql`update schema_migrations set checksum = 'other' where name = ${part.splitFrom!.name}`.execute(database.db);
    await expect(migrate(database)).rejects.toThrow(/was changed after it was applied/);
  });
});
