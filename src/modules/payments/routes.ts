/** HTTP for payments: the contract routes, the desk's counter payment, VNPay's IPN, one payment's state. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ctxFrom } from '../../platform/context.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { errors } from '../../platform/schemas.ts';
import { DOSSIER_CODE_PATTERN } from '../dossiers/index.ts';
import { PAYMENT_CHANNELS, PAYMENT_STATUSES } from './model.ts';
import { feesOfDossier, listPayments, paymentFor, recordCounterPayment, startPayment } from './service.ts';
import { vnpayIpn } from './confirm.ts';
import { issueReceipt } from './receipts.ts';
import { refundPayment } from './refunds.ts';
import type { PaymentRow, RequestRow } from './store.ts';

const CodeParam = Type.Object({ code: Type.String({ pattern: DOSSIER_CODE_PATTERN, maxLength: 60 }) });
const Started = Type.Object({
  id: Type.String({ format: 'uuid' }),
  amount: Type.Integer({ description: 'VND' }),
  status: Type.Enum(PAYMENT_STATUSES),
  paymentUrl: Type.Union([Type.String(), Type.Null()], { description: 'where to send the browser (null: pay at the desk)' }),
  channel: Type.Enum(PAYMENT_CHANNELS),
});
const Item = Type.Object({ name: Type.String(), amountVND: Type.Integer() });
const RequestView = Type.Object({
  id: Type.String(), seq: Type.Integer(), items: Type.Array(Item), total: Type.Integer(), status: Type.String(),
  payee: Type.Object({ bankName: Type.String(), accountNumber: Type.String(), accountName: Type.String() }),
  requestedAt: Type.String(), dueAt: Type.String(), settledPaymentId: Type.Union([Type.String(), Type.Null()]),
});
const PaymentView = Type.Object({
  id: Type.String(), requestId: Type.String(), channel: Type.String(), amount: Type.Integer(), status: Type.String(),
  createdAt: Type.String(), confirmedAt: Type.Union([Type.String(), Type.Null()]), excess: Type.Boolean(),
  receiptId: Type.Union([Type.String(), Type.Null()], { description: 'the signed electronic receipt: GET /dossiers/{code}/documents/{id}/pdf, and in the payer\'s documents (GET /me/documents)' }),
});
const VNP_FIELDS = ['vnp_Amount', 'vnp_BankCode', 'vnp_BankTranNo', 'vnp_CardType', 'vnp_OrderInfo', 'vnp_PayDate', 'vnp_ResponseCode', 'vnp_TmnCode',
  'vnp_TransactionNo', 'vnp_TransactionStatus', 'vnp_TxnRef', 'vnp_SecureHash', 'vnp_SecureHashType'] as const;
const IpnQuery = Type.Object(Object.fromEntries(VNP_FIELDS.map((f) => [f, Type.Optional(Type.String({ maxLength: 1000 }))])), { additionalProperties: true });
const OFFICERS = { roles: ['counter_officer', 'specialist', 'agency_leader', 'province_admin'] as const };

export const presentRequest = (r: RequestRow) => ({
  id: r.id, seq: r.request_seq, items: r.items, total: Number(r.total_vnd), status: r.status, payee: r.payee,
  requestedAt: r.requested_at.toISOString(), dueAt: r.due_at.toISOString(), settledPaymentId: r.settled_payment_id,
});
export const presentPayment = (p: PaymentRow) => ({
  id: p.id, requestId: p.request_id, channel: p.channel, amount: Number(p.amount_vnd), status: p.status,
  createdAt: p.created_at.toISOString(), confirmedAt: p.confirmed_at?.toISOString() ?? null, excess: p.excess, receiptId: p.receipt_document_id ?? null,
});

export function paymentRoutes(deps: ModuleContext) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    r.post('/dossiers/:code/payments', {
      config: { policy: 'citizen' },
      schema: {
        tags: ['payments'], summary: 'Pay the requested fees / Thanh toán phí, lệ phí',
        description: 'By the dossier\'s applicant, while the dossier is in status 6. `paymentUrl` is where to send the browser; the payment is `pending` until the channel confirms it.',
        params: CodeParam,
        body: Type.Object({ channel: Type.Enum(PAYMENT_CHANNELS) }, { additionalProperties: false }),
        response: { 201: Started, ...errors(400, 401, 403, 404, 409, 503) },
      },
    }, async (req, reply) => {
      const started = await startPayment(ctxFrom(deps, req), req.params.code, req.body.channel, req.ip, `${req.protocol}://${req.host}`);
      return reply.status(201).send(started);
    });

    r.get('/dossiers/:code/payments', {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['payments'], summary: 'Payment requests and payments of a dossier / Các yêu cầu và khoản thanh toán của hồ sơ',
        params: CodeParam,
        response: { 200: Type.Object({ dossierStatus: Type.Integer(), requests: Type.Array(RequestView), items: Type.Array(PaymentView) }), ...errors(401, 404) },
      },
    }, async (req) => {
      const { requests, payments, dossierStatus } = await listPayments(ctxFrom(deps, req), req.params.code);
      return { dossierStatus, requests: requests.map(presentRequest), items: payments.map(presentPayment) };
    });

    r.post('/dossiers/:code/payments/counter', {
      config: { policy: OFFICERS },
      schema: {
        tags: ['payments'], summary: 'Record a payment at the desk / Ghi nhận thu phí tại quầy',
        params: CodeParam,
        body: Type.Object({ method: Type.Union([Type.Literal('cash'), Type.Literal('card')]), reference: Type.Optional(Type.String({ maxLength: 60, pattern: '^[A-Za-z0-9._/-]*$' })) }, { additionalProperties: false }),
        response: { 201: Started, ...errors(400, 401, 403, 404, 409) },
      },
    }, async (req, reply) => {
      const ctx = ctxFrom(deps, req);
      const recorded = await recordCounterPayment(ctx, req.params.code, req.body);
      // The receipt at once for the desk to hand over (the payments.receipt job makes it otherwise).
      await issueReceipt(ctx, deps.services.blobs, recorded.id).catch(() => null);
      return reply.status(201).send(recorded);
    });

    r.get('/dossiers/:code/fees', {
      config: { policy: OFFICERS },
      schema: {
        tags: ['payments'], summary: 'The catalogue\'s fees for a dossier / Phí, lệ phí theo danh mục thủ tục',
        params: CodeParam,
        response: { 200: Type.Object({ intakeChannel: Type.String(), fees: Type.Array(Type.Object({ channel: Type.String(), amountVND: Type.Union([Type.Integer(), Type.Null()]), exempt: Type.Boolean(), text: Type.Union([Type.String(), Type.Null()]) })) }), ...errors(401, 403, 404) },
      },
    }, async (req) => feesOfDossier(ctxFrom(deps, req), req.params.code));

    r.get('/payments/:id', {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['payments'], summary: 'One payment, as the server knows it / Trạng thái một khoản thanh toán',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 200: Type.Intersect([PaymentView, Type.Object({ code: Type.String() })]), ...errors(400, 401, 404) },
      },
    }, async (req) => {
      const { payment, code } = await paymentFor(ctxFrom(deps, req), req.params.id);
      return { ...presentPayment(payment), code };
    });

    r.post('/payments/:id/refund', {
      config: { policy: { roles: ['counter_officer', 'agency_leader', 'province_admin'] } },
      schema: {
        tags: ['payments'], summary: 'Refund an overpayment / Hoàn trả khoản nộp thừa',
        description: 'A payment confirmed for a request another payment had already settled (`excess`); recorded with its reason, audited and receipted.',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        body: Type.Object({ reason: Type.String({ minLength: 3, maxLength: 300 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ id: Type.String(), status: Type.Literal('refunded'), refundReceiptId: Type.String() }), ...errors(400, 401, 403, 404, 409) },
      },
    }, async (req) => refundPayment(ctxFrom(deps, req), deps.services.blobs, req.params.id, req.body.reason));

    r.get('/payments/vnpay/ipn', {
      config: { policy: 'public' },
      schema: {
        tags: ['payments'], summary: 'VNPay IPN (server to server) / Thông báo kết quả thanh toán từ VNPay',
        description: 'Answers `{RspCode, Message}`, checked in this order: 97 bad checksum, 01 order not found, 04 wrong amount, 02 already confirmed, 00 confirmed, 99 other.',
        querystring: IpnQuery,
        response: { 200: Type.Object({ RspCode: Type.String(), Message: Type.String() }) },
      },
    }, async (req) => vnpayIpn(ctxFrom(deps, req), req.query));
  };
}
