/**
 * What officers decide on a dossier (issue 13): any whole fee in đồng, the leader's draft result before
 * signing, no second signature offered, the signer's real title on the result; and the IOC's change
 * against a previous period only when that period has data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePki } from '../src/modules/pki/index.ts';
import { trendOf } from '../src/modules/ioc/figures.ts';
import { pdfText, renderPage, resultsApp, type ResultsApp } from './support/results-testkit.ts';
import { auth, DEMO_CITIZEN, DEMO_COMMUNE, login, upload } from './helpers.ts';
import { fill } from './sample-form.ts';

let t: ResultsApp;
const tokens: Record<string, string> = {};
const CODE = '1.001193'; // Đăng ký khai sinh: the commune receives, its officer handles, its leader (Chủ tịch) signs
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
const specialist = () => tokens['chuyenvien.dongthuan']!;
const leader = () => tokens['lanhdao.dongthuan']!;

let keyN = 0;
async function submitted(): Promise<string> {
  const files = [];
  for (const c of procedure.components.filter((c) => c.required)) files.push({ componentCode: c.code, fileId: (await upload(t.app, citizen())).json().id });
  const res = await t.app.inject({
    method: 'POST', url: '/api/v1/dossiers', headers: { ...auth(citizen()), 'idempotency-key': `decisions-${++keyN}-key` },
    payload: { procedureCode: CODE, formData: fill(procedure.eform as never, { communeCode: DEMO_COMMUNE, applicantIdNumber: DEMO_CITIZEN, childFullName: 'Trần Gia Bảo' }), files },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().code;
}

const get = (token: string, code: string) => t.app.inject({ url: `/api/v1/dossiers/${code}`, headers: auth(token) });
async function act(token: string, code: string, body: Record<string, unknown>) {
  const v = (await get(token, code)).json().version;
  return t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/actions`, headers: { ...auth(token), 'if-match': String(v) }, payload: body });
}
async function ok(token: string, code: string, body: Record<string, unknown>) {
  const res = await act(token, code, body);
  expect(res.statusCode, `${body.action}: ${res.body}`).toBe(200);
  return res.json();
}

/** A dossier at the leader's signing step. */
async function atSigning(): Promise<string> {
  const code = await submitted();
  await ok(desk(), code, { action: 'receive' });
  await ok(desk(), code, { action: 'assign' });
  t.clock.advance(HOUR);
  await ok(specialist(), code, { action: 'forward', note: 'Hồ sơ hợp lệ' });
  return code;
}

describe('a fee in đồng', () => {
  it('takes any whole amount from 1 đồng up to the bound, and refuses 0, fractions and absurd amounts with a problem', async () => {
    const code = await submitted();
    await ok(desk(), code, { action: 'receive' });
    await ok(desk(), code, { action: 'assign' });
    for (const bad of [0, -5, 8000.5, 1_000_000_000_001, Number.MAX_SAFE_INTEGER]) {
      const res = await act(specialist(), code, { action: 'request_payment', amountVND: bad });
      expect(res.statusCode, `${bad}: ${res.body}`).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    const asked = await ok(specialist(), code, { action: 'request_payment', amountVND: 8000, description: 'Lệ phí' });
    expect(asked.history.at(-1)).toMatchObject({ action: 'request_payment', data: { amountVND: 8000 } });
    await ok(desk(), code, { action: 'confirm_payment' });
    const big = await ok(specialist(), code, { action: 'request_payment', amountVND: 1_000_000_000_000 });
    expect(big.history.at(-1).data.amountVND).toBe(1_000_000_000_000);
  });
});

describe('the leader\'s decision', () => {
  it('shows the leader the draft result before signing: unsigned, marked as a draft, with the dossier\'s facts', async () => {
    const code = await atSigning();
    expect((await get(leader(), code)).json().allowedActions).toContain('sign');
    const draft = await t.app.inject({ url: `/api/v1/dossiers/${code}/result-draft`, headers: auth(leader()) });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.headers['content-type']).toBe('application/pdf');
    expect(draft.headers['cache-control']).toBe('no-store');
    const text = pdfText(draft.rawPayload);
    renderPage(draft.rawPayload, 'result-draft');
    expect(text).toContain('DỰ THẢO');
    expect(text).toContain('Trần Gia Bảo');
    expect(text).toContain('CHỦ TỊCH');
    expect(draft.rawPayload.includes(Buffer.from('/ByteRange'))).toBe(false);
    // Nothing was issued or registered by looking at it.
    const docs = (await t.app.inject({ url: `/api/v1/dossiers/${code}/documents`, headers: auth(leader()) })).json();
    expect(docs.items.map((d: { kind: string }) => d.kind)).toEqual(['form_01']);
    // Not for the applicant, not for an officer who cannot see the dossier, not once nothing is to be signed.
    expect((await t.app.inject({ url: `/api/v1/dossiers/${code}/result-draft`, headers: auth(citizen()) })).statusCode).toBe(403);
    const other = await login(t.app, 'lanhdao.taichinh');
    expect((await t.app.inject({ url: `/api/v1/dossiers/${code}/result-draft`, headers: auth(other) })).statusCode).toBe(404);
    const fresh = await submitted();
    const early = await t.app.inject({ url: `/api/v1/dossiers/${fresh}/result-draft`, headers: auth(leader()) });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ type: '/problems/no-result-draft' });
  });

  it('no longer offers approve or sign once signed; the result carries the signer\'s real title and agency', async () => {
    const code = await atSigning();
    const signed = await ok(leader(), code, { action: 'sign' });
    expect(signed.allowedActions).toContain('issue_result');
    expect(signed.allowedActions).not.toContain('sign');
    expect(signed.allowedActions).not.toContain('approve');
    const again = await act(leader(), code, { action: 'sign' });
    expect(again.statusCode).toBe(409);

    const docs = (await t.app.inject({ url: `/api/v1/dossiers/${code}/documents`, headers: auth(leader()) })).json();
    const result = docs.items.find((d: { kind: string }) => d.kind === 'result');
    expect(result.signers[0]).toMatchObject({ role: 'officer', name: 'Ngô Thị Chủ Tịch', title: 'Chủ tịch Ủy ban nhân dân Phường Đồng Thuận' });
    const pdf = await t.app.inject({ url: `/api/v1/dossiers/${code}/documents/${result.id}/pdf`, headers: auth(leader()) });
    const text = pdfText(pdf.rawPayload);
    renderPage(pdf.rawPayload, 'result-signed-title');
    expect(text).toContain('TM. ỦY BAN NHÂN DÂN');
    expect(text).toContain('CHỦ TỊCH');
    expect(text).not.toContain('LÃNH ĐẠO CƠ QUAN');
    // Fields in the form's order: the child's name, date of birth, sex, place of birth; then who asked for it.
    const at = (s: string) => text.indexOf(s);
    const order = ['Họ, chữ đệm và tên của trẻ: Trần Gia Bảo', 'Ngày, tháng, năm sinh', 'Giới tính', 'Nơi sinh', 'Người yêu cầu'].map(at);
    expect(order.every((x) => x > 0), JSON.stringify(order)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // The certificate's signature verifies with the title in the signer's certificate.
    const verified = (await t.app.inject({ url: `/api/v1/verify/${result.id}` })).json();
    expect(verified.signatures[0].signer).toMatchObject({ commonName: 'Ngô Thị Chủ Tịch', title: 'Chủ tịch Ủy ban nhân dân Phường Đồng Thuận' });
  });
});

describe('the IOC\'s change against the previous period', () => {
  const figures = (received: number) => ({
    received, receivedOnline: 0, receivedPostal: 0, onlineShare: received ? 0 : null, settled: received, refused: 0, early: 0, onTime: received, late: 0,
    onTimeRate: received ? 1 : null, lateRate: received ? 0 : null, inProgress: 0, overdueOpen: null, overdueOpenRate: null, withdrawn: 0,
    returned: 0, electronicReturnShare: null, supplements: 0, rescheduled: 0, avgProcessingDays: null,
    ratings: { verySatisfied: 0, satisfied: 0, notSatisfied: 0, rated: 0, satisfiedShare: null }, fullyOnlineProcedureShare: 0.4,
  });
  it('is given only when the previous period has data', () => {
    const none = trendOf(figures(2913), figures(0));
    expect(Object.values(none).every((v) => v === null), JSON.stringify(none)).toBe(true);
    expect(trendOf(figures(2913), figures(13)).received).toBe(2900);
  });
});
