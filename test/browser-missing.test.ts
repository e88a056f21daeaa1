/**
 * Issue 13, item 13: without Chromium (what `.ci/run` installs) a browser test file is skipped with a
 * message saying what is missing and how to install it, instead of failing on a launch error.
 * Outside CI only: in CI (CI=true) a missing browser is a failure.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

function vitest(file: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  const child = spawn(join(process.cwd(), 'node_modules/.bin/vitest'), ['run', file], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (b: Buffer) => { out += b.toString(); });
  child.stderr.on('data', (b: Buffer) => { out += b.toString(); });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out })));
}

// A nested vitest run of a minute or more, the same on either database: once per `npm test`, on PGlite.
describe.skipIf(inject('backend') === 'postgres')('a browser test file without the browser', () => {
  it('is skipped with a message naming the missing browser and the install line', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium', MOTCUA_TEST_DB: 'pglite' };
    delete env.CI;
    delete env.DATABASE_URL;
    delete env.VITEST; // the child is a vitest run of its own
    const r = await vitest('test/browser/demo-banner.test.ts', env);
    expect(r.out).not.toMatch(/Failed to launch|browserType\.launch/);
    expect(r.out).toMatch(/Chromium not found at \/nonexistent\/chromium/);
    expect(r.out).toMatch(/apt-get install/);
    expect(r.out).toMatch(/skipped/);
    expect(r.code, r.out).toBe(0);
  }, 300_000);
});
