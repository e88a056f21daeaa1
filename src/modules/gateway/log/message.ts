/**
 * One logged message as X-Road keeps a REST message (pure): `message.xml` holds the request or status line
 * and the headers, the body is `attachment1`. Its leaf in the batch's tree is the hash step over the two
 * files' SHA-512 (the body's only when there is one), and the chain links each leaf to the one before it.
 */
import type { LogMessage } from '../contracts.ts';
import { sha512, SHA512_URI, type Leaf } from './hashtree.ts';

/** What the log keeps of a message: the fields message.xml is built from, and the body's digest. */
export interface LoggedMessage {
  kind: 'request' | 'response';
  xRoadId: string;
  requestId: string;
  client: string;
  service: string;
  method: string;
  path: string;
  status: number | null;
  error: string | null;
  at: Date;
  headers: Record<string, string>;
  bodySha512: Buffer;
  bodySize: number;
}

export const MESSAGE_FILE = 'message.xml';
export const BODY_FILE = 'attachment1';
export { SHA512_URI };

export function loggedOf(m: LogMessage): LoggedMessage {
  return {
    kind: m.kind, xRoadId: m.xRoadId, requestId: m.requestId, client: m.client, service: m.service, method: m.method,
    path: m.path, status: m.status ?? null, error: m.error ?? null, at: m.at, headers: m.headers,
    bodySha512: m.body.sha512, bodySize: m.body.size,
  };
}

/**
 * message.xml: the request line (`METHOD /r1/SERVICE/path?query HTTP/1.1`) or status line (`HTTP/1.1 200`),
 * then the headers sorted by name, with the exchange's X-Road headers, the time it was logged
 * (`x-road-logged-at`) and, in a response, the request it answers (`x-road-logged-request`) set from the record, each `name: value` ending in CRLF, then an empty line.
 */
export function messageBytes(m: LoggedMessage): Buffer {
  const headers = new Map<string, string>();
  for (const [k, v] of Object.entries(m.headers)) headers.set(k.toLowerCase(), String(v));
  headers.set('x-road-client', m.client);
  headers.set('x-road-service', m.service);
  headers.set('x-road-id', m.xRoadId);
  headers.set('x-road-request-id', m.requestId);
  headers.set('x-road-logged-at', m.at.toISOString());
  if (m.error) headers.set('x-road-error', m.error);
  else headers.delete('x-road-error');
  const target = `${m.method} /r1/${m.service}${m.path}`;
  if (m.kind === 'response') headers.set('x-road-logged-request', target);
  else headers.delete('x-road-logged-request');
  const first = m.kind === 'request' ? `${target} HTTP/1.1` : `HTTP/1.1 ${m.status ?? 0}`;
  const lines = [first, ...[...headers.keys()].sort().map((k) => `${k}: ${headers.get(k)!.replace(/[\r\n]/g, ' ')}`)];
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'utf8');
}

/** The message's own hash step: DataRef /message.xml and, when it has a body, DataRef /attachment1. */
export function messageLeaf(m: LoggedMessage, message: Buffer = messageBytes(m)): Leaf & { items: unknown } {
  const items: { kind: 'data'; uri: string; digest: Buffer }[] = [{ kind: 'data', uri: `/${MESSAGE_FILE}`, digest: sha512(message) }];
  if (m.bodySize > 0) items.push({ kind: 'data', uri: `/${BODY_FILE}`, digest: m.bodySha512 });
  return { items };
}

/** The chain: hash(n) = SHA-512(hash(n-1) || digest(n)); the hash before the first record is empty. */
export const chainHash = (prev: Buffer, digest: Buffer): Buffer => sha512(Buffer.concat([prev, digest]));

/** The leaf that fixes a batch's place in the chain: the chain hash before its first record (a HashValue). */
export const prevLeaf = (prev: Buffer): Leaf => ({ item: { kind: 'value', digest: sha512(prev) } });
