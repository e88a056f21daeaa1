/**
 * Upload hygiene (issue 12, item 9): a per-account quota, a body refused before it is read when its
 * declared length is too large, the clean-up of uploads never attached to a dossier (and of their
 * bytes when nothing else holds them), PDFs with active content refused, downloads as attachments.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices } from '../src/platform/module.ts';
import { MODULES } from '../src/modules/index.ts';
import { filesModule } from '../src/modules/files/index.ts';
import { overQuota, quotaRule } from '../src/modules/files/rules.ts';
import { ensurePki } from '../src/modules/pki/index.ts';
import { auth, DEMO_CITIZEN, DEMO_COMMUNE, login, multipart, registerCitizen, samplePdf, testApp, upload, type TestApp } from './helpers.ts';
import { issueLatest, resultsApp, type ResultsApp } from './support/results-testkit.ts';
import { ACTIVE_PDFS, HARMLESS_PDFS } from './support/active-pdfs.ts';
import { fill } from './sample-form.ts';
import { toolsMissing } from './support/tools.ts';

const NO_QPDF = toolsMissing('qpdf'); // .ci/run installs it; without it the encrypted-PDF test is skipped with a message

const HOUR = 3_600_000;

/** A request written by hand: the head, a little of the body, then nothing; the answer and whether the server closed. */
function rawRequest(port: number, head: string[], body: Buffer): Promise<{ status: number; text: string; closed: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.on('data', (c) => (text += c.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text, closed: true }));
    socket.write(`${head.join('\r\n')}\r\n\r\n`);
    socket.write(body);
  });
}

const problemOf = (text: string) => JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)) as { type: string; titleVi: string; titleEn: string };

let t: ResultsApp;
let q: TestApp;
let port: number;
let citizen: string;
const QUOTA_UNIT = samplePdf('quota-000').length;

beforeAll(async () => {
  t = await resultsApp();
  await ensurePki(t.db, t.config, t.clock);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
  citizen = await login(t.app, DEMO_CITIZEN);
  // An application with a small quota: five of these sample files, and a half.
  q = await testApp({ uploadQuotaBytes: Math.floor(QUOTA_UNIT * 5.5) });
});
afterAll(async () => {
  await q.close();
  await t.close();
});

describe('a body declared too large', () => {
  const GIB10 = String(10 * 1024 * 1024 * 1024);
  it('is refused with 413 before it is read, and the connection is closed (uploads)', { timeout: 20_000 }, async () => {
    const r = await rawRequest(port, [
      'POST /api/v1/files HTTP/1.1', 'Host: 127.0.0.1', `Authorization: Bearer ${citizen}`,
      'Content-Type: multipart/form-data; boundary=xyz', `Content-Length: ${GIB10}`, 'Accept-Language: en',
    ], Buffer.from('--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4\n'));
    expect(r.status).toBe(413);
    expect(r.text).toMatch(/content-type: application\/problem\+json/i);
    expect(problemOf(r.text)).toMatchObject({ type: '/problems/file-too-large', titleVi: expect.any(String), titleEn: expect.any(String) });
    expect(r.closed).toBe(true);
  });

  it('is refused with 413 before it is read on the public verification too', { timeout: 20_000 }, async () => {
    const r = await rawRequest(port, [
      'POST /api/v1/verify HTTP/1.1', 'Host: 127.0.0.1', 'Content-Type: multipart/form-data; boundary=xyz', `Content-Length: ${GIB10}`,
    ], Buffer.from('--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4\n'));
    expect(r.status).toBe(413);
    expect(problemOf(r.text).type).toBe('/problems/file-too-large');
  });
});

describe('the upload quota', () => {
  it('keeps a citizen within UPLOAD_QUOTA_BYTES, also under parallel uploads, and others are not affected', async () => {
    const a = await registerCitizen(q.app, 'Lê Văn Hạn Mức');
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => upload(q.app, a.token, samplePdf(`quota-${String(i).padStart(3, '0')}`), `scan-${i}.pdf`)));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 201, 201, 201, 201, 413, 413, 413]);
    const refused = results.find((r) => r.statusCode === 413)!;
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.json()).toMatchObject({ type: '/problems/upload-quota-exceeded', quotaBytes: Math.floor(QUOTA_UNIT * 5.5), usedBytes: QUOTA_UNIT * 5 });
    const b = await registerCitizen(q.app, 'Phạm Thị Khác');
    expect((await upload(q.app, b.token, samplePdf('quota-999'))).statusCode).toBe(201);
  });

  it("holds a citizen to all their uploads and an officer (counter scans for many citizens) to those not yet attached", () => {
    expect(quotaRule('citizen', 1000)).toEqual({ limitBytes: 1000, onlyUnattached: false });
    expect(quotaRule('officer', 1000)).toEqual({ limitBytes: 1000, onlyUnattached: true });
    expect(quotaRule('citizen', 0)).toBeNull();
    expect(overQuota(900, 100, { limitBytes: 1000, onlyUnattached: false })).toBe(false);
    expect(overQuota(900, 101, { limitBytes: 1000, onlyUnattached: false })).toBe(true);
    expect(overQuota(1000, 0, { limitBytes: 1000, onlyUnattached: false })).toBe(true);
  });

  it('refuses before reading the body when the declared length cannot fit in what is left', { timeout: 20_000 }, async () => {
    await q.app.listen({ port: 0, host: '127.0.0.1' });
    const a = await registerCitizen(q.app, 'Đỗ Văn Đầy');
    for (let i = 0; i < 5; i++) expect((await upload(q.app, a.token, samplePdf(`fill-${String(i).padStart(4, '0')}`))).statusCode).toBe(201);
    const r = await rawRequest((q.app.server.address() as AddressInfo).port, [
      'POST /api/v1/files HTTP/1.1', 'Host: 127.0.0.1', `Authorization: Bearer ${a.token}`,
      'Content-Type: multipart/form-data; boundary=xyz', `Content-Length: ${QUOTA_UNIT + 70_000}`,
    ], Buffer.from('--xyz\r\n'));
    expect(r.status).toBe(413);
    expect(problemOf(r.text).type).toBe('/problems/upload-quota-exceeded');
  });
});

describe('PDFs with active content', () => {
  for (const [name, make] of Object.entries(ACTIVE_PDFS)) {
    it(`refuses: ${name}`, async () => {
      const pdf = await make();
      const res = await upload(t.app, citizen, pdf, 'to-khai.pdf');
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json()).toMatchObject({ type: '/problems/pdf-active-content', found: expect.any(Array) });
    });
  }

  it('finds a script kept in a compressed object stream (the raw bytes do not name it)', async () => {
    const pdf = await ACTIVE_PDFS['OpenAction JavaScript (compressed)']!();
    expect(pdf.toString('latin1')).not.toMatch(/JavaScript|\/JS\b/);
    const res = await upload(t.app, citizen, pdf);
    expect(res.json().found).toEqual(expect.arrayContaining(['/JavaScript', '/OpenAction']));
  });

  for (const [name, make] of Object.entries(HARMLESS_PDFS)) {
    it(`accepts: ${name}`, async () => {
      const res = await upload(t.app, citizen, await make());
      expect(res.statusCode, res.body).toBe(201);
    });
  }

  it.skipIf(NO_QPDF)('refuses an encrypted PDF, which cannot be checked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-enc-'));
    try {
      writeFileSync(join(dir, 'in.pdf'), await HARMLESS_PDFS['plain pdf-lib document']!());
      execFileSync('qpdf', ['--encrypt', 'nguoi-dung', 'chu-so-huu', '256', '--', join(dir, 'in.pdf'), join(dir, 'out.pdf')]);
      const res = await upload(t.app, citizen, readFileSync(join(dir, 'out.pdf')));
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json()).toMatchObject({ type: '/problems/pdf-unreadable', encrypted: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('downloads', () => {
  it('are attachments with the original (Vietnamese) file name, RFC 6266/5987, and nosniff', async () => {
    const up = await upload(t.app, citizen, samplePdf('tai-xuong'), 'Giấy khai sinh của bé Ánh.pdf');
    expect(up.statusCode, up.body).toBe(201);
    const res = await t.app.inject({ url: `/api/v1/files/${up.json().id}`, headers: auth(citizen) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="Giay khai sinh cua be Anh.pdf"; filename*=UTF-8\'\'Gi%E1%BA%A5y%20khai%20sinh%20c%E1%BB%A7a%20b%C3%A9%20%C3%81nh.pdf',
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-type']).toBe('application/pdf');
  });

  it('are inline when asked, for a preview in the page, still with the name and nosniff', async () => {
    const up = await upload(t.app, citizen, samplePdf('xem-truoc'), 'Tờ khai.pdf');
    const res = await t.app.inject({ url: `/api/v1/files/${up.json().id}?disposition=inline`, headers: auth(citizen) });
    expect(res.headers['content-disposition']).toBe('inline; filename="To khai.pdf"; filename*=UTF-8\'\'T%E1%BB%9D%20khai.pdf');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('name a file uploaded without a name by its hash', async () => {
    const mp = multipart(samplePdf('khong-ten'), '');
    const up = await t.app.inject({ method: 'POST', url: '/api/v1/files', payload: mp.payload, headers: { ...mp.headers, ...auth(citizen) } });
    expect(up.statusCode, up.body).toBe(201);
    const res = await t.app.inject({ url: `/api/v1/files/${up.json().id}`, headers: auth(citizen) });
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${up.json().sha256.slice(0, 16)}.pdf"`);
  });
});

describe('the orphan clean-up job', () => {
  it('deletes uploads never attached after UPLOAD_ORPHAN_HOURS, and their bytes when nothing else holds them', async () => {
    const procedure = (await t.app.inject({ url: '/api/v1/procedures/1.001193' })).json() as { components: { code: string; required: boolean }[]; eform: Record<string, unknown> };
    // Attached: the dossier's files.
    const attached = [];
    for (const c of procedure.components.filter((c) => c.required)) {
      attached.push({ componentCode: c.code, fileId: (await upload(t.app, citizen, samplePdf(`dinh-kem-${c.code}`))).json().id as string });
    }
    const submitted = await t.app.inject({
      method: 'POST', url: '/api/v1/dossiers', headers: { ...auth(citizen), 'idempotency-key': 'orphan-test-0001' },
      payload: { procedureCode: '1.001193', formData: fill(procedure.eform as never, { communeCode: DEMO_COMMUNE, applicantIdNumber: DEMO_CITIZEN }), files: attached },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const code = submitted.json().code as string;
    // The dossier's receipt (form 01) is a signed document in the same blob store.
    const desk = await login(t.app, 'motcua.dongthuan');
    const v = (await t.app.inject({ url: `/api/v1/dossiers/${code}`, headers: auth(desk) })).json().version;
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/actions`, headers: { ...auth(desk), 'if-match': String(v) }, payload: { action: 'receive' } })).statusCode).toBe(200);
    const receipt = (await issueLatest(t, code, 'motcua.dongthuan'))!;
    const receiptPdf = (await t.app.inject({ url: `/api/v1/dossiers/${code}/documents/${receipt.id}/pdf`, headers: auth(citizen) })).rawPayload;

    // Never attached: a unique scan, a scan someone else uploads again later, the receipt uploaded back.
    const lonely = (await upload(t.app, citizen, samplePdf('mo-coi'))).json();
    const shared = (await upload(t.app, citizen, samplePdf('dung-chung'))).json();
    const receiptCopy = (await upload(t.app, citizen, receiptPdf, 'bien-nhan.pdf')).json();
    expect(receiptCopy.sha256).toBe(receipt.sha256);

    t.clock.advance(25 * HOUR);
    const other = await registerCitizen(t.app, 'Võ Thị Sau');
    const sharedAgain = (await upload(t.app, other.token, samplePdf('dung-chung'))).json();
    expect(sharedAgain.sha256).toBe(shared.sha256);

    const services = await buildServices(MODULES, { db: t.db, clock: t.clock, config: t.config }, { blobs: t.blobs });
    const job = filesModule.jobs!({ db: t.db, clock: t.clock, config: t.config, services }).find((j) => j.name === 'files.purge-orphans');
    expect(job?.schedule).toBeTruthy();
    await job!.handler(null, { id: 'test', retryCount: 0 });

    const rows = await t.db.selectFrom('files').select(['id', 'sha256']).execute();
    const ids = new Set(rows.map((r) => r.id));
    for (const f of attached) expect(ids.has(f.fileId)).toBe(true);
    expect(ids.has(lonely.id)).toBe(false);
    expect(ids.has(shared.id)).toBe(false);
    expect(ids.has(receiptCopy.id)).toBe(false);
    expect(ids.has(sharedAgain.id)).toBe(true);
    expect(await t.blobs.exists(lonely.sha256)).toBe(false);
    expect(await t.blobs.exists(shared.sha256)).toBe(true);
    expect(await t.blobs.exists(receipt.sha256)).toBe(true);
    expect((await t.app.inject({ url: `/api/v1/verify/${receipt.id}` })).json()).toMatchObject({ valid: true });
    // The dossier's files are still served, as attachments.
    const served = await t.app.inject({ url: `/api/v1/dossiers/${code}/files/${attached[0]!.fileId}`, headers: auth(citizen) });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-disposition']).toMatch(/^attachment; filename=/);
    // Audited, with an event, and run again it finds nothing more.
    // Other tests' uploads of this file went too (never attached); each deletion is audited with its event.
    const audit = (await t.db.selectFrom('audit_log').select(['subject_id']).where('action', '=', 'file.purged').execute()).map((a) => a.subject_id);
    expect(audit).toEqual(expect.arrayContaining([lonely.id, shared.id, receiptCopy.id]));
    expect(audit).not.toContain(sharedAgain.id);
    for (const f of attached) expect(audit).not.toContain(f.fileId);
    const events = (await t.db.selectFrom('outbox').select(['aggregate_id']).where('topic', '=', 'file.purged').execute()).map((e) => e.aggregate_id);
    expect(events.sort()).toEqual([...audit].sort());
    // Run again, it finds nothing more.
    await job!.handler(null, { id: 'test-2', retryCount: 0 });
    expect(await t.db.selectFrom('audit_log').select('id').where('action', '=', 'file.purged').execute()).toHaveLength(audit.length);
  });
});
