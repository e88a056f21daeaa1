/** GATEWAY_REFUSE_WHEN_UNTIMESTAMPED: while the message log is unhealthy the gateway refuses traffic with a Server.* error. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from './config.ts';
import { asClient, CLIENT, gatewayKit, grant, r1, SERVICE, type GatewayKit } from './support/gateway-proxy-kit.ts';

let kit: GatewayKit;
let token: string;

beforeAll(async () => {
  kit = await gatewayKit({ gateway: { ...testConfig('/tmp/unused').gateway, refuseWhenUntimestamped: true, timestampMaxAgeSeconds: 60 } });
  token = (await kit.newClient(CLIENT)).token;
  await grant(kit, CLIENT, SERVICE);
}, 60_000);
afterAll(async () => kit?.close());

describe('refusing traffic while records wait too long for a time-stamp', () => {
  it('serves while the log is healthy, refuses once records waited longer than the policy, and logs the refusal', async () => {
    expect((await kit.call('GET', r1(SERVICE, '/echo'), { headers: asClient(token, CLIENT) })).status).toBe(200);
    // No time-stamping runs in this test (no job runner): the records just written wait.
    kit.t.clock.advance(120_000);
    const r = await kit.call('GET', r1(SERVICE, '/echo'), { headers: asClient(token, CLIENT, { 'x-road-id': 'refused-1' }) });
    expect([r.status, r.headers['x-road-error']]).toEqual([500, 'Server.ServerProxy.LoggingFailed']);
    expect(r.json<{ message: string }>().message).toMatch(/not time-stamped/);
    const rows = await kit.t.database.db.selectFrom('gateway_log_records').select(['kind', 'error']).where('x_road_id', '=', 'refused-1').orderBy('seq').execute();
    expect(rows).toEqual([{ kind: 'request', error: null }, { kind: 'response', error: 'Server.ServerProxy.LoggingFailed' }]);
  });
});
