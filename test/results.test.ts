import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTx } from '../src/db/index.ts';
import { ensurePki } from '../src/modules/pki/index.ts';
import { readBlob, reuseCounts, reuseDocuments } from '../src/modules/results/index.ts';
import { flipByte, issueLatest, nssTrusting, pdfsig, pdfText, qpdfCheck, renderPage, resultsApp, type ResultsApp } from './support/results-testkit.ts';
import { toolsMissing } from './support/tools.ts';
// Independent checks with Debian's tools (.ci/run installs them); without them those tests are skipped with a message.
const NO_VERIFIERS = toolsMissing('pdfsig', 'qpdf', 'certutil');
const NO_POPPLER = toolsMissing('pdftotext', 'pdftoppm');

import * as dossiers from '../src/modules/dossiers/store.ts';
import { auth, DEMO_CITIZEN, DEMO_COMMUNE, login, multipart, registerCitizen, upload } from './helpers.ts';
import { fill } from './sample-form.ts';

let t: ResultsApp;
const tokens: Record<string, string> = {};
const CODE = '1.001193'; // Đăng ký khai sinh: the commune receives, its officer handles, its leader signs
let procedure: { components: { code: string; required: boolean }[]; eform: Record<string, unknown> };
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await resultsApp();
  await ensurePki(t.db, t.config, t.clock);
  for (const u of [DEMO_CITIZEN, 'motcua.dongthuan', 'chuyenvien.dongthuan', 'lanhdao.dongthuan']) tokens[u] = await login(t.app, u);
  procedure = (await t.app.inject({ url: `/api/v1/procedures/${CODE}` })).json();
});
afterAll(() => t.close());

const citizen = () => tokens[DEMO_CITIZEN]!;
const desk = () => tokens['motcua.dongthuan']!;
const leader = () => tokens['lanhdao.dongthuan']!;

let keyN = 0;
async function submitted(files?: { componentCode: string; fileId: string }[]): Promise<string> {
  const attached = files ?? [];
  for (const c of procedure.components.filter((c) => c.required && !attached.some((f) => f.componentCode === c.code))) {
    attached.push({ componentCode: c.code, fileId: (await upload(t.app, citizen())).json().id });
  }
  const res = await t.app.inject({
    method: 'POST', url: '/api/v1/dossiers', headers: { ...auth(citizen()), 'idempotency-key': `results-${++keyN}-key` },
    payload: { procedureCode: CODE, formData: fill(procedure.eform as never, { communeCode: DEMO_COMMUNE, applicantIdNumber: DEMO_CITIZEN, childFullName: 'Nguyễn Thị Ánh Dương' }), files: attached },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().code;
}

/** One lifecycle action over HTTP, then what the lifecycle issues for it. */
async function act(token: string, username: string, code: string, body: Record<string, unknown>) {
  const v = (await t.app.inject({ url: `/api/v1/dossiers/${code}`, headers: auth(token) })).json().version;
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/actions`, headers: { ...auth(token), 'if-match': String(v) }, payload: body });
  expect(res.statusCode, `${body.action}: ${res.body}`).toBe(200);
  return issueLatest(t, code, username);
}

const verify = async (pdf: Buffer) => {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/verify', headers: { 'content-type': 'application/pdf' }, payload: pdf });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const pdfOf = async (code: string, id: string, token = citizen()) => {
  const res = await t.app.inject({ url: `/api/v1/dossiers/${code}/documents/${id}/pdf`, headers: auth(token) });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  return res.rawPayload;
};

describe('signed documents along a dossier', () => {
  let code: string;
  let resultId: string;
  let result: Buffer;
  let officerOnly: Buffer;

  it('seals form 01 at reception; the leader signs the result, the seal follows at issuance; form 05 at return', async () => {
    code = await submitted();
    const f01 = await act(desk(), 'motcua.dongthuan', code, { action: 'receive' });
    expect(f01).toMatchObject({ kind: 'form_01', status: 'issued', signers: [{ role: 'seal' }] });
    expect(await act(desk(), 'motcua.dongthuan', code, { action: 'assign' })).toBeNull();
    t.clock.advance(2 * HOUR);
    await act(tokens['chuyenvien.dongthuan']!, 'chuyenvien.dongthuan', code, { action: 'forward', note: 'Hồ sơ hợp lệ' });
    const signed = await act(leader(), 'lanhdao.dongthuan', code, { action: 'sign' });
    expect(signed).toMatchObject({ kind: 'result', status: 'signed', template: 'certificate', signers: [{ role: 'officer', name: 'Ngô Thị Chủ Tịch' }] });
    officerOnly = await readBlob(t.blobs, signed!.sha256);
    const issued = await act(leader(), 'lanhdao.dongthuan', code, { action: 'issue_result' });
    expect(issued).toMatchObject({ id: signed!.id, status: 'issued', signers: [{ role: 'officer' }, { role: 'seal' }] });
    resultId = issued!.id;
    expect((await act(desk(), 'motcua.dongthuan', code, { action: 'return_result' }))?.kind).toBe('form_05');

    const listed = (await t.app.inject({ url: `/api/v1/dossiers/${code}/documents`, headers: auth(citizen()) })).json();
    expect(listed.items.map((d: { kind: string }) => d.kind)).toEqual(['form_01', 'result', 'form_05']);
    // The documents' audit entries are filed in the dossier's chain, with the actions' own entries: a
    // transaction takes one chain head, so concurrent actions cannot deadlock on two heads.
    const dossierId = (await dossiers.getByCode(t.db, code))!.id;
    const audit = await t.db.selectFrom('audit_log').select(['chain', 'subject_type', 'action'])
      .where((eb) => eb.or([eb('subject_id', '=', dossierId), eb.and([eb('subject_type', '=', 'document'), eb('subject_id', 'in', listed.items.map((d: { id: string }) => d.id))])]))
      .execute();
    expect(audit.filter((a) => a.subject_type === 'document').length).toBeGreaterThanOrEqual(4);
    expect(new Set(audit.map((a) => a.chain)).size).toBe(1);
    result = await pdfOf(code, resultId);
    expect(result.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('puts the issued result into the applicant\'s personal document store, downloadable as their file', async () => {
    const mine = (await t.app.inject({ url: '/api/v1/me/documents', headers: auth(citizen()) })).json();
    const item = mine.items.find((d: { id: string }) => d.id === resultId);
    expect(item).toMatchObject({ kind: 'result', dossier: { code }, verifyUrl: expect.stringMatching(new RegExp(`/verify/${resultId}$`)) });
    const file = await t.app.inject({ url: `/api/v1/files/${item.fileId}`, headers: auth(citizen()) });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(result)).toBe(true);
    expect((await t.app.inject({ url: '/api/v1/me/documents', headers: auth(desk()) })).statusCode).toBe(403);
  });

  it('verifies the result without sign-in: signers, chain, revocation, the dossier summary, no personal data', async () => {
    const r = await verify(result);
    expect(r).toMatchObject({ valid: true, intact: true, problems: [], document: { id: resultId, registered: true, current: true }, dossier: { code } });
    expect(r.signatures).toHaveLength(2);
    expect(r.signatures.map((s: { signer: { commonName: string } }) => s.signer.commonName)).toEqual(['Ngô Thị Chủ Tịch', 'Ủy ban nhân dân Phường Đồng Thuận']);
    for (const s of r.signatures) {
      expect(s).toMatchObject({ subFilter: 'ETSI.CAdES.detached', digestMatches: true, signatureValid: true, signingCertificateBound: true, chainTrusted: true, revocation: 'good', timestamp: null });
      expect(s.chain).toHaveLength(3);
    }
    expect(r.signatures.map((s: { coversWholeFile: boolean }) => s.coversWholeFile)).toEqual([false, true]);
    expect(JSON.stringify(r)).not.toMatch(/Nguyễn Văn An|045095001234|Ánh Dương/);
    const mp = multipart(result, 'ket-qua.pdf', 'application/pdf');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/verify', ...mp })).json()).toMatchObject({ valid: true });
    expect((await t.app.inject({ url: `/api/v1/verify/${resultId}` })).json()).toMatchObject({ valid: true, document: { id: resultId } });
  });

  it('fails any changed byte, content added after signing, and recognises the officer-only revision', async () => {
    for (const at of [200, Math.floor(result.length / 2), result.length - 30]) {
      const r = await verify(flipByte(result, at));
      expect(r.valid, `byte ${at}`).toBe(false);
      expect(r.intact, `byte ${at}`).toBe(false);
    }
    const appended = await verify(Buffer.concat([result, Buffer.from('\n1 0 obj\n(changed)\nendobj\n')]));
    expect(appended.valid).toBe(false);
    expect(appended.problems.map((p: { code: string }) => p.code)).toContain('unsigned_changes');
    const earlier = await verify(officerOnly);
    expect(earlier).toMatchObject({ valid: true, document: { id: resultId, registered: true, current: false } });
    expect(earlier.signatures).toHaveLength(1);
  });

  it('shows the public page the QR code opens', async () => {
    const page = await t.app.inject({ url: `/verify/${resultId}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('Văn bản hợp lệ');
    expect(page.body).toContain(code);
    expect(page.body).toContain('Ngô Thị Chủ Tịch');
    expect(page.body).not.toMatch(/Nguyễn Văn An|045095001234/);
    expect((await t.app.inject({ url: '/verify/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
  });

  it.skipIf(NO_VERIFIERS)('is accepted by independent verifiers: poppler pdfsig (province root trusted in NSS) and qpdf', async () => {
    const ca = (await t.app.inject({ url: '/api/v1/pki/ca' })).json();
    const root = ca.items.find((c: { purpose: string }) => c.purpose === 'root_ca');
    const nss = nssTrusting(root.pem);
    try {
      const ok = pdfsig(nss.dir, result);
      expect(ok.code, ok.out).toBe(0);
      expect(ok.out.match(/Signature is Valid\./g)).toHaveLength(2);
      expect(ok.out.match(/Certificate is Trusted\./g)).toHaveLength(2);
      expect(ok.out).toContain('Total document signed');
      expect(ok.out).toContain('ETSI.CAdES.detached');
      const bad = pdfsig(nss.dir, flipByte(result, Math.floor(result.length / 2) + 7));
      expect(bad.out).not.toMatch(/Signature #2:[\s\S]*Signature is Valid\./);
      expect(bad.out).toMatch(/Digest Mismatch|Signature is Invalid|Invalid/);
    } finally {
      nss.close();
    }
    const check = qpdfCheck(result);
    expect(check.code, check.out).toBe(0);
    expect(check.out).toContain('No syntax or stream encoding errors');
  });

  it.skipIf(NO_POPPLER)('renders Vietnamese with all diacritics (text extracted from the PDF; page 1 saved under test-artifacts/)', async () => {
    const text = pdfText(result);
    for (const s of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'GIẤY KHAI SINH', 'Nguyễn Thị Ánh Dương', 'Ngô Thị Chủ Tịch']) expect(text).toContain(s);
    renderPage(result, 'results-giay-khai-sinh');
    const f01 = (await t.app.inject({ url: `/api/v1/dossiers/${code}/documents`, headers: auth(citizen()) })).json().items[0];
    const form = await pdfOf(code, f01.id);
    expect(pdfText(form)).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    renderPage(form, 'results-mau-01');
  });
});

describe('forms issued by the desk and the handling agency are sealed', () => {
  it.skipIf(NO_POPPLER)('issues form 02, form 03, form 04 and the stop notice, each valid', async () => {
    const a = await submitted();
    await act(desk(), 'motcua.dongthuan', a, { action: 'receive' });
    const f02 = await act(desk(), 'motcua.dongthuan', a, { action: 'request_supplement', items: ['Giấy chứng sinh (bản chính)'], reason: 'Bản chụp bị mờ' });
    const b = await submitted();
    const f03 = await act(desk(), 'motcua.dongthuan', b, { action: 'refuse', reason: 'Hồ sơ không thuộc thẩm quyền' });
    const c = await submitted();
    await act(desk(), 'motcua.dongthuan', c, { action: 'receive' });
    await act(desk(), 'motcua.dongthuan', c, { action: 'assign' });
    const due = (await dossiers.getByCode(t.db, c))!.due_at!;
    const f04 = await act(leader(), 'lanhdao.dongthuan', c, { action: 'reschedule', reason: 'Cần xác minh thêm', newDueAt: new Date(due.getTime() + 72 * HOUR).toISOString() });
    const d = await submitted();
    await act(desk(), 'motcua.dongthuan', d, { action: 'receive' });
    await act(citizen(), DEMO_CITIZEN, d, { action: 'request_withdrawal', reason: 'Không còn nhu cầu' });
    const stop = await act(desk(), 'motcua.dongthuan', d, { action: 'accept_withdrawal', reason: 'Theo đề nghị của công dân' });
    const expected: [typeof f02, string, string][] = [
      [f02, a, 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ'], [f03, b, 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ'],
      [f04, c, 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ'], [stop, d, 'Về việc dừng xử lý hồ sơ'],
    ];
    for (const [doc, dossierCode, heading] of expected) {
      expect(doc?.signers).toEqual([expect.objectContaining({ role: 'seal' })]);
      const pdf = await pdfOf(dossierCode, doc!.id, desk());
      expect(pdfText(pdf)).toContain(heading);
      expect(await verify(pdf)).toMatchObject({ valid: true, intact: true, document: { id: doc!.id, kind: doc!.kind } });
    }
    expect(pdfText(await pdfOf(a, f02!.id))).toContain('Giấy chứng sinh (bản chính)');
  });

  it.skipIf(NO_POPPLER)('answers a refused application with a signed and sealed refusal letter', async () => {
    const code = await submitted();
    await act(desk(), 'motcua.dongthuan', code, { action: 'receive' });
    await act(desk(), 'motcua.dongthuan', code, { action: 'assign' });
    const specialist = tokens['chuyenvien.dongthuan']!;
    await act(specialist, 'chuyenvien.dongthuan', code, { action: 'propose_refusal', reason: 'Người yêu cầu không cư trú tại phường' });
    await act(specialist, 'chuyenvien.dongthuan', code, { action: 'forward' });
    expect(await act(leader(), 'lanhdao.dongthuan', code, { action: 'sign' })).toMatchObject({ template: 'refusal', status: 'signed' });
    const letter = await act(leader(), 'lanhdao.dongthuan', code, { action: 'issue_result' });
    expect(letter).toMatchObject({ template: 'refusal', status: 'issued', signers: [{ role: 'officer' }, { role: 'seal' }] });
    const pdf = await pdfOf(code, letter!.id);
    expect(pdfText(pdf)).toContain('Người yêu cầu không cư trú tại phường');
    expect(await verify(pdf)).toMatchObject({ valid: true });
  });

  it.skipIf(NO_POPPLER)('issues the control sheet (form 05) on demand to officers, not to citizens', async () => {
    const code = await submitted();
    await act(desk(), 'motcua.dongthuan', code, { action: 'receive' });
    await act(desk(), 'motcua.dongthuan', code, { action: 'assign' });
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/documents/control-sheet`, headers: auth(desk()) });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'form_05', status: 'issued' });
    expect(pdfText(await pdfOf(code, res.json().id, desk()))).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/documents/control-sheet`, headers: auth(citizen()) })).statusCode).toBe(403);
  });
});

describe('reuse and access', () => {
  it('reuses a stored result as a component of a later dossier, counted for the digitisation indicator', async () => {
    const stored = (await t.app.inject({ url: '/api/v1/me/documents', headers: auth(citizen()) })).json().items.find((d: { template: string }) => d.template === 'certificate');
    const component = procedure.components.find((c) => c.required)!.code;
    const code = await submitted([{ componentCode: component, fileId: stored.fileId }]);
    const row = (await dossiers.getByCode(t.db, code))!;
    expect((await dossiers.filesOf(t.db, row.id)).map((f) => f.id)).toContain(stored.fileId);
    const files = [{ componentCode: component, fileId: stored.fileId }];
    expect(await inTx(t.db, (tx) => reuseDocuments(tx, { dossierId: row.id, userId: row.applicant_id!, files, at: t.clock.now() }))).toBe(1);
    expect(await reuseCounts(t.db, new Date(0), new Date(t.clock.now().getTime() + 1))).toEqual({ reuses: 1, dossiers: 1 });
  });

  it('keeps documents to those who may see the dossier; verification needs no account', async () => {
    const other = await registerCitizen(t.app, 'Lê Thị Khác');
    const code = (await t.app.inject({ url: '/api/v1/me/documents', headers: auth(citizen()) })).json().items[0].dossier.code;
    expect((await t.app.inject({ url: `/api/v1/dossiers/${code}/documents`, headers: auth(other.token) })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/me/documents', headers: auth(other.token) })).json().items).toEqual([]);
    const notPdf = await t.app.inject({ method: 'POST', url: '/api/v1/verify', headers: { 'content-type': 'application/pdf' }, payload: Buffer.from('hello, not a pdf') });
    expect(notPdf.statusCode).toBe(415);
    const unsigned = await verify(Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'));
    expect(unsigned).toMatchObject({ valid: false, signatures: [], document: null });
    expect(unsigned.problems.map((p: { code: string }) => p.code)).toContain('unsigned');
  });
});
