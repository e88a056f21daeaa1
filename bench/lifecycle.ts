/**
 * `npm run bench:lifecycle`: the lifecycle at scale on real PostgreSQL. Loads a year of dossiers
 * (default 1,000,000; see lifecycle-load.ts) into a scratch database after the server has migrated and
 * seeded it, then measures, each next to the same SQL sent straight through the pg driver in the same run:
 *
 * 1. work-queue page latency: `GET /api/v1/workqueue?limit=20` (first page, `due=overdue`, and a deep
 *    page by cursor, ~10,000 rows in) for officers of the busiest agencies, sequential requests;
 *    baseline: the SQL that `store.workqueue` compiles for the same filters. `EXPLAIN (ANALYZE)` once
 *    per kind of page says whether the `dossiers_workqueue` index serves the page in order;
 * 2. actions per second under concurrent load: the desk's `assign` (2 → 4, to the first step) of fresh
 *    dossiers registered at the counter through the API, by their counter officer,
 *    `POST /api/v1/dossiers/{code}/actions` with `If-Match: 1`, autocannon, each request a different
 *    dossier (loopback only, stops after a fixed number of requests); baseline: the action's two
 *    statements (read the dossier with its history and files; write the update with the version check,
 *    the history row, the outbox event, the applicant's notification and the audit append), compiled
 *    from the same store/lifecycle functions and sent through the server's kind of pool (both are
 *    prepared once per connection), on other fresh dossiers. Then the desk's `receive` (1 → 2) of
 *    online submissions, which also makes and seals the form-01 receipt PDF, same load, capped in time.
 *
 * Needs DATABASE_URL (a real PostgreSQL); uses a scratch database. Settings: BENCH_DOSSIERS,
 * BENCH_ACTIONS, BENCH_RECEIVE_ACTIONS, BENCH_CONNECTIONS, BENCH_QUEUE_REQUESTS.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import pg from 'pg';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type CompiledQuery } from 'kysely';
import type { DB } from '../src/db/types.ts';
import { createPool } from '../src/db/index.ts';
import * as store from '../src/modules/dossiers/store.ts';
import { writeAction } from '../src/modules/dossiers/lifecycle-write.ts';
import { dossierActionEvent } from '../src/modules/dossiers/events.ts';
import { DEMO_COMMUNE } from '../src/cli/seed.ts';
import { STATUSES } from '../src/modules/dossiers/model.ts';
import { percentile, requireDatabaseUrl, scratchDatabase, startServer } from './lib.ts';
import { loadDossiers } from './lifecycle-load.ts';
import { fill } from '../test/sample-form.ts';
import { samplePdf } from '../test/helpers-bytes.ts';

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 1_000_000);
const CHUNK = 250_000;
const ACTIONS = Number(process.env.BENCH_ACTIONS ?? 4000);
const WARMUP_ACTIONS = 400;
const RECEIVE_ACTIONS = Number(process.env.BENCH_RECEIVE_ACTIONS ?? 1000);
const ACTION_CAP_SECONDS = 60;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const QUEUE_REQUESTS = Number(process.env.BENCH_QUEUE_REQUESTS ?? 2000);
const QUEUE_WARMUP = 100;
const DEEP = 10_000;
const POOL = 16;
const CITIZENS = 40;
const PROCEDURE = '1.001193'; // birth registration, received by the commune's one-stop desk
const PASSWORD = process.env.DEMO_PASSWORD ?? 'MotCua@2026';
const DESK_OFFICER = 'motcua.dongthuan'; // counter officer of the demo commune's People's Committee
const QUEUE_OFFICERS = ['motcua.tinh', 'motcua.dongthuan', 'chuyenvien.taichinh', 'chuyenvien.dongthuan'];
const log = (m: string) => console.error(m);

/** A Kysely that only compiles: runs the application's own query code and hands back its SQL. */
function sqlCapture() {
  const captured: CompiledQuery[] = [];
  const db = new Kysely<DB>({
    dialect: { createAdapter: () => new PostgresAdapter(), createDriver: () => new DummyDriver(), createIntrospector: (d) => new PostgresIntrospector(d), createQueryCompiler: () => new PostgresQueryCompiler() },
    log: (e) => { if (e.level === 'query') captured.push(e.query); },
  });
  return async (run: (db: Kysely<DB>) => Promise<unknown>): Promise<CompiledQuery[]> => {
    captured.length = 0;
    await run(db);
    return captured.splice(0);
  };
}

function stats(latencies: number[]) {
  const s = [...latencies].sort((a, b) => a - b);
  const r = (x: number) => +x.toFixed(2);
  return { n: s.length, p50: r(percentile(s, 50)), p95: r(percentile(s, 95)), p99: r(percentile(s, 99)), max: r(s.at(-1) ?? NaN) };
}

/** Runs `task` over `items` from `concurrency` workers, each item once; ops/s and latencies in ms. */
async function eachOnce<T>(concurrency: number, items: T[], task: (item: T, worker: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async (_, w) => {
    while (next < items.length) {
      const item = items[next++]!;
      const t0 = performance.now();
      await task(item, w);
      latencies.push(performance.now() - t0);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: items.length / seconds, seconds, ...stats(latencies) };
}

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux, 100 ticks per second). */
function cpuMs(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return 0;
  }
}

const adminUrl = requireDatabaseUrl();
const loadBefore = loadavg()[0]!;
const db = await scratchDatabase(adminUrl, 'motcua_bench_lifecycle');
const dataDir = `/tmp/motcua-bench-${process.pid}`;
log('starting the server (migrations, demo province)…');
const server = await startServer({ DATABASE_URL: db.url, DATABASE_POOL_SIZE: String(POOL), SEED_DEMO: 'true', DATA_DIR: dataDir, ESCALATION_INTERVAL_MINUTES: '0' });
// The server's kind of pool: statements marked PREPARED are prepared once per connection, as in the server.
const pool = createPool(db.url, POOL);
/**
 * CPU used by the server process, by the database's backends and by this process between two points:
 * unlike wall time, it moves little when other jobs share the VM.
 */
async function cpuMeter() {
  const backends = async () => (await pool.query<{ pid: number }>(`select pid from pg_stat_activity where datname = current_database()`)).rows.map((r) => r.pid);
  const pg0 = new Map((await backends()).map((p) => [p, cpuMs(p)]));
  const node0 = cpuMs(server.proc.pid);
  const self0 = process.cpuUsage();
  return async (ops: number) => {
    const pgMs = (await backends()).reduce((a, p) => a + cpuMs(p) - (pg0.get(p) ?? 0), 0);
    const self = process.cpuUsage(self0);
    const r = (x: number) => +(x / ops).toFixed(2);
    return { serverMs: r(cpuMs(server.proc.pid) - node0), postgresMs: r(pgMs), clientMs: r((self.user + self.system) / 1000) };
  };
}
try {
  const api = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${server.url}${path}`, init);
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<any>;
  };
  const json = { 'content-type': 'application/json' };
  const login = async (username: string, password = PASSWORD) =>
    (await api('/api/v1/auth/login', { method: 'POST', headers: json, body: JSON.stringify({ username, password }) })).token as string;

  // 1. The year of dossiers.
  const loader = new pg.Client({ connectionString: db.url });
  await loader.connect();
  const load = await loadDossiers(loader, { total: DOSSIERS, chunk: CHUNK, busiestCommune: DEMO_COMMUNE, log });
  await loader.end();
  const counts = (await pool.query<{ status: number; n: number }>(`select status, count(*)::int as n from dossiers group by status order by status`)).rows;
  log(`statuses: ${counts.map((c) => `${c.status}: ${(c.n / load.dossiers * 100).toFixed(1)} %`).join(', ')}`);
  const queues = (await pool.query<{ agency: string; role: string; n: number }>(`
    select assignee_agency_id as agency, assignee_role as role, count(*)::int as n from dossiers
    where status in (1, 2, 4, 5, 6, 7, 9) group by 1, 2 order by n desc limit 5`)).rows;
  log(`largest work queues: ${queues.map((q) => `${q.agency}/${q.role} ${q.n}`).join(', ')}`);

  // 2. Work-queue pages for officers of the busiest agencies.
  interface Officer { username: string; token: string; agencyId: string; roles: string[]; size: number; depth: number; cursor: string; after: { dueAt: Date | null; id: string } }
  const officers: Officer[] = [];
  for (const username of QUEUE_OFFICERS) {
    const u = (await pool.query<{ agency_id: string; roles: string[] }>(`select agency_id, roles from users where username = $1`, [username])).rows[0]!;
    const size = (await pool.query<{ n: number }>(`select count(*)::int as n from dossiers where assignee_agency_id = $1 and assignee_role = any($2) and status in (1, 2, 4, 5, 6, 7, 9)`, [u.agency_id, u.roles])).rows[0]!.n;
    const depth = Math.max(1, Math.min(DEEP, Math.floor(size / 2)));
    const at = (await pool.query<{ due_at: Date | null; id: string }>(`
      select due_at, id from dossiers where assignee_agency_id = $1 and assignee_role = any($2) and status in (1, 2, 4, 5, 6, 7, 9)
      order by due_at, id offset $3 limit 1`, [u.agency_id, u.roles, depth - 1])).rows[0]!;
    const cursor = Buffer.from(JSON.stringify([at.due_at?.toISOString() ?? null, at.id])).toString('base64url');
    officers.push({ username, token: await login(username), agencyId: u.agency_id, roles: u.roles, size, depth, cursor, after: { dueAt: at.due_at, id: at.id } });
  }
  log(`work-queue officers: ${officers.map((o) => `${o.username} (${o.agencyId}, ${o.size} open, deep page at ${o.depth})`).join('; ')}`);

  const running = store.OPEN_STATUSES.filter((x) => x !== 5);
  const variants: { name: string; query: (o: Officer) => string; filter: (o: Officer) => store.QueueFilter; desk?: true }[] = [
    { name: 'first page', query: () => 'limit=20', filter: (o) => ({ agencyId: o.agencyId, roles: o.roles, statuses: [...store.OPEN_STATUSES], limit: 21 }) },
    { name: 'overdue', query: () => 'limit=20&due=overdue', filter: (o) => ({ agencyId: o.agencyId, roles: o.roles, statuses: running, dueBefore: new Date(), limit: 21 }) },
    // The desk's inbox: online dossiers waiting to be received (no due date yet), counter officers only.
    { name: 'to receive', query: () => 'limit=20&status=1', filter: (o) => ({ agencyId: o.agencyId, roles: o.roles, statuses: [1], limit: 21 }), desk: true },
    { name: 'deep page', query: (o) => `limit=20&cursor=${o.cursor}`, filter: (o) => ({ agencyId: o.agencyId, roles: o.roles, statuses: [...store.OPEN_STATUSES], limit: 21, after: o.after }) },
  ];
  const capture = sqlCapture();
  const client = await pool.connect();
  type Measured = ReturnType<typeof stats> & { cpu: Awaited<ReturnType<Awaited<ReturnType<typeof cpuMeter>>>> };
  const queue: Record<string, { http: Measured; directPg: Measured; ratioP99: number; usesIndex: boolean; sorted: boolean; filtered: number; plan: string }> = {};
  try {
    for (const v of variants) {
      const who = officers.filter((o) => !v.desk || o.roles.includes('counter_officer'));
      // Once: the plan for the largest queue.
      const [q] = await capture((k) => store.workqueue(k, v.filter(officers[0]!)));
      const plan = (await client.query(`explain (analyze, buffers) ${q!.sql}`, q!.parameters as unknown[])).rows.map((r) => r['QUERY PLAN'] as string);
      const usesIndex = plan.some((l) => l.includes('dossiers_workqueue'));
      // In index order (Limit over an Index Scan: a page costs the same at any depth), or fetched then sorted?
      const sorted = plan.some((l) => l.includes('Sort Key'));
      const fetched = plan.map((l) => /(?:Heap|Index) Scan.*actual time=\S+ rows=(\d+)/.exec(l)?.[1]).find((x) => x !== undefined);
      const filtered = plan.map((l) => /Rows Removed by Filter: (\d+)/.exec(l)?.[1]).filter((x) => x !== undefined).map(Number).reduce((a, b) => a + b, 0);
      const shape = !usesIndex ? 'dossiers_workqueue NOT used'
        : sorted ? `dossiers_workqueue used, but ${fetched ?? '?'} rows fetched and sorted`
          : filtered > 1000 ? `ordered scan of dossiers_workqueue, but ${filtered} rows read and filtered out` : 'ordered scan of dossiers_workqueue';
      log(`\nEXPLAIN ANALYZE, ${v.name}, ${officers[0]!.username}:\n  ${plan.join('\n  ')}`);

      const timeHttp = async (i: number) => {
        const o = who[i % who.length]!;
        const t0 = performance.now();
        const res = await fetch(`${server.url}/api/v1/workqueue?${v.query(o)}`, { headers: { authorization: `Bearer ${o.token}` } });
        const body = await res.text();
        const ms = performance.now() - t0;
        if (res.status !== 200) throw new Error(`workqueue ${v.name}: ${res.status} ${body}`);
        return ms;
      };
      const timePg = async (i: number) => {
        const o = who[i % who.length]!;
        const [c] = await capture((k) => store.workqueue(k, v.filter(o)));
        const t0 = performance.now();
        await client.query(c!.sql, c!.parameters as unknown[]);
        return performance.now() - t0;
      };
      const sample = await api(`/api/v1/workqueue?${v.query(officers[0]!)}`, { headers: { authorization: `Bearer ${officers[0]!.token}` } });
      if (sample.items.length !== 20) throw new Error(`workqueue ${v.name}: ${sample.items.length} items`);
      for (let i = 0; i < QUEUE_WARMUP; i++) { await timeHttp(i); await timePg(i); }
      log(`work queue, ${v.name}: ${QUEUE_REQUESTS} sequential requests over HTTP, then direct…`);
      const h: number[] = [];
      let meter = await cpuMeter();
      for (let i = 0; i < QUEUE_REQUESTS; i++) h.push(await timeHttp(i));
      const httpCpu = await meter(QUEUE_REQUESTS);
      const d: number[] = [];
      meter = await cpuMeter();
      for (let i = 0; i < QUEUE_REQUESTS; i++) d.push(await timePg(i));
      const directCpu = await meter(QUEUE_REQUESTS);
      const http = { ...stats(h), cpu: httpCpu };
      const directPg = { ...stats(d), cpu: directCpu };
      queue[v.name] = { http, directPg, ratioP99: +(http.p99 / directPg.p99).toFixed(1), usesIndex, sorted, filtered, plan: shape };
    }
  } finally {
    client.release();
  }

  // 3. Actions per second. Fresh dossiers through the API: birth registrations (1.001193) in the demo
  // commune, registered at the counter by its counter officer (status 2, history [register_counter]),
  // then the desk's `assign` (2 → 4: to the first step, the commune's specialist) is measured. Also, on
  // online submissions, the desk's `receive` (1 → 2), which now also makes and seals the form-01 receipt.
  const procedure = await api(`/api/v1/procedures/${PROCEDURE}`);
  const required = procedure.components.filter((c: { required: boolean }) => c.required);
  const upload = async (token: string, label: string) => {
    const files = [];
    for (const c of required) {
      const form = new FormData();
      form.append('file', new Blob([samplePdf(`${label}-${c.code}`)], { type: 'application/pdf' }), 'scan.pdf');
      const f = await api('/api/v1/files', { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
      files.push({ componentCode: c.code as string, fileId: f.id as string });
    }
    return files;
  };
  log(`preparing ${CITIZENS} citizens with their uploaded files…`);
  const citizens: { token: string; idNumber: string; files: { componentCode: string; fileId: string }[] }[] = [];
  for (let i = 0; i < CITIZENS; i++) {
    const idNumber = `045095${String(200000 + i)}`;
    await api('/api/v1/auth/citizens', { method: 'POST', headers: json, body: JSON.stringify({ idNumber, fullName: `Công Dân ${i}`, phone: '0912345678', password: 'Bench-cong-dan-2026' }) });
    const token = await login(idNumber, 'Bench-cong-dan-2026');
    citizens.push({ token, idNumber, files: await upload(token, `c${i}`) });
  }
  const deskToken = await login(DESK_OFFICER);
  const deskFiles = await upload(deskToken, 'desk');
  /** `n` dossiers created through the API by autocannon (16 connections); their codes. */
  const create = async (n: number, request: (i: number) => { path: string; body: string; token: string }) => {
    const codes: string[] = [];
    let i = 0;
    const r = await autocannon({
      url: server.url, connections: 16, amount: n,
      requests: [{
        setupRequest: (() => {
          const q = request(i++);
          return { method: 'POST', path: q.path, body: q.body, headers: { ...json, authorization: `Bearer ${q.token}`, 'idempotency-key': randomUUID() } };
        }) as never,
        onResponse: (status: number, body: string) => { if (status === 201) codes.push(JSON.parse(body).code); },
      }],
    });
    if (codes.length !== n) throw new Error(`prepared ${codes.length} of ${n} dossiers (${r.non2xx} non-2xx)`);
    return codes;
  };
  const httpCount = ACTIONS + CONNECTIONS; // autocannon builds one request ahead per connection
  const warmCount = WARMUP_ACTIONS + 8;
  const atCounter = warmCount + httpCount + ACTIONS;
  log(`registering ${atCounter} dossiers at the counter (POST /api/v1/dossiers/counter)…`);
  const registered = await create(atCounter, (i) => {
    const c = citizens[i % CITIZENS]!;
    const formData = fill(procedure.eform, { communeCode: DEMO_COMMUNE, applicantIdNumber: c.idNumber });
    return { path: '/api/v1/dossiers/counter', token: deskToken, body: JSON.stringify({ procedureCode: PROCEDURE, channel: 'direct', applicant: { idNumber: c.idNumber, fullName: `Công Dân ${i % CITIZENS}` }, formData, files: deskFiles }) };
  });
  const warmCodes = registered.slice(0, warmCount);
  const httpCodes = registered.slice(warmCount, warmCount + httpCount);
  const directCodes = registered.slice(warmCount + httpCount);
  const onlineCount = RECEIVE_ACTIONS + CONNECTIONS + 1;
  log(`submitting ${onlineCount} online dossiers (POST /api/v1/dossiers)…`);
  const online = await create(onlineCount, (i) => {
    const c = citizens[i % CITIZENS]!;
    const formData = fill(procedure.eform, { communeCode: DEMO_COMMUNE, applicantIdNumber: c.idNumber });
    return { path: '/api/v1/dossiers', token: c.token, body: JSON.stringify({ procedureCode: PROCEDURE, formData, files: c.files }) };
  });

  const act = (action: string, codes: string[]) => {
    let i = 0;
    return (() => ({
      method: 'POST', path: `/api/v1/dossiers/${codes[Math.min(i++, codes.length - 1)]}/actions`,
      body: JSON.stringify({ action }), headers: { ...json, authorization: `Bearer ${deskToken}`, 'if-match': '1' },
    })) as never;
  };
  /**
   * autocannon for `amount` requests, stopped after `capSeconds` if it has not finished by then.
   * `seconds`: from the start to the last response, timed here — autocannon ends a run on its own
   * one-second tick, so its start/finish (4,000 actions read as 4000/8, /9 or /10 s) are too coarse.
   */
  const cannon = (opts: { connections: number; amount: number; capSeconds: number; setupRequest: never }) =>
    new Promise<autocannon.Result & { seconds: number }>((resolve, reject) => {
      const t0 = performance.now();
      let last = t0;
      const onResponse = () => void (last = performance.now());
      const instance = autocannon({ url: server.url, connections: opts.connections, amount: opts.amount, timeout: 60, requests: [{ setupRequest: opts.setupRequest, onResponse }] },
        (err, res) => (err ? reject(err) : resolve(Object.assign(res, { seconds: (last - t0) / 1000 }))));
      const timer = setTimeout(() => instance.stop(), opts.capSeconds * 1000);
      instance.on('done', () => clearTimeout(timer));
    });
  const deadlocks = async () => (await pool.query<{ n: number }>(`select deadlocks::int as n from pg_stat_database where datname = current_database()`)).rows[0]!.n;

  log(`warm-up: ${WARMUP_ACTIONS} assign actions…`);
  const warm = await cannon({ connections: 8, amount: WARMUP_ACTIONS, capSeconds: 120, setupRequest: act('assign', warmCodes) });
  if (warm.non2xx || warm.errors) throw new Error(`warm-up: ${warm.non2xx} non-2xx, ${warm.errors} errors`);
  log(`HTTP: ${ACTIONS} assign actions, ${CONNECTIONS} connections…`);
  let meter = await cpuMeter();
  let deadlocks0 = await deadlocks();
  const http = await cannon({ connections: CONNECTIONS, amount: ACTIONS, capSeconds: ACTION_CAP_SECONDS, setupRequest: act('assign', httpCodes) });
  const httpSeconds = http.seconds;
  const httpCpu = await meter(http['2xx']);
  const httpDeadlocks = (await deadlocks()) - deadlocks0;
  const httpPerSecond = http['2xx'] / httpSeconds;
  const verified = (await pool.query<{ n: number }>(`select count(*)::int as n from dossiers where code = any($1) and status = 4 and version = 2`, [httpCodes])).rows[0]!.n;

  // Baseline: the action's SQL, compiled from the same store/platform code, straight through pg.
  const desk = (await pool.query<{ id: string; name: string; user_id: string }>(`
    select a.id, a.name, u.id as user_id from users u join agencies a on a.id = u.agency_id where u.username = $1`, [DESK_OFFICER])).rows[0]!;
  const captures = Array.from({ length: CONNECTIONS }, sqlCapture);
  log(`direct pg: ${ACTIONS} actions, ${CONNECTIONS} workers on a ${POOL}-connection pool…`);
  meter = await cpuMeter();
  const direct = await eachOnce(CONNECTIONS, directCodes, async (code, w) => {
    const capture = captures[w]!;
    const client = await pool.connect();
    try {
      const [read] = await capture((k) => store.getWithHistory(k, code));
      const found = (await client.query(read!.sql, read!.parameters as unknown[])).rows[0];
      const row = found as store.DossierRow;
      const now = new Date();
      const stepDue = new Date(now.getTime() + 2 * 86_400_000);
      const seq = found.history_json.length + 1;
      const [write] = await capture((k) => writeAction(k, {
        dossierId: row.id, expectedVersion: row.version, now,
        columns: {
          status: 4, version: row.version + 1, received_at: row.received_at, due_at: row.due_at, step_due_at: stepDue, assignee_agency_id: row.handling_agency_id,
          assignee_role: 'specialist', paused_at: null, rescheduled: false, result_at: null, rating: null,
        },
        history: {
          seq, occurred_at: now, actor_id: desk.user_id, actor_name: 'Võ Thị Tiếp Nhận', actor_title: 'Cán bộ một cửa', unit_name: desk.name,
          action: 'assign', note: 'Chuyển xử lý', status: 4, step_id: 'handle', step_index: 0, step_started_at: now, step_due_at: stepDue,
          assignee_agency_id: row.handling_agency_id, due_at: row.due_at, data: null,
        },
        event: dossierActionEvent(row, { action: 'assign', seq, status: 4, stepId: 'handle' }, 2, row.due_at, now),
        notice: { userId: row.applicant_id!, dossierId: row.id, kind: 'status_changed', at: now, title: { vi: `Hồ sơ ${code}: ${STATUSES[4].vi}`, en: `Dossier ${code}: ${STATUSES[4].en}` }, body: { vi: 'Chuyển xử lý', en: STATUSES[4].en } },
        audit: { actor: { kind: 'officer', id: desk.user_id }, action: 'dossier.assign', subjectType: 'dossier', subjectId: row.id, requestId: randomUUID(), at: now, data: { code, from: 2, to: 4, seq } },
      }));
      const r = await client.query(write!.sql, write!.parameters as unknown[]);
      if (r.rowCount !== 1) throw new Error(`${code}: version check failed`);
    } finally {
      client.release();
    }
  });
  const directCpu = await meter(directCodes.length);
  const actionsRatio = httpPerSecond / direct.perSecond;

  // receive, which makes the form-01 receipt PDF and seals it inside the action: the first one alone
  // (it issues the desk's seal certificate), then the same load as above, capped in time.
  await api(`/api/v1/dossiers/${online[0]}/actions`, { method: 'POST', headers: { ...json, authorization: `Bearer ${deskToken}`, 'if-match': '1' }, body: '{"action":"receive"}' });
  log(`HTTP: ${RECEIVE_ACTIONS} receive actions (form 01 made and sealed), ${CONNECTIONS} connections, at most ${ACTION_CAP_SECONDS} s…`);
  meter = await cpuMeter();
  deadlocks0 = await deadlocks();
  const rcv = await cannon({ connections: CONNECTIONS, amount: RECEIVE_ACTIONS, capSeconds: ACTION_CAP_SECONDS, setupRequest: act('receive', online.slice(1)) });
  const rcvSeconds = rcv.seconds;
  const rcvCpu = await meter(Math.max(1, rcv['2xx']));
  const rcvDeadlocks = (await deadlocks()) - deadlocks0;
  const rcvPerSecond = rcv['2xx'] / rcvSeconds;

  const result = {
    date: new Date().toISOString(),
    // 1-minute load average of the machine at the start and at the end: other work on the VM shows here
    loadavg: [+loadBefore.toFixed(1), +loadavg()[0]!.toFixed(1)],
    load: { dossiers: load.dossiers, insertSeconds: +load.insertSeconds.toFixed(1), vacuumAnalyzeSeconds: +load.vacuumAnalyzeSeconds.toFixed(1), rowsPerSecond: Math.round(load.dossiers / load.insertSeconds), window: load.window },
    actions: {
      action: 'assign', connections: CONNECTIONS, count: ACTIONS,
      http: { perSecond: Math.round(httpPerSecond), p50: http.latency.p50, p99: http.latency.p99, ok: http['2xx'], non2xx: http.non2xx + http.errors, verified, deadlocks: httpDeadlocks, cpu: httpCpu },
      directPg: { perSecond: Math.round(direct.perSecond), p50: direct.p50, p99: direct.p99, cpu: directCpu },
      ratio: +actionsRatio.toFixed(2),
      receiveWithForm01: { perSecond: +rcvPerSecond.toFixed(1), p50: rcv.latency.p50, p99: rcv.latency.p99, ok: rcv['2xx'], non2xx: rcv.non2xx + rcv.errors, statusCodes: rcv.statusCodeStats, timeouts: rcv.timeouts, deadlocks: rcvDeadlocks, cpu: rcvCpu, ratio: +(rcvPerSecond / direct.perSecond).toFixed(2) },
    },
    workqueue: {
      requests: QUEUE_REQUESTS, officers: officers.map((o) => ({ username: o.username, agency: o.agencyId, open: o.size, deepAt: o.depth })),
      ...Object.fromEntries(Object.entries(queue).map(([k, v]) => [k, { http: v.http, directPg: v.directPg, ratioP99: v.ratioP99, usesIndex: v.usesIndex, indexOrder: !v.sorted, rowsFilteredOut: v.filtered }])),
    },
    targets: {
      actionsPerSecond: httpPerSecond >= 500,
      workqueueP99Under20ms: Object.values(queue).every((v) => v.http.p99 < 20),
    },
  };
  const fmt = (x: ReturnType<typeof stats>) => `p50 ${x.p50} ms  p95 ${x.p95} ms  p99 ${x.p99} ms`;
  console.log(`\nmachine load average ${result.loadavg[0]} at the start, ${result.loadavg[1]} at the end (2 cores; anything else running skews the figures)`);
  console.log(`loaded ${load.dossiers.toLocaleString('en')} dossiers in ${result.load.insertSeconds} s (${result.load.rowsPerSecond.toLocaleString('en')}/s) + vacuum analyze ${result.load.vacuumAnalyzeSeconds} s`);
  console.log(`POST …/actions assign    ${result.actions.http.perSecond}/s  p50 ${result.actions.http.p50} ms  p99 ${result.actions.http.p99} ms  (${http['2xx']} ok, ${result.actions.http.non2xx} non-2xx, ${verified} verified in the database, ${httpDeadlocks} deadlocks)`);
  console.log(`direct pg, same SQL      ${result.actions.directPg.perSecond}/s  p50 ${result.actions.directPg.p50} ms  p99 ${result.actions.directPg.p99} ms`);
  console.log(`CPU per action: server ${httpCpu.serverMs} ms + PostgreSQL ${httpCpu.postgresMs} ms (load generator ${httpCpu.clientMs} ms) | direct: PostgreSQL ${directCpu.postgresMs} ms + pg client ${directCpu.clientMs} ms`);
  console.log(`ratio API / direct pg:   ${result.actions.ratio}   (target ≥ 500 actions/s: ${result.targets.actionsPerSecond ? 'met' : 'MISSED'})`);
  const r = result.actions.receiveWithForm01;
  console.log(`POST …/actions receive   ${r.perSecond}/s  p50 ${r.p50} ms  p99 ${r.p99} ms  (${r.ok} ok, ${r.non2xx} non-2xx ${JSON.stringify(Object.fromEntries(Object.entries(r.statusCodes ?? {}).filter(([c]) => c !== '200').map(([c, v]) => [c, v.count])))}, ${r.deadlocks} deadlocks; form 01 made and sealed; CPU per action: server ${r.cpu.serverMs} ms + PostgreSQL ${r.cpu.postgresMs} ms)`);
  for (const [name, v] of Object.entries(queue)) {
    console.log(`GET /workqueue ${name.padEnd(10)}  HTTP ${fmt(v.http)} | direct pg ${fmt(v.directPg)} | p99 HTTP/pg ×${v.ratioP99} | CPU/page: server ${v.http.cpu.serverMs} ms, PostgreSQL ${v.directPg.cpu.postgresMs} ms | ${v.plan}`);
  }
  console.log(`work-queue page p99 < 20 ms: ${result.targets.workqueueP99Under20ms ? 'met' : 'MISSED'}`);
  console.log(JSON.stringify(result));
} finally {
  await pool.end();
  await server.stop();
  await db.drop();
  rmSync(dataDir, { recursive: true, force: true });
}
