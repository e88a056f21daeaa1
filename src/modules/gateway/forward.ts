/**
 * Forwarding to the provider with undici: bodies stream both ways, redirects are not followed (PR-REST
 * §4.4), hop-by-hop headers and those that leak hosts are dropped (PR-REST §4.3, "Filtered headers"),
 * and the provider's failures become Server.ServerProxy.* errors.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { Agent, request } from 'undici';
import { XRoadError } from './xroad-errors.ts';

const agent = new Agent({ keepAliveTimeout: 10_000, connections: 256, connect: { timeout: 10_000 } });

/** Never forwarded either way: hop-by-hop, host-revealing, and the gateway's own headers. */
const DROP = new Set([
  'connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade',
  'host', 'user-agent', 'server', 'expect', 'http2-settings',
  'x-road-client', 'x-road-service', 'x-road-id', 'x-road-request-id', 'x-road-request-hash', 'x-road-error',
  'information-mediator-client', 'x-govstack-client',
]);

/** The headers to pass on (names lower case; repeated ones joined as Node joins them, set-cookie kept as a list). */
export function passHeaders(headers: IncomingHttpHeaders | Record<string, string | string[] | undefined>, also: readonly string[] = []): Record<string, string | string[]> {
  const listed = new Set(String(headers.connection ?? '').toLowerCase().split(',').map((s) => s.trim()).filter(Boolean));
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    const n = name.toLowerCase();
    if (value === undefined || DROP.has(n) || listed.has(n) || also.includes(n)) continue;
    out[n] = value;
  }
  return out;
}

/** Headers as the message log keeps them: one string per name. */
export function flatHeaders(h: Record<string, string | string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]));
}

export interface ProviderResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: Readable;
}

const NETWORK = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'ECONNABORTED']);

/** A provider failure as the X-Road error the client gets. */
export function providerError(err: unknown, timeoutMs: number): XRoadError {
  const e = err as { code?: string; cause?: { code?: string } };
  const code = e?.code ?? e?.cause?.code ?? '';
  if (NETWORK.has(code)) return new XRoadError('Server.ServerProxy.NetworkError', code);
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return new XRoadError('Server.ServerProxy.ServiceFailed', `no answer within ${timeoutMs} ms`);
  if (code.startsWith('HPE_')) return new XRoadError('Server.ServerProxy.ServiceFailed', 'the answer is not valid HTTP');
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') return new XRoadError('Server.ServerProxy.ServiceFailed', 'the provider closed the connection');
  return new XRoadError('Server.ServerProxy.ServiceFailed', code || undefined);
}

export function targetUrl(baseUrl: string, path: string, query: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}${query}`;
}

export async function forward(opts: {
  url: string; method: string; headers: Record<string, string | string[]>; body: Readable | null; timeoutMs: number; signal: AbortSignal;
}): Promise<ProviderResponse> {
  try {
    const r = await request(opts.url, {
      method: opts.method as 'GET', headers: opts.headers, body: opts.body ?? undefined, dispatcher: agent,
      headersTimeout: opts.timeoutMs, bodyTimeout: opts.timeoutMs, signal: opts.signal,
    });
    return { status: r.statusCode, headers: passHeaders(r.headers as Record<string, string | string[]>), body: r.body };
  } catch (err) {
    throw providerError(err, opts.timeoutMs);
  }
}
