/** The message protocol end to end: a client calls the provider simulator (a separate process) through the gateway. */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deny } from '../src/modules/gateway/registry.ts';
import { asClient, CLIENT, gatewayKit, grant, r1, SERVICE, type GatewayKit } from './support/gateway-proxy-kit.ts';

let kit: GatewayKit;
let token: string;

beforeAll(async () => {
  kit = await gatewayKit();
  token = (await kit.newClient(CLIENT)).token;
}, 60_000);
afterAll(async () => kit?.close());

async function logged(xRoadId: string) {
  return kit.t.database.db.selectFrom('gateway_log_records').select(['kind', 'status', 'error', 'headers', 'body_sha512', 'body_size', 'client', 'service', 'path'])
    .where('x_road_id', '=', xRoadId).orderBy('seq').execute();
}

describe('a call through the gateway', () => {
  it('is refused by default, then allowed for the whole service, with the X-Road headers both ways', async () => {
    const refused = await kit.call('GET', r1(SERVICE, '/echo?x=1'), { headers: asClient(token, CLIENT) });
    expect(refused.status).toBe(403);
    expect(refused.headers['x-road-error']).toBe('Client.AccessDenied');
    expect(refused.json()).toMatchObject({ type: 'Client.AccessDenied', detail: refused.headers['x-road-request-id'] });

    await grant(kit, CLIENT, SERVICE);
    const ok = await kit.call('GET', r1(SERVICE, '/v1/echo?x=1&y=%C3%A1'), { headers: asClient(token, CLIENT, { 'x-road-id': 'tracking-42', 'x-custom-thing': 'kept', accept: 'application/json' }) });
    expect(ok.status).toBe(200);
    const echo = ok.json<{ path: string; query: string; headers: Record<string, string>; accept: string }>();
    expect(echo).toMatchObject({ path: '/v1/echo', query: '?x=1&y=%C3%A1', accept: 'application/json' });
    expect(echo.headers).toMatchObject({ 'x-road-client': CLIENT, 'x-road-service': SERVICE, 'x-road-id': 'tracking-42', 'x-custom-thing': 'kept' });
    expect(echo.headers['x-road-request-id']).toBe(ok.headers['x-road-request-id']);
    expect(ok.headers).toMatchObject({ 'x-road-client': CLIENT, 'x-road-service': SERVICE, 'x-road-id': 'tracking-42' });
    expect(ok.headers['x-road-error']).toBeUndefined();
    expect(ok.headers['x-road-request-hash']).toMatch(/^[A-Za-z0-9+/]{86}==$/);

    const records = await logged('tracking-42');
    expect(records.map((r) => [r.kind, r.status])).toEqual([['request', null], ['response', 200]]);
    expect((records[0]!.headers as Record<string, string>).authorization).toBeUndefined();
    expect(createHash('sha512').update(ok.body).digest().equals(Buffer.from(records[1]!.body_sha512))).toBe(true);
  });

  it('gives a new X-Road-Id when the client has none, and passes redirects and provider errors through unchanged', async () => {
    const r = await kit.call('GET', r1(SERVICE, '/redirect'), { headers: asClient(token, CLIENT) });
    expect(r.status).toBe(302);
    expect(r.headers.location).toBe('/echo');
    expect(r.headers['x-road-id']).toMatch(/^[0-9a-f-]{36}$/);
    const e = await kit.call('GET', r1(SERVICE, '/status/503'), { headers: asClient(token, CLIENT) });
    expect(e.status).toBe(503);
    expect(e.headers['x-road-error']).toBeUndefined();
  });

  it('streams 1 MB both ways, and the request hash is the one PR-REST defines over the logged request', async () => {
    const body = Buffer.alloc(1024 * 1024);
    for (let i = 0; i < body.length; i++) body[i] = (i * 7 + 3) & 0xff;
    const r = await kit.call('POST', r1(SERVICE, '/mirror'), { headers: asClient(token, CLIENT, { 'content-type': 'application/octet-stream', 'x-road-id': 'big-1' }), body });
    expect(r.status).toBe(200);
    expect(r.body.length).toBe(body.length);
    expect(r.body.equals(body)).toBe(true);
    const [req, res] = await logged('big-1');
    const sha = (b: Buffer) => createHash('sha512').update(b).digest();
    expect(Buffer.from(req!.body_sha512).equals(sha(body))).toBe(true);
    expect(Number(req!.body_size)).toBe(body.length);
    expect(Buffer.from(res!.body_sha512).equals(sha(body))).toBe(true);
    const h = req!.headers as Record<string, string>;
    const lines = createHash('sha512').update(`POST ${req!.path}\r\n`);
    for (const name of Object.keys(h).sort()) lines.update(`${name}: ${h[name]}\r\n`);
    const expected = createHash('sha512').update(lines.digest()).update(sha(body)).digest('base64');
    expect(r.headers['x-road-request-hash']).toBe(expected);

    const down = await kit.call('GET', r1(SERVICE, '/bytes?n=1048576'), { headers: asClient(token, CLIENT) });
    expect(down.body.length).toBe(1048576);
  });

  it('checks rights per endpoint: method and path pattern', async () => {
    await deny(kit.reg, CLIENT, SERVICE);
    await grant(kit, CLIENT, SERVICE, { method: 'GET', path: '/json/{id}' });
    const ok = await kit.call('GET', r1(SERVICE, '/json/123'), { headers: asClient(token, CLIENT) });
    expect(ok.status).toBe(200);
    for (const [method, path] of [['POST', '/json/123'], ['GET', '/json/1/2'], ['GET', '/echo']] as const) {
      const r = await kit.call(method, r1(SERVICE, path), { headers: asClient(token, CLIENT), ...(method === 'POST' && { body: '{}' }) });
      expect(r.status, `${method} ${path}`).toBe(403);
      expect(r.headers['x-road-error']).toBe('Client.AccessDenied');
    }
  });
});
