#!/usr/bin/env node
// `npm test`: the whole suite on embedded PGlite, then again on PostgreSQL when DATABASE_URL is set.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const extra = process.argv.slice(2);
const backends = ['pglite', ...(process.env.DATABASE_URL ? ['postgres'] : [])];
const dir = mkdtempSync(join(tmpdir(), 'motcua-results-'));
let passed = 0;
let failed = 0;
let skipped = 0;
let exitCode = 0;

for (const backend of backends) {
  console.log(`\n=== motcua tests on ${backend === 'pglite' ? 'embedded PGlite' : 'PostgreSQL (DATABASE_URL)'} ===\n`);
  const out = join(dir, `${backend}.json`);
  const run = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...extra], {
    stdio: 'inherit',
    env: { ...process.env, MOTCUA_TEST_DB: backend },
  });
  if (run.status !== 0) exitCode = run.status ?? 1;
  try {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests + (r.numFailedTestSuites ?? 0);
    skipped += r.numPendingTests + r.numTodoTests;
  } catch {
    failed += 1;
    exitCode ||= 1;
  }
}
rmSync(dir, { recursive: true, force: true });
console.log(`\nbackends: ${backends.join(', ')}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(exitCode);
