/**
 * Composition root: builds the HTTP application from the platform pieces and the modules. Nothing else.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import client from 'prom-client';
import type { Config } from './config.ts';
import { ping, type Db } from './db/index.ts';
import { bearerIs, registerAuth } from './platform/auth.ts';
import type { Clock } from './platform/clock.ts';
import { frameworkError, logSerializers, MAX_PARAM_LENGTH, registerHttp, requestIdFrom, requestValidator, sendProblem } from './platform/http.ts';
import { registerRateLimits } from './platform/rate-limit.ts';
import { Problem } from './platform/schemas.ts';
import { webRoutes } from './platform/web.ts';
import { metaRoutes } from './platform/meta.ts';
import { resolveSession } from './modules/identity/index.ts';
import type { BlobStore } from './modules/files/index.ts';
import { buildServices, checkModules, type Module, type Services } from './platform/module.ts';
import { registerProblems } from './platform/errors.ts';
import { openapiTransform } from './platform/openapi.ts';
import { runReadiness } from './platform/observability.ts';
import { MODULES } from './modules/index.ts';

export interface ServerDeps {
  config: Config;
  db: Db;
  clock: Clock;
  blobs: BlobStore;
  /** The modules to serve (default: all of them). */
  modules?: readonly Module[];
  /** Services built already (`main.ts` builds them once for the server and the background work). */
  services?: Services;
  /** Logger on (default) or off (tests, benchmarks). */
  logger?: boolean;
  /** Where log lines go (default stdout); tests capture them to check what is logged. */
  logStream?: NodeJS.WritableStream;
}

/** TRUST_PROXY as a hop count: the last `n` addresses of X-Forwarded-For are proxies. */
const hops = (n: number) => (_address: string, hop: number) => hop < n;

export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const { config, db, clock, blobs } = deps;
  const modules = deps.modules ?? MODULES;
  checkModules(modules);
  for (const m of modules) if (m.problems) registerProblems(m.name, m.problems);
  // Services built already (main.ts) are used as they are; otherwise they are built here, into the
  // caller's object when it gives one (tests set the job runner on it later).
  const services = deps.services ?? ({} as Services);
  if (!services.abilities) Object.assign(services, await buildServices(modules, { db, clock, config }, { ...services, blobs: services.blobs ?? blobs }));
  const ctx = { db, clock, config, services };
  const app = Fastify({
    logger: deps.logger === false ? false : {
      level: config.logLevel,
      ...(deps.logStream ? { stream: deps.logStream } : {}),
      serializers: logSerializers,
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], remove: true },
    },
    genReqId: (req) => requestIdFrom(req.headers['x-request-id']),
    // X-Forwarded-For is believed only from the proxies TRUST_PROXY names (default: none).
    trustProxy: typeof config.trustProxy === 'number' ? hops(config.trustProxy) : config.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors: frameworkError,
  });

  // The node's one registry: modules registered their metrics on it when their services were built.
  const registry = services.observability.metrics;
  if (!registry.getSingleMetric('process_cpu_user_seconds_total')) client.collectDefaultMetrics({ register: registry });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        'img-src': ["'self'", 'data:'], 'script-src': ["'self'"], 'style-src': ["'self'", "'unsafe-inline'"],
        // Only behind HTTPS: over plain http from a LAN address it would rewrite every asset to https.
        'upgrade-insecure-requests': config.cookieSecure ? [] : null,
      },
    },
    hsts: config.cookieSecure,
  });
  await app.register(multipart, { limits: { fileSize: config.fileMaxBytes, files: 1 } });
  registerHttp(app, registry);
  app.setValidatorCompiler(requestValidator());
  registerAuth(app, (token) => resolveSession(db, clock, token), { publicBaseUrl: config.publicBaseUrl });
  await registerRateLimits(app, config, registry);
  app.addSchema(Problem);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'motcua API',
        version: '1',
        description: 'One-stop public services of the province. Errors are RFC 9457 problem+json with Vietnamese and English titles.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'motcua_session' },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    // Public routes say so (`security: []`), uploads and downloads are described as binary (src/platform/openapi.ts).
    transform: openapiTransform as never,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });

  await app.register(async (api) => {
    for (const m of modules) if (m.routes) await api.register(m.routes(ctx));
    await api.register(metaRoutes(config));
    api.get('/openapi.json', { config: { policy: 'public' }, schema: { hide: true } }, async () => app.swagger());
  }, { prefix: '/api/v1' });

  for (const m of modules) if (m.pages) await app.register(m.pages(ctx));

  app.get('/health/live', { config: { policy: 'public' }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/health/ready', { config: { policy: 'public' }, schema: { hide: true } }, async (req, reply) => {
    try {
      await ping(db);
    } catch {
      return sendProblem(req, reply, 'unavailable', { detail: 'database not reachable' });
    }
    // The modules' own checks (e.g. the gateway's message log), each one's state in the body.
    const { status, results } = await runReadiness(services.observability.readiness);
    const checks = Object.fromEntries(Object.entries(results).map(([name, r]) => [name, r.status === 'ok' ? 'ok' : `${r.status}: ${r.detail ?? ''}`]));
    if (status === 'failing') {
      const detail = Object.entries(checks).filter(([n]) => results[n]!.status === 'failing').map(([n, d]) => `${n} ${d}`).join('; ');
      return sendProblem(req, reply, 'unavailable', { detail, extra: { checks } });
    }
    return { status, database: 'ok', ...checks };
  });
  // Prometheus scrapes with `Authorization: Bearer METRICS_TOKEN`; without a token set, /metrics is not served.
  app.get('/metrics', { config: { policy: 'public' }, schema: { hide: true } }, async (req, reply) => {
    if (!config.metricsToken) return sendProblem(req, reply, 'not-found');
    if (!bearerIs(req, config.metricsToken)) return sendProblem(req, reply.header('www-authenticate', 'Bearer realm="metrics"'), 'unauthenticated');
    reply.type(registry.contentType);
    return registry.metrics();
  });
  await app.register(webRoutes());
  return app;
}
