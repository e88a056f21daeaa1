/**
 * X-Road-Request-Hash (PR-REST §4.3): base64 of SHA512(SHA512(headers) + SHA512(body)), or of
 * SHA512(headers) when the request has no body. "headers" here are the request as the gateway forwarded
 * and logged it: the line `METHOD path?query` and then each header `name: value` (names in lower case,
 * sorted), each line ending in CRLF — so the hash can be recomputed from the message log's record.
 */
import { createHash } from 'node:crypto';

export function headersDigest(method: string, pathAndQuery: string, headers: Record<string, string>): Buffer {
  const h = createHash('sha512').update(`${method} ${pathAndQuery}\r\n`);
  for (const name of Object.keys(headers).sort()) h.update(`${name}: ${headers[name]}\r\n`);
  return h.digest();
}

export function requestHash(headersSha512: Buffer, body: { sha512: Buffer; size: number } | null): string {
  if (!body || body.size === 0) return headersSha512.toString('base64');
  return createHash('sha512').update(headersSha512).update(body.sha512).digest('base64');
}
