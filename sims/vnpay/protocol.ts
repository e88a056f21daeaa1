/**
 * The VNPay 2.1.0 checksums as the simulator computes them, written apart from the platform's adapter
 * so that each checks the other: HMAC-SHA512 over the sorted, form-encoded `vnp_*` fields (payment
 * URL, IPN, return) and over `|`-joined fields (the merchant API's querydr).
 */
import { createHmac } from 'node:crypto';

/** application/x-www-form-urlencoded, as PHP's urlencode and Java's URLEncoder write it (space as +). */
function formEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%20/g, '+');
}

export function sign(fields: Record<string, string>, secret: string): string {
  const text = Object.keys(fields).filter((k) => k.startsWith('vnp_') && k !== 'vnp_SecureHash' && k !== 'vnp_SecureHashType').sort()
    .map((k) => `${formEncode(k)}=${formEncode(fields[k]!)}`).join('&');
  return createHmac('sha512', secret).update(text).digest('hex');
}

export function signed(fields: Record<string, string>, secret: string): Record<string, string> {
  return { ...fields, vnp_SecureHash: sign(fields, secret) };
}

export function pipeHash(values: (string | undefined)[], secret: string): string {
  return createHmac('sha512', secret).update(values.map((v) => v ?? '').join('|')).digest('hex');
}

export function vnTime(d: Date): string {
  return new Date(d.getTime() + 7 * 3_600_000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

export function parseVnTime(s: string | undefined): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(s ?? '');
  return m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]! - 7, +m[5]!, +m[6]!)) : null;
}

/** What the payment URL must carry, and how each field must look. */
export const REQUIRED: Record<string, RegExp> = {
  vnp_Version: /^2\.1\.0$/,
  vnp_Command: /^pay$/,
  vnp_TmnCode: /^[A-Za-z0-9]{1,8}$/,
  vnp_Amount: /^[1-9][0-9]*00$/,
  vnp_CreateDate: /^\d{14}$/,
  vnp_ExpireDate: /^\d{14}$/,
  vnp_CurrCode: /^VND$/,
  vnp_IpAddr: /^[0-9a-fA-F.:]{3,45}$/,
  vnp_Locale: /^(vn|en)$/,
  vnp_OrderInfo: /^[A-Za-z0-9 ]{1,255}$/,
  vnp_OrderType: /^[a-z0-9_]{1,20}$/,
  vnp_ReturnUrl: /^https?:\/\/.{1,250}$/,
  vnp_TxnRef: /^[A-Za-z0-9_-]{1,100}$/,
  vnp_SecureHash: /^[0-9a-f]{128}$/,
};
