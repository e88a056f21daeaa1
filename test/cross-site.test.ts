/**
 * Issue 12, item 10: a state change authenticated by the session cookie is refused when the browser
 * says it comes from another site (Origin, Sec-Fetch-Site); a bearer token is not a browser's ambient
 * credential and is not checked. /metrics needs METRICS_TOKEN. The logout cookie carries the session
 * cookie's attributes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { Config } from '../src/config.ts';
import { isCrossSite } from '../src/platform/cross-site.ts';
import { auth, DEMO_CITIZEN, DEMO_PASSWORD, multipart, samplePdf, testApp, type TestApp } from './helpers.ts';

const open: TestApp[] = [];
async function app(over: Partial<Config> = {}): Promise<TestApp> {
  const t = await testApp(over);
  open.push(t);
  return t;
}
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

async function signIn(t: TestApp): Promise<{ token: string; setCookie: string }> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: DEMO_CITIZEN, password: DEMO_PASSWORD } });
  expect(res.statusCode).toBe(200);
  return { token: res.json().token, setCookie: String(res.headers['set-cookie']) };
}
const cookie = (token: string) => ({ cookie: `motcua_session=${token}` });

function uploadWith(t: TestApp, headers: Record<string, string>, host?: string) {
  const mp = multipart(samplePdf(`x-${Math.random()}`), 'scan.pdf');
  return t.app.inject({ method: 'POST', url: '/api/v1/files', payload: mp.payload, headers: { ...mp.headers, ...(host ? { host } : {}), ...headers } });
}

function expectProblem(res: LightMyRequestResponse, status: number, type: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const b = res.json();
  expect(b).toMatchObject({ type: `/problems/${type}`, status });
  expect(b.titleVi).toBeTruthy();
  expect(b.titleEn).toBeTruthy();
  expect(b.titleVi).not.toBe(b.titleEn);
  return b;
}

describe('cross-site requests with the session cookie', () => {
  it('an upload from another site (Origin) is refused with 403 problem+json; nothing is stored', async () => {
    const t = await app();
    const { token } = await signIn(t);
    const res = await uploadWith(t, { ...cookie(token), origin: 'https://evil.example' }, 'dichvucong.example.vn');
    expectProblem(res, 403, 'cross-site-request');
    const n = await t.database.db.selectFrom('files').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
  });

  it('a logout from another site (Sec-Fetch-Site: cross-site) is refused, and the session lives on', async () => {
    const t = await app();
    const { token } = await signIn(t);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { ...cookie(token), 'sec-fetch-site': 'cross-site' } });
    expectProblem(res, 403, 'cross-site-request');
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: cookie(token) })).statusCode).toBe(200);
    // A sibling subdomain is another party too, and so is an opaque origin (a sandboxed frame, a data: URL).
    expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { ...cookie(token), 'sec-fetch-site': 'same-site' } }), 403, 'cross-site-request');
    expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { ...cookie(token), origin: 'null' } }), 403, 'cross-site-request');
  });

  it('the same origin is accepted: by Host, by PUBLIC_BASE_URL, by Sec-Fetch-Site', async () => {
    const t = await app({ publicBaseUrl: 'https://dichvucong.example.vn' });
    const { token } = await signIn(t);
    expect((await uploadWith(t, { ...cookie(token), origin: 'http://10.0.0.5:3000' }, '10.0.0.5:3000')).statusCode).toBe(201);
    expect((await uploadWith(t, { ...cookie(token), origin: 'https://dichvucong.example.vn' }, '10.0.0.5:3000')).statusCode).toBe(201);
    expect((await uploadWith(t, { ...cookie(token), origin: 'https://dichvucong.example.vn', 'sec-fetch-site': 'same-origin' }, 'dichvucong.example.vn')).statusCode).toBe(201);
    // A port or scheme of another site is another origin.
    expectProblem(await uploadWith(t, { ...cookie(token), origin: 'http://10.0.0.5:8080' }, '10.0.0.5:3000'), 403, 'cross-site-request');
    // Clients that are not browsers send neither header.
    expect((await uploadWith(t, cookie(token), '10.0.0.5:3000')).statusCode).toBe(201);
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { ...cookie(token), host: '10.0.0.5:3000', origin: 'http://10.0.0.5:3000', 'sec-fetch-site': 'same-origin' } });
    expect(out.statusCode).toBe(204);
  });

  it('a bearer token is not checked (no browser sends it by itself); reads are not checked', async () => {
    const t = await app();
    const { token } = await signIn(t);
    expect((await uploadWith(t, { ...auth(token), origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })).statusCode).toBe(201);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { ...cookie(token), origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } })).statusCode).toBe(200);
  });
});

describe('/metrics', () => {
  it('is not served without METRICS_TOKEN', async () => {
    const t = await app();
    expectProblem(await t.app.inject({ url: '/metrics' }), 404, 'not-found');
  });

  it('with METRICS_TOKEN: anonymous and wrong tokens get 401 problem+json; the token gets the metrics', async () => {
    const t = await app({ metricsToken: 'prom-scrape-token-0123456789' });
    expectProblem(await t.app.inject({ url: '/metrics' }), 401, 'unauthenticated');
    expectProblem(await t.app.inject({ url: '/metrics', headers: auth('prom-scrape-token-012345678') }), 401, 'unauthenticated');
    // A user's session is not the metrics token.
    const { token } = await signIn(t);
    expectProblem(await t.app.inject({ url: '/metrics', headers: auth(token) }), 401, 'unauthenticated');
    const m = await t.app.inject({ url: '/metrics', headers: auth('prom-scrape-token-0123456789') });
    expect(m.statusCode).toBe(200);
    expect(m.body).toMatch(/http_request_duration_seconds_bucket/);
  });
});

describe('the logout cookie', () => {
  for (const secure of [false, true]) {
    it(`clears the session cookie with its attributes (COOKIE_SECURE=${secure})`, async () => {
      const t = await app({ cookieSecure: secure });
      const { token, setCookie } = await signIn(t);
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: auth(token) });
      expect(res.statusCode).toBe(204);
      const cleared = String(res.headers['set-cookie']);
      expect(cleared).toMatch(/^motcua_session=;/);
      for (const c of [setCookie, cleared]) {
        expect(c).toMatch(/; HttpOnly/);
        expect(c).toMatch(/; SameSite=Strict/);
        expect(c).toMatch(/; Path=\//);
        if (secure) expect(c).toMatch(/; Secure/);
        else expect(c).not.toMatch(/; Secure/);
      }
      expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/);
    });
  }
});

describe('isCrossSite (the rule)', () => {
  it('Sec-Fetch-Site decides when present; else Origin against Host and PUBLIC_BASE_URL', () => {
    expect(isCrossSite({ secFetchSite: 'same-origin', origin: 'https://elsewhere.example', host: 'a.vn' }, null)).toBe(false);
    expect(isCrossSite({ secFetchSite: 'none' }, null)).toBe(false);
    expect(isCrossSite({ secFetchSite: 'same-site', origin: 'https://a.vn', host: 'a.vn' }, null)).toBe(true);
    expect(isCrossSite({ origin: 'https://a.vn', host: 'a.vn:443' }, null)).toBe(false);
    expect(isCrossSite({ origin: 'http://a.vn', host: 'a.vn:80' }, null)).toBe(false);
    expect(isCrossSite({ origin: 'https://a.vn', host: 'a.vn:8443' }, null)).toBe(true);
    expect(isCrossSite({ origin: 'https://a.vn.evil.example', host: 'a.vn' }, null)).toBe(true);
    expect(isCrossSite({ origin: 'https://a.vn', host: 'internal:3000' }, 'https://a.vn')).toBe(false);
    expect(isCrossSite({ origin: 'https://a.vn' }, null)).toBe(true);
    expect(isCrossSite({ origin: 'not a url', host: 'a.vn' }, null)).toBe(true);
    expect(isCrossSite({ host: 'a.vn' }, null)).toBe(false);
  });
});
