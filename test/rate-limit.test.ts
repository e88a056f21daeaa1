/**
 * Rate limits (issue 12, item 2): sign-in by address and by the username tried, registration by
 * address and by ID number, the public dossier lookup by address and by dossier code, verification
 * by address, uploads by account; 429 problem+json with Retry-After; X-Forwarded-For is believed only
 * when TRUST_PROXY says so; with REDIS_URL two nodes share one count.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import type { LightMyRequestResponse } from 'fastify';
import { loadConfig, parseRateLimit, parseTrustProxy, type Config, type RateLimits } from '../src/config.ts';
import { buildServer } from '../src/server.ts';
import { fsBlobStore } from '../src/modules/files/blobs.ts';
import { DEMO_CITIZEN, login, newIdNumber, registerCitizen, samplePdf, testApp, upload, type TestApp } from './helpers.ts';

/** Redis for the shared-limit test: the environment's, else the one CI starts on this machine. */
const REDIS_URL = process.env.TEST_REDIS_URL || process.env.REDIS_URL || 'redis://127.0.0.1:6379';

const HIGH = { max: 1_000_000, windowMs: 3_600_000 };
const lim = (max: number) => ({ max, windowMs: 3_600_000 });
/** Every limit high except the ones given. */
function limits(over: Partial<{ [F in keyof RateLimits]: Partial<RateLimits[F]> }>): RateLimits {
  const base: RateLimits = {
    login: { perIp: HIGH, perKey: HIGH },
    register: { perIp: HIGH, perKey: HIGH },
    lookup: { perIp: HIGH, perKey: HIGH },
    verify: { perIp: HIGH, perKey: null },
    upload: { perIp: null, perKey: HIGH },
  };
  for (const [k, v] of Object.entries(over)) Object.assign(base[k as keyof RateLimits], v);
  return base;
}

const open: TestApp[] = [];
async function app(over: Partial<Config>): Promise<TestApp> {
  const t = await testApp(over);
  open.push(t);
  return t;
}
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

function expectLimited(res: LightMyRequestResponse, lang: 'vi' | 'en' = 'vi') {
  expect(res.statusCode, res.body).toBe(429);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const retry = Number(res.headers['retry-after']);
  expect(Number.isInteger(retry) && retry > 0, `Retry-After: ${res.headers['retry-after']}`).toBe(true);
  const b = res.json();
  expect(b).toMatchObject({ type: '/problems/rate-limited', status: 429, titleVi: 'Quá nhiều yêu cầu, vui lòng thử lại sau', titleEn: 'Too many requests, try again later' });
  expect(b.title).toBe(lang === 'en' ? b.titleEn : b.titleVi);
}

const loginAs = (t: TestApp, username: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers, payload: { username, password: 'sai-mat-khau' } });

describe('sign-in', () => {
  it('per address: N+1 attempts (any usernames) → 429 problem+json with Retry-After', async () => {
    const t = await app({ metricsToken: 'metrics-token', rateLimits: limits({ login: { perIp: lim(3) } }) });
    for (let i = 0; i < 3; i++) expect((await loginAs(t, `khongco${i}`)).statusCode).toBe(401);
    expectLimited(await loginAs(t, 'khongco9', { 'accept-language': 'en' }), 'en');
    expectLimited(await loginAs(t, 'khongco10'));
    const metrics = await t.app.inject({ url: '/metrics', headers: { authorization: 'Bearer metrics-token' } });
    expect(metrics.body).toMatch(/http_rate_limited_total\{family="login",by="ip"\} 2/);
  });

  it('a spoofed X-Forwarded-For gets no fresh bucket by default (TRUST_PROXY off)', async () => {
    const t = await app({ rateLimits: limits({ login: { perIp: lim(3) } }) });
    expect(t.config.trustProxy).toBe(false);
    for (let i = 0; i < 3; i++) expect((await loginAs(t, `khongco${i}`, { 'x-forwarded-for': `203.0.113.${i + 1}` })).statusCode).toBe(401);
    expectLimited(await loginAs(t, 'khongco3', { 'x-forwarded-for': '203.0.113.77' }));
  });

  it('per username, across addresses: a botnet guessing one account is slowed; other accounts are not', async () => {
    const t = await app({ trustProxy: true, rateLimits: limits({ login: { perKey: lim(3) } }) });
    for (let i = 0; i < 3; i++) expect((await loginAs(t, DEMO_CITIZEN, { 'x-forwarded-for': `198.51.100.${i + 1}` })).statusCode).toBe(401);
    expectLimited(await loginAs(t, DEMO_CITIZEN, { 'x-forwarded-for': '198.51.100.50' }));
    // The username is compared without case and spaces, so variants share the count.
    expectLimited(await loginAs(t, ` ${DEMO_CITIZEN.toUpperCase()} `, { 'x-forwarded-for': '198.51.100.51' }));
    expect((await loginAs(t, 'admin.tinh', { 'x-forwarded-for': '198.51.100.52' })).statusCode).toBe(401);
  });

  it('with TRUST_PROXY set, each client address behind the proxy has its own bucket', async () => {
    const t = await app({ trustProxy: true, rateLimits: limits({ login: { perIp: lim(2) } }) });
    for (let i = 0; i < 2; i++) expect((await loginAs(t, `a${i}`, { 'x-forwarded-for': '192.0.2.1' })).statusCode).toBe(401);
    expectLimited(await loginAs(t, 'a3', { 'x-forwarded-for': '192.0.2.1' }));
    expect((await loginAs(t, 'a4', { 'x-forwarded-for': '192.0.2.2' })).statusCode).toBe(401);
  });
});

describe('registration', () => {
  const register = (t: TestApp, idNumber: string, headers: Record<string, string> = {}) => t.app.inject({
    method: 'POST', url: '/api/v1/auth/citizens', headers,
    payload: { idNumber, fullName: 'Nguyễn Văn Thử', phone: '0912345678', password: 'MatKhau#2026' },
  });

  it('per address', async () => {
    const t = await app({ rateLimits: limits({ register: { perIp: lim(2) } }) });
    for (let i = 0; i < 2; i++) expect((await register(t, newIdNumber())).statusCode).toBe(201);
    expectLimited(await register(t, newIdNumber()));
  });

  it('per ID number, across addresses', async () => {
    const t = await app({ trustProxy: true, rateLimits: limits({ register: { perKey: lim(2) } }) });
    const id = newIdNumber();
    for (let i = 0; i < 2; i++) expect((await register(t, id, { 'x-forwarded-for': `198.51.100.${i + 1}` })).statusCode).not.toBe(429);
    expectLimited(await register(t, id, { 'x-forwarded-for': '198.51.100.9' }));
    expect((await register(t, newIdNumber(), { 'x-forwarded-for': '198.51.100.10' })).statusCode).toBe(201);
  });
});

describe('public dossier lookup', () => {
  const code = '000.00.18.H12-260310-0001';
  const byGet = (t: TestApp, c: string, idNumber: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${c}?idNumber=${idNumber}`, headers });
  const byPost = (t: TestApp, c: string, idNumber: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/public/dossiers/lookup', headers, payload: { code: c, idNumber } });

  it('per address, GET and POST counted together (sequential codes cannot be walked)', async () => {
    const t = await app({ rateLimits: limits({ lookup: { perIp: lim(3) } }) });
    expect((await byGet(t, '000.00.18.H12-260310-0001', '045095000001')).statusCode).toBe(404);
    expect((await byPost(t, '000.00.18.H12-260310-0002', '045095000001')).statusCode).toBe(404);
    expect((await byGet(t, '000.00.18.H12-260310-0003', '045095000001')).statusCode).toBe(404);
    expectLimited(await byPost(t, '000.00.18.H12-260310-0004', '045095000001'));
    expectLimited(await byGet(t, '000.00.18.H12-260310-0005', '045095000001'));
  });

  it('per dossier code, across addresses (ID numbers cannot be guessed against one code)', async () => {
    const t = await app({ trustProxy: true, rateLimits: limits({ lookup: { perKey: lim(3) } }) });
    for (let i = 0; i < 3; i++) expect((await byPost(t, code, `04509500000${i}`, { 'x-forwarded-for': `198.51.100.${i + 1}` })).statusCode).toBe(404);
    expectLimited(await byGet(t, code, '045095000009', { 'x-forwarded-for': '198.51.100.20' }));
    expectLimited(await byPost(t, code, '045095000008', { 'x-forwarded-for': '198.51.100.21' }));
    expect((await byPost(t, '000.00.18.H12-260310-0002', '045095000001', { 'x-forwarded-for': '198.51.100.22' })).statusCode).toBe(404);
  });
});

describe('verification', () => {
  it('per address: POST /api/v1/verify, GET /api/v1/verify/{id} and the /verify/{id} page', async () => {
    const t = await app({ rateLimits: limits({ verify: { perIp: lim(3) } }) });
    const id = randomUUID();
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/verify', headers: { 'content-type': 'application/pdf' }, payload: samplePdf('v') })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/v1/verify/${id}` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/verify/${id}` })).statusCode).toBe(404);
    expectLimited(await t.app.inject({ method: 'POST', url: '/api/v1/verify', headers: { 'content-type': 'application/pdf' }, payload: samplePdf('v') }));
    expectLimited(await t.app.inject({ url: `/api/v1/verify/${id}` }));
    expectLimited(await t.app.inject({ url: `/verify/${id}` }));
  });
});

describe('uploads', () => {
  it('per account; another account is not affected', async () => {
    const t = await app({ rateLimits: limits({ upload: { perKey: lim(2) } }) });
    const a = await login(t.app, DEMO_CITIZEN);
    const b = (await registerCitizen(t.app)).token;
    for (let i = 0; i < 2; i++) expect((await upload(t.app, a, samplePdf(`u${i}`))).statusCode).toBe(201);
    expectLimited(await upload(t.app, a, samplePdf('u3')));
    expect((await upload(t.app, b, samplePdf('u4'))).statusCode).toBe(201);
  });
});

describe('with REDIS_URL, nodes share the limits', () => {
  let redis: Redis | null = null;
  afterAll(async () => {
    await redis?.quit();
  });

  it('two servers on one Redis: the count made on one node refuses on the other', async () => {
    const rl = limits({ login: { perIp: lim(3) } });
    const a = await app({ redisUrl: REDIS_URL, rateLimits: rl });
    const b = await buildServer({ config: a.config, db: a.database.db, clock: a.clock, blobs: fsBlobStore(a.config.filesDir), logger: false });
    await b.ready();
    try {
      // A fresh client address per run, so counts left in Redis by an earlier run do not matter.
      const remoteAddress = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;
      const attempt = (s: typeof b, u: string) => s.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, payload: { username: u, password: 'sai-mat-khau' } });
      expect((await attempt(a.app, 'r1')).statusCode).toBe(401);
      expect((await attempt(b, 'r2')).statusCode).toBe(401);
      expect((await attempt(a.app, 'r3')).statusCode).toBe(401);
      expectLimited(await attempt(b, 'r4'));
      expectLimited(await attempt(a.app, 'r5'));
      // The count is in Redis, under the limiter's name space, with no personal data in the key.
      redis = new Redis(REDIS_URL);
      const keys = await redis.keys('motcua:rl:*');
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.some((k) => k.includes(remoteAddress))).toBe(false);
    } finally {
      await b.close();
    }
  });

  it('Redis unreachable: the server starts and requests are let through (not 500, not 429)', async () => {
    const t = await app({ redisUrl: 'redis://127.0.0.1:1', rateLimits: limits({ login: { perIp: lim(1) } }) });
    for (let i = 0; i < 3; i++) expect((await loginAs(t, `x${i}`)).statusCode).toBe(401);
  });
});

describe('settings', () => {
  it('limits are MAX/WINDOW or off; TRUST_PROXY is off unless set', () => {
    expect(parseRateLimit('X', '10/15m')).toEqual({ max: 10, windowMs: 900_000 });
    expect(parseRateLimit('X', ' 3 / 2h ')).toEqual({ max: 3, windowMs: 7_200_000 });
    expect(parseRateLimit('X', 'off')).toBeNull();
    for (const bad of ['10', '10/m', '0/1m', 'ten/1m', '10/15d']) expect(() => parseRateLimit('X', bad)).toThrow(/X must be like/);
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('10.0.0.0/8, 127.0.0.1')).toEqual(['10.0.0.0/8', '127.0.0.1']);
    const c = loadConfig({ RATE_LIMIT_LOGIN_ACCOUNT: '4/1h' } as NodeJS.ProcessEnv);
    expect(c.trustProxy).toBe(false);
    expect(c.rateLimits.login).toEqual({ perIp: { max: 30, windowMs: 60_000 }, perKey: { max: 4, windowMs: 3_600_000 } });
    expect(c.rateLimits.upload.perIp).toBeNull();
    expect(Object.values(loadConfig({ RATE_LIMITS: 'off' } as NodeJS.ProcessEnv).rateLimits).every((l) => !l.perIp && !l.perKey)).toBe(true);
  });

  it('reads numbers and switches from the environment it is given, not the process', () => {
    const c = loadConfig({ LOGIN_MAX_FAILURES: '3', COOKIE_SECURE: 'true', PORT: '8080' } as NodeJS.ProcessEnv);
    expect([c.loginMaxFailures, c.cookieSecure, c.port]).toEqual([3, true, 8080]);
  });
});
