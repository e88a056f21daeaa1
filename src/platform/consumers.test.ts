/**
 * Outbox consumers lose no event when transactions commit out of id order, and apply each once.
 * "Concurrent" means really concurrent: on PostgreSQL a second connection holds its transaction open;
 * on PGlite (one connection) the held transaction is a prepared (two-phase) transaction, which stays
 * in progress — holding the xmin horizon back — while the connection runs others.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { Kysely, sql } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { PGliteDialect } from 'kysely-pglite-dialect';
import type { DB } from '../db/types.ts';
import { inTx, type Db, type Tx } from '../db/index.ts';
import { freshDatabase } from '../../test/helpers.ts';
import { catchUp, consumeOnce, cursorOf, drain, runConsumers, setCursor, type OutboxEvent } from './consumers.ts';
import { Type } from 'typebox';
import { defineTopic, emit } from './outbox.ts';

interface Held { commit(): Promise<void> }
interface Harness { db: Db; hold(topic: string): Promise<Held>; close(): Promise<void> }

const insertSql = (topic: string) =>
  `insert into outbox (topic, aggregate_type, aggregate_id, payload, occurred_at) values ('${topic}', 'test', '${topic}', '{}', now())`;

async function harness(): Promise<Harness> {
  if (inject('backend') === 'pglite') {
    const lite = await PGlite.create({ loadDataDir: new Blob([readFileSync(inject('templatePath'))]), postgresqlconf: ['max_prepared_transactions = 8'] });
    const db = new Kysely<DB>({ dialect: new PGliteDialect(lite) });
    let n = 0;
    return {
      db,
      async hold(topic) {
        const gid = `held_${++n}`;
        await db.connection().execute(() => lite.exec(`begin; ${insertSql(topic)}; prepare transaction '${gid}';`));
        return { commit: () => db.connection().execute(async () => void (await lite.exec(`commit prepared '${gid}'`))) };
      },
      close: () => db.destroy(),
    };
  }
  const d = await freshDatabase();
  const clients: pg.Client[] = [];
  return {
    db: d.db,
    async hold(topic) {
      const c = new pg.Client({ connectionString: d.url! });
      clients.push(c);
      await c.connect();
      await c.query('begin');
      await c.query(insertSql(topic));
      return { commit: async () => void (await c.query('commit')) };
    },
    async close() {
      for (const c of clients) await c.end();
      await d.close();
    },
  };
}

let h: Harness;
beforeAll(async () => {
  h = await harness();
  await sql`create table consumed (event_id bigint not null, consumer text not null, topic text not null, primary key (consumer, event_id))`.execute(h.db);
});
afterAll(() => h.close());

/** Waits (no deadline of its own: the test's timeout bounds it) until every event of the topic is visible to consumers. */
async function belowHorizon(topic: string): Promise<void> {
  for (;;) {
    const { rows } = await sql<{ ok: boolean }>`
      select bool_and(txid < pg_snapshot_xmin(pg_current_snapshot())) as ok from outbox where topic = ${topic}`.execute(h.db);
    if (rows[0]?.ok) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}
const publish = (topic: string) => inTx(h.db, (tx) => emit(tx, defineTopic(topic, 'test', Type.Object({})), { aggregateId: topic, payload: {}, at: new Date() }));
const recorder = (name: string) => async (tx: Tx, events: OutboxEvent[]) => {
  for (const e of events) await sql`insert into consumed (event_id, consumer, topic) values (${e.id}, ${name}, ${e.topic})`.execute(tx);
};
const consumed = async (name: string, prefix = 't.') =>
  (await sql<{ topic: string }>`select topic from consumed where consumer = ${name} order by event_id`.execute(h.db)).rows.map((r) => r.topic).filter((t) => t.startsWith(prefix));

describe('consumeOnce', () => {
  it('waits for a transaction that took a smaller id and commits later, then consumes both once', async () => {
    await drain(h.db, 'order', recorder('order'));
    const a = await h.hold('t.a'); // takes its id first, stays open
    await publish('t.b'); // larger id, committed at once
    const ids = (await sql<{ id: number; topic: string }>`select id, topic from outbox where topic like 't.%' order by id`.execute(h.db)).rows;
    expect(ids.map((r) => r.topic)).toEqual(['t.b']); // a reader by id sees only t.b and would move past t.a's id
    await drain(h.db, 'order', recorder('order'));
    expect(await consumed('order')).toEqual([]); // t.b is above the horizon while t.a's transaction runs
    await a.commit();
    await catchUp(h.db, 'order', recorder('order'));
    expect(await consumed('order')).toEqual(['t.a', 't.b']);
    await drain(h.db, 'order', recorder('order'));
    expect(await consumed('order')).toEqual(['t.a', 't.b']);
  });

  it('orders transaction ids as numbers, not as text (999 before 1000)', async () => {
    // Recorded transaction ids 10 then 9 (below every real one): as text '10' < '9', and a consumer
    // that read '10' first would move its cursor past 9 and never apply that event.
    for (const [topic, txid] of [['d.ten', '10'], ['d.nine', '9']] as const) {
      await sql`insert into outbox (topic, aggregate_type, aggregate_id, payload, occurred_at, txid)
        values (${topic}, 'test', ${topic}, '{}', now(), ${txid}::xid8)`.execute(h.db);
    }
    while ((await consumeOnce(h.db, 'digits', recorder('digits'), 1)) > 0);
    const order = (await sql<{ topic: string }>`select topic from consumed where consumer = 'digits' and topic like 'd.%'`.execute(h.db)).rows;
    expect(order.map((r) => r.topic).sort()).toEqual(['d.nine', 'd.ten']);
  });

  it('consumes every event of interleaved transactions exactly once, with the consumer running meanwhile', async () => {
    const name = 'interleaved';
    const held: Held[] = [];
    const loop = runConsumers(h.db, [{ name, handler: recorder(name), batch: 7 }], { intervalMs: 5 });
    for (let i = 0; i < 12; i++) {
      if (i % 3 === 0) held.push(await h.hold(`t.held${i}`));
      await publish(`t.now${i}`);
      if (i % 4 === 3) await held.shift()!.commit();
    }
    for (const x of held) await x.commit();
    await loop.stop();
    await catchUp(h.db, name, recorder(name), { batch: 7 });
    const got = [...(await consumed(name, 't.held')), ...(await consumed(name, 't.now'))];
    expect(got).toHaveLength(16);
    expect(new Set(got).size).toBe(16);
  });

  it('rolls the cursor back with a failed batch, and retries it', async () => {
    await catchUp(h.db, 'fail', recorder('fail'));
    await publish('t.retry');
    const failing = () => consumeOnce(h.db, 'fail', async (tx, events) => {
      await recorder('fail')(tx, events);
      throw new Error('boom');
    });
    // On PostgreSQL the event stays above the horizon while older transactions anywhere in the cluster
    // (other test files' databases) run: wait until a consumer can see it, however long that takes.
    await belowHorizon('t.retry');
    const error: unknown = await failing().then(() => null, (e: unknown) => e);
    expect(String(error)).toContain('boom');
    expect(await consumed('fail')).not.toContain('t.retry');
    await catchUp(h.db, 'fail', recorder('fail'));
    expect((await consumed('fail')).filter((t) => t === 't.retry')).toHaveLength(1);
  });

  it('skips the events a rebuild already counted, and lets two nodes share a consumer without double work', async () => {
    await catchUp(h.db, 'skip', recorder('skip'));
    await publish('t.s1');
    await publish('t.s2');
    const s2 = (await sql<{ id: number }>`select id from outbox where topic = 't.s2'`.execute(h.db)).rows[0]!.id;
    await inTx(h.db, async (tx) => {
      const c = (await cursorOf(tx, 'skip', 'wait'))!;
      await setCursor(tx, 'skip', { ...c, skip: [Number(s2)] });
    });
    await Promise.all([drain(h.db, 'skip', recorder('skip')), drain(h.db, 'skip', recorder('skip'))]);
    await catchUp(h.db, 'skip', recorder('skip'));
    expect(await consumed('skip', 't.s')).toEqual(['t.s1']);
    const after = await inTx(h.db, (tx) => cursorOf(tx, 'skip'));
    expect(after!.skip).toEqual([]);
  });
});
