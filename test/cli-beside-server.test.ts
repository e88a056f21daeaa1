/**
 * Issue 13, item 4: the command line works beside a running server on the embedded database. PGlite
 * is one process's database; the server serves it on a unix socket in its data directory
 * (`PGLITE_DIR/.s.PGSQL.5432`) and the command line connects through it instead of opening the files
 * (which aborted with "Aborted()").
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const TSX = join(process.cwd(), 'node_modules/.bin/tsx');
const dir = mkdtempSync(join(tmpdir(), 'motcua-cli-'));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    }).on('error', reject);
  });
}

function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ARGON2_MEMORY_KIB: '4096', ARGON2_TIME: '1', LOG_LEVEL: 'warn', ...extra };
  for (const k of ['DATABASE_URL', 'PGLITE_DIR', 'DEMO_PASSWORD', 'SEED_DEMO', 'PKI_PASSPHRASE', 'MOTCUA_ENV', 'NODE_ENV']) if (!(k in extra)) delete env[k];
  return env;
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(TSX, ['src/cli/index.ts', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => { stdout += b.toString(); });
  child.stderr.on('data', (b: Buffer) => { stderr += b.toString(); });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

let env: NodeJS.ProcessEnv;
let base: string;
let stopServer: () => Promise<number | null>;
let serverOutput = '';

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  env = childEnv({ DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', DEMO_DOSSIERS: '0', AUDIT_CHECKPOINT_MINUTES: '0', ESCALATION_INTERVAL_MINUTES: '0' });
  const child = spawn(TSX, ['src/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  stopServer = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    return exited;
  };
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (b: Buffer) => {
      serverOutput += b.toString();
      if (/motcua: http:\/\//.test(serverOutput)) resolve();
    });
    child.stderr.on('data', (b: Buffer) => { serverOutput += b.toString(); });
    void exited.then((code) => reject(new Error(`server exited ${code}:\n${serverOutput}`)));
  });
}, 240_000);

afterAll(async () => {
  await stopServer?.();
  rmSync(dir, { recursive: true, force: true });
});

async function stillServing(): Promise<void> {
  const res = await fetch(`${base}/api/v1/procedures?q=khai%20sinh&limit=1`);
  expect(res.status).toBe(200);
  expect(((await res.json()) as { total: number }).total).toBeGreaterThan(0);
}

describe('the command line beside a server on PGlite', () => {
  it('the server serves its database on a unix socket in the data directory', () => {
    expect(statSync(join(dir, 'pg', '.s.PGSQL.5432'), { throwIfNoEntry: false })?.isSocket()).toBe(true);
  });

  it('pki list', async () => {
    const r = await run(['pki', 'list'], env);
    expect(r.stderr).not.toMatch(/Aborted/);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/seal|root|CA/i);
    await stillServing();
  }, 120_000);

  it('user create, then the new officer signs in through the server', async () => {
    const accounts = JSON.parse((await run(['demo-accounts', '--json'], env)).stdout) as { agencyId: string | null }[];
    const agency = accounts.find((a) => a.agencyId)!.agencyId!;
    const r = await run(['user', 'create', '--username', 'cv.moi', '--password', 'Xanh-Lam-Cau-Vong-2026', '--role', 'specialist', '--agency', agency], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/created officer cv\.moi/);
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'cv.moi', password: 'Xanh-Lam-Cau-Vong-2026' }),
    });
    expect(login.status).toBe(200);
  }, 120_000);

  it('audit verify and ioc consume', async () => {
    const v = await run(['audit', 'verify', '--json'], env);
    expect(v.code, v.stderr).toBe(0);
    const c = await run(['ioc', 'consume'], env);
    expect(c.code, c.stderr).toBe(0);
    await stillServing();
  }, 120_000);
});
