/** The fields each lifecycle action needs (the API refuses the action without the required ones). */
import { locale } from '../ui/format.ts';

export type FieldKind = 'text' | 'line' | 'lines' | 'amount' | 'datetime' | 'rating' | 'returnMethod' | 'files';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  required?: boolean;
}

const reason = (required = true): FieldSpec => ({ name: 'reason', kind: 'text', required });

export const ACTION_FIELDS: Record<string, FieldSpec[]> = {
  refuse: [reason()],
  request_supplement: [{ name: 'items', kind: 'lines', required: true }, reason()],
  resubmit_supplement: [{ name: 'files', kind: 'files', required: true }],
  propose_refusal: [reason()],
  request_payment: [{ name: 'amountVND', kind: 'amount', required: true }, { name: 'description', kind: 'line' }],
  request_withdrawal: [reason(false)],
  accept_withdrawal: [reason()],
  reschedule: [{ name: 'newDueAt', kind: 'datetime', required: true }, reason()],
  rate: [{ name: 'rating', kind: 'rating', required: true }, { name: 'comment', kind: 'text' }],
  return_result: [{ name: 'returnMethod', kind: 'returnMethod' }],
};

/** Actions where an officer may add a processing note (NoiDungXuLy of the history entry). */
export const NO_NOTE = new Set(['rate', 'request_withdrawal', 'resubmit_supplement']);

/** Actions shown as a warning (they stop or refuse the dossier). */
export const DANGER = new Set(['refuse', 'propose_refusal', 'request_withdrawal', 'accept_withdrawal', 'send_back']);

/** The order of the buttons: the usual next step first. */
export const ACTION_ORDER = [
  'receive', 'assign', 'forward', 'approve', 'sign', 'issue_result', 'return_result', 'confirm_payment', 'transfer',
  'request_supplement', 'resubmit_supplement', 'request_payment', 'reschedule', 'send_back', 'propose_refusal',
  'refuse', 'accept_withdrawal', 'rate', 'request_withdrawal',
];

export const RATINGS = ['very_satisfied', 'satisfied', 'not_satisfied'];
export const RETURN_METHODS = ['counter', 'postal', 'electronic'];

/** The largest amount the API takes (1,000,000,000,000 đồng: MAX_AMOUNT_VND of the lifecycle), in digits. */
export const MAX_AMOUNT_DIGITS = 13;

/** What was typed, as plain digits (separators, spaces and anything else dropped; no leading zeros). */
export function amountDigits(typed: string): string {
  return typed.replace(/\D/g, '').replace(/^0+(?=\d)/, '').slice(0, MAX_AMOUNT_DIGITS);
}

/** Digits with the language's thousands separators: "8000" → "8.000" (vi), "8,000" (en). */
export function formatAmount(digits: string, lang: string): string {
  if (!digits) return '';
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 0 }).format(BigInt(digits));
}
