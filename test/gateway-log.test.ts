/**
 * Issue 14, the message log: bodies kept inline, in files or as digests only; records hash-chained and
 * signed in batches (group commit); the tables append-only; status() from the time-stamps.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { message, sinkOf } from './support/gateway-log-kit.ts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/platform/clock.ts';
import { openMessageLog, type RunningMessageLog } from '../src/modules/gateway/log/index.ts';
import { lt } from '../src/modules/gateway/log/store.ts';
import { computeStatus } from '../src/modules/gateway/log/status.ts';
import type { Services } from '../src/platform/module.ts';
import { testConfig, TEST_NOW } from './config.ts';
import { freshDatabase } from './helpers.ts';

let database: Awaited<ReturnType<typeof freshDatabase>>;
let log: RunningMessageLog;
const dir = mkdtempSync(join(tmpdir(), 'motcua-gwlog-'));
const config = testConfig(dir);
const clock = fixedClock(TEST_NOW);
beforeAll(async () => {
  database = await freshDatabase();
  log = await openMessageLog({ db: database.db, config, clock, services: {} as Services });
});
afterAll(async () => {
  await log.close();
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

const sha512 = (b: Buffer) => createHash('sha512').update(b).digest();

describe('bodies', () => {
  it('keeps a small body in the row, a large one in a file, and only the digest of a digest-only service', async () => {
    const small = Buffer.from('{"id":"045095001234"}');
    const large = Buffer.alloc(300_000, 7);
    const [a, b, c] = [await sinkOf(log, small), await sinkOf(log, large), await sinkOf(log, large, true)];
    expect(a).toMatchObject({ size: small.length, sha512: sha512(small) });
    expect(a.ref).toMatch(/^mem:/);
    expect(b.ref).toMatch(/^file:bodies\/2026-03-10\//);
    expect(c).toEqual({ size: large.length, sha512: sha512(large), ref: null });
    const msgs = [message({ body: a }), message({ kind: 'response', status: 200, body: b }), message({ body: c })];
    await log.record(msgs);
    const rows = await lt(database.db).selectFrom('gateway_log_records').selectAll().orderBy('seq').execute();
    expect(rows).toHaveLength(3);
    expect(Buffer.from(rows[0]!.body!)).toEqual(small);
    expect(rows[1]!.body).toBeNull();
    expect(readFileSync(join(config.gateway.logDir, rows[1]!.body_file!))).toEqual(large);
    expect(rows[2]).toMatchObject({ body: null, body_file: null, digest_only: true });
    expect(Buffer.from(rows[2]!.body_sha512)).toEqual(sha512(large));
    expect(Number(rows[2]!.body_size)).toBe(large.length);
    expect(rows[1]).toMatchObject({ kind: 'response', status: 200, headers: { 'content-type': 'application/json' } });
  });

  it('discard() removes what a dropped exchange stored, and record() refuses a body that is gone', async () => {
    const sink = log.bodySink({ digestOnly: false });
    await pipeline(Readable.from([Buffer.alloc(200_000, 1)]), sink.stream);
    const f = await sink.finish();
    await sink.discard();
    expect(existsSync(join(config.gateway.logDir, f.ref!.slice(5)))).toBe(false);
    const s2 = log.bodySink({ digestOnly: false });
    await pipeline(Readable.from([Buffer.from('x')]), s2.stream);
    const f2 = await s2.finish();
    await s2.discard();
    await expect(log.record([message({ body: f2 })])).rejects.toThrow(/no longer/);
  });
});

describe('group commit', () => {
  it('writes concurrent record() calls in shared, signed batches, chained in order', async () => {
    const before = { ...log.stats };
    const empty = { sha512: sha512(Buffer.alloc(0)), size: 0, ref: null };
    await Promise.all(Array.from({ length: 50 }, (_, i) => log.record([message({ path: `/n/${i}`, body: empty }), message({ kind: 'response', status: 200, path: `/n/${i}`, body: empty })])));
    const batches = log.stats.batches - before.batches;
    expect(log.stats.records - before.records).toBe(100);
    // 50 calls in one tick: far fewer batches than calls.
    expect(batches).toBeLessThan(10);
    const head = await lt(database.db).selectFrom('gateway_log_head').selectAll().executeTakeFirstOrThrow();
    const last = await lt(database.db).selectFrom('gateway_log_records').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(Number(head.seq)).toBe(Number(last.seq));
    expect(Buffer.from(head.hash)).toEqual(Buffer.from(last.hash));
  });

  it('refuses to change or delete records, batches and time-stamps, and moves the head only forward', async () => {
    await expect(sql`update gateway_log_records set client = 'x' where seq = 1`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from gateway_log_records where seq = 1`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate gateway_log_batches cascade`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`update gateway_log_batches set root = root where id = 1`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`update gateway_log_head set seq = seq - 1`.execute(database.db)).rejects.toThrow(/only moves forward/);
    await expect(sql`delete from gateway_log_head`.execute(database.db)).rejects.toThrow(/only moves forward/);
  });
});

describe('status', () => {
  const policy = { maxAgeSeconds: 3600, refuse: true };
  const t = (iso: string) => new Date(iso);
  it('is healthy with nothing waiting, or while the waiting records are younger than the policy', () => {
    expect(computeStatus({ lastTimestampAt: null, untimestamped: 0, oldestWaiting: null }, t('2026-03-10T10:00:00Z'), policy).healthy).toBe(true);
    expect(computeStatus({ lastTimestampAt: t('2026-03-01T00:00:00Z'), untimestamped: 3, oldestWaiting: t('2026-03-10T09:30:00Z') }, t('2026-03-10T10:00:00Z'), policy))
      .toMatchObject({ healthy: true, refuseTraffic: false, untimestamped: 3 });
  });
  it('is unhealthy (and refuses traffic when so configured) when records wait longer than the policy', () => {
    const s = computeStatus({ lastTimestampAt: t('2026-03-10T08:00:00Z'), untimestamped: 5, oldestWaiting: t('2026-03-10T08:30:00Z') }, t('2026-03-10T10:00:00Z'), policy);
    expect(s).toMatchObject({ healthy: false, refuseTraffic: true, untimestamped: 5 });
    expect(s.reason).toMatch(/5 message log record\(s\) not time-stamped for 5400 s/);
    expect(computeStatus({ lastTimestampAt: null, untimestamped: 1, oldestWaiting: t('2026-03-10T08:00:00Z') }, t('2026-03-10T10:00:00Z'), { ...policy, refuse: false }))
      .toMatchObject({ healthy: false, refuseTraffic: false });
  });
  it('counts what record() wrote without reading the database per call', async () => {
    const s = log.status();
    expect(s.untimestamped).toBeGreaterThanOrEqual(103);
    expect(s.lastTimestampAt).toBeNull();
    await log.refresh();
    expect(log.status().untimestamped).toBe(s.untimestamped);
  });
});
