import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, DEMO_CITIZEN, DEMO_COMMUNE, login, registerCitizen, testApp, upload, type TestApp } from './helpers.ts';
import { fill } from './sample-form.ts';

let t: TestApp;
let citizen: string;
// Đăng ký khai sinh: commune level, online, with an e-form.
const CODE = '1.001193';
let procedure: { components: { code: string; required: boolean }[]; eform: Record<string, unknown> };

beforeAll(async () => {
  t = await testApp();
  citizen = await login(t.app, DEMO_CITIZEN);
  procedure = (await t.app.inject({ url: `/api/v1/procedures/${CODE}` })).json();
});
afterAll(() => t.close());

async function attachments(token: string) {
  const files = [];
  for (const c of procedure.components.filter((c) => c.required)) {
    const up = await upload(t.app, token);
    expect(up.statusCode).toBe(201);
    files.push({ componentCode: c.code, fileId: up.json().id });
  }
  return files;
}

function submit(token: string, body: unknown, key: string) {
  return t.app.inject({ method: 'POST', url: '/api/v1/dossiers', payload: body as object, headers: { ...auth(token), 'idempotency-key': key } });
}

const formData = () => fill(procedure.eform as never, { communeCode: DEMO_COMMUNE, applicantIdNumber: DEMO_CITIZEN });

describe('online intake', () => {
  it('submits a dossier and returns its code, status and history', async () => {
    const res = await submit(citizen, { procedureCode: CODE, formData: formData(), files: await attachments(citizen) }, 'key-first-0001');
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    expect(d.code).toMatch(/^[0-9A-Za-z.]+-260310-\d{4}$/);
    expect(d).toMatchObject({ status: 'registered', statusCode: 1, channel: 'online', version: 1 });
    expect(d.history).toHaveLength(1);
    expect(d.deskAgency.name).toMatch(/Đồng Thuận/);
  });

  it('returns the same dossier for the same Idempotency-Key and creates nothing', async () => {
    const body = { procedureCode: CODE, formData: formData(), files: await attachments(citizen) };
    const first = await submit(citizen, body, 'key-idem-0001');
    const count = async () => (await t.database.db.selectFrom('dossiers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    const before = Number(await count());
    const again = await submit(citizen, body, 'key-idem-0001');
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().code).toBe(first.json().code);
    expect(Number(await count())).toBe(before);
    const different = await submit(citizen, { ...body, formData: { ...body.formData, address: 'Khác' } }, 'key-idem-0001');
    expect(different.statusCode).toBe(422);
    expect(different.json().type).toBe('/problems/idempotency-key-reused');
  });

  it('gives 20 concurrent submissions 20 distinct, consecutive codes', async () => {
    const files = await attachments(citizen);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => submit(citizen, { procedureCode: CODE, formData: formData(), files }, `key-conc-${String(i).padStart(4, '0')}`)),
    );
    for (const r of results) expect(r.statusCode, r.body).toBe(201);
    const seqs = results.map((r) => Number(r.json().code.split('-').at(-1))).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(20);
    for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBe(seqs[i - 1]! + 1);
  });

  it('keeps counting past 9999 a day (at least four digits)', async () => {
    const first = await submit(citizen, { procedureCode: CODE, formData: formData(), files: await attachments(citizen) }, 'key-wide-0001');
    const desk = first.json().deskAgency.id;
    await t.database.db.updateTable('dossier_sequences').set({ last: 9999 }).where('agency_id', '=', desk).execute();
    const next = await submit(citizen, { procedureCode: CODE, formData: formData(), files: await attachments(citizen) }, 'key-wide-0002');
    expect(next.json().code).toBe(`${desk}-260310-10000`);
  });

  it('rejects missing required components with field details', async () => {
    const res = await submit(citizen, { procedureCode: CODE, formData: formData(), files: [] }, 'key-missing-01');
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const body = res.json();
    expect(body.type).toBe('/problems/missing-components');
    expect(body.titleVi).toBeTruthy();
    expect(body.titleEn).toBeTruthy();
    const required = procedure.components.filter((c) => c.required).map((c) => `/body/files/${c.code}`);
    expect(body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(required);
  });

  it('validates form data against the e-form', async () => {
    const res = await submit(citizen, { procedureCode: CODE, formData: { ...formData(), applicantIdNumber: '12' }, files: await attachments(citizen) }, 'key-form-0001');
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.some((e: { pointer: string }) => e.pointer === '/body/formData/applicantIdNumber')).toBe(true);
  });

  it("refuses another citizen's files", async () => {
    const other = await registerCitizen(t.app);
    const files = await attachments(other.token);
    const res = await submit(citizen, { procedureCode: CODE, formData: formData(), files }, 'key-foreign-01');
    expect(res.statusCode).toBe(400);
  });

  it('requires the Idempotency-Key header', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', payload: { procedureCode: CODE, formData: {}, files: [] }, headers: auth(citizen) });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].pointer).toMatch(/idempotency-key/);
  });
});

describe('who sees a dossier', () => {
  let code: string;
  beforeAll(async () => {
    const res = await submit(citizen, { procedureCode: CODE, formData: formData(), files: await attachments(citizen) }, 'key-access-001');
    code = res.json().code;
  });

  it('shows the owner their dossier and logs the read', async () => {
    const res = await t.app.inject({ url: `/api/v1/dossiers/${code}`, headers: auth(citizen) });
    expect(res.statusCode).toBe(200);
    expect(res.json().applicant.idNumber).toBe(DEMO_CITIZEN);
    const reads = await t.database.db.selectFrom('audit_log').select('id').where('action', '=', 'dossier.read').execute();
    expect(reads.length).toBeGreaterThan(0);
  });

  it("answers 404 to a citizen reading another citizen's dossier", async () => {
    const other = await registerCitizen(t.app);
    const res = await t.app.inject({ url: `/api/v1/dossiers/${code}`, headers: auth(other.token) });
    expect(res.statusCode).toBe(404);
    expect(res.json().type).toBe('/problems/not-found');
  });

  it("lets the receiving commune's officer read it, not another agency's", async () => {
    expect((await t.app.inject({ url: `/api/v1/dossiers/${code}`, headers: auth(await login(t.app, 'motcua.dongthuan')) })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/v1/dossiers/${code}`, headers: auth(await login(t.app, 'chuyenvien.taichinh')) })).statusCode).toBe(404);
  });

  it('needs a sign-in', async () => {
    const res = await t.app.inject({ url: `/api/v1/dossiers/${code}` });
    expect(res.statusCode).toBe(401);
  });

  it("lists only the caller's own dossiers, newest first, with keyset paging", async () => {
    const other = await registerCitizen(t.app);
    expect((await t.app.inject({ url: '/api/v1/dossiers?mine', headers: auth(other.token) })).json().items).toEqual([]);
    const page1 = (await t.app.inject({ url: '/api/v1/dossiers?mine&limit=5', headers: auth(citizen) })).json();
    expect(page1.items).toHaveLength(5);
    const page2 = (await t.app.inject({ url: `/api/v1/dossiers?mine&limit=5&cursor=${page1.nextCursor}`, headers: auth(citizen) })).json();
    const codes = [...page1.items, ...page2.items].map((d: { code: string }) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('gives a public status summary without personal data for the right ID number only', async () => {
    const ok = await t.app.inject({ url: `/api/v1/public/dossiers/${code}?idNumber=${DEMO_CITIZEN}` });
    expect(ok.statusCode).toBe(200);
    const body = ok.json();
    expect(body).toMatchObject({ code, statusCode: 1 });
    expect(JSON.stringify(body)).not.toContain(DEMO_CITIZEN);
    expect(JSON.stringify(body)).not.toContain('Nguyễn Văn An');
    expect((await t.app.inject({ url: `/api/v1/public/dossiers/${code}?idNumber=045095009999` })).statusCode).toBe(404);
    const post = await t.app.inject({ method: 'POST', url: '/api/v1/public/dossiers/lookup', payload: { code, idNumber: DEMO_CITIZEN } });
    expect(post.json().code).toBe(code);
  });
});
