/** SQL for the dossier tables: dossiers, dossier_files, dossier_history, dossier_sequences, idempotency_keys. */
import { sql, type ColumnType } from 'kysely';
import type { Executor } from '../../db/index.ts';

export interface DossierTables {
  dossiers: {
    id: string;
    code: string;
    procedure_code: string;
    procedure_version: number;
    desk_agency_id: string;
    handling_agency_id: string;
    commune_code: string | null;
    applicant_id: string | null;
    applicant_id_number: string;
    applicant_name: string;
    channel: number;
    status: number;
    form_data: ColumnType<Record<string, unknown>, string, string>;
    submitted_at: Date;
    received_at: Date | null;
    due_at: Date | null;
    version: number;
    updated_at: Date;
  };
  dossier_files: { dossier_id: string; component_code: string; file_id: string };
  dossier_history: {
    dossier_id: string;
    seq: number;
    occurred_at: Date;
    actor_id: string | null;
    actor_name: string;
    actor_title: string | null;
    unit_name: string | null;
    action: string;
    note: string | null;
    status: number;
    step_started_at: Date | null;
    step_due_at: Date | null;
  };
  dossier_sequences: { agency_id: string; day: string; last: number };
  idempotency_keys: { owner_id: string; key: string; request_hash: string; dossier_id: string; created_at: Date };
}

export type DossierRow = Omit<DossierTables['dossiers'], 'form_data'> & { form_data: Record<string, unknown> };
type DossierInsert = Omit<DossierTables['dossiers'], 'form_data'> & { form_data: string };
export type HistoryRow = DossierTables['dossier_history'];

/** Claims an idempotency key; false when it is already taken (waits for a concurrent holder to finish). */
export async function claimIdempotencyKey(db: Executor, row: DossierTables['idempotency_keys']): Promise<boolean> {
  const r = await db.insertInto('idempotency_keys').values(row).onConflict((oc) => oc.columns(['owner_id', 'key']).doNothing())
    .returning('key').executeTakeFirst();
  return r !== undefined;
}

export function findIdempotencyKey(db: Executor, ownerId: string, key: string) {
  return db.selectFrom('idempotency_keys').selectAll().where('owner_id', '=', ownerId).where('key', '=', key).executeTakeFirst();
}

/** Next number of the agency's daily sequence; the row stays locked until the transaction ends. */
export async function nextSequence(db: Executor, agencyId: string, day: string): Promise<number> {
  const r = await sql<{ last: number }>`
    insert into dossier_sequences (agency_id, day, last) values (${agencyId}, ${day}::date, 1)
    on conflict (agency_id, day) do update set last = dossier_sequences.last + 1
    returning last`.execute(db);
  return r.rows[0]!.last;
}

export async function insertDossier(db: Executor, d: DossierInsert) {
  await db.insertInto('dossiers').values(d).execute();
}

export async function insertFiles(db: Executor, rows: DossierTables['dossier_files'][]) {
  if (rows.length) await db.insertInto('dossier_files').values(rows).execute();
}

export async function insertHistory(db: Executor, row: HistoryRow) {
  await db.insertInto('dossier_history').values(row).execute();
}

export function getById(db: Executor, id: string) {
  return db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirst() as Promise<DossierRow | undefined>;
}

export function getByCode(db: Executor, code: string) {
  return db.selectFrom('dossiers').selectAll().where('code', '=', code).executeTakeFirst() as Promise<DossierRow | undefined>;
}

export function filesOf(db: Executor, dossierId: string) {
  return db.selectFrom('dossier_files').innerJoin('files', 'files.id', 'dossier_files.file_id')
    .select(['dossier_files.component_code', 'files.id', 'files.sha256', 'files.size', 'files.media_type', 'files.name'])
    .where('dossier_files.dossier_id', '=', dossierId).orderBy('dossier_files.component_code').execute();
}

export function historyOf(db: Executor, dossierId: string) {
  return db.selectFrom('dossier_history').selectAll().where('dossier_id', '=', dossierId).orderBy('seq').execute();
}

export interface ListFilter {
  applicantId?: string;
  agencyId?: string;
  limit: number;
  after?: { submittedAt: Date; id: string };
}

/** Newest first, keyset-paginated on (submitted_at, id). */
export function list(db: Executor, f: ListFilter) {
  let q = db.selectFrom('dossiers')
    .select(['id', 'code', 'procedure_code', 'procedure_version', 'status', 'channel', 'submitted_at', 'received_at', 'due_at', 'handling_agency_id', 'desk_agency_id', 'version']);
  if (f.applicantId) q = q.where('applicant_id', '=', f.applicantId);
  if (f.agencyId) q = q.where((eb) => eb.or([eb('handling_agency_id', '=', f.agencyId!), eb('desk_agency_id', '=', f.agencyId!)]));
  if (f.after) {
    const { submittedAt, id } = f.after;
    q = q.where((eb) => eb.or([eb('submitted_at', '<', submittedAt), eb.and([eb('submitted_at', '=', submittedAt), eb('id', '<', id)])]));
  }
  return q.orderBy('submitted_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
}
