import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, DEMO_CITIZEN, login, newIdNumber, testApp, type TestApp } from './helpers.ts';

let t: TestApp;
const logs: string[] = [];
beforeAll(async () => {
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => logs.push(c.toString()));
  t = await testApp({ logLevel: 'info' }, stream);
});
afterAll(() => t.close());

const register = (body: object) => t.app.inject({ method: 'POST', url: '/api/v1/auth/citizens', payload: body });

describe('citizen registration', () => {
  it('registers with a valid personal ID number and signs in with it', async () => {
    const idNumber = newIdNumber();
    const res = await register({ idNumber, fullName: '  Lê   Thị Hoa ', phone: '+84 912 345 678', password: 'Hoa-lan-12345' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ username: idNumber, fullName: 'Lê Thị Hoa' });
    const token = await login(t.app, idNumber, 'Hoa-lan-12345');
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: auth(token) });
    expect(me.json()).toMatchObject({ kind: 'citizen', username: idNumber, roles: [] });
    const row = await t.database.db.selectFrom('users').select('password_hash').where('username', '=', idNumber).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it.each([
    ['too short', '04509500123'],
    ['letters', '04509500123a'],
    ['unknown province code 003', '003095001234'],
    ['birth year in the future (2099)', '045299001234'],
  ])('refuses an ID number that is %s', async (_why, idNumber) => {
    const res = await register({ idNumber, fullName: 'Nguyễn Văn B', phone: '0912345678', password: 'abc12345' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].pointer).toBe('/body/idNumber');
  });

  it('answers a second registration of a number like the first, with a basic account of its own', async () => {
    const res = await register({ idNumber: DEMO_CITIZEN, fullName: 'Nguyễn Văn An', phone: '0912345678', password: 'Hai-tai-khoan-2' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: DEMO_CITIZEN, assurance: 'basic' });
  });

  it('refuses a weak password and a bad phone', async () => {
    const res = await register({ idNumber: newIdNumber(), fullName: 'Nguyễn Văn C', phone: '12345', password: 'short' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/body/password', '/body/phone']);
  });
});

describe('sign-in', () => {
  it('sets an httpOnly session cookie that authenticates like the bearer token', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'motcua.tinh', password: 'MotCua@2026' } });
    const cookie = res.cookies.find((c) => c.name === 'motcua_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    const me = await t.app.inject({ url: '/api/v1/auth/me', cookies: { motcua_session: cookie.value } });
    expect(me.json()).toMatchObject({ kind: 'officer', roles: ['counter_officer'] });
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: auth(res.json().token) });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: auth(res.json().token) })).statusCode).toBe(401);
  });

  it('locks the account after 5 failed attempts, even against the right password', async () => {
    const idNumber = newIdNumber();
    await register({ idNumber, fullName: 'Phan Văn D', phone: '0912345678', password: 'Dung-that-2026' });
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: idNumber, password: 'wrong-pass1' } });
      expect(res.statusCode).toBe(401);
    }
    const locked = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: idNumber, password: 'Dung-that-2026' } });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().type).toBe('/problems/account-locked');
    t.clock.advance(16 * 60_000);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: idNumber, password: 'Dung-that-2026' } })).statusCode).toBe(200);
  });

  it('does not tell unknown users from wrong passwords', async () => {
    const a = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody.here', password: 'x1234567' } });
    const b = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'motcua.tinh', password: 'x1234567' } });
    expect(a.statusCode).toBe(401);
    expect(a.json().type).toBe(b.json().type);
  });

  it('rejects officer-only and citizen-only routes for the other kind (deny-by-default)', async () => {
    const officer = await login(t.app, 'motcua.tinh');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', payload: {}, headers: { ...auth(officer), 'idempotency-key': 'officer-key-1' } });
    expect(res.statusCode).toBe(403);
  });
});

describe('logs', () => {
  it('carry a request id and never the personal data of URLs or bodies', async () => {
    await t.app.inject({ url: `/api/v1/public/dossiers/000.00.01.H50-260310-0001?idNumber=${DEMO_CITIZEN}`, headers: { 'x-request-id': 'log-check-0001' } });
    await login(t.app, DEMO_CITIZEN);
    const text = logs.join('');
    expect(text).toContain('log-check-0001');
    expect(text).not.toContain(DEMO_CITIZEN);
    expect(text).not.toContain('MotCua@2026');
    for (const line of logs.join('').split('\n').filter(Boolean)) expect(() => JSON.parse(line)).not.toThrow();
  });
});
