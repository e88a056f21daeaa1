/**
 * The page the browser comes back to from a channel (`/thanh-toan/ket-qua?payment=ID`). It tells what
 * the server knows — paid, pending, failed, cancelled — never what the URL says: only a channel's
 * notification or a status query changes a payment. A pending payment's page looks again by itself.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../../platform/context.ts';
import * as store from './store.ts';
import type { PaymentStatus } from './model.ts';

const TEXT: Record<PaymentStatus | 'unknown', { vi: string; en: string; detailVi: string; detailEn: string }> = {
  confirmed: { vi: 'Đã thanh toán', en: 'Paid', detailVi: 'Khoản thanh toán đã được xác nhận; biên lai điện tử có trong kho dữ liệu của bạn.', detailEn: 'The payment is confirmed; the electronic receipt is in your documents.' },
  pending: { vi: 'Đang chờ xác nhận', en: 'Pending', detailVi: 'Chưa nhận được xác nhận từ kênh thanh toán. Trang sẽ tự cập nhật; không thanh toán lại.', detailEn: 'The payment channel has not confirmed yet. This page updates itself; do not pay again.' },
  failed: { vi: 'Thanh toán không thành công', en: 'Payment failed', detailVi: 'Không có khoản tiền nào bị trừ được ghi nhận. Bạn có thể thanh toán lại.', detailEn: 'No charge was recorded. You may pay again.' },
  cancelled: { vi: 'Đã hủy thanh toán', en: 'Payment cancelled', detailVi: 'Bạn đã hủy giao dịch. Bạn có thể thanh toán lại.', detailEn: 'You cancelled the transaction. You may pay again.' },
  refunded: { vi: 'Đã hoàn tiền', en: 'Refunded', detailVi: 'Khoản thanh toán đã được hoàn lại.', detailEn: 'The payment was refunded.' },
  unknown: { vi: 'Không tìm thấy giao dịch', en: 'Payment not found', detailVi: 'Không có giao dịch nào như vậy.', detailEn: 'There is no such payment.' },
};

const vnd = (n: number) => `${new Intl.NumberFormat('vi-VN').format(n)} ₫`;

export function returnPageHtml(status: PaymentStatus | 'unknown', amount: number | null): string {
  const t = TEXT[status];
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
${status === 'pending' ? '<meta http-equiv="refresh" content="5">' : ''}<title>${t.vi} / ${t.en}</title>
<style>body{font-family:system-ui,sans-serif;max-width:640px;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}
.s{padding:1rem;border-radius:8px;border:2px solid #555}.confirmed{border-color:#1b6e20}.failed,.cancelled{border-color:#a4000f}a{color:#0b4f9c}</style></head>
<body><main><div class="s ${status}" role="status" data-status="${status}"><h1>${t.vi}</h1><p>${t.detailVi}</p>
<p lang="en"><strong>${t.en}.</strong> ${t.detailEn}</p>${amount !== null ? `<p>Số tiền / Amount: <strong>${vnd(amount)}</strong></p>` : ''}</div>
<p><a href="/me/dossiers">Về hồ sơ của tôi / Back to my dossiers</a></p></main></body></html>`;
}

export function returnPageRoutes(deps: AppDeps) {
  return async function (app: FastifyInstance) {
    app.withTypeProvider<TypeBoxTypeProvider>().get('/thanh-toan/ket-qua', {
      config: { policy: 'public' },
      schema: { hide: true, querystring: Type.Object({ payment: Type.Optional(Type.String({ maxLength: 64 })) }, { additionalProperties: true }) },
    }, async (req, reply) => {
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').type('text/html; charset=utf-8');
      const id = req.query.payment ?? '';
      const p = /^[0-9a-f-]{36}$/.test(id) ? await store.paymentById(deps.db, id) : undefined;
      if (!p) return reply.status(404).send(returnPageHtml('unknown', null));
      return returnPageHtml(p.status, Number(p.amount_vnd));
    });
  };
}
