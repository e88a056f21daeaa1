/**
 * Issue 12, items 1, 3 and 10 (weak passwords): identity squatting, the lock-out race, the lock's end.
 * Each case here was found by attack; each failed on the code before the fix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catchUp } from '../src/platform/consumers.ts';
import { LINK_VERIFIED_CONSUMER, linkVerifiedConsumer } from '../src/modules/dossiers/index.ts';
import { auth, DEMO_COMMUNE, login, newIdNumber, testApp, upload, type TestApp } from './helpers.ts';
import { fill } from './sample-form.ts';

let t: TestApp;
const CODE = '1.001193'; // Đăng ký khai sinh, at the commune
let desk: string;
let procedure: { components: { code: string; required: boolean }[]; eform: Record<string, unknown> };

beforeAll(async () => {
  t = await testApp({ sessionTtlHours: 24 * 365 });
  desk = await login(t.app, 'motcua.dongthuan');
  procedure = (await t.app.inject({ url: `/api/v1/procedures/${CODE}` })).json();
});
afterAll(() => t.close());

const register = (idNumber: string, password: string, fullName = 'Nguyễn Thị Thật') => t.app.inject({
  method: 'POST', url: '/api/v1/auth/citizens', payload: { idNumber, fullName, phone: '0912000111', password },
});
const signIn = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

let keyN = 0;
async function counterDossier(idNumber: string): Promise<string> {
  const files = [];
  for (const c of procedure.components.filter((c) => c.required)) files.push({ componentCode: c.code, fileId: (await upload(t.app, desk)).json().id });
  const res = await t.app.inject({
    method: 'POST', url: '/api/v1/dossiers/counter', headers: { ...auth(desk), 'idempotency-key': `assurance-counter-${++keyN}` },
    payload: {
      procedureCode: CODE, channel: 'direct', applicant: { idNumber, fullName: 'Nguyễn Thị Thật' },
      formData: fill(procedure.eform as never, { communeCode: DEMO_COMMUNE, applicantIdNumber: idNumber }), files,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().code;
}

const mine = async (token: string) => (await t.app.inject({ url: '/api/v1/dossiers?mine', headers: auth(token) })).json().items.map((d: { code: string }) => d.code);

describe('identity assurance (squatting)', () => {
  it("keeps a counter dossier from a stranger who registered the applicant's ID number", async () => {
    const victim = newIdNumber();
    expect((await register(victim, 'Ke-gian-0001', 'Kẻ Giả Danh')).statusCode).toBe(201);
    const stranger = await login(t.app, victim, 'Ke-gian-0001');
    const code = await counterDossier(victim);

    expect(await mine(stranger)).not.toContain(code);
    expect((await t.app.inject({ url: `/api/v1/dossiers/${code}`, headers: auth(stranger) })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/dossiers/${code}/documents`, headers: auth(stranger) })).statusCode).toBe(404);
    const withdraw = await t.app.inject({
      method: 'POST', url: `/api/v1/dossiers/${code}/actions`, headers: { ...auth(stranger), 'if-match': '1' },
      payload: { action: 'request_withdrawal', reason: 'Không còn nhu cầu' },
    });
    expect(withdraw.statusCode).toBe(404);
    const me = (await t.app.inject({ url: '/api/v1/auth/me', headers: auth(stranger) })).json();
    expect(me.assurance).toBe('basic');
  });

  it('answers a registration the same whether or not the ID number has an account', async () => {
    const taken = newIdNumber();
    const free = newIdNumber();
    const first = await register(taken, 'Chu-that-2026');
    const again = await register(taken, 'Ke-gian-0002', 'Kẻ Giả Danh');
    const fresh = await register(free, 'Ke-gian-0003', 'Kẻ Giả Danh');
    expect([first.statusCode, again.statusCode, fresh.statusCode]).toEqual([201, 201, 201]);
    expect(Object.keys(again.json()).sort()).toEqual(Object.keys(fresh.json()).sort());
    expect(again.json()).toMatchObject({ username: taken, assurance: 'basic' });
    // Both accounts sign in with their own password; neither learns of the other.
    await login(t.app, taken, 'Chu-that-2026');
    await login(t.app, taken, 'Ke-gian-0002');
  });

  it('links counter dossiers to the account an officer verifies at the counter, and to no other', async () => {
    const idNumber = newIdNumber();
    expect((await register(idNumber, 'Chu-that-2026')).statusCode).toBe(201);
    expect((await register(idNumber, 'Ke-gian-0004', 'Kẻ Giả Danh')).statusCode).toBe(201);
    const owner = await login(t.app, idNumber, 'Chu-that-2026');
    const stranger = await login(t.app, idNumber, 'Ke-gian-0004');
    const before = await counterDossier(idNumber);

    // The officer looks the number up (in the body, not the URL) and sees both claims, phones masked.
    const search = await t.app.inject({ method: 'POST', url: '/api/v1/citizen-accounts/search', headers: auth(desk), payload: { idNumber } });
    expect(search.statusCode, search.body).toBe(200);
    const items = search.json().items as { id: string; fullName: string; phone: string; assurance: string }[];
    expect(items).toHaveLength(2);
    expect(items.every((a) => a.phone === '09******11' && a.assurance === 'basic')).toBe(true);
    const ownerId = items.find((a) => a.fullName === 'Nguyễn Thị Thật')!.id;
    const strangerId = items.find((a) => a.fullName === 'Kẻ Giả Danh')!.id;

    // A citizen may not verify anyone; the ID card's number must be the one the account claims.
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/citizen-accounts/${ownerId}/verify`, headers: auth(stranger), payload: { idNumber, idCardChecked: true } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/citizen-accounts/${ownerId}/verify`, headers: auth(desk), payload: { idNumber: newIdNumber(), idCardChecked: true } })).statusCode).toBe(404);
    const verified = await t.app.inject({ method: 'POST', url: `/api/v1/citizen-accounts/${ownerId}/verify`, headers: auth(desk), payload: { idNumber, idCardChecked: true } });
    expect(verified.statusCode, verified.body).toBe(200);
    const second = await t.app.inject({ method: 'POST', url: `/api/v1/citizen-accounts/${strangerId}/verify`, headers: auth(desk), payload: { idNumber, idCardChecked: true } });
    expect(second.statusCode).toBe(409);
    expect(second.json().type).toBe('/problems/id-number-verified-elsewhere');

    // The dossier filed before the verification reaches the owner once the event is consumed; one filed after, at once.
    await catchUp(t.database.db, LINK_VERIFIED_CONSUMER, linkVerifiedConsumer().handler, { timeoutMs: 50_000 });
    const after = await counterDossier(idNumber);
    expect(await mine(owner)).toEqual(expect.arrayContaining([before, after]));
    expect(await mine(stranger)).toEqual([]);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: auth(owner) })).json().assurance).toBe('verified');
    const audit = await t.database.db.selectFrom('audit_log').select(['action']).where('subject_id', '=', ownerId).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['user.verified', 'dossier.linked_to_account']));
  });
});

describe('lock-out', () => {
  it('checks no more than the allowed number of passwords when wrong ones arrive in parallel', async () => {
    for (const parallel of [10, 40]) {
      const idNumber = newIdNumber();
      expect((await register(idNumber, 'Dung-that-2026')).statusCode).toBe(201);
      const answers = await Promise.all(Array.from({ length: parallel }, (_, i) => signIn(idNumber, `Sai-mat-khau-${i}`)));
      const checked = answers.filter((r) => r.statusCode === 401).length;
      const refused = answers.filter((r) => r.statusCode === 423).length;
      console.log(`lock-out race: ${parallel} wrong passwords in parallel → ${checked} checked (401), ${refused} refused (423)`);
      expect(checked + refused).toBe(parallel);
      expect(checked, `${parallel} in parallel: ${checked} passwords checked`).toBeLessThanOrEqual(5);
      expect((await signIn(idNumber, 'Dung-that-2026')).statusCode).toBe(423);
    }
  });

  it('does not re-lock for a full period on the first wrong password after a lock expires', async () => {
    const idNumber = newIdNumber();
    expect((await register(idNumber, 'Dung-that-2026')).statusCode).toBe(201);
    for (let i = 0; i < 5; i++) expect((await signIn(idNumber, 'Sai-mat-khau-1')).statusCode).toBe(401);
    expect((await signIn(idNumber, 'Dung-that-2026')).statusCode).toBe(423);
    t.clock.advance(16 * 60_000);
    expect((await signIn(idNumber, 'Sai-mat-khau-1')).statusCode).toBe(401);
    expect((await signIn(idNumber, 'Dung-that-2026')).statusCode).toBe(200);
  });

  it('locks a name without an account exactly like one with an account', async () => {
    const nobody = newIdNumber();
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push((await signIn(nobody, 'Sai-mat-khau-1')).statusCode);
    expect(answers).toEqual([401, 401, 401, 401, 401, 423]);
  });
});

describe('password policy', () => {
  it.each(['password1', 'matkhau123', 'qwerty123', 'abc12345'])('refuses the guessable %s', async (password) => {
    const res = await register(newIdNumber(), password);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ pointer: '/body/password' });
    expect(res.json().errors[0].detail).toMatch(/dễ đoán.*too easy to guess/);
  });

  it("refuses the applicant's own ID number or phone inside the password", async () => {
    const idNumber = newIdNumber();
    expect((await register(idNumber, `${idNumber}a`)).statusCode).toBe(400);
    expect((await register(idNumber, 'x0912000111')).statusCode).toBe(400);
  });
});
