/**
 * Issue 14: batch time-stamps over RFC 3161 (a TSA in its own process), status() while the TSA is down,
 * and `gateway log verify` finding exactly the record that was changed, removed or reordered by someone
 * who bypassed the append-only triggers.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/platform/clock.ts';
import { openMessageLog, type RunningMessageLog } from '../src/modules/gateway/log/index.ts';
import { timestampPending } from '../src/modules/gateway/log/timestamp.ts';
import { verifyMessageLog } from '../src/modules/gateway/log/verify.ts';
import { lt, type RecordRow } from '../src/modules/gateway/log/store.ts';
import type { Config } from '../src/config.ts';
import type { Database } from '../src/db/index.ts';
import type { Services } from '../src/platform/module.ts';
import { testConfig, TEST_NOW } from './config.ts';
import { freshDatabase } from './helpers.ts';
import { exchange, sinkOf, message } from './support/gateway-log-kit.ts';
import { startTsa, type TestTsa } from './support/openssl-tsa.ts';

let database: Awaited<ReturnType<typeof freshDatabase>>;
let log: RunningMessageLog;
let tsa: TestTsa;
let config: Config;
const dir = mkdtempSync(join(tmpdir(), 'motcua-gwlogv-'));
// The TSA's clock is the real one: so is the log's here.
let now = new Date();
const clock = { ...fixedClock(TEST_NOW), now: () => now };
const ctx = () => ({ db: database.db, config, clock });

beforeAll(async () => {
  tsa = await startTsa(mkdtempSync(join(dir, 'tsa-')));
  config = { ...testConfig(dir), pki: { tsaUrl: tsa.url } } as Config;
  config.gateway = { ...config.gateway, timestampMaxAgeSeconds: 600, refuseWhenUntimestamped: true };
  database = await freshDatabase();
  log = await openMessageLog({ db: database.db, config, clock, services: {} as Services });
});
afterAll(async () => {
  await log.close();
  await database.close();
  await tsa.stop();
  rmSync(dir, { recursive: true, force: true });
});

type Conn = Parameters<Parameters<ReturnType<Database['db']['connection']>['execute']>[0]>[0];
/** What an attacker with superuser rights does: triggers off for the session (`replica`), then `fn`. */
async function asSuperuser(fn: (c: Conn) => Promise<void>) {
  await database.db.connection().execute(async (c) => {
    await sql`set session_replication_role = replica`.execute(c);
    try {
      await fn(c);
    } finally {
      await sql`reset session_replication_role`.execute(c);
    }
  });
}

const row = (seq: number) => lt(database.db).selectFrom('gateway_log_records').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow();
const problemSeqs = async () => {
  const r = await verifyMessageLog(ctx());
  return { r, seqs: [...new Set(r.problems.filter((p) => p.seq !== undefined).map((p) => p.seq))].sort((a, b) => a! - b!) };
};

describe('batch time-stamps and status', () => {
  it('time-stamps every batch written since the last time-stamp in one token', async () => {
    for (let i = 0; i < 4; i++) await exchange(log, { path: `/status/${i}`, at: now });
    const large = await sinkOf(log, Buffer.alloc(200_000, 3));
    await log.record([message({ body: large, at: now })]);
    expect(log.status()).toMatchObject({ healthy: true, untimestamped: 9, lastTimestampAt: null });
    const run = await timestampPending(ctx());
    expect(run).toMatchObject({ batches: 5, firstBatch: 1, lastBatch: 5 });
    await log.refresh();
    expect(log.status()).toMatchObject({ healthy: true, untimestamped: 0 });
    expect(log.status().lastTimestampAt).toEqual(run!.genTime);
    expect(await timestampPending(ctx())).toBeNull();
    const r = await verifyMessageLog(ctx());
    expect(r).toMatchObject({ ok: true, records: 9, batches: 5, timestamps: 1, timestamped: 9, problems: [] });
  });

  it('says so when the TSA is down longer than the policy allows, without blocking record()', async () => {
    await tsa.setDown(true);
    now = new Date();
    await exchange(log, { path: '/while-down', at: now });
    await expect(timestampPending(ctx())).rejects.toThrow(/503/);
    expect(log.status()).toMatchObject({ healthy: true, untimestamped: 2 });
    now = new Date(Date.now() + 601_000);
    expect(log.status()).toMatchObject({ healthy: false, refuseTraffic: true, untimestamped: 2 });
    expect(log.status().reason).toMatch(/not time-stamped for 60\d s/);
    await tsa.setDown(false);
    await timestampPending(ctx());
    await log.refresh();
    expect(log.status()).toMatchObject({ healthy: true, refuseTraffic: false, untimestamped: 0 });
    expect((await verifyMessageLog(ctx())).ok).toBe(true);
  });
});

describe('gateway log verify', () => {
  it('finds a changed record, and only that one', async () => {
    const before: RecordRow = await row(3);
    await asSuperuser(async (c) => { await sql`update gateway_log_records set client = 'VN/GOV/000.00.99.X99/OTHER' where seq = 3`.execute(c); });
    const { r, seqs } = await problemSeqs();
    expect(r.ok).toBe(false);
    expect(seqs).toEqual([3]);
    expect(r.problems.map((p) => p.message).join('\n')).toMatch(/record 3 \(X-Road-Id .*\) was changed/);
    await asSuperuser(async (c) => { await sql`update gateway_log_records set client = ${before.client} where seq = 3`.execute(c); });
    expect((await verifyMessageLog(ctx())).ok).toBe(true);
  });

  it('finds a removed record', async () => {
    const gone = await row(5);
    await asSuperuser(async (c) => { await sql`delete from gateway_log_records where seq = 5`.execute(c); });
    const { r, seqs } = await problemSeqs();
    expect(seqs).toEqual([5]);
    expect(r.problems.map((p) => p.message).join('\n')).toMatch(/record 5 is missing \(removed\)/);
    await asSuperuser(async (c) => { await lt(c).insertInto('gateway_log_records').values({ ...gone, headers: JSON.stringify(gone.headers) as never }).execute(); });
    expect((await verifyMessageLog(ctx())).ok).toBe(true);
  });

  it('finds two records that swapped places', async () => {
    await asSuperuser(async (c) => {
      await sql`update gateway_log_records set seq = -7 where seq = 7`.execute(c);
      await sql`update gateway_log_records set seq = 7 where seq = 8`.execute(c);
      await sql`update gateway_log_records set seq = 8 where seq = -7`.execute(c);
    });
    const { r, seqs } = await problemSeqs();
    expect(seqs).toEqual([7, 8]);
    expect(r.problems.map((p) => p.message).join('\n')).toMatch(/record 7 .* out of place: the chain puts it at 8 \(reordered\)/);
    await asSuperuser(async (c) => {
      await sql`update gateway_log_records set seq = -7 where seq = 7`.execute(c);
      await sql`update gateway_log_records set seq = 7 where seq = 8`.execute(c);
      await sql`update gateway_log_records set seq = 8 where seq = -7`.execute(c);
    });
    expect((await verifyMessageLog(ctx())).ok).toBe(true);
  });

  it('finds a changed body file, and a record whose digest and chain were recomputed (its batch signature)', async () => {
    const big = await row(9);
    writeFileSync(join(config.gateway.logDir, big.body_file!), Buffer.alloc(200_000, 4));
    const { r, seqs } = await problemSeqs();
    expect(seqs).toEqual([9]);
    expect(r.problems[0]!.message).toMatch(/body file .* was changed/);
    writeFileSync(join(config.gateway.logDir, big.body_file!), Buffer.alloc(200_000, 3));

    // The last record rewritten with its digest and hash recomputed, head moved along: only the signature tells.
    const last = await row(11);
    const { messageLeaf, chainHash } = await import('../src/modules/gateway/log/message.ts');
    const { leafDigest } = await import('../src/modules/gateway/log/hashtree.ts');
    const { loggedOfRow } = await import('../src/modules/gateway/log/store.ts');
    const forged = { ...last, path: '/forged' };
    const digest = leafDigest(messageLeaf(loggedOfRow(forged)));
    const hash = chainHash(Buffer.from((await row(10)).hash), digest);
    await asSuperuser(async (c) => {
      await sql`update gateway_log_records set path = '/forged', digest = ${digest}, hash = ${hash} where seq = 11`.execute(c);
      await sql`update gateway_log_head set hash = ${hash}`.execute(c);
    });
    const again = await verifyMessageLog(ctx());
    expect(again.ok).toBe(false);
    expect(again.problems.map((p) => p.message).join('\n')).toMatch(/batch 6: records 10–11 are not the ones the batch signature covers/);
  });
});
