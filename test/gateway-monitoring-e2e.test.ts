/**
 * Operational monitoring of real calls: the proxy reports every exchange to the monitor, and they show on
 * /metrics and on the monitoring API (the provider simulator is a separate process).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, login } from './helpers.ts';
import { asClient, CLIENT, gatewayKit, grant, r1, SERVICE, type GatewayKit } from './support/gateway-proxy-kit.ts';

let kit: GatewayKit;
let token: string;
beforeAll(async () => {
  kit = await gatewayKit({ metricsToken: 'metrics-token-e2e' });
  token = (await kit.newClient(CLIENT)).token;
}, 60_000);
afterAll(async () => kit?.close());

interface Row { client: string; service: string; requests: number; errors: number; bytesIn: number; bytesOut: number; p99Ms: number | null }

describe('monitoring of calls through the gateway', () => {
  it('counts refused, passed and failed exchanges per client and service, with their bytes', async () => {
    expect((await kit.call('GET', r1(SERVICE, '/echo'), { headers: asClient(token, CLIENT) })).status).toBe(403);
    await grant(kit, CLIENT, SERVICE);
    const body = Buffer.alloc(1024, 'a');
    const ok = await kit.call('POST', r1(SERVICE, '/mirror'), { headers: asClient(token, CLIENT, { 'content-type': 'application/octet-stream' }), body });
    expect(ok.status).toBe(200);
    expect((await kit.call('GET', r1(SERVICE, '/status/503'), { headers: asClient(token, CLIENT) })).status).toBe(503);

    const admin = await login(kit.t.app, 'admin.tinh');
    // The monitor counts an exchange when its response has closed, just after the client has it.
    const row = async () => ((await kit.t.app.inject({ url: '/api/v1/gateway/monitoring', headers: auth(admin) })).json() as { rows: Row[] })
      .rows.find((r) => r.client === CLIENT && r.service === SERVICE);
    await expect.poll(async () => (await row())?.requests).toBe(3);
    const r = (await row())!;
    // The refusal (Client.AccessDenied) and the provider's 503 are errors; the 1 KB went both ways.
    expect(r).toMatchObject({ errors: 2, bytesIn: 1024 });
    // The mirrored 1 KB came back (and the two error bodies besides).
    expect(r.bytesOut).toBeGreaterThanOrEqual(1024);
    expect(r.p99Ms).not.toBeNull();

    const metrics = (await kit.t.app.inject({ url: '/metrics', headers: auth('metrics-token-e2e') })).body;
    expect(metrics).toContain(`gateway_requests_total{client="${CLIENT}",service="${SERVICE}",status="403",error="Client.AccessDenied"} 1`);
    expect(metrics).toContain(`gateway_requests_total{client="${CLIENT}",service="${SERVICE}",status="200",error=""} 1`);
    expect(metrics).toContain(`gateway_requests_total{client="${CLIENT}",service="${SERVICE}",status="503",error=""} 1`);
    expect(metrics).toContain(`gateway_request_bytes_total{client="${CLIENT}",service="${SERVICE}"} 1024`);
    expect(metrics).toMatch(new RegExp(`gateway_provider_duration_seconds_count\\{client="${CLIENT.replace(/\./g, '\\.')}",service="[^"]+"\\} 2`));
  });

  it('says on /health/ready how the message log is', async () => {
    const ready = await kit.t.app.inject({ url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toHaveProperty('gateway-message-log');
  });
});
