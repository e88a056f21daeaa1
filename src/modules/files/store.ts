/** SQL for the files table. */
import type { Executor } from '../../db/index.ts';

export type MediaType = 'application/pdf' | 'image/jpeg' | 'image/png';

export interface FileTables {
  files: { id: string; owner_id: string; sha256: string; size: number; media_type: MediaType; name: string | null; created_at: Date };
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
