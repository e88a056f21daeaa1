/**
 * Programs some tests need beside Node (what `.ci/run` installs with apt-get): Chromium for the
 * browser tests, poppler's pdfsig/pdftotext/pdftoppm, qpdf, and certutil (libnss3-tools). Without one,
 * the tests that need it are skipped with a message saying what to install — except in CI (CI=true),
 * where a missing program is a failure, not a skip.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const PACKAGES: Record<string, string> = {
  chromium: 'chromium', pdfsig: 'poppler-utils', pdftotext: 'poppler-utils', pdftoppm: 'poppler-utils',
  qpdf: 'qpdf', certutil: 'libnss3-tools',
};

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && executable(join(dir, name)));
}

const inCi = (): boolean => !!process.env.CI && process.env.CI !== 'false';
const told = new Set<string>();

/** Prints the message once per test process. */
export function tellOnce(message: string): void {
  if (told.has(message)) return;
  told.add(message);
  console.warn(`\n*** ${message}\n`);
}

function installLine(names: string[]): string {
  return `apt-get install -y ${[...new Set(names.map((n) => PACKAGES[n] ?? n))].join(' ')} (what .ci/run installs; see README, "Tests")`;
}

/** Why the browser tests cannot run (Chromium missing at `path`), or null; null in CI, where it must fail. */
export function browserMissing(path: string): string | null {
  if (executable(path) || inCi()) return null;
  return `Chromium not found at ${path} (set CHROMIUM_PATH): browser tests skipped. Install it: ${installLine(['chromium'])}`;
}

/** Why tests needing `names` cannot run (which are missing), or null; null in CI, where they must fail. */
export function toolsMissing(...names: string[]): string | null {
  const missing = names.filter((n) => !onPath(n));
  if (!missing.length || inCi()) return null;
  const message = `${missing.join(', ')} not found on PATH: the tests that need ${missing.length > 1 ? 'them' : 'it'} are skipped. Install: ${installLine(missing)}`;
  tellOnce(message);
  return message;
}
