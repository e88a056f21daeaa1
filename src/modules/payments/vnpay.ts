/**
 * VNPay 2.1.0, the protocol: the payment URL, the checksum of its `vnp_*` fields, the IPN's answer
 * codes and the merchant API's status query (querydr). Pure: no I/O; node:crypto does the HMAC.
 * The checksum is HMAC-SHA512(secret, the `vnp_*` fields but the hash ones, sorted by name and
 * form-encoded as `k=v&…`), as VNPay's published samples do (test vector in test/payments-vnpay.test.ts).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { plainAscii, vnTimestamp, type ChannelResult } from './model.ts';

export interface VnpayKeys {
  tmnCode: string;
  hashSecret: string;
}

/** The text VNPay signs: the `vnp_*` fields except the hash ones, sorted, form-encoded. */
export function signedText(fields: Record<string, string>): string {
  const keys = Object.keys(fields).filter((k) => k.startsWith('vnp_') && k !== 'vnp_SecureHash' && k !== 'vnp_SecureHashType' && fields[k] !== '').sort();
  return new URLSearchParams(keys.map((k): [string, string] => [k, fields[k]!])).toString();
}

export function secureHash(fields: Record<string, string>, secret: string): string {
  return createHmac('sha512', secret).update(signedText(fields)).digest('hex');
}

/** True when `vnp_SecureHash` is the checksum of the other fields (constant-time comparison). */
export function verifySecureHash(fields: Record<string, string>, secret: string): boolean {
  const given = fields.vnp_SecureHash;
  if (typeof given !== 'string' || !/^[0-9a-fA-F]{128}$/.test(given)) return false;
  return timingSafeEqual(Buffer.from(given.toLowerCase(), 'hex'), Buffer.from(secureHash(fields, secret), 'hex'));
}

export interface PayUrlInput {
  txnRef: string;
  amountVND: number;
  orderInfo: string;
  returnUrl: string;
  ipAddr: string;
  now: Date;
  expireMinutes: number;
  locale: 'vn' | 'en';
}

/** The URL the browser is sent to. */
export function payUrl(base: string, keys: VnpayKeys, p: PayUrlInput): string {
  const fields: Record<string, string> = {
    vnp_Version: '2.1.0',
    vnp_Command: 'pay',
    vnp_TmnCode: keys.tmnCode,
    vnp_Amount: String(p.amountVND * 100),
    vnp_CreateDate: vnTimestamp(p.now),
    vnp_ExpireDate: vnTimestamp(new Date(p.now.getTime() + p.expireMinutes * 60_000)),
    vnp_CurrCode: 'VND',
    vnp_IpAddr: p.ipAddr,
    vnp_Locale: p.locale,
    vnp_OrderInfo: plainAscii(p.orderInfo),
    vnp_OrderType: 'other',
    vnp_ReturnUrl: p.returnUrl,
    vnp_TxnRef: p.txnRef,
  };
  const url = new URL(base);
  url.search = `${signedText(fields)}&vnp_SecureHash=${secureHash(fields, keys.hashSecret)}`;
  return url.toString();
}

/** The `vnp_*` fields of a query string (first value of each; other names ignored). */
export function vnpFields(query: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!query || typeof query !== 'object') return out;
  for (const [k, v] of Object.entries(query as Record<string, unknown>)) {
    const s = Array.isArray(v) ? v[0] : v;
    if (k.startsWith('vnp_') && (typeof s === 'string' || typeof s === 'number')) out[k] = String(s);
  }
  return out;
}

/** A signed IPN or return's result. `amountVND` NaN when the amount is not a whole number of đồng × 100. */
export function resultOf(f: Record<string, string>): ChannelResult & { txnRef: string } {
  const raw = f.vnp_Amount ?? '';
  const amount = /^[0-9]{1,17}$/.test(raw) && Number(raw) % 100 === 0 ? Number(raw) / 100 : Number.NaN;
  return {
    txnRef: f.vnp_TxnRef ?? '',
    amountVND: amount,
    success: f.vnp_ResponseCode === '00' && f.vnp_TransactionStatus === '00',
    channelTxnNo: f.vnp_TransactionNo ?? null,
    code: f.vnp_ResponseCode ?? '',
  };
}

/** The IPN's answers, in the order they are checked. */
export const IPN_ANSWERS = {
  badChecksum: { RspCode: '97', Message: 'Invalid Checksum' },
  notFound: { RspCode: '01', Message: 'Order not found' },
  wrongAmount: { RspCode: '04', Message: 'Invalid amount' },
  alreadyConfirmed: { RspCode: '02', Message: 'Order already confirmed' },
  confirmed: { RspCode: '00', Message: 'Confirm Success' },
  other: { RspCode: '99', Message: 'Unknown error' },
} as const;
export type IpnAnswer = (typeof IPN_ANSWERS)[keyof typeof IPN_ANSWERS];

/** The querydr request body (merchant API), signed by `|`-joined fields as VNPay's API asks. */
export function querydrRequest(keys: VnpayKeys, p: { requestId: string; txnRef: string; transactionDate: Date; now: Date; ipAddr: string }) {
  const body = {
    vnp_RequestId: p.requestId, vnp_Version: '2.1.0', vnp_Command: 'querydr', vnp_TmnCode: keys.tmnCode,
    vnp_TxnRef: p.txnRef, vnp_OrderInfo: `Truy van giao dich ${p.txnRef}`, vnp_TransactionDate: vnTimestamp(p.transactionDate),
    vnp_CreateDate: vnTimestamp(p.now), vnp_IpAddr: p.ipAddr,
  };
  const data = [body.vnp_RequestId, body.vnp_Version, body.vnp_Command, body.vnp_TmnCode, body.vnp_TxnRef, body.vnp_TransactionDate, body.vnp_CreateDate, body.vnp_IpAddr, body.vnp_OrderInfo].join('|');
  return { ...body, vnp_SecureHash: createHmac('sha512', keys.hashSecret).update(data).digest('hex') };
}

/** The querydr response's checksum over its `|`-joined fields. */
export function querydrResponseHash(r: Record<string, string>, secret: string): string {
  const data = [r.vnp_ResponseId, r.vnp_Command, r.vnp_ResponseCode, r.vnp_Message, r.vnp_TmnCode, r.vnp_TxnRef, r.vnp_Amount, r.vnp_BankCode, r.vnp_PayDate,
    r.vnp_TransactionNo, r.vnp_TransactionType, r.vnp_TransactionStatus, r.vnp_OrderInfo, r.vnp_PromotionCode, r.vnp_PromotionAmount].map((x) => x ?? '').join('|');
  return createHmac('sha512', secret).update(data).digest('hex');
}
