/** Test kit for payments: an app, the demo commune's accounts, dossiers awaiting payment. */
import { expect } from 'vitest';
import { ensurePki } from '../../src/modules/pki/index.ts';
import type { Config } from '../../src/config.ts';
import { auth, DEMO_CITIZEN, DEMO_COMMUNE, login, registerCitizen, testApp, upload, type TestApp } from '../helpers.ts';
import { fill } from '../sample-form.ts';

export const PROCEDURE = '1.001193'; // Đăng ký khai sinh: the commune receives, its officer handles
export const HOUR = 3_600_000;

export interface PayKit {
  t: TestApp;
  tokens: Record<'citizen' | 'desk' | 'specialist' | 'other', string>;
  /** A dossier of the demo citizen in status 6, asked `amount` đồng (with items when given). */
  awaitingPayment(amount: number, feeItems?: { name: string; amountVND: number }[]): Promise<string>;
  act(token: string, code: string, body: Record<string, unknown>): Promise<Record<string, unknown>>;
  dossier(code: string): Promise<{ statusCode: number; version: number; history: { action: string }[] }>;
  pay(code: string, channel: string, token?: string): Promise<{ statusCode: number; body: Record<string, unknown> }>;
  payments(code: string, token?: string): Promise<{ dossierStatus: number; requests: Record<string, unknown>[]; items: Record<string, unknown>[] }>;
}

export async function paymentsKit(overrides: Partial<Config> = {}): Promise<PayKit> {
  // The clock moves an hour per dossier; sessions outlive the run.
  const t = await testApp({ sessionTtlHours: 24 * 365 * 2, ...overrides });
  await ensurePki(t.database.db, t.config, t.clock);
  const tokens = {
    citizen: await login(t.app, DEMO_CITIZEN), desk: await login(t.app, 'motcua.dongthuan'), specialist: await login(t.app, 'chuyenvien.dongthuan'),
    other: (await registerCitizen(t.app)).token,
  };
  const procedure = (await t.app.inject({ url: `/api/v1/procedures/${PROCEDURE}` })).json() as { components: { code: string; required: boolean }[]; eform: Record<string, unknown> };
  let n = 0;
  const get = (token: string, code: string) => t.app.inject({ url: `/api/v1/dossiers/${code}`, headers: auth(token) });
  async function act(token: string, code: string, body: Record<string, unknown>) {
    const v = (await get(token, code)).json().version;
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/actions`, headers: { ...auth(token), 'if-match': String(v) }, payload: body });
    expect(res.statusCode, `${String(body.action)}: ${res.body}`).toBe(200);
    return res.json();
  }
  return {
    t, tokens, act,
    async awaitingPayment(amount, feeItems) {
      const files = [];
      for (const c of procedure.components.filter((x) => x.required)) files.push({ componentCode: c.code, fileId: (await upload(t.app, tokens.citizen)).json().id });
      const res = await t.app.inject({
        method: 'POST', url: '/api/v1/dossiers', headers: { ...auth(tokens.citizen), 'idempotency-key': `payments-${process.pid}-${++n}-${Date.now()}` },
        payload: { procedureCode: PROCEDURE, formData: fill(procedure.eform as never, { communeCode: DEMO_COMMUNE, applicantIdNumber: DEMO_CITIZEN, childFullName: 'Lê Bảo Ngọc' }), files },
      });
      expect(res.statusCode, res.body).toBe(201);
      const code = res.json().code as string;
      await act(tokens.desk, code, { action: 'receive' });
      await act(tokens.desk, code, { action: 'assign' });
      t.clock.advance(HOUR);
      await act(tokens.specialist, code, { action: 'request_payment', amountVND: amount, description: 'Lệ phí đăng ký khai sinh', ...(feeItems ? { feeItems } : {}) });
      return code;
    },
    async dossier(code) {
      return (await get(tokens.desk, code)).json();
    },
    async pay(code, channel, token = tokens.citizen) {
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/payments`, headers: auth(token), payload: { channel } });
      return { statusCode: res.statusCode, body: res.json() };
    },
    async payments(code, token = tokens.citizen) {
      const res = await t.app.inject({ url: `/api/v1/dossiers/${code}/payments`, headers: auth(token) });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    },
  };
}
