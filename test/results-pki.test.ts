import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import forge from 'node-forge';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerPkiCommands } from '../src/modules/pki/cli.ts';
import { identityFor, issueCertificate, newKeyPair, newSerial, revokeCertificate, signNew, trustStore, verifyPdf } from '../src/modules/pki/index.ts';
import * as store from '../src/modules/pki/store.ts';
import { issueLatest, nssTrusting, pdfsig, principalOf, resultsApp, type ResultsApp } from './support/results-testkit.ts';
import { toolsMissing } from './support/tools.ts';
const NO_VERIFIERS = toolsMissing('pdfsig', 'certutil'); // .ci/run installs them; without them that test is skipped with a message

import { auth, DEMO_CITIZEN, DEMO_COMMUNE, login, upload } from './helpers.ts';
import { fill } from './sample-form.ts';

let t: ResultsApp;
const dir = mkdtempSync(join(tmpdir(), 'motcua-pki-'));
let lines: string[] = [];

async function pki(...args: string[]): Promise<string[]> {
  lines = [];
  const program = new Command('motcua').exitOverride();
  registerPkiCommands(program, null, { config: t.config, clock: t.clock, out: (l) => lines.push(l), open: async () => ({ db: t.db, kind: 'pglite', execScript: async () => undefined, query: async () => ({ rows: [] }), close: async () => undefined }) });
  await program.parseAsync(['node', 'motcua', 'pki', ...args]);
  return lines;
}

/** A certificate from "a real CA": its own root, outside the province PKI, as a password-protected PKCS#12. */
async function externalP12(password: string) {
  const at = new Date('2026-01-01T00:00:00Z');
  const [rootKeys, keys] = await Promise.all([newKeyPair(2048), newKeyPair(2048)]);
  const root = issueCertificate({ profile: 'root_ca', subject: { commonName: 'CA Chính phủ (thử nghiệm)', organization: 'Ban Cơ yếu Chính phủ' }, publicKey: rootKeys.publicKey, issuer: null, selfKey: rootKeys.privateKey, serial: newSerial(), notBefore: at, notAfter: new Date('2040-01-01') });
  const leaf = issueCertificate({ profile: 'signing', subject: { commonName: 'Đặng Văn Pháp', organization: 'Sở Tư pháp tỉnh Quảng Trị' }, publicKey: keys.publicKey, issuer: { certPem: root, key: rootKeys.privateKey }, serial: newSerial(), notBefore: at, notAfter: new Date('2029-01-01') });
  const forgeKey = forge.pki.privateKeyFromPem(keys.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string);
  const p12 = forge.pkcs12.toPkcs12Asn1(forgeKey, [forge.pki.certificateFromPem(leaf), forge.pki.certificateFromPem(root)], password, { algorithm: '3des' });
  return { p12: Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'), root, leaf };
}

async function tinyPdf(): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText('Van ban thu nghiem', { x: 50, y: 700, font: await doc.embedFont(StandardFonts.Helvetica) });
  return doc;
}

beforeAll(async () => {
  t = await resultsApp();
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('motcua pki', () => {
  it('init creates the province CA, seals and leader certificates with encrypted keys, and CRLs; idempotent', async () => {
    expect((await pki('init', '--root-out', join(dir, 'root.pem')))[0]).toMatch(/^PKI (created|already initialised): \d+ certificates/);
    expect((await pki('init'))[0]).toMatch(/^PKI already initialised/);
    const certs = await store.t(t.db).selectFrom('pki_certificates').selectAll().execute();
    const byPurpose = (p: string) => certs.filter((c) => c.purpose === p);
    expect(byPurpose('root_ca')).toHaveLength(1);
    expect(byPurpose('issuing_ca')).toHaveLength(1);
    expect(byPurpose('signing').length).toBeGreaterThanOrEqual(3); // the demo agency leaders
    expect(byPurpose('seal').length).toBeGreaterThanOrEqual(4); // their agencies and the province People's Committee
    for (const c of certs) expect(c.key_pem).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
    expect(await store.t(t.db).selectFrom('pki_crls').select('issuer_id').execute()).toHaveLength(2);
    expect(await pki('crl')).toEqual(['published 0 CRL(s)']);
    expect(await pki('crl', '--force')).toEqual(['published 2 CRL(s)']);
    const root = readFileSync(join(dir, 'root.pem'), 'utf8');
    expect(new X509Certificate(root).ca).toBe(true);
    expect((await pki('root')).join('\n')).toBe(root.trim());
    const listed = JSON.parse((await pki('list', '--json')).join('\n')) as { purpose: string }[];
    expect(listed).toHaveLength(certs.length);
    const published = (await t.app.inject({ url: '/api/v1/pki/ca' })).json();
    expect(JSON.stringify(published)).not.toMatch(/PRIVATE KEY/);
    const crl = await t.app.inject({ url: published.items[0].crl });
    expect(crl.statusCode).toBe(200);
    expect(crl.headers['content-type']).toBe('application/pkix-crl');
  });

  it.skipIf(NO_VERIFIERS)('import-p12 brings in an officer certificate from a real CA; documents signed with it verify', async () => {
    const ext = await externalP12('mật-khẩu');
    writeFileSync(join(dir, 'officer.p12'), ext.p12);
    await expect(pki('import-p12', join(dir, 'officer.p12'), '--password', 'sai', '--user', 'lanhdao.tuphap')).rejects.toThrow(/PKCS#12/);
    expect((await pki('import-p12', join(dir, 'officer.p12'), '--password', 'mật-khẩu', '--user', 'lanhdao.tuphap'))[0]).toMatch(/^imported signing certificate Đặng Văn Pháp/);
    const officer = await principalOf(t.db, 'lanhdao.tuphap');
    const id = await identityFor(t.db, t.config, { userId: officer.userId }, t.clock);
    expect(id.cert.equals(new X509Certificate(ext.leaf).raw)).toBe(true);
    expect(id.chain.map((c) => new X509Certificate(c).fingerprint256)).toEqual([new X509Certificate(ext.root).fingerprint256]);
    const pdf = await signNew(await tinyPdf(), { ...id, reason: 'test', location: 'Quang Tri', tsaUrl: null }, t.clock.now());
    const r = verifyPdf(pdf, await trustStore(t.db), t.clock.now());
    expect(r).toMatchObject({ valid: true, signatures: [{ chainTrusted: true, revocation: 'unknown', signer: { commonName: 'Đặng Văn Pháp' } }] });
    const nss = nssTrusting(ext.root);
    try {
      expect(pdfsig(nss.dir, pdf).out).toContain('Signature is Valid.');
    } finally {
      nss.close();
    }
  });

  it('verifies PDFs signed elsewhere: @signpdf/signer-p12 (adbe.pkcs7.detached) with a P12 built in memory from the encrypted key', async () => {
    const officer = await principalOf(t.db, 'lanhdao.dongthuan');
    const id = await identityFor(t.db, t.config, { userId: officer.userId }, t.clock);
    const forgeKey = forge.pki.privateKeyFromPem(id.key.export({ type: 'pkcs1', format: 'pem' }) as string);
    const certs = [id.cert, ...id.chain].map((c) => forge.pki.certificateFromPem(new X509Certificate(c).toString()));
    const p12 = Buffer.from(forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(forgeKey, certs, 'in-memory', { algorithm: '3des' })).getBytes(), 'binary');
    const doc = await tinyPdf();
    pdflibAddPlaceholder({ pdfDoc: doc, reason: 'interop', contactInfo: '', name: 'interop', location: 'VN', signatureLength: 16384 });
    const signed = await new SignPdf().sign(Buffer.from(await doc.save({ useObjectStreams: false })), new P12Signer(p12, { passphrase: 'in-memory' }));
    const r = verifyPdf(signed, await trustStore(t.db), t.clock.now());
    expect(r).toMatchObject({ valid: true, signatures: [{ subFilter: 'adbe.pkcs7.detached', chainTrusted: true, revocation: 'good', signingCertificateBound: null }] });
    expect(r.signatures[0]!.claimedSigningTime).not.toBeNull();
  });

  it('revocation: a compromised seal voids its documents; a certificate superseded after signing does not', async () => {
    const citizen = await login(t.app, DEMO_CITIZEN);
    const desk = await login(t.app, 'motcua.dongthuan');
    const procedure = (await t.app.inject({ url: '/api/v1/procedures/1.001193' })).json();
    const files = [];
    for (const c of procedure.components.filter((c: { required: boolean }) => c.required)) files.push({ componentCode: c.code, fileId: (await upload(t.app, citizen)).json().id });
    const submitted = await t.app.inject({
      method: 'POST', url: '/api/v1/dossiers', headers: { ...auth(citizen), 'idempotency-key': 'results-pki-1-key' },
      payload: { procedureCode: '1.001193', formData: fill(procedure.eform, { communeCode: DEMO_COMMUNE, applicantIdNumber: DEMO_CITIZEN }), files },
    });
    const code = submitted.json().code;
    await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/actions`, headers: { ...auth(desk), 'if-match': '1' }, payload: { action: 'receive' } });
    const form = (await issueLatest(t, code, 'motcua.dongthuan'))!;
    const sealId = form.signers[0]!.certificateId;
    const before = (await t.app.inject({ url: `/api/v1/verify/${form.id}` })).json();
    expect(before).toMatchObject({ valid: true, signatures: [{ revocation: 'good' }] });

    t.clock.advance(3_600_000);
    await pki('revoke', sealId, '--reason', 'superseded');
    const superseded = (await t.app.inject({ url: `/api/v1/verify/${form.id}` })).json();
    expect(superseded).toMatchObject({ valid: true, signatures: [{ revocation: 'revoked_after_signing', revocationDetail: { reason: 'superseded' } }] });

    const agency = (await principalOf(t.db, 'motcua.dongthuan')).agencyId!;
    const fresh = await identityFor(t.db, t.config, { agencyId: agency }, t.clock);
    expect(fresh.certId).not.toBe(sealId);
    await revokeCertificate(t.db, t.config, fresh.certId, 'keyCompromise', t.clock);
    const doc = await signNew(await tinyPdf(), { ...fresh, reason: 'x', location: 'VN', tsaUrl: null }, new Date(t.clock.now().getTime() - 60_000));
    const compromised = verifyPdf(doc, await trustStore(t.db), t.clock.now());
    expect(compromised.valid).toBe(false);
    expect(compromised.problems.map((p) => p.code)).toEqual(['revoked']);
  });
});
