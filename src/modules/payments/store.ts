/** SQL for the payments module's tables only (migration 035). */
import type { ColumnType, Insertable, Selectable } from 'kysely';
import type { Executor } from '../../db/index.ts';
import type { FeeItem, PaymentChannel, PaymentStatus } from './model.ts';

type Json<T> = ColumnType<T, string, string>;
export interface Payee {
  bankName: string;
  accountNumber: string;
  accountName: string;
}

export interface PaymentTables {
  payee_accounts: { agency_id: string; bank_name: string; account_number: string; account_name: string };
  payment_requests: {
    id: string;
    dossier_id: string;
    dossier_code: string;
    request_seq: number;
    applicant_id: string | null;
    agency_id: string;
    procedure_code: string;
    items: Json<FeeItem[]>;
    total_vnd: number;
    payee: Json<Payee>;
    requested_at: Date;
    due_at: Date;
    status: ColumnType<'open' | 'settled' | 'cancelled', 'open' | 'settled' | 'cancelled' | undefined>;
    settled_payment_id: string | null;
    settled_at: Date | null;
  };
  payments: {
    id: string;
    request_id: string;
    dossier_id: string;
    channel: PaymentChannel;
    amount_vnd: number;
    status: PaymentStatus;
    txn_ref: string;
    channel_txn_no: string | null;
    created_by: string | null;
    created_at: Date;
    confirmed_at: Date | null;
    finished_at: Date | null;
    excess: ColumnType<boolean, boolean | undefined, boolean>;
    failure_code: string | null;
    last_query_at: Date | null;
    receipt_document_id: ColumnType<string | null, string | null | undefined, string | null>;
    refund_reason: ColumnType<string | null, string | null | undefined, string | null>;
    refunded_by: ColumnType<string | null, string | null | undefined, string | null>;
    refunded_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
    refund_document_id: ColumnType<string | null, string | null | undefined, string | null>;
  };
}
export type RequestRow = Selectable<PaymentTables['payment_requests']>;
export type PaymentRow = Selectable<PaymentTables['payments']>;

export async function payeeOf(db: Executor, agencyId: string): Promise<Payee> {
  const rows = await db.selectFrom('payee_accounts').selectAll().where('agency_id', 'in', [agencyId, '*']).execute();
  const r = rows.find((x) => x.agency_id === agencyId) ?? rows[0];
  return r ? { bankName: r.bank_name, accountNumber: r.account_number, accountName: r.account_name } : { bankName: '', accountNumber: '', accountName: '' };
}

export async function requestBySeq(db: Executor, dossierId: string, seq: number): Promise<RequestRow | undefined> {
  return db.selectFrom('payment_requests').selectAll().where('dossier_id', '=', dossierId).where('request_seq', '=', seq).executeTakeFirst();
}

/** Inserts the request unless it exists (two readers at once make one row). */
export async function insertRequest(db: Executor, row: Insertable<PaymentTables['payment_requests']>): Promise<void> {
  await db.insertInto('payment_requests').values(row).onConflict((oc) => oc.columns(['dossier_id', 'request_seq']).doNothing()).execute();
}

export async function requestsOfDossier(db: Executor, dossierId: string): Promise<RequestRow[]> {
  return db.selectFrom('payment_requests').selectAll().where('dossier_id', '=', dossierId).orderBy('request_seq').execute();
}

export async function paymentsOfDossier(db: Executor, dossierId: string): Promise<PaymentRow[]> {
  return db.selectFrom('payments').selectAll().where('dossier_id', '=', dossierId).orderBy('created_at').orderBy('id').execute();
}

export async function insertPayment(db: Executor, row: Insertable<PaymentTables['payments']>): Promise<void> {
  await db.insertInto('payments').values(row).execute();
}

export async function paymentById(db: Executor, id: string): Promise<PaymentRow | undefined> {
  return db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function paymentByRef(db: Executor, txnRef: string): Promise<PaymentRow | undefined> {
  return db.selectFrom('payments').selectAll().where('txn_ref', '=', txnRef).executeTakeFirst();
}

/** The payment, locked for the rest of the transaction (a notification and a query racing wait for each other). */
export async function paymentByRefForUpdate(db: Executor, txnRef: string): Promise<PaymentRow | undefined> {
  return db.selectFrom('payments').selectAll().where('txn_ref', '=', txnRef).forUpdate().executeTakeFirst();
}

export async function requestById(db: Executor, id: string): Promise<RequestRow | undefined> {
  return db.selectFrom('payment_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

/** pending → final, only from pending (true when this call moved it). */
export async function finishPayment(db: Executor, id: string, to: 'confirmed' | 'failed' | 'cancelled', at: Date, channelTxnNo: string | null, code: string | null): Promise<boolean> {
  const r = await db.updateTable('payments')
    .set({ status: to, finished_at: at, ...(to === 'confirmed' ? { confirmed_at: at } : {}), channel_txn_no: channelTxnNo, failure_code: code })
    .where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** open → settled by this payment (false: another payment settled it first, or it was cancelled). */
export async function settleRequest(db: Executor, requestId: string, paymentId: string, at: Date): Promise<boolean> {
  const r = await db.updateTable('payment_requests').set({ status: 'settled', settled_payment_id: paymentId, settled_at: at })
    .where('id', '=', requestId).where('status', '=', 'open').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function markExcess(db: Executor, paymentId: string): Promise<void> {
  await db.updateTable('payments').set({ excess: true }).where('id', '=', paymentId).execute();
}

/** Pending online payments started before `before`, oldest first (the status query's work). */
export async function pendingBefore(db: Executor, before: Date, limit: number): Promise<PaymentRow[]> {
  return db.selectFrom('payments').selectAll().where('status', '=', 'pending').where('channel', '!=', 'counter')
    .where('created_at', '<', before).orderBy('created_at').limit(limit).execute();
}

export async function noteQueried(db: Executor, id: string, at: Date): Promise<void> {
  await db.updateTable('payments').set({ last_query_at: at }).where('id', '=', id).execute();
}

/** Remembers the payment's receipt, once (false: another maker recorded one first). */
export async function setReceipt(db: Executor, paymentId: string, documentId: string): Promise<boolean> {
  const r = await db.updateTable('payments').set({ receipt_document_id: documentId }).where('id', '=', paymentId).where('receipt_document_id', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** confirmed overpayment → refunded, once (false: not a confirmed overpayment any more). */
export async function markRefunded(db: Executor, id: string, by: string, reason: string, at: Date): Promise<boolean> {
  const r = await db.updateTable('payments').set({ status: 'refunded', refund_reason: reason, refunded_by: by, refunded_at: at })
    .where('id', '=', id).where('status', '=', 'confirmed').where('excess', '=', true).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function setRefundReceipt(db: Executor, id: string, documentId: string): Promise<void> {
  await db.updateTable('payments').set({ refund_document_id: documentId }).where('id', '=', id).execute();
}
