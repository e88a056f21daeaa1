/**
 * Exactly once (issue 16), as a property: whatever notifications arrive — valid or failed payments,
 * duplicates, replays, wrong amounts, tampered ones, in any order, some at once — each payment changes
 * state at most once, the dossier leaves status 6 exactly once when some payment was confirmed, and the
 * ledger balances: confirmed payments not owed back = settled requests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadConfig } from '../src/config.ts';
import { signed } from '../sims/vnpay/protocol.ts';
import { paymentsKit, type PayKit } from './support/payments-kit.ts';

let k: PayKit;
const SECRET = 'ledger-test-secret';
beforeAll(async () => {
  k = await paymentsKit({ payments: { ...loadConfig({}).payments, vnpayTmnCode: 'MOTCUA01', vnpayHashSecret: SECRET, vnpayUrl: 'http://127.0.0.1:9/paymentv2/vpcpay.html' } });
});
afterAll(() => k.t.close());

type Kind = 'success' | 'failure' | 'wrong_amount' | 'tampered' | 'unknown_order';
const Note = fc.record({ payment: fc.nat(2), kind: fc.constantFrom<Kind>('success', 'failure', 'wrong_amount', 'tampered', 'unknown_order'), together: fc.boolean() });

function notification(txnRef: string, amount: number, kind: Kind): Record<string, string> {
  const f = signed({
    vnp_Amount: String((kind === 'wrong_amount' ? amount + 1000 : amount) * 100), vnp_BankCode: 'NCB', vnp_OrderInfo: 'ledger', vnp_PayDate: '20260310100000',
    vnp_ResponseCode: kind === 'failure' ? '51' : '00', vnp_TmnCode: 'MOTCUA01', vnp_TransactionNo: '1', vnp_TransactionStatus: kind === 'failure' ? '02' : '00',
    vnp_TxnRef: kind === 'unknown_order' ? `X${txnRef}` : txnRef,
  }, SECRET);
  return kind === 'tampered' ? { ...f, vnp_PayDate: '20260310100001' } : f;
}

describe('the ledger', () => {
  it('balances, and the dossier leaves status 6 exactly once, whatever the notifications', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: 3 }), fc.array(Note, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 500 }), async (nPayments, notes, thousands) => {
      const amount = thousands * 1000;
      const code = await k.awaitingPayment(amount);
      const refs: string[] = [];
      for (let i = 0; i < nPayments; i++) {
        const { statusCode, body } = await k.pay(code, 'vnpay');
        expect(statusCode).toBe(201);
        refs.push(new URL(String(body.paymentUrl)).searchParams.get('vnp_TxnRef')!);
      }
      // The model: a payment takes the first valid notification for it, nothing after.
      const expected = refs.map(() => 'pending');
      const send = (n: { payment: number; kind: Kind }) => k.t.app.inject({ url: `/api/v1/payments/vnpay/ipn?${new URLSearchParams(notification(refs[n.payment % nPayments]!, amount, n.kind))}` });
      for (let i = 0; i < notes.length; i++) {
        const n = notes[i]!;
        const batch = n.together && i + 1 < notes.length ? [n, notes[++i]!] : [n];
        const answers = await Promise.all(batch.map(send));
        for (const [j, m] of batch.entries()) {
          const idx = m.payment % nPayments;
          const rsp = answers[j]!.json().RspCode as string;
          if (m.kind === 'tampered') expect(rsp).toBe('97');
          else if (m.kind === 'unknown_order') expect(rsp).toBe('01');
          else if (m.kind === 'wrong_amount') expect(rsp).toBe('04');
          if ((m.kind === 'success' || m.kind === 'failure') && expected[idx] === 'pending') expected[idx] = m.kind === 'success' ? 'confirmed' : 'failed';
        }
      }
      const list = await k.payments(code);
      const byRef = new Map(list.items.map((p) => [p.id, p]));
      expect(byRef.size).toBe(nPayments);
      const statuses = list.items.map((p) => p.status).sort();
      expect(statuses).toEqual([...expected].sort());
      const confirmed = list.items.filter((p) => p.status === 'confirmed');
      const kept = confirmed.filter((p) => !p.excess).reduce((s, p) => s + Number(p.amount), 0);
      const settled = list.requests.filter((r) => r.status === 'settled').reduce((s, r) => s + Number(r.total), 0);
      expect(kept).toBe(settled);
      expect(confirmed.filter((p) => !p.excess).length).toBe(confirmed.length ? 1 : 0);
      const d = await k.dossier(code);
      expect(d.history.filter((e) => e.action === 'confirm_payment')).toHaveLength(confirmed.length ? 1 : 0);
      expect(d.statusCode).toBe(confirmed.length ? 4 : 6);
    }), { numRuns: Number(process.env.LEDGER_RUNS ?? 12), seed: Number(process.env.LEDGER_SEED ?? 1616) });
  }, 600_000);
});
