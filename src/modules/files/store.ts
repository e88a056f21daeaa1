/** SQL for the files table. */
import { sql } from 'kysely';
import type { Executor } from '../../db/index.ts';

export type MediaType = 'application/pdf' | 'image/jpeg' | 'image/png';

export interface FileTables {
  files: {
    id: string; owner_id: string; sha256: string; size: number; media_type: MediaType; name: string | null; created_at: Date;
    /** When first attached to a dossier or filed in the personal store; null: an upload not (yet) used. */
    attached_at: Date | null;
    /** Pages, counted at upload (null: before the count was kept, or not countable). */
    page_count: number | null;
  };
}

export type FileRow = FileTables['files'];

export async function insertFile(db: Executor, f: FileRow) {
  await db.insertInto('files').values(f).execute();
}

export function getFile(db: Executor, id: string) {
  return db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
}

export function getFiles(db: Executor, ids: string[]) {
  if (!ids.length) return Promise.resolve([] as FileRow[]);
  return db.selectFrom('files').selectAll().where('id', 'in', ids).execute();
}

/** Marks files as attached (the first attachment counts); returns the ids that still exist. */
export async function markAttached(db: Executor, ids: string[], at: Date): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db.updateTable('files').set({ attached_at: sql`coalesce(attached_at, ${at})` }).where('id', 'in', ids).returning('id').execute();
  return rows.map((r) => r.id);
}

/** Bytes an owner keeps: every upload, or only those not attached yet. */
export async function usage(db: Executor, ownerId: string, onlyUnattached: boolean): Promise<number> {
  let q = db.selectFrom('files').select(sql<string>`coalesce(sum(size), 0)`.as('bytes')).where('owner_id', '=', ownerId);
  if (onlyUnattached) q = q.where('attached_at', 'is', null);
  return Number((await q.executeTakeFirstOrThrow()).bytes);
}

/** Serialises the uploads of one owner (the quota check) for the rest of the transaction. */
export async function lockOwner(tx: Executor, ownerId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(727281, hashtext(${ownerId}))`.execute(tx);
}

/** Serialises whatever stores or deletes the blob of this hash for the rest of the transaction. */
export async function lockBlob(tx: Executor, sha256: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(727282, hashtext(${sha256}))`.execute(tx);
}

/** Uploads never attached and created before `cutoff`, oldest first. */
export async function orphanIds(db: Executor, cutoff: Date, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('files').select('id').where('attached_at', 'is', null).where('created_at', '<', cutoff).orderBy('created_at').limit(limit).execute();
  return rows.map((r) => r.id);
}

/** Deletes one upload if it is still never attached (a concurrent attachment wins: its row lock is waited for and re-checked). */
export function deleteOrphan(tx: Executor, id: string, cutoff: Date) {
  return tx.deleteFrom('files').where('id', '=', id).where('attached_at', 'is', null).where('created_at', '<', cutoff)
    .returning(['id', 'owner_id', 'sha256', 'size']).executeTakeFirst();
}

export async function shaReferenced(db: Executor, sha256: string): Promise<boolean> {
  return Boolean(await db.selectFrom('files').select('id').where('sha256', '=', sha256).limit(1).executeTakeFirst());
}
