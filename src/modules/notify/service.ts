/**
 * Notifications: in-app messages to applicants at every status change and to leaders when a step is
 * late. Written in the caller's transaction; e-mail and SMS will be further channels of the same
 * rows, sent by a delivery job (`channel`, `delivered_at`).
 */
import type { ColumnType, Generated } from 'kysely';
import type { Executor } from '../../db/index.ts';
import { insertIf } from '../../db/statement.ts';

export interface NotifyTables {
  notifications: {
    id: Generated<number>;
    user_id: string;
    dossier_id: string | null;
    kind: string;
    channel: Generated<'in_app' | 'email' | 'sms'>;
    title_vi: string;
    title_en: string;
    body_vi: string;
    body_en: string;
    created_at: Date;
    delivered_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
    read_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  };
}

export interface Message {
  userId: string;
  dossierId: string | null;
  kind: string;
  title: { vi: string; en: string };
  body: { vi: string; en: string };
  at: Date;
}

function rowOf(m: Message) {
  return {
    user_id: m.userId, dossier_id: m.dossierId, kind: m.kind, title_vi: m.title.vi, title_en: m.title.en,
    body_vi: m.body.vi, body_en: m.body.en, created_at: m.at, delivered_at: m.at,
  };
}

/** The insert of the messages (null for none). */
export function notifyQuery(tx: Executor, messages: Message[]) {
  return messages.length ? tx.insertInto('notifications').values(messages.map(rowOf)) : null;
}

/** The insert of one message, to put in a statement after the CTE `gate` (see `insertIf`). */
export function notifyIfQuery(tx: Executor, message: Message, gate: string) {
  return insertIf(tx, 'notifications', rowOf(message), gate);
}

export async function notify(tx: Executor, messages: Message[]): Promise<void> {
  await notifyQuery(tx, messages)?.execute();
}

export async function listFor(db: Executor, userId: string, limit: number) {
  const [items, unread] = await Promise.all([
    db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('id', 'desc').limit(limit).execute(),
    db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirstOrThrow(),
  ]);
  return { items, unread: Number(unread.n) };
}

/** Marks one of the user's notifications read; false when it is not theirs. */
export async function markRead(db: Executor, userId: string, id: number, at: Date): Promise<boolean> {
  const r = await db.updateTable('notifications').set({ read_at: at }).where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
