/**
 * Who is calling: a registered TLS client certificate (mTLS listener, mtls.ts) or an OAuth 2.0 bearer
 * access token (tokens.ts); then the subsystem named in X-Road-Client (or GovStack's
 * Information-Mediator-Client / X-GovStack-Client) must be the one the credentials belong to.
 */
import type { IncomingMessage } from 'node:http';
import type { Db } from '../../db/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { CredentialInfo, Snapshot, SubsystemInfo } from './lookup.ts';
import { lastHeader, parseClientHeader } from './r1-request.ts';
import { verifyToken } from './tokens.ts';
import { XRoadError } from './xroad-errors.ts';

/** The client headers, X-Road's first; a request naming its client in GovStack's header gets GovStack's metaservice shapes. */
export const CLIENT_HEADERS = ['x-road-client', 'information-mediator-client', 'x-govstack-client'] as const;

/** Set on a TLS socket by the mTLS listener when its client certificate chains to the province CA. */
const certOf = new WeakMap<object, string>();
export function rememberCertificate(socket: object, sha256: string): void {
  certOf.set(socket, sha256);
}

export interface Caller {
  credential: CredentialInfo;
  client: SubsystemInfo;
  /** Which header named the client (for the metaservices' response shape). */
  via: (typeof CLIENT_HEADERS)[number];
  /** True when the Authorization header was the gateway's own token (then it is not forwarded). */
  usedBearer: boolean;
}

async function credentialOf(db: Db, clock: Clock, s: Snapshot, req: IncomingMessage): Promise<{ cred: CredentialInfo; usedBearer: boolean }> {
  const cert = certOf.get(req.socket);
  if (cert) {
    const cred = s.credentialByCert.get(cert);
    if (!cred || cred.revoked) throw new XRoadError('Client.Unauthorized', 'the client certificate is not registered');
    return { cred, usedBearer: false };
  }
  const h = req.headers.authorization;
  if (!h || !/^bearer /i.test(h)) throw new XRoadError('Client.Unauthorized');
  const check = await verifyToken(db, clock, h.slice(7).trim());
  if (!check.ok) throw new XRoadError(check.reason === 'expired' ? 'Client.TokenExpired' : 'Client.Unauthorized', check.reason === 'invalid' ? 'the access token is not valid' : undefined);
  const cred = s.credentials.get(check.claims.credentialId);
  if (!cred || cred.revoked) throw new XRoadError('Client.Unauthorized', 'the credentials were revoked');
  return { cred, usedBearer: true };
}

/** The client header's value and which header it came from (X-Road's wins). */
export function clientHeader(req: IncomingMessage): { value: string | undefined; via: Caller['via'] } {
  for (const via of CLIENT_HEADERS) {
    const value = lastHeader(req.rawHeaders, via);
    if (value !== undefined) return { value, via };
  }
  return { value: undefined, via: 'x-road-client' };
}

export async function authenticate(db: Db, clock: Clock, s: Snapshot, req: IncomingMessage): Promise<Caller> {
  const { cred, usedBearer } = await credentialOf(db, clock, s, req);
  const { value, via } = clientHeader(req);
  const named = parseClientHeader(value);
  if (!named) throw new XRoadError('Client.InvalidClientIdentifier');
  const client = s.subsystemByIdent.get(named);
  if (!client) throw new XRoadError('Client.UnknownClient', named);
  if (client.id !== cred.subsystemId) throw new XRoadError('Client.ClientNotOwned', named);
  return { credential: cred, client, via, usedBearer };
}
