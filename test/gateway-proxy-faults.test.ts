/** Bad input and faults (issue 14): each gets its documented PR-REST error, the log keeps the exchange, the gateway stays up. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addService } from '../src/modules/gateway/registry.ts';
import { asClient, CLIENT, gatewayKit, grant, OTHER, PROVIDER, r1, SERVICE, type GatewayKit, type Reply } from './support/gateway-proxy-kit.ts';

let kit: GatewayKit;
let token: string;
let otherToken: string;

beforeAll(async () => {
  kit = await gatewayKit();
  token = (await kit.newClient(CLIENT)).token;
  otherToken = (await kit.newClient(OTHER)).token;
  await grant(kit, CLIENT, SERVICE);
  // A service whose provider is not listening at all.
  await addService(kit.reg, `${PROVIDER}/nowhere`, { url: 'http://127.0.0.1:9/x' });
  await grant(kit, CLIENT, `${PROVIDER}/nowhere`);
}, 60_000);
afterAll(async () => kit?.close());

async function records(xRoadId: string) {
  return kit.t.database.db.selectFrom('gateway_log_records').select(['kind', 'status', 'error']).where('x_road_id', '=', xRoadId).orderBy('seq').execute();
}

let n = 0;
/** Calls with a fresh X-Road-Id and checks the documented error and the two log records. */
async function fails(expected: { status: number; type: string }, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Reply> {
  const id = `fault-${++n}`;
  const r = await kit.call(method, path, { headers: { ...headers, 'x-road-id': id }, body });
  expect(r.status, r.body.toString()).toBe(expected.status);
  expect(r.headers['x-road-error']).toBe(expected.type);
  expect(r.headers['content-type']).toMatch(/^application\/json/);
  const err = r.json<{ type: string; message: string; detail: string }>();
  expect(err.type).toBe(expected.type);
  expect(err.message.length).toBeGreaterThan(5);
  expect(err.detail).toBe(r.headers['x-road-request-id']);
  expect((await records(id)).map((x) => [x.kind, x.status, x.error])).toEqual([['request', null, null], ['response', expected.status, expected.type]]);
  return r;
}

describe('the caller’s faults are Client.* 4xx', () => {
  it('unknown member, subsystem and service', async () => {
    await fails({ status: 404, type: 'Client.UnknownMember' }, 'GET', r1('VN/GOV/999.99.99.H99/NOBODY/echo-svc'), asClient(token, CLIENT));
    await fails({ status: 404, type: 'Client.UnknownMember' }, 'GET', r1('VN/COM/0312345678/OTHERSUB/echo-svc'), asClient(token, CLIENT));
    await fails({ status: 404, type: 'Client.UnknownService' }, 'GET', r1(`${PROVIDER}/no-such-service`, '/x'), asClient(token, CLIENT));
  });

  it('missing, malformed, unknown and foreign client headers', async () => {
    const auth = { authorization: `Bearer ${token}` };
    await fails({ status: 400, type: 'Client.InvalidClientIdentifier' }, 'GET', r1(SERVICE, '/echo'), auth);
    await fails({ status: 400, type: 'Client.InvalidClientIdentifier' }, 'GET', r1(SERVICE, '/echo'), { ...auth, 'x-road-client': 'VN/GOV/only-three' });
    await fails({ status: 403, type: 'Client.UnknownClient' }, 'GET', r1(SERVICE, '/echo'), { ...auth, 'x-road-client': 'VN/GOV/000.00.99.H99/GHOST' });
    // OTHER's token naming CLIENT: the credentials do not own that subsystem.
    await fails({ status: 403, type: 'Client.ClientNotOwned' }, 'GET', r1(SERVICE, '/echo'), asClient(otherToken, CLIENT));
  });

  it('no token, a forged token, an expired token', async () => {
    await fails({ status: 401, type: 'Client.Unauthorized' }, 'GET', r1(SERVICE, '/echo'), { 'x-road-client': CLIENT });
    const forged = `${token.slice(0, -4)}AAAA`;
    await fails({ status: 401, type: 'Client.Unauthorized' }, 'GET', r1(SERVICE, '/echo'), asClient(forged, CLIENT));
    kit.t.clock.advance((kit.t.config.gateway.tokenTtlSeconds + 1) * 1000);
    try {
      const r = await fails({ status: 401, type: 'Client.TokenExpired' }, 'GET', r1(SERVICE, '/echo'), asClient(token, CLIENT));
      expect(r.headers['www-authenticate']).toContain('invalid_token');
    } finally {
      kit.t.clock.advance(-(kit.t.config.gateway.tokenTtlSeconds + 1) * 1000);
    }
  });

  it('identifiers with forbidden characters, dot segments, a malformed path', async () => {
    for (const bad of ['VN/GOV/000.00.44%3BX/SIMPROV/echo-svc', 'VN/GOV/a%25b/SIMPROV/echo-svc', 'VN/GOV/a%5Cb/SIMPROV/echo-svc', 'VN/GOV/x%20y/S/x']) {
      await fails({ status: 400, type: 'Client.InvalidServiceIdentifier' }, 'GET', `/r1/${bad}`, asClient(token, CLIENT));
    }
    await fails({ status: 400, type: 'Client.InvalidServiceIdentifier' }, 'GET', '/r1/VN/GOV', asClient(token, CLIENT));
    await fails({ status: 400, type: 'Client.BadRequest' }, 'GET', r1(SERVICE, '/a/%2e%2e/admin'), asClient(token, CLIENT));
  });

  it('oversized headers', async () => {
    await fails({ status: 431, type: 'Client.HeadersTooLarge' }, 'GET', r1(SERVICE, '/echo'), asClient(token, CLIENT, { 'x-padding': 'x'.repeat(10_000) }));
  });
});

describe('the provider’s faults are Server.ServerProxy.*', () => {
  it('a provider that hangs, resets, answers garbage, or is not there', async () => {
    await fails({ status: 500, type: 'Server.ServerProxy.ServiceFailed' }, 'GET', r1(SERVICE, '/fault/hang'), asClient(token, CLIENT));
    await fails({ status: 500, type: 'Server.ServerProxy.ServiceFailed' }, 'GET', r1(SERVICE, '/fault/reset'), asClient(token, CLIENT));
    await fails({ status: 500, type: 'Server.ServerProxy.ServiceFailed' }, 'POST', r1(SERVICE, '/fault/garbage'), asClient(token, CLIENT, { 'content-type': 'text/plain' }), 'hello');
    await fails({ status: 500, type: 'Server.ServerProxy.NetworkError' }, 'GET', r1(`${PROVIDER}/nowhere`, '/x'), asClient(token, CLIENT));
  });

  it('a provider that breaks off mid-body: the client sees a cut response, the log has it with its error', async () => {
    await expect(kit.call('GET', r1(SERVICE, '/fault/cut'), { headers: asClient(token, CLIENT, { 'x-road-id': 'cut-1' }) })).rejects.toThrow();
    expect((await records('cut-1')).map((x) => [x.kind, x.status, x.error])).toEqual([['request', null, null], ['response', 200, 'Server.ServerProxy.ServiceFailed']]);
  });

  it('the gateway is still up and serving after all of them', async () => {
    const r = await kit.call('GET', r1(SERVICE, '/echo'), { headers: asClient(token, CLIENT) });
    expect(r.status).toBe(200);
    expect((await kit.call('GET', '/health/live')).status).toBe(200);
  });
});
