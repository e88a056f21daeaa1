/**
 * The job queue (pg-boss over the project's database, PGlite or PostgreSQL): jobs fed from the outbox
 * once per event, retries, the dead-letter list and its replay over HTTP and the command line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Config } from '../src/config.ts';
import { inTx, type Database } from '../src/db/index.ts';
import { catchUp, type Consumer } from '../src/platform/consumers.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { eventJobId } from '../src/platform/jobs-db.ts';
import { jobsConsumer, startJobs, type EventJob, type JobDefinition, type JobRunner } from '../src/platform/jobs.ts';
import type { Services } from '../src/platform/module.ts';
import { Type } from 'typebox';
import { defineTopic, emit } from '../src/platform/outbox.ts';
import { fsBlobStore } from '../src/modules/files/blobs.ts';
import { jobsModule } from '../src/modules/jobs/index.ts';
import { buildServer } from '../src/server.ts';
import { auth, freshDatabase, login, registerCitizen } from './helpers.ts';
import { testConfig, TEST_NOW } from './config.ts';

let database: Database;
let app: FastifyInstance;
let config: Config;
let runner: JobRunner;
let consumer: Consumer;
let dir: string;
const services = {} as Services;
const errors: unknown[] = [];

const fed: EventJob[] = [];
const flaky = { attempts: 0, succeeded: false };
const broken = { attempts: 0, fixed: false, succeeded: 0 };

const definitions: JobDefinition[] = [
  {
    name: 'test.fed', from: ['test.happened'],
    async handler(data) {
      fed.push(data as EventJob);
    },
  },
  {
    name: 'test.flaky', retryLimit: 3, retryDelaySeconds: 0, retryBackoff: false,
    async handler() {
      if (++flaky.attempts <= 2) throw new Error(`flaky attempt ${flaky.attempts}`);
      flaky.succeeded = true;
    },
  },
  {
    name: 'test.broken', retryLimit: 1, retryDelaySeconds: 0, retryBackoff: false,
    async handler() {
      broken.attempts++;
      if (!broken.fixed) throw new Error('the national portal answered 502');
      broken.succeeded++;
    },
  },
];

/** Waits until `cond` holds (the test's timeout bounds the wait). */
async function until(cond: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await cond())) await new Promise((r) => setTimeout(r, 50));
}

const jobCount = async (queue: string) =>
  (await sql<{ n: number }>`select count(*)::int as n from pgboss.job where name = ${queue}`.execute(database.db)).rows[0]!.n;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'motcua-jobs-'));
  config = testConfig(dir);
  database = await freshDatabase();
  app = await buildServer({ config, db: database.db, clock: fixedClock(TEST_NOW), blobs: fsBlobStore(config.filesDir), logger: false, services });
  await app.ready();
  runner = await startJobs(database, definitions, { pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 5, onError: (e) => errors.push(e) });
  services.jobs = runner;
  consumer = jobsConsumer(runner)!;
});

afterAll(async () => {
  await runner?.stop();
  await app?.close();
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

const topics = { 'test.happened': defineTopic('test.happened', 'dossier', Type.Object({ code: Type.String() })), 'test.other': defineTopic('test.other', 'dossier', Type.Object({ code: Type.String() })) };
const event = (id: string, topic: keyof typeof topics = 'test.happened') => [topics[topic], { aggregateId: id, payload: { code: id }, at: new Date(TEST_NOW) }] as const;

describe('jobs fed from the outbox', () => {
  it('runs one job per event of a topic it is fed from, with the event as data', async () => {
    expect(consumer.name).toBe('jobs');
    await inTx(database.db, async (tx) => {
      await emit(tx, ...event('H-1'));
      await emit(tx, ...event('H-2'));
      await emit(tx, ...event('H-X', 'test.other'));
      await emit(tx, ...event('H-3'));
    });
    await catchUp(database.db, consumer.name, consumer.handler);
    expect(await jobCount('test.fed')).toBe(3);
    await until(() => fed.length >= 3);
    await until(async () => (await runner.queues()).find((q) => q.name === 'test.fed')?.completed === 3);
    expect(fed.map((e) => e.aggregateId).sort()).toEqual(['H-1', 'H-2', 'H-3']);
    expect(fed[0]).toMatchObject({ topic: 'test.happened', aggregateType: 'dossier', payload: { code: fed[0]!.aggregateId }, occurredAt: TEST_NOW });
    expect(new Set(fed.map((e) => e.id)).size).toBe(3);
  });

  it('does not make a second job of an event consumed again (a rebuilt cursor, a second node)', async () => {
    const before = await jobCount('test.fed');
    await sql`delete from outbox_cursors where name = 'jobs'`.execute(database.db);
    await catchUp(database.db, consumer.name, consumer.handler);
    expect(await jobCount('test.fed')).toBe(before);
    // The job's id is derived from (queue, event): the same send is a no-op.
    const e = fed[0]!;
    expect(await runner.send('test.fed', e, { id: eventJobId('test.fed', e.id) })).toBeNull();
    expect(await jobCount('test.fed')).toBe(before);
  });

  it('sends nothing when the consumer\'s transaction rolls back', async () => {
    await inTx(database.db, async (tx) => emit(tx, ...event('H-4')));
    const before = await jobCount('test.fed');
    await expect(catchUp(database.db, consumer.name, async (tx, events) => {
      await consumer.handler(tx, events);
      throw new Error('the batch fails after sending');
    })).rejects.toThrow('the batch fails');
    expect(await jobCount('test.fed')).toBe(before);
    await catchUp(database.db, consumer.name, consumer.handler);
    expect(await jobCount('test.fed')).toBe(before + 1);
  });
});

describe('retries and dead letters', () => {
  it('retries a failing job until it succeeds', async () => {
    const id = await runner.send('test.flaky', { n: 1 });
    expect(id).toBeTruthy();
    await until(() => flaky.succeeded);
    expect(flaky.attempts).toBe(3);
    await until(async () => (await runner.queues()).find((q) => q.name === 'test.flaky')?.completed === 1);
    expect((await runner.queues()).find((q) => q.name === 'test.flaky')).toMatchObject({ failed: 0, dead: 0 });
  });

  it('puts a job that always fails in the dead-letter list, which the province admin sees and replays', async () => {
    await runner.send('test.broken', { invoice: 'HD-42' });
    await until(async () => (await runner.deadLetters({ queue: 'test.broken' })).length === 1);
    expect(broken.attempts).toBe(2); // the first try and one retry

    const admin = auth(await login(app, 'admin.tinh'));
    const list = await app.inject({ url: '/api/v1/admin/jobs/dead?queue=test.broken', headers: admin });
    expect(list.statusCode).toBe(200);
    const [dead] = list.json().items;
    expect(dead).toMatchObject({ queue: 'test.broken', summary: '{"invoice":"HD-42"}', error: 'the national portal answered 502', retries: 1 });
    expect(Number.isNaN(Date.parse(dead.at))).toBe(false);
    expect((await app.inject({ url: '/api/v1/admin/jobs/dead', headers: admin })).json().items.map((d: { id: string }) => d.id)).toContain(dead.id);

    const queues = await app.inject({ url: '/api/v1/admin/jobs', headers: admin });
    expect(queues.statusCode).toBe(200);
    expect(queues.json().items.find((q: { name: string }) => q.name === 'test.broken')).toMatchObject({ failed: 1, dead: 1 });
    expect(queues.json().items.map((q: { name: string }) => q.name)).not.toContain('test.broken.dead');

    // Only the province admin.
    expect((await app.inject({ url: '/api/v1/admin/jobs/dead' })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/v1/admin/jobs/dead', headers: auth(await login(app, 'motcua.dongthuan')) })).statusCode).toBe(403);
    expect((await app.inject({ url: '/api/v1/admin/jobs/dead', headers: auth((await registerCitizen(app)).token) })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: `/api/v1/admin/jobs/dead/${dead.id}/replay`, headers: auth(await login(app, 'motcua.dongthuan')) })).statusCode).toBe(403);

    // Replayed: the handler runs again (now it succeeds); the dead letter leaves the list, once.
    broken.fixed = true;
    const replay = await app.inject({ method: 'POST', url: `/api/v1/admin/jobs/dead/${dead.id}/replay`, headers: admin });
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toMatchObject({ id: dead.id, queue: 'test.broken' });
    await until(() => broken.succeeded === 1);
    expect(broken.attempts).toBe(3);
    expect(await runner.deadLetters({ queue: 'test.broken' })).toEqual([]);
    expect((await app.inject({ method: 'POST', url: `/api/v1/admin/jobs/dead/${dead.id}/replay`, headers: admin })).statusCode).toBe(404);
    const audit = await sql<{ actor_kind: string; data: { queue: string; jobId: string } }>`
      select actor_kind, data from audit_log where action = 'job.dead_letter_replayed' and subject_id = ${dead.id}`.execute(database.db);
    expect(audit.rows).toEqual([{ actor_kind: 'officer', data: { queue: 'test.broken', jobId: replay.json().jobId } }]);
  });

  it('lists and replays dead letters from the command line', async () => {
    broken.fixed = false;
    await runner.send('test.broken', { invoice: 'HD-43' });
    await until(async () => (await runner.deadLetters({ queue: 'test.broken' })).length === 1);
    const out: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
    const run = async (...args: string[]) => {
      const program = new Command('motcua').exitOverride();
      jobsModule.commands!(program, {
        config, withDb: (fn) => fn(database, config), services: async () => services,
        bar: () => ({ update: () => undefined, stop: () => undefined }),
      });
      out.length = 0;
      await program.parseAsync(['node', 'motcua', 'jobs', ...args]);
      return out.join('\n');
    };
    try {
      const dead = JSON.parse(await run('dead', '--queue', 'test.broken', '--json'));
      expect(dead).toHaveLength(1);
      expect(dead[0]).toMatchObject({ queue: 'test.broken', data: { invoice: 'HD-43' } });
      expect(JSON.parse(await run('list', '--json')).find((q: { name: string }) => q.name === 'test.broken')).toMatchObject({ dead: 1 });
      broken.fixed = true;
      expect(await run('replay', dead[0].id)).toContain(`replayed ${dead[0].id} on test.broken`);
    } finally {
      log.mockRestore();
    }
    await until(() => broken.succeeded === 2);
  });

  it('answers 503 when this node runs no job runner', async () => {
    const admin = auth(await login(app, 'admin.tinh'));
    delete services.jobs;
    try {
      const res = await app.inject({ url: '/api/v1/admin/jobs', headers: admin });
      expect(res.statusCode).toBe(503);
      expect(res.json().type).toBe('/problems/unavailable');
    } finally {
      services.jobs = runner;
    }
  });

  it('reported no queue errors', () => {
    expect(errors).toEqual([]);
  });
});
