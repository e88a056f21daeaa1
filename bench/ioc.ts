/**
 * `npm run bench:ioc`: the IOC dashboard's data at province scale, on a real PostgreSQL (DATABASE_URL).
 * Generates a province-year (`BENCH_DOSSIERS`, default 1,000,000) into a scratch database with the
 * generator (COPY), then, in the same run:
 * - p50/p95 of the whole dashboard's data (province, one period) through the service in-process and
 *   through GET /api/v1/ioc/dashboard over HTTP (loopback, one connection, sequential);
 * - the same figures computed by plain GROUP BY over dossier_history ⋈ dossiers (the baseline);
 * - p50/p95 of an agency leader's dashboard (the busiest agency) through the service;
 * - rollup throughput: outbox events per second the consumer applies.
 * Stops by itself; drops the scratch database unless BENCH_KEEP=1 (BENCH_REUSE=1 reuses a kept one).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/index.ts';
import { migrate } from '../src/db/migrate.ts';
import { systemClock } from '../src/platform/clock.ts';
import { catchUp } from '../src/platform/consumers.ts';
import { seedDemo } from '../src/cli/seed.ts';
import { fsBlobStore } from '../src/modules/files/blobs.ts';
import { buildServer } from '../src/server.ts';
import { generate } from '../src/cli/generate.ts';
import { parsePeriod } from '../src/modules/ioc/model.ts';
import { plainDashboard } from './ioc-plain.ts';
import { IOC_CONSUMER, iocHandler, rebuildRollups } from '../src/modules/ioc/rollups.ts';
import { iocDashboard } from '../src/modules/ioc/service.ts';
import { percentile, requireDatabaseUrl, scratchDatabase } from './lib.ts';

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 1_000_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const PLAIN_ITERATIONS = Number(process.env.BENCH_PLAIN_ITERATIONS ?? 5);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const YEAR = 2026;
const PERIODS = (process.env.BENCH_PERIODS ?? `${YEAR},${YEAR}-Q3`).split(',');
const log = (m: string) => console.error(`[bench:ioc] ${m}`);

async function timed(n: number, fn: () => Promise<unknown>) {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { n, p50: +percentile(ms, 50).toFixed(2), p95: +percentile(ms, 95).toFixed(2) };
}

const adminUrl = requireDatabaseUrl();
const scratch = await scratchDatabase(adminUrl, `motcua_bench_ioc_${DOSSIERS}`, { keep: process.env.BENCH_KEEP === '1', reuse: process.env.BENCH_REUSE === '1' });
const reuse = scratch.reused;
const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-ioc-'));
const config = { ...loadConfig({ ...process.env, DATABASE_URL: scratch.url, DATA_DIR: dir, LOG_LEVEL: 'warn' }), databasePoolSize: 8 };
const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: '', poolSize: config.databasePoolSize });
try {
  await migrate(database);
  let generation: Awaited<ReturnType<typeof generate>> | null = null;
  let rebuildSeconds: number | null = null;
  if (reuse) {
    log('reusing the kept database: rebuilding the rollups from the raw history...');
    const t0 = performance.now();
    await rebuildRollups(database.db);
    rebuildSeconds = Math.round((performance.now() - t0) / 100) / 10;
    await sql`vacuum (analyze) dossiers`.execute(database.db);
  } else {
    await seedDemo(database.db, config, systemClock, {});
    log(`generating ${DOSSIERS} dossiers for ${YEAR} (COPY), then rebuilding the rollups...`);
    let shown = 0;
    const started = performance.now();
    generation = await generate(database, {
      dossiers: DOSSIERS, year: YEAR, seed: 'bench', databaseUrl: config.databaseUrl,
      progress: (phase, done, total) => {
        if (done < shown) shown = 0;
        if (done - shown < total / 10 && done !== total) return;
        log(`${phase} ${done}/${total} (${Math.round((performance.now() - started) / 1000)}s)`);
        shown = done;
      },
    });
    log(`generated in ${generation.seconds}s: ${generation.historyRows} history rows, ${generation.rebuild.rows} rollup rows`);
  }
  const app = await buildServer({ config, db: database.db, clock: systemClock, blobs: fsBlobStore(join(dir, 'files')), logger: false });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin.tinh', password: config.demoPassword }) });
  const token = ((await login.json()) as { token: string }).token;

  const { rows: [top] } = await sql<{ key: string }>`select key from ioc_rollups where scope = '' and level = 'agency'
    group by key order by sum(received) desc limit 1`.execute(database.db);
  const busiest = top!.key;
  const results = [];
  for (const label of PERIODS) {
    const period = parsePeriod(label)!;
    const scoped = { level: 'province' as const, scope: '', period };
    await iocDashboard(database.db, scoped, systemClock.now()); // warm-up (catalogue cache, plans)
    const service = await timed(ITERATIONS, () => iocDashboard(database.db, scoped, systemClock.now()));
    const http = await timed(ITERATIONS, async () => {
      const res = await fetch(`${base}/api/v1/ioc/dashboard?period=${label}&level=province`, { headers: { authorization: `Bearer ${token}` } });
      if (res.status !== 200) throw new Error(`dashboard: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    });
    log(`${label}: plain GROUP BY ×${PLAIN_ITERATIONS}...`);
    const plain = await timed(PLAIN_ITERATIONS, () => plainDashboard(database.db, period));
    // An agency leader's dashboard: the busiest agency, its procedures and communes within it.
    const agency = { level: 'agency' as const, scope: '', id: busiest, period };
    const agencyService = await timed(ITERATIONS, () => iocDashboard(database.db, agency, systemClock.now()));
    const r = { period: label, service, http, plain, agencyService, speedupService: +(plain.p95 / service.p95).toFixed(1), speedupHttp: +(plain.p95 / http.p95).toFixed(1) };
    log(JSON.stringify(r));
    results.push(r);
  }
  await app.close();

  // Rollup throughput: replay real history rows as outbox events (the payloads the services emit).
  log(`consumer throughput: ${EVENTS} events...`);
  await catchUp(database.db, IOC_CONSUMER, iocHandler());
  await sql`insert into outbox (topic, aggregate_type, aggregate_id, payload, occurred_at)
    select 'dossier.' || h.action, 'dossier', d.id::text, jsonb_build_object('code', d.code, 'action', h.action, 'from', null, 'to', h.status,
      'seq', h.seq, 'procedureCode', d.procedure_code, 'deskAgencyId', d.desk_agency_id, 'handlingAgencyId', d.handling_agency_id,
      'communeCode', d.commune_code, 'channel', d.channel, 'dueAt', d.due_at, 'data', h.data), h.occurred_at
    from dossier_history h join dossiers d on d.id = h.dossier_id
    where h.dossier_id in (select id from dossiers order by id limit ${Math.ceil(EVENTS / 4)})
    order by h.dossier_id, h.seq limit ${EVENTS}`.execute(database.db);
  const t0 = performance.now();
  const applied = await catchUp(database.db, IOC_CONSUMER, iocHandler(), { batch: 1000, timeoutMs: 600_000 });
  const perSecond = Math.round(applied / ((performance.now() - t0) / 1000));
  log(`consumer applied ${applied} events at ${perSecond}/s`);

  const { rows: [size] } = await sql<{ dossiers: number; history: number; rollups: number }>`select (select count(*)::int from dossiers) dossiers,
    (select count(*)::int from dossier_history) history, (select count(*)::int from ioc_rollups) rollups`.execute(database.db);
  console.log(`IOC benchmark — ${size!.dossiers} dossiers, ${size!.history} history rows, ${size!.rollups} rollup rows`);
  if (generation) console.log(`generate: ${generation.seconds}s (COPY + rollup rebuild ${generation.rebuild.events} events)`);
  if (rebuildSeconds !== null) console.log(`rollup rebuild from the raw history: ${rebuildSeconds}s`);
  for (const r of results) {
    console.log(`${r.period.padEnd(8)} dashboard p95: service ${r.service.p95} ms, HTTP ${r.http.p95} ms | plain GROUP BY p95 ${r.plain.p95} ms | speed-up ×${r.speedupService} (service), ×${r.speedupHttp} (HTTP)`);
    console.log(`${r.period.padEnd(8)} agency leader's dashboard (busiest agency) p50 ${r.agencyService.p50} ms, p95 ${r.agencyService.p95} ms (service)`);
  }
  console.log(`consumer: ${perSecond} events/s (${applied} events, batches of 1000)`);
  console.log(JSON.stringify({ date: new Date().toISOString(), dossiers: size!.dossiers, history: size!.history, rollups: size!.rollups, generation, rebuildSeconds, results, consumer: { events: applied, perSecond } }));
} finally {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
  await scratch.drop();
}
