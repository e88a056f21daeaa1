/**
 * Faulty answers of the simulated TSA, made from OpenSSL's good ones or from scratch with node-forge's
 * ASN.1 encoder (no cryptography here): a granted reply whose signature is broken, a rejection.
 */
import forge from 'node-forge';

const { asn1 } = forge;
type Node = forge.asn1.Asn1;
const kids = (n: Node): Node[] => n.value as Node[];

/**
 * The same granted TimeStampResp with one bit of the SignerInfo's signature flipped: every field reads
 * as before (status, TSTInfo, imprint, nonce), but the signature no longer verifies.
 */
export function breakSignature(reply: Buffer): Buffer {
  const resp = asn1.fromDer(forge.util.createBuffer(reply.toString('binary')));
  const token = kids(resp)[1];
  if (!token) throw new Error('not a granted reply (no token)');
  const signedData = kids(kids(kids(token)[1]!)[0]!);
  const signerInfos = signedData[signedData.length - 1]!;
  const si = kids(kids(signerInfos)[0]!);
  const sig = si.find((n, i) => i >= 3 && n.tagClass === asn1.Class.UNIVERSAL && n.type === asn1.Type.OCTETSTRING);
  if (!sig || typeof sig.value !== 'string' || !sig.value.length) throw new Error('no signature value');
  const v = sig.value;
  sig.value = v.slice(0, -1) + String.fromCharCode(v.charCodeAt(v.length - 1) ^ 0x01);
  return Buffer.from(asn1.toDer(resp).getBytes(), 'binary');
}

/** PKIFailureInfo timeNotAvailable (bit 14): "the TSA's time source is not available". */
const TIME_NOT_AVAILABLE = '\x01\x00\x02';

/** A TimeStampResp with status rejection (2), a status string and a failure reason, no token (RFC 3161 §2.4.2). */
export function rejection(text: string): Buffer {
  const status = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, '\x02'),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.UTF8, false, forge.util.encodeUtf8(text)),
    ]),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.BITSTRING, false, TIME_NOT_AVAILABLE),
  ]);
  const resp = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [status]);
  return Buffer.from(asn1.toDer(resp).getBytes(), 'binary');
}
