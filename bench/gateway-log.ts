/**
 * `npm run bench:gateway-log`: the message log's record() alone, on a real PostgreSQL — one caller at a
 * time (the latency of a lone record on an idle gateway: no batching delay) and 32 at once (group commit:
 * records per second, batch sizes). Each call logs a request and its response with 1 KB bodies kept
 * inline, signed in batches with the province seal; no time-stamping (that is a job, off the path).
 * Settings: BENCH_SECONDS (default 5 per phase), DATABASE_URL (an admin connection; a scratch database is made).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/index.ts';
import { migrate } from '../src/db/migrate.ts';
import { systemClock } from '../src/platform/clock.ts';
import { loadSeed, readSeed } from '../src/modules/catalog/index.ts';
import { openMessageLog } from '../src/modules/gateway/log/index.ts';
import type { LogMessage } from '../src/modules/gateway/contracts.ts';
import type { Services } from '../src/platform/module.ts';
import { closedLoop, requireDatabaseUrl, scratchDatabase } from './lib.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const scratch = await scratchDatabase(requireDatabaseUrl(), 'motcua_bench_gwlog');
const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-gwlog-'));
const config = loadConfig({ ...process.env, DATA_DIR: dir, DATABASE_URL: scratch.url, LOG_LEVEL: 'silent' });
const d = await openDatabase({ databaseUrl: scratch.url, pgliteDir: '', poolSize: 8 });
try {
  await migrate(d);
  await loadSeed(d.db, readSeed(), systemClock.now(), () => undefined);
  const log = await openMessageLog({ db: d.db, config, clock: systemClock, services: {} as Services });
  const body = Buffer.alloc(1024, 'a');
  const message = async (kind: LogMessage['kind'], xRoadId: string): Promise<LogMessage> => {
    const sink = log.bodySink({ digestOnly: false });
    await pipeline(Readable.from([body]), sink.stream);
    return {
      kind, xRoadId, requestId: xRoadId, client: 'VN/GOV/000.00.44.H56/MOTCUA', service: 'VN/GOV/000.00.01.G01/DANCU/citizen',
      method: 'POST', path: '/lookup', ...(kind === 'response' && { status: 200 }), headers: { 'content-type': 'application/json' },
      body: await sink.finish(), at: new Date(),
    };
  };
  const task = async () => {
    const id = randomUUID();
    await log.record([await message('request', id), await message('response', id)]);
  };
  await closedLoop(4, 1, task); // warm-up: the seal is issued, connections open
  for (const concurrency of [1, 32]) {
    const before = { ...log.stats };
    const r = await closedLoop(concurrency, SECONDS, task);
    const batches = log.stats.batches - before.batches;
    const records = log.stats.records - before.records;
    console.log(`${concurrency} caller(s): ${r.perSecond.toFixed(0)} record() calls/s (${(r.perSecond * 2).toFixed(0)} messages/s), p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms; ${batches} batches, ${(records / batches).toFixed(1)} messages per batch on average, largest ${log.stats.largest}`);
  }
  await log.close();
} finally {
  await d.close();
  await scratch.drop();
  rmSync(dir, { recursive: true, force: true });
}
