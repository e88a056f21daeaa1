/**
 * Personal data never reaches the logs (issue 12, item 6): an internal error caused by a request whose
 * form carries a phone number logs no part of it (PostgreSQL's messages, details and parameters echo
 * values; so do JSON and BigInt errors), and a client's request id that could carry personal data is
 * replaced.
 */
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fsBlobStore } from '../src/modules/files/blobs.ts';
import { MODULES } from '../src/modules/index.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { requestIdFrom, serializeError } from '../src/platform/http.ts';
import { defineModule } from '../src/platform/module.ts';
import { buildServer } from '../src/server.ts';
import type { FastifyInstance } from 'fastify';
import { auth, DEMO_CITIZEN, DEMO_COMMUNE, freshDatabase, login, testApp, upload, type TestApp } from './helpers.ts';
import { testConfig, TEST_NOW } from './config.ts';
import { fill } from './sample-form.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PHONE = '0912345678';
const lines: string[] = [];
const sink = new Writable({ write(chunk, _enc, cb) { lines.push(...String(chunk).split('\n').filter(Boolean)); cb(); } });
const logged = () => lines.join('\n');

/** Routes that fail inside, the way a bug would, with the request's data in the error. */
const failing = defineModule({
  name: 'failing',
  tables: [],
  routes: (ctx) => async (app: FastifyInstance) => {
    app.post('/failing/sql', { config: { policy: 'public' } }, async (req) => {
      const { phone } = req.body as { phone: string };
      // PostgreSQL: invalid input syntax for type integer: "0912345678 (nhà riêng)", with the parameters.
      return (await sql`select ${phone}::int as n`.execute(ctx.db)).rows;
    });
    app.post('/failing/js', { config: { policy: 'public' } }, async (req) => {
      const { phone } = req.body as { phone: string };
      return { n: String(BigInt(phone)) }; // SyntaxError: Cannot convert 0912345678 (nhà riêng) to a BigInt
    });
  },
});

let t: TestApp;
let app: FastifyInstance;
let close: () => Promise<void>;
beforeAll(async () => {
  t = await testApp({ logLevel: 'info' }, sink);
  const dir = mkdtempSync(join(tmpdir(), 'motcua-logs-'));
  const config = { ...testConfig(dir), logLevel: 'info' };
  const database = await freshDatabase();
  app = await buildServer({ config, db: database.db, clock: fixedClock(TEST_NOW), blobs: fsBlobStore(config.filesDir), modules: [...MODULES, failing], logStream: sink });
  await app.ready();
  close = async () => {
    await app.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  };
});
afterAll(async () => {
  await close?.();
  await t?.close();
});

describe('error logs', () => {
  it('a form with a phone number and a NUL character: no part of the form is logged', async () => {
    const citizen = await login(t.app, DEMO_CITIZEN);
    const procedure = (await t.app.inject({ url: '/api/v1/procedures/1.001193' })).json();
    const files = [];
    for (const c of procedure.components.filter((x: { required: boolean }) => x.required)) files.push({ componentCode: c.code, fileId: (await upload(t.app, citizen)).json().id });
    const formData = fill(procedure.eform, { communeCode: DEMO_COMMUNE, applicantIdNumber: DEMO_CITIZEN, applicantPhone: PHONE, address: `Số 5 Lê Lợi\u0000 (gọi ${PHONE})` });
    const res = await t.app.inject({
      method: 'POST', url: '/api/v1/dossiers', headers: { ...auth(citizen), 'idempotency-key': 'logs-phone-0001' },
      payload: { procedureCode: '1.001193', formData, files },
    });
    expect(lines.length).toBeGreaterThan(0);
    expect(logged()).not.toContain(PHONE);
    expect(res.statusCode).toBe(400);
  });

  it('a PostgreSQL error echoing a form value: its code and routine are logged, the value is not', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/failing/sql', payload: { phone: `${PHONE} (nhà riêng)` } });
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const entry = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'unhandled error' && l.reqId === res.json().instance);
    expect(entry?.err).toMatchObject({ code: '22P02' });
    expect(entry.err.stack).toBeTruthy();
    expect(logged()).not.toContain(PHONE);
  });

  it('an error of the JavaScript runtime echoing a value: its class is logged, the value is not', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/failing/js', payload: { phone: `${PHONE} (nhà riêng)` } });
    expect(res.statusCode).toBe(500);
    const entry = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'unhandled error' && l.reqId === res.json().instance);
    expect(entry?.err).toMatchObject({ type: 'SyntaxError' });
    expect(logged()).not.toContain(PHONE);
  });

  it('the serializer keeps codes, names of what failed and stack frames; not messages, details, where or parameters', () => {
    const pg = Object.assign(new Error(`invalid input syntax for type integer: "${PHONE}"`), {
      code: '22P02', routine: 'pg_strtoint32_safe', severity: 'ERROR', table: 'users', column: 'phone', constraint: 'users_phone_check',
      detail: `Failing row contains (${PHONE}).`, where: `unnamed portal parameter $1 = '${PHONE}'`, hint: PHONE, query: 'select $1::int', params: [PHONE],
    });
    const s = serializeError(Object.assign(new Error('wrapped', { cause: pg })));
    const text = JSON.stringify(s);
    expect(text).not.toContain(PHONE);
    expect(s).toMatchObject({ type: 'Error', cause: { code: '22P02', routine: 'pg_strtoint32_safe', table: 'users', column: 'phone', constraint: 'users_phone_check' } });
    expect(String((s.cause as { stack: string }).stack)).toMatch(/^at /);
  });
});

describe('request ids', () => {
  it('a client id that could carry personal data is replaced; a plain token or UUID is kept', () => {
    for (const bad of [PHONE, '0912.345.678', 'call-0912345678', 'id 0912345678', 'req\n0912', 'abc def ghi', '045095001234', 'x'.repeat(65), 'short']) {
      expect(requestIdFrom(bad), bad).not.toBe(bad);
    }
    for (const good of ['5f0c2e9a-3b1d-4c8e-9f6a-2d7b8c9e0f11', 'req-abc123def456', 'web.7f3a9c2e.42', 'req-12345678']) expect(requestIdFrom(good)).toBe(good);
  });

  it('over HTTP: the answer and the log lines carry the replacement, not the phone number', async () => {
    const res = await t.app.inject({ url: '/api/v1/procedure-fields', headers: { 'x-request-id': PHONE } });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(logged()).not.toContain(PHONE);
  });
});
