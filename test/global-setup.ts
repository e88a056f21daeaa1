/**
 * Builds one migrated, seeded template database per run; every test file starts from a copy of it:
 * a PGlite data-directory dump, or a PostgreSQL database created WITH TEMPLATE.
 */
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { openDatabase } from '../src/db/index.ts';
import { migrate } from '../src/db/migrate.ts';
import { seedDemo } from '../src/cli/seed.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { testConfig, TEST_NOW } from './config.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    backend: 'pglite' | 'postgres';
    templatePath: string;
    templateDb: string;
    adminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const backend = process.env.MOTCUA_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
  const dir = mkdtempSync(join(tmpdir(), 'motcua-test-'));
  const config = testConfig(dir);
  const clock = fixedClock(TEST_NOW);
  if (backend === 'pglite') {
    const d = await openDatabase({ databaseUrl: null, pgliteDir: 'memory://' });
    await migrate(d);
    await seedDemo(d.db, config, clock);
    const lite = await d.dump?.();
    const path = join(dir, 'template.tar.gz');
    writeFileSync(path, Buffer.from(await lite!.arrayBuffer()));
    await d.close();
    project.provide('backend', 'pglite');
    project.provide('templatePath', path);
    project.provide('templateDb', '');
    project.provide('adminUrl', '');
    return () => rmSync(dir, { recursive: true, force: true });
  }
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('MOTCUA_TEST_DB=postgres needs DATABASE_URL');
  const templateDb = `motcua_tpl_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${templateDb}`);
  const url = new URL(adminUrl);
  url.pathname = `/${templateDb}`;
  const d = await openDatabase({ databaseUrl: url.toString(), pgliteDir: '' });
  await migrate(d);
  await seedDemo(d.db, config, clock);
  await d.close();
  project.provide('backend', 'postgres');
  project.provide('templatePath', '');
  project.provide('templateDb', templateDb);
  project.provide('adminUrl', adminUrl);
  return async () => {
    const left = await admin.query<{ datname: string }>(`select datname from pg_database where datname like 'motcua_t%_${process.pid}_%' or datname = $1`, [templateDb]);
    for (const r of left.rows) await admin.query(`drop database if exists ${r.datname} with (force)`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  };
}
