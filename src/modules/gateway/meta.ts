/**
 * Metaservices answered from the registry (PR-MREST, PR-META): `GET /listClients` (JSON or XML by
 * Accept), and at a provider subsystem `listMethods`, `allowedMethods` (only the endpoints the caller's
 * rights cover) and `getOpenAPI?serviceCode=`. A request that names its client in GovStack's header
 * (Information-Mediator-Client or X-GovStack-Client; for listClients: `instanceId=`) gets the GovStack
 * Information Mediator's shapes (camelCase, `applicationCode`, `endpointList.member`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { XMLBuilder } from 'fast-xml-parser';
import type { Rule } from './access.ts';
import { coversEndpoint } from './access.ts';
import type { Caller } from './client-auth.ts';
import { rightsOf, servicesOf, type ServiceInfo, type Snapshot } from './lookup.ts';
import type { R1Target } from './r1-request.ts';
import { XRoadError } from './xroad-errors.ts';

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  const b = Buffer.from(body);
  res.writeHead(status, { ...headers, 'content-type': type, 'content-length': String(b.length) });
  res.end(b);
}

const split = (ident: string) => ident.split('/') as [string, string, string, string];

/** The endpoints of a service the rules cover; a service without endpoints counts as `* *`. */
function endpointsCovered(svc: ServiceInfo, rights: readonly Rule[] | null): Rule[] {
  const all = svc.endpoints.length ? svc.endpoints : [{ method: '*', path: '*' }];
  if (!rights) return all;
  const listed = all.filter((e) => rights.some((r) => coversEndpoint(r, e)));
  // A right narrower than any endpoint (e.g. GET /v1/status/{id} on a `* *` service) is listed as itself.
  for (const r of rights) if (!listed.some((e) => coversEndpoint(e, r))) listed.push({ method: r.method, path: r.path });
  return listed;
}

function serviceList(services: ServiceInfo[], rightsFor: ((s: ServiceInfo) => Rule[]) | null, govstack: boolean): unknown {
  const items = services.flatMap((svc) => {
    const endpoints = endpointsCovered(svc, rightsFor ? rightsFor(svc) : null);
    if (rightsFor && rightsFor(svc).length === 0) return [];
    const [instance, memberClass, memberCode, subsystemCode] = split(svc.subsystem.ident);
    const type = svc.openapi ? 'OPENAPI' : 'REST';
    return [govstack
      ? { objectType: 'SERVICE', serviceType: type, instanceId: instance, memberClass, memberCode, applicationCode: subsystemCode, serviceCode: svc.code, endpointList: { member: endpoints } }
      : { object_type: 'SERVICE', service_type: type, xroad_instance: instance, member_class: memberClass, member_code: memberCode, subsystem_code: subsystemCode, service_code: svc.code, endpoint_list: endpoints }];
  });
  return govstack ? { member: items } : { service: items };
}

export async function answerMeta(s: Snapshot, req: IncomingMessage, res: ServerResponse, target: R1Target, caller: Caller, ex: { status: number; responseBytes: number; xRoadId: string; requestId: string }): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') throw new XRoadError('Client.BadRequest', `${target.meta} is called with GET`);
  if (!s.subsystemByIdent.has(target.provider)) throw new XRoadError('Client.UnknownMember', target.provider);
  const govstack = caller.via !== 'x-road-client';
  const services = servicesOf(s, target.provider);
  const headers = { 'x-road-id': ex.xRoadId, 'x-road-request-id': ex.requestId, 'x-road-client': caller.client.ident };
  let body: string;
  const type = 'application/json; charset=utf-8';
  if (target.meta === 'getOpenAPI') {
    const code = new URLSearchParams(target.query.slice(1)).get('serviceCode');
    if (!code) throw new XRoadError('Client.BadRequest', 'serviceCode is required');
    const svc = services.find((x) => x.code === code);
    if (!svc) throw new XRoadError('Client.UnknownService', `${target.provider}/${code}`);
    if (!svc.openapi) throw new XRoadError('Client.UnknownService', `${svc.ident} has no OpenAPI description`);
    body = JSON.stringify(svc.openapi);
  } else {
    const rightsFor = target.meta === 'allowedMethods' ? (svc: ServiceInfo) => rightsOf(s, svc.id, caller.client.id) : null;
    body = JSON.stringify(serviceList(services, rightsFor, govstack));
  }
  ex.status = 200;
  ex.responseBytes = Buffer.byteLength(body);
  send(res, 200, type, body, headers);
}

const xml = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: false, suppressEmptyNode: true });

/** `GET /listClients[?xRoadInstance=|instanceId=]`: members and subsystems, JSON when asked for, XML otherwise (PR-META §2). */
export function listClients(s: Snapshot, query: URLSearchParams, accept: string | undefined, res: ServerResponse): void {
  const govstack = query.has('instanceId');
  const instance = query.get('instanceId') ?? query.get('xRoadInstance');
  const members = [...s.memberNames.entries()].filter(([id]) => !instance || id.split('/')[0] === instance).sort(([a], [b]) => a.localeCompare(b));
  const subsystems = [...s.subsystems.values()].filter((x) => !instance || x.ident.split('/')[0] === instance).sort((a, b) => a.ident.localeCompare(b.ident));
  const rows = [
    ...members.map(([id, name]) => ({ parts: id.split('/'), name, subsystemName: undefined as string | undefined })),
    ...subsystems.map((x) => ({ parts: split(x.ident), name: x.memberName, subsystemName: x.name })),
  ];
  if (govstack) {
    const member = rows.map((r) => ({
      name: r.subsystemName ?? r.name,
      id: { objectType: r.parts[3] ? 'APPLICATION' : 'MEMBER', instanceId: r.parts[0], memberClass: r.parts[1], memberCode: r.parts[2], ...(r.parts[3] && { applicationCode: r.parts[3] }) },
    }));
    return send(res, 200, 'application/json; charset=utf-8', JSON.stringify({ member }));
  }
  if ((accept ?? '').toLowerCase().includes('application/json')) {
    const member = rows.map((r) => ({
      id: { member_class: r.parts[1], member_code: r.parts[2], ...(r.parts[3] && { subsystem_code: r.parts[3] }), object_type: r.parts[3] ? 'SUBSYSTEM' : 'MEMBER', xroad_instance: r.parts[0] },
      name: r.name, ...(r.subsystemName && { subsystem_name: r.subsystemName }),
    }));
    return send(res, 200, 'application/json; charset=utf-8', JSON.stringify({ member }));
  }
  const doc = {
    '?xml': { '@version': '1.0', '@encoding': 'UTF-8', '@standalone': 'yes' },
    'ns2:clientList': {
      '@xmlns:ns1': 'http://x-road.eu/xsd/identifiers', '@xmlns:ns2': 'http://x-road.eu/xsd/xroad.xsd',
      'ns2:member': rows.map((r) => ({
        'ns2:id': {
          '@ns1:objectType': r.parts[3] ? 'SUBSYSTEM' : 'MEMBER',
          'ns1:xRoadInstance': r.parts[0], 'ns1:memberClass': r.parts[1], 'ns1:memberCode': r.parts[2], ...(r.parts[3] && { 'ns1:subsystemCode': r.parts[3] }),
        },
        'ns2:name': r.name, ...(r.subsystemName && { 'ns2:subsystemName': r.subsystemName }),
      })),
    },
  };
  send(res, 200, 'text/xml; charset=utf-8', xml.build(doc));
}
