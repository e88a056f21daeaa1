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
const failures = [];

/**
 * One backend's counts from vitest's JSON report. A test is counted once; a file that failed without a
 * failing test (it did not load, or a hook threw) counts as one failure of its own.
 */
function tally(report) {
  const files = report.testResults ?? [];
  const brokenFiles = files.filter((f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'));
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenFiles.length,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

for (const backend of backends) {
  console.log(`\n=== motcua tests on ${backend === 'pglite' ? 'embedded PGlite' : 'PostgreSQL (DATABASE_URL)'} ===\n`);
  const out = join(dir, `${backend}.json`);
  const run = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...extra], {
    stdio: 'inherit',
    env: { ...process.env, MOTCUA_TEST_DB: backend },
  });
  if (run.status !== 0) exitCode = run.status ?? 1;
  let counts;
  try {
    counts = tally(JSON.parse(readFileSync(out, 'utf8')));
  } catch {
    counts = { passed: 0, failed: 1, skipped: 0 }; // no report: the run itself broke
  }
  if (run.status !== 0 && counts.failed === 0) counts.failed = 1;
  passed += counts.passed;
  failed += counts.failed;
  skipped += counts.skipped;
  if (counts.failed) {
    exitCode ||= 1;
    failures.push(`${backend}: ${counts.failed} failed`);
  }
}
rmSync(dir, { recursive: true, force: true });
console.log(`\nbackends: ${backends.join(', ')}${failures.length ? ` (failed on ${failures.join('; ')})` : ''}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(exitCode);
