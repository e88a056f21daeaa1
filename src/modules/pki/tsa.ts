/**
 * RFC 3161 time-stamps: the request for a signature value's SHA-256, the call to the configured
 * time-stamp authority (TSA_URL), and reading the TSTInfo of a token.
 */
import { createHash, randomBytes } from 'node:crypto';
import { bytesOf, children, decode, der, encode, isCtx, OID, oidOf, timeOf } from './der.ts';

/** A TimeStampReq for SHA-256 of `data`, asking for the TSA's certificate. */
export function timestampRequest(data: Buffer, nonce: Buffer): Buffer {
  return encode(der.seq(
    der.int(1),
    der.seq(der.seq(der.oid(OID.sha256)), der.octets(createHash('sha256').update(data).digest())),
    der.uint(nonce),
    der.bool(true),
  ));
}

export interface TstInfo {
  imprintAlgorithm: string | null;
  imprint: Buffer;
  genTime: Date | null;
  nonce: Buffer | null;
  serial: string;
}

/** The TSTInfo inside a time-stamp token (a SignedData whose content is id-ct-TSTInfo). */
export function readTstInfo(token: Buffer): TstInfo | null {
  try {
    const [type, wrapped] = children(decode(token));
    if (oidOf(type) !== OID.signedData) return null;
    const encap = children(children(wrapped)[0])[2];
    const [ctype, explicit] = children(encap);
    if (oidOf(ctype) !== OID.tstInfo || !isCtx(explicit, 0)) return null;
    const f = children(decode(bytesOf(children(explicit)[0])));
    const [alg, hashed] = children(f[2]);
    const nonce = f.slice(5).find((n) => n.tagClass === 0 && n.type === 2);
    return {
      imprintAlgorithm: oidOf(children(alg)[0]), imprint: bytesOf(hashed), genTime: timeOf(f[4]),
      nonce: nonce ? bytesOf(nonce) : null, serial: bytesOf(f[3]).toString('hex'),
    };
  } catch {
    return null;
  }
}

/** Asks the TSA for a token over `signature`; checks the status, the imprint and the nonce. */
export async function requestTimestamp(url: string, signature: Buffer, timeoutMs = 10_000): Promise<Buffer> {
  const nonce = randomBytes(8);
  nonce[0] = (nonce[0]! & 0x7f) | 0x01;
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply' },
    body: timestampRequest(signature, nonce),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!res.ok) throw new Error(`time-stamp authority answered ${res.status}`);
  const [status, token] = children(decode(Buffer.from(await res.arrayBuffer())));
  const code = bytesOf(children(status)[0])[0];
  if ((code !== 0 && code !== 1) || !token) throw new Error(`time-stamp refused (status ${code})`);
  const tokenDer = encode(token);
  const info = readTstInfo(tokenDer);
  const expected = createHash('sha256').update(signature).digest();
  if (!info || !info.imprint.equals(expected)) throw new Error('time-stamp token does not match the signature');
  if (info.nonce && !info.nonce.equals(nonce)) throw new Error('time-stamp nonce mismatch');
  return tokenDer;
}
