/**
 * Refunds of overpayments: a payment confirmed for a request another payment had already settled
 * (`excess`) is owed back. An officer records the refund with its reason; it is audited, announced
 * (`payment.refunded`) and receipted (a sealed receipt of the refund in the payer's documents).
 */
import { inTx } from '../../db/index.ts';
import { appendAudit, type AuditActor } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { emit } from '../../platform/outbox.ts';
import type { Ctx } from '../../platform/context.ts';
import type { BlobStore } from '../files/index.ts';
import * as dossiers from '../dossiers/index.ts';
import * as results from '../results/index.ts';
import { paymentRefunded } from './events.ts';
import * as store from './store.ts';
import './problems.ts';

export async function refundPayment(ctx: Ctx, blobs: BlobStore, paymentId: string, reason: string) {
  const actor = ctx.actor;
  if (!actor || actor.kind !== 'officer') throw new AppError('forbidden');
  const p = await store.paymentById(ctx.db, paymentId);
  const dossier = p ? await dossiers.dossierById(ctx.db, p.dossier_id) : undefined;
  if (!p || !dossier || !dossiers.canSee(actor, dossier)) throw new AppError('not-found', 'payment not found');
  if (p.status !== 'confirmed' || !p.excess) throw new AppError('payment-not-refundable');
  const request = (await store.requestById(ctx.db, p.request_id))!;
  const now = ctx.clock.now();
  // Signed before the transaction; a refused refund leaves only unreferenced bytes.
  const receipt = await results.prepareReceipt(ctx, blobs, {
    dossier, number: `HT-${p.txn_ref}`, items: [{ name: `Hoàn trả khoản nộp thừa / Refund of an overpayment: ${reason}`.slice(0, 300), amountVND: Number(p.amount_vnd) }],
    amountVND: Number(p.amount_vnd), channel: 'Hoàn trả / Refund', paidAt: now, payee: request.payee, payerName: dossier.applicant_name,
  });
  const who: AuditActor = { kind: 'officer', id: actor.userId };
  await inTx(ctx.db, async (tx) => {
    if (!(await store.markRefunded(tx, p.id, actor.userId, reason, now))) throw new AppError('payment-not-refundable');
    await store.setRefundReceipt(tx, p.id, receipt.row.id);
    await appendAudit(tx, { actor: who, action: 'payment.refunded', subjectType: 'payment', subjectId: p.id, requestId: ctx.requestId, at: now, data: { amountVND: Number(p.amount_vnd) }, chainOf: { subjectType: 'dossier', subjectId: p.dossier_id } });
    await emit(tx, paymentRefunded, {
      aggregateId: p.id, at: now,
      payload: { paymentId: p.id, requestId: request.id, dossierId: p.dossier_id, code: dossier.code, procedureCode: request.procedure_code, agencyId: request.agency_id, channel: p.channel, amountVND: Number(p.amount_vnd), excess: true },
    });
    await results.recordDocuments(tx, ctx, receipt);
  });
  return { id: p.id, status: 'refunded' as const, refundReceiptId: receipt.row.id };
}
