/**
 * The IOC API: the Decision 766 index, figures, dashboard, CSV exports, who may see what, and the
 * live stream. Dossiers go through the real intake and lifecycle services; the consumer folds them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/platform/clock.ts';
import { fsBlobStore } from '../src/modules/files/blobs.ts';
import { buildServer } from '../src/server.ts';
import { createIocStream, iocChanged } from '../src/modules/ioc/stream.ts';
import { driver, type Driver } from './support/ioc-testkit.ts';
import { auth, freshDatabase, login } from './helpers.ts';
import { testConfig, TEST_NOW } from './config.ts';

const HOUR = 3_600_000;
let app: FastifyInstance;
let database: Awaited<ReturnType<typeof freshDatabase>>;
let drv: Driver;
let dir: string;
const clock = fixedClock(TEST_NOW);
const tokens: Record<string, string> = {};
let openCode = '';
let lateCode = '';

async function run(code: string, steps: [string, Parameters<Driver['act']>[2]][]) {
  for (const [who, action] of steps) {
    clock.advance(HOUR);
    expect(await drv.act(who, code, action), `${action} by ${who}`).toBe(true);
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'motcua-ioc-api-'));
  const config = testConfig(dir, { sessionTtlHours: 24 * 365 });
  database = await freshDatabase();
  app = await buildServer({ config, db: database.db, clock, blobs: fsBlobStore(config.filesDir), logger: false });
  await app.ready();
  for (const u of ['admin.tinh', 'lanhdao.dongthuan', 'motcua.dongthuan']) tokens[u] = await login(app, u);
  drv = driver(database.db, clock, config);
  // Online birth registration settled the same day (early), rated.
  const a = await drv.intake('birth', true);
  await run(a, [['motcua.dongthuan', 'receive'], ['motcua.dongthuan', 'assign'], ['chuyenvien.dongthuan', 'forward'], ['lanhdao.dongthuan', 'sign'],
    ['lanhdao.dongthuan', 'issue_result'], ['motcua.dongthuan', 'return_result'], ['045095001234', 'rate']]);
  // At the counter, settled three days after its one-day limit (late).
  const b = await drv.intake('birth', false);
  lateCode = b;
  await run(b, [['motcua.dongthuan', 'assign']]);
  clock.advance(72 * HOUR);
  await run(b, [['chuyenvien.dongthuan', 'forward'], ['lanhdao.dongthuan', 'sign'], ['lanhdao.dongthuan', 'issue_result'], ['motcua.dongthuan', 'return_result']]);
  // A company registration at the provincial centre, still being processed.
  openCode = await drv.intake('company', false);
  await run(openCode, [['motcua.tinh', 'assign']]);
  await drv.consume();
});
afterAll(async () => {
  await app.close();
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, token = tokens['admin.tinh']!, headers: Record<string, string> = {}) =>
  app.inject({ url: `/api/v1/ioc/${url}`, headers: { ...auth(token), ...headers } });

describe('the Decision 766 index', () => {
  it('scores the province from what the platform produces and says what has no data', async () => {
    const res = await get('index?level=province&period=2026-03');
    expect(res.statusCode, res.body).toBe(200);
    const [province] = res.json().items;
    const group = (k: string) => province.groups.find((g: { key: string }) => g.key === k);
    expect(group('timeliness').points).toBe(10); // 20 × (1 early + 0 on time) / 2 settled with a due date
    expect(group('online_payment')).toMatchObject({ points: null, scorableMax: 0 });
    // Both results went to an applicant with an account: returned electronically (6 of the group's 22
    // points); digitised: all 3 received (online, and the counter ones with every component scanned): 4;
    // reused: none of 3; certified copies: nobody asked for one (no data), nor population database etc.
    expect(group('digitisation')).toMatchObject({ points: 10, scorableMax: 12 });
    const digitised = group('digitisation').indicators.find((i: { key: string }) => i.key === 'digitised');
    expect(digitised).toMatchObject({ numerator: 3, denominator: 3, status: 'scored' });
    const satisfaction = group('satisfaction');
    expect(satisfaction.indicators.map((i: { status: string }) => i.status)).toEqual(['scored', 'no_data', 'no_data']);
    expect(satisfaction.points).toBe(6);
    const online = group('online_service').indicators.find((i: { key: string }) => i.key === 'submitted_online');
    expect(online).toMatchObject({ numerator: 1, denominator: 3, points: 4 }); // min(6, 6 × (1/3) / 0.5)
    expect(province.noData).toEqual(expect.arrayContaining(['synced_national', 'dossiers_paid', 'certified_copies']));
    expect(province.noData).not.toContain('digitised');
    expect(province.noData).not.toContain('electronic_results');
    expect(province.score).toBeGreaterThan(20);
    expect(province.normalized).toBeCloseTo((province.score / province.scorableMax) * 100, 1);
  });

  it('ranks every agency with activity, and exports the index as CSV', async () => {
    const res = await get('index?level=agency&period=2026-Q1');
    expect(res.json().items.map((i: { id: string }) => i.id)).toHaveLength(2);
    const csv = await get('index?level=agency&period=2026-Q1', undefined, { accept: 'text/csv' });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const [header, first] = csv.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toMatch(/^rank,id,name,score,scorableMax,normalized,transparency,/);
    expect(first).toMatch(/^1,/);
  });
});

describe('figures and dashboard', () => {
  it('gives the operational figures with the previous period, top late procedures and the agency ranking', async () => {
    const res = await get('figures?level=province&period=2026-03');
    const f = res.json();
    expect(f.figures).toMatchObject({ received: 3, receivedOnline: 1, settled: 2, early: 1, late: 1, onTimeRate: 0.5, inProgress: 1, electronicReturnShare: 1 });
    expect(f.figures.ratings).toMatchObject({ notSatisfied: 0, rated: 1, satisfiedShare: 1 });
    expect(f.figures.avgProcessingDays).toBeGreaterThan(0);
    expect(f.previous).toMatchObject({ period: '2026-02', figures: { received: 0 } });
    // February had no dossiers: nothing to compare with.
    expect(f.trend.received).toBeNull();
    expect(f.topLateProcedures[0]).toMatchObject({ id: '1.001193', late: 1 });
    expect(f.agencyRanking.map((a: { rank: number }) => a.rank)).toEqual([1, 2]);
    const communes = (await get('figures?level=commune&period=2026')).json();
    expect(communes.items.map((c: { id: string }) => c.id)).toEqual(['18859']);
  });

  it('gives the whole dashboard in one call, and each of its tables as CSV', async () => {
    const d = (await get('dashboard?period=2026-Q1')).json();
    expect(d.index.groups).toHaveLength(6);
    expect(d.monthly).toHaveLength(12);
    expect(d.monthly.at(-1)).toMatchObject({ month: '2026-03', received: 3, inProgress: 1 });
    expect(d.procedures.map((p: { id: string }) => p.id).sort()).toEqual(['1.001193', '2.001610']);
    expect(d.communes[0]).toMatchObject({ id: '18859', received: 3 });
    const csv = await get('dashboard?period=2026-Q1&format=csv&table=procedures');
    expect(csv.headers['content-disposition']).toContain('ioc-dashboard-province-2026-Q1-procedures.csv');
    expect(csv.body.split('\r\n')).toHaveLength(4); // header, two rows, final newline
  });

  it('shows the current year (by the server clock, in Vietnam) when no period is asked for', async () => {
    const unsaid = (await get('dashboard')).json();
    const year = (await get('dashboard?period=2026')).json();
    expect(unsaid.period).toBe('2026');
    expect({ ...unsaid, asOf: null }).toEqual({ ...year, asOf: null });
  });

  it('drills down to the late dossiers themselves, without personal data', async () => {
    const res = await get('late-dossiers?period=2026-03');
    expect(res.statusCode, res.body).toBe(200);
    const late = res.json();
    expect(late.items).toHaveLength(1);
    expect(late.items[0]).toMatchObject({ kind: 'settled_late', code: lateCode, procedureCode: '1.001193', communeCode: '18859', statusCode: 10 });
    expect(late.items[0].daysLate).toBeGreaterThan(2);
    expect(JSON.stringify(late)).not.toMatch(/045095001234|Nguyễn Văn An/);
    const byProcedure = (await get('late-dossiers?period=2026-03&level=procedure&id=2.001610')).json();
    expect(byProcedure.items).toEqual([]);
    const leader = (await get('late-dossiers?period=2026-Q1&level=commune&id=18859', tokens['lanhdao.dongthuan']!)).json();
    expect(leader.items.map((i: { code: string }) => i.code)).toEqual([lateCode]);
    expect((await get('late-dossiers?period=2026-03&level=province', tokens['lanhdao.dongthuan']!)).statusCode).toBe(403);
    const csv = await get('late-dossiers?period=2026-03&format=csv');
    expect(csv.body).toContain(lateCode);
    expect((await get('late-dossiers?period=2026-03&limit=0')).statusCode).toBe(400);
  });

  it('rejects a malformed period', async () => {
    expect((await get('figures?period=2026-13')).statusCode).toBe(400);
  });
});

describe('who may see what', () => {
  it('lets an agency leader see only their agency', async () => {
    const leader = tokens['lanhdao.dongthuan']!;
    const own = (await get('figures?period=2026-03', leader)).json();
    expect(own).toMatchObject({ level: 'agency', figures: { received: 2 } });
    expect((await get('index?level=province&period=2026-03', leader)).statusCode).toBe(403);
    expect((await get('index?level=agency&id=000.00.03.H50&period=2026-03', leader)).statusCode).toBe(403);
    const procedures = (await get('figures?level=procedure&period=2026-03', leader)).json();
    expect(procedures.items.map((p: { id: string }) => p.id)).toEqual(['1.001193']);
    const dashboard = (await get(`dashboard?period=2026-03&level=agency`, leader)).json();
    expect(dashboard.agencyRanking).toEqual([]);
    expect(dashboard.procedures).toHaveLength(1);
  });

  it('refuses other officers and anonymous callers', async () => {
    expect((await get('index?period=2026', tokens['motcua.dongthuan']!)).statusCode).toBe(403);
    expect((await app.inject({ url: '/api/v1/ioc/index?period=2026' })).statusCode).toBe(401);
  });
});

describe('live updates', () => {
  it('pushes "changed" over server-sent events when new events are applied', async () => {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const ac = new AbortController();
    const res = await fetch(`${address}/api/v1/ioc/stream`, { headers: auth(tokens['admin.tinh']!), signal: ac.signal });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.getReader();
    let text = '';
    const until = async (needle: string) => {
      const deadline = Date.now() + 10_000;
      while (!text.includes(needle) && Date.now() < deadline) text += new TextDecoder().decode((await reader.read()).value);
      return text.includes(needle);
    };
    expect(await until('event: ready')).toBe(true);
    await run(openCode, [['chuyenvien.taichinh', 'forward']]);
    await drv.consume();
    iocChanged();
    expect(await until('event: changed')).toBe(true);
    ac.abort();
  });

  it('runs one watcher for clients arriving together, and none once they have gone', async () => {
    // Counts this stream's own watchers (not every timer in the process, which pools and other tests move).
    const running = new Set<NodeJS.Timeout>();
    const counted = {
      every(fn: () => void, ms: number) {
        const t = setInterval(fn, ms);
        running.add(t);
        return t;
      },
      cancel(t: NodeJS.Timeout) {
        clearInterval(t);
        running.delete(t);
      },
    };
    const timers = () => running.size;
    const before = timers();
    const stream = createIocStream(database.db, { pollMs: 60_000, heartbeatMs: 60_000, timers: counted });
    const closers: (() => void)[] = [];
    const client = () => ({ writeHead() { return this; }, write: () => true, end() {} }) as never;
    await Promise.all([stream.attach(client(), (fn) => closers.push(fn)), stream.attach(client(), (fn) => closers.push(fn))]);
    expect(timers()).toBe(before + 2); // one poll, one heartbeat
    for (const close of closers) close();
    expect(timers()).toBe(before);
  });
});
