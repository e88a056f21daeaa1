/**
 * X.509 building blocks of the province PKI: RSA keys (node:crypto), certificates (node-forge),
 * CRLs (encoded with forge's ASN.1, signed and checked with node:crypto), encrypted private keys
 * (PKCS#8, AES-256-CBC, PBKDF2) and PKCS#12 import (node-forge).
 */
import { createPrivateKey, createPublicKey, createSign, createVerify, generateKeyPair, randomBytes, X509Certificate, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';
import { bytesOf, children, decode, der, encode, isCtx, OID, oidOf, timeOf, type Node } from './der.ts';

export type CertProfile = 'root_ca' | 'issuing_ca' | 'seal' | 'signing';

export interface SubjectName {
  commonName: string;
  organization?: string;
  organizationalUnit?: string;
  title?: string;
  /** The account name (UID), for officers. */
  uid?: string;
  province?: string;
}

const generate = promisify(generateKeyPair);

/** An RSA key pair, generated on libuv's thread pool (several in parallel, the event loop free). */
export function newKeyPair(bits: number): Promise<{ privateKey: KeyObject; publicKey: KeyObject }> {
  return generate('rsa', { modulusLength: bits, publicExponent: 0x10001 });
}

// The typings declare the value's tag as an asn1.Class; forge reads it as the universal type (UTF8String here).
const UTF8 = forge.asn1.Type.UTF8 as number as forge.asn1.Class;
const PRINTABLE = forge.asn1.Type.PRINTABLESTRING as number as forge.asn1.Class;
function dnAttributes(s: SubjectName): forge.pki.CertificateField[] {
  const a: forge.pki.CertificateField[] = [{ shortName: 'C', value: 'VN', valueTagClass: PRINTABLE }];
  const add = (type: string, value: string | undefined) => value && a.push({ type, value, valueTagClass: UTF8 });
  add('2.5.4.8', s.province);
  add('2.5.4.10', s.organization);
  add('2.5.4.11', s.organizationalUnit);
  add('2.5.4.12', s.title);
  add('0.9.2342.19200300.100.1.1', s.uid);
  add('2.5.4.3', s.commonName);
  return a;
}

/** A parsed certificate's name with UTF-8 values decoded, so that re-encoding gives the same bytes. */
function decodedName(attrs: forge.pki.CertificateField[]): forge.pki.CertificateField[] {
  return attrs.map((x) => ({
    type: x.type, valueTagClass: x.valueTagClass,
    value: x.valueTagClass === UTF8 ? forge.util.decodeUtf8(String(x.value)) : x.value,
  }));
}

/**
 * forge assembles the certificate; node:crypto signs it. forge's `cert.sign` sets the TBSCertificate
 * and then asks the key to sign: this key signs that TBSCertificate's DER with SHA-256.
 */
function nodeSigner(cert: forge.pki.Certificate, key: KeyObject) {
  return {
    sign: () => createSign('sha256').update(Buffer.from(forge.asn1.toDer(cert.tbsCertificate).getBytes(), 'binary')).sign(key).toString('binary'),
  } as unknown as forge.pki.rsa.PrivateKey;
}

/** A positive 16-byte serial number, hex. */
export function newSerial(): string {
  const b = randomBytes(16);
  b[0] = (b[0]! & 0x7f) | 0x10;
  return b.toString('hex');
}

export interface IssueInput {
  profile: CertProfile;
  subject: SubjectName;
  publicKey: KeyObject;
  /** Null: self-signed with `selfKey`. */
  issuer: { certPem: string; key: KeyObject } | null;
  selfKey?: KeyObject;
  serial: string;
  notBefore: Date;
  notAfter: Date;
  /** Where the issuer's CRL is published (CRL distribution point). */
  crlUrl?: string;
}

/** Issues a certificate; returns its PEM. */
export function issueCertificate(input: IssueInput): string {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(input.publicKey.export({ type: 'spki', format: 'pem' }) as string);
  cert.serialNumber = input.serial;
  cert.validity.notBefore = input.notBefore;
  cert.validity.notAfter = input.notAfter;
  cert.setSubject(dnAttributes(input.subject));
  const issuerCert = input.issuer ? forge.pki.certificateFromPem(input.issuer.certPem) : null;
  cert.setIssuer(issuerCert ? decodedName(issuerCert.subject.attributes) : dnAttributes(input.subject));
  const ca = input.profile === 'root_ca' || input.profile === 'issuing_ca';
  const ext: Record<string, unknown>[] = [
    ca ? { name: 'basicConstraints', cA: true, critical: true, ...(input.profile === 'issuing_ca' && { pathLenConstraint: 0 }) } : { name: 'basicConstraints', cA: false },
    ca
      ? { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }
      : { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ];
  if (!ca) ext.push({ name: 'extKeyUsage', emailProtection: true, '1.3.6.1.5.5.7.3.36': true });
  if (issuerCert) ext.push({ name: 'authorityKeyIdentifier', keyIdentifier: issuerCert.generateSubjectKeyIdentifier().getBytes() });
  if (input.crlUrl) ext.push({ name: 'cRLDistributionPoints', altNames: [{ type: 6, value: input.crlUrl }] });
  cert.setExtensions(ext);
  const signingKey = input.issuer?.key ?? input.selfKey;
  if (!signingKey) throw new Error('a self-signed certificate needs its own key');
  cert.sign(nodeSigner(cert, signingKey), forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

export function encryptKey(key: KeyObject, passphrase: string): string {
  return key.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase }) as string;
}

export function decryptKey(pem: string, passphrase: string): KeyObject {
  return createPrivateKey({ key: pem, format: 'pem', passphrase });
}

export function keyMatchesCert(key: KeyObject, certPem: string): boolean {
  const a = createPublicKey(key).export({ type: 'spki', format: 'der' });
  const b = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return Buffer.compare(a, b) === 0;
}

/** A certificate's serial number (encoded magnitude), issuer and subject Names, byte for byte. */
export function certNames(certDer: Buffer): { serial: Buffer; issuer: Buffer; subject: Buffer } {
  const tbs = children(children(decode(certDer))[0]);
  const o = isCtx(tbs[0], 0) ? 1 : 0;
  return { serial: bytesOf(tbs[o]), issuer: encode(tbs[o + 2]!), subject: encode(tbs[o + 4]!) };
}

/** CRL reason codes (RFC 5280 §5.3.1) that the PKI records. */
export const CRL_REASONS = { unspecified: 0, keyCompromise: 1, affiliationChanged: 3, superseded: 4, cessationOfOperation: 5 } as const;
export type CrlReason = keyof typeof CRL_REASONS;

export interface CrlInput {
  issuerCertPem: string;
  issuerKey: KeyObject;
  number: number;
  thisUpdate: Date;
  nextUpdate: Date;
  revoked: { serial: string; at: Date; reason: CrlReason }[];
}

const sha256WithRsa = () => der.seq(der.oid(OID.sha256WithRSA), der.null());

/** An X.509 v2 CRL (DER) with a CRL number, the authority key identifier and reason codes. */
export function buildCrl(c: CrlInput): Buffer {
  const issuer = new X509Certificate(c.issuerCertPem);
  const ski = forge.pki.certificateFromPem(c.issuerCertPem).generateSubjectKeyIdentifier().getBytes();
  const entries = c.revoked.map((r) => der.seq(
    der.uint(Buffer.from(r.serial, 'hex')),
    der.time(r.at),
    der.seq(der.seq(der.oid(OID.crlReason), der.octets(encode(der.enumerated(CRL_REASONS[r.reason]))))),
  ));
  const tbs = der.seq(
    der.int(1),
    sha256WithRsa(),
    der.raw(certNames(issuer.raw).subject),
    der.time(c.thisUpdate),
    der.time(c.nextUpdate),
    ...(entries.length ? [der.seq(...entries)] : []),
    der.ctx(0, [der.seq(
      der.seq(der.oid(OID.authorityKeyIdentifier), der.octets(encode(der.seq(der.ctx(0, Buffer.from(ski, 'binary')))))),
      der.seq(der.oid(OID.crlNumber), der.octets(encode(der.int(c.number)))),
    )]),
  );
  const tbsDer = encode(tbs);
  const signature = createSign('sha256').update(tbsDer).sign(c.issuerKey);
  return encode(der.seq(der.raw(tbsDer), sha256WithRsa(), der.bits(signature)));
}

export interface ParsedCrl {
  issuerName: Buffer;
  thisUpdate: Date | null;
  nextUpdate: Date | null;
  revoked: Map<string, { at: Date | null; reason: CrlReason }>;
}

const REASON_NAMES = Object.fromEntries(Object.entries(CRL_REASONS).map(([k, v]) => [v, k])) as Record<number, CrlReason>;
const hexOfInt = (n: Node | undefined) => bytesOf(n).toString('hex').replace(/^(00)+(?=[0-9a-f]{2})/, '');

/** Parses a CRL and checks its signature with the issuer's certificate; null when it does not verify. */
export function readCrl(crlDer: Buffer, issuer: X509Certificate): ParsedCrl | null {
  try {
    const [tbsNode, , sigNode] = children(decode(crlDer));
    if (!tbsNode || !sigNode) return null;
    const tbsDer = encode(tbsNode);
    const sig = bytesOf(sigNode).subarray(1);
    if (!createVerify('sha256').update(tbsDer).verify(issuer.publicKey, sig)) return null;
    const f = children(tbsNode);
    const [, , name, thisUpdate, maybeNext, ...rest] = f;
    const hasNext = timeOf(maybeNext) !== null;
    const list = (hasNext ? rest : [maybeNext, ...rest]).find((n) => n && !isCtx(n, 0));
    const revoked = new Map<string, { at: Date | null; reason: CrlReason }>();
    for (const e of children(list)) {
      const [serial, at, exts] = children(e);
      let reason: CrlReason = 'unspecified';
      for (const x of children(exts)) {
        const [id, val] = children(x);
        if (oidOf(id) === OID.crlReason) reason = REASON_NAMES[bytesOf(decode(bytesOf(val)))[0] ?? 0] ?? 'unspecified';
      }
      revoked.set(hexOfInt(serial), { at: timeOf(at), reason });
    }
    return { issuerName: encode(name!), thisUpdate: timeOf(thisUpdate), nextUpdate: hasNext ? timeOf(maybeNext) : null, revoked };
  } catch {
    return null;
  }
}

/** The serial number of a certificate as lower-case hex without leading zeros (CRL comparison). */
export function serialHex(cert: X509Certificate): string {
  return cert.serialNumber.toLowerCase().replace(/^(00)+(?=[0-9a-f]{2})/, '');
}

export interface P12Contents {
  key: KeyObject;
  /** The certificate matching the key, then the rest of the bundle. */
  certs: string[];
}

/** Reads a PKCS#12 file (node-forge): the private key and the certificates. */
export function readP12(p12: Buffer, password: string): P12Contents {
  const parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString('binary')), false, password);
  const keyBags = [
    ...(parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!] ?? []),
    ...(parsed.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!] ?? []),
  ];
  const forgeKey = keyBags.find((b) => b.key)?.key;
  if (!forgeKey) throw new Error('the PKCS#12 file holds no private key');
  const key = createPrivateKey(forge.pki.privateKeyToPem(forgeKey));
  const certs = (parsed.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? [])
    .flatMap((b) => (b.cert ? [forge.pki.certificateToPem(b.cert)] : []));
  const own = certs.find((c) => keyMatchesCert(key, c));
  if (!own) throw new Error('no certificate in the PKCS#12 file matches its private key');
  return { key, certs: [own, ...certs.filter((c) => c !== own)] };
}
