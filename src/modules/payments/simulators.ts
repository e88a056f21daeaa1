/**
 * The payment channels' simulators (sims/vnpay, sims/paygov), separate processes started like every
 * simulator (src/platform/simulators.ts): in demo mode by `npm start` when VNPAY_URL is unset, and by
 * tests. Never in production.
 */
import { simulatorsWanted, startSimulator, type Simulator } from '../../platform/simulators.ts';
import type { Config } from '../../config.ts';

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

/**
 * Demo mode (`npm start`): starts the VNPay simulator unless VNPAY_URL is set or SIMULATORS=off, and
 * points the settings at it; its IPN calls this server. Production: nothing.
 */
export async function startDemoPaymentSimulators(config: Config, env: NodeJS.ProcessEnv = process.env, log: (m: string) => void = () => undefined): Promise<{ stop(): Promise<void> }> {
  const started: Simulator[] = [];
  if (simulatorsWanted(config, env) && !config.payments.vnpayUrl) {
    const vnpay = await startVnpaySimulator({
      tmnCode: config.payments.vnpayTmnCode, hashSecret: config.payments.vnpayHashSecret,
      ipnUrl: `http://127.0.0.1:${config.port}/api/v1/payments/vnpay/ipn`,
    });
    started.push(vnpay);
    config.payments.vnpayUrl = vnpay.url;
    config.payments.vnpayApiUrl = vnpay.apiUrl;
    log(`motcua: demo VNPay (simulator) at ${vnpay.base}`);
  }
  return { stop: async () => void (await Promise.all(started.map((s) => s.stop()))) };
}
