/**
 * Detached CMS signatures of arbitrary bytes with the province's seal (the province People's
 * Committee's organisation-seal certificate), time-stamped when TSA_URL is set, and their check
 * against the trust store. Used for records that must outlive a database rewind (the audit module's
 * checkpoints of its chain heads).
 */
import type { Config } from '../../config.ts';
import type { Db } from '../../db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { systemClock, type Clock } from '../../platform/clock.ts';
import * as catalog from '../catalog/index.ts';
import { signDetached, withTimestamp } from './cms.ts';
import { identityFor, pkiSettings, trustStore } from './service.ts';
import { requestTimestamp } from './tsa.ts';
import { checkCms } from './verify-cms.ts';
import { certInfo, judgeSigner, type CertInfo, type TrustStore } from './verify.ts';

export interface Sealed {
  /** CMS SignedData (DER), detached: the data is kept beside it. */
  cms: Buffer;
  /** Whether an RFC 3161 time-stamp token is embedded (TSA_URL set and answering). */
  timestamped: boolean;
}

/** Signs `data` with the province seal; with TSA_URL a time-stamp over the signature is added (a TSA failure throws). */
export async function sealBytes(db: Db, config: Config, data: Buffer, clock: Clock = systemClock): Promise<Sealed> {
  const committee = await catalog.provinceCommittee(db);
  if (!committee) throw new AppError('unavailable', 'no province People\'s Committee in the catalogue: nothing to seal with');
  const id = await identityFor(db, config, { agencyId: committee.id }, clock);
  const signer = { key: id.key, cert: id.cert, chain: id.chain };
  const signed = signDetached(data, signer);
  const tsa = pkiSettings(config).tsaUrl;
  if (!tsa) return { cms: signed.der, timestamped: false };
  const token = await requestTimestamp(tsa, signed.signature);
  return { cms: withTimestamp(data, signer, signed, token), timestamped: true };
}

export interface SealCheck {
  /** Signature valid over `data`, by a certificate whose chain reaches a trust anchor of the province PKI. */
  valid: boolean;
  reason: string | null;
  signer: CertInfo | null;
  /** The time-stamp's time when one is embedded and matches the signature. */
  timestampedAt: Date | null;
}

/**
 * Checks a detached CMS over `data` against the province trust store with the same judgement as a signed
 * PDF's signatures (judgeSigner: chain, validity at the signing time, revocation). Never throws on bad
 * input. `trust`: the trust store read once for many checks in one run (read from the database when absent).
 */
export async function checkSealed(db: Db, cms: Buffer, data: Buffer, trust?: TrustStore, now: Date = new Date()): Promise<SealCheck> {
  let c: ReturnType<typeof checkCms>;
  try {
    c = checkCms(cms, data);
  } catch (err) {
    return { valid: false, reason: `unreadable signature (${(err as Error).message})`, signer: null, timestampedAt: null };
  }
  const signer = c.signer ? certInfo(c.signer) : null;
  const timestampedAt = c.timestamp?.imprintMatches ? c.timestamp.genTime : null;
  if (!c.digestMatches || !c.signatureValid || c.signingCertificateBound === false) {
    return { valid: false, reason: 'the signature does not match the signed data', signer, timestampedAt };
  }
  if (c.timestamp && !c.timestamp.imprintMatches) return { valid: false, reason: 'the time-stamp does not match the signature', signer, timestampedAt };
  const judged = judgeSigner(c, trust ?? await trustStore(db), c.signingTime, now);
  if (!judged.chainTrusted) return { valid: false, reason: 'the signer is not certified by the province PKI', signer, timestampedAt };
  if (!judged.certValidAtSigning) return { valid: false, reason: 'a certificate was not valid at the signing time', signer, timestampedAt };
  if (judged.revocation === 'revoked') return { valid: false, reason: 'the signer\'s certificate has been revoked', signer, timestampedAt };
  return { valid: true, reason: null, signer, timestampedAt };
}
