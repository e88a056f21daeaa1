/**
 * Paying a fee in the browser (issue 16), on a phone: the citizen sees the amount on the dossier page,
 * chooses VNPay, pays on the VNPay simulator's page (a separate process), comes back to a page that
 * says paid — the simulator's IPN confirmed it — and the dossier has moved on. Axe on the pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { loadConfig } from '../../src/config.ts';
import { startVnpaySimulator, type VnpaySimulator } from '../../src/modules/payments/index.ts';
import { auth, DEMO_COMMUNE, login, registerCitizen, upload } from '../helpers.ts';
import { fill } from '../sample-form.ts';
import { axe, context, ensureWebBuilt, failureShots, launch, PHONE, serve, type Served } from './harness.ts';
import { check, signIn } from './steps.ts';

const KEYS = { tmnCode: 'MOTCUA01', hashSecret: 'browser-test-vnpay-secret' };
let server: Served;
let browser: Browser;
let sim: VnpaySimulator;

beforeAll(async () => {
  await ensureWebBuilt();
  sim = await startVnpaySimulator({ ...KEYS });
  [server, browser] = await Promise.all([
    serve({ config: { payments: { ...loadConfig({}).payments, vnpayTmnCode: KEYS.tmnCode, vnpayHashSecret: KEYS.hashSecret, vnpayUrl: sim.url, vnpayApiUrl: sim.apiUrl } } }),
    launch(),
  ]);
  // The test clock stands in March 2026; the simulator judges an order's expiry by the machine's clock.
  server.clock.advance(Math.max(0, Date.now() - server.clock.now().getTime()));
  await sim.control({ ipnUrl: `${server.url}/api/v1/payments/vnpay/ipn`, fault: 'ipn-before-return' });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await sim?.stop();
});

async function awaitingPayment(): Promise<{ code: string; idNumber: string }> {
  const { app } = server;
  const { idNumber, token } = await registerCitizen(app, 'Hoàng Văn Nam');
  const p = (await app.inject({ url: '/api/v1/procedures/1.001193' })).json();
  const files = [];
  for (const c of p.components.filter((c: { required: boolean }) => c.required)) files.push({ componentCode: c.code, fileId: (await upload(app, token)).json().id });
  const res = await app.inject({
    method: 'POST', url: '/api/v1/dossiers', headers: { ...auth(token), 'idempotency-key': `browser-pay-${idNumber}` },
    payload: { procedureCode: '1.001193', formData: fill(p.eform, { communeCode: DEMO_COMMUNE, applicantIdNumber: idNumber }), files },
  });
  expect(res.statusCode, res.body).toBe(201);
  const code = res.json().code as string;
  const desk = await login(app, 'motcua.dongthuan');
  const specialist = await login(app, 'chuyenvien.dongthuan');
  for (const [tok, body] of [[desk, { action: 'receive' }], [desk, { action: 'assign' }], [specialist, { action: 'request_payment', amountVND: 8000, feeItems: [{ name: 'Lệ phí đăng ký khai sinh', amountVND: 8000 }] }]] as const) {
    const v = (await app.inject({ url: `/api/v1/dossiers/${code}`, headers: auth(tok) })).json().version;
    const r = await app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/actions`, headers: { ...auth(tok), 'if-match': String(v) }, payload: body });
    expect(r.statusCode, r.body).toBe(200);
  }
  return { code, idNumber };
}

describe('paying a fee through VNPay', () => {
  it('shows the amount, pays on the channel\'s page, comes back paid, and the dossier moves on', async () => {
    const vp = PHONE;
    try {
      const { code, idNumber } = await awaitingPayment();
      const ctx = await context(browser, server.url, vp);
      const page = await ctx.newPage();
      await signIn(page, idNumber, 'Hoa-sen-2026');
      await page.goto(`/me/dossiers/${code}`);
      await page.getByTestId('pay-total').waitFor();
      expect(await page.getByTestId('pay-total').textContent()).toMatch(/8[.,]000/);
      await check(page, vp, '60-payment-requested');
      await page.getByRole('radio', { name: 'VNPay' }).check();
      await page.getByRole('button', { name: /Thanh toán/ }).click();
      await page.waitForURL((u) => u.pathname === '/paymentv2/vpcpay.html');
      await page.getByRole('button', { name: 'Thanh toán / Pay' }).click();
      await page.waitForURL((u) => u.pathname === '/thanh-toan/ket-qua');
      expect(await page.locator('[role=status]').getAttribute('data-status')).toBe('confirmed');
      await page.getByText('Đã thanh toán').first().waitFor();
      expect(await axe(page)).toEqual([]);
      await page.goto(`/me/dossiers/${code}`);
      await page.locator('.payments [data-status=confirmed]').waitFor();
      await page.locator('.status-line').getByText('Đang xử lý').waitFor();
      expect(ctx.problems).toEqual([]);
    } catch (err) {
      await failureShots(browser, vp);
      throw err;
    }
  }, 240_000);
});
