/**
 * The province PKI in the database: a root CA and an issuing CA, organisation-seal certificates per
 * agency and signing certificates per officer, CRLs. Private keys are stored encrypted (PKCS#8 with
 * PKI_PASSPHRASE) and decrypted only in this process's memory, to sign.
 */
import { randomUUID, X509Certificate, type KeyObject } from 'node:crypto';
import type { Config } from '../../config.ts';
import { inTx, type Db, type Executor } from '../../db/index.ts';
import { appendAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { systemClock, type Clock } from '../../platform/clock.ts';
import * as catalog from '../catalog/index.ts';
import * as identity from '../identity/index.ts';
import { buildCrl, decryptKey, encryptKey, issueCertificate, newKeyPair, newSerial, readCrl, serialHex, type CertProfile, type SubjectName } from './x509.ts';
import * as store from './store.ts';
import type { CertRow } from './store.ts';
import type { TrustStore } from './verify.ts';

export interface PkiSettings {
  /** PKI_PASSPHRASE: encrypts the private keys at rest. */
  passphrase: string;
  /** PKI_AUTO_ISSUE (default true): issue a missing seal or officer certificate from the province CA on first use. */
  autoIssue: boolean;
  /** PUBLIC_BASE_URL: where QR codes and CRL distribution points point. */
  publicBaseUrl: string;
  /** TSA_URL: RFC 3161 time-stamp authority; empty = no time-stamps. */
  tsaUrl: string | null;
  /** PKI_CA_KEY_BITS (default 3072): RSA size of the root and issuing CA keys; seals and officers use 2048. */
  caKeyBits: number;
}

export const DEMO_PKI_PASSPHRASE = 'motcua-demo-pki';

/** From `config.pki` / `config.publicBaseUrl` when the lead's Config has them, else the environment. */
export function pkiSettings(config: Config, env: NodeJS.ProcessEnv = process.env): PkiSettings {
  const c = config as Config & { pki?: Partial<PkiSettings>; publicBaseUrl?: string };
  const passphrase = c.pki?.passphrase ?? (env.PKI_PASSPHRASE || DEMO_PKI_PASSPHRASE);
  // In production (the command line too) the keys are never encrypted with the published passphrase.
  if (config.environment === 'production' && passphrase === DEMO_PKI_PASSPHRASE) {
    throw new AppError('unavailable', 'PKI_PASSPHRASE is not set (or is the demo passphrase): production keeps the PKI\'s keys under its own passphrase');
  }
  return {
    passphrase,
    autoIssue: c.pki?.autoIssue ?? !['0', 'false', 'no', 'off'].includes((env.PKI_AUTO_ISSUE ?? '').toLowerCase()),
    publicBaseUrl: (c.publicBaseUrl ?? (env.PUBLIC_BASE_URL || `http://localhost:${config.port}`)).replace(/\/+$/, ''),
    tsaUrl: c.pki?.tsaUrl ?? (env.TSA_URL || null),
    caKeyBits: c.pki?.caKeyBits ?? (Number(env.PKI_CA_KEY_BITS) || 3072),
  };
}

const YEAR = 365 * 86_400_000;
const crlUrl = (s: PkiSettings, issuerId: string) => `${s.publicBaseUrl}/api/v1/pki/crl/${issuerId}`;

function certRow(pem: string, x: Omit<CertRow, 'subject' | 'serial' | 'fingerprint' | 'cert_pem' | 'not_before' | 'not_after' | 'status' | 'revoked_at' | 'revocation_reason'>): CertRow {
  const c = new X509Certificate(pem);
  const cn = c.subject.split('\n').find((l) => l.startsWith('CN='))?.slice(3) ?? c.subject;
  return {
    ...x, subject: cn, serial: serialHex(c), fingerprint: c.fingerprint256, cert_pem: pem,
    not_before: new Date(c.validFrom), not_after: new Date(c.validTo), status: 'active', revoked_at: null, revocation_reason: null,
  };
}

async function provinceNames(db: Executor) {
  const committee = await catalog.provinceCommittee(db);
  const unit = await catalog.unitName(db, null);
  return { organization: committee?.name ?? 'motcua', province: unit?.replace(/^(Tỉnh|Thành phố)\s+/, '') ?? 'Việt Nam' };
}

interface IssuerKey { row: CertRow; key: KeyObject }

/** A new key pair and certificate (not yet stored); the key is kept encrypted in the row. */
async function issue(s: PkiSettings, profile: CertProfile, subject: SubjectName, issuer: IssuerKey | null, at: Date, years: number, x: Partial<CertRow>) {
  const id = randomUUID();
  const pair = await newKeyPair(profile === 'root_ca' || profile === 'issuing_ca' ? s.caKeyBits : 2048);
  const notBefore = new Date(at.getTime() - 86_400_000);
  const pem = issueCertificate({
    profile, subject, publicKey: pair.publicKey, serial: newSerial(), notBefore, notAfter: new Date(notBefore.getTime() + years * YEAR),
    issuer: issuer && { certPem: issuer.row.cert_pem, key: issuer.key }, selfKey: pair.privateKey, ...(issuer && { crlUrl: crlUrl(s, issuer.row.id) }),
  });
  const row = certRow(pem, {
    id, purpose: profile, source: 'province', user_id: x.user_id ?? null, agency_id: x.agency_id ?? null,
    issuer_id: issuer?.row.id ?? null, key_pem: encryptKey(pair.privateKey, s.passphrase), created_at: at,
  });
  remember(id, pair.privateKey);
  return { row, key: pair.privateKey };
}

/** A new CRL of an issuer of ours: its revoked certificates, the next number, valid 30 days (root: 1 year). */
export async function publishCrl(db: Executor, s: PkiSettings, issuer: CertRow, at: Date): Promise<void> {
  const revoked = await store.t(db).selectFrom('pki_certificates').select(['serial', 'revoked_at', 'revocation_reason'])
    .where('issuer_id', '=', issuer.id).where('status', '=', 'revoked').execute();
  const last = await store.t(db).selectFrom('pki_crls').select((eb) => eb.fn.max('number').as('n')).where('issuer_id', '=', issuer.id).executeTakeFirst();
  const number = Number(last?.n ?? 0) + 1;
  const nextUpdate = new Date(at.getTime() + (issuer.purpose === 'root_ca' ? YEAR : 30 * 86_400_000));
  const der = buildCrl({
    issuerCertPem: issuer.cert_pem, issuerKey: keyOf(issuer, s), number, thisUpdate: at, nextUpdate,
    revoked: revoked.map((r) => ({ serial: r.serial, at: r.revoked_at ?? at, reason: (r.revocation_reason ?? 'unspecified') as never })),
  });
  await store.t(db).insertInto('pki_crls').values({ issuer_id: issuer.id, number, this_update: at, next_update: nextUpdate, der }).execute();
  forgetTrust(db);
}

/**
 * Creates the province PKI when there is none: root and issuing CA with their CRLs, the province
 * People's Committee's seal, and a seal and signing certificate for every officer holding
 * agency_leader (and their agencies). Idempotent; safe to call from several nodes at once.
 */
export async function ensurePki(db: Db, config: Config, clock: Clock = systemClock): Promise<{ created: boolean }> {
  if (await store.activeCert(db, { purpose: 'issuing_ca', source: 'province' })) return { created: false };
  const s = pkiSettings(config);
  const at = clock.now();
  const names = await provinceNames(db);
  const org = { organization: names.organization, province: names.province };
  const root = await issue(s, 'root_ca', { ...org, commonName: `${names.province} - CA gốc (Root CA)` }, null, at, 20, {});
  const ca = await issue(s, 'issuing_ca', { ...org, commonName: `${names.province} - CA cấp chứng thư số (Issuing CA)` }, root, at, 10, {});
  const leaders = await identity.officersHolding(db, 'agency_leader');
  const committee = await catalog.provinceCommittee(db);
  const agencies = new Set([...(committee ? [committee.id] : []), ...leaders.flatMap((l) => (l.agencyId ? [l.agencyId] : []))]);
  const holders: Holder[] = [...[...agencies].map((agencyId) => ({ agencyId })), ...leaders.map((l) => ({ userId: l.id }))];
  const leaves = await Promise.all(holders.map((h) => makeFor(db, s, h, at, ca)));
  try {
    await inTx(db, async (tx) => {
      for (const c of [root, ca, ...leaves]) await store.insertCert(tx, c.row);
      await publishCrl(tx, s, root.row, at);
      await publishCrl(tx, s, ca.row, at);
      await appendAudit(tx, { actor: { kind: 'system', id: null }, action: 'pki.initialised', subjectType: 'pki', subjectId: root.row.id, at, data: { rootFingerprint: root.row.fingerprint, certificates: leaves.length + 2 } });
    });
  } catch (err) {
    if ((err as { code?: string }).code === '23505') return { created: false };
    throw err;
  }
  return { created: true };
}

export type Holder = { userId: string } | { agencyId: string };

/** A seal (agency) or signing (officer) certificate from our issuing CA, made outside any transaction. */
async function makeFor(db: Executor, s: PkiSettings, who: Holder, at: Date, ca?: IssuerKey) {
  const issuingRow = ca?.row ?? await store.activeCert(db, { purpose: 'issuing_ca', source: 'province' });
  if (!issuingRow) throw new AppError('unavailable', 'the province PKI is not initialised (npx motcua pki init)');
  const issuer = { row: issuingRow, key: ca?.key ?? keyOf(issuingRow, s) };
  const names = await provinceNames(db);
  if ('agencyId' in who) {
    const a = await catalog.agencyWithParent(db, who.agencyId);
    if (!a) throw new AppError('not-found', `no agency ${who.agencyId}`);
    return issue(s, 'seal', { commonName: a.name, organization: a.name, ...(a.parent && { organizationalUnit: a.parent }), province: names.province }, issuer, at, 3, { agency_id: who.agencyId });
  }
  const u = await identity.userProfile(db, who.userId);
  if (!u) throw new AppError('not-found', `no user ${who.userId}`);
  const agencyRow = u.agencyId ? await catalog.getAgency(db, u.agencyId) : undefined;
  const agency = agencyRow?.name;
  // The certificate's title is the officer's real position in their agency ("Chủ tịch Ủy ban nhân dân Phường …").
  const { title } = identity.officerPosition(u.roles, agencyRow);
  return issue(s, 'signing', { commonName: u.fullName, organization: agency ?? names.organization, title, uid: u.username, province: names.province }, issuer, at, 3, { user_id: who.userId, agency_id: u.agencyId });
}

const keys = new Map<string, KeyObject>();
function remember(id: string, key: KeyObject) {
  if (keys.size > 512) keys.delete(keys.keys().next().value!);
  keys.set(id, key);
}

function keyOf(row: CertRow, s: PkiSettings): KeyObject {
  const hit = keys.get(row.id);
  if (hit) return hit;
  if (!row.key_pem) throw new AppError('unavailable', `no private key is held for certificate ${row.id}`);
  const key = decryptKey(row.key_pem, s.passphrase);
  remember(row.id, key);
  return key;
}

export interface Identity {
  certId: string;
  key: KeyObject;
  cert: Buffer;
  /** Issuers up to the root, nearest first. */
  chain: Buffer[];
}

/** The active certificate and key of an officer or an agency's seal, issued on first use when allowed. */
export async function identityFor(db: Db, config: Config, who: Holder, clock: Clock = systemClock): Promise<Identity> {
  const s = pkiSettings(config);
  const where = 'userId' in who ? { purpose: 'signing' as const, userId: who.userId } : { purpose: 'seal' as const, agencyId: who.agencyId };
  let row = await store.activeCert(db, where);
  if (!row) {
    if (!s.autoIssue) throw new AppError('action-not-allowed', `no active ${where.purpose} certificate / chưa có chứng thư số ${'userId' in who ? 'của cán bộ' : 'của cơ quan'}`);
    if (!(await store.activeCert(db, { purpose: 'issuing_ca', source: 'province' }))) await ensurePki(db, config, clock);
    row = await store.activeCert(db, where);
    if (!row) {
      const made = await makeFor(db, s, who, clock.now());
      // Two nodes may issue at once: the unique index keeps one; the other uses it.
      row = await store.insertCert(db, made.row).then(() => made.row, async (err: { code?: string }) => {
        if (err.code === '23505') return (await store.activeCert(db, where))!;
        throw err;
      });
    }
  }
  const chain: Buffer[] = [];
  for (let issuer = row.issuer_id; issuer && chain.length < 8;) {
    const r = await store.certById(db, issuer);
    if (!r) break;
    chain.push(new X509Certificate(r.cert_pem).raw);
    issuer = r.issuer_id === r.id ? null : r.issuer_id;
  }
  return { certId: row.id, key: keyOf(row, s), cert: new X509Certificate(row.cert_pem).raw, chain };
}

const trustCache = new WeakMap<object, { at: number; value: TrustStore }>();
export function forgetTrust(db: object): void {
  trustCache.delete(db);
}

/** Trust anchors, intermediates and verified CRLs, remembered for 30 s per node (changes here apply at once). */
export async function trustStore(db: Db): Promise<TrustStore> {
  const hit = trustCache.get(db);
  if (hit && Date.now() - hit.at < 30_000) return hit.value;
  const rows = await store.trustRows(db);
  const certs = new Map(rows.map((r) => [r.id, new X509Certificate(r.cert_pem)]));
  const crls = new Map<string, NonNullable<ReturnType<typeof readCrl>>>();
  for (const c of await store.latestCrls(db)) {
    const issuer = new X509Certificate(c.cert_pem);
    const parsed = readCrl(Buffer.from(c.der), issuer);
    if (parsed) crls.set(issuer.fingerprint256, parsed);
  }
  const value: TrustStore = {
    anchors: rows.filter((r) => r.purpose === 'root_ca' && r.status === 'active').map((r) => certs.get(r.id)!),
    intermediates: rows.filter((r) => r.purpose === 'issuing_ca').map((r) => certs.get(r.id)!),
    crls,
  };
  trustCache.set(db, { at: Date.now(), value });
  return value;
}

