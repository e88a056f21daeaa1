/**
 * HTTP plumbing shared by every module: problem+json errors, request ids, language, metrics,
 * security headers, health checks. Personal data never reaches the logs: URLs are logged without
 * their query string and bodies are never logged.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import client from 'prom-client';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { AppError, problemBody, problemDef, type Detail, type FieldError, type ProblemType } from './errors.ts';
import { unstorableText } from './input.ts';
import { plainFieldDetail } from './plain-validation.ts';

/** The longest URL (path and query) served; a longer one is answered 414 before any route runs. */
export const MAX_URL_LENGTH = 8192;
/** The longest path parameter (Fastify's `maxParamLength`); a longer one is answered 414. */
export const MAX_PARAM_LENGTH = 200;

export function langOf(req: FastifyRequest): 'vi' | 'en' {
  const q = req.headers['accept-language'];
  return typeof q === 'string' && /^\s*en\b/i.test(q) ? 'en' : 'vi';
}

export function sendProblem(
  req: FastifyRequest,
  reply: FastifyReply,
  type: ProblemType,
  opts: { detail?: Detail; errors?: FieldError[]; extra?: Record<string, unknown> } = {},
): FastifyReply {
  const body = problemBody(type, langOf(req), { ...opts, instance: req.id });
  return reply.status(body.status).type('application/problem+json').send(body);
}

/** Ajv errors → field details (plain "vi / en" words) with JSON Pointers under /body, /query, /params or /headers. */
function validationErrors(err: FastifyError): FieldError[] {
  // Fastify names the query string "querystring"; the pointers say /query, like the use cases' own.
  const raw = (err as { validationContext?: string }).validationContext ?? 'body';
  const ctx = raw === 'querystring' ? 'query' : raw;
  return (err.validation ?? []).map((v) => {
    const missing = v.keyword === 'required' ? `/${(v.params as { missingProperty?: string }).missingProperty}` : '';
    return { pointer: `/${ctx}${v.instancePath}${missing}`, detail: plainFieldDetail(v) };
  });
}

/**
 * The multipart parser (busboy) reports a body that breaks the multipart syntax with plain errors,
 * from `req.file()` or later from the file's stream; they are the client's fault (400), known by message.
 */
const BUSBOY_SYNTAX = /^(Multipart: Boundary not found|Unexpected end of multipart data|\w+ terminated early due to unexpected end of multipart data|The needle cannot (be an empty String\/Buffer|have a length bigger than 256)\.)$/;
export function malformedMultipart(req: FastifyRequest, err: Error): boolean {
  return /^multipart\//i.test(String(req.headers['content-type'] ?? '')) && Object.getPrototypeOf(err) === Error.prototype && BUSBOY_SYNTAX.test(err.message);
}

export function stripQuery(url: string): string {
  const i = url.indexOf('?');
  return i < 0 ? url : url.slice(0, i);
}

export function registerHttp(app: FastifyInstance, registry: client.Registry): void {
  const duration = new client.Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route, method and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
    if (req.url.length > MAX_URL_LENGTH) throw new AppError('uri-too-long', `at most ${MAX_URL_LENGTH} characters`);
  });
  app.addHook('preValidation', async (req) => {
    // Fastify validates a body only when there is one: a route that declares a body gets one (JSON null counts).
    if (req.body === undefined && req.routeOptions.schema?.body) {
      throw new AppError('validation', 'a JSON body is required', { errors: [{ pointer: '/body', detail: 'required' }] });
    }
    // Text PostgreSQL cannot store (NUL, lone surrogates) is refused here for every route, naming the field.
    const bad = unstorableText(req.params, '/params') ?? unstorableText(req.query, '/query') ?? unstorableText(req.body, '/body');
    if (bad) throw new AppError('validation', undefined, { errors: [bad] });
  });
  app.addHook('onResponse', async (req, reply) => {
    duration.observe(
      { method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      return sendProblem(req, reply, err.type, { detail: err.detail, errors: err.errors, extra: err.extra });
    }
    if (err.validation) {
      return sendProblem(req, reply, 'validation', { errors: validationErrors(err) });
    }
    switch (err.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendProblem(req, reply, 'malformed-json', { detail: err.message });
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
        return sendProblem(req, reply, 'unsupported-media-type');
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendProblem(req, reply, 'payload-too-large');
      case 'FST_REQ_FILE_TOO_LARGE':
        return sendProblem(req, reply, 'file-too-large');
      case 'FST_ERR_RATE_LIMIT':
        return sendProblem(req, reply, 'rate-limited');
    }
    if (malformedMultipart(req, err)) return sendProblem(req, reply, 'malformed-multipart');
    // A body parser's syntax error is the client's; any other SyntaxError (BigInt, JSON.parse of our own data) is a bug.
    if (err instanceof SyntaxError && err.statusCode === 400) return sendProblem(req, reply, 'malformed-json', { detail: err.message });
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return sendProblem(req, reply, 'bad-request', { detail: err.message });
    }
    req.log.error({ err }, 'unhandled error');
    return sendProblem(req, reply, 'internal');
  });

  app.setNotFoundHandler({}, sendNotFound);
}

/**
 * 404 problem for a path no route takes — or 414 when a segment is longer than a path parameter may be:
 * the router answers that through `frameworkError` only when no other branch of the route tree (the web
 * app's wildcard) can take the path.
 */
export function sendNotFound(req: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (stripQuery(req.url).split('/').some((segment) => segment.length > MAX_PARAM_LENGTH)) {
    return sendProblem(req, reply, 'uri-too-long', { detail: `a path segment is longer than ${MAX_PARAM_LENGTH} characters` });
  }
  return sendProblem(req, reply, 'not-found');
}

/**
 * Errors Fastify raises before a request reaches its route (`frameworkErrors`): a path parameter longer
 * than `maxParamLength` (414), a URL that is not valid percent-encoded UTF-8 (400). Their messages
 * repeat the URL, so they are not shown.
 */
export function frameworkError(err: FastifyError, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  reply.header('x-request-id', req.id);
  if ((req.url ?? '').length > MAX_URL_LENGTH) return sendProblem(req, reply, 'uri-too-long', { detail: `at most ${MAX_URL_LENGTH} characters` });
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') return sendProblem(req, reply, 'uri-too-long', { detail: `a path segment is longer than ${MAX_PARAM_LENGTH} characters` });
  if (err.code === 'FST_ERR_BAD_URL') return sendProblem(req, reply, 'bad-request', { detail: 'the URL is not valid percent-encoded UTF-8' });
  req.log.error({ err }, 'framework error');
  return sendProblem(req, reply, 'internal');
}

/**
 * The request id: the client's `X-Request-Id` when it is a plain token, else a fresh UUID. Ids are
 * logged with every line, so one that could carry personal data is replaced: only [A-Za-z0-9._-],
 * 8–64 characters, and no run of 9 or more digits (a phone number, an old or new ID number, even split by `.`, `_` or
 * `-`), except inside a UUID's hex groups.
 */
export function requestIdFrom(header: unknown): string {
  if (typeof header !== 'string') return randomUUID();
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(header)) return header;
  if (!/^[A-Za-z0-9._-]{8,64}$/.test(header) || /[0-9]{9,}/.test(header.replace(/[._-]/g, ''))) return randomUUID();
  return header;
}

/** Error fields that name what failed (codes, PostgreSQL's routine and constraint, table and column names), never with which values. */
const SAFE_ERROR_FIELDS = ['code', 'errno', 'statusCode', 'severity', 'routine', 'constraint', 'schema', 'table', 'column', 'dataType', 'validationContext'] as const;

/**
 * The pino `err` serializer. Error messages and details may repeat the request's data — PostgreSQL's
 * `message`, `detail`, `where`, `hint`, `internalQuery` and PGlite's `query`/`params` echo values (a
 * phone number from a form), and so do JSON and BigInt syntax errors — so they are never logged. What is
 * logged: the error's class, its codes and the names of what failed (SAFE_ERROR_FIELDS), the stack frames
 * without the first line (which is the message), and the same of its `cause`. An `AppError` is ours:
 * its problem type and the catalogue's English title are logged, not its detail (which may name a value).
 */
export function serializeError(err: unknown, depth = 0): Record<string, unknown> {
  if (!(err instanceof Error)) return { type: err === null ? 'null' : typeof err };
  const out: Record<string, unknown> = { type: err.constructor?.name || 'Error' };
  if (err instanceof AppError) Object.assign(out, { problem: err.type, status: err.status, message: problemDef(err.type).en });
  for (const f of SAFE_ERROR_FIELDS) {
    const v = (err as unknown as Record<string, unknown>)[f];
    if (typeof v === 'string' || typeof v === 'number') out[f] = v;
  }
  const frames = (err.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)).map((l) => l.trim());
  if (frames.length) out.stack = frames.slice(0, 20).join('\n');
  if (err.cause !== undefined && depth < 3) out.cause = serializeError(err.cause, depth + 1);
  if (err instanceof AggregateError && depth < 3) out.errors = err.errors.slice(0, 5).map((e) => serializeError(e, depth + 1));
  return out;
}

/** pino serializers: no query strings, no bodies, no credentials, no error messages (see serializeError). */
export const logSerializers = {
  // Fastify's types want pino's shape (type, message, stack); the message is left out on purpose.
  err: serializeError as unknown as (err: FastifyError) => { type: string; message: string; stack: string },
  req(req: { method: string; url: string; routeOptions?: { url?: string } }) {
    return { method: req.method, url: stripQuery(req.url), route: req.routeOptions?.url };
  },
  res(reply: { statusCode: number }) {
    return { statusCode: reply.statusCode };
  },
};

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/**
 * Query strings, params and headers arrive as text and are coerced to their declared types; JSON
 * bodies are not coerced, so `{"procedureCode": 42}` is a type error, not the string "42".
 */
export function requestValidator() {
  const opts = { allErrors: true, useDefaults: true, removeAdditional: false, strict: false } as const;
  const strict = addFormats(new Ajv({ ...opts, coerceTypes: false }));
  const coercing = addFormats(new Ajv({ ...opts, coerceTypes: 'array' }));
  return ({ schema, httpPart }: { schema: object; httpPart?: string }) =>
    (httpPart === 'body' ? strict : coercing).compile(schema);
}
