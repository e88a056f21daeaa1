/** Metaservices from the registry (PR-META, PR-MREST) and their GovStack Information Mediator variant. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { addService } from '../src/modules/gateway/registry.ts';
import { asClient, CLIENT, gatewayKit, grant, PROVIDER, r1, SERVICE, type GatewayKit } from './support/gateway-proxy-kit.ts';

// The registry keeps OpenAPI path parameters as X-Road does: `/docs/{id}` is the endpoint `/docs/*`.
let kit: GatewayKit;
let token: string;
const DOCS = `${PROVIDER}/docs`;
const OPENAPI = {
  openapi: '3.0.3', info: { title: 'Docs', version: '1' }, servers: [{ url: 'http://127.0.0.1:9/docs' }],
  paths: { '/docs/{id}': { get: { responses: { 200: { description: 'ok' } } }, delete: { responses: { 204: { description: 'gone' } } } }, '/docs': { post: { responses: { 201: { description: 'ok' } } } } },
};

beforeAll(async () => {
  kit = await gatewayKit();
  token = (await kit.newClient(CLIENT)).token;
  await addService(kit.reg, DOCS, { openapi: OPENAPI as Record<string, unknown> });
  await addService(kit.reg, `${PROVIDER}/secret-svc`, { url: 'http://127.0.0.1:9/' });
  await grant(kit, CLIENT, SERVICE);
  await grant(kit, CLIENT, DOCS, { method: 'GET', path: '/docs/{id}' });
}, 60_000);
afterAll(async () => kit?.close());

type Service = { service_code: string; endpoint_list: { method: string; path: string }[] };

describe('listClients', () => {
  it('answers XML by default and JSON when asked, members and subsystems', async () => {
    const x = await kit.call('GET', '/listClients');
    expect(x.status).toBe(200);
    expect(x.headers['content-type']).toMatch(/^text\/xml/);
    const doc = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true, parseTagValue: false }).parse(x.body.toString());
    const members = doc.clientList.member as { id: Record<string, string>; name: string; subsystemName?: string }[];
    expect(members).toContainEqual(expect.objectContaining({ id: expect.objectContaining({ '@_objectType': 'SUBSYSTEM', xRoadInstance: 'VN', memberClass: 'COM', memberCode: '0312345678', subsystemCode: 'SIMPROV' }), subsystemName: 'Provider simulator' }));

    const j = await kit.call('GET', '/listClients?xRoadInstance=VN', { headers: { accept: 'application/json' } });
    const list = j.json<{ member: { id: Record<string, string>; name: string }[] }>().member;
    expect(list).toContainEqual({ id: { member_class: 'COM', member_code: '0312345678', object_type: 'MEMBER', xroad_instance: 'VN' }, name: 'Công ty Mô phỏng' });
    expect(list).toContainEqual(expect.objectContaining({ id: expect.objectContaining({ object_type: 'SUBSYSTEM', subsystem_code: 'QLVB' }) }));
    const none = await kit.call('GET', '/listClients?xRoadInstance=EE', { headers: { accept: 'application/json' } });
    expect(none.json()).toEqual({ member: [] });
  });

  it('GovStack shape with instanceId', async () => {
    const g = await kit.call('GET', '/listClients?instanceId=VN');
    const list = g.json<{ member: { id: Record<string, string>; name: string }[] }>().member;
    expect(list).toContainEqual({ name: 'Provider simulator', id: { objectType: 'APPLICATION', instanceId: 'VN', memberClass: 'COM', memberCode: '0312345678', applicationCode: 'SIMPROV' } });
  });
});

describe('listMethods, allowedMethods, getOpenAPI', () => {
  it('listMethods lists every service and endpoint of the provider', async () => {
    const r = await kit.call('GET', r1(PROVIDER, '/listMethods'), { headers: asClient(token, CLIENT, { accept: 'application/json' }) });
    expect(r.status).toBe(200);
    const services = r.json<{ service: Service[] }>().service;
    expect(services.map((s) => s.service_code).sort()).toEqual(['docs', 'echo-svc', 'secret-svc']);
    expect(services.find((s) => s.service_code === 'docs')).toMatchObject({ object_type: 'SERVICE', service_type: 'OPENAPI', xroad_instance: 'VN', member_class: 'COM', member_code: '0312345678', subsystem_code: 'SIMPROV' });
    expect(services.find((s) => s.service_code === 'docs')!.endpoint_list).toHaveLength(3);
  });

  it('allowedMethods hides what the caller may not call', async () => {
    const r = await kit.call('GET', r1(PROVIDER, '/allowedMethods'), { headers: asClient(token, CLIENT) });
    const services = r.json<{ service: Service[] }>().service;
    expect(services.map((s) => s.service_code).sort()).toEqual(['docs', 'echo-svc']);
    expect(services.find((s) => s.service_code === 'docs')!.endpoint_list).toEqual([{ method: 'GET', path: '/docs/*' }]);
  });

  it('getOpenAPI returns the stored description; unknown codes are Client errors', async () => {
    const r = await kit.call('GET', r1(PROVIDER, '/getOpenAPI?serviceCode=docs'), { headers: asClient(token, CLIENT) });
    expect(r.status).toBe(200);
    expect(r.json()).toMatchObject({ openapi: '3.0.3', info: { title: 'Docs' } });
    const missing = await kit.call('GET', r1(PROVIDER, '/getOpenAPI?serviceCode=nope'), { headers: asClient(token, CLIENT) });
    expect([missing.status, missing.headers['x-road-error']]).toEqual([404, 'Client.UnknownService']);
    const noCode = await kit.call('GET', r1(PROVIDER, '/getOpenAPI'), { headers: asClient(token, CLIENT) });
    expect([noCode.status, noCode.headers['x-road-error']]).toEqual([400, 'Client.BadRequest']);
  });

  it('needs credentials like any call', async () => {
    const r = await kit.call('GET', r1(PROVIDER, '/listMethods'), { headers: { 'x-road-client': CLIENT } });
    expect([r.status, r.headers['x-road-error']]).toEqual([401, 'Client.Unauthorized']);
  });

  it('GovStack Information Mediator: its client header and shapes', async () => {
    for (const header of ['information-mediator-client', 'x-govstack-client']) {
      const r = await kit.call('GET', r1(PROVIDER, '/allowedMethods'), { headers: { authorization: `Bearer ${token}`, [header]: CLIENT } });
      expect(r.status).toBe(200);
      const list = r.json<{ member: { serviceCode: string; applicationCode: string; objectType: string; endpointList: { member: unknown[] } }[] }>().member;
      expect(list.map((s) => s.serviceCode).sort()).toEqual(['docs', 'echo-svc']);
      expect(list.find((s) => s.serviceCode === 'docs')).toMatchObject({ objectType: 'SERVICE', instanceId: 'VN', applicationCode: 'SIMPROV', endpointList: { member: [{ method: 'GET', path: '/docs/*' }] } });
    }
    // A call through the Information Mediator's header reaches the provider as an X-Road call.
    const call = await kit.call('GET', r1(SERVICE, '/echo'), { headers: { authorization: `Bearer ${token}`, 'information-mediator-client': CLIENT } });
    expect(call.status).toBe(200);
    expect(call.json<{ headers: Record<string, string> }>().headers['x-road-client']).toBe(CLIENT);
  });
});
