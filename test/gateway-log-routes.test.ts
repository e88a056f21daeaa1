/**
 * Issue 14: the message log's admin API — search by X-Road-Id, client, service and time with a cursor,
 * one record with headers and body, the status; for the province admin only (deny by default).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMessageLog, type RunningMessageLog } from '../src/modules/gateway/log/index.ts';
import type { Services } from '../src/platform/module.ts';
import { auth, login, registerCitizen, testApp, type TestApp } from './helpers.ts';
import { exchange, message, sinkOf } from './support/gateway-log-kit.ts';

let t: TestApp;
let log: RunningMessageLog;
let own: RunningMessageLog | null = null;
let admin: Record<string, string>;
const xRoadId = randomUUID();
const OTHER = 'VN/GOV/000.00.02.H50/HOTICH';

beforeAll(async () => {
  t = await testApp();
  // The server's own log when the module provides one (its status is what the route reports), else one of ours.
  log = (t.services.gateway?.log as RunningMessageLog | undefined) ?? (own = await openMessageLog({ db: t.database.db, config: t.config, clock: t.clock, services: {} as Services }));
  admin = auth(await login(t.app, 'admin.tinh'));
  await exchange(log, { xRoadId });
  for (let i = 0; i < 5; i++) await exchange(log, { client: OTHER, path: `/p/${i}`, at: new Date(Date.parse('2026-03-11T00:00:00Z') + i * 60_000) });
  await log.record([message({ xRoadId: 'digest-only-1', body: await sinkOf(log, Buffer.from('{"cccd":"045095001234"}'), true) })]);
});
afterAll(async () => {
  await own?.close();
  await t.close();
});

const get = (url: string, headers = admin) => t.app.inject({ url: `/api/v1${url}`, headers });

describe('GET /gateway/log', () => {
  it('finds the request and response of one X-Road-Id', async () => {
    const res = await get(`/gateway/log?xRoadId=${xRoadId}`);
    expect(res.statusCode).toBe(200);
    const page = res.json() as { items: { kind: string; xRoadId: string; bodySha512: string; timestamped: boolean; digestOnly: boolean }[]; next: string | null };
    expect(page.items.map((i) => i.kind)).toEqual(['response', 'request']);
    expect(page.items[0]).toMatchObject({ xRoadId, status: 200, timestamped: false, digestOnly: false, bodySize: 11 });
    expect(Buffer.from(page.items[0]!.bodySha512, 'base64')).toHaveLength(64);
    expect(page.next).toBeNull();
  });

  it('pages by client and time with a cursor, newest first', async () => {
    const q = `client=${encodeURIComponent(OTHER)}&from=2026-03-11T00:01:00Z&to=2026-03-11T00:04:00Z&limit=4`;
    const first = (await get(`/gateway/log?${q}`)).json() as { items: { path: string; id: string }[]; next: string };
    expect(first.items.map((i) => i.path)).toEqual(['/p/3', '/p/3', '/p/2', '/p/2']);
    const second = (await get(`/gateway/log?${q}&cursor=${first.next}`)).json() as { items: { path: string }[]; next: string | null };
    expect(second.items.map((i) => i.path)).toEqual(['/p/1', '/p/1']);
    expect(second.next).toBeNull();
  });

  it('refuses bad input with problem+json', async () => {
    const res = await get('/gateway/log?limit=0&cursor=abc');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });
});

describe('GET /gateway/log/:id and /gateway/log/status', () => {
  it('shows one record with its headers and body, and only the digest of a digest-only service', async () => {
    const [res] = ((await get(`/gateway/log?xRoadId=${xRoadId}`)).json() as { items: { id: string }[] }).items;
    const one = (await get(`/gateway/log/${res!.id}`)).json() as { headers: Record<string, string>; body: string };
    expect(one.headers).toEqual({ 'content-type': 'application/json' });
    expect(Buffer.from(one.body, 'base64').toString()).toBe('{"ok":true}');
    const [secret] = ((await get('/gateway/log?xRoadId=digest-only-1')).json() as { items: { id: string }[] }).items;
    expect((await get(`/gateway/log/${secret!.id}`)).json()).toMatchObject({ digestOnly: true, body: null, bodyOmitted: false });
    expect((await get('/gateway/log/999999')).statusCode).toBe(404);
  });

  it('reports the status', async () => {
    const res = await get('/gateway/log/status');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ healthy: true, refuseTraffic: false, lastTimestampAt: null, untimestamped: 13 });
  });
});

describe('deny by default', () => {
  it('refuses anyone but the province admin', async () => {
    const officer = auth(await login(t.app, 'motcua.dongthuan'));
    const citizen = auth((await registerCitizen(t.app)).token);
    for (const url of ['/gateway/log', '/gateway/log/1', '/gateway/log/status']) {
      expect((await get(url, {})).statusCode).toBe(401);
      expect((await get(url, officer)).statusCode).toBe(403);
      expect((await get(url, citizen)).statusCode).toBe(403);
    }
  });
});
