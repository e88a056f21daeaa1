/**
 * Issue 12, item 7: `npm start` is the demo and says so (GET /api/v1/meta); a production start
 * (MOTCUA_ENV=production) refuses demo and default secrets, seeds nothing, and the first province
 * admin is made with `motcua user create-admin`. The server runs as its own process (tsx src/main.ts).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/index.ts';
import { pkiSettings } from '../src/modules/pki/index.ts';
import { testApp } from './helpers.ts';
import { testConfig } from './config.ts';

const dir = mkdtempSync(join(tmpdir(), 'motcua-prod-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TSX = join(process.cwd(), 'node_modules/.bin/tsx');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    }).on('error', reject);
  });
}

/** The environment of a child: no PostgreSQL, cheap argon2, nothing of this process's demo settings. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ARGON2_MEMORY_KIB: '4096', ARGON2_TIME: '1', LOG_LEVEL: 'warn', ...extra };
  for (const k of ['DATABASE_URL', 'DEMO_PASSWORD', 'SEED_DEMO', 'DEMO_DOSSIERS', 'PKI_PASSPHRASE', 'COOKIE_SECURE', 'PUBLIC_BASE_URL', 'MOTCUA_ADMIN_PASSWORD', 'NODE_ENV']) {
    if (!(k in extra)) delete env[k];
  }
  return env;
}

interface Started { code: number | null; listening: boolean; stdout: string; stderr: string; stop(): Promise<number | null> }

/** Starts `node --import tsx src/main.ts`; resolves when it listens or when it exits, whichever comes first. */
function startMain(env: NodeJS.ProcessEnv): Promise<Started> {
  // Node itself with tsx's loader, not the tsx binary: SIGTERM reaches the server, not a parent that relays it.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve) => {
    const result = (code: number | null, listening: boolean): Started => ({
      code, listening, stdout, stderr,
      async stop() {
        if (child.exitCode === null) child.kill('SIGTERM');
        return exited;
      },
    });
    child.stdout.on('data', (b: Buffer) => {
      stdout += b.toString();
      if (/motcua: http:\/\//.test(stdout)) resolve(result(null, true));
    });
    child.stderr.on('data', (b: Buffer) => { stderr += b.toString(); });
    void exited.then((code) => resolve(result(code, false)));
  });
}

function run(args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(TSX, ['src/cli/index.ts', ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => { stdout += b.toString(); });
  child.stderr.on('data', (b: Buffer) => { stderr += b.toString(); });
  child.stdin.end(input ?? '');
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

const SECRETS = {
  MOTCUA_ENV: 'production',
  PKI_PASSPHRASE: 'a-long-province-passphrase-2026',
  COOKIE_SECURE: 'true',
  PUBLIC_BASE_URL: 'https://dichvucong.example.gov.vn',
};

describe('demo mode', () => {
  it('tells the web application it is a demo', async () => {
    const t = await testApp();
    try {
      const res = await t.app.inject({ url: '/api/v1/meta' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ environment: 'demo' });
    } finally {
      await t.close();
    }
  });
});

describe('production start', () => {
  it('never encrypts PKI keys with the demo passphrase in production (the command line included)', () => {
    const config = { ...testConfig(dir), environment: 'production' as const };
    expect(() => pkiSettings(config, {})).toThrow(/PKI_PASSPHRASE/);
    expect(() => pkiSettings(config, { PKI_PASSPHRASE: 'motcua-demo-pki' })).toThrow(/PKI_PASSPHRASE/);
    expect(pkiSettings(config, { PKI_PASSPHRASE: SECRETS.PKI_PASSPHRASE }).passphrase).toBe(SECRETS.PKI_PASSPHRASE);
  });

  it('refuses to start with the demo password and the default secrets, naming each', async () => {
    const s = await startMain(childEnv({ MOTCUA_ENV: 'production', DEMO_PASSWORD: 'MotCua@2026', PGLITE_DIR: 'memory://', DATA_DIR: dir, PORT: String(await freePort()) }));
    if (s.listening) await s.stop();
    expect(s.listening, s.stdout).toBe(false);
    expect(s.code).not.toBe(0);
    expect(s.code).not.toBe(null);
    expect(s.stderr).toMatch(/refusing to start in production/);
    for (const name of ['DEMO_PASSWORD', 'PKI_PASSPHRASE', 'COOKIE_SECURE', 'PUBLIC_BASE_URL']) expect(s.stderr).toContain(name);
  });

  it('refuses the published PKI passphrase even with everything else set', async () => {
    const s = await startMain(childEnv({ ...SECRETS, PKI_PASSPHRASE: 'motcua-demo-pki', PGLITE_DIR: 'memory://', DATA_DIR: dir, PORT: String(await freePort()) }));
    if (s.listening) await s.stop();
    expect(s.listening).toBe(false);
    expect(s.code).not.toBe(0);
    expect(s.stderr).toMatch(/PKI_PASSPHRASE is the published demo passphrase/);
    expect(s.stderr).not.toMatch(/COOKIE_SECURE/);
  });

  it('starts with proper secrets, seeds no account, dossier or PKI, and makes the first admin on the command line', async () => {
    const pg = join(dir, 'pg');
    const port = await freePort();
    const env = childEnv({ ...SECRETS, PGLITE_DIR: pg, DATA_DIR: dir, PORT: String(port) });
    const s = await startMain(env);
    try {
      expect(s.listening, s.stderr).toBe(true);
      const meta = await fetch(`http://127.0.0.1:${port}/api/v1/meta`);
      expect(await meta.json()).toMatchObject({ environment: 'production' });
      const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin.tinh', password: 'MotCua@2026' }),
      });
      expect(login.status).toBe(401);
      expect(s.stdout).not.toMatch(/DEMO mode/);
    } finally {
      expect(await s.stop()).toBe(0);
    }
    const count = async () => {
      const d = await openDatabase({ databaseUrl: null, pgliteDir: pg });
      try {
        const n = async (t: string) => Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t)}`.execute(d.db)).rows[0]!.n);
        return { users: await n('users'), dossiers: await n('dossiers'), certificates: await n('pki_certificates'), procedures: await n('procedures') };
      } finally {
        await d.close();
      }
    };
    expect(await count()).toEqual({ users: 0, dossiers: 0, certificates: 0, procedures: 0 });

    const cli = childEnv({ ...SECRETS, PGLITE_DIR: pg, DATA_DIR: dir });
    expect((await run(['demo-accounts'], cli)).code).not.toBe(0);
    const seeded = await run(['seed', '--catalog-only'], cli);
    expect(seeded.code, seeded.stderr).toBe(0);
    const weak = await run(['user', 'create-admin', '--username', 'qt.tinh'], cli, 'MotCua@2026\n');
    expect(weak.code).not.toBe(0);
    expect(weak.stderr).toMatch(/published demo password/);
    const made = await run(['user', 'create-admin', '--username', 'qt.tinh'], cli, 'Tinh-QuangTri-2026!\n');
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/created province admin qt.tinh/);
    const after = await count();
    expect(after).toMatchObject({ users: 1, dossiers: 0, certificates: 0 });
    expect(after.procedures).toBeGreaterThan(100);
    // A server start, a catalogue load and three command-line runs: 40 s on an idle machine, more on a loaded one.
  }, 180_000);
});
