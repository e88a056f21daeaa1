/** The gateway registry's write functions: members, subsystems, credentials, services (OpenAPI import), rights, groups, each audited. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verify as argon2Verify } from '@node-rs/argon2';
import { freshDatabase } from './helpers.ts';
import { testConfig, TEST_NOW } from './config.ts';
import { fixedClock } from '../src/platform/clock.ts';
import type { Database } from '../src/db/index.ts';
import { gt } from '../src/modules/gateway/store-types.ts';
import {
  addCertificateClient, addClient, addGroup, addGroupMember, addMember, addService, addSubsystem, allow, deny, revokeClient, type RegistryCtx,
} from '../src/modules/gateway/registry.ts';
import { importOpenApi, OpenApiError } from '../src/modules/gateway/openapi-import.ts';
import { testCertificatePem } from './support/gateway-cert.ts';

let database: Database;
let ctx: RegistryCtx;
const PROVIDER = 'VN/GOV/000.00.44.H56/MOTCUA';
const CLIENT = 'VN/GOV/000.00.21.H45/QLVB';
const SERVICE = `${PROVIDER}/dossier-status`;
const OPENAPI_YAML = `openapi: 3.0.3
info: { title: Dossier status, version: '1' }
servers: [{ url: 'http://127.0.0.1:9/api' }]
paths:
  /dossiers/{code}:
    get: { responses: { '200': { description: ok } } }
  /dossiers:
    post: { responses: { '201': { description: ok } } }
    get: { responses: { '200': { description: ok } } }
`;

beforeAll(async () => {
  database = await freshDatabase();
  ctx = { db: database.db, clock: fixedClock(TEST_NOW), config: testConfig('/tmp/unused'), actor: null };
});
afterAll(async () => database.close());

async function auditActions() {
  const rows = await database.db.selectFrom('audit_log').select(['action', 'subject_id']).where('action', 'like', 'gateway.%').orderBy('id').execute();
  return rows.map((r) => r.action);
}

describe('gateway registry', () => {
  it('adds subsystems (creating the member), refuses duplicates and bad identifiers', async () => {
    expect(await addSubsystem(ctx, PROVIDER, { memberName: 'Sở Thông tin', name: 'Một cửa' })).toMatchObject({ id: PROVIDER, created: true, memberCreated: true });
    await expect(addSubsystem(ctx, PROVIDER)).rejects.toMatchObject({ type: 'gateway-duplicate' });
    expect(await addSubsystem(ctx, PROVIDER, { ifMissing: true })).toMatchObject({ created: false });
    await addSubsystem(ctx, CLIENT);
    await expect(addSubsystem(ctx, 'VN/GOV/a b/X')).rejects.toMatchObject({ type: 'gateway-bad-identifier' });
    await expect(addSubsystem(ctx, 'VN/GOV/X')).rejects.toMatchObject({ type: 'gateway-bad-identifier' });
    await expect(addMember(ctx, 'VN/GOV/000.00.44.H56')).rejects.toMatchObject({ type: 'gateway-duplicate' });
    expect(await addMember(ctx, 'VN/COM/0101234567', { name: 'Công ty A' })).toEqual({ id: 'VN/COM/0101234567', name: 'Công ty A' });
    expect(await auditActions()).toEqual(['gateway.subsystem_added', 'gateway.subsystem_added', 'gateway.member_added']);
  });

  it('creates client credentials: the secret once, only its argon2id hash kept; revokes them', async () => {
    const c = await addClient(ctx, CLIENT);
    expect(c.clientId).toMatch(/^qlvb-[a-z0-9]{10}$/);
    expect(c.clientSecret.length).toBeGreaterThanOrEqual(43);
    const row = await gt(database.db).selectFrom('gateway_credentials').selectAll().where('client_id', '=', c.clientId).executeTakeFirstOrThrow();
    expect(row.secret_hash).toMatch(/^\$argon2id\$/);
    expect(row.secret_hash).not.toContain(c.clientSecret);
    expect(await argon2Verify(row.secret_hash!, c.clientSecret)).toBe(true);
    await expect(addClient(ctx, 'VN/GOV/nobody/X')).rejects.toMatchObject({ type: 'gateway-unknown-subsystem' });
    expect(await revokeClient(ctx, c.clientId)).toMatchObject({ revoked: true });
    expect(await revokeClient(ctx, c.clientId)).toMatchObject({ revoked: false });
    await expect(revokeClient(ctx, 'no-such-client')).rejects.toMatchObject({ type: 'gateway-unknown-client' });
    const log = await database.db.selectFrom('audit_log').select('data').where('action', '=', 'gateway.client_added').execute();
    expect(JSON.stringify(log)).not.toContain(c.clientSecret);
  });

  it('registers certificate clients by SHA-256 fingerprint', async () => {
    const pem = testCertificatePem();
    const c = await addCertificateClient(ctx, CLIENT, pem);
    expect(c.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    await expect(addCertificateClient(ctx, CLIENT, pem)).rejects.toMatchObject({ type: 'gateway-duplicate' });
    await expect(addCertificateClient(ctx, CLIENT, 'not a certificate')).rejects.toMatchObject({ type: 'gateway-bad-certificate' });
  });

  it('imports OpenAPI documents (YAML and JSON), turning templates into patterns', () => {
    const d = importOpenApi(OPENAPI_YAML);
    expect(d.endpoints).toEqual([{ method: 'GET', path: '/dossiers/*' }, { method: 'GET', path: '/dossiers' }, { method: 'POST', path: '/dossiers' }]);
    expect(d.serverUrl).toBe('http://127.0.0.1:9/api');
    expect(importOpenApi(JSON.stringify(d.document)).endpoints).toHaveLength(3);
    expect(() => importOpenApi('swagger: "2.0"\ninfo: {title: x, version: "1"}')).toThrow(OpenApiError);
    expect(() => importOpenApi('openapi: 3.0.0\npaths: {}')).toThrow(/info/);
    expect(() => importOpenApi('{ not json')).toThrow(OpenApiError);
    expect(() => importOpenApi('openapi: 3.1.0\ninfo: {title: x, version: "1"}\npaths: {"nope": {get: {}}}')).toThrow(/start with/);
  });

  it('registers and updates services (upsert), from OpenAPI or by hand; checks URLs', async () => {
    const s = await addService(ctx, SERVICE, { openapi: OPENAPI_YAML });
    expect(s).toMatchObject({ created: true, url: 'http://127.0.0.1:9/api', title: 'Dossier status', hasOpenApi: true, digestOnly: false });
    expect(s.endpoints).toHaveLength(3);
    const u = await addService(ctx, SERVICE, { url: 'https://example.org/base', digestOnly: true, timeoutMs: 5000, endpoints: [{ method: 'get', path: '/x/{id}' }] });
    expect(u).toMatchObject({ created: false, url: 'https://example.org/base', digestOnly: true, timeoutMs: 5000, endpoints: [{ method: 'GET', path: '/x/*' }] });
    await expect(addService(ctx, `${PROVIDER}/other`, { url: 'ftp://x' })).rejects.toMatchObject({ type: 'gateway-bad-url' });
    await expect(addService(ctx, `${PROVIDER}/other`, {})).rejects.toMatchObject({ type: 'gateway-bad-url' });
    await expect(addService(ctx, `${PROVIDER}/other`, { url: 'http://x', openapi: 'openapi: 2' })).rejects.toMatchObject({ type: 'gateway-bad-openapi' });
    await expect(addService(ctx, 'VN/GOV/nobody/X/svc', { url: 'http://x' })).rejects.toMatchObject({ type: 'gateway-unknown-subsystem' });
    await expect(addService(ctx, `${PROVIDER}/other`, { url: 'http://x', endpoints: [{ method: 'BREW', path: '/' }] })).rejects.toMatchObject({ type: 'gateway-bad-endpoint' });
  });

  it('grants and revokes rights to subsystems, client ids and groups', async () => {
    const c = await addClient(ctx, CLIENT);
    expect(await allow(ctx, c.clientId, SERVICE)).toEqual({ subject: CLIENT, service: SERVICE, method: '*', path: '*', granted: true });
    expect(await allow(ctx, CLIENT, SERVICE)).toMatchObject({ granted: false });
    expect(await allow(ctx, CLIENT, SERVICE, { method: 'get', path: '/dossiers/{code}' })).toMatchObject({ method: 'GET', path: '/dossiers/*', granted: true });
    await addGroup(ctx, 'so-nganh', { description: 'Các sở' });
    await expect(addGroup(ctx, 'so-nganh')).rejects.toMatchObject({ type: 'gateway-duplicate' });
    expect(await addGroupMember(ctx, 'so-nganh', CLIENT)).toMatchObject({ added: true });
    expect(await allow(ctx, 'group:so-nganh', SERVICE, { method: 'POST', path: '/dossiers' })).toMatchObject({ subject: 'group:so-nganh', granted: true });
    await expect(allow(ctx, 'group:nope', SERVICE)).rejects.toMatchObject({ type: 'gateway-unknown-group' });
    await expect(allow(ctx, CLIENT, `${PROVIDER}/missing`)).rejects.toMatchObject({ type: 'gateway-unknown-service' });
    await expect(allow(ctx, 'unknown-client', SERVICE)).rejects.toMatchObject({ type: 'gateway-unknown-client' });
    expect((await deny(ctx, CLIENT, SERVICE, { method: 'GET', path: '/dossiers/*' })).removed).toEqual([{ method: 'GET', path: '/dossiers/*' }]);
    expect((await deny(ctx, c.clientId, SERVICE)).removed).toEqual([{ method: '*', path: '*' }]);
    const rights = await gt(database.db).selectFrom('gateway_access_rights').selectAll().execute();
    expect(rights).toHaveLength(1);
    expect(await auditActions()).toContain('gateway.right_revoked');
  });
});
