/**
 * Issue 14: batch time-stamps over RFC 3161 (a TSA in its own process), status() while the TSA is down,
 * and `gateway log verify` finding exactly the record that was changed, removed or reordered by someone
 * who bypassed the append-only triggers.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
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
import { openDatabase, type Database } from '../src/db/index.ts';
import type { Services } from '../src/platform/module.ts';
import { TEST_NOW } from './config.ts';
import { exchange, logFixture, message, sinkOf } from './support/gateway-log-kit.ts';
import { asSuperuser as asSuperuserOn, type Conn } from './support/superuser.ts';

const dir = mkdtempSync(join(tmpdir(), 'motcua-gwlogv-'));
// The TSA's clock is the real one: so is the log's here.
let now = new Date();
const clock = { ...fixedClock(TEST_NOW), now: () => now };
let f: Awaited<ReturnType<typeof logFixture>>;
let database: Database;
let log: RunningMessageLog;
let config: Config;
const ctx = () => f.ctx();
const asSuperuser = (fn: (c: Conn) => Promise<void>) => asSuperuserOn(database, fn);

beforeAll(async () => {
  f = await logFixture(dir, clock);
  config = f.config;
  config.gateway = { ...config.gateway, timestampMaxAgeSeconds: 600, refuseWhenUntimestamped: true };
  ({ database, log } = f);
});
afterAll(() => f.close());

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
    await f.tsa.setDown(true);
    now = new Date();
    await exchange(log, { path: '/while-down', at: now });
    await expect(timestampPending(ctx())).rejects.toThrow(/503/);
    expect(log.status()).toMatchObject({ healthy: true, untimestamped: 2 });
    now = new Date(Date.now() + 601_000);
    expect(log.status()).toMatchObject({ healthy: false, refuseTraffic: true, untimestamped: 2 });
    expect(log.status().reason).toMatch(/not time-stamped for 60\d s/);
    await f.tsa.setDown(false);
    await timestampPending(ctx());
    await log.refresh();
    expect(log.status()).toMatchObject({ healthy: true, refuseTraffic: false, untimestamped: 0 });
    expect((await verifyMessageLog(ctx())).ok).toBe(true);
  });
});

describe('several nodes', () => {
  it('keeps one chain when two nodes (two connection pools on PostgreSQL) write at once', async () => {
    const second = f.database.url ? await openDatabase({ databaseUrl: f.database.url, pgliteDir: '', poolSize: 4 }) : null;
    const other = await openMessageLog({ db: second?.db ?? database.db, config, clock, services: {} as Services });
    try {
      const before = (await verifyMessageLog(ctx())).records;
      await Promise.all([
        ...Array.from({ length: 20 }, (_, i) => exchange(log, { path: `/node-a/${i}`, at: now })),
        ...Array.from({ length: 20 }, (_, i) => exchange(other, { path: `/node-b/${i}`, at: now })),
      ]);
      await timestampPending(ctx());
      const r = await verifyMessageLog(ctx());
      expect(r).toMatchObject({ ok: true, records: before + 80, problems: [] });
      expect(r.timestamped).toBe(r.records);
    } finally {
      await other.close();
      await second?.close();
    }
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
    const lastSeq = Number((await lt(database.db).selectFrom('gateway_log_head').select('seq').executeTakeFirstOrThrow()).seq);
    const last = await row(lastSeq);
    const { messageLeaf, chainHash } = await import('../src/modules/gateway/log/message.ts');
    const { leafDigest } = await import('../src/modules/gateway/log/hashtree.ts');
    const { loggedOfRow } = await import('../src/modules/gateway/log/store.ts');
    const forged = { ...last, path: '/forged' };
    const digest = leafDigest(messageLeaf(loggedOfRow(forged)));
    const hash = chainHash(Buffer.from((await row(lastSeq - 1)).hash), digest);
    await asSuperuser(async (c) => {
      await sql`update gateway_log_records set path = '/forged', digest = ${digest}, hash = ${hash} where seq = ${lastSeq}`.execute(c);
      await sql`update gateway_log_head set hash = ${hash}`.execute(c);
    });
    const again = await verifyMessageLog(ctx());
    expect(again.ok).toBe(false);
    expect(again.problems.map((p) => p.message).join('\n')).toMatch(new RegExp(`batch ${last.batch_id}: records \\d+–${lastSeq} are not the ones the batch signature covers`));
  });

  it('finds a cut tail (records, their batch and the head rewound) by the time-stamp that covered it', async () => {
    const h = await lt(database.db).selectFrom('gateway_log_head').selectAll().executeTakeFirstOrThrow();
    const batch = Number(h.batch_id);
    const before = await lt(database.db).selectFrom('gateway_log_batches').selectAll().where('id', '=', batch - 1).executeTakeFirstOrThrow();
    const lastKept = await row(Number(before.last_seq));
    await asSuperuser(async (c) => {
      await sql`delete from gateway_log_records where batch_id = ${batch}`.execute(c);
      await sql`delete from gateway_log_batches where id = ${batch}`.execute(c);
      await sql`update gateway_log_head set seq = ${before.last_seq}, hash = ${lastKept.hash}, batch_id = ${batch - 1}`.execute(c);
    });
    const r = await verifyMessageLog(ctx());
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.message)).toEqual([expect.stringMatching(new RegExp(`time-stamp \\d+ covers batches \\d+–${batch}, but 1 of them are missing`))]);
  });
});
