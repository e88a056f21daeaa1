/** PKI administration: import a certificate from a real CA (PKCS#12), revoke a certificate, list them. */
import { randomUUID, X509Certificate } from 'node:crypto';
import type { Config } from '../../config.ts';
import { inTx, type Db } from '../../db/index.ts';
import { appendAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { systemClock, type Clock } from '../../platform/clock.ts';
import { encryptKey, readP12, serialHex, CRL_REASONS, type CrlReason } from './x509.ts';
import { forgetTrust, pkiSettings, publishCrl, type Holder } from './service.ts';
import * as identity from '../identity/index.ts';
import * as store from './store.ts';

const system = { kind: 'system' as const, id: null };
const isSelfSigned = (c: X509Certificate) => c.checkIssued(c) && c.verify(c.publicKey);

function row(c: X509Certificate, x: Pick<store.CertRow, 'id' | 'purpose' | 'source' | 'user_id' | 'agency_id' | 'issuer_id' | 'key_pem' | 'created_at'>): store.CertRow {
  return {
    ...x, subject: c.subject.split('\n').find((l) => l.startsWith('CN='))?.slice(3) ?? c.subject, serial: serialHex(c),
    fingerprint: c.fingerprint256, cert_pem: c.toString(), not_before: new Date(c.validFrom), not_after: new Date(c.validTo),
    status: 'active', revoked_at: null, revocation_reason: null,
  };
}

export interface ImportResult {
  id: string;
  subject: string;
  purpose: 'seal' | 'signing';
  /** Whether the certificate chains to a trust anchor we hold (its own bundle's root counts). */
  chainComplete: boolean;
}

/**
 * Imports a PKCS#12 from a real CA for an officer (`userId`: their signing certificate) or an agency
 * (`agencyId`: its seal). The key is re-encrypted with PKI_PASSPHRASE; the bundle's CA certificates
 * become trust anchors and intermediates; the holder's previous certificate is superseded.
 */
export async function importP12(db: Db, config: Config, p12: Buffer, password: string, holder: Holder, clock: Clock = systemClock): Promise<ImportResult> {
  let contents;
  try {
    contents = readP12(p12, password);
  } catch (err) {
    throw new AppError('validation', `cannot read the PKCS#12 file: ${(err as Error).message}`);
  }
  const s = pkiSettings(config);
  const at = clock.now();
  const [own, ...rest] = contents.certs.map((p) => new X509Certificate(p));
  if (!own) throw new AppError('validation', 'no certificate');
  if (new Date(own.validTo) < at) throw new AppError('validation', 'the certificate has expired');
  const purpose = 'userId' in holder ? 'signing' as const : 'seal' as const;
  const id = randomUUID();
  return inTx(db, async (tx) => {
    const known = new Map((await store.trustRows(tx)).map((r) => [r.fingerprint, r.id]));
    const cas = rest.filter((c) => c.fingerprint256 !== own.fingerprint256);
    for (const c of cas.filter((c) => !known.has(c.fingerprint256))) {
      const caId = randomUUID();
      await store.insertCert(tx, row(c, { id: caId, purpose: isSelfSigned(c) ? 'root_ca' : 'issuing_ca', source: 'imported', user_id: null, agency_id: null, issuer_id: null, key_pem: null, created_at: at }));
      known.set(c.fingerprint256, caId);
    }
    const all = [...cas, ...(await store.trustRows(tx)).map((r) => new X509Certificate(r.cert_pem))];
    const issuerOf = (c: X509Certificate) => all.find((i) => i.fingerprint256 !== c.fingerprint256 && c.checkIssued(i) && c.verify(i.publicKey));
    for (const c of cas) {
      const i = issuerOf(c);
      if (i) await store.t(tx).updateTable('pki_certificates').set({ issuer_id: known.get(i.fingerprint256)! }).where('id', '=', known.get(c.fingerprint256)!).where('issuer_id', 'is', null).execute();
    }
    let chainComplete = false;
    for (let cur: X509Certificate | undefined = own, n = 0; cur && n < 8; cur = issuerOf(cur), n++) if (isSelfSigned(cur)) chainComplete = true;
    const issuer = issuerOf(own);
    let q = store.t(tx).updateTable('pki_certificates').set({ status: 'superseded' }).where('purpose', '=', purpose).where('status', '=', 'active');
    q = 'userId' in holder ? q.where('user_id', '=', holder.userId) : q.where('agency_id', '=', holder.agencyId);
    await q.execute();
    const agencyId = 'agencyId' in holder ? holder.agencyId
      : (await identity.userProfile(tx, holder.userId))?.agencyId ?? null;
    await store.insertCert(tx, row(own, {
      id, purpose, source: 'imported', user_id: 'userId' in holder ? holder.userId : null, agency_id: agencyId,
      issuer_id: issuer ? known.get(issuer.fingerprint256) ?? null : null, key_pem: encryptKey(contents.key, s.passphrase), created_at: at,
    }));
    await appendAudit(tx, { actor: system, action: 'pki.imported', subjectType: 'certificate', subjectId: id, at, data: { purpose, fingerprint: own.fingerprint256, chainComplete } });
    forgetTrust(db);
    return { id, subject: row(own, { id, purpose, source: 'imported', user_id: null, agency_id: null, issuer_id: null, key_pem: null, created_at: at }).subject, purpose, chainComplete };
  });
}

/** Revokes a certificate and publishes its issuer's new CRL (when the issuer is ours). */
export async function revokeCertificate(db: Db, config: Config, id: string, reason: CrlReason = 'unspecified', clock: Clock = systemClock): Promise<void> {
  if (!(reason in CRL_REASONS)) throw new AppError('validation', `reason must be one of ${Object.keys(CRL_REASONS).join(', ')}`);
  const at = clock.now();
  await inTx(db, async (tx) => {
    const cert = await store.certById(tx, id);
    if (!cert) throw new AppError('not-found', 'certificate not found');
    await store.t(tx).updateTable('pki_certificates').set({ status: 'revoked', revoked_at: at, revocation_reason: reason }).where('id', '=', id).execute();
    const issuer = cert.issuer_id ? await store.certById(tx, cert.issuer_id) : undefined;
    if (issuer?.key_pem) await publishCrl(tx, pkiSettings(config), issuer, at);
    await appendAudit(tx, { actor: system, action: 'pki.revoked', subjectType: 'certificate', subjectId: id, at, data: { reason, serial: cert.serial } });
  });
  forgetTrust(db);
}

export function listCertificates(db: Db) {
  return store.t(db).selectFrom('pki_certificates')
    .select(['id', 'purpose', 'source', 'subject', 'serial', 'status', 'user_id', 'agency_id', 'not_after', 'fingerprint'])
    .orderBy('created_at').execute();
}

/**
 * Republishes the CRL of each of our CAs whose latest CRL expires within `marginDays` (or always with
 * `force`), so relying parties never see an expired list. For cron or the jobs runner: daily is enough.
 */
export async function refreshCrls(db: Db, config: Config, clock: Clock = systemClock, opts: { force?: boolean; marginDays?: number } = {}): Promise<number> {
  const at = clock.now();
  const horizon = new Date(at.getTime() + (opts.marginDays ?? 7) * 86_400_000);
  const cas = await store.t(db).selectFrom('pki_certificates').selectAll().where('source', '=', 'province')
    .where('purpose', 'in', ['root_ca', 'issuing_ca']).where('status', '=', 'active').where('key_pem', 'is not', null).execute();
  let published = 0;
  for (const ca of cas) {
    const latest = await store.latestCrlOf(db, ca.id);
    if (!opts.force && latest && latest.next_update > horizon) continue;
    await inTx(db, (tx) => publishCrl(tx, pkiSettings(config), ca, at));
    published++;
  }
  forgetTrust(db);
  return published;
}
