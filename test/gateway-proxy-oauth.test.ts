/** The OAuth 2.0 token endpoint (RFC 6749 client credentials) and what the gateway does with its tokens. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeClient } from '../src/modules/gateway/registry.ts';
import { asClient, CLIENT, gatewayKit, grant, r1, send, SERVICE, type GatewayKit } from './support/gateway-proxy-kit.ts';

let kit: GatewayKit;
let client: { clientId: string; clientSecret: string; token: string };
const form = { 'content-type': 'application/x-www-form-urlencoded' };

beforeAll(async () => {
  kit = await gatewayKit();
  client = await kit.newClient(CLIENT);
  await grant(kit, CLIENT, SERVICE);
}, 60_000);
afterAll(async () => kit?.close());

const token = (headers: Record<string, string>, body: string) => send(kit.base, 'POST', '/gateway/oauth2/token', { headers, body });

describe('POST /gateway/oauth2/token', () => {
  it('issues a bearer token for credentials in the form body, with no-store', async () => {
    const r = await token(form, `grant_type=client_credentials&client_id=${client.clientId}&client_secret=${encodeURIComponent(client.clientSecret)}&scope=xroad`);
    expect(r.status).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
    const body = r.json<{ access_token: string; token_type: string; expires_in: number }>();
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: kit.t.config.gateway.tokenTtlSeconds });
    const [, payload] = body.access_token.split('.');
    expect(JSON.parse(Buffer.from(payload!, 'base64url').toString())).toMatchObject({ client_id: client.clientId, xroad_client: CLIENT });
    const call = await kit.call('GET', r1(SERVICE, '/echo'), { headers: asClient(body.access_token, CLIENT) });
    expect(call.status).toBe(200);
  });

  it('answers RFC 6749 §5.2 errors', async () => {
    const basic = (id: string, secret: string) => ({ ...form, authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}` });
    const cases: [Record<string, string>, string, number, string][] = [
      [form, 'client_id=x&client_secret=y', 400, 'invalid_request'],
      [form, 'grant_type=password&username=a&password=b', 400, 'unsupported_grant_type'],
      [basic(client.clientId, 'wrong'), 'grant_type=client_credentials', 401, 'invalid_client'],
      [form, 'grant_type=client_credentials&client_id=nobody&client_secret=x', 401, 'invalid_client'],
      [form, 'grant_type=client_credentials', 401, 'invalid_client'],
      [{ 'content-type': 'application/json' }, '{"grant_type":"client_credentials"}', 400, 'invalid_request'],
      [form, 'grant_type=client_credentials&grant_type=client_credentials', 400, 'invalid_request'],
    ];
    for (const [headers, body, status, error] of cases) {
      const r = await token(headers, body);
      expect([r.status, r.json().error], body).toEqual([status, error]);
    }
    const r = await token(basic(client.clientId, 'wrong'), 'grant_type=client_credentials');
    expect(r.headers['www-authenticate']).toContain('Basic');
  });

  it('a revoked credential gets no token, and its tokens stop working', async () => {
    const c = await kit.newClient(CLIENT);
    expect((await kit.call('GET', r1(SERVICE, '/echo'), { headers: asClient(c.token, CLIENT) })).status).toBe(200);
    await revokeClient(kit.reg, c.clientId);
    kit.changed();
    const r = await kit.call('GET', r1(SERVICE, '/echo'), { headers: asClient(c.token, CLIENT) });
    expect([r.status, r.headers['x-road-error']]).toEqual([401, 'Client.Unauthorized']);
    await expect(kit.token(c.clientId, c.clientSecret)).rejects.toThrow(/401/);
  });
});
