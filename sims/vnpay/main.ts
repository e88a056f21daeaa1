/**
 * VNPay simulator: a separate process speaking VNPay 2.1.0 as the real gateway does, for the demo and
 * tests. Strict: a payment URL with a missing or malformed field, another terminal, an expired order
 * or one wrong character in the checksum gets VNPay's error page (code 70 / 11 / 03), never a payment.
 *
 *   tsx sims/vnpay/main.ts [--port N] [--tmn CODE] [--secret S] [--ipn URL] [--fault F]
 *   (env VNPAY_SIM_PORT, VNPAY_TMN_CODE, VNPAY_HASH_SECRET, VNPAY_SIM_IPN_URL); prints one JSON line
 *   `{"port","url","apiUrl"}` when listening; SIGTERM stops it.
 *
 *   GET  /paymentv2/vpcpay.html?vnp_…   the payment page the browser is sent to (Pay / Cancel)
 *   POST /paymentv2/confirm             the page's form: records the transaction, calls the IPN (server
 *                                       to server) and redirects the browser to vnp_ReturnUrl, signed
 *   POST /merchant_webapi/api/transaction   querydr (checksum checked)
 *   GET  /records?date=YYYY-MM-DD       the simulator's own records of that day (reconciliation)
 *   POST /control {fault?, ipnUrl?}     faults: none | no-ipn | duplicate-ipn | ipn-before-return |
 *                                       wrong-amount | tampered-ipn | down
 *   GET  /health
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { pipeHash, parseVnTime, REQUIRED, sign, signed, vnTime } from './protocol.ts';
import { errorPage, payPage } from './pages.ts';
import { stopWithParent } from '../lib/stop.ts';

const FAULTS = ['none', 'no-ipn', 'duplicate-ipn', 'ipn-before-return', 'wrong-amount', 'tampered-ipn', 'down'] as const;
type Fault = (typeof FAULTS)[number];

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const tmn = arg('tmn') ?? process.env.VNPAY_TMN_CODE ?? 'MOTCUA01';
const secret = arg('secret') ?? process.env.VNPAY_HASH_SECRET ?? 'MOTCUADEMOVNPAYSECRET2026';
let ipnUrl = arg('ipn') ?? process.env.VNPAY_SIM_IPN_URL ?? '';
let fault: Fault = (arg('fault') as Fault | undefined) ?? 'none';

interface Txn {
  fields: Record<string, string>;
  transactionNo: string;
  status: '00' | '24' | '01';
  payDate: string;
  day: string;
}
/** Orders shown to a browser, by a one-time token; finished transactions, by TxnRef. */
const shown = new Map<string, Record<string, string>>();
const records = new Map<string, Txn>();
let seq = 14_000_000;

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
function html(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
}
async function bodyOf(req: IncomingMessage): Promise<string> {
  let s = '';
  for await (const c of req) s += c;
  return s;
}

/** Why the payment URL is refused (VNPay's codes: 70 bad signature, 03 bad data, 11 expired), or null. */
function refusal(f: Record<string, string>): { code: string; why: string } | null {
  for (const [k, re] of Object.entries(REQUIRED)) if (!re.test(f[k] ?? '')) return { code: '03', why: `${k} is missing or malformed` };
  if (f.vnp_SecureHash !== sign(f, secret)) return { code: '70', why: 'checksum does not match' };
  if (f.vnp_TmnCode !== tmn) return { code: '02', why: 'unknown terminal' };
  const expires = parseVnTime(f.vnp_ExpireDate);
  if (!expires || expires.getTime() < Date.now()) return { code: '11', why: 'the order has expired' };
  return null;
}

/** The signed result fields of a transaction (IPN and return URL carry the same). */
function resultFields(t: Txn, amountOverride?: string): Record<string, string> {
  return signed({
    vnp_Amount: amountOverride ?? t.fields.vnp_Amount!, vnp_BankCode: 'NCB', vnp_BankTranNo: `VNP${t.transactionNo}`, vnp_CardType: 'ATM',
    vnp_OrderInfo: t.fields.vnp_OrderInfo!, vnp_PayDate: t.payDate, vnp_ResponseCode: t.status, vnp_TmnCode: tmn,
    vnp_TransactionNo: t.transactionNo, vnp_TransactionStatus: t.status === '00' ? '00' : '02', vnp_TxnRef: t.fields.vnp_TxnRef!,
  }, secret);
}

async function callIpn(t: Txn): Promise<void> {
  if (!ipnUrl) return;
  let f = resultFields(t, fault === 'wrong-amount' ? String(Number(t.fields.vnp_Amount) + 100_000) : undefined);
  if (fault === 'tampered-ipn') f = { ...f, vnp_Amount: f.vnp_Amount!.replace(/.$/, (d) => String((Number(d) + 1) % 10)) };
  const url = new URL(ipnUrl);
  for (const [k, v] of Object.entries(f)) url.searchParams.set(k, v);
  try {
    await fetch(url, { signal: AbortSignal.timeout(10_000) });
  } catch {
    // VNPay retries an IPN that was not answered; the merchant's status query is the other way.
  }
}

async function confirm(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = new URLSearchParams(await bodyOf(req));
  const f = shown.get(form.get('token') ?? '');
  if (!f) return html(res, 400, errorPage('01', 'unknown or used session'));
  shown.delete(form.get('token')!);
  const now = new Date();
  const t: Txn = { fields: f, transactionNo: String(++seq), status: form.get('action') === 'cancel' ? '24' : '00', payDate: vnTime(now), day: vnTime(now).slice(0, 8) };
  records.set(f.vnp_TxnRef!, t);
  const back = new URL(f.vnp_ReturnUrl!);
  for (const [k, v] of Object.entries(resultFields(t))) back.searchParams.set(k, v);
  const ipns = fault === 'no-ipn' ? 0 : fault === 'duplicate-ipn' ? 2 : 1;
  if (fault === 'ipn-before-return') await callIpn(t);
  res.writeHead(302, { location: back.toString(), 'cache-control': 'no-store' });
  res.end();
  if (fault !== 'ipn-before-return') for (let i = 0; i < ipns; i++) await callIpn(t);
}

function querydr(body: Record<string, string>, res: ServerResponse): void {
  const expect = pipeHash([body.vnp_RequestId, body.vnp_Version, body.vnp_Command, body.vnp_TmnCode, body.vnp_TxnRef, body.vnp_TransactionDate, body.vnp_CreateDate, body.vnp_IpAddr, body.vnp_OrderInfo], secret);
  const t = records.get(body.vnp_TxnRef ?? '');
  const base: Record<string, string> = { vnp_ResponseId: randomBytes(8).toString('hex'), vnp_Command: 'querydr', vnp_TmnCode: tmn, vnp_TxnRef: body.vnp_TxnRef ?? '' };
  let r: Record<string, string>;
  if (body.vnp_SecureHash !== expect || body.vnp_TmnCode !== tmn) r = { ...base, vnp_ResponseCode: '97', vnp_Message: 'Invalid Checksum' };
  else if (!t) r = { ...base, vnp_ResponseCode: '91', vnp_Message: 'Transaction not found' };
  else {
    r = {
      ...base, vnp_ResponseCode: '00', vnp_Message: 'QueryDR Success', vnp_Amount: t.fields.vnp_Amount!, vnp_BankCode: 'NCB', vnp_PayDate: t.payDate,
      vnp_TransactionNo: t.transactionNo, vnp_TransactionType: '01', vnp_TransactionStatus: t.status === '00' ? '00' : '02', vnp_OrderInfo: t.fields.vnp_OrderInfo!,
      vnp_PromotionCode: '', vnp_PromotionAmount: '',
    };
  }
  r.vnp_SecureHash = pipeHash([r.vnp_ResponseId, r.vnp_Command, r.vnp_ResponseCode, r.vnp_Message, r.vnp_TmnCode, r.vnp_TxnRef, r.vnp_Amount, r.vnp_BankCode, r.vnp_PayDate,
    r.vnp_TransactionNo, r.vnp_TransactionType, r.vnp_TransactionStatus, r.vnp_OrderInfo, r.vnp_PromotionCode, r.vnp_PromotionAmount], secret);
  json(res, 200, r);
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://sim');
  void (async () => {
    if (url.pathname === '/health') return json(res, 200, { ok: true });
    if (url.pathname === '/control' && req.method === 'POST') {
      const b = JSON.parse((await bodyOf(req)) || '{}') as { fault?: Fault; ipnUrl?: string };
      if (b.fault && !FAULTS.includes(b.fault)) return json(res, 400, { error: `fault is one of ${FAULTS.join(', ')}` });
      if (b.fault) fault = b.fault;
      if (typeof b.ipnUrl === 'string') ipnUrl = b.ipnUrl;
      return json(res, 200, { fault, ipnUrl });
    }
    if (url.pathname === '/records') {
      const day = (url.searchParams.get('date') ?? '').replace(/-/g, '');
      return json(res, 200, [...records.values()].filter((t) => t.day === day && t.status === '00').map((t) => ({ txnRef: t.fields.vnp_TxnRef, amountVND: Number(t.fields.vnp_Amount) / 100, transactionNo: t.transactionNo, payDate: t.payDate })));
    }
    if (fault === 'down') return html(res, 503, errorPage('99', 'the payment gateway is down'));
    if (url.pathname === '/paymentv2/vpcpay.html' && req.method === 'GET') {
      const f = Object.fromEntries(url.searchParams);
      const bad = refusal(f);
      if (bad) return html(res, 400, errorPage(bad.code, bad.why));
      const token = randomBytes(16).toString('hex');
      shown.set(token, f);
      return html(res, 200, payPage(token, Number(f.vnp_Amount) / 100, f.vnp_OrderInfo!));
    }
    if (url.pathname === '/paymentv2/confirm' && req.method === 'POST') return confirm(req, res);
    if (url.pathname === '/merchant_webapi/api/transaction' && req.method === 'POST') {
      let b: Record<string, string>;
      try { b = JSON.parse(await bodyOf(req)) as Record<string, string>; } catch { return json(res, 400, { vnp_ResponseCode: '03', vnp_Message: 'Invalid data format' }); }
      return querydr(b, res);
    }
    json(res, 404, { error: 'not found' });
  })().catch(() => { if (!res.headersSent) json(res, 500, { error: 'simulator error' }); });
});

server.listen(Number(arg('port') ?? process.env.VNPAY_SIM_PORT ?? 0), '127.0.0.1', () => {
  const port = (server.address() as { port: number }).port;
  const base = `http://127.0.0.1:${port}`;
  process.stdout.write(`${JSON.stringify({ port, url: `${base}/paymentv2/vpcpay.html`, apiUrl: `${base}/merchant_webapi/api/transaction`, base })}\n`);
});
stopWithParent(server);
