/**
 * Payment use cases: the payment request of a dossier (from the officer's `request_payment` event),
 * starting a payment on a channel (the owner only), listing them, and the counter payment an officer
 * records. Confirmations are in confirm.ts.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { inTx } from '../../db/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { Ctx } from '../../platform/context.ts';
import * as catalog from '../catalog/index.ts';
import * as dossiers from '../dossiers/index.ts';
import { feesOf, requestedItems, type PaymentChannel } from './model.ts';
import * as store from './store.ts';
import { channelFor } from './channels.ts';
import { applyResult } from './confirm.ts';
import './problems.ts';

const DAY = 86_400_000;
const INTAKE = { 1: 'direct', 2: 'online', 3: 'postal' } as const;

/** The dossier, if the caller may see it (else 404, like a missing one). */
export async function visibleDossier(ctx: Ctx, code: string): Promise<dossiers.DossierRow> {
  if (!ctx.actor) throw new AppError('unauthenticated');
  const row = await dossiers.dossierByCode(ctx.db, code);
  if (!row || !dossiers.canSee(ctx.actor, row)) throw new AppError('not-found', 'dossier not found');
  return row;
}

/** Every payment request of the dossier, one per `request_payment` event, made into rows on first sight. */
export async function requestsOf(ctx: Ctx, row: dossiers.DossierRow): Promise<store.RequestRow[]> {
  const events = (await dossiers.dossierHistory(ctx.db, row.id)).filter((e) => e.action === 'request_payment');
  const known = await store.requestsOfDossier(ctx.db, row.id);
  const missing = events.filter((e) => !known.some((k) => k.request_seq === e.seq));
  if (!missing.length) return known;
  const payee = await store.payeeOf(ctx.db, row.handling_agency_id);
  for (const e of missing) {
    const asked = requestedItems(e.data as Record<string, unknown> | null);
    if (!asked) continue;
    await store.insertRequest(ctx.db, {
      id: randomUUID(), dossier_id: row.id, dossier_code: row.code, request_seq: e.seq, applicant_id: row.applicant_id,
      agency_id: row.handling_agency_id, procedure_code: row.procedure_code, items: JSON.stringify(asked.items), total_vnd: asked.total,
      payee: JSON.stringify(payee), requested_at: e.at, due_at: new Date(e.at.getTime() + ctx.config.payments.deadlineDays * DAY),
    });
  }
  return store.requestsOfDossier(ctx.db, row.id);
}

/** The request awaiting payment: the latest one, while the dossier is in status 6. */
export async function openRequest(ctx: Ctx, row: dossiers.DossierRow): Promise<store.RequestRow | null> {
  if (row.status !== 6) return null;
  const latest = (await requestsOf(ctx, row)).at(-1);
  return latest && latest.status === 'open' ? latest : null;
}

/** The fees the catalogue gives for the dossier's procedure, per intake channel (for the officer's request). */
export async function feesOfDossier(ctx: Ctx, code: string) {
  const row = await visibleDossier(ctx, code);
  const procedure = await catalog.getProcedure(ctx.db, row.procedure_code, row.procedure_version);
  return { intakeChannel: INTAKE[row.channel as 1 | 2 | 3] ?? 'direct', fees: feesOf(procedure) };
}

function newTxnRef(): string {
  return randomBytes(10).toString('hex').toUpperCase();
}

/** The owner starts a payment of the open request on a channel. */
export async function startPayment(ctx: Ctx, code: string, channel: PaymentChannel, ipAddr: string, origin: string) {
  const row = await visibleDossier(ctx, code);
  if (ctx.actor!.kind !== 'citizen' || row.applicant_id !== ctx.actor!.userId) throw new AppError('forbidden', 'only the dossier\'s applicant pays / chỉ chủ hồ sơ được thanh toán');
  const request = await openRequest(ctx, row);
  if (!request) throw new AppError('payment-not-requested');
  const now = ctx.clock.now();
  const id = randomUUID();
  const txnRef = newTxnRef();
  const amount = Number(request.total_vnd);
  // The URL is made before the row: a channel that cannot be reached refuses the start and keeps nothing.
  const paymentUrl = channel === 'counter' ? null : await channelFor(ctx, channel).start({ paymentId: id, txnRef, amountVND: amount, code: row.code, now, ipAddr, origin });
  await store.insertPayment(ctx.db, {
    id, request_id: request.id, dossier_id: row.id, channel, amount_vnd: amount, status: 'pending', txn_ref: txnRef,
    channel_txn_no: null, created_by: ctx.actor!.userId, created_at: now, confirmed_at: null, finished_at: null, failure_code: null, last_query_at: null,
  });
  return { id, amount, status: 'pending' as const, paymentUrl, channel };
}

/** An officer records a payment received at the desk (cash or card): confirmed at once. */
export async function recordCounterPayment(ctx: Ctx, code: string, note: { method: 'cash' | 'card'; reference?: string }) {
  const row = await visibleDossier(ctx, code);
  if (ctx.actor!.kind !== 'officer') throw new AppError('forbidden');
  const request = await openRequest(ctx, row);
  if (!request) throw new AppError('payment-not-requested');
  const now = ctx.clock.now();
  const id = randomUUID();
  const amount = Number(request.total_vnd);
  const txnRef = `QUAY-${newTxnRef()}`;
  const outcome = await inTx(ctx.db, async (tx) => {
    await store.insertPayment(tx, {
      id, request_id: request.id, dossier_id: row.id, channel: 'counter', amount_vnd: amount, status: 'pending', txn_ref: txnRef,
      channel_txn_no: note.reference ?? null, created_by: ctx.actor!.userId, created_at: now, confirmed_at: null, finished_at: null, failure_code: null, last_query_at: null,
    });
    const p = await store.paymentByRefForUpdate(tx, txnRef);
    return applyResult(tx, ctx, p, { success: true, amountVND: amount, channelTxnNo: note.reference ?? note.method, code: note.method });
  });
  await outcome.after();
  return { id, amount, status: 'confirmed' as const, paymentUrl: null, channel: 'counter' as const };
}

/** The dossier's requests and payments, for its owner and the officers who see it. */
export async function listPayments(ctx: Ctx, code: string) {
  const row = await visibleDossier(ctx, code);
  const requests = await requestsOf(ctx, row);
  const payments = await store.paymentsOfDossier(ctx.db, row.id);
  return { requests, payments, dossierStatus: row.status };
}

/** One payment, for the return page (its owner, or an officer who sees the dossier). */
export async function paymentFor(ctx: Ctx, id: string) {
  const p = await store.paymentById(ctx.db, id);
  if (!p || !ctx.actor) throw new AppError('not-found', 'payment not found');
  const row = await dossiers.dossierById(ctx.db, p.dossier_id);
  if (!row || !dossiers.canSee(ctx.actor, row)) throw new AppError('not-found', 'payment not found');
  return { payment: p, code: row.code };
}
