/** Reads of the catalogue tables for other modules (names, agencies, communes, current procedures), in a stable order. */
import { sql } from 'kysely';
import type { Executor } from '../../db/index.ts';
import type { Procedure } from './model.ts';

export function allAgencies(db: Executor) {
  return db.selectFrom('agencies').select(['id', 'name', 'name_en', 'kind', 'unit_code']).orderBy('id').execute();
}

/** Whether the agency exists, read now (not from the reference cache). */
export async function agencyExists(db: Executor, id: string): Promise<boolean> {
  return Boolean(await db.selectFrom('agencies').select('id').where('id', '=', id).executeTakeFirst());
}

export function allAdminUnits(db: Executor) {
  return db.selectFrom('admin_units').select(['code', 'name', 'type']).orderBy('code').execute();
}

/** The current version of every procedure, by code. */
export async function currentProcedures(db: Executor): Promise<{ data: Procedure; version: number }[]> {
  return (await sql<{ data: Procedure; version: number }>`select data, version from procedures where is_current order by code`.execute(db)).rows;
}
