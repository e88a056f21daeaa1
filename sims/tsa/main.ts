/**
 * Time-stamp authority simulator: RFC 3161 over HTTP (RFC 3161 §3.4), a separate process. OpenSSL
 * (`openssl ts -reply`) makes every answer; the simulator adds HTTP strictness and faults.
 *
 *   tsx sims/tsa/main.ts [--port N] [--host H] [--dir D] [--fault F]
 *     (env TSA_SIM_PORT, TSA_SIM_HOST (default 127.0.0.1), TSA_SIM_DIR (default: a new temp dir), TSA_SIM_FAULT)
 *   prints one line `{"port":N,"url":…,"caCert":…}` on stdout when listening; SIGTERM stops it.
 *
 *   POST /  (or /tsa)  application/timestamp-query → 200 application/timestamp-reply: granted, or a
 *                      rejection OpenSSL decides (malformed query: badDataFormat; digest other than
 *                      SHA-256/384/512: badAlg). Another content type: 415; a body over 64 KiB: 413;
 *                      another method: 405.
 *   GET  /ca.crt       the root to trust (PEM); GET /tsa.crt the signing certificate
 *   GET  /control      {"fault":…,"slowMs":…}; POST /control {"fault":…,"slowMs"?:…} sets them
 *   GET  /health       200
 *
 * Faults (for POSTs of queries only; /control and the rest keep answering):
 *   none            normal service
 *   down            the connection is destroyed without an answer (as a TSA that is gone)
 *   unavailable     503 Service Unavailable
 *   slow            the good answer after slowMs (default 30000)
 *   bad-signature   a granted reply whose token's signature does not verify
 *   rejection       status rejection (timeNotAvailable)
 *   garbage         200 application/timestamp-reply whose body is not DER
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openAuthority } from './authority.ts';
import { breakSignature, rejection } from './faults.ts';
import { stopWithParent } from '../lib/stop.ts';

export const FAULTS = ['none', 'down', 'unavailable', 'slow', 'bad-signature', 'rejection', 'garbage'] as const;
export type Fault = (typeof FAULTS)[number];
const MAX_QUERY = 64 * 1024;

function arg(name: string, env: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : process.env[env] || undefined;
}

const isFault = (f: unknown): f is Fault => typeof f === 'string' && (FAULTS as readonly string[]).includes(f);
const state = { fault: 'none' as Fault, slowMs: 30_000 };
const initial = arg('fault', 'TSA_SIM_FAULT');
if (initial !== undefined) {
  if (!isFault(initial)) throw new Error(`unknown fault ${initial} (one of ${FAULTS.join(', ')})`);
  state.fault = initial;
}

const dir = resolve(arg('dir', 'TSA_SIM_DIR') ?? mkdtempSync(join(tmpdir(), 'motcua-tsa-')));
const authority = await openAuthority(dir);

function text(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(body), ...headers }).end(body);
}
function json(res: ServerResponse, status: number, body: unknown): void {
  const s = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(s) }).end(s);
}

/** The body, or null when it is over `max` (the request is then answered 413 by the caller). */
async function body(req: IncomingMessage, max: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req as AsyncIterable<Buffer>) {
    size += c.length;
    if (size > max) return null;
    chunks.push(c);
  }
  return Buffer.concat(chunks);
}

const mediaType = (h: string | undefined) => (h ?? '').split(';')[0]!.trim().toLowerCase();

async function query(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') return text(res, 405, 'POST an application/timestamp-query\n', { allow: 'POST' });
  if (mediaType(req.headers['content-type']) !== 'application/timestamp-query') {
    return text(res, 415, 'Content-Type must be application/timestamp-query (RFC 3161 §3.4)\n');
  }
  const q = await body(req, MAX_QUERY);
  if (!q) return text(res, 413, `a time-stamp query is at most ${MAX_QUERY} bytes\n`, { connection: 'close' });
  const fault = state.fault;
  if (fault === 'down') return void req.socket.destroy();
  if (fault === 'unavailable') return text(res, 503, 'time-stamp authority unavailable (simulated)\n', { 'retry-after': '60' });
  if (fault === 'slow') await new Promise((r) => setTimeout(r, state.slowMs));
  if (res.destroyed) return;
  const reply = (b: Buffer) => void res.writeHead(200, { 'content-type': 'application/timestamp-reply', 'content-length': b.length }).end(b);
  if (fault === 'rejection') return reply(rejection('time source not available (simulated)'));
  if (fault === 'garbage') return reply(Buffer.from('this is not a TimeStampResp\n'));
  const good = await authority.reply(q);
  // A rejected query stays rejected: only a granted reply can have its signature broken.
  if (fault === 'bad-signature') {
    try {
      return reply(breakSignature(good));
    } catch {
      return reply(good);
    }
  }
  reply(good);
}

async function control(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method === 'GET') return json(res, 200, state);
  if (req.method !== 'POST') return text(res, 405, 'GET or POST\n', { allow: 'GET, POST' });
  if (mediaType(req.headers['content-type']) !== 'application/json') return text(res, 415, 'Content-Type must be application/json\n');
  const raw = await body(req, 4096);
  let asked: { fault?: unknown; slowMs?: unknown };
  try {
    asked = JSON.parse(raw?.toString('utf8') ?? '') as typeof asked;
  } catch {
    return json(res, 400, { error: 'malformed JSON' });
  }
  if (asked.fault !== undefined && !isFault(asked.fault)) return json(res, 400, { error: `fault must be one of ${FAULTS.join(', ')}` });
  if (asked.slowMs !== undefined && !(Number.isInteger(asked.slowMs) && (asked.slowMs as number) >= 0 && (asked.slowMs as number) <= 600_000)) {
    return json(res, 400, { error: 'slowMs must be an integer from 0 to 600000' });
  }
  if (asked.fault !== undefined) state.fault = asked.fault as Fault;
  if (asked.slowMs !== undefined) state.slowMs = asked.slowMs as number;
  json(res, 200, state);
}

const server = createServer((req, res) => {
  const path = (req.url ?? '/').split('?')[0];
  const handle = path === '/' || path === '/tsa' ? query(req, res)
    : path === '/control' ? control(req, res)
    : req.method === 'GET' && path === '/ca.crt' ? Promise.resolve(text(res, 200, readFileSync(authority.caCertPath, 'utf8'), { 'content-type': 'application/x-pem-file' }))
    : req.method === 'GET' && path === '/tsa.crt' ? Promise.resolve(text(res, 200, readFileSync(authority.tsaCertPath, 'utf8'), { 'content-type': 'application/x-pem-file' }))
    : req.method === 'GET' && path === '/health' ? Promise.resolve(text(res, 200, 'OK\n'))
    : Promise.resolve(text(res, 404, 'not found\n'));
  handle.catch((err: unknown) => {
    process.stderr.write(`tsa simulator: ${err instanceof Error ? err.message : String(err)}\n`);
    if (!res.headersSent) text(res, 500, 'time-stamp authority failed\n');
    else res.destroy();
  });
});
server.headersTimeout = 10_000;
server.requestTimeout = 30_000;

const host = arg('host', 'TSA_SIM_HOST') ?? '127.0.0.1';
server.listen(Number(arg('port', 'TSA_SIM_PORT') ?? 0), host, () => {
  const { port } = server.address() as { port: number };
  process.stdout.write(`${JSON.stringify({ port, url: `http://${host}:${port}/tsa`, caCert: authority.caCertPath, dir })}\n`);
});
stopWithParent(server);
