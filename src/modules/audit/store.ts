/** SQL for the audit module's table: audit_checkpoints (014_audit_checkpoints.sql). */
import type { Kysely } from 'kysely';
import type { Executor } from '../../db/index.ts';
import type { DB } from '../../db/types.ts';

export type AuditTables = {
  audit_checkpoints: { id: string; taken_at: Date; payload: string; cms: Uint8Array; timestamped: boolean };
};

export type CheckpointRow = AuditTables['audit_checkpoints'];

function t(db: Executor): Kysely<DB & AuditTables> {
  return (db as Kysely<DB>).withTables<AuditTables>();
}

export async function insertCheckpoint(db: Executor, row: CheckpointRow): Promise<void> {
  await t(db).insertInto('audit_checkpoints').values(row).execute();
}

export function allCheckpoints(db: Executor): Promise<CheckpointRow[]> {
  return t(db).selectFrom('audit_checkpoints').selectAll().orderBy('taken_at').execute();
}
