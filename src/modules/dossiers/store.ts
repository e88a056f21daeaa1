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

/**
 * Online intake in one statement (one round trip inside the intake transaction): claim the
 * idempotency key, take the next number of the desk's daily sequence, insert the dossier with its
 * code `<codePrefix><NNNN>`, its files and its first history row. Returns the code, or null when the
 * key was already claimed — nothing is inserted then and the sequence is not advanced.
 */
export async function insertOnlineIntake(db: Executor, ...args: Parameters<typeof onlineIntakeStatement>): Promise<string | null> {
  const r = await onlineIntakeStatement(...args).execute(db);
  return r.rows[0]?.code ?? null;
}

/** The statement itself (the intake benchmark runs the same SQL straight through the pg driver). */
export function onlineIntakeStatement(
  key: Omit<DossierTables['idempotency_keys'], 'dossier_id'>,
  d: Omit<DossierInsert, 'code'>,
  codePrefix: string,
  day: string,
  files: { componentCode: string; fileId: string }[],
  h: HistoryRow,
) {
  return sql<{ code: string }>`
    with claim as (
      insert into idempotency_keys (owner_id, key, request_hash, dossier_id, created_at)
      values (${key.owner_id}, ${key.key}, ${key.request_hash}, ${d.id}, ${key.created_at})
      on conflict (owner_id, key) do nothing
      returning dossier_id
    ), seq as (
      insert into dossier_sequences (agency_id, day, last)
      select ${d.desk_agency_id}, ${day}::date, 1 from claim
      on conflict (agency_id, day) do update set last = dossier_sequences.last + 1
      returning last
    ), dossier as (
      insert into dossiers (id, code, procedure_code, procedure_version, desk_agency_id, handling_agency_id, commune_code,
        applicant_id, applicant_id_number, applicant_name, channel, status, form_data, submitted_at, received_at, due_at,
        version, updated_at)
      select ${d.id}, ${codePrefix} || lpad(last::text, greatest(4, length(last::text)), '0'), ${d.procedure_code},
        ${d.procedure_version}, ${d.desk_agency_id}, ${d.handling_agency_id}, ${d.commune_code}, ${d.applicant_id},
        ${d.applicant_id_number}, ${d.applicant_name}, ${d.channel}, ${d.status}, ${d.form_data}::jsonb, ${d.submitted_at},
        ${d.received_at}, ${d.due_at}, ${d.version}, ${d.updated_at}
      from seq
      returning id, code
    ), attached as (
      insert into dossier_files (dossier_id, component_code, file_id)
      select dossier.id, f.component_code, f.file_id
      from dossier, unnest(${files.map((f) => f.componentCode)}::text[], ${files.map((f) => f.fileId)}::uuid[]) as f (component_code, file_id)
    ), history as (
      insert into dossier_history (dossier_id, seq, occurred_at, actor_id, actor_name, actor_title, unit_name, action, note,
        status, step_started_at, step_due_at)
      select dossier.id, ${h.seq}, ${h.occurred_at}, ${h.actor_id}, ${h.actor_name}, ${h.actor_title}, ${h.unit_name},
        ${h.action}, ${h.note}, ${h.status}, ${h.step_started_at}, ${h.step_due_at}
      from dossier
    )
    select code from dossier`;
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
