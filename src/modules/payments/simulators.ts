/**
 * The payment channels' simulators (sims/vnpay, sims/paygov), separate processes started like every
 * simulator (src/platform/simulators.ts): in demo mode by `npm start` when VNPAY_URL is unset, and by
 * tests. Never in production.
 */
import { startSimulator, type Simulator } from '../../platform/simulators.ts';

export type VnpayFault = 'none' | 'no-ipn' | 'duplicate-ipn' | 'ipn-before-return' | 'wrong-amount' | 'tampered-ipn' | 'down';

export interface VnpaySimulator extends Simulator {
  url: string;
  apiUrl: string;
  base: string;
  control(c: { fault?: VnpayFault; ipnUrl?: string }): Promise<void>;
  records(date: string): Promise<{ txnRef: string; amountVND: number; transactionNo: string; payDate: string }[]>;
}

export async function startVnpaySimulator(opts: { tmnCode: string; hashSecret: string; ipnUrl?: string }): Promise<VnpaySimulator> {
  const sim = await startSimulator('vnpay/main.ts', ['--tmn', opts.tmnCode, '--secret', opts.hashSecret, ...(opts.ipnUrl ? ['--ipn', opts.ipnUrl] : [])]);
  const base = String(sim.info.base);
  return {
    ...sim, url: sim.info.url, apiUrl: String(sim.info.apiUrl), base,
    async control(c) {
      const res = await fetch(`${base}/control`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(c) });
      if (!res.ok) throw new Error(`the VNPay simulator refused ${JSON.stringify(c)}: ${res.status}`);
    },
    async records(date) {
      return (await fetch(`${base}/records?date=${date}`)).json() as never;
    },
  };
}
