import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { freshDatabase } from './helpers.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'motcua-cli-'));
let env: NodeJS.ProcessEnv;
let database: Awaited<ReturnType<typeof freshDatabase>> | null = null;

beforeAll(async () => {
  env = { ...process.env, DATA_DIR: dir, ARGON2_MEMORY_KIB: '4096', ARGON2_TIME: '1', DEMO_PASSWORD: 'MotCua@2026' };
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

async function motcua(...args: string[]) {
  try {
    const r = await run(process.execPath, ['bin/motcua.js', ...args], { env, timeout: 120_000 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('motcua command line', () => {
  it('seeds the demo province and lists the demo accounts', async () => {
    const seeded = await motcua('seed');
    expect(seeded.code, seeded.stderr).toBe(0);
    expect(seeded.stdout).toMatch(/seeded 79 units, 169 agencies/);
    const accounts = await motcua('demo-accounts', '--json');
    const list = JSON.parse(accounts.stdout) as { username: string; kind: string }[];
    expect(list.filter((a) => a.kind === 'citizen')).toHaveLength(1);
    expect(list.length).toBeGreaterThanOrEqual(10);
  });

  it('creates an officer account and refuses a bad role', async () => {
    const ok = await motcua('user', 'create', '--username', 'cv.moi', '--password', 'Sen-vang-2026', '--role', 'specialist', '--agency', '000.00.02.H50');
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/created officer cv.moi/);
    const bad = await motcua('user', 'create', '--username', 'cv.sai', '--password', 'Sen-vang-2026', '--role', 'king', '--agency', '000.00.02.H50');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/roles must be/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it('imports procedures with progress, versioning changed ones', async () => {
    const r = await motcua('import', 'procedures', 'test/fixtures/procedures-2.json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/imported 2: 0 new, 1 new versions, 1 unchanged/);
    expect(r.stderr).toMatch(/100%/);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify([{ code: 42 }]));
    const refused = await motcua('import', 'procedures', bad);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/#0/);
  });

  it('takes a signed checkpoint and verifies the audit log against it', async () => {
    const cp = await motcua('audit', 'checkpoint');
    expect(cp.code, cp.stderr).toBe(0);
    expect(cp.stdout).toMatch(/checkpoint [0-9a-f-]{36} at .*: 8 chain heads, signed/);
    const r = await motcua('audit', 'verify', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, checkpoints: { total: 1, valid: 1 } });
    const text = await motcua('audit', 'verify');
    expect(text.stdout).toMatch(/audit log intact: \d+ entries verified against 1 signed checkpoint/);
  });

  it('answers calendar questions', async () => {
    const r = await motcua('calendar', 'is-working-day', '2026-02-16', '--json');
    expect(JSON.parse(r.stdout)).toMatchObject({ date: '2026-02-16', working: false });
    const due = await motcua('calendar', 'add-working-days', '2026-02-12T09:00:00+07:00', '3', '--json');
    expect(JSON.parse(due.stdout)).toEqual({ due: '2026-02-24T09:00:00+07:00' });
  });
});
