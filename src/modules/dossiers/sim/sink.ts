/**
 * Where generated dossiers go. PostgreSQL: COPY … FROM STDIN (pg-copy-streams) on one connection, one
 * transaction per batch of 10,000 dossiers: a single hour-long write transaction would hold back the
 * outbox consumers of every database on the server (their horizon is the oldest running transaction).
 * PGlite: batched multi-row INSERT statements, one transaction per batch (PGlite's COPY FROM
 * '/dev/blob' needs the PGlite handle, which the database layer does not expose; PGlite is for demos
 * of up to a few hundred thousand dossiers anyway). A failed run leaves the batches before the failure.
 */
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { sql } from 'kysely';
import { inTx, type Database } from '../../../db/index.ts';
import type { GeneratedDossier } from './dossier.ts';

type Row = GeneratedDossier & { code: string };

const DOSSIER_COLUMNS = ['id', 'code', 'procedure_code', 'procedure_version', 'desk_agency_id', 'handling_agency_id', 'commune_code', 'applicant_id',
  'applicant_id_number', 'applicant_name', 'channel', 'status', 'form_data', 'submitted_at', 'received_at', 'due_at', 'version', 'updated_at',
  'process', 'process_version', 'assignee_agency_id', 'assignee_role', 'step_due_at', 'paused_at', 'rescheduled', 'result_at', 'rating'] as const;
const HISTORY_COLUMNS = ['dossier_id', 'seq', 'occurred_at', 'actor_id', 'actor_name', 'actor_title', 'unit_name', 'action', 'note', 'status',
  'step_started_at', 'step_due_at', 'step_id', 'step_index', 'assignee_agency_id', 'due_at', 'data'] as const;

function dossierValues(d: Row): unknown[] {
  const c = d.columns;
  return [d.id, d.code, d.procedureCode, d.procedureVersion, d.deskId, d.handlingId, d.communeCode, null, d.applicantIdNumber, d.applicantName,
    d.channel, c.status, JSON.stringify({ communeCode: d.communeCode }), d.submittedAt, c.received_at, c.due_at, c.version, d.updatedAt,
    null, 0, c.assignee_agency_id, c.assignee_role, c.step_due_at, c.paused_at, c.rescheduled, c.result_at, c.rating];
}

function historyValues(d: Row): unknown[][] {
  return d.history.map((h) => [d.id, h.seq, h.occurred_at, h.actor_id, h.actor_name, h.actor_title, h.unit_name, h.action, h.note, h.status,
    h.step_started_at, h.step_due_at, h.step_id, h.step_index, h.assignee_agency_id, h.due_at, h.data === null ? null : JSON.stringify(h.data)]);
}

/** One value in COPY text format. */
function copyText(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'boolean') return v ? 't' : 'f';
  return String(v).replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}
const copyLines = (rows: unknown[][]) => rows.map((r) => r.map(copyText).join('\t')).join('\n') + '\n';

export interface Sink {
  method: 'copy' | 'insert';
  batchSize: number;
  write(rows: Row[]): Promise<void>;
  sequences(rows: { agency: string; day: string; last: number }[]): Promise<void>;
  finish(): Promise<void>;
  abort(): Promise<void>;
}

const UPSERT_SEQUENCES = `insert into dossier_sequences (agency_id, day, last)
  select * from unnest($1::text[], $2::date[], $3::int[])
  on conflict (agency_id, day) do update set last = greatest(dossier_sequences.last, excluded.last)`;

export async function openSink(database: Database, databaseUrl: string | null): Promise<Sink> {
  if (database.kind === 'postgres' && databaseUrl) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const copy = async (table: string, columns: readonly string[], rows: unknown[][]) => {
      if (!rows.length) return;
      const stream = client.query(copyStreams.from(`copy ${table} (${columns.join(', ')}) from stdin`));
      await pipeline(Readable.from([copyLines(rows)]), stream);
    };
    return {
      method: 'copy',
      batchSize: 10_000,
      async write(rows) {
        await client.query('begin');
        await copy('dossiers', DOSSIER_COLUMNS, rows.map(dossierValues));
        await copy('dossier_history', HISTORY_COLUMNS, rows.flatMap(historyValues));
        await client.query('commit');
      },
      async sequences(rows) {
        await client.query(UPSERT_SEQUENCES, [rows.map((r) => r.agency), rows.map((r) => r.day), rows.map((r) => r.last)]);
      },
      async finish() {
        // Statistics for the planner, and the visibility map for index-only scans (overdue dossiers).
        await client.query('vacuum (analyze) dossiers, dossier_history');
        await client.end();
      },
      async abort() {
        await client.query('rollback').catch(() => undefined);
        await client.end();
      },
    };
  }
  const { db } = database;
  const insert = (table: string, columns: readonly string[], rows: unknown[][]) =>
    sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) values ${sql.join(rows.map((r) => sql`(${sql.join(r)})`))}`;
  return {
    method: 'insert',
    batchSize: 500,
    async write(rows) {
      if (!rows.length) return;
      await inTx(db, async (tx) => {
        await insert('dossiers', DOSSIER_COLUMNS, rows.map(dossierValues)).execute(tx);
        const history = rows.flatMap(historyValues);
        for (let i = 0; i < history.length; i += 1500) await insert('dossier_history', HISTORY_COLUMNS, history.slice(i, i + 1500)).execute(tx);
      });
    },
    async sequences(rows) {
      for (let i = 0; i < rows.length; i += 1000) {
        const part = rows.slice(i, i + 1000);
        await sql`insert into dossier_sequences (agency_id, day, last) values ${sql.join(part.map((r) => sql`(${r.agency}, ${r.day}::date, ${r.last})`))}
          on conflict (agency_id, day) do update set last = greatest(dossier_sequences.last, excluded.last)`.execute(db);
      }
    },
    finish: async () => undefined,
    abort: async () => undefined,
  };
}
