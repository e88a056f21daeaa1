/**
 * DER encoding and decoding through node-forge's ASN.1 codec, with Buffers at the edges. Structures
 * only: every digest and signature is computed by node:crypto.
 */
import forge from 'node-forge';

const { asn1 } = forge;
export type Node = forge.asn1.Asn1;
const U = asn1.Class.UNIVERSAL;
const T = asn1.Type;

const bin = (b: Buffer | Uint8Array) => Buffer.from(b).toString('binary');

export const der = {
  seq: (...items: Node[]): Node => asn1.create(U, T.SEQUENCE, true, items),
  set: (...items: Node[]): Node => asn1.create(U, T.SET, true, items),
  oid: (oid: string): Node => asn1.create(U, T.OID, false, asn1.oidToDer(oid).getBytes()),
  null: (): Node => asn1.create(U, T.NULL, false, ''),
  /** A non-negative INTEGER from its big-endian magnitude (a leading zero is added when needed). */
  uint: (magnitude: Buffer): Node => {
    let m = magnitude;
    while (m.length > 1 && m[0] === 0 && m[1]! < 0x80) m = m.subarray(1);
    return asn1.create(U, T.INTEGER, false, bin(m[0]! >= 0x80 ? Buffer.concat([Buffer.from([0]), m]) : m));
  },
  int: (n: number): Node => asn1.create(U, T.INTEGER, false, asn1.integerToDer(n).getBytes()),
  bool: (b: boolean): Node => asn1.create(U, T.BOOLEAN, false, String.fromCharCode(b ? 0xff : 0)),
  octets: (b: Buffer): Node => asn1.create(U, T.OCTETSTRING, false, bin(b)),
  bits: (b: Buffer): Node => asn1.create(U, T.BITSTRING, false, `\u0000${bin(b)}`),
  enumerated: (n: number): Node => asn1.create(U, T.ENUMERATED, false, String.fromCharCode(n)),
  utf8: (s: string): Node => asn1.create(U, T.UTF8, false, forge.util.encodeUtf8(s)),
  time: (d: Date): Node => d.getUTCFullYear() < 2050
    ? asn1.create(U, T.UTCTIME, false, asn1.dateToUtcTime(d))
    : asn1.create(U, T.GENERALIZEDTIME, false, asn1.dateToGeneralizedTime(d)),
  /** [n] with the given children (constructed) or bytes (primitive). */
  ctx: (n: number, value: Node[] | Buffer): Node => Array.isArray(value)
    ? asn1.create(asn1.Class.CONTEXT_SPECIFIC, n, true, value)
    : asn1.create(asn1.Class.CONTEXT_SPECIFIC, n, false, bin(value)),
  /** An already encoded value, kept byte for byte. */
  raw: (encoded: Buffer): Node => asn1.fromDer(bin(encoded)),
};

export function encode(node: Node): Buffer {
  return Buffer.from(asn1.toDer(node).getBytes(), 'binary');
}

/** A SET OF in DER order: its members sorted by their encodings (X.690 §11.6). */
export function derSetOf(members: Node[]): Node {
  const sorted = members.map((m) => ({ m, b: encode(m) })).sort((x, y) => Buffer.compare(x.b, y.b));
  return der.set(...sorted.map((s) => s.m));
}

/** Length in bytes of the DER value starting at `buf[0]` (tag, length and contents), or null. */
export function derLength(buf: Buffer): number | null {
  if (buf.length < 2) return null;
  const first = buf[1]!;
  if (first < 0x80) return 2 + first;
  const n = first & 0x7f;
  if (n === 0 || n > 4 || buf.length < 2 + n) return null;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + buf[2 + i]!;
  return 2 + n + len;
}

export function decode(buf: Buffer): Node {
  return asn1.fromDer(bin(buf));
}

export function children(n: Node | undefined): Node[] {
  return n && Array.isArray(n.value) ? n.value : [];
}

export function bytesOf(n: Node | undefined): Buffer {
  return n && typeof n.value === 'string' ? Buffer.from(n.value, 'binary') : Buffer.alloc(0);
}

export function oidOf(n: Node | undefined): string | null {
  return n && n.type === T.OID && typeof n.value === 'string' ? asn1.derToOid(n.value) : null;
}

export function timeOf(n: Node | undefined): Date | null {
  if (!n || typeof n.value !== 'string') return null;
  if (n.type === T.UTCTIME) return asn1.utcTimeToDate(n.value);
  if (n.type === T.GENERALIZEDTIME) return asn1.generalizedTimeToDate(n.value);
  return null;
}

export const isCtx = (n: Node | undefined, tag: number) => n?.tagClass === asn1.Class.CONTEXT_SPECIFIC && n.type === tag;

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  timeStampToken: '1.2.840.113549.1.9.16.2.14',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  crlNumber: '2.5.29.20',
  crlReason: '2.5.29.21',
  authorityKeyIdentifier: '2.5.29.35',
} as const;

/** A DER element located in a buffer (for reading signatures byte for byte, without re-encoding). */
export interface Tlv {
  tag: number;
  start: number;
  /** Where the contents begin. */
  body: number;
  end: number;
}

export function tlv(buf: Buffer, at: number, limit = buf.length): Tlv {
  if (at + 2 > limit) throw new Error('truncated DER');
  const tag = buf[at]!;
  if ((tag & 0x1f) === 0x1f) throw new Error('multi-byte DER tags are not supported');
  const first = buf[at + 1]!;
  let len = first;
  let body = at + 2;
  if (first >= 0x80) {
    const n = first & 0x7f;
    if (n === 0 || n > 4) throw new Error('unsupported DER length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[at + 2 + i]!;
    body += n;
  }
  if (body + len > limit) throw new Error('truncated DER');
  return { tag, start: at, body, end: body + len };
}

export function tlvKids(buf: Buffer, t: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = t.body; at < t.end;) {
    const k = tlv(buf, at, t.end);
    out.push(k);
    at = k.end;
  }
  return out;
}

export const tlvRaw = (buf: Buffer, t: Tlv) => buf.subarray(t.start, t.end);
export const tlvValue = (buf: Buffer, t: Tlv) => buf.subarray(t.body, t.end);
export const tlvOid = (buf: Buffer, t: Tlv | undefined) => (t?.tag === 0x06 ? asn1.derToOid(tlvValue(buf, t).toString('binary')) : null);
export const tlvTime = (buf: Buffer, t: Tlv | undefined) => timeOf(t ? decode(tlvRaw(buf, t)) : undefined);
