/**
 * Issue 13 items 5 and 10: the generic counter form (procedures without an e-form, e.g. certified
 * copies 2.000815), digitisation at the counter (scans with their page counts), electronic certified
 * copies issued as signed PDFs, and the 766 indicators `digitised`, `reused`, `certified_copies`
 * scored from these facts.
 */
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catchUp } from '../src/platform/consumers.ts';
import { IOC_CONSUMER, iocHandler, rebuildRollups } from '../src/modules/ioc/index.ts';
import { allRollups } from '../src/modules/ioc/store.ts';
import { trustStore, verifyPdf } from '../src/modules/pki/index.ts';
import { auth, DEMO_CITIZEN, DEMO_COMMUNE, login, PNG_1x1, testApp, upload, type TestApp } from './helpers.ts';
import { fill } from './sample-form.ts';
import { nssTrusting, pdfsig } from './support/results-testkit.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
const desk = () => tokens['motcua.dongthuan']!;
const CERTIFY = '2.000815'; // Chứng thực bản sao từ bản chính: no e-form, not offered online

async function pdfOfPages(n: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < n; i++) doc.addPage([595, 842]).drawText(`Trang ${i + 1}`, { x: 50, y: 780, size: 18 });
  return Buffer.from(await doc.save());
}

let keyN = 0;
const counter = (body: Record<string, unknown>, token = desk()) =>
  t.app.inject({ method: 'POST', url: '/api/v1/dossiers/counter', headers: { ...auth(token), 'idempotency-key': `digitise-${++keyN}-key` }, payload: body });

beforeAll(async () => {
  t = await testApp({ sessionTtlHours: 24 * 365, pki: { caKeyBits: 2048 } } as never);
  for (const u of ['motcua.dongthuan', 'admin.tinh', DEMO_CITIZEN]) tokens[u] = await login(t.app, u);
});
afterAll(() => t.close());

let certCode = '';
let scanId = '';

describe('the generic counter form', () => {
  it('receives a procedure without an e-form: applicant, components checklist with scans, notes', async () => {
    const proc = (await t.app.inject({ url: `/api/v1/procedures/${CERTIFY}` })).json();
    expect(proc.eform).toBeNull();
    const scan = (await upload(t.app, desk(), await pdfOfPages(3), 'bang-tot-nghiep.pdf')).json();
    scanId = scan.id;
    const res = await counter({
      procedureCode: CERTIFY, channel: 'direct',
      applicant: { idNumber: DEMO_CITIZEN, fullName: 'Nguyễn Văn An', phone: '0912345678', address: 'Số 1 Lê Lợi, Đồng Thuận' },
      checklist: [{ componentCode: 'TP01', form: 'original', copies: 1 }],
      files: [{ componentCode: 'TP01', fileId: scan.id }],
      notes: 'Chứng thực 1 bản bằng tốt nghiệp',
    });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    certCode = d.code;
    expect(d).toMatchObject({ statusCode: 2, channel: 'direct', procedure: { code: CERTIFY } });
    expect(d.formData).toMatchObject({ applicantPhone: '0912345678', address: 'Số 1 Lê Lợi, Đồng Thuận', notes: 'Chứng thực 1 bản bằng tốt nghiệp' });
    // Digitised: the component's scan is recorded with its page count.
    expect(d.components).toEqual([{ componentCode: 'TP01', form: 'original', copies: 1, scans: 1, pages: 3, digitised: true }]);
    expect(d.files[0]).toMatchObject({ componentCode: 'TP01', pages: 3 });
    expect(d.history[0].data).toMatchObject({ digitised: true, pages: 3, scans: 1, certification: true });
  });

  it('accepts a component received on paper without a scan (not digitised), and an image scan counts one page', async () => {
    const noScan = await counter({
      procedureCode: CERTIFY, channel: 'direct', applicant: { idNumber: DEMO_CITIZEN, fullName: 'Nguyễn Văn An' },
      checklist: [{ componentCode: 'TP01', form: 'original', copies: 2 }], files: [],
    });
    expect(noScan.statusCode, noScan.body).toBe(201);
    expect(noScan.json().components).toEqual([{ componentCode: 'TP01', form: 'original', copies: 2, scans: 0, pages: 0, digitised: false }]);
    expect(noScan.json().history[0].data).toMatchObject({ digitised: false, pages: 0 });
    const image = (await upload(t.app, desk(), PNG_1x1, 'anh.png')).json();
    const withImage = await counter({
      procedureCode: CERTIFY, channel: 'direct', applicant: { idNumber: DEMO_CITIZEN, fullName: 'Nguyễn Văn An' },
      checklist: [{ componentCode: 'TP01', form: 'copy', copies: 1 }], files: [{ componentCode: 'TP01', fileId: image.id }],
    });
    expect(withImage.statusCode, withImage.body).toBe(201);
    expect(withImage.json().components[0]).toMatchObject({ scans: 1, pages: 1, digitised: true });
  });

  it('still refuses a required component neither in the checklist nor scanned, and a checklist item of another procedure', async () => {
    const missing = await counter({ procedureCode: CERTIFY, channel: 'direct', applicant: { idNumber: DEMO_CITIZEN, fullName: 'Nguyễn Văn An' }, checklist: [], files: [] });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().type).toContain('missing-components');
    const unknown = await counter({
      procedureCode: CERTIFY, channel: 'direct', applicant: { idNumber: DEMO_CITIZEN, fullName: 'Nguyễn Văn An' },
      checklist: [{ componentCode: 'TP01', form: 'original', copies: 1 }, { componentCode: 'TP99', form: 'copy', copies: 1 }], files: [],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
  });

  it('records a counter dossier of an e-form procedure with its scans as digitised too', async () => {
    const proc = (await t.app.inject({ url: '/api/v1/procedures/1.001193' })).json();
    const files = [];
    for (const c of proc.components.filter((c: { required: boolean }) => c.required)) files.push({ componentCode: c.code, fileId: (await upload(t.app, desk(), await pdfOfPages(2))).json().id });
    const res = await counter({
      procedureCode: '1.001193', channel: 'direct', applicant: { idNumber: DEMO_CITIZEN, fullName: 'Nguyễn Văn An' },
      formData: fill(proc.eform, { communeCode: DEMO_COMMUNE, applicantIdNumber: DEMO_CITIZEN }), files,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().history[0].data).toMatchObject({ digitised: true, pages: 2 * files.length, certification: false });
    // Not a certification of copies: the server says so, and the desk shows no certify button.
    const state = await t.app.inject({ url: `/api/v1/dossiers/${res.json().code}/certified-copies`, headers: auth(desk()) });
    expect(state.json()).toMatchObject({ certifiable: false, reason: expect.stringMatching(/not a certification/), copies: [] });
  });
});

describe('electronic certified copies', () => {
  it('a counter officer certifies a scan as a true copy: a signed PDF that verifies, in the citizen\'s documents', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${certCode}/certified-copies`, headers: auth(desk()), payload: { fileId: scanId } });
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json();
    expect(doc).toMatchObject({ kind: 'certified_copy', status: 'issued' });
    expect(doc.signers.map((s: { role: string }) => s.role)).toEqual(['officer', 'seal']);
    const pdf = (await t.app.inject({ url: `/api/v1/dossiers/${certCode}/documents/${doc.id}/pdf`, headers: auth(desk()) })).rawPayload;
    // The scan's three pages and the certification page.
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(4);
    const report = verifyPdf(pdf, await trustStore(t.database.db), t.clock.now());
    expect(report.valid, JSON.stringify(report.problems)).toBe(true);
    expect(report.signatures).toHaveLength(2);
    const ca = (await t.app.inject({ url: '/api/v1/pki/ca' })).json();
    const nss = nssTrusting(ca.items.find((c: { purpose: string }) => c.purpose === 'root_ca').pem);
    try {
      const out = pdfsig(nss.dir, pdf).out;
      expect(out).toContain('Signature is Valid.');
      expect(out.match(/Signature is Valid\./g)).toHaveLength(2);
    } finally {
      nss.close();
    }
    const mine = (await t.app.inject({ url: '/api/v1/me/documents', headers: auth(tokens[DEMO_CITIZEN]!) })).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toContain(doc.id);
  });

  it('the server says whether the desk may certify, and certifies each scan once', async () => {
    const state = await t.app.inject({ url: `/api/v1/dossiers/${certCode}/certified-copies`, headers: auth(desk()) });
    expect(state.statusCode, state.body).toBe(200);
    expect(state.json()).toMatchObject({ certifiable: true, reason: null, copies: [{ fileId: scanId }] });
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${certCode}/certified-copies`, headers: auth(desk()), payload: { fileId: scanId } });
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json().type).toMatch(/already-certified/);
    const docs = (await t.app.inject({ url: `/api/v1/dossiers/${certCode}/documents`, headers: auth(desk()) })).json();
    expect(docs.items.filter((d: { kind: string }) => d.kind === 'certified_copy')).toHaveLength(1);
    const citizen = await t.app.inject({ url: `/api/v1/dossiers/${certCode}/certified-copies`, headers: auth(tokens[DEMO_CITIZEN]!) });
    expect(citizen.statusCode).toBe(403);
  });

  it('refuses a file that is not a scan of the dossier, and a citizen', async () => {
    const other = (await upload(t.app, desk())).json();
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${certCode}/certified-copies`, headers: auth(desk()), payload: { fileId: other.id } });
    expect(res.statusCode).toBe(404);
    const citizen = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${certCode}/certified-copies`, headers: auth(tokens[DEMO_CITIZEN]!), payload: { fileId: scanId } });
    expect(citizen.statusCode).toBe(403);
  });
});

describe('the 766 digitisation indicators', () => {
  it('scores digitised, reused and certified_copies from the recorded facts, live and rebuilt alike', async () => {
    // A citizen reuses the certified copy from their store in an online dossier.
    const citizen = tokens[DEMO_CITIZEN]!;
    const stored = (await t.app.inject({ url: '/api/v1/me/documents', headers: auth(citizen) })).json().items.find((i: { kind: string }) => i.kind === 'certified_copy');
    const proc = (await t.app.inject({ url: '/api/v1/procedures/1.001193' })).json();
    const files = [];
    for (const c of proc.components.filter((c: { required: boolean }) => c.required)) files.push({ componentCode: c.code, fileId: files.length ? (await upload(t.app, citizen)).json().id : stored.fileId });
    const online = await t.app.inject({
      method: 'POST', url: '/api/v1/dossiers', headers: { ...auth(citizen), 'idempotency-key': 'digitise-online-1' },
      payload: { procedureCode: '1.001193', formData: fill(proc.eform, { communeCode: DEMO_COMMUNE, applicantIdNumber: DEMO_CITIZEN }), files },
    });
    expect(online.statusCode, online.body).toBe(201);
    const code = online.json().code;
    const rx = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/actions`, headers: { ...auth(desk()), 'if-match': '1' }, payload: { action: 'receive' } });
    expect(rx.statusCode, rx.body).toBe(200);

    await catchUp(t.database.db, IOC_CONSUMER, iocHandler());
    const live = await allRollups(t.database.db);
    const period = t.clock.now().toISOString().slice(0, 7);
    const res = await t.app.inject({ url: `/api/v1/ioc/index?period=${period}`, headers: auth(tokens['admin.tinh']!) });
    expect(res.statusCode, res.body).toBe(200);
    const index = res.json().items[0];
    const indicators = Object.fromEntries(index.groups.flatMap((g: { indicators: { key: string }[] }) => g.indicators).map((i: { key: string }) => [i.key, i]));
    // Received: 4 at the counter (3 certified-copy dossiers, 1 birth registration) + 1 online.
    // Digitised: the online one and the 3 counter dossiers with scans; reused: the online one;
    // certified copies: 1 of the 3 certification dossiers got an electronic certified copy.
    expect(indicators.digitised).toMatchObject({ status: 'scored', numerator: 4, denominator: 5 });
    expect(indicators.reused).toMatchObject({ status: 'scored', numerator: 1, denominator: 5 });
    expect(indicators.certified_copies).toMatchObject({ status: 'scored', numerator: 1, denominator: 3 });
    expect(index.noData).not.toEqual(expect.arrayContaining(['digitised']));
    expect(index.noData).not.toContain('reused');
    expect(index.noData).not.toContain('certified_copies');

    await rebuildRollups(t.database.db);
    expect(await allRollups(t.database.db)).toEqual(live);
  });
});
