/** SQL for the identity tables (users, sessions) and nothing else. */
import type { Generated } from 'kysely';
import { PREPARED, type Executor } from '../../db/index.ts';
import type { Role } from '../../platform/auth.ts';

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
    failed_logins: Generated<number>;
    locked_until: Date | null;
    disabled: Generated<boolean>;
    created_at: Generated<Date>;
  };
  sessions: { token_hash: Uint8Array; user_id: string; created_at: Date; expires_at: Date };
}

export type UserRow = IdentityTables['users'] extends infer U ? { [K in keyof U]: U[K] extends Generated<infer T> ? T : U[K] } : never;

export function findUserByUsername(db: Executor, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst() as Promise<UserRow | undefined>;
}

export function findUserById(db: Executor, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst() as Promise<UserRow | undefined>;
}

export async function insertUser(db: Executor, u: Omit<UserRow, 'failed_logins' | 'locked_until' | 'disabled' | 'created_at'>) {
  await db.insertInto('users').values({ ...u, locked_until: null }).execute();
}

export async function recordFailedLogin(db: Executor, userId: string, lockAfter: number, lockUntil: Date) {
  await db.updateTable('users')
    .set((eb) => ({
      failed_logins: eb('failed_logins', '+', 1),
      locked_until: eb.case().when('failed_logins', '>=', lockAfter - 1).then(lockUntil).else(eb.ref('locked_until')).end(),
    }))
    .where('id', '=', userId)
    .execute();
}

export async function resetFailedLogins(db: Executor, userId: string) {
  await db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', userId).execute();
}

export async function insertSession(db: Executor, s: IdentityTables['sessions']) {
  await db.insertInto('sessions').values(s).execute();
}

/** Read on every authenticated request: a prepared statement on PostgreSQL. */
export function findSession(db: Executor, tokenHash: Buffer, now: Date) {
  return db.selectFrom('sessions').modifyFront(PREPARED)
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.expires_at', 'users.id', 'users.kind', 'users.username', 'users.full_name', 'users.agency_id', 'users.roles', 'users.disabled'])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', now)
    .executeTakeFirst();
}

export async function deleteSession(db: Executor, tokenHash: Buffer) {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}
