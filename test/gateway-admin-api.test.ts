/** The gateway admin API: province admins only (deny by default), registry, services with OpenAPI upload, rights, groups, credentials; problems in vi/en. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, DEMO_CITIZEN, login, testApp, type TestApp } from './helpers.ts';
import { testCertificatePem } from './support/gateway-cert.ts';

let t: TestApp;
let admin: Record<string, string>;
const PROVIDER = 'VN/GOV/000.00.44.H56/MOTCUA';
const SERVICE = `${PROVIDER}/dossier-status`;
const CLIENT = 'VN/GOV/000.00.21.H45/QLVB';

beforeAll(async () => {
  t = await testApp();
  admin = auth(await login(t.app, 'admin.tinh'));
});
afterAll(async () => t.close());

const call = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: unknown) =>
  t.app.inject({ method, url: `/api/v1/gateway${url}`, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });

const ROUTES: ['GET' | 'POST', string, unknown?][] = [
  ['GET', '/registry'], ['GET', '/credentials'], ['GET', `/services/openapi?id=${encodeURIComponent(SERVICE)}`],
  ['POST', '/members', { id: 'VN/GOV/X' }], ['POST', '/subsystems', { id: `${CLIENT}2` }],
  ['POST', '/services', { id: `${PROVIDER}/x`, url: 'http://127.0.0.1:9' }],
  ['POST', '/rights', { subject: CLIENT, service: SERVICE }], ['POST', '/rights/revoke', { subject: CLIENT, service: SERVICE }],
  ['POST', '/groups', { code: 'g1' }], ['POST', '/groups/members', { group: 'g1', subsystem: CLIENT }],
  ['POST', '/groups/members/remove', { group: 'g1', subsystem: CLIENT }],
  ['POST', '/credentials', { subsystem: CLIENT }], ['POST', '/credentials/qlvb-0000000000/revoke', {}],
];

describe('gateway admin API', () => {
  it('refuses everyone but province admins (signed out 401; citizen, counter officer, agency admin 403)', async () => {
    const others = await Promise.all([DEMO_CITIZEN, 'motcua.tinh', 'quantri.taichinh'].map(async (u) => auth(await login(t.app, u))));
    for (const [method, url, body] of ROUTES) {
      expect((await call(method, url, {}, body)).statusCode, `${method} ${url} signed out`).toBe(401);
      for (const h of others) expect((await call(method, url, h, body)).statusCode, `${method} ${url}`).toBe(403);
    }
    const registry = (await call('GET', '/registry', admin)).json() as { members: unknown[] };
    expect(registry.members).toEqual([]);
  });

  it('registers subsystems and a service from an uploaded OpenAPI document; updates and disables it', async () => {
    expect((await call('POST', '/subsystems', admin, { id: CLIENT, name: 'Quản lý văn bản', memberName: 'Văn phòng UBND' })).statusCode).toBe(201);
    const created = await call('POST', '/services', admin, { id: SERVICE, openapi: readFileSync('test/fixtures/gateway-openapi.yaml', 'utf8'), createSubsystem: true });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({ created: true, url: 'http://127.0.0.1:9/api/v1', title: 'Tra cứu hồ sơ', endpoints: [{ method: 'GET', path: '/dossiers/*/status' }, { method: 'GET', path: '/procedures' }] });
    const doc = await call('GET', `/services/openapi?id=${encodeURIComponent(SERVICE)}`, admin);
    expect(doc.json()).toMatchObject({ openapi: '3.0.3', info: { title: 'Tra cứu hồ sơ' } });
    const upd = await call('POST', '/services', admin, { id: SERVICE, digestOnly: true, disabled: true, timeoutMs: 1500 });
    expect(upd.json()).toMatchObject({ created: false, digestOnly: true, disabled: true, timeoutMs: 1500, endpoints: [{}, {}] });
  });

  it('grants and revokes rights, manages groups', async () => {
    const g = await call('POST', '/rights', admin, { subject: CLIENT, service: SERVICE, method: 'GET', path: '/procedures' });
    expect(g.json()).toEqual({ subject: CLIENT, service: SERVICE, method: 'GET', path: '/procedures', granted: true });
    expect((await call('POST', '/groups', admin, { code: 'so-nganh', description: 'Các sở, ngành' })).statusCode).toBe(201);
    expect((await call('POST', '/groups/members', admin, { group: 'so-nganh', subsystem: CLIENT })).json()).toMatchObject({ added: true });
    expect((await call('POST', '/rights', admin, { subject: 'group:so-nganh', service: SERVICE })).json()).toMatchObject({ granted: true });
    const v = (await call('GET', '/registry', admin)).json() as { services: { rights: { subject: string }[] }[]; groups: { members: string[] }[] };
    expect(v.services[0]!.rights.map((r) => r.subject).sort()).toEqual([CLIENT, 'group:so-nganh']);
    expect(v.groups[0]!.members).toEqual([CLIENT]);
    const rv = await call('POST', '/rights/revoke', admin, { subject: 'group:so-nganh', service: SERVICE });
    expect(rv.json()).toMatchObject({ removed: [{ method: '*', path: '*' }] });
    expect((await call('POST', '/groups/members/remove', admin, { group: 'so-nganh', subsystem: CLIENT })).json()).toMatchObject({ removed: true });
  });

  it('creates credentials (the secret once, never listed) and revokes them', async () => {
    const c = await call('POST', '/credentials', admin, { subsystem: CLIENT });
    expect(c.statusCode).toBe(201);
    expect(c.headers['cache-control']).toBe('no-store');
    const made = c.json() as { clientId: string; clientSecret: string };
    expect(made.clientSecret).toHaveLength(43);
    const cert = await call('POST', '/credentials', admin, { subsystem: CLIENT, certificate: testCertificatePem() });
    expect(cert.json()).toMatchObject({ fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const list = await call('GET', '/credentials', admin);
    expect(list.body).not.toContain(made.clientSecret);
    expect((list.json() as { items: { clientId: string; kind: string }[] }).items.map((i) => i.kind)).toEqual(['secret', 'certificate']);
    const r = await call('POST', `/credentials/${made.clientId}/revoke`, admin, {});
    expect(r.json()).toMatchObject({ clientId: made.clientId, revoked: true, revokedAt: expect.any(String) });
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'actor_kind']).where('action', 'like', 'gateway.%').execute();
    expect(audit.length).toBeGreaterThanOrEqual(10);
    expect(new Set(audit.map((a) => a.actor_kind))).toEqual(new Set(['officer']));
    expect(JSON.stringify(audit)).not.toContain(made.clientSecret);
  });

  it('answers bad input with problems in Vietnamese and English', async () => {
    const cases: [string, unknown, number, string][] = [
      ['/services', { id: 'VN/GOV/a b/S/x', url: 'http://x' }, 400, 'gateway-bad-identifier'],
      ['/services', { id: `${PROVIDER}/y`, url: 'javascript:alert(1)' }, 400, 'gateway-bad-url'],
      ['/services', { id: `${PROVIDER}/y`, url: 'http://x', openapi: 'swagger: "2.0"' }, 400, 'gateway-bad-openapi'],
      ['/services', { id: `${PROVIDER}/y`, url: 'http://x', openapi: 'openapi: 3.0.0\ninfo: {title: "\\0", version: "1"}' }, 400, 'gateway-bad-openapi'],
      ['/services', { id: 'VN/GOV/none/S/x', url: 'http://x' }, 404, 'gateway-unknown-subsystem'],
      ['/rights', { subject: CLIENT, service: `${PROVIDER}/nope` }, 404, 'gateway-unknown-service'],
      ['/rights', { subject: 'unknown-client', service: SERVICE }, 404, 'gateway-unknown-client'],
      ['/rights', { subject: CLIENT, service: SERVICE, method: 'BREW' }, 400, 'gateway-bad-endpoint'],
      ['/subsystems', { id: CLIENT }, 409, 'gateway-duplicate'],
      ['/credentials', { subsystem: CLIENT, certificate: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----' }, 400, 'gateway-bad-certificate'],
    ];
    for (const [url, body, status, type] of cases) {
      const res = await call('POST', url, { ...admin, 'accept-language': 'en' }, body);
      expect(res.statusCode, `${url} ${JSON.stringify(body)} ${res.body}`).toBe(status);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json()).toMatchObject({ type: `/problems/${type}`, titleVi: expect.any(String), titleEn: expect.any(String) });
    }
  });
});
