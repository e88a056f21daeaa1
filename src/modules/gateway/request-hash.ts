/**
 * X-Road-Request-Hash (PR-REST §4.3): base64 of SHA512(SHA512(headers) + SHA512(body)), or of
 * SHA512(headers) when the request has no body. "headers" is the request as the message log keeps and
 * signs it: its message.xml, X-Road's own serialisation of a REST request (method, `/r1/…` target, the
 * headers; log/message.ts). So the hash is the request's own digests in the log and can be recomputed
 * from the logged record.
 */
import { createHash } from 'node:crypto';
import type { LogMessage } from './contracts.ts';
import { loggedOf, messageBytes } from './log/message.ts';

export function requestHash(request: LogMessage): string {
  const head = createHash('sha512').update(messageBytes(loggedOf(request))).digest();
  if (request.body.size === 0) return head.toString('base64');
  return createHash('sha512').update(head).update(request.body.sha512).digest('base64');
}
