/**
 * The gateway's health check answers as X-Road's (200 OK, 500 with a reason, 503 in maintenance), and the
 * platform's /health/ready says what the message log's state is without knowing the gateway module.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthAnswer } from '../src/modules/gateway/health.ts';
import { HEALTHY, monitorApp, type MonitorApp } from './support/gateway-monitor-app.ts';

let t: MonitorApp;
beforeAll(async () => {
  t = await monitorApp();
});
afterAll(async () => t.close());

const health = () => t.app.inject({ url: '/gateway/health' });
const ready = () => t.app.inject({ url: '/health/ready' });

describe('gateway health check', () => {
  it('answers 200 OK, in plain text, when the database and the message log are fine', async () => {
    const res = await health();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toBe('OK');
    expect((await ready()).json()).toEqual({ status: 'ok', database: 'ok', 'gateway-message-log': 'ok' });
  });

  it('answers 500 with the reason when time-stamps are overdue; /health/ready stays up but says degraded', async () => {
    Object.assign(t.logStatus, { healthy: false, refuseTraffic: false, lastTimestampAt: new Date('2026-03-09T20:00:00Z'), untimestamped: 42 });
    const res = await health();
    expect(res.statusCode).toBe(500);
    expect(res.body).toBe('message log: last time-stamp at 2026-03-09T20:00:00.000Z is too old (42 records not time-stamped)');
    const r = await ready();
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: 'degraded', database: 'ok', 'gateway-message-log': expect.stringMatching(/^degraded: message log: last time-stamp/) });
  });

  it('makes the node not ready (503 problem) when the gateway refuses traffic, with the message log\'s own reason', async () => {
    Object.assign(t.logStatus, { healthy: false, refuseTraffic: true, reason: 'time-stamp authority unreachable since 2026-03-09T20:00Z' });
    const res = await health();
    expect(res.statusCode).toBe(500);
    expect(res.body).toBe('message log: time-stamp authority unreachable since 2026-03-09T20:00Z');
    const r = await ready();
    expect(r.statusCode).toBe(503);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.json()).toMatchObject({
      status: 503,
      detail: 'gateway-message-log failing: message log: time-stamp authority unreachable since 2026-03-09T20:00Z',
      checks: { 'gateway-message-log': expect.stringMatching(/^failing: /) },
    });
    Object.assign(t.logStatus, HEALTHY, { reason: undefined });
    expect((await health()).statusCode).toBe(200);
  });

  it('answers 503 "maintenance mode" without running any check when GATEWAY_MAINTENANCE is set', async () => {
    const m = await monitorApp({ maintenance: true });
    try {
      Object.assign(m.logStatus, { healthy: false, refuseTraffic: true });
      const res = await m.app.inject({ url: '/gateway/health' });
      expect(res.statusCode).toBe(503);
      expect(res.body).toBe('Health check interface is in maintenance mode');
    } finally {
      await m.close();
    }
  });

  it('answers 500 when the database is unreachable (the rule; the route pings the database)', () => {
    expect(healthAnswer({ maintenance: false, databaseOk: false, log: HEALTHY })).toEqual({ status: 500, message: 'database not reachable' });
    expect(healthAnswer({ maintenance: false, databaseOk: true, log: undefined })).toEqual({ status: 500, message: 'message log: not running on this node' });
  });
});
