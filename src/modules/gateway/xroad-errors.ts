/**
 * The gateway's own errors, as PR-REST §4.6 defines them: a JSON body `{type, message, detail}` (detail:
 * an id to find the exchange in the log), `X-Road-Error: <type>`, and `Content-Type: application/json`.
 * `Client.*` are the caller's faults (4xx); `Server.ServerProxy.*` are the provider's or the gateway's
 * (500, as PR-REST's categories 2 and 4). The types are X-Road's where X-Road has one.
 */
import type { ServerResponse } from 'node:http';

export const XROAD_ERRORS = {
  'Client.BadRequest': { status: 400, message: 'The request does not follow the X-Road message protocol for REST (r1)' },
  'Client.InvalidClientIdentifier': { status: 400, message: 'X-Road-Client is missing or is not INSTANCE/CLASS/MEMBER/SUBSYSTEM' },
  'Client.InvalidServiceIdentifier': { status: 400, message: 'The service identifier has forbidden characters or the wrong number of parts' },
  'Client.HeadersTooLarge': { status: 431, message: 'The request headers are too large' },
  'Client.Unauthorized': { status: 401, message: 'No valid credentials: an OAuth 2.0 access token or a registered client certificate is needed' },
  'Client.TokenExpired': { status: 401, message: 'The access token has expired' },
  'Client.ClientNotOwned': { status: 403, message: 'The credentials do not belong to the subsystem named in X-Road-Client' },
  'Client.UnknownClient': { status: 403, message: 'The client subsystem is not registered' },
  'Client.UnknownMember': { status: 404, message: 'The provider member or subsystem is not registered' },
  'Client.UnknownService': { status: 404, message: 'The service is not registered' },
  'Client.AccessDenied': { status: 403, message: 'The client is not allowed to call this service endpoint' },
  'Server.ServerProxy.ServiceDisabled': { status: 500, message: 'The service is disabled' },
  'Server.ServerProxy.NetworkError': { status: 500, message: 'The provider service could not be reached' },
  'Server.ServerProxy.ServiceFailed': { status: 500, message: 'The provider service did not give a valid answer' },
  'Server.ServerProxy.Timeout': { status: 500, message: 'The provider service did not answer in time' },
  'Server.ServerProxy.LoggingFailed': { status: 500, message: 'The message log cannot record messages now' },
  'Server.ServerProxy.InternalError': { status: 500, message: 'The gateway could not process the request' },
} as const satisfies Record<string, { status: number; message: string }>;

export type XRoadErrorType = keyof typeof XROAD_ERRORS;

export class XRoadError extends Error {
  constructor(readonly type: XRoadErrorType, readonly extra?: string) {
    super(extra ? `${XROAD_ERRORS[type].message}: ${extra}` : XROAD_ERRORS[type].message);
  }
  get status(): number {
    return XROAD_ERRORS[this.type].status;
  }
}

/** The error's body and headers (X-Road-Error, Content-Type, plus the exchange's X-Road headers when known). */
export function errorResponse(err: XRoadError, detail: string, xroad: Record<string, string> = {}): { status: number; headers: Record<string, string>; body: Buffer } {
  const body = Buffer.from(JSON.stringify({ type: err.type, message: err.message, detail }));
  const headers: Record<string, string> = {
    ...xroad, 'x-road-error': err.type, 'content-type': 'application/json; charset=utf-8', 'content-length': String(body.length),
  };
  if (err.status === 401) headers['www-authenticate'] = `Bearer realm="gateway"${err.type === 'Client.TokenExpired' ? ', error="invalid_token", error_description="expired"' : ''}`;
  return { status: err.status, headers, body };
}

/** Writes the error to a raw response (headers not sent yet). */
export function sendXRoadError(res: ServerResponse, err: XRoadError, detail: string, xroad: Record<string, string> = {}): Buffer {
  const r = errorResponse(err, detail, xroad);
  res.writeHead(r.status, r.headers);
  res.end(r.body);
  return r.body;
}
