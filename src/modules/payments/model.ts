/**
 * Payments, the pure rules: fees from the catalogue, a payment request from the officer's
 * `request_payment` event, the states of a payment and what a channel's notification does to it.
 */
import type { Channel as IntakeChannel, Procedure } from '../catalog/index.ts';

export const PAYMENT_CHANNELS = ['vnpay', 'paygov', 'counter'] as const;
export type PaymentChannel = (typeof PAYMENT_CHANNELS)[number];
export const ONLINE_CHANNELS = ['vnpay', 'paygov'] as const satisfies readonly PaymentChannel[];

export const PAYMENT_STATUSES = ['pending', 'confirmed', 'failed', 'cancelled', 'refunded'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export interface FeeItem {
  name: string;
  amountVND: number;
}

/** A procedure's fee on one intake channel, from the catalogue (PHILEPHI/SOTIEN). */
export interface ProcedureFee {
  channel: IntakeChannel;
  /** null: the catalogue gives no amount (the officer computes it); 0: exempt. */
  amountVND: number | null;
  exempt: boolean;
  text: string | null;
}

/** The fees of a procedure per intake channel, as data from the catalogue. */
export function feesOf(procedure: Pick<Procedure, 'channels'>): ProcedureFee[] {
  return procedure.channels.map((c) => ({ channel: c.channel, amountVND: c.feeVND, exempt: c.feeVND === 0, text: c.feeText }));
}

/** The fee items the catalogue suggests for a dossier received on `channel` (none when exempt or unknown). */
export function suggestedItems(procedure: Pick<Procedure, 'name' | 'channels'>, channel: IntakeChannel): FeeItem[] {
  const fee = feesOf(procedure).find((f) => f.channel === channel) ?? feesOf(procedure).find((f) => f.amountVND !== null);
  if (!fee || !fee.amountVND) return [];
  return [{ name: `Phí, lệ phí: ${procedure.name}`.slice(0, 300), amountVND: fee.amountVND }];
}

/** What the `request_payment` history event says (its data), read defensively. */
export function requestedItems(data: Record<string, unknown> | null | undefined): { items: FeeItem[]; total: number } | null {
  const total = Number(data?.amountVND);
  if (!Number.isSafeInteger(total) || total <= 0) return null;
  const raw = Array.isArray(data?.feeItems) ? (data.feeItems as unknown[]) : [];
  const items = raw.flatMap((i) => {
    const o = i as { name?: unknown; amountVND?: unknown };
    return typeof o?.name === 'string' && Number.isSafeInteger(o.amountVND) ? [{ name: o.name, amountVND: Number(o.amountVND) }] : [];
  });
  if (items.length && items.reduce((s, i) => s + i.amountVND, 0) === total) return { items, total };
  const name = typeof data?.description === 'string' && data.description.trim() ? data.description.trim() : 'Nghĩa vụ tài chính / Fees and charges';
  return { items: [{ name, amountVND: total }], total };
}

/** A channel's word on a payment, after its signature was checked. */
export interface ChannelResult {
  success: boolean;
  amountVND: number;
  channelTxnNo: string | null;
  code: string;
}

/**
 * What a verified notification does to a payment (checked in VNPay's order after the signature:
 * order found → amount → already final → apply).
 */
export type NotificationOutcome =
  | { kind: 'not_found' }
  | { kind: 'wrong_amount' }
  | { kind: 'already_final'; status: PaymentStatus }
  | { kind: 'apply'; status: 'confirmed' | 'failed' | 'cancelled' };

/** VNPay's (and the simulators') code for a payer who cancelled on the payment page. */
export const CANCELLED_BY_PAYER = '24';

export function judgeNotification(payment: { status: PaymentStatus; amount_vnd: number | string } | undefined, r: ChannelResult): NotificationOutcome {
  if (!payment) return { kind: 'not_found' };
  if (Number(payment.amount_vnd) !== r.amountVND) return { kind: 'wrong_amount' };
  if (payment.status !== 'pending') return { kind: 'already_final', status: payment.status };
  return { kind: 'apply', status: r.success ? 'confirmed' : r.code === CANCELLED_BY_PAYER ? 'cancelled' : 'failed' };
}

/** Letters and digits only, no diacritics (vnp_OrderInfo must be plain ASCII). */
export function plainAscii(text: string, max = 255): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, max);
}

/** `yyyyMMddHHmmss` in Vietnam time (GMT+7), as VNPay and the national payment platform write times. */
export function vnTimestamp(d: Date): string {
  const v = new Date(d.getTime() + 7 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${v.getUTCFullYear()}${p(v.getUTCMonth() + 1)}${p(v.getUTCDate())}${p(v.getUTCHours())}${p(v.getUTCMinutes())}${p(v.getUTCSeconds())}`;
}

/** The reverse of `vnTimestamp` (null when malformed). */
export function parseVnTimestamp(s: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]! - 7, +m[5]!, +m[6]!));
  return Number.isNaN(d.getTime()) ? null : d;
}
