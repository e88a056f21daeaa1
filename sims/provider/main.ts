/**
 * Provider simulator: a service provider's backend behind the gateway, as a separate process speaking
 * plain HTTP/1.1. Strict about what it accepts: every request but `/health` must carry the X-Road headers
 * the gateway forwards (X-Road-Client, X-Road-Service, X-Road-Id, X-Road-Request-Id) and no hop-by-hop or
 * gateway-credential header; otherwise 400 `{"error": …}`.
 *
 *   tsx sims/provider/main.ts [--port N] [--host H]      (env PROVIDER_PORT, PROVIDER_HOST; port 0 = any)
 *   prints one line `{"port":N}` on stdout when listening; SIGTERM stops it.
 *
 * Endpoints (any prefix before them is ignored, so `/v1/echo` is `/echo`):
 *   ANY  /echo            JSON: method, path, query, x-road headers, content-type, body size and SHA-512 (streamed)
 *   ANY  /mirror[?ms=N]   streams the request body back with its content-type (after N ms: a backend with work to do)
 *   GET  /bytes?n=N       N pseudo-random bytes (deterministic, streamed in 64 KB chunks)
 *   GET  /json/…          {"ok":true,"path":…}
 *   GET  /redirect        302 to /echo
 *   GET  /status/NNN      answers with that status and a small JSON body
 *   GET  /fault/hang      never answers
 *   GET  /fault/reset     destroys the connection without answering
 *   GET  /fault/garbage   writes bytes that are not HTTP, then closes
 *   GET  /fault/cut       sends headers and half the announced body, then destroys the connection
 *   GET  /fault/slow?ms=N answers /echo's JSON after N ms
 *   GET  /health          200 (no X-Road headers needed)
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import { patternBytes } from './bytes.ts';
import { stopWithParent } from '../lib/stop.ts';

const REQUIRED = ['x-road-client', 'x-road-service', 'x-road-id', 'x-road-request-id'];
const FORBIDDEN = ['proxy-authorization', 'keep-alive', 'te', 'trailer', 'upgrade', 'x-road-request-hash', 'information-mediator-client'];

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function refusal(req: IncomingMessage): string | null {
  for (const h of REQUIRED) if (typeof req.headers[h] !== 'string' || !req.headers[h]) return `missing header ${h}`;
  for (const h of FORBIDDEN) if (req.headers[h] !== undefined) return `header ${h} must not reach the provider`;
  if (/^bearer /i.test(req.headers.authorization ?? '')) return 'the gateway access token must not reach the provider';
  return null;
}

function echo(req: IncomingMessage, res: ServerResponse, url: URL, delayMs = 0): void {
  const hash = createHash('sha512');
  let size = 0;
  req.on('data', (c: Buffer) => { hash.update(c); size += c.length; });
  req.on('end', () => {
    const xroad = Object.fromEntries(Object.entries(req.headers).filter(([k]) => k.startsWith('x-road-') || k.startsWith('x-custom')));
    const body = {
      method: req.method, path: url.pathname, query: url.search, headers: xroad,
      contentType: req.headers['content-type'] ?? null, accept: req.headers.accept ?? null,
      size, sha512: hash.digest('base64'),
    };
    setTimeout(() => json(res, 200, body), delayMs);
  });
}

function bytes(res: ServerResponse, n: number): void {
  res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': n });
  let sent = 0;
  const more = () => {
    while (sent < n) {
      const chunk = patternBytes(sent, Math.min(65536, n - sent));
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', more);
    }
    res.end();
  };
  more();
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://provider');
  if (url.pathname === '/health') return json(res, 200, { status: 'ok' });
  const why = refusal(req);
  if (why) return void (req.resume(), json(res, 400, { error: why }));
  const m = /\/(echo|mirror|bytes|json|redirect|status|fault)(?:\/(.*))?$/.exec(url.pathname);
  const [what, rest] = [m?.[1], m?.[2] ?? ''];
  const faultOrStatus = what === 'fault' || what === 'status' || what === 'redirect' || what === 'bytes' || what === 'json';
  if (faultOrStatus) req.resume();
  switch (what) {
    case 'echo': return echo(req, res, url);
    case 'mirror': {
      const send = () => {
        res.writeHead(200, { 'content-type': req.headers['content-type'] ?? 'application/octet-stream' });
        req.pipe(res);
      };
      const ms = Math.min(Number(url.searchParams.get('ms') ?? 0) || 0, 60_000);
      if (ms > 0) setTimeout(send, ms);
      else send();
      return;
    }
    case 'bytes': return bytes(res, Math.min(Number(url.searchParams.get('n') ?? 1024) || 0, 512 * 1024 * 1024));
    case 'json': return json(res, 200, { ok: true, path: url.pathname });
    case 'redirect':
      res.writeHead(302, { location: '/echo', 'content-length': 0 });
      return void res.end();
    case 'status': {
      const code = Number(rest);
      return json(res, code >= 200 && code <= 599 ? code : 400, { status: code });
    }
    case 'fault':
      if (rest === 'hang') return;
      if (rest === 'reset') return void req.socket.destroy();
      if (rest === 'garbage') return void req.socket.end('THIS IS NOT HTTP\r\n\x00\x01\x02\r\n\r\n');
      if (rest === 'cut') {
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': 1000 });
        res.write(Buffer.alloc(500, 1));
        return void setImmediate(() => req.socket.destroy());
      }
      if (rest === 'slow') return echo(req, res, url, Math.min(Number(url.searchParams.get('ms') ?? 100) || 0, 60_000));
  }
  json(res, 404, { error: 'no such endpoint' });
}

const server = createServer({ keepAliveTimeout: 60_000 }, handle);
server.listen(Number(arg('port') ?? process.env.PROVIDER_PORT ?? 0), arg('host') ?? process.env.PROVIDER_HOST ?? '127.0.0.1', () => {
  const a = server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof a === 'object' && a ? a.port : null })}\n`);
});
stopWithParent(server);
