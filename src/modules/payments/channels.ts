/**
 * The online channels as adapters: start a payment (the URL to send the browser to) and ask the
 * channel what became of one (for payments whose notification never came). VNPay speaks to its
 * servers directly; PayGov (paygov.ts) goes through the gateway.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../platform/errors.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Config } from '../../config.ts';
import type { ChannelResult } from './model.ts';
import * as vnpay from './vnpay.ts';
import type { PaymentRow } from './store.ts';

export interface StartInput {
  paymentId: string;
  txnRef: string;
  amountVND: number;
  code: string;
  now: Date;
  ipAddr: string;
  /** This site as the browser reached it (the return page's origin when PUBLIC_BASE_URL is unset). */
  origin: string;
}

export interface ChannelAdapter {
  start(p: StartInput): Promise<string>;
  /** The channel's record of the payment; null when it has none yet; throws when it cannot be reached. */
  query(p: PaymentRow, now: Date): Promise<ChannelResult | null>;
}

/** Where the browser comes back to: the server's return page, which asks the database, not the URL. */
export function returnUrl(config: Config, paymentId: string, origin: string): string {
  const base = (config.publicBaseUrl ?? origin).replace(/\/+$/, '');
  return `${base}/thanh-toan/ket-qua?payment=${paymentId}`;
}

export function vnpayKeys(config: Config): vnpay.VnpayKeys {
  return { tmnCode: config.payments.vnpayTmnCode, hashSecret: config.payments.vnpayHashSecret };
}

const unavailable = () => new AppError('payment-channel-unavailable');

function vnpayAdapter(config: Config): ChannelAdapter {
  const keys = vnpayKeys(config);
  return {
    async start(p) {
      if (!config.payments.vnpayUrl) throw unavailable();
      return vnpay.payUrl(config.payments.vnpayUrl, keys, {
        txnRef: p.txnRef, amountVND: p.amountVND, orderInfo: `Thanh toan phi le phi ho so ${p.code}`, returnUrl: returnUrl(config, p.paymentId, p.origin),
        ipAddr: p.ipAddr, now: p.now, expireMinutes: 15, locale: 'vn',
      });
    },
    async query(p, now) {
      if (!config.payments.vnpayApiUrl) throw unavailable();
      const body = vnpay.querydrRequest(keys, { requestId: randomUUID().replace(/-/g, '').slice(0, 32), txnRef: p.txn_ref, transactionDate: p.created_at, now, ipAddr: '127.0.0.1' });
      const res = await fetch(config.payments.vnpayApiUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(10_000) });
      if (!res.ok) throw unavailable();
      const r = (await res.json()) as Record<string, string>;
      if (r.vnp_SecureHash !== vnpay.querydrResponseHash(r, keys.hashSecret)) throw new Error('querydr answer with a bad checksum');
      if (r.vnp_ResponseCode === '91') return null; // no such transaction at VNPay
      if (r.vnp_ResponseCode !== '00') throw unavailable();
      if (r.vnp_TransactionStatus === '01') return null; // not finished yet
      const amount = Number(r.vnp_Amount) / 100;
      return { success: r.vnp_TransactionStatus === '00', amountVND: amount, channelTxnNo: r.vnp_TransactionNo ?? null, code: r.vnp_TransactionStatus ?? '' };
    },
  };
}

const adapters: Record<'vnpay' | 'paygov', (config: Config) => ChannelAdapter> = {
  vnpay: vnpayAdapter,
  paygov: () => ({
    async start() { throw unavailable(); },
    async query() { throw unavailable(); },
  }),
};

export function channelFor(ctx: Pick<Ctx, 'config'>, channel: 'vnpay' | 'paygov'): ChannelAdapter {
  return adapters[channel](ctx.config);
}
