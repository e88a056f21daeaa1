import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, DEMO_CITIZEN, login, multipart, PNG_1x1, samplePdf, testApp, upload, type TestApp } from './helpers.ts';

let t: TestApp;
let citizen: string;
beforeAll(async () => {
  t = await testApp({ metricsToken: 'metrics-test-token' });
  citizen = await login(t.app, DEMO_CITIZEN);
});
afterAll(() => t.close());

const fileCount = async () => Number((await t.database.db.selectFrom('files').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
function blobsOnDisk(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true })) e.isDirectory() ? walk(join(d, e.name)) : out.push(join(d, e.name));
  };
  walk(t.config.filesDir);
  return out;
}

function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; json(): any }, status: number, type: string) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const b = res.json();
  expect(b.type).toBe(`/problems/${type}`);
  expect(b.status).toBe(status);
  expect(b.titleVi).toBeTruthy();
  expect(b.titleEn).toBeTruthy();
  return b;
}

describe('files', () => {
  it('stores a PDF and a PNG content-addressed, recognised by their bytes', async () => {
    const pdf = await upload(t.app, citizen, samplePdf('a'), 'scan.png');
    expect(pdf.statusCode).toBe(201);
    expect(pdf.json()).toMatchObject({ mediaType: 'application/pdf', size: samplePdf('a').length });
    expect(pdf.json().sha256).toMatch(/^[0-9a-f]{64}$/);
    const png = await upload(t.app, citizen, PNG_1x1, 'anh.pdf');
    expect(png.json().mediaType).toBe('image/png');
    const again = await upload(t.app, citizen, samplePdf('a'));
    expect(again.json().sha256).toBe(pdf.json().sha256);
    expect(blobsOnDisk().filter((f) => !f.includes('/files/tmp/'))).toHaveLength(2);
  });

  it('rejects an executable renamed .pdf and leaves nothing behind', async () => {
    const before = await fileCount();
    const blobs = blobsOnDisk().length;
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120, 1)]);
    expectProblem(await upload(t.app, citizen, elf, 'giay-khai-sinh.pdf'), 415, 'unsupported-file-type');
    const script = Buffer.from('#!/bin/sh\nrm -rf /\n');
    expectProblem(await upload(t.app, citizen, script, 'to-khai.pdf'), 415, 'unsupported-file-type');
    expect(await fileCount()).toBe(before);
    expect(blobsOnDisk().length).toBe(blobs);
  });

  it('rejects an oversize file with 413 and leaves nothing behind', async () => {
    const before = await fileCount();
    const blobs = blobsOnDisk().length;
    const big = Buffer.concat([samplePdf(), Buffer.alloc(t.config.fileMaxBytes + 10, 0x20)]);
    expectProblem(await upload(t.app, citizen, big), 413, 'file-too-large');
    expect(await fileCount()).toBe(before);
    expect(blobsOnDisk().length).toBe(blobs);
  });

  it('needs a sign-in and a multipart body', async () => {
    const mp = multipart(samplePdf(), 'x.pdf');
    expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/files', payload: mp.payload, headers: mp.headers }), 401, 'unauthenticated');
    expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/files', payload: { a: 1 }, headers: auth(citizen) }), 415, 'unsupported-media-type');
  });
});

describe('bad input gets problem+json, never a 500', () => {
  it('malformed JSON', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', payload: '{"procedureCode": "1.001193",', headers: { ...auth(citizen), 'content-type': 'application/json', 'idempotency-key': 'key-bad-json-1' } });
    expectProblem(res, 400, 'malformed-json');
  });

  it('wrong types, with field pointers', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', payload: { procedureCode: 42, formData: 'x', files: {} }, headers: { ...auth(citizen), 'idempotency-key': 'key-bad-types' } });
    const b = expectProblem(res, 400, 'validation');
    const pointers = b.errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/body/procedureCode', '/body/formData', '/body/files']));
  });

  it('nothing is created by rejected submissions', async () => {
    const n = await t.database.db.selectFrom('dossiers').select('id').execute();
    expect(n).toHaveLength(0);
  });

  it('unknown procedure and unknown route', async () => {
    expectProblem(await t.app.inject({ url: '/api/v1/procedures/9.999999' }), 404, 'not-found');
    expectProblem(await t.app.inject({ url: '/api/v1/nothing-here' }), 404, 'not-found');
  });

  it('answers in English when asked', async () => {
    const res = await t.app.inject({ url: '/api/v1/procedures/9.999999', headers: { 'accept-language': 'en-US' } });
    expect(res.json().title).toBe('Not found');
    const vi = await t.app.inject({ url: '/api/v1/procedures/9.999999' });
    expect(vi.json().title).toBe('Không tìm thấy');
  });
});

describe('operations', () => {
  it('serves OpenAPI 3.1 generated from the route schemas, and a docs page', async () => {
    const spec = (await t.app.inject({ url: '/api/v1/openapi.json' })).json();
    expect(spec.openapi).toBe('3.1.0');
    for (const p of ['/api/v1/auth/citizens', '/api/v1/auth/login', '/api/v1/procedures', '/api/v1/procedures/{code}', '/api/v1/files', '/api/v1/dossiers', '/api/v1/dossiers/{code}', '/api/v1/public/dossiers/{code}']) {
      expect(spec.paths[p], p).toBeDefined();
    }
    expect(spec.paths['/api/v1/dossiers'].post.requestBody.content['application/json'].schema.properties.files).toBeDefined();
    const docs = await t.app.inject({ url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toMatch(/swagger/i);
  });

  it('health, readiness and Prometheus metrics', async () => {
    expect((await t.app.inject({ url: '/health/live' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ url: '/health/ready' })).json()).toMatchObject({ database: 'ok' });
    const m = await t.app.inject({ url: '/metrics', headers: auth('metrics-test-token') });
    expect(m.body).toMatch(/http_request_duration_seconds_bucket/);
    expect(m.body).toMatch(/process_cpu_seconds_total/);
  });

  it('sets security headers and a request id', async () => {
    const res = await t.app.inject({ url: '/health/live', headers: { 'x-request-id': 'req-12345678' } });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBeDefined();
    expect(res.headers['x-frame-options']).toBeDefined();
    expect(res.headers['x-request-id']).toBe('req-12345678');
  });
});
