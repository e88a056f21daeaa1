/**
 * Several app nodes on one PostgreSQL (issue 12, item 11). Two `src/main.ts` processes start at the
 * same moment on an empty database, behind a round-robin proxy; citizens submit dossiers through it
 * while one node is killed with SIGKILL and restarted. Shown: no acknowledged dossier lost or
 * duplicated, the outbox consumer and the scheduled escalation run once across nodes, and a session
 * signed out on one node is refused on the other at once. PostgreSQL only (PGlite is one process).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../src/db/index.ts';
import { migrate } from '../src/db/migrate.ts';
import { newIdNumber, samplePdf } from './helpers.ts';
import { fill } from './sample-form.ts';
import { emptyDatabase, freePort, roundRobinProxy, send, startNode, stopNode, type AppNode, type Proxy } from './support/nodes-testkit.ts';

const postgres = inject('backend') === 'postgres';
const CODE = '1.001193'; // Đăng ký khai sinh, commune level, online
const COMMUNE = '18859'; // Đồng Thuận: desk motcua.dongthuan, leader lanhdao.dongthuan
const PASSWORD = 'matkhau-nhieu-nut-2026';
const CITIZENS = 3;
const SUBMISSIONS = 300; // at least; more while the restarted node has not yet acknowledged any
const WORKERS = 6;
const KILL_AT = 100; // acknowledged submissions when node B is killed
const LATE = 8; // dossiers received and assigned before the load, then made overdue
const RECEIVED_DURING_LOAD = 24; // dossiers the desk receives and assigns during the load

describe.skipIf(!postgres)('two app nodes on one PostgreSQL behind a proxy', () => {
  let db: Awaited<ReturnType<typeof emptyDatabase>>;
  let pool: pg.Pool;
  let dir: string;
  let env: Record<string, string>;
  let a: AppNode;
  let b: AppNode;
  let proxy: Proxy;
  const api = (path: string) => `${proxy.url}/api/v1${path}`;
  const json = (token: string | null, body: unknown, extra: Record<string, string> = {}) => ({
    method: 'POST', body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra },
  });
  const started = () => expect(proxy, 'the two nodes started').toBeDefined();
  const q = async <R extends pg.QueryResultRow>(text: string, values: unknown[] = []) => (await pool.query<R>(text, values)).rows;

  afterAll(async () => {
    await proxy?.close();
    for (const n of new Set([a, b, ...(proxy?.targets ?? [])])) if (n) await stopNode(n, 'SIGKILL');
    await pool?.end();
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('start at the same moment on an empty database: one migrates and seeds, the other waits and uses it', async () => {
    db = await emptyDatabase(inject('adminUrl'));
    pool = new pg.Pool({ connectionString: db.url, max: 4 });
    dir = mkdtempSync(join(tmpdir(), 'motcua-nodes-'));
    env = {
      DATABASE_URL: db.url, DATABASE_POOL_SIZE: '8', DATA_DIR: dir, FILES_DIR: join(dir, 'files'),
      SEED_DEMO: 'true', DEMO_DOSSIERS: '0', DEMO_PASSWORD: 'MotCua@2026', LOG_LEVEL: 'warn',
      ESCALATION_INTERVAL_MINUTES: '1', PKI_CA_KEY_BITS: '2048', ARGON2_MEMORY_KIB: '4096', ARGON2_TIME: '1',
    };
    const [pa, pb] = [await freePort(), await freePort()];
    a = startNode('A', pa, env);
    b = startNode('B', pb, env);
    await Promise.all([a.ready, b.ready]);
    proxy = await roundRobinProxy([a, b]);
    // Seeded once: one set of demo accounts, one province CA.
    expect(await q(`select username, count(*)::int as n from users group by username having count(*) > 1`)).toEqual([]);
    expect((await q<{ n: number }>(`select count(*)::int as n from pki_certificates where purpose = 'root_ca' and source = 'province'`))[0]!.n).toBe(1);
    const seeded = [a, b].filter((n) => n.output().includes('seeded '));
    expect(seeded.map((n) => n.name)).toHaveLength(1);
  }, 180_000);

  let procedure: { components: { code: string; required: boolean }[]; eform: Record<string, unknown> };
  const citizens: { id: string; idNumber: string; token: string; files: { componentCode: string; fileId: string }[] }[] = [];
  let desk: string;
  const lateCodes: string[] = [];
  const receivedCodes: string[] = [];
  const figures: Record<string, unknown> = {};

  async function submitOnce(c: (typeof citizens)[number], key: string) {
    const formData = fill(procedure.eform as never, { communeCode: COMMUNE, applicantIdNumber: c.idNumber });
    return send(api('/dossiers'), json(c.token, { procedureCode: CODE, formData, files: c.files }, { 'idempotency-key': key }));
  }

  /** The desk receives and assigns the dossier (state by state: a retried action that had been applied is seen by the next read). */
  async function receiveAndAssign(code: string) {
    for (let i = 0; i < 20; i++) {
      const d = await send(api(`/dossiers/${code}`), { headers: { authorization: `Bearer ${desk}` } });
      expect(d.status, JSON.stringify(d.body)).toBe(200);
      const action = d.body.statusCode === 1 ? 'receive' : d.body.statusCode === 2 ? 'assign' : null;
      if (!action) return;
      await send(api(`/dossiers/${code}/actions`), json(desk, { action }, { 'if-match': String(d.body.version) }));
    }
    throw new Error(`${code} was not received and assigned`);
  }

  it('loses no acknowledged dossier and makes no duplicate when a node is killed mid-load', async () => {
    started();
    procedure = (await send(api(`/procedures/${CODE}`), {})).body;
    for (let i = 0; i < CITIZENS; i++) {
      const idNumber = newIdNumber();
      const reg = await send(api('/auth/citizens'), json(null, { idNumber, fullName: `Công Dân Nhiều Nút ${i}`, phone: '0912345678', password: PASSWORD }));
      expect(reg.status, JSON.stringify(reg.body)).toBe(201);
      const token = (await send(api('/auth/login'), json(null, { username: idNumber, password: PASSWORD }))).body.token as string;
      const files = [];
      for (const c of procedure.components.filter((x) => x.required)) {
        const form = new FormData();
        form.append('file', new Blob([samplePdf(`${i}-${c.code}`)], { type: 'application/pdf' }), 'scan.pdf');
        const up = await send(api('/files'), { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
        expect(up.status, JSON.stringify(up.body)).toBe(201);
        files.push({ componentCode: c.code, fileId: up.body.id as string });
      }
      citizens.push({ id: reg.body.id, idNumber, token, files });
    }
    const deskLogin = await send(api('/auth/login'), json(null, { username: 'motcua.dongthuan', password: 'MotCua@2026' }));
    expect(deskLogin.status).toBe(200);
    desk = deskLogin.body.token;

    // Dossiers in progress whose step is overdue: the escalation job will find them at its next tick.
    for (let i = 0; i < LATE; i++) {
      const r = await submitOnce(citizens[0]!, randomUUID());
      expect(r.status).toBe(201);
      await receiveAndAssign(r.body.code);
      lateCodes.push(r.body.code);
    }
    await q(`update dossiers set step_due_at = now() - interval '1 hour' where code = any($1)`, [lateCodes]);

    // The load: WORKERS clients submit with fresh keys, retrying each with its key until acknowledged.
    const acked = new Map<string, { owner: string; code: string; replayed: boolean; retries: number }>();
    const unexpected: string[] = [];
    let killedAt: { acknowledged: number; inFlightOnB: number } | null = null;
    let restarted: AppNode | null = null;
    const ackedByRestarted = () => (restarted ? proxy.counts.get('B2')?.get(201) ?? 0 : 0);
    const enough = () => acked.size >= SUBMISSIONS && restarted !== null && ackedByRestarted() >= 10;
    let n = 0;
    const worker = async () => {
      while (!enough() && unexpected.length === 0) {
        const c = citizens[n++ % CITIZENS]!;
        const key = randomUUID();
        const r = await submitOnce(c, key);
        if (r.status !== 201) {
          unexpected.push(`${r.status} ${JSON.stringify(r.body)}`);
          return;
        }
        acked.set(key, { owner: c.id, code: r.body.code, replayed: r.headers.get('idempotent-replayed') === 'true', retries: r.retries });
        if (!killedAt && acked.size >= KILL_AT) {
          killedAt = { acknowledged: acked.size, inFlightOnB: proxy.inFlight.get('B') ?? 0 };
          b.proc.kill('SIGKILL');
          await b.exited;
          // Restarted on its port (the proxy keeps sending there: refused connections until it listens).
          restarted = startNode('B2', b.port, env);
          proxy.targets[1] = restarted;
          restarted.ready.catch(() => undefined);
        }
      }
    };
    // Meanwhile the desk receives and assigns some of the acknowledged dossiers (events for the consumer).
    const officer = async () => {
      while (receivedCodes.length < RECEIVED_DURING_LOAD && unexpected.length === 0) {
        const next = [...acked.values()].find((d) => !receivedCodes.includes(d.code) && !d.replayed);
        if (!next) {
          await new Promise((r) => setTimeout(r, 20));
          continue;
        }
        await receiveAndAssign(next.code);
        receivedCodes.push(next.code);
      }
    };
    await Promise.all([...Array.from({ length: WORKERS }, worker), officer()]);
    expect(unexpected).toEqual([]);
    b = restarted!;
    await b.ready;

    const keys = [...acked.keys()];
    const stored = await q<{ key: string; owner_id: string; id: string; code: string }>(
      `select k.key, k.owner_id, d.id, d.code from idempotency_keys k join dossiers d on d.id = k.dossier_id where k.owner_id = any($1::uuid[])`,
      [citizens.map((c) => c.id)]);
    const byKey = new Map(stored.map((s) => [s.key, s]));
    const lost = keys.filter((k) => byKey.get(k)?.code !== acked.get(k)!.code);
    const dossiersOfLoad = (await q<{ n: number }>(`select count(*)::int as n from dossiers where applicant_id = any($1::uuid[])`, [citizens.map((c) => c.id)]))[0]!.n;
    const duplicates = dossiersOfLoad - LATE - acked.size;
    const sameCode = new Set([...acked.values()].map((d) => d.code)).size;
    Object.assign(figures, {
      acknowledged: acked.size, lost: lost.length, duplicates, killedAt,
      retried: [...acked.values()].filter((d) => d.retries > 0).length,
      replayedAfterRetry: [...acked.values()].filter((d) => d.replayed).length,
      perNode: Object.fromEntries([...proxy.counts].map(([k, m]) => [k, Object.fromEntries(m)])),
    });
    console.log('multi-node load:', JSON.stringify(figures));
    expect(killedAt).not.toBeNull();
    expect(lost).toEqual([]);
    expect(duplicates).toBe(0);
    expect(sameCode).toBe(acked.size);
    expect(stored.length).toBe(acked.size + LATE);
  }, 240_000);

  it('refuses at once on node B a session signed out on node A', async () => {
    started();
    const c = citizens[1]!;
    const refusedAfterLogout: number[] = [];
    for (let i = 0; i < 5; i++) {
      const login = await send(`${a.url}/api/v1/auth/login`, json(null, { username: c.idNumber, password: PASSWORD }));
      expect(login.status).toBe(200);
      const bearer = { authorization: `Bearer ${login.body.token}` };
      expect((await send(`${b.url}/api/v1/auth/me`, { headers: bearer })).status).toBe(200); // B knows the session
      expect((await send(`${a.url}/api/v1/auth/logout`, { method: 'POST', headers: bearer })).status).toBe(204);
      refusedAfterLogout.push((await send(`${b.url}/api/v1/auth/me`, { headers: bearer })).status);
    }
    expect(refusedAfterLogout).toEqual([401, 401, 401, 401, 401]);
  }, 60_000);

  it('applies each outbox event once in the consumer across nodes (the IOC rollups count each reception once)', async () => {
    started();
    const expected = LATE + RECEIVED_DURING_LOAD;
    // Wait until the consumer has passed every event written so far (either node may run it).
    const last = (await q<{ id: number }>(`select max(id)::int as id from outbox`))[0]!.id;
    for (;;) {
      const [cursor] = await q<{ ok: boolean }>(`select exists (select 1 from outbox_cursors c join outbox o on o.id = $1 where c.name = 'ioc' and (c.txid, c.id) >= (o.txid, o.id)) as ok`, [last]);
      if (cursor!.ok) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const [rollup] = await q<{ received: number; online: number }>(
      `select coalesce(sum(received), 0)::int as received, coalesce(sum(received_online), 0)::int as online from ioc_rollups where scope = '' and level = 'province'`);
    const [receptions] = await q<{ n: number }>(`select count(*)::int as n from dossier_history where action = 'receive'`);
    console.log('ioc consumer:', JSON.stringify({ receptions: receptions!.n, rolledUp: rollup!.received }));
    expect(receptions!.n).toBe(expected);
    expect(rollup).toEqual({ received: expected, online: expected });
  }, 60_000);

  it('runs the scheduled escalation once per tick across nodes, and escalates each late step once', async () => {
    started();
    // The job runs every minute (ESCALATION_INTERVAL_MINUTES=1); wait for the tick after the steps became late.
    const ids = (await q<{ id: string }>(`select id from dossiers where code = any($1)`, [lateCodes])).map((r) => r.id);
    for (;;) {
      const [e] = await q<{ n: number }>(`select count(*)::int as n from step_escalations where dossier_id = any($1::uuid[])`, [ids]);
      if (e!.n === LATE) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const leaders = (await q<{ n: number }>(`select count(*)::int as n from users u join agencies a on a.id = u.agency_id
      where a.unit_code = $1 and a.kind = 'commune_peoples_committee' and 'agency_leader' = any(u.roles) and not u.disabled`, [COMMUNE]))[0]!.n;
    expect(leaders).toBeGreaterThan(0);
    const perDossier = await q<{ id: string; notes: number; audits: number; events: number }>(`
      select d.id,
        (select count(*)::int from notifications n where n.dossier_id = d.id and n.kind = 'step_overdue') as notes,
        (select count(*)::int from audit_log l where l.subject_id = d.id::text and l.action = 'dossier.step_escalated') as audits,
        (select count(*)::int from outbox o where o.aggregate_id = d.id::text and o.topic = 'dossier.step_escalated') as events
      from dossiers d where d.id = any($1::uuid[])`, [ids]);
    // pg-boss: each cron tick is sent once (the __pgboss__send-it singleton per minute), each sent job once.
    const ticks = await q<{ slot: string; n: number }>(`select singleton_on::text as slot, count(*)::int as n from pgboss.job
      where name = '__pgboss__send-it' and data->>'name' = 'dossiers.escalate' group by singleton_on order by singleton_on`);
    const jobs = await q<{ state: string; n: number }>(`select state::text, count(*)::int as n from pgboss.job where name = 'dossiers.escalate' group by state order by state`);
    console.log('escalation:', JSON.stringify({ leaders, ticks, jobs }));
    expect(perDossier.filter((d) => d.notes !== leaders || d.audits !== 1 || d.events !== 1)).toEqual([]);
    expect(ticks.length).toBeGreaterThan(0);
    expect(ticks.filter((t) => t.n !== 1)).toEqual([]);
    const total = jobs.reduce((s, j) => s + j.n, 0);
    expect(total).toBeLessThanOrEqual(ticks.length);
  }, 180_000);
});

describe.skipIf(!postgres)('migrations started twice at once on an empty database', () => {
  it('are applied once, and both calls succeed', async () => {
    const db = await emptyDatabase(inject('adminUrl'));
    const [one, two] = [await openDatabase({ databaseUrl: db.url, pgliteDir: '' }), await openDatabase({ databaseUrl: db.url, pgliteDir: '' })];
    try {
      const [x, y] = await Promise.allSettled([migrate(one), migrate(two)]);
      expect([x.status, y.status], JSON.stringify([x, y].map((r) => (r.status === 'rejected' ? String(r.reason) : null)))).toEqual(['fulfilled', 'fulfilled']);
      const applied = [...(x as PromiseFulfilledResult<string[]>).value, ...(y as PromiseFulfilledResult<string[]>).value].sort();
      const all = (await one.query<{ name: string }>('select name from schema_migrations order by name')).rows.map((r) => r.name);
      expect(applied).toEqual(all); // each file applied by exactly one of the two
    } finally {
      await one.close();
      await two.close();
      await db.drop();
    }
  }, 60_000);
});
