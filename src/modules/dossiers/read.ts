/** Reading dossiers for other modules: a dossier, its processing history as events, its files, codes by id. */
import type { Executor } from '../../db/index.ts';
import { rowToEvent } from './lifecycle-columns.ts';
import type { HistoryEvent } from './lifecycle-state.ts';
import * as store from './store.ts';

export const dossierById = store.getById;
export const dossierByCode = store.getByCode;
export const dossierFiles = store.filesOf;

/** A dossier's processing history, oldest first. */
export async function dossierHistory(db: Executor, dossierId: string): Promise<HistoryEvent[]> {
  return (await store.historyOf(db, dossierId)).map(rowToEvent);
}

/** The code and procedure of each of these dossiers, by id. */
export async function dossierRefs(db: Executor, ids: readonly string[]): Promise<Map<string, { code: string; procedureCode: string }>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('dossiers').select(['id', 'code', 'procedure_code']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, { code: r.code, procedureCode: r.procedure_code }]));
}
