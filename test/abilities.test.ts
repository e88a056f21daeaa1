/** GET /auth/me tells the web application what the caller may do, by the rules that guard the routes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, DEMO_CITIZEN, DEMO_PASSWORD, login, testApp, type TestApp } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const me = async (username: string) => {
  const res = await t.app.inject({ url: '/api/v1/auth/me', headers: auth(await login(t.app, username)) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { username: string; roles: string[]; abilities: string[] };
};

describe('abilities', () => {
  it.each([
    [DEMO_CITIZEN, ['submit_dossier']],
    ['motcua.tinh', ['verify_citizens', 'work_queue', 'counter_intake', 'record_counter_payment']],
    ['chuyenvien.taichinh', ['work_queue', 'record_counter_payment']],
    ['lanhdao.taichinh', ['work_queue', 'ioc', 'record_counter_payment']],
    ['quantri.taichinh', []],
    ['admin.tinh', ['ioc', 'province_admin', 'gateway_admin', 'record_counter_payment']],
  ])('of %s are %j', async (username, abilities) => {
    const user = await me(username);
    expect(user.username).toBe(username);
    expect(user.abilities).toEqual(abilities);
  });

  it('agree with the routes they open (the operations centre, counter intake)', async () => {
    for (const username of [DEMO_CITIZEN, 'motcua.tinh', 'chuyenvien.taichinh', 'lanhdao.taichinh', 'admin.tinh']) {
      const token = await login(t.app, username);
      const { abilities } = (await t.app.inject({ url: '/api/v1/auth/me', headers: auth(token) })).json() as { abilities: string[] };
      const ioc = await t.app.inject({ url: '/api/v1/ioc/figures', headers: auth(token) });
      expect(ioc.statusCode === 200, `${username}: ioc ${ioc.statusCode}`).toBe(abilities.includes('ioc'));
      // An empty body is refused by validation (400) once the policy lets the caller in; 403 when it does not.
      const counter = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers/counter', headers: { ...auth(token), 'idempotency-key': 'abilities-probe-0001' }, payload: {} });
      expect(counter.statusCode !== 403, `${username}: counter ${counter.statusCode}`).toBe(abilities.includes('counter_intake'));
    }
  });

  it('come with the user at sign-in too', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'motcua.tinh', password: DEMO_PASSWORD } });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ username: 'motcua.tinh', roles: ['counter_officer'], abilities: ['verify_citizens', 'work_queue', 'counter_intake', 'record_counter_payment'] });
  });
});
