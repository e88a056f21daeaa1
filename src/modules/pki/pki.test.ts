import { createHash, X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { signDetached } from './cms.ts';
import { decode, children, bytesOf, oidOf, OID } from './der.ts';
import { verdict, type SignatureFinding } from './verdict.ts';
import { buildCrl, decryptKey, encryptKey, issueCertificate, newKeyPair, newSerial, readCrl, serialHex } from './x509.ts';
import { pkiSettings } from './service.ts';
import { readTstInfo, timestampRequest } from './tsa.ts';
import { checkCms } from './verify-cms.ts';
import { pdfDate } from './verify.ts';
import { loadConfig } from '../../config.ts';

describe('signatures, pure', () => {
  it('judges signatures: any failed check makes the document invalid', () => {
    const good: SignatureFinding = { digestMatches: true, signatureValid: true, coversWholeFile: true, chainTrusted: true, certValidAtSigning: true, revocation: 'good' };
    expect(verdict([good], true)).toEqual({ valid: true, intact: true, problems: [] });
    expect(verdict([{ ...good, revocation: 'revoked_after_signing' }], true).valid).toBe(true);
    expect(verdict([{ ...good, digestMatches: false }], true)).toMatchObject({ valid: false, intact: false });
    expect(verdict([{ ...good, coversWholeFile: false }], true).problems.map((p) => p.code)).toEqual(['unsigned_changes']);
    expect(verdict([{ ...good, chainTrusted: false }], true)).toMatchObject({ valid: false, intact: true });
    expect(verdict([{ ...good, revocation: 'revoked' }], true).problems.map((p) => p.code)).toEqual(['revoked']);
    expect(verdict([], true).problems.map((p) => p.code)).toEqual(['unsigned']);
    expect(verdict([good], false).valid).toBe(false);
  });

  it('reads PDF dates', () => {
    expect(pdfDate("D:20260310090000+07'00'")?.toISOString()).toBe('2026-03-10T02:00:00.000Z');
    expect(pdfDate('D:20260310020000Z')?.toISOString()).toBe('2026-03-10T02:00:00.000Z');
    expect(pdfDate('yesterday')).toBeNull();
  });

  it('takes the PKI settings from the configuration or the environment', () => {
    const config = loadConfig({} as NodeJS.ProcessEnv);
    expect(pkiSettings(config, {})).toMatchObject({ passphrase: 'motcua-demo-pki', autoIssue: true, tsaUrl: null, publicBaseUrl: 'http://localhost:3000', caKeyBits: 3072 });
    expect(pkiSettings(config, { TSA_URL: 'http://tsa.example/ts', PKI_AUTO_ISSUE: 'false', PUBLIC_BASE_URL: 'https://dvc.example.vn/' }))
      .toMatchObject({ tsaUrl: 'http://tsa.example/ts', autoIssue: false, publicBaseUrl: 'https://dvc.example.vn' });
  });
});

describe('PKI and CMS building blocks', () => {
  const at = new Date('2026-03-10T02:00:00Z');
  let rootKeys: Awaited<ReturnType<typeof newKeyPair>>;
  let leafKeys: typeof rootKeys;
  let root: string;
  let leaf: string;
  beforeAll(async () => {
    [rootKeys, leafKeys] = await Promise.all([newKeyPair(2048), newKeyPair(2048)]);
    root = issueCertificate({ profile: 'root_ca', subject: { commonName: 'Gốc thử nghiệm' }, publicKey: rootKeys.publicKey, issuer: null, selfKey: rootKeys.privateKey, serial: newSerial(), notBefore: at, notAfter: new Date('2036-01-01') });
    leaf = issueCertificate({ profile: 'signing', subject: { commonName: 'Cán bộ Thử', title: 'Chuyên viên' }, publicKey: leafKeys.publicKey, issuer: { certPem: root, key: rootKeys.privateKey }, serial: newSerial(), notBefore: at, notAfter: new Date('2029-01-01'), crlUrl: 'http://localhost/crl' });
  });

  it('issues certificates with UTF-8 names that chain', () => {
    const r = new X509Certificate(root);
    const l = new X509Certificate(leaf);
    expect(l.subject).toContain('CN=Cán bộ Thử');
    expect(l.checkIssued(r) && l.verify(r.publicKey)).toBe(true);
    expect(r.ca).toBe(true);
    expect(l.ca).toBe(false);
  });

  it('keeps keys encrypted with the passphrase', () => {
    const pem = encryptKey(leafKeys.privateKey, 'bí mật');
    expect(pem).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
    expect(() => decryptKey(pem, 'sai')).toThrow();
    expect(decryptKey(pem, 'bí mật').export({ format: 'der', type: 'pkcs8' })).toEqual(leafKeys.privateKey.export({ format: 'der', type: 'pkcs8' }));
  });

  it('builds CRLs that verify and name the revoked serials, and rejects a tampered one', () => {
    const l = new X509Certificate(leaf);
    const crl = buildCrl({ issuerCertPem: root, issuerKey: rootKeys.privateKey, number: 7, thisUpdate: at, nextUpdate: new Date('2026-04-10'), revoked: [{ serial: serialHex(l), at, reason: 'keyCompromise' }] });
    const parsed = readCrl(crl, new X509Certificate(root));
    expect(parsed?.revoked.get(serialHex(l))).toEqual({ at, reason: 'keyCompromise' });
    const bad = Buffer.from(crl);
    bad[bad.length - 10] = bad[bad.length - 10]! ^ 1;
    expect(readCrl(bad, new X509Certificate(root))).toBeNull();
    expect(readCrl(crl, l)).toBeNull();
  });

  it('signs detached CMS with signing-certificate-v2 and finds any change', () => {
    const content = Buffer.from('các byte được ký');
    const cms = signDetached(content, { key: leafKeys.privateKey, cert: new X509Certificate(leaf).raw, chain: [new X509Certificate(root).raw] });
    const ok = checkCms(cms.der, content);
    expect(ok).toMatchObject({ digestMatches: true, signatureValid: true, signingCertificateBound: true, timestamp: null, signingTime: null });
    expect(ok.certificates).toHaveLength(2);
    expect(checkCms(cms.der, Buffer.from('các byte khác')).digestMatches).toBe(false);
  });

  it('encodes RFC 3161 requests and reads no token out of garbage', () => {
    const nonce = Buffer.from('0102030405060708', 'hex');
    const req = children(decode(timestampRequest(Buffer.from('chữ ký'), nonce)));
    expect(children(children(req[1])[0]).map(oidOf)[0]).toBe(OID.sha256);
    expect(bytesOf(children(req[1])[1])).toEqual(createHash('sha256').update('chữ ký').digest());
    expect(bytesOf(req[2])).toEqual(nonce);
    expect(readTstInfo(Buffer.from('3003020101', 'hex'))).toBeNull();
  });
});
