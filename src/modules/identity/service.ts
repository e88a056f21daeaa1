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
import { normalisePhone, parsePersonalId, passwordProblem } from './model.ts';
import { agencyExists } from '../catalog/index.ts';
import * as store from './store.ts';
import { citizenRegistered, officerCreated } from './events.ts';
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

export async function registerCitizen(ctx: Ctx, input: CitizenInput): Promise<{ id: string; username: string; fullName: string }> {
  const now = ctx.clock.now();
  const errors = [];
  const id = parsePersonalId(input.idNumber, now);
  if (!id.ok) errors.push({ pointer: '/body/idNumber', detail: `${id.reasonVi} / ${id.reasonEn}` });
  const phone = normalisePhone(input.phone);
  if (!phone) errors.push({ pointer: '/body/phone', detail: 'Số điện thoại không hợp lệ / Invalid phone number' });
  const pw = passwordProblem(input.password);
  if (pw) errors.push({ pointer: '/body/password', detail: `${pw.vi} / ${pw.en}` });
  const fullName = input.fullName.trim().replace(/\s+/g, ' ');
  if (fullName.length < 2) errors.push({ pointer: '/body/fullName', detail: 'Họ tên quá ngắn / Name too short' });
  if (errors.length) throw new AppError('validation', undefined, { errors });

  const passwordHash = await hashPassword(ctx.config, input.password);
  const userId = randomUUID();
  await inTx(ctx.db, async (tx) => {
    if (await store.findUserByUsername(tx, input.idNumber)) throw new AppError('already-registered');
    await store.insertUser(tx, {
      id: userId, kind: 'citizen', username: input.idNumber, full_name: fullName, id_number: input.idNumber,
      phone, password_hash: passwordHash, agency_id: null, roles: [],
    });
    await appendAudit(tx, { actor: { kind: 'citizen', id: userId }, action: 'user.registered', subjectType: 'user', subjectId: userId, requestId: ctx.requestId, at: now });
    await emit(tx, citizenRegistered, { aggregateId: userId, payload: { userId }, at: now });
  }).catch((err: { code?: string }) => {
    if (err.code === '23505') throw new AppError('already-registered');
    throw err;
  });
  return { id: userId, username: input.idNumber, fullName };
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
  const pw = passwordProblem(input.password);
  if (pw) throw new AppError('validation', pw.en);
  if (!/^[a-z0-9._-]{3,64}$/.test(input.username)) throw new AppError('validation', 'username: 3–64 of a-z 0-9 . _ -');
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

export async function login(ctx: Ctx, username: string, password: string): Promise<{ token: string; expiresAt: Date; principal: Principal }> {
  const now = ctx.clock.now();
  const user = await store.findUserByUsername(ctx.db, username);
  if (!user || user.disabled) {
    dummyHash ??= hashPassword(ctx.config, randomUUID());
    await argon2Verify(await dummyHash, password).catch(() => false);
    throw new AppError('invalid-credentials');
  }
  if (user.locked_until && user.locked_until > now) {
    throw new AppError('account-locked', undefined, { extra: { lockedUntil: user.locked_until.toISOString() } });
  }
  const ok = await argon2Verify(user.password_hash, password).catch(() => false);
  const actor: AuditActor = { kind: user.kind, id: user.id };
  if (!ok) {
    const lockUntil = new Date(now.getTime() + ctx.config.loginLockMinutes * 60_000);
    await inTx(ctx.db, async (tx) => {
      await store.recordFailedLogin(tx, user.id, ctx.config.loginMaxFailures, lockUntil);
      await appendAudit(tx, { actor, action: 'login.failed', subjectType: 'user', subjectId: user.id, requestId: ctx.requestId, at: now });
    });
    throw new AppError('invalid-credentials');
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ctx.config.sessionTtlHours * 3_600_000);
  await inTx(ctx.db, async (tx) => {
    await store.resetFailedLogins(tx, user.id);
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
  return { userId: row.id, kind: row.kind, username: row.username, fullName: row.full_name, agencyId: row.agency_id, roles: row.roles };
}

function toPrincipal(u: store.UserRow): Principal {
  return { userId: u.id, kind: u.kind, username: u.username, fullName: u.full_name, agencyId: u.agency_id, roles: u.roles };
}

/** The account of a citizen by personal ID number, if they have one. */
export async function citizenIdOf(db: Db, idNumber: string): Promise<string | null> {
  const u = await store.findUserByUsername(db, idNumber);
  return u && u.kind === 'citizen' ? u.id : null;
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

/** The id of the account with this username (of this kind, when given), or null. */
export async function userIdByUsername(db: Executor, username: string, kind?: 'citizen' | 'officer'): Promise<string | null> {
  const u = await store.findUserByUsername(db, username);
  return u && (!kind || u.kind === kind) ? u.id : null;
}

/** What other modules may know of an account: name, username, roles and agency. */
export async function userProfile(db: Executor, id: string): Promise<{ id: string; username: string; fullName: string; roles: Role[]; agencyId: string | null } | undefined> {
  const u = await store.findUserById(db, id);
  return u && { id: u.id, username: u.username, fullName: u.full_name, roles: u.roles, agencyId: u.agency_id };
}
