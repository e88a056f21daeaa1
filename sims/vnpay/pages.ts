/** The VNPay simulator's pages: the payment page, its error page and the cancelled page. Vietnamese with English. */
const head = (title: string) => `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:520px;margin:2rem auto;padding:0 1rem;line-height:1.5}button{font-size:1.1rem;padding:.7rem 1.2rem;margin:.3rem}</style></head><body><main>`;
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function payPage(token: string, amountVND: number, orderInfo: string): string {
  return `${head('VNPAY (mô phỏng) – Thanh toán / Payment')}<h1>Cổng thanh toán VNPAY (mô phỏng) / VNPAY simulator</h1>
<p>Số tiền / Amount: <strong data-amount="${amountVND}">${new Intl.NumberFormat('vi-VN').format(amountVND)} ₫</strong></p><p>${esc(orderInfo)}</p>
<form method="post" action="/paymentv2/confirm"><input type="hidden" name="token" value="${token}">
<button name="action" value="pay" type="submit">Thanh toán / Pay</button> <button name="action" value="cancel" type="submit">Hủy / Cancel</button></form></main></body></html>`;
}

export function errorPage(code: string, why: string): string {
  return `${head('VNPAY (mô phỏng) – Lỗi / Error')}<h1>Giao dịch không hợp lệ / Invalid transaction</h1><p>Mã lỗi / Code: <strong data-code="${code}">${code}</strong></p><p>${esc(why)}</p></main></body></html>`;
}

