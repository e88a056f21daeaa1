/**
 * Transactional outbox: events are written in the same transaction as the state change they describe.
 * Consumers (IOC rollups, notifications, national sync) read them in id order and are idempotent.
 */
import type { Executor } from '../db/index.ts';
import { insertIf } from '../db/statement.ts';

export interface DomainEvent {
  topic: string; // e.g. "dossier.submitted"
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  at: Date;
}

/** The insert of the event, to execute or to put in a statement; `onlyIf`: see `insertIf`. */
export function emitQuery(tx: Executor, e: DomainEvent, onlyIf?: string) {
  const row = {
    topic: e.topic,
    aggregate_type: e.aggregateType,
    aggregate_id: e.aggregateId,
    payload: JSON.stringify(e.payload),
    occurred_at: e.at,
    published_at: null,
  };
  return onlyIf ? insertIf(tx, 'outbox', row, onlyIf) : tx.insertInto('outbox').values(row);
}

export async function emit(tx: Executor, e: DomainEvent): Promise<void> {
  await emitQuery(tx, e).execute();
}
