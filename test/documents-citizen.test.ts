/**
 * What the applicant sees of a dossier's signed documents: only issued ones. A result the leader has
 * signed but the agency has not yet sealed and issued is the officers' (it may still be superseded);
 * the applicant neither lists nor downloads it until issuance, when it also enters their document store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePki } from '../src/modules/pki/index.ts';
import { resultsApp, type ResultsApp } from './support/results-testkit.ts';
import { auth, DEMO_COMMUNE, login, registerCitizen, upload } from './helpers.ts';
import { fill } from './sample-form.ts';

let t: ResultsApp;
let citizen: string;
let code: string;
const officers: Record<string, string> = {};

beforeAll(async () => {
  t = await resultsApp();
  await ensurePki(t.db, t.config, t.clock);
  for (const u of ['motcua.dongthuan', 'chuyenvien.dongthuan', 'lanhdao.dongthuan']) officers[u] = await login(t.app, u);
  const reg = await registerCitizen(t.app, 'Lý Thị Mai');
  citizen = reg.token;
  const p = (await t.app.inject({ url: '/api/v1/procedures/1.001193' })).json();
  const files = [];
  for (const c of p.components.filter((c: { required: boolean }) => c.required)) files.push({ componentCode: c.code, fileId: (await upload(t.app, citizen)).json().id });
  const res = await t.app.inject({
    method: 'POST', url: '/api/v1/dossiers', headers: { ...auth(citizen), 'idempotency-key': 'documents-citizen-1' },
    payload: { procedureCode: '1.001193', formData: fill(p.eform, { communeCode: DEMO_COMMUNE, applicantIdNumber: reg.idNumber }), files },
  });
  expect(res.statusCode, res.body).toBe(201);
  code = res.json().code;
});
afterAll(() => t.close());

async function act(user: string, body: Record<string, unknown>) {
  const token = officers[user]!;
  const version = (await t.app.inject({ url: `/api/v1/dossiers/${code}`, headers: auth(token) })).json().version;
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/actions`, headers: { ...auth(token), 'if-match': String(version) }, payload: body });
  expect(res.statusCode, `${body.action}: ${res.body}`).toBe(200);
}

const listed = async (token: string) => {
  const res = await t.app.inject({ url: `/api/v1/dossiers/${code}/documents`, headers: auth(token) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { id: string; kind: string; status: string }[];
};
const pdf = (token: string, id: string) => t.app.inject({ url: `/api/v1/dossiers/${code}/documents/${id}/pdf`, headers: auth(token) });

describe("the applicant's view of a dossier's signed documents", () => {
  it('hides a result signed but not yet issued, and shows it once issued', async () => {
    await act('motcua.dongthuan', { action: 'receive' });
    await act('motcua.dongthuan', { action: 'assign' });
    await act('chuyenvien.dongthuan', { action: 'forward', note: 'Hồ sơ hợp lệ' });
    await act('lanhdao.dongthuan', { action: 'sign' });

    const desk = await listed(officers['motcua.dongthuan']!);
    const signed = desk.find((d) => d.kind === 'result')!;
    expect(signed.status).toBe('signed');
    expect((await listed(citizen)).map((d) => d.kind)).toEqual(['form_01']);
    const refused = await pdf(citizen, signed.id);
    expect(refused.statusCode).toBe(404);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    expect((await pdf(officers['lanhdao.dongthuan']!, signed.id)).statusCode).toBe(200);

    await act('lanhdao.dongthuan', { action: 'issue_result' });
    const mine = await listed(citizen);
    expect(mine.map((d) => [d.kind, d.status])).toEqual([['form_01', 'issued'], ['result', 'issued']]);
    const ok = await pdf(citizen, signed.id);
    expect(ok.statusCode).toBe(200);
    expect(ok.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
