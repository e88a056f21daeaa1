/**
 * Rate limits (@fastify/rate-limit). A route opts in with `config.limit: { family, key }`; its family's
 * limits (`config.rateLimits`) then apply by client address and by the route's key (the username
 * tried, the ID number registered, the dossier code looked up, the uploading account), each counted
 * per family, so the routes of one family share their counts. Counts live in each node's memory, or
 * in Redis when REDIS_URL is set so that several nodes share them. Over a limit: 429 problem+json
 * `rate-limited` with Retry-After. If Redis cannot be reached the request is let through (and logged):
 * losing the limits for a while is better than losing sign-in for the whole province.
 *
 * Keys are SHA-256 digests: no ID number, username or address is kept in memory or Redis as such.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { Redis } from 'ioredis';
import client from 'prom-client';
import type { Config, RateLimit, RateLimitFamily } from '../config.ts';
import { AppError } from './errors.ts';

/** What a route declares: its family, and what its per-key limit counts (undefined → only by address). */
export interface RouteLimit {
  family: RateLimitFamily;
  key?: (req: FastifyRequest) => unknown;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    limit?: RouteLimit;
  }
}

/** A key from a field of the JSON body (read after validation). */
export const bodyField = (name: string) => (req: FastifyRequest): unknown => (req.body as Record<string, unknown> | undefined)?.[name];
/** A key from a path parameter. */
export const paramField = (name: string) => (req: FastifyRequest): unknown => (req.params as Record<string, unknown> | undefined)?.[name];

/** Usernames, ID numbers and codes are counted without case and surrounding spaces. */
export function normalisedKey(v: unknown): string | null {
  if (typeof v !== 'string' && typeof v !== 'number') return null;
  const s = String(v).trim().toLowerCase();
  return s === '' ? null : s;
}

const digest = (s: string) => createHash('sha256').update(s).digest('base64url').slice(0, 32);

/** Largest number of keys one limiter keeps in memory (least recently used go first). */
const MEMORY_KEYS = 50_000;

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;

async function connectRedis(app: FastifyInstance, url: string): Promise<Redis> {
  // No offline queue and one retry: while Redis is away a request fails over to "let through" at
  // once instead of waiting for the reconnection.
  const redis = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 1000 });
  let down = false;
  redis.on('error', (err: Error) => {
    if (!down) app.log.warn({ err: { message: err.message } }, 'rate limits: Redis unreachable, requests are not limited until it is back');
    down = true;
  });
  redis.on('ready', () => {
    if (down) app.log.info('rate limits: Redis reachable again');
    down = false;
  });
  try {
    await redis.connect();
  } catch {
    // Logged by the error listener; ioredis keeps reconnecting.
  }
  app.addHook('onClose', async () => {
    redis.disconnect();
  });
  return redis;
}

export async function registerRateLimits(app: FastifyInstance, config: Pick<Config, 'rateLimits' | 'redisUrl'>, registry: client.Registry): Promise<void> {
  const redis = config.redisUrl ? await connectRedis(app, config.redisUrl) : null;
  await app.register(rateLimit, {
    global: false,
    skipOnError: true,
    ...(redis ? { redis, nameSpace: 'motcua:rl:' } : {}),
  });
  const refused = new client.Counter({
    name: 'http_rate_limited_total',
    help: 'Requests refused with 429, by route family and by what was counted',
    labelNames: ['family', 'by'] as const,
    registers: [registry],
  });

  const limiters = new Map<string, Limiter>();
  const limiter = (family: RateLimitFamily, by: 'ip' | 'key', l: RateLimit, keyOf: (req: FastifyRequest) => string): Limiter => {
    const name = `${family}:${by}`;
    let made = limiters.get(name);
    if (!made) {
      made = app.createRateLimit({
        max: l.max, timeWindow: l.windowMs, skipOnError: true,
        keyGenerator: (req) => `${name}:${digest(keyOf(req))}`,
        ...{ cache: MEMORY_KEYS },
      });
      limiters.set(name, made);
    }
    return made;
  };

  app.addHook('onRoute', (route: RouteOptions) => {
    const declared = (route.config as { limit?: RouteLimit } | undefined)?.limit;
    if (!declared) return;
    const limits = config.rateLimits[declared.family];
    const checks: { by: 'ip' | 'key'; run: Limiter; applies: (req: FastifyRequest) => boolean }[] = [];
    if (limits.perIp) {
      checks.push({ by: 'ip', run: limiter(declared.family, 'ip', limits.perIp, (req) => rateLimit.normalizeIP(req.ip)), applies: () => true });
    }
    if (limits.perKey && declared.key) {
      // Each route of the family has its own way to find the key, so the shared limiter asks the route.
      const keyOf = (req: FastifyRequest) => normalisedKey(req.routeOptions.config.limit?.key?.(req));
      checks.push({ by: 'key', run: limiter(declared.family, 'key', limits.perKey, (req) => keyOf(req) ?? ''), applies: (req) => keyOf(req) !== null });
    }
    if (!checks.length) return;
    const hook = async (req: FastifyRequest, reply: FastifyReply) => {
      for (const c of checks) {
        if (!c.applies(req)) continue;
        const r = await c.run(req);
        if (r.isAllowed || !r.isExceeded) continue;
        const retryAfter = Math.max(1, r.ttlInSeconds);
        refused.inc({ family: declared.family, by: c.by });
        // Counted in http_rate_limited_total; logged at debug only, so that a flood does not become a log flood.
        req.log.debug({ limit: declared.family, by: c.by }, 'rate limited');
        reply.header('retry-after', String(retryAfter));
        throw new AppError('rate-limited', undefined, { extra: { retryAfterSeconds: retryAfter } });
      }
    };
    const existing = route.preHandler;
    route.preHandler = existing ? [...(Array.isArray(existing) ? existing : [existing]), hook] : [hook];
  });
}
