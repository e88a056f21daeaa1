/**
 * `npx tsx bench/verify-attack.ts`: how long `/health/live` takes while `POST /api/v1/verify` is fed
 * crafted PDFs (issue 12, item 4), next to the same health checks on the idle server in the same run.
 *
 * Starts the server as `npm start` does (`tsx src/main.ts`, embedded PGlite in a scratch folder, no
 * demo data) from BENCH_APP_DIR (default: this checkout; point it at another checkout to measure the
 * code before a change), then: health checks one after another for BENCH_IDLE_SECONDS (baseline);
 * then BENCH_ATTACKERS connections each sending the crafted PDF (BENCH_SIZE_MIB MiB of filler,
 * BENCH_SIGNATURES signature dictionaries whose ranges cover the whole file, each a real CMS) in a
 * loop for BENCH_SECONDS, while the same health checks run. Prints latencies and the verify answers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { percentile, startServer } from './lib.ts';
import { craftedSignedPdf, someCms } from '../test/support/crafted-pdf.ts';

const APP = resolve(process.env.BENCH_APP_DIR ?? '.');
const SIZE_MIB = Number(process.env.BENCH_SIZE_MIB ?? 20);
const SIGNATURES = Number(process.env.BENCH_SIGNATURES ?? 16);
const ATTACKERS = Number(process.env.BENCH_ATTACKERS ?? 4);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 3);

async function startAttackedServer() {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-verify-'));
  const server = await startServer({ DATABASE_URL: '', DATA_DIR: dir, SEED_DEMO: 'false', FILE_MAX_BYTES: String(24 * 1024 * 1024) }, { cwd: APP });
  return {
    url: server.url,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function healthLoop(url: string, until: () => boolean) {
  const ms: number[] = [];
  while (!until()) {
    const t0 = performance.now();
    const r = await fetch(`${url}/health/live`);
    await r.arrayBuffer();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { n: ms.length, p50: percentile(ms, 50), p99: percentile(ms, 99), max: ms.at(-1) ?? NaN };
}

const fmt = (x: number) => `${x.toFixed(1)} ms`;

const pdf = craftedSignedPdf(SIZE_MIB * 1024 * 1024, SIGNATURES, await someCms());
const server = await startAttackedServer();
try {
  // Warm-up: one verification (a worker thread starts and loads its modules), one health check.
  await (await fetch(`${server.url}/api/v1/verify`, { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: pdf })).arrayBuffer();
  const idleEnd = performance.now() + IDLE_SECONDS * 1000;
  const idle = await healthLoop(server.url, () => performance.now() > idleEnd);

  const end = performance.now() + SECONDS * 1000;
  const statuses = new Map<number, number>();
  const verifyMs: number[] = [];
  const attackers = Array.from({ length: ATTACKERS }, async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      const r = await fetch(`${server.url}/api/v1/verify`, { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: pdf });
      await r.arrayBuffer();
      verifyMs.push(performance.now() - t0);
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    }
  });
  const attacked = await healthLoop(server.url, () => performance.now() > end);
  await Promise.all(attackers);
  verifyMs.sort((a, b) => a - b);

  console.log(`app: ${APP}`);
  console.log(`crafted PDF: ${(pdf.length / 1024 / 1024).toFixed(1)} MiB, ${SIGNATURES} signatures; ${ATTACKERS} attackers for ${SECONDS} s`);
  console.log(`health idle:         n=${idle.n} p50=${fmt(idle.p50)} p99=${fmt(idle.p99)} max=${fmt(idle.max)}`);
  console.log(`health under attack: n=${attacked.n} p50=${fmt(attacked.p50)} p99=${fmt(attacked.p99)} max=${fmt(attacked.max)}`);
  console.log(`verify: ${verifyMs.length} answers ${JSON.stringify(Object.fromEntries(statuses))}, p50=${fmt(percentile(verifyMs, 50))} max=${fmt(verifyMs.at(-1) ?? NaN)}`);
  console.log(`| ${new Date().toISOString().slice(0, 10)} | ${SIZE_MIB} MiB × ${SIGNATURES} sig, ${ATTACKERS} conn, ${SECONDS} s | ${fmt(idle.p50)} | ${fmt(attacked.p50)} | ${fmt(attacked.p99)} | ${fmt(attacked.max)} | ${verifyMs.length} |`);
} finally {
  await server.stop();
}
