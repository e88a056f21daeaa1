/**
 * Payments (issue 16), the module's core: fees from the catalogue, the request carried by
 * `request_payment`, the contract routes (owner only), the counter payment, and exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth } from './helpers.ts';
import { paymentsKit, type PayKit } from './support/payments-kit.ts';

let k: PayKit;
beforeAll(async () => {
  k = await paymentsKit({ payments: { ...(await import('../src/config.ts')).loadConfig({}).payments, vnpayUrl: 'http://127.0.0.1:9/paymentv2/vpcpay.html' } });
});
afterAll(() => k.t.close());

describe('fees and payment requests', () => {
  it('gives the officer the catalogue\'s fees per channel, exemptions included', async () => {
    const code = await k.awaitingPayment(8000);
    const res = await k.t.app.inject({ url: `/api/v1/dossiers/${code}/fees`, headers: auth(k.tokens.specialist) });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.intakeChannel).toBe('online');
    expect(body.fees.length).toBeGreaterThan(0);
    for (const f of body.fees) expect(f.exempt).toBe(f.amountVND === 0);
    expect((await k.t.app.inject({ url: `/api/v1/dossiers/${code}/fees`, headers: auth(k.tokens.citizen) })).statusCode).toBe(403);
  });

  it('carries the items, total, payee account and deadline of the officer\'s request', async () => {
    const items = [{ name: 'Lệ phí đăng ký khai sinh', amountVND: 8000 }, { name: 'Phí cấp bản sao trích lục', amountVND: 3000 }];
    const code = await k.awaitingPayment(11_000, items);
    const list = await k.payments(code);
    expect(list.dossierStatus).toBe(6);
    expect(list.requests).toHaveLength(1);
    const r = list.requests[0]!;
    expect(r).toMatchObject({ items, total: 11_000, status: 'open' });
    expect((r.payee as { accountNumber: string }).accountNumber).toMatch(/\d/);
    expect(new Date(String(r.dueAt)).getTime()).toBeGreaterThan(new Date(String(r.requestedAt)).getTime());
    // The applicant is told the amount in a notification.
    const notices = (await k.t.app.inject({ url: '/api/v1/notifications', headers: auth(k.tokens.citizen) })).json();
    expect(JSON.stringify(notices)).toMatch(/Số tiền phải nộp: 11\.000 đồng/);
  });

  it('refuses items that do not add up to the amount', async () => {
    const code = await k.awaitingPayment(5000);
    await k.act(k.tokens.desk, code, { action: 'confirm_payment' });
    const d = await k.dossier(code);
    const res = await k.t.app.inject({
      method: 'POST', url: `/api/v1/dossiers/${code}/actions`, headers: { ...auth(k.tokens.specialist), 'if-match': String(d.version) },
      payload: { action: 'request_payment', amountVND: 9000, feeItems: [{ name: 'Lệ phí', amountVND: 8000 }] },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect((await k.dossier(code)).statusCode).toBe(4);
  });
});

describe('POST /dossiers/{code}/payments', () => {
  it('answers the owner 201 {id, amount, status, paymentUrl} with a signed VNPay 2.1.0 URL', async () => {
    const code = await k.awaitingPayment(50_000);
    const { statusCode, body } = await k.pay(code, 'vnpay');
    expect(statusCode, JSON.stringify(body)).toBe(201);
    expect(body).toMatchObject({ amount: 50_000, status: 'pending', channel: 'vnpay' });
    const url = new URL(String(body.paymentUrl));
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ vnp_Version: '2.1.0', vnp_Command: 'pay', vnp_Amount: '5000000', vnp_CurrCode: 'VND', vnp_TmnCode: k.t.config.payments.vnpayTmnCode });
    expect(url.searchParams.get('vnp_OrderInfo')).toMatch(/^[A-Za-z0-9 ]+$/);
    expect(url.searchParams.get('vnp_CreateDate')).toMatch(/^\d{14}$/);
    expect(url.searchParams.get('vnp_SecureHash')).toMatch(/^[0-9a-f]{128}$/);
    const list = await k.payments(code);
    expect(list.items).toEqual([expect.objectContaining({ id: body.id, status: 'pending', amount: 50_000 })]);
  });

  it('refuses anyone but the owner, and a dossier with nothing to pay', async () => {
    const code = await k.awaitingPayment(20_000);
    expect((await k.pay(code, 'vnpay', k.tokens.other)).statusCode).toBe(404);
    expect((await k.pay(code, 'vnpay', k.tokens.desk)).statusCode).toBe(403);
    expect((await k.t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/payments`, payload: { channel: 'vnpay' } })).statusCode).toBe(401);
    const bad = await k.pay(code, 'bitcoin');
    expect(bad.statusCode).toBe(400);
    await k.t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/payments/counter`, headers: auth(k.tokens.desk), payload: { method: 'cash' } });
    const after = await k.pay(code, 'vnpay');
    expect(after.statusCode).toBe(409);
    expect(after.body.type).toMatch(/payment-not-requested/);
  });

  it('says the channel is unavailable when it is not configured, and keeps nothing', async () => {
    const code = await k.awaitingPayment(20_000);
    const res = await k.pay(code, 'paygov');
    expect(res.statusCode).toBe(503);
    expect((await k.payments(code)).items).toEqual([]);
  });
});

describe('counter payment, exactly once', () => {
  it('an officer records cash at the desk: confirmed, the dossier leaves status 6 once, a second record is refused', async () => {
    const code = await k.awaitingPayment(8000);
    const first = await k.t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/payments/counter`, headers: auth(k.tokens.desk), payload: { method: 'cash', reference: 'BL-0001' } });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ status: 'confirmed', amount: 8000, channel: 'counter' });
    const d = await k.dossier(code);
    expect(d.statusCode).toBe(4);
    expect(d.history.filter((e) => e.action === 'confirm_payment')).toHaveLength(1);
    const again = await k.t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/payments/counter`, headers: auth(k.tokens.desk), payload: { method: 'cash' } });
    expect(again.statusCode).toBe(409);
    const list = await k.payments(code);
    expect(list.requests[0]).toMatchObject({ status: 'settled', settledPaymentId: first.json().id });
    expect((await k.dossier(code)).history.filter((e) => e.action === 'confirm_payment')).toHaveLength(1);
  });

  it('a citizen cannot record a counter payment', async () => {
    const code = await k.awaitingPayment(8000);
    const res = await k.t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/payments/counter`, headers: auth(k.tokens.citizen), payload: { method: 'cash' } });
    expect(res.statusCode).toBe(403);
  });
});

describe('receipts', () => {
  it('a confirmed payment gets one signed electronic receipt, in the payer\'s documents and verifiable', async () => {
    const code = await k.awaitingPayment(8000, [{ name: 'Lệ phí đăng ký khai sinh', amountVND: 8000 }]);
    const res = await k.t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/payments/counter`, headers: auth(k.tokens.desk), payload: { method: 'card', reference: 'POS-778' } });
    expect(res.statusCode, res.body).toBe(201);
    const paid = (await k.payments(code)).items[0]!;
    const receiptId = String(paid.receiptId);
    expect(receiptId).toMatch(/^[0-9a-f-]{36}$/);
    const mine = (await k.t.app.inject({ url: '/api/v1/me/documents', headers: auth(k.tokens.citizen) })).json();
    expect(JSON.stringify(mine)).toContain(receiptId);
    const pdf = await k.t.app.inject({ url: `/api/v1/dossiers/${code}/documents/${receiptId}/pdf`, headers: auth(k.tokens.citizen) });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const verified = (await k.t.app.inject({ url: `/api/v1/verify/${receiptId}` })).json();
    expect(JSON.stringify(verified)).toMatch(/"valid":true/);
    // Made once: the job that would make it again finds it made.
    const { paymentsModule } = await import('../src/modules/payments/index.ts');
    const job = paymentsModule.jobs!({ db: k.t.database.db, clock: k.t.clock, config: k.t.config, services: k.t.services }).find((j) => j.name === 'payments.receipt')!;
    await job.handler({ payload: { paymentId: paid.id } }, {} as never);
    const after = (await k.payments(code)).items[0]!;
    expect(after.receiptId).toBe(receiptId);
    const docs = (await k.t.app.inject({ url: `/api/v1/dossiers/${code}/documents`, headers: auth(k.tokens.citizen) })).json();
    expect(JSON.stringify(docs).split('"receipt"').length - 1).toBe(1);
  });
});
