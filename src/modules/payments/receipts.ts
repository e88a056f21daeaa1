/**
 * The electronic receipt of a confirmed payment: made once (the payment row remembers it), sealed by
 * the handling agency, filed in the payer's documents by the results module. Made after the
 * confirmation commits; the `payments.receipt` job, fed by the confirmation's event, makes it when this
 * process stopped in between. Two makers at once: one records, the other's signed bytes stay unreferenced.
 */
import { inTx } from '../../db/index.ts';
import type { Ctx } from '../../platform/context.ts';
import type { BlobStore } from '../files/index.ts';
import * as dossiers from '../dossiers/index.ts';
import * as results from '../results/index.ts';
import * as store from './store.ts';

const CHANNEL_NAMES: Record<string, string> = { vnpay: 'VNPay', paygov: 'Nền tảng thanh toán quốc gia / National payment platform', counter: 'Tại quầy / At the desk' };

/** The receipt's document id (made now if it was not yet); null when the payment is not confirmed. */
export async function issueReceipt(ctx: Ctx, blobs: BlobStore, paymentId: string): Promise<string | null> {
  const p = await store.paymentById(ctx.db, paymentId);
  if (!p || p.status !== 'confirmed') return null;
  if (p.receipt_document_id) return p.receipt_document_id;
  const request = (await store.requestById(ctx.db, p.request_id))!;
  const dossier = (await dossiers.dossierById(ctx.db, p.dossier_id))!;
  const prepared = await results.prepareReceipt(ctx, blobs, {
    dossier, number: p.channel_txn_no && p.channel !== 'counter' ? p.channel_txn_no : p.txn_ref, items: p.excess ? [{ name: 'Khoản nộp thừa, sẽ được hoàn trả / Overpayment, to be refunded', amountVND: Number(p.amount_vnd) }] : request.items,
    amountVND: Number(p.amount_vnd), channel: CHANNEL_NAMES[p.channel] ?? p.channel, paidAt: p.confirmed_at ?? ctx.clock.now(), payee: request.payee, payerName: dossier.applicant_name,
  });
  return inTx(ctx.db, async (tx) => {
    if (!(await store.setReceipt(tx, p.id, prepared.row.id))) return (await store.paymentById(tx, p.id))!.receipt_document_id;
    await results.recordDocuments(tx, ctx, prepared);
    return prepared.row.id;
  });
}
