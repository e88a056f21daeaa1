/**
 * Test support for the signed-documents tests: an app with the results module's routes, the
 * lifecycle's document issuer driven after an action (when the lifecycle did not issue it),
 * and the independent verifiers (poppler's pdfsig with an NSS database trusting the province root,
 * qpdf, pdftotext, pdftoppm).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { inTx, type Executor } from '../../src/db/index.ts';
import type { Principal } from '../../src/platform/auth.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { fsBlobStore, type BlobStore } from '../../src/modules/files/index.ts';
import * as dossiers from '../../src/modules/dossiers/index.ts';
import { buildServer } from '../../src/server.ts';
import type { Config } from '../../src/config.ts';
import { freshDatabase } from '../helpers.ts';
import { testConfig, TEST_NOW } from '../config.ts';
import { documentIssuer, resultRoutes, verifyPageRoutes } from '../../src/modules/results/index.ts';
import * as store from '../../src/modules/results/store.ts';

export interface ResultsApp {
  app: FastifyInstance;
  db: Awaited<ReturnType<typeof freshDatabase>>['db'];
  config: Config;
  clock: ReturnType<typeof fixedClock>;
  blobs: BlobStore;
  dir: string;
  close(): Promise<void>;
}

/**
 * The platform's server with this module's routes (registered here until server.ts does it). CA keys
 * are 2048-bit in tests (key generation dominates otherwise); the code path is the same.
 */
export async function resultsApp(overrides: Partial<Config> = {}): Promise<ResultsApp> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-results-'));
  const config = testConfig(dir, { sessionTtlHours: 24 * 365, pki: { caKeyBits: 2048 }, ...overrides } as Partial<Config>);
  const database = await freshDatabase();
  const clock = fixedClock(TEST_NOW);
  const blobs = fsBlobStore(config.filesDir);
  const app = await buildServer({ config, db: database.db, clock, blobs, logger: false });
  const deps = { db: database.db, clock, config };
  if (!app.hasRoute({ method: 'POST', url: '/api/v1/verify' })) await app.register(resultRoutes(deps, blobs), { prefix: '/api/v1' });
  if (!app.hasRoute({ method: 'GET', url: '/verify/:id' })) await app.register(verifyPageRoutes(deps, blobs));
  await app.ready();
  return {
    app, db: database.db, config, clock, blobs, dir,
    async close() {
      await app.close();
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function principalOf(db: Executor, username: string): Promise<Principal> {
  const u = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
  return { userId: u.id, kind: u.kind, username: u.username, fullName: u.full_name, agencyId: u.agency_id, roles: u.roles };
}

/**
 * What the lifecycle does inside an action, run after it: the document of the dossier's latest event,
 * prepared and recorded (skipped when the lifecycle already issued it).
 */
export async function issueLatest(t: ResultsApp, code: string, username: string) {
  const row = (await dossiers.dossierByCode(t.db, code))!;
  const event = (await dossiers.dossierHistory(t.db, row.id)).at(-1)!;
  const done = (await store.documentsOf(t.db, row.id)).find((d) => d.history_seq === event.seq);
  if (done) return done;
  const ctx = { db: t.db, clock: t.clock, config: t.config, actor: null, requestId: null, log: null };
  const issuer = documentIssuer(t.blobs);
  const prepared = await issuer.prepare(ctx, { dossier: row, event, actor: await principalOf(t.db, username) });
  if (!prepared) return null;
  await inTx(t.db, (tx) => issuer.record(tx, ctx, prepared));
  return prepared.row;
}

/** A throwaway NSS database trusting `rootPem` for signing (what pdfsig validates against). */
export function nssTrusting(rootPem: string): { dir: string; close(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-nss-'));
  writeFileSync(join(dir, 'root.pem'), rootPem);
  execFileSync('certutil', ['-N', '-d', `sql:${dir}`, '--empty-password']);
  execFileSync('certutil', ['-A', '-n', 'motcua-root', '-t', 'CT,C,C', '-i', join(dir, 'root.pem'), '-d', `sql:${dir}`]);
  return { dir, close: () => rmSync(dir, { recursive: true, force: true }) };
}

function run(cmd: string, args: string[]): { code: number; out: string } {
  try {
    return { code: 0, out: execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { code: err.status, out: `${err.stdout}${err.stderr}` };
  }
}

export function pdfsig(nssDir: string, pdf: Buffer): { code: number; out: string } {
  const f = join(nssDir, `doc-${Date.now()}-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(f, pdf);
  return run('pdfsig', ['-nssdir', `sql:${nssDir}`, f]);
}

export function qpdfCheck(pdf: Buffer): { code: number; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-qpdf-'));
  writeFileSync(join(dir, 'doc.pdf'), pdf);
  const r = run('qpdf', ['--check', join(dir, 'doc.pdf')]);
  rmSync(dir, { recursive: true, force: true });
  return r;
}

export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-text-'));
  writeFileSync(join(dir, 'doc.pdf'), pdf);
  const r = run('pdftotext', ['-layout', join(dir, 'doc.pdf'), '-']);
  rmSync(dir, { recursive: true, force: true });
  return r.out;
}

/** Renders page 1 to test-artifacts/<name>.png (git-ignored) for a human to look at. */
export function renderPage(pdf: Buffer, name: string): string {
  const out = join(process.cwd(), 'test-artifacts');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, `${name}.pdf`), pdf);
  run('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', join(out, `${name}.pdf`), join(out, name)]);
  return join(out, `${name}.png`);
}

export const flipByte = (pdf: Buffer, at: number): Buffer => {
  const copy = Buffer.from(pdf);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
};

