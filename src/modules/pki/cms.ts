/**
 * CMS SignedData for PAdES (ETSI.CAdES.detached, the baseline B-B profile): detached, SHA-256,
 * signed attributes content-type, message-digest and ESS signing-certificate-v2 (no signing-time: the
 * PDF's /M carries the claimed time), the signer's chain embedded, and optionally an RFC 3161
 * signature time-stamp as an unsigned attribute. Hashing and RSA signing are node:crypto's.
 */
import { createHash, createSign, type KeyObject } from 'node:crypto';
import { der, derSetOf, encode, OID, type Node } from './der.ts';
import { certNames } from './x509.ts';

export interface CmsSigner {
  key: KeyObject;
  /** The signer's certificate, DER. */
  cert: Buffer;
  /** Its issuers up to the root, DER, nearest first. */
  chain: Buffer[];
}

const attribute = (oid: string, value: Node) => der.seq(der.oid(oid), der.set(value));

/** The signed attributes as a DER SET (what the signature covers); re-tagged [0] inside SignerInfo. */
export function signedAttributes(contentDigest: Buffer, certDer: Buffer): Buffer {
  const essCertIdV2 = der.seq(der.octets(createHash('sha256').update(certDer).digest()));
  return encode(derSetOf([
    attribute(OID.contentType, der.oid(OID.data)),
    attribute(OID.messageDigest, der.octets(contentDigest)),
    attribute(OID.signingCertificateV2, der.seq(der.seq(essCertIdV2))),
  ]));
}

export interface SignedCms {
  der: Buffer;
  /** The signature value (what a time-stamp is requested over). */
  signature: Buffer;
}

/** Signs `content` (the PDF's byte ranges); `unsigned` adds unsigned attributes (the time-stamp). */
export function signDetached(content: Buffer, s: CmsSigner): SignedCms {
  const attrsSet = signedAttributes(createHash('sha256').update(content).digest(), s.cert);
  const signature = createSign('sha256').update(attrsSet).sign(s.key);
  return { der: assemble(s, attrsSet, signature, null), signature };
}

/** The same SignedData with a time-stamp token added as the unsigned attribute (RFC 3161 appendix A). */
export function withTimestamp(content: Buffer, s: CmsSigner, signed: SignedCms, token: Buffer): Buffer {
  const attrsSet = signedAttributes(createHash('sha256').update(content).digest(), s.cert);
  return assemble(s, attrsSet, signed.signature, token);
}

function assemble(s: CmsSigner, attrsSet: Buffer, signature: Buffer, timestampToken: Buffer | null): Buffer {
  const sha256 = der.seq(der.oid(OID.sha256));
  // [0] IMPLICIT SET OF Attribute: the same contents as the signed SET, with the context tag.
  const signedAttrs = Buffer.from(attrsSet);
  signedAttrs[0] = 0xa0;
  const names = certNames(s.cert);
  const signerInfo = der.seq(
    der.int(1),
    der.seq(der.raw(names.issuer), der.uint(names.serial)),
    sha256,
    der.raw(signedAttrs),
    der.seq(der.oid(OID.rsaEncryption), der.null()),
    der.octets(signature),
    ...(timestampToken ? [der.ctx(1, [attribute(OID.timeStampToken, der.raw(timestampToken))])] : []),
  );
  const signedData = der.seq(
    der.int(1),
    der.set(sha256),
    der.seq(der.oid(OID.data)),
    der.ctx(0, [s.cert, ...s.chain].map((c) => der.raw(c))),
    der.set(signerInfo),
  );
  return encode(der.seq(der.oid(OID.signedData), der.ctx(0, [signedData])));
}
