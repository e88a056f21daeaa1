/**
 * Browser-test harness: the real server (a fresh database cloned from the run's template, as in
 * test/helpers.ts) listening on 127.0.0.1, serving the built web application, and Debian's Chromium
 * driven by playwright-core. Screenshots go to test-artifacts/screenshots/ (git-ignored).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { fsBlobStore } from '../../src/modules/files/blobs.ts';
import { fixedClock, type Clock } from '../../src/platform/clock.ts';
import { runConsumers } from '../../src/platform/consumers.ts';
import { iocConsumer } from '../../src/modules/ioc/stream.ts';
import { webRoutes } from '../../src/platform/web.ts';
import { buildServer } from '../../src/server.ts';
import { testConfig, TEST_NOW } from '../config.ts';
import type { Config } from '../../src/config.ts';
import { freshDatabase } from '../helpers.ts';
import { browserMissing, tellOnce } from '../support/tools.ts';
import { beforeEach } from 'vitest';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const DIST = join(ROOT, 'web/dist');
export const SHOTS = join(ROOT, 'test-artifacts/screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/**
 * Without Chromium (outside CI) every test of a browser test file is skipped with this message,
 * printed once, instead of failing on a launch error: the file's hooks still run, `launch()` gives a
 * browser that is never used, and `ensureWebBuilt()` builds nothing.
 */
export const BROWSER_MISSING = browserMissing(CHROMIUM);
if (BROWSER_MISSING) {
  tellOnce(BROWSER_MISSING);
  beforeEach((ctx) => ctx.skip(BROWSER_MISSING));
}

function newest(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((f) => newest(join(path, f))));
}

function fresh(): boolean {
  const index = join(DIST, 'index.html');
  const sources = Math.max(newest(join(ROOT, 'web/src')), newest(join(ROOT, 'web/index.html')), newest(join(ROOT, 'web/vite.config.ts')));
  return existsSync(index) && statSync(index).mtimeMs >= sources;
}

function build(): void {
  // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const r = spawnSync(process.execPath, ['scripts/build-web.mjs'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0) throw new Error(`web build failed:\n${r.stdout}\n${r.stderr}`);
}

/**
 * Builds web/dist when it is missing or older than the sources. Test files run in parallel
 * processes: a lock directory makes one of them build while the others wait.
 */
export async function ensureWebBuilt(): Promise<void> {
  if (BROWSER_MISSING) return;
  const lock = join(tmpdir(), `motcua-web-build-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}.lock`);
  for (let waited = 0; waited < 180_000; waited += 250) {
    if (existsSync(lock)) {
      if (Date.now() - statSync(lock).mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true }); // left by a crashed run
      else {
        await new Promise((r) => setTimeout(r, 250));
        continue;
      }
    }
    if (fresh()) return;
    try {
      mkdirSync(lock);
    } catch {
      continue; // another process took it first
    }
    try {
      if (!fresh()) build();
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
    return;
  }
  throw new Error('timed out waiting for another process to build web/dist');
}

export interface Served {
  app: FastifyInstance;
  url: string;
  database: Awaited<ReturnType<typeof freshDatabase>>;
  clock: Clock & { advance(ms: number): void };
  close(): Promise<void>;
}

/** `consumers`: fold dossier events into the IOC figures as `npm start` does (every 100 ms here). */
export async function serve(opts: { consumers?: boolean; config?: Partial<Config> } = {}): Promise<Served> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-web-'));
  // The clock stands still on a working day; sessions must outlive the real date in the browser.
  const config = testConfig(dir, { sessionTtlHours: 24 * 365 * 20, ...opts.config });
  const database = await freshDatabase();
  const clock = fixedClock(TEST_NOW);
  const app = await buildServer({ config, db: database.db, clock, blobs: fsBlobStore(config.filesDir), logger: false });
  // Until server.ts registers the web plugin itself (then this is a no-op).
  if (!app.hasRoute({ method: 'GET', url: '/assets/*' })) await app.register(webRoutes({ distDir: DIST }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const consumers = opts.consumers ? runConsumers(database.db, [iocConsumer()], { intervalMs: 100 }) : null;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    database,
    clock,
    async close() {
      await consumers?.stop();
      await app.close();
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function launch(): Promise<Browser> {
  if (BROWSER_MISSING) return Promise.resolve({ close: async () => undefined, contexts: () => [] } as unknown as Browser);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface Viewport {
  name: 'phone' | 'desktop';
  width: number;
  height: number;
  mobile: boolean;
}

export const PHONE: Viewport = { name: 'phone', width: 390, height: 844, mobile: true };
export const DESKTOP: Viewport = { name: 'desktop', width: 1366, height: 900, mobile: false };

/** A browser context per user, with problems (uncaught errors, CSP violations) collected. */
export async function context(browser: Browser, base: string, vp: Viewport): Promise<BrowserContext & { problems: string[] }> {
  const ctx = await browser.newContext({
    baseURL: base, viewport: { width: vp.width, height: vp.height }, isMobile: vp.mobile, hasTouch: vp.mobile,
    deviceScaleFactor: 1, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const problems: string[] = [];
  ctx.on('page', (page) => watch(page, problems));
  return Object.assign(ctx, { problems });
}

function watch(page: Page, problems: string[]): void {
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    // Failed API calls (401 from /auth/me when signed out, 404s) are expected; script errors and CSP violations are not.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) problems.push(`console: ${msg.text()}`);
  });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** axe-core in the page (evaluated through the DevTools protocol, so the page's CSP stays as served). */
export async function axe(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(axeSource);
  return page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) })))`);
}

export async function shot(page: Page, vp: Viewport, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${vp.name}-${name}.png`), fullPage: true, animations: 'disabled' });
}

/** On a failure, what every open page showed (test-artifacts/screenshots/failure-*.png). */
export async function failureShots(browser: Browser, vp: Viewport): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  let n = 0;
  for (const ctx of browser.contexts()) {
    for (const page of ctx.pages()) {
      await page.screenshot({ path: join(SHOTS, `failure-${vp.name}-${++n}.png`), fullPage: true }).catch(() => undefined);
    }
  }
}
