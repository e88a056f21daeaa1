/**
 * Identity use cases: citizen sign-up, sign-in with lock-out, session resolution, officer accounts.
 * Passwords are hashed with argon2id; session tokens are random and stored only as SHA-256.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';

const ARGON2ID = 2; // Algorithm.Argon2id (a const enum, not importable under verbatimModuleSyntax)
import { sql } from 'kysely';
import { inTx, type Db, type Executor } from '../../db/index.ts';
import { appendAudit, type AuditActor } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { emit } from '../../platform/outbox.ts';
import { auditActor, type Ctx } from '../../platform/context.ts';
import { isRole, type Principal, type Role } from '../../platform/auth.ts';
import type { Config } from '../../config.ts';
import { isCitizenLogin, maskPhone, normalisePhone, parsePersonalId, type VerificationMethod } from './model.ts';
import { passwordProblem } from './password.ts';
import { agencyExists } from '../catalog/index.ts';
import * as store from './store.ts';
import { citizenRegistered, citizenVerified, officerCreated } from './events.ts';
import './problems.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest();

export function hashPassword(config: Config, password: string): Promise<string> {
  return argon2Hash(password, { algorithm: ARGON2ID, memoryCost: config.argon2.memoryCost, timeCost: config.argon2.timeCost });
}

// Verified against when the username is unknown, so both paths cost the same.
let dummyHash: Promise<string> | null = null;

export interface CitizenInput {
  idNumber: string;
  fullName: string;
  phone: string;
  password: string;
}

/**
 * Self-registration: the account is `basic` — its ID number only claimed — until verified. Several
 * basic accounts may claim one ID number, so the answer is the same whether or not the number already
 * has an account (nothing tells a stranger that it does); only the verified account sees counter dossiers.
 */
export async function registerCitizen(ctx: Ctx, input: CitizenInput): Promise<{ id: string; username: string; fullName: string; assurance: 'basic' }> {
  const now = ctx.clock.now();
  const errors = [];
  const id = parsePersonalId(input.idNumber, now);
  if (!id.ok) errors.push({ pointer: '/body/idNumber', detail: `${id.reasonVi} / ${id.reasonEn}` });
  const phone = normalisePhone(input.phone);
  if (!phone) errors.push({ pointer: '/body/phone', detail: 'Số điện thoại không hợp lệ / Invalid phone number' });
  const fullName = input.fullName.trim().replace(/\s+/g, ' ');
  if (fullName.length < 2) errors.push({ pointer: '/body/fullName', detail: 'Họ tên quá ngắn / Name too short' });
  const pw = passwordProblem(input.password, [input.idNumber, fullName, input.phone]);
  if (pw) errors.push({ pointer: '/body/password', detail: `${pw.vi} / ${pw.en}` });
  if (errors.length) throw new AppError('validation', undefined, { errors });

  const passwordHash = await hashPassword(ctx.config, input.password);
  const userId = randomUUID();
  await inTx(ctx.db, async (tx) => {
    await store.insertUser(tx, {
      id: userId, kind: 'citizen', username: input.idNumber, full_name: fullName, id_number: input.idNumber,
      phone, password_hash: passwordHash, agency_id: null, roles: [], created_at: now,
    });
    await appendAudit(tx, { actor: { kind: 'citizen', id: userId }, action: 'user.registered', subjectType: 'user', subjectId: userId, requestId: ctx.requestId, at: now });
    await emit(tx, citizenRegistered, { aggregateId: userId, payload: { userId }, at: now });
  });
  return { id: userId, username: input.idNumber, fullName, assurance: 'basic' };
}

/**
 * Verifies a citizen account for its ID number: an officer at the counter who saw the ID card, or (by
 * the connectors) the national identity sign-in or a population-database match. One account per ID
 * number may be verified; its counter dossiers then reach it (the dossiers module links them on the event).
 */
export async function verifyCitizen(ctx: Ctx, userId: string, method: VerificationMethod): Promise<{ id: string; assurance: 'verified' }> {
  const now = ctx.clock.now();
  const by = ctx.actor?.kind === 'officer' ? ctx.actor.userId : null;
  await inTx(ctx.db, async (tx) => {
    const user = await store.findUserById(tx, userId);
    if (!user || user.kind !== 'citizen' || user.disabled) throw new AppError('not-found', 'account not found');
    if (user.assurance === 'verified') throw new AppError('already-verified');
    if (await store.verifiedCitizen(tx, user.id_number!)) throw new AppError('id-number-verified-elsewhere');
    if (!(await store.markVerified(tx, userId, method, by, now))) throw new AppError('conflict', 'account changed meanwhile');
    await appendAudit(tx, { actor: ctx.actor ? auditActor(ctx.actor) : { kind: 'system', id: null }, action: 'user.verified', subjectType: 'user', subjectId: userId, requestId: ctx.requestId, at: now, data: { method } });
    await emit(tx, citizenVerified, { aggregateId: userId, payload: { userId, method }, at: now });
  }).catch((err: { code?: string }) => {
    if (err.code === '23505') throw new AppError('id-number-verified-elsewhere');
    throw err;
  });
  return { id: userId, assurance: 'verified' };
}

/** An officer at the counter verifies an account: the ID card they saw must carry the number the account claims. */
export async function verifyAtCounter(ctx: Ctx, userId: string, idNumber: string) {
  const user = await store.findUserById(ctx.db, userId);
  if (!user || user.kind !== 'citizen' || user.id_number !== idNumber) throw new AppError('not-found', 'account not found for this ID number');
  return verifyCitizen(ctx, userId, 'counter');
}

/** The citizen accounts claiming an ID number, as the officer verifying one at the counter sees them. */
export async function accountsClaiming(ctx: Ctx, idNumber: string) {
  const rows = await store.citizensClaiming(ctx.db, idNumber);
  await inTx(ctx.db, (tx) => appendAudit(tx, {
    actor: auditActor(ctx.actor), action: 'user.searched', subjectType: 'user', subjectId: ctx.actor!.userId, requestId: ctx.requestId, at: ctx.clock.now(), data: { found: rows.length },
  }));
  return {
    items: rows.map((u) => ({
      id: u.id, fullName: u.full_name, phone: maskPhone(u.phone), createdAt: u.created_at.toISOString(),
      assurance: u.assurance, verifiedBy: u.verified_by, verifiedAt: u.verified_at?.toISOString() ?? null, disabled: u.disabled,
    })),
  };
}

export interface OfficerInput {
  username: string;
  password: string;
  fullName: string;
  agencyId: string;
  roles: string[];
}

export async function createOfficer(db: Db, config: Config, clock: { now(): Date }, input: OfficerInput, by: AuditActor = { kind: 'system', id: null }) {
  const roles = input.roles.filter(isRole);
  if (roles.length !== input.roles.length || roles.length === 0) {
    throw new AppError('validation', `roles must be among counter_officer, specialist, agency_leader, agency_admin, province_admin`);
  }
  const pw = passwordProblem(input.password, [input.username, input.fullName]);
  if (pw) throw new AppError('validation', pw.en);
  if (!/^[a-z0-9._-]{3,64}$/.test(input.username) || !/[a-z]/.test(input.username)) throw new AppError('validation', 'username: 3–64 of a-z 0-9 . _ -, with a letter');
  if (!(await agencyExists(db, input.agencyId))) throw new AppError('validation', `unknown agency ${input.agencyId}`);
  const passwordHash = await hashPassword(config, input.password);
  const id = randomUUID();
  const now = clock.now();
  await inTx(db, async (tx) => {
    await store.insertUser(tx, {
      id, kind: 'officer', username: input.username, full_name: input.fullName, id_number: null, phone: null,
      password_hash: passwordHash, agency_id: input.agencyId, roles: roles as Role[],
    });
    await appendAudit(tx, { actor: by, action: 'user.created', subjectType: 'user', subjectId: id, data: { roles, agencyId: input.agencyId }, at: now });
    await emit(tx, officerCreated, { aggregateId: id, payload: { userId: id, agencyId: input.agencyId, roles }, at: now });
  }).catch((err: { code?: string }) => {
    if (err.code === '23505') throw new AppError('conflict', `username ${input.username} exists`);
    throw err;
  });
  return { id, username: input.username };
}

/** How many accounts one citizen sign-in name is checked against (the verified one and the newest basic ones). */
export const LOGIN_CANDIDATES = 3;

/**
 * Sign-in. Failures are counted per name tried, whether or not it has an account, in one atomic counter
 * taken before the password is checked (see store.takeAttempt): parallel guesses cannot outrun the lock,
 * and the answers are the same for names with and without accounts. A citizen's ID number is checked
 * against LOGIN_CANDIDATES password hashes — always that many, padded with a dummy, in parallel — so
 * neither the answer nor its time tells how many accounts claim it.
 */
export async function login(ctx: Ctx, username: string, password: string): Promise<{ token: string; expiresAt: Date; principal: Principal }> {
  const now = ctx.clock.now();
  const loginHash = sha256(`login:${username.toLowerCase()}`);
  const lockUntil = new Date(now.getTime() + ctx.config.loginLockMinutes * 60_000);
  const attempt = await store.takeAttempt(ctx.db, loginHash, now, ctx.config.loginMaxFailures, lockUntil);
  if (attempt.locked_until && attempt.locked_until > now) {
    throw new AppError('account-locked', undefined, { extra: { lockedUntil: attempt.locked_until.toISOString() } });
  }
  const citizen = isCitizenLogin(username);
  const candidates = citizen
    ? await store.citizenCandidates(ctx.db, username, LOGIN_CANDIDATES)
    : [await store.findOfficer(ctx.db, username)].filter((u): u is store.UserRow => u !== undefined && !u.disabled);
  dummyHash ??= hashPassword(ctx.config, randomUUID());
  const hashes = [...candidates.map((c) => c.password_hash)];
  while (hashes.length < (citizen ? LOGIN_CANDIDATES : 1)) hashes.push(await dummyHash);
  const checks = await Promise.all(hashes.map((h) => argon2Verify(h, password).catch(() => false)));
  const user = candidates.find((_, i) => checks[i]);
  if (!user) {
    await inTx(ctx.db, async (tx) => {
      await store.lockIfExhausted(tx, loginHash, ctx.config.loginMaxFailures, lockUntil);
      await appendAudit(tx, {
        // The account's chain when the name has one account; otherwise the name's own (as a hash).
        actor: { kind: 'system', id: null }, action: 'login.failed',
        ...(candidates.length === 1 ? { subjectType: 'user', subjectId: candidates[0]!.id } : { subjectType: 'login', subjectId: loginHash.toString('hex') }),
        requestId: ctx.requestId, at: now, data: { attempt: attempt.failures, accounts: candidates.length },
      });
    });
    throw new AppError('invalid-credentials');
  }
  const actor: AuditActor = { kind: user.kind, id: user.id };
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ctx.config.sessionTtlHours * 3_600_000);
  await inTx(ctx.db, async (tx) => {
    await store.clearAttempts(tx, loginHash);
    await store.insertSession(tx, { token_hash: sha256(token), user_id: user.id, created_at: now, expires_at: expiresAt });
    await appendAudit(tx, { actor, action: 'session.created', subjectType: 'user', subjectId: user.id, requestId: ctx.requestId, at: now });
  });
  return { token, expiresAt, principal: toPrincipal(user) };
}

export async function logout(ctx: Ctx, token: string): Promise<void> {
  await inTx(ctx.db, async (tx) => {
    await store.deleteSession(tx, sha256(token));
    if (ctx.actor) {
      await appendAudit(tx, { actor: auditActor(ctx.actor), action: 'session.ended', subjectType: 'user', subjectId: ctx.actor.userId, requestId: ctx.requestId, at: ctx.clock.now() });
    }
  });
}

/**
 * Every request's session is checked against the database (one primary-key read), so a sign-out or a
 * disabled account takes effect at once on every app node. (A per-node cache of a few seconds was
 * dropped: a session signed out on one node stayed usable on the others until it expired there.)
 */
export async function resolveSession(db: Db, clock: { now(): Date }, token: string): Promise<Principal | null> {
  if (token.length > 128) return null;
  const now = clock.now();
  const row = await store.findSession(db, sha256(token), now);
  if (!row || row.disabled) return null;
  return toPrincipal(row);
}

/** The user's own phone number, for their own forms (GET /auth/me): never shown to anyone else this way. */
export async function ownPhone(db: Executor, userId: string): Promise<string | null> {
  return store.phoneOf(db, userId);
}

function toPrincipal(u: Pick<store.UserRow, 'id' | 'kind' | 'username' | 'full_name' | 'agency_id' | 'roles' | 'assurance'>): Principal {
  return {
    userId: u.id, kind: u.kind, username: u.username, fullName: u.full_name, agencyId: u.agency_id, roles: u.roles,
    ...(u.kind === 'citizen' ? { assurance: u.assurance } : {}),
  };
}

/**
 * The account verified for a personal ID number, if there is one: the only account a dossier filed for
 * that number at the counter (and its documents) may reach online.
 */
export async function citizenIdOf(db: Executor, idNumber: string): Promise<string | null> {
  return (await store.verifiedCitizen(db, idNumber))?.id ?? null;
}

/** The ID number of a citizen account, when it is verified for it. */
export async function verifiedIdNumberOf(db: Executor, userId: string): Promise<string | null> {
  const u = await store.findUserById(db, userId);
  return u && u.kind === 'citizen' && u.assurance === 'verified' && !u.disabled ? u.id_number : null;
}

/** Forgets stale sign-in attempts and expired sessions (the identity.purge job). */
export async function purgeStale(db: Db, now: Date): Promise<{ attempts: number; sessions: number }> {
  return {
    attempts: await store.purgeAttempts(db, new Date(now.getTime() - 86_400_000)),
    sessions: await store.purgeSessions(db, now),
  };
}

/** Officers of an agency holding a role (for notifications). */
export async function officersWithRole(db: Executor, agencyId: string, role: Role): Promise<{ id: string; fullName: string }[]> {
  const rows = await db.selectFrom('users').select(['id', 'full_name']).where('agency_id', '=', agencyId)
    .where('kind', '=', 'officer').where('disabled', '=', false).where(sql<boolean>`${role} = any(roles)`).execute();
  return rows.map((r) => ({ id: r.id, fullName: r.full_name }));
}

/** Officers holding a role in any agency, with their agency. */
export async function officersHolding(db: Executor, role: Role): Promise<{ id: string; agencyId: string | null }[]> {
  const rows = await db.selectFrom('users').select(['id', 'agency_id']).where('kind', '=', 'officer').where(sql<boolean>`roles @> array[${role}]::text[]`).execute();
  return rows.map((r) => ({ id: r.id, agencyId: r.agency_id }));
}

/** The id of the officer with this username, or of the account verified for this ID number; or null. */
export async function userIdByUsername(db: Executor, username: string, kind?: 'citizen' | 'officer'): Promise<string | null> {
  if (isCitizenLogin(username)) return kind === 'officer' ? null : citizenIdOf(db, username);
  return kind === 'citizen' ? null : (await store.findOfficer(db, username))?.id ?? null;
}

/** What other modules may know of an account: name, username, roles and agency. */
export async function userProfile(db: Executor, id: string): Promise<{ id: string; username: string; fullName: string; roles: Role[]; agencyId: string | null } | undefined> {
  const u = await store.findUserById(db, id);
  return u && { id: u.id, username: u.username, fullName: u.full_name, roles: u.roles, agencyId: u.agency_id };
}
