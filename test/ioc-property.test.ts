/**
 * The rollups kept incrementally by the outbox consumer equal the rollups rebuilt from the raw
 * history, after random dossiers went through random valid lifecycles (the real intake and lifecycle
 * services, random actors among those allowed, time moving forward by minutes to days, the consumer
 * applying events at random moments in batches of random size). Replaying the outbox from zero gives
 * the same rows again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumeOnce } from '../src/platform/consumers.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { IOC_CONSUMER, iocHandler, rebuildRollups } from '../src/modules/ioc/rollups.ts';
import { allRollups, clearRollups } from '../src/modules/ioc/store.ts';
import { driver, type CaseName, type Driver } from './support/ioc-testkit.ts';
import { freshDatabase } from './helpers.ts';
import { testConfig, TEST_NOW } from './config.ts';

let database: Awaited<ReturnType<typeof freshDatabase>>;
let drv: Driver;
let dir: string;
const clock = fixedClock(TEST_NOW);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'motcua-ioc-'));
  database = await freshDatabase();
  drv = driver(database.db, clock, testConfig(dir));
});
afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

const scenario = fc.record({
  dossiers: fc.array(fc.record({ kind: fc.constantFrom<CaseName>('birth', 'company'), online: fc.boolean() }), { minLength: 1, maxLength: 3 }),
  moves: fc.array(fc.record({
    dossier: fc.nat(),
    pick: fc.nat(),
    minutes: fc.oneof(fc.integer({ min: 0, max: 240 }), fc.integer({ min: 0, max: 4 * 24 * 60 })),
    consume: fc.option(fc.integer({ min: 1, max: 6 }), { freq: 3 }),
  }), { minLength: 8, maxLength: 40 }),
});
const PROGRESS: string[] = ['rate', 'return_result', 'issue_result', 'sign', 'forward', 'transfer', 'assign', 'receive', 'resubmit_supplement', 'confirm_payment', 'accept_withdrawal', 'approve'];

describe('IOC rollups', () => {
  it('incremental == rebuilt from the raw history, after random event streams', async () => {
    await fc.assert(fc.asyncProperty(scenario, async (s) => {
      const dossiers: { kind: CaseName; code: string }[] = [];
      for (const d of s.dossiers) dossiers.push({ kind: d.kind, code: await drv.intake(d.kind, d.online) });
      for (const m of s.moves) {
        clock.advance(m.minutes * 60_000);
        const d = dossiers[m.dossier % dossiers.length]!;
        const options = await drv.options(d.kind, d.code);
        // Mostly forward (the most advancing action); one time in four any allowed action (refusal, supplement, payment, withdrawal…).
        const ahead = options.filter((o) => PROGRESS.includes(o.action)).sort((a, b) => PROGRESS.indexOf(a.action) - PROGRESS.indexOf(b.action));
        const detours = options.filter((x) => m.pick % 16 === 0 || x.action !== 'request_withdrawal');
        const o = m.pick % 4 === 0 || !ahead.length ? detours[m.pick % Math.max(1, detours.length)] : ahead[0];
        if (o) await drv.act(o.username, d.code, o.action);
        if (m.consume !== null) await consumeOnce(database.db, IOC_CONSUMER, iocHandler(), m.consume);
      }
      await drv.consume();
      const incremental = await allRollups(database.db);
      await rebuildRollups(database.db, { pageSize: 3 });
      expect(await allRollups(database.db)).toEqual(incremental);
      await drv.consume(); // events the rebuild already counted are skipped, not counted twice
      expect(await allRollups(database.db)).toEqual(incremental);
    }), { numRuns: 8, endOnFailure: true });
  });

  it('replaying the outbox from zero gives the same rollups, and a second pass changes nothing', async () => {
    const before = await allRollups(database.db);
    expect(before.length).toBeGreaterThan(0);
    await clearRollups(database.db);
    await sql`update outbox_cursors set txid = '0', id = 0, skip = '{}' where name = ${IOC_CONSUMER}`.execute(database.db);
    await drv.consume();
    expect(await allRollups(database.db)).toEqual(before);
    await drv.consume();
    expect(await allRollups(database.db)).toEqual(before);
    const months = new Set(before.map((r) => r.month));
    expect(months.size).toBeGreaterThan(1);
  });
});
