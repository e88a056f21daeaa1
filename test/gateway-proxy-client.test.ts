/** motcua's own services as a gateway member, called with the GatewayClient other modules use. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayClient, registerOwnServices } from '../src/modules/gateway/index.ts';
import { CLIENT, gatewayKit, grant, SERVICE, type GatewayKit } from './support/gateway-proxy-kit.ts';

let kit: GatewayKit;
let gw: GatewayClient;
let own: { subsystem: string; services: string[] };

beforeAll(async () => {
  kit = await gatewayKit();
  // The services' base URL is this server's public API (PUBLIC_BASE_URL).
  own = (await registerOwnServices({ ...kit.reg, config: { ...kit.t.config, publicBaseUrl: kit.base } }))!;
  const c = await kit.newClient(CLIENT);
  gw = new GatewayClient({ baseUrl: kit.base, clientId: c.clientId, clientSecret: c.clientSecret, client: CLIENT });
}, 60_000);
afterAll(async () => kit?.close());

describe('the one-stop system as a member', () => {
  it('is registered under the province People’s Committee’s electronic id, idempotently', async () => {
    expect(own.subsystem).toBe('VN/GOV/000.00.00.H50/MOTCUA');
    expect(own.services).toEqual([`${own.subsystem}/dossier-status`, `${own.subsystem}/catalogue`]);
    const again = await registerOwnServices({ ...kit.reg, config: { ...kit.t.config, publicBaseUrl: kit.base } });
    expect(again).toEqual(own);
  });

  it('its catalogue is called through the gateway once allowed', async () => {
    const catalogue = `${own.subsystem}/catalogue`;
    const refused = await gw.call(catalogue, '/procedures?limit=2');
    expect(refused.error?.type).toBe('Client.AccessDenied');
    await grant(kit, CLIENT, catalogue);
    const r = await gw.call(catalogue, '/procedures?limit=2', { headers: { accept: 'application/json' } });
    expect(r.status, r.body.toString().slice(0, 300)).toBe(200);
    expect(r.headers['x-road-service']).toBe(catalogue);
    expect(r.json<{ items: unknown[] }>().items.length).toBeGreaterThan(0);
    // Only the catalogue's listed endpoints: the rest of motcua's API is not reachable through it.
    const other = await gw.call(catalogue, '/auth/me');
    expect(other.error?.type).toBe('Client.AccessDenied');
  });

  it('dossier status: the lookup goes through, motcua’s own answer comes back unchanged', async () => {
    const status = `${own.subsystem}/dossier-status`;
    await grant(kit, CLIENT, status);
    const r = await gw.call(status, '/lookup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 'H50.99-261208-9999', idNumber: '045095001234' }) });
    expect(r.error).toBeUndefined();
    expect([400, 404]).toContain(r.status);
    expect(r.headers['content-type']).toMatch(/problem\+json/);
  });
});

describe('GatewayClient', () => {
  it('keeps its token, and gets a new one when the gateway says it expired', async () => {
    const first = await gw.accessToken();
    expect(await gw.accessToken()).toBe(first);
    await grant(kit, CLIENT, SERVICE);
    kit.t.clock.advance((kit.t.config.gateway.tokenTtlSeconds + 5) * 1000);
    const r = await gw.call(SERVICE, '/echo');
    expect(r.status).toBe(200);
    expect(await gw.accessToken()).not.toBe(first);
  });
});
