/**
 * Confirmations, exactly once: a channel's verified word (an IPN, a status query's answer, the
 * desk's record) moves a payment out of `pending` once (`… where status = 'pending'`, the row locked),
 * settles its request once (`… where status = 'open'`; a later payment for a settled request is kept
 * as `excess`, owed back), and the dossier leaves status 6 through the dossiers module's own
 * `confirm_payment` use case, which refuses a second one. The state change, its audit entry and its
 * outbox event commit together; the dossier's step follows (and the `payments.advance` job, fed by
 * the event, finishes it if this process stopped in between).
 */
import { inTx, type Tx } from '../../db/index.ts';
import { appendAudit } from '../../platform/audit.ts';
import { emit } from '../../platform/outbox.ts';
import { AppError } from '../../platform/errors.ts';
import type { Ctx } from '../../platform/context.ts';
import type { JobDefinition, EventJob } from '../../platform/jobs.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { issueReceipt } from './receipts.ts';
import * as dossiers from '../dossiers/index.ts';
import { judgeNotification, type ChannelResult, type NotificationOutcome } from './model.ts';
import * as store from './store.ts';
import * as vnpay from './vnpay.ts';
import { channelFor, vnpayKeys } from './channels.ts';
import { paymentConfirmed } from './events.ts';

export interface Applied {
  outcome: NotificationOutcome;
  /** Runs after the commit: moves the dossier on when this confirmation settled its request. */
  after(): Promise<void>;
}

const nothing = async () => undefined;

/** Applies a channel's verified result to a locked payment row, inside `tx`. */
export async function applyResult(tx: Tx, ctx: Ctx, payment: store.PaymentRow | undefined, r: ChannelResult): Promise<Applied> {
  const outcome = judgeNotification(payment, r);
  if (outcome.kind !== 'apply' || !payment) return { outcome, after: nothing };
  const now = ctx.clock.now();
  await store.finishPayment(tx, payment.id, outcome.status, now, r.channelTxnNo, r.code || null);
  const request = (await store.requestById(tx, payment.request_id))!;
  const actor = ctx.actor ? { kind: ctx.actor.kind, id: ctx.actor.userId } : { kind: 'system' as const, id: null };
  const chain = { subjectType: 'dossier', subjectId: payment.dossier_id };
  if (outcome.status !== 'confirmed') {
    await appendAudit(tx, { actor, action: 'payment.failed', subjectType: 'payment', subjectId: payment.id, requestId: ctx.requestId, at: now, data: { channel: payment.channel, code: r.code }, chainOf: chain });
    return { outcome, after: nothing };
  }
  const settled = await store.settleRequest(tx, request.id, payment.id, now);
  if (!settled) await store.markExcess(tx, payment.id);
  await appendAudit(tx, {
    actor, action: 'payment.confirmed', subjectType: 'payment', subjectId: payment.id, requestId: ctx.requestId, at: now,
    data: { channel: payment.channel, amountVND: Number(payment.amount_vnd), requestId: request.id, excess: !settled }, chainOf: chain,
  });
  await emit(tx, paymentConfirmed, {
    aggregateId: payment.id, at: now,
    payload: {
      paymentId: payment.id, requestId: request.id, dossierId: payment.dossier_id, code: request.dossier_code, procedureCode: request.procedure_code,
      agencyId: request.agency_id, channel: payment.channel, amountVND: Number(payment.amount_vnd), excess: !settled,
    },
  });
  return { outcome, after: settled ? () => advanceSafely(ctx, request.id) : nothing };
}

/**
 * Moves the dossier out of status 6 for a settled request, once: only while the dossier is in status 6
 * for that very request; `confirm_payment` refuses a second time anyway.
 */
export async function advanceDossier(ctx: Ctx, requestId: string): Promise<boolean> {
  const request = await store.requestById(ctx.db, requestId);
  if (!request || request.status !== 'settled') return false;
  const row = await dossiers.dossierById(ctx.db, request.dossier_id);
  if (!row || row.status !== 6) return false;
  const latest = (await dossiers.dossierHistory(ctx.db, row.id)).filter((e) => e.action === 'request_payment').at(-1);
  if (latest?.seq !== request.request_seq) return false;
  try {
    await dossiers.performAsSystem({ ...ctx, actor: null }, row.code, { action: 'confirm_payment', note: `Đã thanh toán ${Number(request.total_vnd)} đồng` });
    return true;
  } catch (e) {
    if (e instanceof AppError && e.type === 'action-not-allowed') return false;
    throw e;
  }
}

async function advanceSafely(ctx: Ctx, requestId: string): Promise<void> {
  try {
    await advanceDossier(ctx, requestId);
  } catch (e) {
    // The payments.advance job, fed by the outbox event, tries again.
    ctx.log?.warn({ err: { type: (e as Error).name }, requestId }, 'payments: the dossier did not move on yet');
  }
}

function answerOf(o: NotificationOutcome): vnpay.IpnAnswer {
  switch (o.kind) {
    case 'not_found': return vnpay.IPN_ANSWERS.notFound;
    case 'wrong_amount': return vnpay.IPN_ANSWERS.wrongAmount;
    case 'already_final': return vnpay.IPN_ANSWERS.alreadyConfirmed;
    default: return vnpay.IPN_ANSWERS.confirmed;
  }
}

/** VNPay's IPN: 97 bad checksum, 01 order not found, 04 wrong amount, 02 already confirmed, 00 confirmed, 99 other. */
export async function vnpayIpn(ctx: Ctx, query: unknown): Promise<vnpay.IpnAnswer> {
  try {
    const fields = vnpay.vnpFields(query);
    // A notification whose signature fails is never remembered as a result.
    if (!vnpay.verifySecureHash(fields, ctx.config.payments.vnpayHashSecret)) return vnpay.IPN_ANSWERS.badChecksum;
    const r = vnpay.resultOf(fields);
    if (fields.vnp_TmnCode !== ctx.config.payments.vnpayTmnCode || !r.txnRef) return vnpay.IPN_ANSWERS.notFound;
    // A payment leaves `pending` only once and exists before its URL is handed out: a replay or an
    // unknown order is answered from a plain read, without a transaction.
    const seen = await store.paymentByRef(ctx.db, r.txnRef);
    const early = judgeNotification(seen && seen.channel === 'vnpay' ? seen : undefined, r);
    if (early.kind !== 'apply') return answerOf(early);
    const applied = await inTx(ctx.db, async (tx) => {
      const p = await store.paymentByRefForUpdate(tx, r.txnRef);
      return applyResult(tx, ctx, p && p.channel === 'vnpay' ? p : undefined, r);
    });
    await applied.after();
    return answerOf(applied.outcome);
  } catch (e) {
    ctx.log?.error({ err: { type: (e as Error).name } }, 'payments: VNPay IPN failed');
    return vnpay.IPN_ANSWERS.other;
  }
}

/** A payment the channel has no finished record of this long after it started was abandoned (orders expire after 15 minutes). */
const ABANDONED_AFTER_MS = 60 * 60_000;

async function abandon(ctx: Ctx, p: store.PaymentRow, now: Date): Promise<boolean> {
  return inTx(ctx.db, async (tx) => {
    if (!(await store.finishPayment(tx, p.id, 'cancelled', now, null, 'expired'))) return false;
    await appendAudit(tx, { actor: { kind: 'system', id: null }, action: 'payment.abandoned', subjectType: 'payment', subjectId: p.id, at: now, data: { channel: p.channel }, chainOf: { subjectType: 'dossier', subjectId: p.dossier_id } });
    return true;
  });
}

/** Asks the channel about pending online payments older than the setting (their IPN never came). */
export async function queryPending(ctx: Ctx, limit = 200): Promise<{ asked: number; confirmed: number; failed: number; cancelled: number; unreachable: number }> {
  const now = ctx.clock.now();
  const due = await store.pendingBefore(ctx.db, new Date(now.getTime() - ctx.config.payments.queryAfterMinutes * 60_000), limit);
  const tally = { asked: 0, confirmed: 0, failed: 0, cancelled: 0, unreachable: 0 };
  for (const p of due) {
    tally.asked++;
    let r: ChannelResult | null;
    try {
      r = await channelFor(ctx, p.channel as 'vnpay' | 'paygov').query(p, now);
    } catch {
      tally.unreachable++;
      await store.noteQueried(ctx.db, p.id, now);
      continue;
    }
    if (!r) {
      // The channel never saw it finish (a browser closed mid-payment): past the order's lifetime it is cancelled.
      if (now.getTime() - p.created_at.getTime() > ABANDONED_AFTER_MS) await abandon(ctx, p, now) && tally.cancelled++;
      else await store.noteQueried(ctx.db, p.id, now);
      continue;
    }
    const result = r;
    const applied = await inTx(ctx.db, async (tx) => applyResult(tx, ctx, await store.paymentByRefForUpdate(tx, p.txn_ref), result));
    await applied.after();
    if (applied.outcome.kind === 'apply') tally[applied.outcome.status]++;
  }
  return tally;
}

export function paymentJobs(ctx: ModuleContext): JobDefinition[] {
  const base: Ctx = { db: ctx.db, clock: ctx.clock, config: ctx.config, actor: null, requestId: null, log: null };
  const confirmedPayload = (data: unknown) => (data as EventJob).payload as { paymentId?: string; requestId?: string; excess?: boolean };
  return [
    {
      name: 'payments.advance', from: [paymentConfirmed.name],
      async handler(data) {
        const p = confirmedPayload(data);
        if (p.requestId && !p.excess) await advanceDossier(base, p.requestId);
      },
    },
    {
      // The receipt is signed off the IPN's path: the channel gets its answer without waiting for a signature.
      name: 'payments.receipt', from: [paymentConfirmed.name],
      async handler(data) {
        const p = confirmedPayload(data);
        if (p.paymentId) await issueReceipt(base, ctx.services.blobs, p.paymentId);
      },
    },
    { name: 'payments.query', schedule: '*/5 * * * *', async handler() { await queryPending(base); } },
  ];
}
