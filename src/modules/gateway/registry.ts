/**
 * The registry's use cases (admin API and command line): members, subsystems, client credentials,
 * services with their endpoints, groups and access rights. Each change is one transaction with its
 * audit entry; the actor is the signed-in province admin, or the system when run from the command line.
 * Identifiers are X-Road's (identifiers.ts); a subject of an access right is a subsystem identifier,
 * `group:CODE`, or an OAuth client_id (standing for its subsystem).
 */
import { X509Certificate, randomBytes, randomUUID } from 'node:crypto';
import { hash as argon2Hash } from '@node-rs/argon2';
import type { Tx } from '../../db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { formatSubsystemId, type SubsystemId } from './identifiers.ts';
import { change, memberIdOf, subsystemIdOf, subsystemRow, type RegistryCtx } from './registry-core.ts';
import * as store from './registry-store.ts';

export type { RegistryCtx } from './registry-core.ts';
export { addService, setServiceDisabled } from './registry-services.ts';
export { addGroup, addGroupMember, allow, deny, removeGroupMember, resolveSubject } from './registry-rights.ts';

const ARGON2ID = 2;

async function ensureMember(tx: Tx, id: Omit<SubsystemId, 'subsystemCode'>, name: string | undefined, at: Date) {
  const had = await store.findMember(tx, id);
  if (had) return { row: had, created: false };
  const row = { id: randomUUID(), instance: id.instance, member_class: id.memberClass, member_code: id.memberCode, name: name?.trim() || id.memberCode, created_at: at };
  await store.insertMember(tx, row);
  return { row, created: true };
}

/** Registers a member (organisation) `INSTANCE/CLASS/MEMBER`; a duplicate is an error. */
export async function addMember(ctx: RegistryCtx, memberId: string, opts: { name?: string } = {}) {
  const id = memberIdOf(memberId);
  return change(ctx, 'member_added', 'gateway_member', memberId, async (tx, at) => {
    const m = await ensureMember(tx, id, opts.name, at);
    if (!m.created) throw new AppError('gateway-duplicate', `member ${memberId} is already registered`);
    return { id: memberId, name: m.row.name };
  });
}

/** Registers a subsystem, and its member when missing. `ifMissing`: an existing subsystem is returned, not an error. */
export async function addSubsystem(ctx: RegistryCtx, subsystemId: string, opts: { memberName?: string; name?: string; ifMissing?: boolean } = {}) {
  const id = subsystemIdOf(subsystemId);
  const text = formatSubsystemId(id);
  if (opts.ifMissing) {
    const had = await store.findSubsystem(ctx.db, id);
    if (had) return { id: text, name: had.name, created: false, memberCreated: false };
  }
  return change(ctx, 'subsystem_added', 'gateway_subsystem', text, async (tx, at) => {
    const m = await ensureMember(tx, id, opts.memberName, at);
    if (!m.created && await store.findSubsystem(tx, id)) throw new AppError('gateway-duplicate', `subsystem ${text} is already registered`);
    const name = opts.name?.trim() || id.subsystemCode;
    await store.insertSubsystem(tx, { id: randomUUID(), member_id: m.row.id, subsystem_code: id.subsystemCode, name, created_at: at });
    return { id: text, name, created: true, memberCreated: m.created };
  }, (r) => ({ memberCreated: r.memberCreated }));
}

/** A readable, unique OAuth client_id: the subsystem code (lower case, a-z0-9-) and 10 random characters. */
function newClientId(id: SubsystemId): string {
  const base = id.subsystemCode.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'client';
  return `${base}-${randomBytes(8).toString('base64url').replace(/[-_]/g, '').toLowerCase().slice(0, 10).padEnd(10, '0')}`;
}

/** A client secret for a subsystem (OAuth 2.0 client credentials). The secret is returned once; only its Argon2id hash is kept. */
export async function addClient(ctx: RegistryCtx, subsystemId: string, _opts: { name?: string } = {}) {
  const id = subsystemIdOf(subsystemId);
  const clientSecret = randomBytes(32).toString('base64url');
  const secretHash = await argon2Hash(clientSecret, { algorithm: ARGON2ID, memoryCost: ctx.config.argon2.memoryCost, timeCost: ctx.config.argon2.timeCost });
  const subsystem = formatSubsystemId(id);
  return change(ctx, 'client_added', 'gateway_subsystem', subsystem, async (tx, at) => {
    const sub = await subsystemRow(tx, id);
    let clientId = newClientId(id);
    while (await store.clientIdTaken(tx, clientId)) clientId = newClientId(id);
    const credentialId = randomUUID();
    await store.insertCredential(tx, { id: credentialId, subsystem_id: sub.id, kind: 'secret', client_id: clientId, secret_hash: secretHash, cert_sha256: null, created_at: at });
    return { credentialId, clientId, clientSecret, subsystem };
  }, (r) => ({ credentialId: r.credentialId, clientId: r.clientId, kind: 'secret' }));
}

/** SHA-256 fingerprint (lower-case hex) of a PEM certificate; a bad certificate is an error. */
export function certificateFingerprint(certPem: string | Buffer): string {
  try {
    return new X509Certificate(certPem).fingerprint256.replace(/:/g, '').toLowerCase();
  } catch {
    throw new AppError('gateway-bad-certificate');
  }
}

/** A TLS client certificate (issued by the province CA) that authenticates as the subsystem. */
export async function addCertificateClient(ctx: RegistryCtx, subsystemId: string, certPem: string | Buffer) {
  const id = subsystemIdOf(subsystemId);
  const fingerprint = certificateFingerprint(certPem);
  const subsystem = formatSubsystemId(id);
  return change(ctx, 'client_added', 'gateway_subsystem', subsystem, async (tx, at) => {
    const sub = await subsystemRow(tx, id);
    const had = await store.credentialByFingerprint(tx, fingerprint);
    if (had) throw new AppError('gateway-duplicate', `this certificate is already registered as ${had.client_id}`);
    const clientId = `${newClientId(id)}-cert`;
    const credentialId = randomUUID();
    await store.insertCredential(tx, { id: credentialId, subsystem_id: sub.id, kind: 'certificate', client_id: clientId, secret_hash: null, cert_sha256: fingerprint, created_at: at });
    return { credentialId, clientId, fingerprint, subsystem };
  }, (r) => ({ credentialId: r.credentialId, clientId: r.clientId, kind: 'certificate', fingerprint }));
}

/** Revokes a credential by its client_id (tokens it got stop working at their next check). */
export async function revokeClient(ctx: RegistryCtx, clientId: string) {
  return change(ctx, 'client_revoked', 'gateway_credential', String(clientId).slice(0, 100), async (tx, at) => {
    const c = typeof clientId === 'string' ? await store.credentialByClientId(tx, clientId) : undefined;
    if (!c) throw new AppError('gateway-unknown-client', `client id ${String(clientId).slice(0, 100)} is not registered`);
    const revoked = await store.revokeCredential(tx, c.id, at);
    return { clientId, revoked, revokedAt: revoked ? at : c.revoked_at };
  });
}

