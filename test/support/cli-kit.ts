/**
 * The command line as a real process, for tests: a data directory of its own and, on the PostgreSQL
 * backend, a fresh database. Each test file calls `cliKit(prefix)` at its top level.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, inject } from 'vitest';
import { freshDatabase } from '../helpers.ts';

const run = promisify(execFile);

export interface CliResult { code: number; stdout: string; stderr: string }

export function cliKit(prefix: string, extraEnv: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  let env: NodeJS.ProcessEnv = {};
  let database: Awaited<ReturnType<typeof freshDatabase>> | null = null;
  beforeAll(async () => {
    env = { ...process.env, DATA_DIR: dir, ARGON2_MEMORY_KIB: '4096', ARGON2_TIME: '1', ...extraEnv };
    delete env.DATABASE_URL;
    if (inject('backend') === 'postgres') {
      database = await freshDatabase();
      env.DATABASE_URL = database.url!;
    }
  });
  afterAll(async () => {
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  /** Runs `motcua …args`; a failing command gives its exit code instead of throwing. */
  async function motcua(...args: string[]): Promise<CliResult> {
    try {
      const r = await run(process.execPath, ['bin/motcua.js', ...args], { env, timeout: 120_000 });
      return { code: 0, stdout: r.stdout, stderr: r.stderr };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  }
  return { dir, motcua, env: () => env };
}
