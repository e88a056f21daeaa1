/**
 * The write of one lifecycle action as a single SQL statement: the version-checked update of the
 * dossier (`moved`), then — only if it matched — its history row, its outbox event, the applicant's
 * notification and the audit entry. Outside a transaction the statement is its own: all or nothing,
 * one round trip, and the audit chain's head is held only while it runs. A stale version writes
 * nothing and returns no row.
 */
import { sql } from 'kysely';
import { PREPARED, type Executor } from '../../db/index.ts';
import { withCtes } from '../../db/statement.ts';
import { auditCtes, type AuditEntry } from '../../platform/audit.ts';
import { emitQuery, type Emission } from '../../platform/outbox.ts';
import { notifyIfQuery, type Message } from '../notify/index.ts';
import type { HistoryRowShape, StateColumns } from './lifecycle-columns.ts';
import type { DossierActionPayload } from './events.ts';
import * as store from './store.ts';

export interface ActionWrite {
  dossierId: string;
  expectedVersion: number;
  columns: StateColumns;
  now: Date;
  /** The process snapshot, when the dossier starts keeping one. */
  process?: { definition: string; version: number };
  history: HistoryRowShape;
  event: Emission<DossierActionPayload>;
  notice: Message | null;
  audit: AuditEntry;
}

const MOVED = 'moved';

export function actionStatement(db: Executor, w: ActionWrite) {
  return withCtes<store.DossierRow>([
    { name: MOVED, query: store.updateStateQuery(db, w.dossierId, w.expectedVersion, w.columns, w.now, w.process) },
    { name: 'history', query: store.insertHistoryQuery(db, w.dossierId, w.history, MOVED) },
    { name: 'event', query: emitQuery(db, w.event.topic, w.event, MOVED) },
    ...(w.notice ? [{ name: 'notice', query: notifyIfQuery(db, w.notice, MOVED) }] : []),
    ...auditCtes(w.audit, MOVED),
  ], sql`select * from ${sql.id(MOVED)}`, PREPARED);
}

/** Performs the write; the stored dossier, or undefined when its version had moved on. */
export async function writeAction(db: Executor, w: ActionWrite): Promise<store.DossierRow | undefined> {
  return (await actionStatement(db, w).execute(db)).rows[0];
}
