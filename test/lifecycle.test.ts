import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escalateLateSteps } from '../src/modules/dossiers/escalation.ts';
import { reduce } from '../src/modules/dossiers/lifecycle.ts';
import { rowToEvent, stateColumns } from '../src/modules/dossiers/lifecycle-columns.ts';
import { agenciesOf } from '../src/modules/dossiers/lifecycle-env.ts';
import { verifyAudit } from '../src/platform/audit.ts';
import { auth, DEMO_CITIZEN, DEMO_COMMUNE, login, registerCitizen, testApp, upload, type TestApp } from './helpers.ts';
import { fill } from './sample-form.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
const CODE = '1.001193'; // Đăng ký khai sinh: commune level, 1 working day, officer → leader at the commune
let procedure: { components: { code: string; required: boolean }[]; eform: Record<string, unknown> };
const HOUR = 3_600_000;

beforeAll(async () => {
  // The tests move the clock by days: sessions must outlive that.
  t = await testApp({ sessionTtlHours: 24 * 365 });
  for (const u of [DEMO_CITIZEN, 'motcua.dongthuan', 'chuyenvien.dongthuan', 'lanhdao.dongthuan', 'motcua.tinh', 'chuyenvien.taichinh', 'admin.tinh']) {
    tokens[u] = await login(t.app, u);
  }
  procedure = (await t.app.inject({ url: `/api/v1/procedures/${CODE}` })).json();
});
afterAll(() => t.close());

const citizen = () => tokens[DEMO_CITIZEN]!;
const desk = () => tokens['motcua.dongthuan']!;
const specialist = () => tokens['chuyenvien.dongthuan']!;
const leader = () => tokens['lanhdao.dongthuan']!;

let keyN = 0;
async function submitted(token = citizen(), idNumber = DEMO_CITIZEN): Promise<string> {
  const files = [];
  for (const c of procedure.components.filter((c) => c.required)) files.push({ componentCode: c.code, fileId: (await upload(t.app, token)).json().id });
  const res = await t.app.inject({
    method: 'POST', url: '/api/v1/dossiers', headers: { ...auth(token), 'idempotency-key': `lifecycle-${++keyN}-key` },
    payload: { procedureCode: CODE, formData: fill(procedure.eform as never, { communeCode: DEMO_COMMUNE, applicantIdNumber: idNumber }), files },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().code;
}

const get = (token: string, code: string) => t.app.inject({ url: `/api/v1/dossiers/${code}`, headers: auth(token) });

async function act(token: string, code: string, body: Record<string, unknown>, version?: number) {
  const v = version ?? (await get(token, code)).json().version;
  return t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/actions`, headers: { ...auth(token), 'if-match': String(v) }, payload: body });
}

async function ok(token: string, code: string, body: Record<string, unknown>) {
  const res = await act(token, code, body);
  expect(res.statusCode, `${body.action}: ${res.body}`).toBe(200);
  return res.json();
}

describe('a dossier from submission to rating', () => {
  it('goes through the desk, the officer and the leader, with deadlines in working time', async () => {
    const code = await submitted();
    const fresh = (await get(desk(), code)).json();
    expect(fresh.allowedActions).toEqual(expect.arrayContaining(['receive', 'refuse', 'request_supplement']));
    expect((await get(citizen(), code)).json().allowedActions).toEqual(['request_withdrawal']);

    const received = await ok(desk(), code, { action: 'receive' });
    expect(received).toMatchObject({ statusCode: 2, status: 'received', version: 2 });
    // Received Tuesday 10 March 2026 09:00 (UTC+7); 1 working day → Wednesday 09:00.
    expect(received.dueAt).toBe('2026-03-11T02:00:00.000Z');
    expect(received.receivedAt).toBe('2026-03-10T02:00:00.000Z');

    const assigned = await ok(desk(), code, { action: 'assign' });
    expect(assigned).toMatchObject({ statusCode: 4, step: { id: 'handle' } });
    expect((await get(specialist(), code)).json().allowedActions).toEqual(expect.arrayContaining(['forward', 'request_supplement']));
    expect((await get(leader(), code)).json().allowedActions).not.toContain('forward');

    t.clock.advance(2 * HOUR);
    const forwarded = await ok(specialist(), code, { action: 'forward', note: 'Hồ sơ hợp lệ' });
    expect(forwarded.step.id).toBe('sign');
    const early = await act(leader(), code, { action: 'issue_result' });
    expect(early.statusCode).toBe(409);
    expect(early.json().type).toBe('/problems/action-not-allowed');
    await ok(leader(), code, { action: 'sign' });
    const result = await ok(leader(), code, { action: 'issue_result' });
    expect(result).toMatchObject({ statusCode: 9, deadlineState: 'on_time' });
    expect((await act(desk(), code, { action: 'return_result', returnMethod: 'by-drone' })).statusCode).toBe(400);
    const returned = await ok(desk(), code, { action: 'return_result', returnMethod: 'counter' });
    expect(returned.history.at(-1)).toMatchObject({ action: 'return_result', data: { method: 'counter', electronic: false } });

    const rated = await ok(citizen(), code, { action: 'rate', rating: 'very_satisfied' });
    expect(rated.rating).toBe('very_satisfied');
    const again = await act(citizen(), code, { action: 'rate', rating: 'not_satisfied' });
    expect(again.statusCode).toBe(409);

    const history = rated.history as { action: string; statusCode: number; actorName: string }[];
    expect(history.map((h) => h.action)).toEqual(['submit', 'receive', 'assign', 'forward', 'sign', 'issue_result', 'return_result', 'rate']);
    expect(history.map((h) => h.statusCode)).toEqual([1, 2, 4, 4, 4, 9, 10, 10]);

    const notes = (await t.app.inject({ url: '/api/v1/notifications', headers: auth(citizen()) })).json();
    const mine = notes.items.filter((n: { title: { vi: string } }) => n.title.vi.includes(code));
    expect(mine.map((n: { title: { en: string } }) => n.title.en)).toEqual(expect.arrayContaining([
      `Dossier ${code}: Received`, `Dossier ${code}: Processing`, `Dossier ${code}: Result available`, `Dossier ${code}: Returned`,
    ]));
    expect(notes.unread).toBeGreaterThan(0);
  });

  it('refuses at reception only with a reason (form 03)', async () => {
    const code = await submitted();
    const bare = await act(desk(), code, { action: 'refuse' });
    expect(bare.statusCode).toBe(400);
    const refused = await ok(desk(), code, { action: 'refuse', reason: 'Hồ sơ không thuộc thẩm quyền' });
    expect(refused.statusCode).toBe(3);
    expect(refused.allowedActions).toEqual([]);
  });
});

describe('documents of a dossier', () => {
  it('are readable by those who may read the dossier, inline with their real type, and the reads are audited', async () => {
    const code = await submitted();
    const d = (await get(citizen(), code)).json();
    const fileId = d.files[0].fileId;
    const byOfficer = await t.app.inject({ url: `/api/v1/dossiers/${code}/files/${fileId}`, headers: auth(desk()) });
    expect(byOfficer.statusCode).toBe(200);
    expect(byOfficer.headers['content-type']).toBe('application/pdf');
    expect(byOfficer.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await t.app.inject({ url: `/api/v1/dossiers/${code}/files/${fileId}`, headers: auth(tokens['motcua.tinh']!) })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/files/${fileId}`, headers: auth(citizen()) })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/v1/files/${fileId}`, headers: auth(desk()) })).statusCode).toBe(404);
    const reads = await t.database.db.selectFrom('audit_log').select('id').where('action', '=', 'file.read').execute();
    expect(reads.length).toBeGreaterThanOrEqual(2);
  });
});

describe('concurrency', () => {
  it('answers a stale version with 409 and the current state', async () => {
    const code = await submitted();
    await ok(desk(), code, { action: 'receive' });
    const stale = await act(desk(), code, { action: 'assign' }, 1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ type: '/problems/version-conflict', current: { version: 2, statusCode: 2 } });
    expect(stale.json().current.allowedActions).toContain('assign');
  });

  it('lets exactly one of two officers acting at the same moment win', async () => {
    const code = await submitted();
    const [a, b] = await Promise.all([act(desk(), code, { action: 'receive' }, 1), act(desk(), code, { action: 'refuse', reason: 'Trùng hồ sơ' }, 1)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const history = (await get(desk(), code)).json().history;
    expect(history).toHaveLength(2);
  });

  it('writes nothing for the loser of a race: one history row, event, notification and audit entry', async () => {
    const code = await submitted();
    await ok(desk(), code, { action: 'receive' });
    const audit0 = await verifyAudit(t.database.db);
    // assign writes in one statement without documents; both requests pass the version check on read.
    const [a, b] = await Promise.all([act(desk(), code, { action: 'assign' }, 2), act(desk(), code, { action: 'assign', note: 'lần hai' }, 2)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const winner = [a, b].find((r) => r.statusCode === 200)!.json();
    expect(winner).toMatchObject({ version: 3, statusCode: 4 });
    expect(winner.history.map((h: { seq: number }) => h.seq)).toEqual([1, 2, 3]);
    const db = t.database.db;
    const id = (await db.selectFrom('dossiers').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    const count = async (table: 'dossier_history' | 'outbox' | 'notifications' | 'audit_log', column: 'dossier_id' | 'aggregate_id' | 'subject_id', extra: (q: any) => any = (q) => q) =>
      Number((await extra(db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where(column, '=', id)).executeTakeFirstOrThrow()).n);
    expect(await count('dossier_history', 'dossier_id')).toBe(3);
    expect(await count('outbox', 'aggregate_id', (q) => q.where('topic', '=', 'dossier.assign'))).toBe(1);
    expect(await count('notifications', 'dossier_id', (q) => q.where('title_en', 'like', '%: Processing'))).toBe(1);
    expect(await count('audit_log', 'subject_id', (q) => q.where('action', '=', 'dossier.assign'))).toBe(1);
    const audit1 = await verifyAudit(db);
    expect(audit1.ok).toBe(true);
    expect(audit1.entries).toBe(audit0.entries + 1);
  });

  it('requires If-Match', async () => {
    const code = await submitted();
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/actions`, headers: auth(desk()), payload: { action: 'receive' } });
    expect(res.statusCode).toBe(428);
  });

  it('does not let another agency act, and hides the dossier from it', async () => {
    const code = await submitted();
    const res = await act(tokens['motcua.tinh']!, code, { action: 'receive' }, 1);
    expect(res.statusCode).toBe(404);
    const other = await registerCitizen(t.app);
    expect((await act(other.token, code, { action: 'request_withdrawal' }, 1)).statusCode).toBe(404);
  });
});

describe('the clock', () => {
  it('stops while a supplement is awaited and moves the due date by the time waited', async () => {
    const code = await submitted();
    const received = await ok(desk(), code, { action: 'receive' });
    const supplement = await ok(desk(), code, { action: 'request_supplement', items: ['Giấy chứng sinh (bản chính)'], reason: 'Thiếu giấy chứng sinh' });
    expect(supplement.statusCode).toBe(5);
    expect((await get(citizen(), code)).json().allowedActions).toEqual(expect.arrayContaining(['resubmit_supplement']));
    t.clock.advance(24 * HOUR); // one calendar day = one working day here (Wed → Thu)
    const scan = (await upload(t.app, citizen())).json().id;
    const back = await ok(citizen(), code, { action: 'resubmit_supplement', files: [{ componentCode: procedure.components[0]!.code, fileId: scan }] });
    expect(back.statusCode).toBe(2);
    expect(new Date(back.dueAt).getTime() - new Date(received.dueAt).getTime()).toBe(24 * HOUR);
    expect(back.files.map((f: { fileId: string }) => f.fileId)).toContain(scan);
  });

  it('reschedules once with an apology (form 04), never a second time', async () => {
    const code = await submitted();
    await ok(desk(), code, { action: 'receive' });
    await ok(desk(), code, { action: 'assign' });
    const dossier = (await get(specialist(), code)).json();
    // Not the specialist of this step's commune: only the step holder or the handling leader.
    const newDueAt = new Date(new Date(dossier.dueAt).getTime() + 3 * 24 * HOUR).toISOString();
    const moved = await ok(leader(), code, { action: 'reschedule', reason: 'Cần xác minh thêm', newDueAt });
    expect(moved.dueAt).toBe(newDueAt);
    expect(moved.rescheduled).toBe(true);
    const twice = await act(leader(), code, { action: 'reschedule', reason: 'Lần hai', newDueAt: new Date(Date.parse(newDueAt) + 24 * HOUR).toISOString() });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toMatch(/một lần|only once/);
  });

  it('stops a dossier the applicant withdraws, with the stop notice', async () => {
    const code = await submitted();
    await ok(desk(), code, { action: 'receive' });
    expect((await ok(citizen(), code, { action: 'request_withdrawal', reason: 'Không còn nhu cầu' })).statusCode).toBe(7);
    const stopped = await ok(desk(), code, { action: 'accept_withdrawal', reason: 'Theo đề nghị của công dân' });
    expect(stopped.statusCode).toBe(8);
    expect(stopped.history.at(-1).data).toMatchObject({ reason: 'Theo đề nghị của công dân' });
  });
});

describe('counter intake', () => {
  it('registers a paper dossier received at once, visible to the applicant', async () => {
    const files = [];
    for (const c of procedure.components.filter((c) => c.required)) files.push({ componentCode: c.code, fileId: (await upload(t.app, desk())).json().id });
    const body = {
      procedureCode: CODE, channel: 'direct', applicant: { idNumber: DEMO_CITIZEN, fullName: 'Nguyễn Văn An' },
      formData: fill(procedure.eform as never, { communeCode: DEMO_COMMUNE, applicantIdNumber: DEMO_CITIZEN }), files,
    };
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers/counter', headers: { ...auth(desk()), 'idempotency-key': 'counter-key-0001' }, payload: body });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ statusCode: 2, channel: 'direct' });
    expect(res.json().dueAt).not.toBeNull();
    const mine = (await t.app.inject({ url: '/api/v1/dossiers?mine', headers: auth(citizen()) })).json();
    expect(mine.items.map((d: { code: string }) => d.code)).toContain(res.json().code);
    const elsewhere = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers/counter', headers: { ...auth(tokens['motcua.tinh']!), 'idempotency-key': 'counter-key-0002' }, payload: { ...body, files: [] } });
    expect([403, 422]).toContain(elsewhere.statusCode);
    const citizenTry = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers/counter', headers: { ...auth(citizen()), 'idempotency-key': 'counter-key-0003' }, payload: body });
    expect(citizenTry.statusCode).toBe(403);
  });
});

describe('work queues', () => {
  it("lists the caller's agency and role by due date, with filters and keyset paging", async () => {
    for (let i = 0; i < 3; i++) await ok(desk(), await submitted(), { action: 'receive' });
    const page = (await t.app.inject({ url: '/api/v1/workqueue?status=2&limit=2', headers: auth(desk()) })).json();
    expect(page.items).toHaveLength(2);
    const next = (await t.app.inject({ url: `/api/v1/workqueue?status=2&limit=50&cursor=${page.nextCursor}`, headers: auth(desk()) })).json();
    const all = [...page.items, ...next.items];
    expect(new Set(all.map((d: { code: string }) => d.code)).size).toBe(all.length);
    const dues = all.map((d: { dueAt: string }) => d.dueAt);
    expect([...dues].sort()).toEqual(dues);
    expect((await t.app.inject({ url: '/api/v1/workqueue?status=2', headers: auth(tokens['chuyenvien.taichinh']!) })).json().items).toEqual([]);
    // One row per page across the whole queue (received dossiers with a due date, then the submitted
    // ones without): the same rows in the same order as one big page.
    await submitted();
    const items: { code: string; dueAt: string | null }[] = (await t.app.inject({ url: '/api/v1/workqueue?limit=100', headers: auth(desk()) })).json().items;
    expect(items[0]!.dueAt).not.toBeNull();
    expect(items.at(-1)!.dueAt).toBeNull();
    const whole = items.map((d) => d.code);
    const paged: string[] = [];
    for (let cursor: string | null = null; ;) {
      const p: { items: { code: string }[]; nextCursor: string | null } = (await t.app.inject({ url: `/api/v1/workqueue?limit=1${cursor ? `&cursor=${cursor}` : ''}`, headers: auth(desk()) })).json();
      paged.push(...p.items.map((d) => d.code));
      if (!(cursor = p.nextCursor)) break;
    }
    expect(paged).toEqual(whole);
    expect((await t.app.inject({ url: '/api/v1/workqueue', headers: auth(citizen()) })).statusCode).toBe(403);

    t.clock.advance(7 * 24 * HOUR);
    const overdue = (await t.app.inject({ url: '/api/v1/workqueue?due=overdue&limit=100', headers: auth(desk()) })).json();
    expect(overdue.items.length).toBeGreaterThanOrEqual(3);
    expect(overdue.items.every((d: { deadlineState: string }) => d.deadlineState === 'overdue')).toBe(true);
    const soon = (await t.app.inject({ url: '/api/v1/workqueue?due=soon', headers: auth(desk()) })).json();
    expect(soon.items.every((d: { deadlineState: string }) => d.deadlineState === 'nearing_due')).toBe(true);
  });
});

describe('escalation', () => {
  it("flags a step past its allowance to the agency's leaders, once", async () => {
    const code = await submitted();
    await ok(desk(), code, { action: 'receive' });
    await ok(desk(), code, { action: 'assign' });
    t.clock.advance(3 * 24 * HOUR);
    const first = await escalateLateSteps(t.database.db, t.clock);
    expect(first.escalated).toBeGreaterThanOrEqual(1);
    expect((await escalateLateSteps(t.database.db, t.clock)).escalated).toBe(0);
    const notes = (await t.app.inject({ url: '/api/v1/notifications', headers: auth(leader()) })).json();
    expect(notes.items.some((n: { kind: string; title: { vi: string } }) => n.kind === 'step_overdue' && n.title.vi.includes(code))).toBe(true);
  });
});

describe('processes as data', () => {
  it('validates a configured process, and a dossier keeps the version it started with', async () => {
    const before = await submitted();
    const current = (await t.app.inject({ url: `/api/v1/procedures/${CODE}/process`, headers: auth(desk()) })).json();
    expect(current).toMatchObject({ version: 0, source: 'template' });
    const broken = { ...current.definition, steps: [] };
    const bad = await t.app.inject({ method: 'PUT', url: `/api/v1/procedures/${CODE}/process`, headers: auth(tokens['admin.tinh']!), payload: broken });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.length).toBeGreaterThan(0);
    const forbidden = await t.app.inject({ method: 'PUT', url: `/api/v1/procedures/${CODE}/process`, headers: auth(desk()), payload: current.definition });
    expect(forbidden.statusCode).toBe(403);
    const oneStep = {
      ...current.definition, id: `${CODE}:leader-only`,
      steps: [{ ...current.definition.steps[1], id: 'only', actions: ['approve', 'sign', 'issue_result'] }],
    };
    const published = await t.app.inject({ method: 'PUT', url: `/api/v1/procedures/${CODE}/process`, headers: auth(tokens['admin.tinh']!), payload: oneStep });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().version).toBe(1);

    const after = await submitted();
    await ok(desk(), after, { action: 'receive' });
    expect((await ok(desk(), after, { action: 'assign' })).step.id).toBe('only');
    await ok(desk(), before, { action: 'receive' });
    expect((await ok(desk(), before, { action: 'assign' })).step.id).toBe('handle');
  });
});

describe('state is the reduction of the history', () => {
  it('replaying every stored history gives the stored state columns', async () => {
    const rows = await t.database.db.selectFrom('dossiers').selectAll().execute();
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      const history = await t.database.db.selectFrom('dossier_history').selectAll().where('dossier_id', '=', row.id).orderBy('seq').execute();
      const state = reduce(history.map(rowToEvent));
      const cols = stateColumns(state, row.process!, await agenciesOf(t.database.db, row));
      const stored = {
        status: row.status, version: row.version, received_at: row.received_at, due_at: row.due_at, step_due_at: row.step_due_at,
        assignee_agency_id: row.assignee_agency_id, assignee_role: row.assignee_role, paused_at: row.paused_at,
        rescheduled: row.rescheduled, result_at: row.result_at, rating: row.rating,
      };
      expect(cols, row.code).toEqual(stored);
    }
  });
});

describe('office hours per agency', () => {
  it("counts the due date in the receiving desk's own office hours", async () => {
    const { createCalendar } = await import('../src/modules/calendar/index.ts');
    const hours = { blocks: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:00' }], receptionCutoff: '08:30' };
    const deskId = (await get(desk(), await submitted())).json().deskAgency.id;
    const bad = await t.app.inject({ method: 'PUT', url: `/api/v1/agencies/${deskId}/office-hours`, headers: auth(tokens['admin.tinh']!), payload: { blocks: [{ start: '12:00', end: '08:00' }] } });
    expect(bad.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'PUT', url: `/api/v1/agencies/${deskId}/office-hours`, headers: auth(desk()), payload: hours })).statusCode).toBe(403);
    const set = await t.app.inject({ method: 'PUT', url: `/api/v1/agencies/${deskId}/office-hours`, headers: auth(tokens['admin.tinh']!), payload: hours });
    expect(set.statusCode, set.body).toBe(200);
    t.clock.set('2026-04-01T02:00:00.000Z'); // Wednesday 09:00 in Vietnam, after the 08:30 cut-off
    const received = await ok(desk(), await submitted(), { action: 'receive' });
    const at = new Date(received.receivedAt);
    expect(received.dueAt).toBe('2026-04-02T10:00:00.000Z'); // from Thursday 08:00, one 8-hour day → 17:00
    expect(received.dueAt).toBe(createCalendar({ officeHours: hours }).dueAt(at, 1).toISOString());
    expect(received.dueAt).not.toBe(createCalendar().dueAt(at, 1).toISOString());
  });
});
