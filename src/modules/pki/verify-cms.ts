/**
 * One CMS signature of a PDF, checked byte for byte: the message digest over the signed byte ranges,
 * the signature over the signed attributes with the signer certificate's key, the ESS
 * signing-certificate binding, and the time-stamp token's imprint (when present).
 */
import { createHash, verify as verifySignature, X509Certificate } from 'node:crypto';
import { OID, tlv, tlvKids, tlvOid, tlvRaw, tlvTime, tlvValue, type Tlv } from './der.ts';
import { readTstInfo } from './tsa.ts';

const HASHES: Record<string, string> = {
  [OID.sha256]: 'sha256', '1.3.14.3.2.26': 'sha1', '2.16.840.1.101.3.4.2.2': 'sha384', '2.16.840.1.101.3.4.2.3': 'sha512',
};

export interface CmsCheck {
  /** The signer's certificate and every certificate in the CMS. */
  signer: X509Certificate | null;
  certificates: X509Certificate[];
  digestAlgorithm: string | null;
  digestMatches: boolean;
  signatureValid: boolean;
  /** ESS signing-certificate(-v2) present and naming the signer's certificate; null when absent. */
  signingCertificateBound: boolean | null;
  /** The signing-time attribute (adbe.pkcs7.detached signers add it). */
  signingTime: Date | null;
  timestamp: { genTime: Date | null; imprintMatches: boolean } | null;
}

function attributes(buf: Buffer, set: Tlv | undefined): Map<string, Tlv> {
  const out = new Map<string, Tlv>();
  for (const a of set ? tlvKids(buf, set) : []) {
    const [type, values] = tlvKids(buf, a);
    const oid = tlvOid(buf, type);
    const first = values ? tlvKids(buf, values)[0] : undefined;
    if (oid && first) out.set(oid, first);
  }
  return out;
}

/**
 * Checks the CMS `cms` (DER) against the signed content (one buffer, or its pieces in order: a PDF's
 * two byte ranges, hashed without being joined). Throws on a malformed structure.
 */
export function checkCms(cms: Buffer, signedContent: Buffer | readonly Buffer[]): CmsCheck {
  const parts = Buffer.isBuffer(signedContent) ? [signedContent] : signedContent;
  const [type, wrapped] = tlvKids(cms, tlv(cms, 0));
  if (tlvOid(cms, type) !== OID.signedData || !wrapped) throw new Error('not a CMS SignedData');
  const fields = tlvKids(cms, tlvKids(cms, wrapped)[0]!);
  const certSet = fields.slice(3).find((f) => f.tag === 0xa0);
  const certificates = certSet ? tlvKids(cms, certSet).filter((c) => c.tag === 0x30).map((c) => new X509Certificate(tlvRaw(cms, c))) : [];
  const infos = tlvKids(cms, fields[fields.length - 1]!);
  if (infos.length !== 1) throw new Error('exactly one SignerInfo expected');
  const si = tlvKids(cms, infos[0]!);
  const [, sid, digestAlg] = si;
  const signedAttrs = si[3]?.tag === 0xa0 ? si[3] : undefined;
  const rest = si.slice(signedAttrs ? 4 : 3);
  const [sigAlg, sigValue, unsigned] = rest;
  if (!sid || !digestAlg || !sigAlg || sigValue?.tag !== 0x04) throw new Error('malformed SignerInfo');
  const hash = HASHES[tlvOid(cms, tlvKids(cms, digestAlg)[0]) ?? ''] ?? null;
  const signature = tlvValue(cms, sigValue);
  const contentDigest = hash ? parts.reduce((h, p) => h.update(p), createHash(hash)).digest() : null;

  const attrs = attributes(cms, signedAttrs);
  const md = attrs.get(OID.messageDigest);
  const digestMatches = !!contentDigest && (signedAttrs ? !!md && md.tag === 0x04 && tlvValue(cms, md).equals(contentDigest) : true);
  // The signature covers the DER SET OF the signed attributes: the same bytes with the SET tag.
  const signedBytes = signedAttrs ? Buffer.concat([Buffer.from([0x31]), tlvRaw(cms, signedAttrs).subarray(1)]) : Buffer.concat(parts);

  const sidKids = sid.tag === 0x30 ? tlvKids(cms, sid) : [];
  const sidSerial = sidKids[1] ? tlvValue(cms, sidKids[1]).toString('hex').replace(/^(00)+(?=[0-9a-f]{2})/, '').toUpperCase() : null;
  const candidates = [...certificates].sort((a, b) => Number(b.serialNumber.toUpperCase() === sidSerial) - Number(a.serialNumber.toUpperCase() === sidSerial));
  const pss = tlvOid(cms, tlvKids(cms, sigAlg)[0]) === '1.2.840.113549.1.1.10';
  let signer: X509Certificate | null = null;
  for (const c of candidates) {
    try {
      if (hash && verifySignature(hash, signedBytes, pss ? { key: c.publicKey, padding: 6 } : c.publicKey, signature)) {
        signer = c;
        break;
      }
    } catch { /* a key of another type: not this certificate */ }
  }

  let signingCertificateBound: boolean | null = null;
  const ess = attrs.get(OID.signingCertificateV2) ?? attrs.get('1.2.840.113549.1.9.16.2.12');
  if (ess) {
    const firstId = tlvKids(cms, tlvKids(cms, ess)[0]!)[0];
    const idKids = firstId ? tlvKids(cms, firstId) : [];
    const v2 = attrs.has(OID.signingCertificateV2);
    const hashNode = idKids.find((k) => k.tag === 0x04);
    const algNode = v2 && idKids[0]?.tag === 0x30 ? HASHES[tlvOid(cms, tlvKids(cms, idKids[0])[0]) ?? ''] : null;
    const essHash = v2 ? algNode ?? 'sha256' : 'sha1';
    signingCertificateBound = !!signer && !!hashNode && tlvValue(cms, hashNode).equals(createHash(essHash).update(signer.raw).digest());
  }

  let timestamp: CmsCheck['timestamp'] = null;
  const token = attributes(cms, unsigned?.tag === 0xa1 ? unsigned : undefined).get(OID.timeStampToken);
  if (token) {
    const info = readTstInfo(tlvRaw(cms, token));
    const alg = HASHES[info?.imprintAlgorithm ?? ''];
    timestamp = { genTime: info?.genTime ?? null, imprintMatches: !!info && !!alg && info.imprint.equals(createHash(alg).update(signature).digest()) };
  }
  return {
    signer, certificates, digestAlgorithm: hash, digestMatches, signatureValid: signer !== null,
    signingCertificateBound, signingTime: tlvTime(cms, attrs.get(OID.signingTime)), timestamp,
  };
}
