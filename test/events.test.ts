/**
 * Every event in the outbox is of a declared topic and its payload fits that topic's schema. The
 * dossiers go through the real intake and lifecycle services (many paths: settled, refused, withdrawn,
 * supplemented, rescheduled, rated), the escalation job runs, and a citizen registers, an agency's
 * office hours and a procedure's process are published over HTTP.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/platform/clock.ts';
import { topicNamed } from '../src/platform/outbox.ts';
import { fsBlobStore } from '../src/modules/files/blobs.ts';
import { escalateLateSteps } from '../src/modules/dossiers/escalation.ts';
import { isDossierAction } from '../src/modules/dossiers/index.ts';
import { documentIssuer } from '../src/modules/results/index.ts';
import { buildServer } from '../src/server.ts';
import { CASES, driver, type CaseName, type Driver } from './support/ioc-testkit.ts';
import { auth, freshDatabase, login, registerCitizen } from './helpers.ts';
import { testConfig, TEST_NOW } from './config.ts';

const HOUR = 3_600_000;
let app: FastifyInstance;
let database: Awaited<ReturnType<typeof freshDatabase>>;
let drv: Driver;
let dir: string;
const clock = fixedClock(TEST_NOW);

/** A deterministic walk: at each turn the `pick`-th possible action (modulo), until none is left or `max` turns. */
async function walk(c: CaseName, online: boolean, pick: number, max = 12): Promise<void> {
  const code = await drv.intake(c, online);
  for (let turn = 0; turn < max; turn++) {
    const options = await drv.options(c, code);
    if (!options.length) return;
    const o = options[(pick + turn * 7) % options.length]!;
    clock.advance(HOUR);
    await drv.act(o.username, code, o.action);
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'motcua-events-'));
  const config = testConfig(dir, { sessionTtlHours: 24 * 365 });
  database = await freshDatabase();
  app = await buildServer({ config, db: database.db, clock, blobs: fsBlobStore(config.filesDir), logger: false });
  await app.ready();
  // Actions issue their documents (receipts, signed results), so the results module's events are checked too.
  drv = driver(database.db, clock, config, documentIssuer(fsBlobStore(config.filesDir)));
  // One online birth registration all the way to a rating, then walks down other paths.
  const settled = await drv.intake('birth', true);
  for (const [who, action] of [['motcua.dongthuan', 'receive'], ['motcua.dongthuan', 'assign'], ['chuyenvien.dongthuan', 'forward'], ['lanhdao.dongthuan', 'sign'],
    ['lanhdao.dongthuan', 'issue_result'], ['motcua.dongthuan', 'return_result'], ['045095001234', 'rate']] as const) {
    clock.advance(HOUR);
    expect(await drv.act(who, settled, action), action).toBe(true);
  }
  for (let i = 0; i < 12; i++) await walk(i % 3 === 0 ? 'company' : 'birth', i % 2 === 0, i);
  // Steps left open for a week are escalated.
  const open = await drv.intake('birth', false);
  await drv.act(CASES.birth.desk, open, 'assign');
  clock.advance(7 * 24 * HOUR);
  await escalateLateSteps(database.db, clock);
  // Identity, catalogue and process events over HTTP.
  await registerCitizen(app);
  const admin = await login(app, 'admin.tinh');
  const desk = await login(app, CASES.birth.desk);
  const deskId = (await drv.who(CASES.birth.desk)).agencyId!;
  const hours = { blocks: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:00' }], receptionCutoff: '08:30' };
  expect((await app.inject({ method: 'PUT', url: `/api/v1/agencies/${deskId}/office-hours`, headers: auth(admin), payload: hours })).statusCode).toBe(200);
  const current = (await app.inject({ url: `/api/v1/procedures/${CASES.birth.procedure}/process`, headers: auth(desk) })).json();
  expect((await app.inject({ method: 'PUT', url: `/api/v1/procedures/${CASES.birth.procedure}/process`, headers: auth(admin), payload: current.definition })).statusCode).toBe(200);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Row { id: string; topic: string; aggregate_type: string; aggregate_id: string; payload: unknown; occurred_at: Date }
const outbox = async () => (await sql<Row>`select id::text as id, topic, aggregate_type, aggregate_id, payload, occurred_at from outbox order by id`.execute(database.db)).rows;

describe('the outbox', () => {
  it('holds only events of declared topics whose payload fits the schema', async () => {
    const rows = await outbox();
    const problems: string[] = [];
    for (const r of rows) {
      const topic = topicNamed(r.topic);
      if (!topic) problems.push(`#${r.id} ${r.topic}: no such topic is declared`);
      else if (topic.aggregateType !== r.aggregate_type) problems.push(`#${r.id} ${r.topic}: aggregate type ${r.aggregate_type}, declared ${topic.aggregateType}`);
      else for (const e of topic.errors(r.payload)) problems.push(`#${r.id} ${r.topic}: ${e}`);
    }
    expect(problems).toEqual([]);
    const topics = new Set(rows.map((r) => r.topic));
    for (const t of ['dossier.submit', 'dossier.register_counter', 'dossier.receive', 'dossier.assign', 'dossier.issue_result', 'dossier.step_escalated',
      'identity.citizen_registered', 'catalog.agency_updated', 'process.published', 'document.issued', 'document.signed']) expect(topics, t).toContain(t);
    expect(topics.size, [...topics].join(' ')).toBeGreaterThan(15);
  });

  it('gives consumers typed dossier events, and refuses a payload that does not fit', async () => {
    const [r] = (await outbox()).filter((x) => x.topic === 'dossier.receive');
    const event = { id: Number(r!.id), txid: '0', topic: r!.topic, aggregateType: r!.aggregate_type, aggregateId: r!.aggregate_id, payload: r!.payload, occurredAt: r!.occurred_at };
    expect(isDossierAction(event)).toBe(true);
    if (isDossierAction(event)) expect(event.payload.action).toBe('receive');
    expect(isDossierAction({ ...event, payload: { ...(r!.payload as object), seq: 'one' } })).toBe(false);
    expect(isDossierAction({ ...event, topic: 'dossier.unknown' })).toBe(false);
  });
});
