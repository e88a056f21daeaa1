/**
 * Issue 13, item 12: the README's API example works as written. The shell block(s) under "## Try it"
 * (its first: the API example) run with bash (curl, jq) against a started server (`tsx src/main.ts`, demo mode, its own data
 * directory and port: `localhost:3000` in the text becomes the test's port), in a scratch folder.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toolsMissing } from './support/tools.ts';

const NO_TOOLS = toolsMissing('curl', 'jq'); // .ci/run installs jq
const TSX = join(process.cwd(), 'node_modules/.bin/tsx');
const dir = mkdtempSync(join(tmpdir(), 'motcua-readme-'));

/** The ```sh blocks of the README section `heading`. */
export function shellBlocks(markdown: string, heading: string): string[] {
  const start = markdown.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`README has no section "${heading}"`);
  const rest = markdown.slice(start + heading.length + 2);
  const section = rest.slice(0, rest.search(/\n## /) >= 0 ? rest.search(/\n## /) : undefined);
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    }).on('error', reject);
  });
}

let port = 0;
let stop: () => Promise<unknown> = async () => undefined;

beforeAll(async () => {
  if (NO_TOOLS) return;
  port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: join(dir, 'data'), PORT: String(port), HOST: '127.0.0.1', DEMO_DOSSIERS: '0', ARGON2_MEMORY_KIB: '4096', ARGON2_TIME: '1', LOG_LEVEL: 'warn', AUDIT_CHECKPOINT_MINUTES: '0' };
  for (const k of ['DATABASE_URL', 'PGLITE_DIR', 'DEMO_PASSWORD', 'SEED_DEMO', 'PKI_PASSPHRASE', 'MOTCUA_ENV', 'NODE_ENV']) delete env[k];
  const child = spawn(TSX, ['src/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  stop = async () => { if (child.exitCode === null) child.kill('SIGTERM'); return exited; };
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (b: Buffer) => { out += b.toString(); if (/motcua: http:\/\//.test(out)) resolve(); });
    child.stderr.on('data', (b: Buffer) => { out += b.toString(); });
    void exited.then((code) => reject(new Error(`server exited ${String(code)}:\n${out}`)));
  });
}, 240_000);
afterAll(async () => {
  await stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('README "Try it"', () => {
  it.skipIf(NO_TOOLS)('runs as written: finds the procedure, signs in, uploads a scan, submits a dossier', () => {
    // The API example is the section's first block (the next one starts the server on PostgreSQL).
    const [example] = shellBlocks(readFileSync('README.md', 'utf8'), '## Try it');
    expect(example).toContain('localhost:3000/api/v1/');
    const script = example!.replaceAll('localhost:3000', `localhost:${port}`);
    const work = mkdtempSync(join(dir, 'run-'));
    const r = spawnSync('bash', ['-euo', 'pipefail', '-c', script], { cwd: work, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(r.stdout).toMatch(/^1\.001193$/m);
    const submitted = JSON.parse(r.stdout.slice(r.stdout.indexOf('{'))) as { code: string; status: string };
    expect(submitted.status).toBe('registered');
    expect(submitted.code).toMatch(/^000\.18859\./);
  }, 120_000);
});
