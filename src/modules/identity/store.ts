/** SQL for the identity tables (users, sessions, login_attempts) and nothing else. */
import { sql, type Generated } from 'kysely';
import { PREPARED, type Executor } from '../../db/index.ts';
import type { Role } from '../../platform/auth.ts';
import type { Assurance, VerificationMethod } from './model.ts';

export interface IdentityTables {
  users: {
    id: string;
    kind: 'citizen' | 'officer';
    username: string;
    full_name: string;
    id_number: string | null;
    phone: string | null;
    password_hash: string;
    agency_id: string | null;
    roles: Role[];
    disabled: Generated<boolean>;
    created_at: Generated<Date>;
    assurance: Generated<Assurance>;
    verified_by: VerificationMethod | null;
    verified_at: Date | null;
    verified_by_user: string | null;
  };
  sessions: { token_hash: Uint8Array; user_id: string; created_at: Date; expires_at: Date };
  login_attempts: { login_hash: Uint8Array; failures: number; locked_until: Date | null; updated_at: Date };
}

export type UserRow = IdentityTables['users'] extends infer U ? { [K in keyof U]: U[K] extends Generated<infer T> ? T : U[K] } : never;
type NewUser = Omit<UserRow, 'disabled' | 'created_at' | 'assurance' | 'verified_by' | 'verified_at' | 'verified_by_user'> & { created_at?: Date };

/** An officer by username (officers' usernames are unique). */
export function findOfficer(db: Executor, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).where('kind', '=', 'officer').executeTakeFirst() as Promise<UserRow | undefined>;
}

export function findUserById(db: Executor, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst() as Promise<UserRow | undefined>;
}

export async function phoneOf(db: Executor, id: string): Promise<string | null> {
  return (await db.selectFrom('users').select('phone').where('id', '=', id).executeTakeFirst())?.phone ?? null;
}

/** The accounts a citizen's sign-in is checked against: the verified one first, then the newest basic ones. */
export function citizenCandidates(db: Executor, idNumber: string, limit: number) {
  return db.selectFrom('users').selectAll().where('kind', '=', 'citizen').where('id_number', '=', idNumber).where('disabled', '=', false)
    .orderBy(sql`assurance = 'verified'`, 'desc').orderBy('created_at', 'desc').orderBy('id').limit(limit).execute() as Promise<UserRow[]>;
}

/** Every citizen account claiming an ID number (for the officer who verifies one of them). */
export function citizensClaiming(db: Executor, idNumber: string) {
  return db.selectFrom('users').selectAll().where('kind', '=', 'citizen').where('id_number', '=', idNumber)
    .orderBy('created_at', 'desc').limit(50).execute() as Promise<UserRow[]>;
}

/** The account verified for an ID number, if any. */
export function verifiedCitizen(db: Executor, idNumber: string) {
  return db.selectFrom('users').select(['id']).where('kind', '=', 'citizen').where('id_number', '=', idNumber)
    .where('assurance', '=', 'verified').where('disabled', '=', false).executeTakeFirst();
}

export async function insertUser(db: Executor, u: NewUser) {
  await db.insertInto('users').values(u).execute();
}

/** Marks a basic citizen account verified; false when it is not a basic citizen account. */
export async function markVerified(db: Executor, id: string, method: VerificationMethod, by: string | null, at: Date): Promise<boolean> {
  const r = await db.updateTable('users').set({ assurance: 'verified', verified_by: method, verified_at: at, verified_by_user: by })
    .where('id', '=', id).where('kind', '=', 'citizen').where('assurance', '=', 'basic').where('disabled', '=', false).executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/**
 * Takes the next attempt for a sign-in name, atomically (one row, updated in one statement): while a lock
 * holds, nothing changes; after a lock has expired the count starts again at 1; otherwise it goes up by
 * one, and an attempt beyond `max` locks the name until `lockUntil` without being checked.
 */
export async function takeAttempt(db: Executor, loginHash: Buffer, now: Date, max: number, lockUntil: Date) {
  const { rows } = await sql<{ failures: number; locked_until: Date | null }>`
    insert into login_attempts as a (login_hash, failures, locked_until, updated_at) values (${loginHash}, 1, null, ${now})
    on conflict (login_hash) do update set
      failures = case
        when a.locked_until > ${now} then a.failures
        when a.locked_until is not null then 1
        else a.failures + 1 end,
      locked_until = case
        when a.locked_until > ${now} then a.locked_until
        when a.locked_until is not null then null
        when a.failures + 1 > ${max} then ${lockUntil}::timestamptz
        else null end,
      updated_at = ${now}
    returning failures, locked_until`.execute(db);
  return rows[0]!;
}

/** After a wrong password: the attempt that reached `max` failures locks the name. */
export async function lockIfExhausted(db: Executor, loginHash: Buffer, max: number, lockUntil: Date) {
  await db.updateTable('login_attempts').set({ locked_until: lockUntil })
    .where('login_hash', '=', loginHash).where('failures', '>=', max).where('locked_until', 'is', null).execute();
}

export async function clearAttempts(db: Executor, loginHash: Buffer) {
  await db.deleteFrom('login_attempts').where('login_hash', '=', loginHash).execute();
}

/** Forgets attempts older than `before` that hold no lock; returns how many. */
export async function purgeAttempts(db: Executor, before: Date): Promise<number> {
  const r = await db.deleteFrom('login_attempts').where('updated_at', '<', before)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', before)])).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function purgeSessions(db: Executor, now: Date): Promise<number> {
  const r = await db.deleteFrom('sessions').where('expires_at', '<', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function insertSession(db: Executor, s: IdentityTables['sessions']) {
  await db.insertInto('sessions').values(s).execute();
}

/** Read on every authenticated request: a prepared statement on PostgreSQL. */
export function findSession(db: Executor, tokenHash: Buffer, now: Date) {
  return db.selectFrom('sessions').modifyFront(PREPARED)
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.expires_at', 'users.id', 'users.kind', 'users.username', 'users.full_name', 'users.agency_id', 'users.roles', 'users.disabled', 'users.assurance'])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', now)
    .executeTakeFirst();
}

export async function deleteSession(db: Executor, tokenHash: Buffer) {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}
