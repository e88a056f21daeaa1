/**
 * Bad input that used to be answered 500 (issue 12, item 5), one request per family: NUL characters in
 * text, integers beyond the column, crafted cursors, a missing body, malformed multipart, a year 0
 * period, overlong URLs and bodies. Each must be a 4xx problem+json naming what is wrong.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, DEMO_CITIZEN, login, multipart, samplePdf, testApp, type TestApp } from './helpers.ts';

let t: TestApp;
let citizen: string;
let officer: string;
let admin: string;
beforeAll(async () => {
  t = await testApp();
  citizen = await login(t.app, DEMO_CITIZEN);
  officer = await login(t.app, 'motcua.dongthuan');
  admin = await login(t.app, 'admin.tinh');
});
afterAll(() => t.close());

type Res = { statusCode: number; headers: Record<string, unknown>; body: string; json(): any };
function expectProblem(res: Res, status: number, type: string, pointer?: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const b = res.json();
  expect(b).toMatchObject({ type: `/problems/${type}`, status });
  expect(b.titleVi).toBeTruthy();
  expect(b.titleEn).toBeTruthy();
  if (pointer) expect(b.errors?.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
  return b;
}

const cursorOf = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('a NUL character in any text field is a 400 naming the field', () => {
  it('on the public routes: sign-in, registration, catalogue search', async () => {
    expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin\u0000', password: 'x' } }), 400, 'validation', '/body/username');
    expectProblem(await t.app.inject({
      method: 'POST', url: '/api/v1/auth/citizens',
      payload: { idNumber: '045095009999', fullName: 'Trần\u0000Bình', phone: '0987654321', password: 'matkhau123' },
    }), 400, 'validation', '/body/fullName');
    expectProblem(await t.app.inject({ url: '/api/v1/procedures?q=khai%00sinh' }), 400, 'validation', '/query/q');
  });

  it('in a path parameter, in an e-form field and in a field name, and a lone surrogate too', async () => {
    expectProblem(await t.app.inject({ url: '/api/v1/procedures/1.001193%00' }), 400, 'validation', '/params/code');
    const submit = (formData: unknown) => t.app.inject({
      method: 'POST', url: '/api/v1/dossiers', headers: { ...auth(citizen), 'idempotency-key': 'nul-in-form-0001' },
      payload: { procedureCode: '1.001193', formData, files: [] },
    });
    expectProblem(await submit({ childName: 'Bé\u0000An' }), 400, 'validation', '/body/formData/childName');
    expectProblem(await submit({ 'a\u0000b': 'x' }), 400, 'validation', '/body/formData');
    const lone = await t.app.inject({
      method: 'POST', url: '/api/v1/dossiers', headers: { ...auth(citizen), 'idempotency-key': 'nul-in-form-0002', 'content-type': 'application/json' },
      payload: '{"procedureCode":"1.001193","formData":{"note":"\\ud800"},"files":[]}',
    });
    expectProblem(lone, 400, 'validation', '/body/formData/note');
  });
});

describe('integers are bounded by their columns', () => {
  it('?version beyond a PostgreSQL integer', async () => {
    expectProblem(await t.app.inject({ url: '/api/v1/procedures/1.001193?version=2147483648' }), 400, 'validation', '/query/version');
  });
  it('a notification id beyond a safe bigint', async () => {
    expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/notifications/99999999999999999999999/read', headers: auth(citizen) }), 400, 'validation', '/params/id');
  });
});

describe('crafted cursors are a 400 on /query/cursor', () => {
  const crafted = [
    cursorOf(['-271821-04-20T00:00:00.000Z', '6e7a2bd4-4ea1-37e8-bfff-fff8c559d000']),
    cursorOf(['2026-03-10T00:00:00.000Z', '-'.repeat(36)]),
    cursorOf(['0000-01-01T00:00:00.000Z', '6e7a2bd4-4ea1-37e8-bfff-fff8c559d000']),
    cursorOf({ a: 1 }),
  ];
  it('on /dossiers', async () => {
    for (const c of crafted) expectProblem(await t.app.inject({ url: `/api/v1/dossiers?cursor=${c}`, headers: auth(citizen) }), 400, 'validation', '/query/cursor');
  });
  it('on /workqueue', async () => {
    for (const c of crafted) expectProblem(await t.app.inject({ url: `/api/v1/workqueue?cursor=${c}`, headers: auth(officer) }), 400, 'validation', '/query/cursor');
  });
});

describe('bodies', () => {
  it('office hours PUT without a body is a 400 (a JSON null restores the default)', async () => {
    const agency = ((await t.app.inject({ url: '/api/v1/agencies' })).json() as { id: string }[])[0]!.id;
    expectProblem(await t.app.inject({ method: 'PUT', url: `/api/v1/agencies/${agency}/office-hours`, headers: auth(admin) }), 400, 'validation', '/body');
    const reset = await t.app.inject({ method: 'PUT', url: `/api/v1/agencies/${agency}/office-hours`, headers: { ...auth(admin), 'content-type': 'application/json' }, payload: 'null' });
    expect(reset.statusCode, reset.body).toBe(200);
  });

  it('malformed multipart is a 400 malformed-multipart, on upload and on verify', async () => {
    const b = 'motcuaBoundary';
    const truncated = `--${b}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 trunc`;
    expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/files', headers: { ...auth(citizen), 'content-type': `multipart/form-data; boundary=${b}` }, payload: truncated }), 400, 'malformed-multipart');
    expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/verify', headers: { 'content-type': 'multipart/form-data' }, payload: 'hello' }), 400, 'malformed-multipart');
  });

  it('a NUL in an uploaded file name is a 400 naming it', async () => {
    const mp = multipart(samplePdf('nul-name'), 'giay\u0000to.pdf', 'application/pdf');
    expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/files', payload: mp.payload, headers: { ...mp.headers, ...auth(citizen) } }), 400, 'validation', '/body/file/filename');
  });

  it('a JSON body over the limit is a 413 payload-too-large', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ username: 'x'.repeat(2 * 1024 * 1024), password: 'x' }) });
    expectProblem(res, 413, 'payload-too-large');
  });
});

describe('IOC periods', () => {
  it('period=0000 is a 400 on /query/period', async () => {
    for (const period of ['0000', '0000-Q1', '0001-01']) {
      expectProblem(await t.app.inject({ url: `/api/v1/ioc/late-dossiers?period=${period}`, headers: auth(admin) }), 400, 'validation', '/query/period');
    }
  });
});

describe('URLs', () => {
  it('an overlong URL or path segment is a 414 uri-too-long problem', async () => {
    expectProblem(await t.app.inject({ url: `/api/v1/procedures?q=${'a'.repeat(10_000)}` }), 414, 'uri-too-long');
    expectProblem(await t.app.inject({ url: `/api/v1/procedures/${'a'.repeat(500)}` }), 414, 'uri-too-long');
    expectProblem(await t.app.inject({ url: `/api/v1/nowhere/${'a'.repeat(10_000)}` }), 414, 'uri-too-long');
  });
  it('a URL that is not valid percent-encoded UTF-8 is a 400 problem', async () => {
    expectProblem(await t.app.inject({ url: '/api/v1/procedures/1.001193%ff' }), 400, 'bad-request');
  });
});
