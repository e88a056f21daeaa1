/**
 * Verification of a signed PDF, independent of how it was produced: every signature's byte ranges
 * and CMS (verify-cms.ts), the certificate chain up to a trusted root (the province's, or one brought
 * in with an imported certificate), revocation from the CRLs the PKI publishes, and the verdict.
 * The Contents of a signature are not covered by its digest, so they are checked strictly: exactly
 * one DER object followed only by zero padding. Any changed byte therefore fails.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { derLength } from './der.ts';
import { verdict, type Problem, type SignatureFinding } from './verdict.ts';
import { serialHex, type ParsedCrl } from './x509.ts';
import { checkCms, type CmsCheck } from './verify-cms.ts';

export interface TrustStore {
  anchors: X509Certificate[];
  intermediates: X509Certificate[];
  /** Verified CRLs by the issuing certificate's SHA-256 fingerprint. */
  crls: Map<string, ParsedCrl>;
}

export interface CertInfo {
  commonName: string | null;
  organization: string | null;
  title: string | null;
  serial: string;
  issuer: string | null;
  notBefore: string;
  notAfter: string;
  fingerprint256: string;
}

export interface SignatureReport extends SignatureFinding {
  index: number;
  subFilter: string | null;
  byteRange: number[];
  signer: CertInfo | null;
  /** The time claimed in the signature dictionary (/M) or the signing-time attribute. */
  claimedSigningTime: string | null;
  timestamp: { genTime: string | null; imprintMatches: boolean } | null;
  signingCertificateBound: boolean | null;
  chain: CertInfo[];
  revocationDetail: { revokedAt: string | null; reason: string | null } | null;
}

export interface PdfVerification {
  valid: boolean;
  intact: boolean;
  problems: Problem[];
  sha256: string;
  size: number;
  /** The motcua document id written in the PDF's information dictionary, if any. */
  embeddedDocumentId: string | null;
  signatures: SignatureReport[];
}

function nameField(dn: string, key: string): string | null {
  return dn.split('\n').find((l) => l.startsWith(`${key}=`))?.slice(key.length + 1) ?? null;
}

export function certInfo(c: X509Certificate): CertInfo {
  return {
    commonName: nameField(c.subject, 'CN'), organization: nameField(c.subject, 'O'), title: nameField(c.subject, 'title'),
    serial: serialHex(c), issuer: nameField(c.issuer, 'CN'), notBefore: new Date(c.validFrom).toISOString(),
    notAfter: new Date(c.validTo).toISOString(), fingerprint256: c.fingerprint256,
  };
}

/** "D:20260310090000+07'00'" → Date. */
export function pdfDate(s: string | undefined): Date | null {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?/.exec(s ?? '');
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', se = '00', z, oh = '00', om = '00'] = m;
  const offset = z === '+' || z === '-' ? `${z}${oh}:${om}` : 'Z';
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${se}${offset}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function chainOf(leaf: X509Certificate, pool: X509Certificate[], trust: TrustStore): { path: X509Certificate[]; trusted: boolean } {
  const anchors = new Set(trust.anchors.map((a) => a.fingerprint256));
  const path = [leaf];
  for (let cur = leaf; path.length < 8;) {
    if (anchors.has(cur.fingerprint256)) return { path, trusted: true };
    const issuer = [...trust.anchors, ...trust.intermediates, ...pool].find((c) => cur.checkIssued(c) && cur.verify(c.publicKey));
    if (!issuer || issuer.fingerprint256 === cur.fingerprint256) return { path, trusted: false };
    path.push(issuer);
    cur = issuer;
  }
  return { path, trusted: false };
}

const SEVERITY: SignatureFinding['revocation'][] = ['good', 'unknown', 'revoked_after_signing', 'revoked'];

/** The worst status over the path; a revocation after the signing time (not for key compromise) does not void it. */
function revocation(path: X509Certificate[], trust: TrustStore, at: Date): Pick<SignatureReport, 'revocation' | 'revocationDetail'> {
  let worst = 0;
  let detail: SignatureReport['revocationDetail'] = null;
  for (let i = 0; i + 1 < path.length; i++) {
    const crl = trust.crls.get(path[i + 1]!.fingerprint256);
    const entry = crl?.revoked.get(serialHex(path[i]!));
    const status = !crl ? 1 : !entry ? 0 : entry.reason !== 'keyCompromise' && entry.at !== null && entry.at > at ? 2 : 3;
    if (entry) detail = { revokedAt: entry.at?.toISOString() ?? null, reason: entry.reason };
    worst = Math.max(worst, status);
  }
  return { revocation: SEVERITY[worst]!, revocationDetail: detail };
}

export interface SignerJudgement extends Pick<SignatureReport, 'chainTrusted' | 'certValidAtSigning' | 'chain' | 'revocation' | 'revocationDetail'> {
  /** The time the signature is judged at: its matching time-stamp, else the claimed time, else now. */
  at: Date;
}

/**
 * The judgement of a CMS signer shared by every verification (signed PDFs, sealed records): the chain up
 * to a trust anchor, each certificate valid at the signing time, and revocation from the CRLs.
 */
export function judgeSigner(cms: CmsCheck, trust: TrustStore, claimed: Date | null, now: Date): SignerJudgement {
  const at = cms.timestamp?.imprintMatches && cms.timestamp.genTime ? cms.timestamp.genTime : claimed ?? now;
  const chain = cms.signer ? chainOf(cms.signer, cms.certificates, trust) : { path: [], trusted: false };
  const inValidity = chain.path.length > 0 && chain.path.every((x) => new Date(x.validFrom) <= at && at <= new Date(x.validTo));
  return {
    at, chainTrusted: chain.trusted, certValidAtSigning: inValidity, chain: chain.path.map(certInfo),
    ...(chain.trusted ? revocation(chain.path, trust, at) : { revocation: 'unknown' as const, revocationDetail: null }),
  };
}

const RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
/** More signature dictionaries than this is not a document of ours (and bounds the work per upload). */
export const MAX_SIGNATURES = 16;

export interface VerifyLimits {
  /** Signatures checked at most; a document with more is refused as a whole (too_many_signatures). */
  maxSignatures: number;
}

export function verifyPdf(pdf: Buffer, trust: TrustStore, now: Date, limits: VerifyLimits = { maxSignatures: MAX_SIGNATURES }): PdfVerification {
  const text = pdf.toString('latin1');
  const signatures: SignatureReport[] = [];
  let structureOk = true;
  // Counted before any is checked: the work per document is bounded by the limit, whatever follows.
  const ranges = [...text.matchAll(RANGE)];
  const tooMany = ranges.length > limits.maxSignatures;
  for (const m of tooMany ? [] : ranges) {
    const br = m.slice(1, 5).map(Number) as [number, number, number, number];
    const [a, b, c, d] = br;
    const ok = a === 0 && b < c && c + d <= pdf.length && pdf[b] === 0x3c && pdf[c - 1] === 0x3e;
    const hex = ok ? text.slice(b + 1, c - 1) : '';
    const contents = /^[0-9a-fA-F]*$/.test(hex) && hex.length % 2 === 0 ? Buffer.from(hex, 'hex') : null;
    const len = contents ? derLength(contents) : null;
    if (!contents || len === null || len > contents.length || contents.subarray(len).some((x) => x !== 0)) {
      structureOk = false;
      continue;
    }
    const dictStart = text.lastIndexOf(' obj', m.index);
    const dict = text.slice(Math.max(0, dictStart), text.indexOf('endobj', m.index));
    const subFilter = /\/SubFilter\s*\/([\w.]+)/.exec(dict)?.[1] ?? null;
    // The two signed ranges are hashed in place, not copied into one buffer (a copy per signature
    // of a large file is what made a crafted document expensive).
    const signed = [pdf.subarray(a, b), pdf.subarray(c, c + d)];
    try {
      const cms = checkCms(contents.subarray(0, len), signed);
      const claimed = cms.signingTime ?? pdfDate(/\/M\s*\(([^)]*)\)/.exec(dict)?.[1]);
      const judged = judgeSigner(cms, trust, claimed, now);
      signatures.push({
        index: signatures.length + 1, subFilter, byteRange: br, signer: cms.signer ? certInfo(cms.signer) : null,
        claimedSigningTime: claimed?.toISOString() ?? null,
        timestamp: cms.timestamp && { genTime: cms.timestamp.genTime?.toISOString() ?? null, imprintMatches: cms.timestamp.imprintMatches },
        signingCertificateBound: cms.signingCertificateBound,
        digestMatches: cms.digestMatches, signatureValid: cms.signatureValid && cms.signingCertificateBound !== false,
        coversWholeFile: c + d === pdf.length,
        chainTrusted: judged.chainTrusted, certValidAtSigning: judged.certValidAtSigning, chain: judged.chain,
        revocation: judged.revocation, revocationDetail: judged.revocationDetail,
      });
    } catch {
      structureOk = false;
    }
  }
  const v = verdict(signatures, structureOk, { tooManySignatures: tooMany });
  return {
    ...v, sha256: createHash('sha256').update(pdf).digest('hex'), size: pdf.length,
    embeddedDocumentId: /\/MotcuaDocumentId\s*\(([0-9a-f-]{36})\)/.exec(text)?.[1] ?? null, signatures,
  };
}
