/**
 * The message protocol (PR-REST): `{METHOD} /r1/{INSTANCE}/{CLASS}/{MEMBER}/{SUBSYSTEM}/{SERVICE}[/path][?query]`
 * with X-Road-Client. Order of checks: headers' size, the identifier, the credentials and the client
 * they own, the service, its access rights (deny by default), the message log's health; then the
 * request streams to the provider and the response back, both through the message log, and the
 * exchange is recorded before the response's last byte leaves. Every exchange, refused or failed ones
 * too, is recorded and counted by the monitor.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { ModuleContext } from '../../platform/module.ts';
import { allowed } from './access.ts';
import { authenticate, clientHeader } from './client-auth.ts';
import type { GatewayServices, LogMessage } from './contracts.ts';
import { flatHeaders, forward, passHeaders, targetUrl } from './forward.ts';
import { finishSink, LogTee, type BodyInfo } from './log-tee.ts';
import { registry, rightsOf, type ServiceInfo } from './lookup.ts';
import { answerMeta } from './meta.ts';
import { headerBytes, MAX_HEADER_BYTES, matchPath, parseClientHeader, parseR1, type R1Target } from './r1-request.ts';
import { headersDigest, requestHash } from './request-hash.ts';
import { errorResponse, XRoadError } from './xroad-errors.ts';

/** What is known of one exchange as it goes (for the log and the monitor). */
interface Exchange {
  requestId: string; xRoadId: string; client: string; service: string; method: string; path: string;
  status: number; error?: string; requestBytes: number; responseBytes: number; providerMs?: number;
  request: LogMessage | null; recorded: boolean;
}

const X_ROAD_ID = /^[\x21-\x7e]{1,200}$/;

function xroadHeaders(ex: Exchange, hash?: string): Record<string, string> {
  const h: Record<string, string> = { 'x-road-id': ex.xRoadId, 'x-road-request-id': ex.requestId };
  if (ex.client) h['x-road-client'] = ex.client;
  if (ex.service) h['x-road-service'] = ex.service;
  if (hash) h['x-road-request-hash'] = hash;
  return h;
}

function message(ex: Exchange, kind: LogMessage['kind'], headers: Record<string, string>, body: BodyInfo, at: Date, extra: Partial<LogMessage> = {}): LogMessage {
  return { kind, xRoadId: ex.xRoadId, requestId: ex.requestId, client: ex.client, service: ex.service, method: ex.method, path: ex.path, headers, body, at, ...extra };
}

/** The client's request as logged when the gateway answers itself: its headers (without credentials); its body is not read. */
async function refusedRequest(gw: GatewayServices, ex: Exchange, req: IncomingMessage, at: Date): Promise<LogMessage> {
  return message(ex, 'request', flatHeaders(passHeaders(req.headers, ['authorization', 'cookie'])), await finishSink(gw.log.bodySink({ digestOnly: true })), at);
}

async function answerError(ctx: ModuleContext, req: IncomingMessage, res: ServerResponse, err: XRoadError, ex: Exchange, at: Date): Promise<void> {
  ex.error = err.type;
  const gw = ctx.services.gateway;
  if (res.headersSent) {
    res.destroy();
  } else {
    const r = errorResponse(err, ex.requestId, xroadHeaders(ex));
    ex.status = r.status;
    ex.responseBytes = r.body.length;
    if (gw && !ex.recorded) {
      try {
        const request = ex.request ?? await refusedRequest(gw, ex, req, at);
        const body = await finishSink(gw.log.bodySink({ digestOnly: false }), r.body);
        await gw.log.record([request, message(ex, 'response', r.headers, body, ctx.clock.now(), { status: r.status, error: err.type })]);
        ex.recorded = true;
      } catch (logErr) {
        console.error('gateway: the message log could not record a refused exchange', logErr);
      }
    }
    res.writeHead(r.status, r.headers);
    res.end(r.body);
  }
  // A refused request's body is not read: the connection closes after the answer instead of reading it.
  if (!req.complete) res.once('finish', () => req.socket.destroy());
}

async function exchange(ctx: ModuleContext, gw: GatewayServices, req: IncomingMessage, res: ServerResponse, svc: ServiceInfo, target: R1Target, usedBearer: boolean, ex: Exchange, at: Date): Promise<void> {
  const timeoutMs = svc.timeoutMs ?? ctx.config.gateway.providerTimeoutMs;
  const out = { ...passHeaders(req.headers, usedBearer ? ['authorization'] : []), ...xroadHeaders(ex) };
  const loggedOut = flatHeaders(out);
  const reqSink = gw.log.bodySink({ digestOnly: svc.digestOnly });
  const hasBody = (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0') || req.headers['transfer-encoding'] !== undefined;
  const reqTee = hasBody ? new LogTee(reqSink, { holdLast: false }) : null;
  const reqBody = reqTee ? null : finishSink(reqSink);
  if (reqTee) req.pipe(reqTee);
  const abort = new AbortController();
  res.once('close', () => { if (!res.writableFinished) abort.abort(); });
  /** The request body as logged: whole when it was sent whole (`failed`: what came before the exchange failed). */
  const settleRequest = async (failed: boolean) => {
    const body = await (reqTee ? (failed ? reqTee.settle() : reqTee.done) : reqBody!);
    ex.requestBytes = body.size;
    ex.request = message(ex, 'request', loggedOut, body, at);
    return body;
  };
  const t0 = performance.now();
  let provider;
  try {
    provider = await forward({ url: targetUrl(svc.baseUrl, target.path, target.query), method: req.method!, headers: out, body: reqTee, timeoutMs, signal: abort.signal });
  } catch (err) {
    ex.providerMs = performance.now() - t0;
    await settleRequest(true);
    throw err;
  }
  ex.providerMs = performance.now() - t0;
  const body = await settleRequest(false);
  const hash = requestHash(headersDigest(ex.method, ex.path, loggedOut), body);
  const headers = { ...provider.headers, ...xroadHeaders(ex, hash) };
  ex.status = provider.status;
  const resSink = gw.log.bodySink({ digestOnly: svc.digestOnly });
  const resTee = new LogTee(resSink, {
    holdLast: true,
    beforeEnd: async (resBody) => {
      await gw.log.record([ex.request!, message(ex, 'response', flatHeaders(headers), resBody, ctx.clock.now(), { status: provider.status })]);
      ex.recorded = true;
    },
  });
  res.writeHead(provider.status, headers);
  try {
    // Piped by hand (not pipeline()): on a failure the client's response stays open until the log has the exchange.
    await new Promise<void>((resolve, reject) => {
      provider.body.on('error', reject);
      resTee.on('error', reject);
      res.on('finish', resolve);
      res.on('close', () => reject(new Error('the client went away')));
      provider.body.pipe(resTee).pipe(res);
    });
    ex.responseBytes = resTee.bytes;
  } catch (err) {
    ex.responseBytes = resTee.bytes;
    if (ex.recorded) return; // the client went away after the exchange was logged
    ex.error = abort.signal.aborted ? 'Client.Aborted' : 'Server.ServerProxy.ServiceFailed';
    const partial = await resTee.settle().catch(() => ({ sha512: Buffer.alloc(64), size: resTee.bytes, ref: null }));
    await gw.log.record([ex.request!, message(ex, 'response', flatHeaders(headers), partial, ctx.clock.now(), { status: provider.status, error: ex.error })])
      .then(() => { ex.recorded = true; }, (logErr) => console.error('gateway: the message log could not record a broken exchange', logErr));
    res.destroy(err instanceof Error ? err : undefined);
  }
}

/** Handles one `/r1/…` request on the raw request and response (Fastify parses nothing here). */
export async function handleR1(ctx: ModuleContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = performance.now();
  const at = ctx.clock.now();
  const given = req.headers['x-road-id'];
  const ex: Exchange = {
    requestId: randomUUID(), xRoadId: typeof given === 'string' && X_ROAD_ID.test(given) ? given : randomUUID(), client: '', service: '',
    method: req.method ?? 'GET', path: (req.url ?? '').slice(0, 2000), status: 0, requestBytes: 0, responseBytes: 0, request: null, recorded: false,
  };
  const gw = ctx.services.gateway;
  res.once('close', () => gw?.monitor.exchange({
    client: ex.client, service: ex.service, method: ex.method, status: ex.status, error: ex.error, durationMs: performance.now() - started,
    providerMs: ex.providerMs, requestBytes: ex.requestBytes, responseBytes: ex.responseBytes,
  }));
  try {
    ex.client = parseClientHeader(clientHeader(req).value) ?? '';
    if (!gw) throw new XRoadError('Server.ServerProxy.LoggingFailed', 'the message log is not running');
    if (headerBytes(req.rawHeaders) > MAX_HEADER_BYTES) throw new XRoadError('Client.HeadersTooLarge', `at most ${MAX_HEADER_BYTES} bytes`);
    const target = parseR1(req.url ?? '');
    ex.service = `${target.provider}/${target.service}`;
    ex.path = target.path + target.query;
    const snap = await registry(ctx.db);
    const caller = await authenticate(ctx.db, ctx.clock, snap, req);
    if (target.meta) {
      ex.service = '';
      return await answerMeta(snap, req, res, target, caller, ex);
    }
    const svc = snap.services.get(ex.service);
    if (!svc) throw new XRoadError(snap.subsystemByIdent.has(target.provider) ? 'Client.UnknownService' : 'Client.UnknownMember', ex.service);
    if (svc.disabled) throw new XRoadError('Server.ServerProxy.ServiceDisabled', ex.service);
    if (!allowed(rightsOf(snap, svc.id, caller.client.id), ex.method, matchPath(target.path))) throw new XRoadError('Client.AccessDenied', `${ex.method} ${matchPath(target.path)}`);
    const status = gw.log.status();
    if (status.refuseTraffic) throw new XRoadError('Server.ServerProxy.LoggingFailed', status.reason);
    await exchange(ctx, gw, req, res, svc, target, caller.usedBearer, ex, at);
  } catch (err) {
    if (!(err instanceof XRoadError)) console.error('gateway: unexpected error in an exchange', err);
    await answerError(ctx, req, res, err instanceof XRoadError ? err : new XRoadError('Server.ServerProxy.InternalError'), ex, at);
  }
}
