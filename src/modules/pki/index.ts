/**
 * PKI module: the province CA (root and issuing CA, organisation seals, officer signing certificates,
 * CRLs), keys held encrypted, CMS and PAdES signing with optional RFC 3161 time-stamps, and the
 * verification of signed PDFs and CMS against the trust store.
 */
import { defineModule } from '../../platform/module.ts';
import { registerPkiCommands } from './cli.ts';
import { pkiRoutes } from './routes.ts';

export { ensurePki, identityFor, pkiSettings, trustStore, DEMO_PKI_PASSPHRASE } from './service.ts';
export type { Holder, Identity, PkiSettings } from './service.ts';
export { importP12, listCertificates, refreshCrls, revokeCertificate } from './admin.ts';
export type { ImportResult } from './admin.ts';
export { provinceRootPem } from './store.ts';
export type { CertRow, PkiTables } from './store.ts';
export { CRL_REASONS, issueCertificate, newKeyPair, newSerial, serialHex } from './x509.ts';
export type { CertProfile, CrlReason, IssueInput, ParsedCrl, SubjectName } from './x509.ts';
export { signDetached, withTimestamp } from './cms.ts';
export type { CmsSigner, SignedCms } from './cms.ts';
export { readTstInfo, requestTimestamp } from './tsa.ts';
export type { TstInfo } from './tsa.ts';
export { appendSignature, signNew, SUBFILTER } from './sign.ts';
export type { PdfSigner } from './sign.ts';
export { checkCms } from './verify-cms.ts';
export type { CmsCheck } from './verify-cms.ts';
export { certInfo, chainOf, MAX_SIGNATURES, verifyPdf } from './verify.ts';
export type { CertInfo, PdfVerification, SignatureReport, TrustStore, VerifyLimits } from './verify.ts';
export { verifyPdfOffThread } from './verify-pool.ts';
export type { VerifyOptions } from './verify-pool.ts';
export { verdict } from './verdict.ts';
export { checkSealed, sealBytes } from './seal.ts';
export type { SealCheck, Sealed } from './seal.ts';
export type { Problem, SignatureFinding } from './verdict.ts';

/** The province PKI: CA, certificates and keys, CRLs, CMS/PAdES signing, time-stamps, verification. */
export const pkiModule = defineModule({
  name: 'pki',
  tables: ['pki_certificates', 'pki_crls'],
  migrations: new URL('./migrations/', import.meta.url),
  routes: (ctx) => pkiRoutes(ctx),
  commands: (program, cli) => registerPkiCommands(program, cli),
});
