/** SQL for the dossier tables: dossiers, dossier_files, dossier_history, dossier_sequences, idempotency_keys. */
import { sql, type ColumnType, type Insertable } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { insertIf } from '../../db/statement.ts';
import { PREPARED, type Executor } from '../../db/index.ts';
import type { ProcessDefinition } from './workflow.ts';
import type { HistoryRowShape, StateColumns } from './lifecycle-columns.ts';

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
    process: ColumnType<ProcessDefinition | null, string | null, string | null>;
    process_version: number;
    assignee_agency_id: string | null;
    assignee_role: string | null;
    step_due_at: Date | null;
    paused_at: Date | null;
    rescheduled: boolean;
    result_at: Date | null;
    rating: string | null;
  };
  /** The attached upload's facts are copied from it (uploads are immutable). */
  dossier_files: { dossier_id: string; component_code: string; file_id: string; sha256: string; size: number; media_type: string; name: string | null; pages: ColumnType<number | null, number | null | undefined, number | null> };
  /** The components checklist of a counter dossier: each component received, in which form, how many copies. */
  dossier_components: { dossier_id: string; component_code: string; form: 'original' | 'copy' | 'certified_copy'; copies: number };
  /** Processing history (QuaTrinhXuLy); the row shape is the lifecycle's (lifecycle-columns.ts). */
  dossier_history: Omit<HistoryRowShape, 'data'> & {
    dossier_id: string;
    data: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  };
  procedure_processes: {
    procedure_code: string;
    version: number;
    definition: ColumnType<ProcessDefinition, string, string>;
    created_by: string | null;
    created_at: Date;
  };
  step_escalations: { dossier_id: string; step_started_at: Date; step_id: string; agency_id: string; escalated_at: Date };
  dossier_sequences: { agency_id: string; day: string; last: number };
  idempotency_keys: { owner_id: string; key: string; request_hash: string; dossier_id: string; created_at: Date };
}

/**
 * Every column of `dossiers`, named: the prepared statements list them instead of `*`, so a column added
 * by a later migration does not change their result type under a running node ("cached plan must not
 * change result type"). The compiler checks the list is complete.
 */
const DOSSIER_COLUMNS = [
  'id', 'code', 'procedure_code', 'procedure_version', 'desk_agency_id', 'handling_agency_id', 'commune_code', 'applicant_id',
  'applicant_id_number', 'applicant_name', 'channel', 'status', 'form_data', 'submitted_at', 'received_at', 'due_at', 'version',
  'updated_at', 'process', 'process_version', 'assignee_agency_id', 'assignee_role', 'step_due_at', 'paused_at', 'rescheduled',
  'result_at', 'rating',
] as const satisfies readonly (keyof DossierTables['dossiers'])[];
type Unlisted = Exclude<keyof DossierTables['dossiers'], (typeof DOSSIER_COLUMNS)[number]>;
const everyColumnListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyColumnListed;

type Selected<T> = { [K in keyof T]: T[K] extends ColumnType<infer S, unknown, unknown> ? S : T[K] };
export type DossierRow = Selected<DossierTables['dossiers']> & { form_data: Record<string, unknown> };
type DossierInsert = Omit<DossierTables['dossiers'], 'form_data' | 'process'> & { form_data: string; process: string | null };
export type HistoryRow = Selected<DossierTables['dossier_history']>;

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
 * Intake in one statement (one round trip inside the intake transaction): claim the
 * idempotency key, take the next number of the desk's daily sequence, insert the dossier with its
 * code `<codePrefix><NNNN>`, its files and its first history row. Returns the code, or null when the
 * key was already claimed — nothing is inserted then and the sequence is not advanced.
 */
export async function insertIntake(db: Executor, ...args: Parameters<typeof intakeStatement>): Promise<string | null> {
  const r = await intakeStatement(...args).execute(db);
  return r.rows[0]?.code ?? null;
}

/** A file attached to a dossier, with the facts of its upload. */
export interface AttachedUpload {
  componentCode: string;
  fileId: string;
  sha256: string;
  size: number;
  mediaType: string;
  name: string | null;
  /** Pages of a scan received at the counter (null: not counted). */
  pages?: number | null;
}

/** The statement itself (the intake benchmark runs the same SQL straight through the pg driver). */
export function intakeStatement(
  key: Omit<DossierTables['idempotency_keys'], 'dossier_id'>,
  d: Omit<DossierInsert, 'code'>,
  codePrefix: string,
  day: string,
  files: AttachedUpload[],
  h: HistoryRowShape,
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
        version, updated_at, process, process_version, assignee_agency_id, assignee_role, step_due_at, paused_at,
        rescheduled, result_at, rating)
      select ${d.id}, ${codePrefix} || lpad(last::text, greatest(4, length(last::text)), '0'), ${d.procedure_code},
        ${d.procedure_version}, ${d.desk_agency_id}, ${d.handling_agency_id}, ${d.commune_code}, ${d.applicant_id},
        ${d.applicant_id_number}, ${d.applicant_name}, ${d.channel}, ${d.status}, ${d.form_data}::jsonb, ${d.submitted_at},
        ${d.received_at}, ${d.due_at}, ${d.version}, ${d.updated_at}, ${d.process}::jsonb, ${d.process_version},
        ${d.assignee_agency_id}, ${d.assignee_role}, ${d.step_due_at}, ${d.paused_at}, ${d.rescheduled}, ${d.result_at}, ${d.rating}
      from seq
      returning id, code
    ), attached as (
      insert into dossier_files (dossier_id, component_code, file_id, sha256, size, media_type, name, pages)
      select dossier.id, f.component_code, f.file_id, f.sha256, f.size, f.media_type, f.name, f.pages
      from dossier, unnest(${files.map((f) => f.componentCode)}::text[], ${files.map((f) => f.fileId)}::uuid[],
        ${files.map((f) => f.sha256)}::text[], ${files.map((f) => f.size)}::bigint[], ${files.map((f) => f.mediaType)}::text[],
        ${files.map((f) => f.name)}::text[], ${files.map((f) => f.pages ?? null)}::integer[]) as f (component_code, file_id, sha256, size, media_type, name, pages)
    ), history as (
      insert into dossier_history (dossier_id, seq, occurred_at, actor_id, actor_name, actor_title, unit_name, action, note,
        status, step_started_at, step_due_at, step_id, step_index, assignee_agency_id, due_at, data)
      select dossier.id, ${h.seq}, ${h.occurred_at}, ${h.actor_id}, ${h.actor_name}, ${h.actor_title}, ${h.unit_name},
        ${h.action}, ${h.note}, ${h.status}, ${h.step_started_at}, ${h.step_due_at}, ${h.step_id}, ${h.step_index},
        ${h.assignee_agency_id}, ${h.due_at}, ${h.data === null ? null : JSON.stringify(h.data)}::jsonb
      from dossier
    )
    select code from dossier`;
}

export async function addFiles(db: Executor, rows: Insertable<DossierTables['dossier_files']>[]) {
  if (rows.length) await db.insertInto('dossier_files').values(rows).onConflict((oc) => oc.doNothing()).execute();
}

/** The insert of a history row, to execute or to put in a statement; `onlyIf`: see `insertIf`. */
export function insertHistoryQuery(db: Executor, dossierId: string, row: HistoryRowShape, onlyIf?: string) {
  const values = { ...row, dossier_id: dossierId, data: row.data === null ? null : JSON.stringify(row.data) };
  return onlyIf ? insertIf(db, 'dossier_history', values, onlyIf) : db.insertInto('dossier_history').values(values);
}

export async function insertHistory(db: Executor, dossierId: string, row: HistoryRowShape) {
  await insertHistoryQuery(db, dossierId, row).execute();
}

/**
 * The new state columns, stored only if the dossier is still at `expectedVersion` (optimistic
 * concurrency: of two officers acting on the same version, exactly one gets the row back).
 */
export function updateStateQuery(db: Executor, id: string, expectedVersion: number, cols: StateColumns, now: Date, process?: { definition: string; version: number }) {
  return db.updateTable('dossiers')
    .set({ ...cols, updated_at: now, ...(process ? { process: process.definition, process_version: process.version } : {}) })
    .where('id', '=', id).where('version', '=', expectedVersion)
    .returning(DOSSIER_COLUMNS);
}

export type FileRow = Awaited<ReturnType<typeof filesOf>>[number];

/**
 * A dossier with its processing history and its files in one round trip (what an action reads):
 * the history and files come as JSON arrays, their timestamps revived here.
 */
export async function getWithHistory(db: Executor, code: string): Promise<{ row: DossierRow; history: HistoryRow[]; files: FileRow[] } | undefined> {
  const r = await db.selectFrom('dossiers as d').modifyFront(PREPARED).select(DOSSIER_COLUMNS.map((c) => `d.${c}` as const))
    .select((eb) => [
      jsonArrayFrom(eb.selectFrom('dossier_history as h').selectAll('h').whereRef('h.dossier_id', '=', 'd.id').orderBy('h.seq')).as('history_json'),
      jsonArrayFrom(eb.selectFrom('dossier_files as df')
        .select(['df.component_code', 'df.file_id as id', 'df.sha256', 'df.size', 'df.media_type', 'df.name', 'df.pages'])
        .whereRef('df.dossier_id', '=', 'd.id').orderBy('df.component_code')).as('files_json'),
    ])
    .where('d.code', '=', code).executeTakeFirst();
  if (!r) return undefined;
  const { history_json: history, files_json: files, ...row } = r;
  const date = (v: unknown) => (v === null ? null : new Date(v as string));
  return {
    row: row as DossierRow,
    history: history.map((h) => ({
      ...h, occurred_at: new Date(h.occurred_at), step_started_at: date(h.step_started_at), step_due_at: date(h.step_due_at), due_at: date(h.due_at),
    })),
    files,
  };
}

export function getById(db: Executor, id: string) {
  return db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirst() as Promise<DossierRow | undefined>;
}

export function getByCode(db: Executor, code: string) {
  return db.selectFrom('dossiers').selectAll().where('code', '=', code).executeTakeFirst() as Promise<DossierRow | undefined>;
}

export function filesOf(db: Executor, dossierId: string) {
  return db.selectFrom('dossier_files')
    .select(['component_code', 'file_id as id', 'sha256', 'size', 'media_type', 'name', 'pages'])
    .where('dossier_id', '=', dossierId).orderBy('component_code').execute();
}

export function componentsOf(db: Executor, dossierId: string) {
  return db.selectFrom('dossier_components').select(['component_code', 'form', 'copies'])
    .where('dossier_id', '=', dossierId).orderBy('component_code').execute();
}

export async function addComponents(db: Executor, rows: DossierTables['dossier_components'][]) {
  if (rows.length) await db.insertInto('dossier_components').values(rows).execute();
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

export const OPEN_STATUSES = [1, 2, 4, 5, 6, 7, 9] as const;

export interface QueueFilter {
  agencyId: string;
  roles: string[];
  statuses: number[];
  procedureCode?: string;
  code?: string;
  /** due_at at or before this instant (overdue: now; nearing: one working day ahead). */
  dueBefore?: Date;
  dueAfter?: Date;
  limit: number;
  after?: { dueAt: Date | null; id: string };
}

/**
 * One page of an agency's work queue for some roles, ordered by due date (no due date last), keyset on
 * (due_at, id) so a page costs the same at any depth; served in index order by dossiers_workqueue (and
 * dossiers_workqueue_status for one status). After a cursor, the dated rows past it and then, if the
 * page is not full, the undated ones are two ordered reads: one condition with an OR between them
 * would have the database fetch the whole rest of the queue and sort it.
 */
export async function workqueue(db: Executor, f: QueueFilter) {
  const base = () => {
    let q = db.selectFrom('dossiers')
      .select(['id', 'code', 'procedure_code', 'procedure_version', 'status', 'channel', 'submitted_at', 'received_at', 'due_at', 'step_due_at', 'paused_at', 'version', 'applicant_name', 'assignee_role'])
      .where('assignee_agency_id', '=', f.agencyId)
      .where('assignee_role', 'in', f.roles)
      .where('status', 'in', f.statuses);
    if (f.procedureCode) q = q.where('procedure_code', '=', f.procedureCode);
    if (f.code) q = q.where('code', '=', f.code);
    if (f.dueBefore) q = q.where('due_at', '<=', f.dueBefore);
    if (f.dueAfter) q = q.where('due_at', '>', f.dueAfter);
    return q;
  };
  const after = f.after;
  if (!after) return base().orderBy('due_at').orderBy('id').limit(f.limit).execute();
  const undated = (afterId: string | null, limit: number) =>
    base().where('due_at', 'is', null).$if(afterId !== null, (q) => q.where('id', '>', afterId!)).orderBy('id').limit(limit).execute();
  if (after.dueAt === null) return undated(after.id, f.limit);
  const dueAt = after.dueAt;
  const dated = await base().where((eb) => eb(eb.refTuple('due_at', 'id'), '>', eb.tuple(dueAt, after.id)))
    .orderBy('due_at').orderBy('id').limit(f.limit).execute();
  return dated.length >= f.limit ? dated : [...dated, ...(await undated(null, f.limit - dated.length))];
}

export async function latestProcess(db: Executor, procedureCode: string) {
  return db.selectFrom('procedure_processes').select(['version', 'definition', 'created_at'])
    .where('procedure_code', '=', procedureCode).orderBy('version', 'desc').limit(1).executeTakeFirst();
}

export async function insertProcess(db: Executor, row: { procedure_code: string; version: number; definition: string; created_by: string | null; created_at: Date }) {
  await db.insertInto('procedure_processes').values(row).execute();
}

/** Open dossiers whose current step is past its deadline and not yet flagged for that step visit. */
export async function lateSteps(db: Executor, now: Date, limit: number) {
  const r = await sql<{ id: string; code: string; assignee_agency_id: string; step_id: string; step_started_at: Date; step_due_at: Date }>`
    select d.id, d.code, d.assignee_agency_id, h.step_id, h.step_started_at, d.step_due_at
    from dossiers d
    cross join lateral (
      select step_id, step_started_at from dossier_history where dossier_id = d.id order by seq desc limit 1
    ) h
    where d.status in (4, 6) and d.paused_at is null and d.step_due_at < ${now} and h.step_started_at is not null
      and not exists (select 1 from step_escalations e where e.dossier_id = d.id and e.step_started_at = h.step_started_at)
    order by d.step_due_at
    limit ${limit}`.execute(db);
  return r.rows;
}

export async function recordEscalation(db: Executor, row: DossierTables['step_escalations']): Promise<boolean> {
  const r = await db.insertInto('step_escalations').values(row).onConflict((oc) => oc.doNothing()).returning('dossier_id').executeTakeFirst();
  return r !== undefined;
}

/** Procedures by number of dossiers submitted since `since`, most first. */
export async function submissionsByProcedure(db: Executor, since: Date, limit: number) {
  return db.selectFrom('dossiers').select(['procedure_code', (eb) => eb.fn.countAll<number>().as('n')])
    .where('submitted_at', '>=', since).groupBy('procedure_code').orderBy('n', 'desc').orderBy('procedure_code').limit(limit).execute();
}
