/** The payments module's problem types, merged into the catalogue of problems when this file loads. */
import { registerProblems, type ProblemDefs, type ProblemNames } from '../../platform/errors.ts';

export const PAYMENT_PROBLEMS = {
  'payment-not-requested': { status: 409, vi: 'Hồ sơ không có yêu cầu thanh toán đang chờ', en: 'The dossier has no payment request awaiting payment' },
  'payment-already-settled': { status: 409, vi: 'Yêu cầu thanh toán này đã được thanh toán', en: 'This payment request has already been paid' },
  'payment-not-refundable': { status: 409, vi: 'Chỉ hoàn trả được khoản nộp thừa đã xác nhận', en: 'Only a confirmed overpayment can be refunded' },
  'payment-channel-unavailable': { status: 503, vi: 'Kênh thanh toán tạm thời không sẵn sàng, vui lòng thử lại sau', en: 'The payment channel is temporarily unavailable, try again later' },
} as const satisfies ProblemDefs;

registerProblems('payments', PAYMENT_PROBLEMS);

declare module '../../platform/errors.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ProblemCatalog extends ProblemNames<typeof PAYMENT_PROBLEMS> {}
}
