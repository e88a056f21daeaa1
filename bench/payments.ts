/**
 * `npm run bench:payments` (issue 16), on real PostgreSQL:
 *
 * 1. VNPay IPN notifications with valid signatures, each for a different pending payment (so each one
 *    confirms a payment: signature check, the row locked, state change, settlement, audit entry, outbox
 *    event, the dossier look-up), `GET /api/v1/payments/vnpay/ipn` of the server started as `npm start`
 *    does, autocannon; baseline in the same run: a bare Fastify route doing the same HMAC-SHA512 check
 *    over the same query strings and answering `{RspCode, Message}`. Reports req/s, the ratio, p50/p99.
 * 2. Reconciliation of 10,000 payments confirmed on one day against the channel's 10,000 records (a few
 *    differing): reading the day's payments and comparing, timed.
 *
 * Settings: BENCH_IPN (notifications, default 20000), BENCH_CONNECTIONS (default 10), BENCH_RECONCILE (10000).
 */
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { openDatabase } from '../src/db/index.ts';
import { compareLedgers, confirmedOn } from '../src/modules/payments/reconcile.ts';
import { verifySecureHash } from '../src/modules/payments/vnpay.ts';
import { signed } from '../sims/vnpay/protocol.ts';
import { requireDatabaseUrl, scratchDatabase, startServer } from './lib.ts';

const N = Number(process.env.BENCH_IPN ?? 20_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const RECONCILE = Number(process.env.BENCH_RECONCILE ?? 10_000);
const TMN = 'BENCH001';
const SECRET = 'bench-payments-secret';

function rows(n: number, status: 'pending' | 'confirmed', at: Date) {
  const requests = [];
  const payments = [];
  for (let i = 0; i < n; i++) {
    const requestId = randomUUID();
    const dossierId = randomUUID();
    const amount = 1000 * (1 + (i % 400));
    requests.push({
      id: requestId, dossier_id: dossierId, dossier_code: `BENCH-${i}`, request_seq: 5, applicant_id: null, agency_id: 'bench', procedure_code: '1.001193',
      items: JSON.stringify([{ name: 'Lệ phí', amountVND: amount }]), total_vnd: amount, payee: JSON.stringify({ bankName: 'KBNN', accountNumber: '1', accountName: 'x' }),
      requested_at: at, due_at: at, status: status === 'confirmed' ? 'settled' as const : 'open' as const,
    });
    payments.push({
      id: randomUUID(), request_id: requestId, dossier_id: dossierId, channel: 'vnpay' as const, amount_vnd: amount, status, txn_ref: `B${randomUUID().replace(/-/g, '').slice(0, 19)}`,
      channel_txn_no: null, created_by: null, created_at: at, confirmed_at: status === 'confirmed' ? at : null, finished_at: null, failure_code: null, last_query_at: null,
    });
  }
  return { requests, payments };
}

async function load(url: string, n: number, status: 'pending' | 'confirmed', at: Date) {
  const d = await openDatabase({ databaseUrl: url, pgliteDir: '' });
  const { requests, payments } = rows(n, status, at);
  for (let i = 0; i < n; i += 1000) {
    await d.db.insertInto('payment_requests').values(requests.slice(i, i + 1000)).execute();
    await d.db.insertInto('payments').values(payments.slice(i, i + 1000)).execute();
  }
  return { d, payments };
}

function ipnPaths(payments: { txn_ref: string; amount_vnd: number }[]): string[] {
  return payments.map((p) => `/api/v1/payments/vnpay/ipn?${new URLSearchParams(signed({
    vnp_Amount: String(p.amount_vnd * 100), vnp_BankCode: 'NCB', vnp_OrderInfo: 'Thanh toan phi', vnp_PayDate: '20260310100000', vnp_ResponseCode: '00',
    vnp_TmnCode: TMN, vnp_TransactionNo: '1', vnp_TransactionStatus: '00', vnp_TxnRef: p.txn_ref,
  }, SECRET))}`);
}

async function hammer(base: string, paths: string[]) {
  let i = 0;
  const r = await autocannon({
    url: base, connections: CONNECTIONS, amount: paths.length,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }],
  });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors };
}

const adminUrl = requireDatabaseUrl();
const scratch = await scratchDatabase(adminUrl, 'motcua_bench_payments');
const server = await startServer({ DATABASE_URL: scratch.url, SEED_DEMO: 'false', SIMULATORS: 'off', VNPAY_TMN_CODE: TMN, VNPAY_HASH_SECRET: SECRET, VNPAY_URL: 'http://127.0.0.1:9/x' });
try {
  const { d, payments } = await load(scratch.url, N, 'pending', new Date());
  const paths = ipnPaths(payments);
  const bare = Fastify();
  bare.get('/api/v1/payments/vnpay/ipn', async (req) => (verifySecureHash(req.query as Record<string, string>, SECRET) ? { RspCode: '00', Message: 'Confirm Success' } : { RspCode: '97', Message: 'Invalid Checksum' }));
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
  const baseline = await hammer(bareUrl, paths.slice(0, Math.min(paths.length, 20_000)));
  const ipn = await hammer(server.url, paths);
  // The same notifications again: each answers 02 (already confirmed), changing nothing.
  const replay = await hammer(server.url, paths);
  await bare.close();
  const confirmed = await d.db.selectFrom('payments').select((e) => e.fn.countAll<number>().as('n')).where('status', '=', 'confirmed').executeTakeFirstOrThrow();
  console.log(`IPN (valid signatures, each confirming a payment): ${ipn.rps.toFixed(0)} req/s, p50 ${ipn.p50} ms, p99 ${ipn.p99} ms, non-2xx ${ipn.non2xx}, errors ${ipn.errors}; confirmed ${confirmed.n}/${N}`);
  console.log(`baseline (bare Fastify route, same HMAC check): ${baseline.rps.toFixed(0)} req/s, p50 ${baseline.p50} ms, p99 ${baseline.p99} ms`);
  console.log(`IPN replayed (the same notifications, each answered 02): ${replay.rps.toFixed(0)} req/s, p50 ${replay.p50} ms, p99 ${replay.p99} ms`);
  console.log(`ratio confirming ${(ipn.rps / baseline.rps).toFixed(2)}, replayed ${(replay.rps / baseline.rps).toFixed(2)} (target ≥ 0.5); p99 ${ipn.p99} / ${replay.p99} ms (target < 20 ms)`);

  const day = new Date('2026-01-15T03:00:00Z');
  const rec = await load(scratch.url, RECONCILE, 'confirmed', day);
  const theirs = rec.payments.map((p, i) => ({ txnRef: p.txn_ref, amountVND: i % 1000 === 0 ? p.amount_vnd + 1 : p.amount_vnd }));
  const t0 = performance.now();
  const ours = await confirmedOn(d.db, 'vnpay', '2026-01-15');
  const mismatches = compareLedgers(ours, theirs);
  const ms = performance.now() - t0;
  console.log(`reconciliation: ${ours.length} payments against ${theirs.length} records in ${(ms / 1000).toFixed(2)} s (target < 10 s), ${mismatches.length} mismatches found`);
  await rec.d.close();
  await d.close();
} finally {
  await server.stop();
  await scratch.drop();
}
