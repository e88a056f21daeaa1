/**
 * Issue 13, item 11: what a citizen is told when an upload is refused is plain Vietnamese (or English),
 * without developer text ("detected application/x-msdownload", "limit 20971520 bytes"); the technical
 * facts stay in extension members for API clients. The size limit is published before an upload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, multipart, registerCitizen, samplePdf, testApp, type TestApp } from './helpers.ts';
import { ACTIVE_PDFS } from './support/active-pdfs.ts';

const MB = 1024 * 1024;
/** Developer text: media types, "detected", byte counts, long numbers. */
const DEVELOPER = /application\/|image\/|detected|bytes|\d{5,}|undefined|null/i;

let t: TestApp;
let quota: TestApp;
let citizen: string;

beforeAll(async () => {
  [t, quota] = await Promise.all([testApp({ fileMaxBytes: 2 * MB }), testApp({ uploadQuotaBytes: Math.floor(samplePdf('q').length * 1.5) })]);
  citizen = (await registerCitizen(t.app)).token;
});
afterAll(async () => {
  await Promise.all([t?.close(), quota?.close()]);
});

async function send(app: TestApp, token: string, bytes: Buffer, name: string, lang: 'vi' | 'en' = 'vi') {
  const mp = multipart(bytes, name);
  return app.app.inject({ method: 'POST', url: '/api/v1/files', payload: mp.payload, headers: { ...mp.headers, ...auth(token), 'accept-language': lang } });
}

/** The problem's detail is plain in both languages, and the one answered is in the asked language. */
function expectPlain(body: Record<string, unknown>, lang: 'vi' | 'en') {
  expect(body.detailVi, JSON.stringify(body)).toEqual(expect.any(String));
  expect(body.detailEn).toEqual(expect.any(String));
  expect(body.detail).toBe(lang === 'en' ? body.detailEn : body.detailVi);
  for (const text of [body.detailVi, body.detailEn] as string[]) expect(text, text).not.toMatch(DEVELOPER);
  // Vietnamese is written with its diacritics; the English one is not the Vietnamese one.
  expect(body.detailVi as string).toMatch(/[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i);
  expect(body.detailEn).not.toBe(body.detailVi);
}

describe('refused uploads are explained in plain words', () => {
  const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0x90)]);

  it('a program (.exe): what is accepted and what to do, with the detected type only as data', async () => {
    for (const lang of ['vi', 'en'] as const) {
      const res = await send(t, citizen, EXE, 'setup.exe', lang);
      expect(res.statusCode).toBe(415);
      const body = res.json();
      expect(body.type).toBe('/problems/unsupported-file-type');
      expectPlain(body, lang);
      expect(body.detectedType).toBe('application/x-msdownload');
    }
  });

  it('content that is nothing known', async () => {
    const res = await send(t, citizen, Buffer.from('chỉ là một tệp văn bản\n'.repeat(20)), 'ghi-chu.pdf');
    expect(res.statusCode).toBe(415);
    expectPlain(res.json(), 'vi');
  });

  it('a file larger than the limit, declared or found while streaming: the limit in MB', async () => {
    for (const size of [3 * MB, 2 * MB + 10_000]) {
      for (const lang of ['vi', 'en'] as const) {
        const res = await send(t, citizen, Buffer.alloc(size, 0x41), 'scan.pdf', lang);
        expect(res.statusCode).toBe(413);
        const body = res.json();
        expect(body.type).toBe('/problems/file-too-large');
        expectPlain(body, lang);
        expect(body.detail).toMatch(/\b2 MB\b/);
        expect(body.limitBytes).toBe(2 * MB);
      }
    }
  });

  it('an empty file', async () => {
    const res = await send(t, citizen, Buffer.alloc(0), 'trong.pdf');
    expect(res.statusCode).toBe(400);
    expectPlain(res.json(), 'vi');
  });

  it('a PDF with a script', async () => {
    const res = await send(t, citizen, await ACTIVE_PDFS['OpenAction JavaScript (compressed)']!(), 'to-khai.pdf', 'en');
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expectPlain(body, 'en');
    expect(body.found).toEqual(expect.arrayContaining([expect.any(String)]));
  });

  it('a full account: how much is used, in MB or KB', async () => {
    const token = (await registerCitizen(quota.app)).token;
    expect((await send(quota, token, samplePdf('q'), 'a.pdf')).statusCode).toBe(201);
    const res = await send(quota, token, samplePdf('q2'), 'b.pdf');
    expect(res.statusCode).toBe(413);
    const body = res.json();
    expect(body.type).toBe('/problems/upload-quota-exceeded');
    expectPlain(body, 'vi');
    expect(body).toMatchObject({ quotaBytes: expect.any(Number), usedBytes: expect.any(Number) });
  });
});

describe('the limits are published before an upload', () => {
  it('GET /meta states the largest file and the accepted types', async () => {
    const res = await t.app.inject({ url: '/api/v1/meta' });
    expect(res.statusCode).toBe(200);
    expect(res.json().uploads).toEqual({ maxBytes: 2 * MB, types: ['PDF', 'JPEG', 'PNG'] });
  });
});

describe('field details of a refused request are plain too', () => {
  it('"vi / en" words instead of the validator\'s English ("must NOT have more than 20 characters")', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/v1/auth/citizens',
      payload: { idNumber: '045095009999', fullName: 'Đỗ Văn Hùng', phone: '0'.repeat(25), password: 'Hoa-sen-2026' },
    });
    expect(res.statusCode).toBe(400);
    const field = res.json().errors.find((e: { pointer: string }) => e.pointer === '/body/phone');
    expect(field.detail).toBe('Tối đa 20 ký tự / At most 20 characters');
    const missing = await t.app.inject({ method: 'POST', url: '/api/v1/auth/citizens', payload: { idNumber: '045095009999' } });
    const details = (missing.json().errors as { detail: string }[]).map((e) => e.detail);
    expect(details).toContain('Bắt buộc / Required');
    for (const d of details) expect(d).not.toMatch(/must /);
  });
});
