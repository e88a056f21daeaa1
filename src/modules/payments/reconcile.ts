/**
 * Daily reconciliation: the payments confirmed here on a day (Vietnam time) against the channel's own
 * records of that day; lists what one side has and the other lacks, and amounts that differ.
 * `motcua payments reconcile --date D`; the `payments.reconcile` job runs it for yesterday.
 */
import type { Ctx } from '../../platform/context.ts';
import type { Executor } from '../../db/index.ts';

export interface LedgerLine {
  txnRef: string;
  amountVND: number;
}
export interface Mismatch {
  txnRef: string;
  kind: 'missing_at_channel' | 'missing_here' | 'amount_differs';
  ours: number | null;
  theirs: number | null;
}

/** Pure: the mismatches between our confirmed payments and the channel's records. */
export function compareLedgers(ours: readonly LedgerLine[], theirs: readonly LedgerLine[]): Mismatch[] {
  const them = new Map(theirs.map((t) => [t.txnRef, t.amountVND]));
  const out: Mismatch[] = [];
  for (const o of ours) {
    const t = them.get(o.txnRef);
    if (t === undefined) out.push({ txnRef: o.txnRef, kind: 'missing_at_channel', ours: o.amountVND, theirs: null });
    else if (t !== o.amountVND) out.push({ txnRef: o.txnRef, kind: 'amount_differs', ours: o.amountVND, theirs: t });
    them.delete(o.txnRef);
  }
  for (const [txnRef, amount] of them) out.push({ txnRef, kind: 'missing_here', ours: null, theirs: amount });
  return out;
}

/** Our confirmed payments of a channel on a day (YYYY-MM-DD, Vietnam time). */
export async function confirmedOn(db: Executor, channel: 'vnpay' | 'paygov', date: string): Promise<LedgerLine[]> {
  const from = new Date(`${date}T00:00:00+07:00`);
  const to = new Date(from.getTime() + 86_400_000);
  const rows = await db.selectFrom('payments').select(['txn_ref', 'amount_vnd']).where('channel', '=', channel).where('status', 'in', ['confirmed', 'refunded'])
    .where('confirmed_at', '>=', from).where('confirmed_at', '<', to).execute();
  return rows.map((r) => ({ txnRef: r.txn_ref, amountVND: Number(r.amount_vnd) }));
}

/** The VNPay simulator's records of the day (a real merchant reads VNPay's reconciliation file instead). */
async function vnpayRecords(ctx: Ctx, date: string): Promise<LedgerLine[]> {
  if (!ctx.config.payments.vnpayApiUrl) throw new Error('VNPAY_API_URL is not set');
  const res = await fetch(new URL(`/records?date=${date}`, ctx.config.payments.vnpayApiUrl), { signal: AbortSignal.timeout(30_000) });
  if (!res.ok) throw new Error(`the channel answered ${res.status}`);
  return ((await res.json()) as { txnRef: string; amountVND: number }[]).map((r) => ({ txnRef: r.txnRef, amountVND: r.amountVND }));
}

export async function reconcileDay(ctx: Ctx, date: string): Promise<{ date: string; channel: string; ours: number; theirs: number; mismatches: Mismatch[] }> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(new Date(`${date}T00:00:00+07:00`).getTime())) throw new Error(`--date must be YYYY-MM-DD, got ${date}`);
  const [ours, theirs] = await Promise.all([confirmedOn(ctx.db, 'vnpay', date), vnpayRecords(ctx, date)]);
  return { date, channel: 'vnpay', ours: ours.length, theirs: theirs.length, mismatches: compareLedgers(ours, theirs) };
}
