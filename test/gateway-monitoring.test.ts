/** Gateway operational monitoring: Prometheus metrics, the per-minute table across nodes, the page's API, deny-by-default. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, login, registerCitizen } from './helpers.ts';
import { monitorApp, type MonitorApp } from './support/gateway-monitor-app.ts';
import { createMonitor } from '../src/modules/gateway/monitoring.ts';
import { newObservability } from '../src/platform/observability.ts';
import type { Services } from '../src/platform/module.ts';
import type { ExchangeStats } from '../src/modules/gateway/contracts.ts';
import type { MonitoringTables } from '../src/modules/gateway/monitoring-store.ts';
import { fixedClock } from '../src/platform/clock.ts';

const CLIENT = 'VN/GOV/000.00.44.H56/MOTCUA';
const SERVICE = 'VN/GOV/000.00.00.G22/DANCU/citizen-lookup';
const OTHER = 'VN/COM/0101234567/ERP/invoices';
const ex = (over: Partial<ExchangeStats> = {}): ExchangeStats => ({
  client: CLIENT, service: SERVICE, method: 'GET', status: 200, durationMs: 3, providerMs: 2, requestBytes: 100, responseBytes: 1000, ...over,
});

let t: MonitorApp;
let admin: string;
beforeAll(async () => {
  t = await monitorApp({}, { metricsToken: 'metrics-token-monitor' });
  admin = await login(t.app, 'admin.tinh');
});
afterAll(async () => t.close());

const report = async (query = '', token = admin) => t.app.inject({ url: `/api/v1/gateway/monitoring${query}`, headers: auth(token) });

describe('gateway monitoring', () => {
  it('counts every exchange as Prometheus metrics per client, service, status and error', async () => {
    for (let i = 0; i < 4; i++) t.monitor.exchange(ex());
    t.monitor.exchange(ex({ status: 504, error: 'Server.ServerProxy.ServiceTimeout', durationMs: 30_001, providerMs: undefined, responseBytes: 150 }));
    t.monitor.exchange(ex({ client: 'bad client/<script>', service: '??', status: 400, error: 'Client.BadRequest' }));
    const res = await t.app.inject({ url: '/metrics', headers: auth('metrics-token-monitor') });
    expect(res.statusCode).toBe(200);
    const text = res.body;
    expect(text).toContain(`gateway_requests_total{client="${CLIENT}",service="${SERVICE}",status="200",error=""} 4`);
    expect(text).toContain(`gateway_requests_total{client="${CLIENT}",service="${SERVICE}",status="504",error="Server.ServerProxy.ServiceTimeout"} 1`);
    // A caller's malformed identifiers never become labels.
    expect(text).toContain('gateway_requests_total{client="unknown",service="unknown",status="400",error="Client.BadRequest"} 1');
    expect(text).not.toContain('<script>');
    expect(text).toContain(`gateway_request_duration_seconds_count{client="${CLIENT}",service="${SERVICE}"} 5`);
    expect(text).toContain(`gateway_provider_duration_seconds_count{client="${CLIENT}",service="${SERVICE}"} 4`);
    expect(text).toContain(`gateway_request_bytes_total{client="${CLIENT}",service="${SERVICE}"} 500`);
    expect(text).toContain(`gateway_response_bytes_total{client="${CLIENT}",service="${SERVICE}"} 4150`);
  });

  it('reports per client and service, with percentiles from the buckets and a series, adding up what every node flushed', async () => {
    // A second node on the same database: its own monitor, its own registry.
    const services = { observability: newObservability() } as Services;
    const node2 = createMonitor({ db: t.database.db, clock: t.clock, config: t.config, services });
    for (let i = 0; i < 95; i++) node2.exchange(ex({ client: CLIENT, service: OTHER, durationMs: 3 }));
    for (let i = 0; i < 5; i++) node2.exchange(ex({ client: CLIENT, service: OTHER, durationMs: 150, status: 502, error: 'Server.ServerProxy.ServiceFailed' }));
    await node2.close();
    t.clock.advance(2 * 60_000);
    t.monitor.exchange(ex({ durationMs: 7 }));

    const res = await report();
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // An error is any exchange with an X-Road error (the client's or the server's) or a 5xx.
    expect(body.totals).toEqual({ requests: 107, errors: 7, bytesIn: 10_700, bytesOut: 100 * 1000 + 6 * 1000 + 150 });
    const other = body.rows.find((r: { service: string }) => r.service === OTHER);
    expect(other).toMatchObject({ client: CLIENT, requests: 100, errors: 5, bytesIn: 10_000, bytesOut: 100_000 });
    // 95 in (2, 5] ms and 5 in (100, 200]: p50 inside the first, p99 inside the second.
    expect(other.p50Ms).toBeCloseTo(2 + (3 * 50) / 95, 1);
    expect(other.p95Ms).toBe(5);
    expect(other.p99Ms).toBe(180);
    expect(other.buckets.find((b: { leMs: number }) => b.leMs === 5).count).toBe(95);
    expect(other.buckets.at(-1)).toEqual({ leMs: null, count: 0 });
    const lookup = body.rows.find((r: { service: string; client: string }) => r.service === SERVICE && r.client === CLIENT);
    expect(lookup).toMatchObject({ requests: 6, errors: 1 });
    // One point a minute over the hour up to the current minute; the exchanges in two of them.
    expect(body.stepMinutes).toBe(1);
    expect(body.series).toHaveLength(60);
    const busy = body.series.filter((p: { requests: number }) => p.requests > 0);
    expect(busy.map((p: { at: string; requests: number }) => [p.at, p.requests])).toEqual([
      ['2026-03-10T02:00:00.000Z', 106], ['2026-03-10T02:02:00.000Z', 1],
    ]);
  });

  it('takes a range and answers a bad one with a validation problem', async () => {
    const empty = (await report('?from=2026-03-09T00:00:00Z&to=2026-03-09T06:00:00Z')).json();
    expect(empty.totals.requests).toBe(0);
    expect(empty.stepMinutes).toBe(1);
    expect(empty.series).toHaveLength(360);
    const week = (await report('?from=2026-03-03T00:00:00Z&to=2026-03-10T03:00:00Z')).json();
    expect(week.totals.requests).toBe(107);
    expect(week.stepMinutes).toBe(60);
    const backwards = await report('?from=2026-03-10T03:00:00Z&to=2026-03-10T01:00:00Z');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.headers['content-type']).toContain('application/problem+json');
    expect((await report('?from=2025-01-01T00:00:00Z&to=2026-03-10T01:00:00Z')).statusCode).toBe(400);
    expect((await report('?from=yesterday')).statusCode).toBe(400);
    expect((await report('?limit=3')).statusCode).toBe(400);
  });

  it('deletes minutes older than the retention (GATEWAY_MONITORING_RETENTION_DAYS) when it flushes', async () => {
    const old = fixedClock(new Date(t.clock.now().getTime() - 100 * 86_400_000));
    const services = () => ({ observability: newObservability() }) as Services;
    const past = createMonitor({ db: t.database.db, clock: old, config: t.config, services: services() });
    past.exchange(ex());
    await past.close();
    const rows = () => t.database.db.withTables<MonitoringTables>().selectFrom('gateway_monitoring').select('minute').execute();
    expect((await rows()).length).toBe(5);
    const now = createMonitor({ db: t.database.db, clock: t.clock, config: t.config, services: services() });
    await now.close();
    expect((await rows()).length).toBe(4);
    expect(t.config.gateway.monitoringRetentionDays).toBe(90);
  });

  it('is for the province admin only (deny by default)', async () => {
    expect((await t.app.inject({ url: '/api/v1/gateway/monitoring' })).statusCode).toBe(401);
    expect((await report('', await login(t.app, 'motcua.dongthuan'))).statusCode).toBe(403);
    expect((await report('', await login(t.app, 'chuyenvien.taichinh'))).statusCode).toBe(403);
    expect((await report('', (await registerCitizen(t.app)).token)).statusCode).toBe(403);
  });
});
